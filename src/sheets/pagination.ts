import { numeroColonne, type Feuille, type Ligne } from './model';
import { bandeau, entete } from './styles';

/**
 * Page breaks that keep a row with the next one (an activité band with its first compétence, a
 * heading with its box), as a word processor's « paragraphes solidaires ». A spreadsheet has no such
 * setting, so the pages are laid out here from the rows' heights and the columns' widths, as Excel
 * does with the page setup written by the renderers (A4, margins below, fit to one page wide), and
 * every break is written: the printer's own pagination then never runs.
 *
 * The estimate must not be short, or the printer would break a page we thought full: pages are
 * filled to `REMPLISSAGE` of their height, and row heights are those of `hauteurPourTextes`, which
 * already rounds up.
 */
export const MARGES_POUCES = { gauche: 0.4, droite: 0.4, haut: 0.5, bas: 0.6, enTete: 0.3, piedDePage: 0.3 } as const;
const A4_POINTS = { largeur: 595.3, hauteur: 841.9 };
const REMPLISSAGE = 0.98;
const HAUTEUR_PAR_DEFAUT = 16; // points: a row without a height, at our 10 pt font, in Excel and LibreOffice

/** Width of a column in points, from its width in characters (Excel: 7 px per character + 5 px of padding, at 96 dpi). */
const largeurPoints = (caracteres: number) => ((caracteres * 7 + 5) * 72) / 96;

const hauteur = (l: Ligne | undefined) => l?.hauteur ?? HAUTEUR_PAR_DEFAUT;

/** The height rows may fill on one page, in the sheet's points (before its scale): A4, the margins, the printed width fitted. */
function capaciteDePage(f: Pick<Feuille, 'largeurs' | 'miseEnPage' | 'colonnesMasquees'>): number {
  const m = f.miseEnPage;
  const paysage = m.orientation === 'paysage';
  const largeurPage = (paysage ? A4_POINTS.hauteur : A4_POINTS.largeur) - 72 * (MARGES_POUCES.gauche + MARGES_POUCES.droite);
  const hauteurPage = (paysage ? A4_POINTS.largeur : A4_POINTS.hauteur) - 72 * (MARGES_POUCES.haut + MARGES_POUCES.bas);
  const masquees = new Set(f.colonnesMasquees ?? []);
  const derniereColonne = m.zoneImpression ? numeroColonne(/:\$?([A-Z]+)/.exec(m.zoneImpression)?.[1] ?? 'A') : f.largeurs.length;
  const largeurFeuille = f.largeurs.slice(0, derniereColonne).reduce((s, w, i) => s + (masquees.has(i) ? 0 : largeurPoints(w)), 0);
  const echelle = m.ajusterLargeur ? Math.min(1, largeurPage / largeurFeuille) : (m.echelle ?? 100) / 100;
  return (hauteurPage / echelle) * REMPLISSAGE;
}

/** 1-based rows before which a page starts, or none when no row asks to stay with the next one. */
export function sautsDePage(f: Pick<Feuille, 'largeurs' | 'lignes' | 'miseEnPage' | 'colonnesMasquees'>): number[] {
  const avecSuivante = f.lignes.map((l) => l.avecSuivante === true);
  if (!avecSuivante.includes(true)) return [];
  const m = f.miseEnPage;
  const capacite = capaciteDePage(f);
  const [r1, r2] = m.lignesRepetees ?? [0, -1];
  let repetees = 0;
  for (let r = r1; r <= r2; r++) repetees += hauteur(f.lignes[r - 1]);

  const sauts: number[] = [];
  let debut = 1; // first row of the current page
  let rempli = 0;
  for (let r = 1; r <= f.lignes.length; r++) {
    const h = hauteur(f.lignes[r - 1]);
    const disponible = capacite - (sauts.length > 0 && debut > r2 ? repetees : 0);
    if (rempli + h > disponible && r > debut) {
      // Move the break up over the rows that must stay with the one that does not fit, unless
      // they would not fit on the next page either.
      let saut = r;
      let groupe = 0;
      while (saut - 1 > debut && avecSuivante[saut - 2]) groupe += hauteur(f.lignes[--saut - 1]);
      if (groupe + h > capacite - (debut > r2 || saut > r2 ? repetees : 0)) {
        saut = r;
        groupe = 0;
      }
      sauts.push(saut);
      debut = saut;
      rempli = groupe;
    }
    rempli += h;
  }
  return sauts;
}

