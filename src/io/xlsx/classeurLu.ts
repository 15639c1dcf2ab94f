import type { ValeurLue } from '../../sheets/exercices/lecture';
import { ErreurFichier } from '../erreurFichier';
import { entierEnClair, tailleEnClair } from '../../domain/texte';
import { lireXlsx, type FeuilleLue } from './lireXlsx';
import { aire, type Zone } from '../../sheets/model';
import { ciblesDesNoms, type CibleNom } from './nomsDefinis';
import { ClasseurSuspect, type ContenuZip } from './zip';
import { FEUILLE_AGORA, metadonneesAgora } from '../../sheets/agora';
import type { ClasseurLu } from '../ports';

export type { ClasseurLu };

/** A student's copy is a few tens of kilobytes: beyond this, the file is not one (and would load slowly). */
export const TAILLE_MAXIMALE = 20 * 1024 * 1024;

export const tropVolumineux = (fichier: string, taille: number) =>
  new ErreurFichier(`« ${fichier} » est trop volumineux (${tailleEnClair(taille)} ; ${TAILLE_MAXIMALE / 1048576} Mo au plus) : ce n'est pas un classeur d'exercice.`, fichier);

/**
 * The most cells a defined name may cover: our largest is under 300 (a payslip, a class grid's print
 * area); a name over a whole sheet is there to exhaust the reader.
 */
export const PLAGE_MAX = 10_000;
/** The most rows, and columns, read under a one-row header (« Suivi des compétences » gains a row per compétence checked). */
export const LIGNES_SOUS_MAX = 5_000;
const COLONNES_SOUS_MAX = 32;

const classeurEndommage = (fichier: string) => new ErreurFichier(`« ${fichier} » est un classeur endommagé ou illisible : ouvrez-le dans Excel et enregistrez-le à nouveau.`, fichier);

const classeurSuspect = (fichier: string, e: ClasseurSuspect) =>
  new ErreurFichier(`« ${fichier} » est un classeur suspect (${e.message}) : il n'a pas été lu. Demandez à l'élève d'enregistrer à nouveau sa copie depuis Excel.`, fichier);

/** What a failure while opening or reading becomes: « suspect » for a file built to exhaust the reader, else « endommagé ». */
export const erreurDeLecture = (fichier: string, e: unknown) => (e instanceof ErreurFichier ? e : e instanceof ClasseurSuspect ? classeurSuspect(fichier, e) : classeurEndommage(fichier));

/** A name over more cells than any template gives: refused, named, before a single cell of it is read. */
export const nomTropGrand = (fichier: string, nom: string, r: CibleNom) =>
  new ErreurFichier(
    `« ${fichier} » a été modifié : le nom défini « ${nom} » couvre ${entierEnClair(aire(r))} cellules de la feuille « ${r.feuille} », bien plus que ce que prévoit le modèle (${entierEnClair(PLAGE_MAX)} au plus) ; il n'a pas été lu.`,
    fichier,
  );

const commencePar = (o: Uint8Array, signature: number[]) => signature.every((b, i) => o[i] === b);

