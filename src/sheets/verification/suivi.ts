import type { RapportCopie } from '../../check/rapport';
import { dateDeSerie, RE_DATE } from '../../domain/dates';
import { ConstructeurFeuille } from '../constructeur';
import type { Feuille, Ligne, NomDefini, Style } from '../model';
import { entete, titre as titreStyle } from '../styles';
import { texteLu, type ValeurLue } from '../exercices/lecture';

/**
 * « Suivi des compétences »: one row per compétence each time a copy is checked — the evidence the
 * class consolidation reads. Its header starts at the defined name `AGORA_Suivi`, so a renamed
 * sheet is still found; rows are appended below, never rewritten.
 */
export const FEUILLE_SUIVI = 'Suivi des compétences';
export const NOM_SUIVI = 'AGORA_Suivi';
/**
 * « Feuille de calcul » (the share of calculations made by formulas that take the data from their
 * cells) came after the seal: rows written before it keep their places, and their seals.
 */
export const COLONNES_SUIVI = [
  'Date',
  'Exercice',
  'Modèle',
  'Cas n°',
  'Compétence',
  'Critère',
  'Taux de réussite',
  'Degré',
  'Niveau',
  'Mode',
  'Fichier source',
  'Remarque',
  'Sceau',
  'Feuille de calcul',
] as const;
export const FORMATS_SUIVI: readonly (string | null)[] = ['dd/mm/yyyy', null, null, null, null, null, '0.0 %', null, null, null, null, null, null, '0.0 %'];
/** Column widths (characters); the template id and the seal, for the software, are hidden. */
export const LARGEURS_SUIVI: readonly number[] = [11, 34, 18, 10, 11, 40, 10, 7, 16, 10, 24, 26, 14, 11];
export const MASQUEES_SUIVI: readonly number[] = [COLONNES_SUIVI.indexOf('Modèle'), COLONNES_SUIVI.indexOf('Sceau')];

const STYLE_LIGNE: Style = { taille: 10, vertical: 'haut', retourLigne: true, bordure: true };
// short values (date, case number, code, rate, degree, mode) centred: a right-aligned case number never runs into the code beside it
const CENTREES = new Set(['Date', 'Cas n°', 'Compétence', 'Taux de réussite', 'Degré', 'Mode', 'Feuille de calcul'].map((c) => COLONNES_SUIVI.indexOf(c as (typeof COLONNES_SUIVI)[number])));
// a hidden column's text must not make its row taller
const STYLE_MASQUE: Style = { taille: 10, vertical: 'haut', bordure: true };

/** The evidence rows as model rows (styles, formats, heights to their text), as both ways write them. */
export function lignesDuSuivi(lignes: readonly (string | number | null)[][]): Ligne[] {
  const f = new ConstructeurFeuille(FEUILLE_SUIVI, [...LARGEURS_SUIVI]);
  for (const l of lignes)
    f.ligne(
      l.map((v, j) => {
        const format = FORMATS_SUIVI[j];
        const base = MASQUEES_SUIVI.includes(j) ? STYLE_MASQUE : CENTREES.has(j) ? { ...STYLE_LIGNE, alignement: 'centre' as const } : STYLE_LIGNE;
        // an ISO date in the date column becomes a date; anything else stays the value it is
        const valeur = format?.includes('yy') && typeof v === 'string' && RE_DATE.test(v) ? { date: v } : v;
        return { valeur, style: format ? { ...base, format } : base };
      }),
    );
  return f.feuille({ orientation: 'paysage', ajusterLargeur: true }).lignes;
}

/**
 * A new « Suivi des compétences »: its title (`titre`: whose copy, which exercise), its header (where
 * `NOM_SUIVI` points, repeated on every printed page) and its first rows (`lignesDuSuivi`).
 */
export function feuilleSuivi(lignes: readonly Ligne[], titre: string, piedDePage: string, nom: string = FEUILLE_SUIVI): { feuille: Feuille; nom: NomDefini } {
  const f = new ConstructeurFeuille(nom, [...LARGEURS_SUIVI]);
  f.ligne([{ valeur: titre, style: titreStyle, colonnes: 6 }], 22);
  const entetes = f.ligne(
    COLONNES_SUIVI.map((c) => ({ valeur: c, style: entete })),
    28,
  );
  const feuille = f.feuille({ orientation: 'paysage', ajusterLargeur: true, lignesRepetees: [entetes, entetes], piedDePage }, { lignes: entetes, colonnes: 0 }, [...MASQUEES_SUIVI]);
  return { feuille: { ...feuille, lignes: [...feuille.lignes, ...lignes] }, nom: { nom: NOM_SUIVI, feuille: nom, plage: `A${entetes}` } };
}

export const USAGE_SCEAU_SUIVI = 'agora-suivi-1';
const COLONNE_DATE = COLONNES_SUIVI.indexOf('Date');
const COLONNE_SCEAU = COLONNES_SUIVI.indexOf('Sceau');
const COLONNE_TABLEUR = COLONNES_SUIVI.indexOf('Feuille de calcul');

/**
 * What a row's seal covers: the student the workbook was made for, then the row's cells as texts
 * (a date as AAAA-MM-JJ, a number to 12 significant digits, so that LibreOffice re-saving a rate as
 * 15 digits keeps it), the seal's own cell left out; « Feuille de calcul » after them when the row has
 * it (a row written before it has none, and its seal still holds). The same for the row written and the row read.
 */
export function champsSuivi(eleve: { nom: string; prenom: string; classe: string }, ligne: readonly ValeurLue[]): string[] {
  // the date as Excel gives it back from the open workbook is its serial: the same day as the file's date
  const texte = (v: ValeurLue | undefined, j: number) => (typeof v === 'number' ? (j === COLONNE_DATE ? dateDeSerie(v) : String(Number(v.toPrecision(12)))) : texteLu(v));
  const cellules = ligne.slice(0, COLONNE_SCEAU).map(texte);
  const tableur = texte(ligne[COLONNE_TABLEUR] ?? null, COLONNE_TABLEUR);
  return [eleve.nom.trim(), eleve.prenom.trim(), eleve.classe.trim(), ...cellules, ...(tableur ? [tableur] : [])];
}

/** The rows a check adds, each sealed by `sceller` when the exercise's own seal held (left empty otherwise: consolidation will not count it). */
export function lignesSuivi(r: RapportCopie, source: string, sceller?: (ligne: readonly ValeurLue[]) => string): (string | number | null)[][] {
  return r.competences.map((c) => {
    const ligne = [
      r.date,
      r.titre,
      r.modele,
      r.graine,
      c.code,
      c.critere,
      c.taux,
      c.niveau?.code ?? 'NE',
      c.niveau?.libelle ?? 'Non évalué',
      r.mode,
      source,
      r.enonceModifie ? `Énoncé modifié (${r.blocsModifies.join(', ')}) : non noté` : r.vierge ? 'Copie vide : non évaluée' : '',
    ];
    // the share of calculations made by formulas, when the copy's formulas were read and a calculation was typed
    const tableur = r.tableur?.attendues && !r.enonceModifie ? Math.round((r.tableur.formules / r.tableur.attendues) * 10000) / 10000 : '';
    return [...ligne, sceller ? sceller([...ligne, null, tableur]) : '', tableur];
  });
}