/** A table's header row: every cell with a value in the header style (white on blue). */
const estEntete = (l: Ligne) => {
  const pleines = l.cellules.filter((c) => c && c.valeur !== null);
  return pleines.length > 0 && pleines.every((c) => c!.style?.fond === entete.fond && c!.style?.couleur === entete.couleur);
};
/** A row of a table's body: bordered cells, neither a header nor a band. */
const estCorps = (l: Ligne) => {
  const pleines = l.cellules.filter((c): c is NonNullable<typeof c> => c !== null);
  return pleines.some((c) => c.style?.bordure) && !estEntete(l) && !pleines.some((c) => c.style?.fond === bandeau.fond);
};

/** The tables of a sheet as 1-based [first header row, last header row, last row]. */
export function tablesDe(lignes: readonly Ligne[]): [number, number, number][] {
  const tables: [number, number, number][] = [];
  for (let i = 0; i < lignes.length; i++) {
    if (!estEntete(lignes[i]!)) continue;
    let h = i;
    while (h + 1 < lignes.length && estEntete(lignes[h + 1]!)) h++;
    let fin = h;
    while (fin + 1 < lignes.length && estCorps(lignes[fin + 1]!)) fin++;
    tables.push([i + 1, h + 1, fin + 1]);
    i = fin;
  }
  return tables;
}

/**
 * An exercise's sheet laid out so that a table reads whole on paper: each table stays on one page
 * with its heading line (the row just above) when it fits on one; a table longer than a page keeps
 * its heading, header and first row together and, when it is the sheet's last table, has its header
 * rows repeated at the top of the pages it continues on (Excel repeats one band of rows per sheet,
 * from the page after the one where it stands).
 */
export function avecTablesSolidaires(f: Feuille): Feuille {
  const tables = tablesDe(f.lignes);
  if (!tables.length) return f;
  const lignes = f.lignes.map((l) => ({ ...l }));
  const capacite = capaciteDePage(f);
  for (const [debut, h, fin] of tables) {
    const avant = lignes[debut - 2];
    const titre = avant && avant.cellules.some((c) => c && c.valeur !== null) && !estCorps(avant);
    if (titre) avant.avecSuivante = true;
    let taille = titre ? hauteur(avant) : 0;
    for (let r = debut; r <= fin; r++) taille += hauteur(lignes[r - 1]);
    const solidaires = taille <= capacite ? fin - 1 : Math.min(h + 1, fin - 1);
    for (let r = debut; r <= solidaires; r++) lignes[r - 1]!.avecSuivante = true;
  }
  const base = { ...f, lignes };
  let sauts = sautsDePage(base);
  const coupees = tables.filter(([debut, , fin]) => sauts.some((s) => s > debut + 1 && s <= fin));
  const derniere = tables.at(-1)!;
  let miseEnPage = f.miseEnPage;
  if (coupees.length === 1 && coupees[0] === derniere && !miseEnPage.lignesRepetees) {
    miseEnPage = { ...miseEnPage, lignesRepetees: [derniere[0], derniere[1]] };
    sauts = sautsDePage({ ...base, miseEnPage });
  }
  const { sautsDePage: _anciens, ...sansSauts } = miseEnPage;
  return { ...base, miseEnPage: sauts.length ? { ...sansSauts, sautsDePage: sauts } : sansSauts };
}