/** Throws a French reason when the bytes are not an .xlsx workbook we can read. */
function verifierOctets(fichier: string, octets: Uint8Array): void {
  if (octets.length > TAILLE_MAXIMALE) throw tropVolumineux(fichier, octets.length);
  if (/\.xlsm$/i.test(fichier)) throw new ErreurFichier(`« ${fichier} » est un classeur avec macros (.xlsm) : enregistrez-le au format « Classeur Excel (.xlsx) » avant de le déposer.`, fichier);
  if (commencePar(octets, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new ErreurFichier(`« ${fichier} » est protégé par un mot de passe à l'ouverture, ou au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx sans mot de passe.`, fichier);
  if (!commencePar(octets, [0x50, 0x4b, 0x03, 0x04])) throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel (.xlsx).`, fichier);
}

/**
 * A workbook from its bytes: checked, then opened by `decompresser` (node:zlib in the CLI,
 * DecompressionStream in the task pane); a zip that cannot be opened is « classeur endommagé ».
 */
export async function classeurDesOctets(fichier: string, octets: Uint8Array, decompresser: (z: Uint8Array) => ContenuZip | Promise<ContenuZip>): Promise<ClasseurLu> {
  verifierOctets(fichier, octets);
  let contenu: ContenuZip;
  try {
    contenu = await decompresser(octets);
  } catch (e) {
    throw erreurDeLecture(fichier, e);
  }
  return classeurLu(fichier, contenu);
}

/**
 * A workbook to read: `_agora` at once, any other sheet only when a name points into it, and of that
 * sheet only the cells its names cover (and the rows under a one-row name, for `lignesSous`), so a
 * sheet stuffed with a million rows costs a scan, not memory. Whatever part turns out damaged
 * becomes the French « classeur endommagé » error naming the file; a name over more than
 * `PLAGE_MAX` cells is refused when read, naming the name.
 */
function classeurLu(fichier: string, contenu: ContenuZip): ClasseurLu {
  const proteger = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw erreurDeLecture(fichier, e);
    }
  };
  const x = proteger(() => lireXlsx(contenu));
  // a .docx or .pptx renamed .xlsx is a valid zip without a single sheet
  if (!x.feuilles.length) throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel : aucune feuille (document Word ou PowerPoint renommé en .xlsx ?).`, fichier);
  const noms = ciblesDesNoms(x.noms.map((n) => ({ nom: n.nom, references: [n.reference] })));
  // each sheet is read once, keeping only the cells its names cover (the rows under a one-row name
  // too, once `lignesSous` asks for them: the sheet is then read again with them)
  const zones = new Map<string, Zone[]>();
  for (const r of noms.values()) {
    if (aire(r) > PLAGE_MAX) continue;
    if (!zones.has(r.feuille)) zones.set(r.feuille, []);
    zones.get(r.feuille)!.push(r);
  }
  const lues = new Map<string, FeuilleLue | undefined>();
  const feuille = (nom: string, dessous?: Zone): FeuilleLue | undefined => {
    const cle = dessous ? `${nom}\u0000${dessous.haut}:${dessous.gauche}:${dessous.droite}` : nom;
    if (!lues.has(cle))
      lues.set(
        cle,
        proteger(() => x.feuille(nom, nom === FEUILLE_AGORA ? undefined : [...(zones.get(nom) ?? []), ...(dessous ? [dessous] : [])])),
      );
    return lues.get(cle);
  };
  const { agora, lignesAgora } = proteger(() => metadonneesAgora((feuille(FEUILLE_AGORA)?.lignes() ?? []).map(([, valeurs]) => valeurs)));
  const cible = (nom: string, dessous?: (r: CibleNom) => Zone) => {
    const r = noms.get(nom.toUpperCase());
    if (r && aire(r) > PLAGE_MAX) throw nomTropGrand(fichier, nom, r);
    const f = r ? feuille(r.feuille, dessous?.(r)) : undefined;
    return r && f ? { r, f } : undefined;
  };
  return {
    agora,
    lignesAgora,
    lignesSous(nom, largeur, lignesMax = LIGNES_SOUS_MAX) {
      if (largeur > COLONNES_SOUS_MAX) throw new RangeError(`lignesSous : ${largeur} colonnes, ${COLONNES_SOUS_MAX} au plus`);
      const c = cible(nom, (r) => ({ haut: r.haut, gauche: r.gauche, bas: r.haut + lignesMax, droite: r.gauche + largeur - 1 }));
      if (!c) return undefined;
      const { r, f } = c;
      const valeurs: ValeurLue[][] = [];
      for (let l = r.haut + 1; l <= r.haut + lignesMax; l++) {
        const ligne = Array.from({ length: largeur }, (_, j) => f.valeur(l, r.gauche + j));
        if (ligne.every((v) => v === null || v === '')) break;
        valeurs.push(ligne);
      }
      return { feuille: r.feuille, haut: r.haut + 1, gauche: r.gauche, valeurs };
    },
    plage(nom) {
      const c = cible(nom);
      if (!c) return undefined;
      const { r, f } = c;
      const valeurs: ValeurLue[][] = [];
      const couvertes: boolean[][] = [];
      const formules: (string | null)[][] = [];
      for (let l = r.haut; l <= r.bas; l++) {
        const rangee: ValeurLue[] = [];
        const couverte: boolean[] = [];
        const formule: (string | null)[] = [];
        for (let k = r.gauche; k <= r.droite; k++) {
          rangee.push(f.valeur(l, k));
          couverte.push(f.couverte(l, k));
          formule.push(f.formule(l, k));
        }
        valeurs.push(rangee);
        couvertes.push(couverte);
        formules.push(formule);
      }
      return { feuille: r.feuille, haut: r.haut, gauche: r.gauche, valeurs, couvertes, formules };
    },
  };
}
