import type { PlageLue, ValeurLue } from '../../sheets/exercices/lecture';
import { ErreurFichier } from '../erreurFichier';
import { tailleEnClair } from '../../domain/texte';
import { lireXlsx, type FeuilleLue } from './lireXlsx';
import { ciblesDesNoms } from './nomsDefinis';
import type { ContenuZip } from './zip';
import { FEUILLE_AGORA, metadonneesAgora } from '../../sheets/agora';

export interface ClasseurLu {
  /** a workbook-scoped defined name's cells, or undefined when the name is missing or broken */
  plage(nom: string): PlageLue | undefined;
  /** key/value rows of the veryHidden `_agora` sheet */
  agora: Map<string, string>;
  /** every row of `_agora` as texts (its table of generated sheets) */
  lignesAgora: string[][];
  /** the rows under a defined name's header row, `largeur` cells each, down to the first empty row */
  lignesSous(nom: string, largeur: number): PlageLue | undefined;
}

/** A student's copy is a few tens of kilobytes: beyond this, the file is not one (and would load slowly). */
export const TAILLE_MAXIMALE = 20 * 1024 * 1024;

export const tropVolumineux = (fichier: string, taille: number) =>
  new ErreurFichier(`« ${fichier} » est trop volumineux (${tailleEnClair(taille)} ; ${TAILLE_MAXIMALE / 1048576} Mo au plus) : ce n'est pas un classeur d'exercice.`, fichier);

const classeurEndommage = (fichier: string) =>
  new ErreurFichier(`« ${fichier} » est un classeur endommagé ou illisible : ouvrez-le dans Excel et enregistrez-le à nouveau.`, fichier);

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
  } catch {
    throw classeurEndommage(fichier);
  }
  return classeurLu(fichier, contenu);
}

/**
 * A workbook to read: `_agora` at once, any other sheet only when a name points into it. Whatever
 * part turns out damaged becomes the French « classeur endommagé » error naming the file.
 */
function classeurLu(fichier: string, contenu: ContenuZip): ClasseurLu {
  const endommage = () => classeurEndommage(fichier);
  let x: ReturnType<typeof lireXlsx>;
  try {
    x = lireXlsx(contenu);
  } catch {
    throw endommage();
  }
  // a .docx or .pptx renamed .xlsx is a valid zip without a single sheet
  if (!x.feuilles.length) throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel : aucune feuille (document Word ou PowerPoint renommé en .xlsx ?).`, fichier);
  const feuille = (nom: string): FeuilleLue | undefined => {
    try {
      return x.feuille(nom);
    } catch {
      throw endommage();
    }
  };
  const noms = ciblesDesNoms(x.noms.map((n) => ({ nom: n.nom, references: [n.reference] })));
  const { agora, lignesAgora } = metadonneesAgora((feuille(FEUILLE_AGORA)?.lignes() ?? []).map(([, valeurs]) => valeurs));
  const cible = (nom: string) => {
    const r = noms.get(nom.toUpperCase());
    const f = r ? feuille(r.feuille) : undefined;
    return r && f ? { r, f } : undefined;
  };
  return {
    agora,
    lignesAgora,
    lignesSous(nom, largeur) {
      const c = cible(nom);
      if (!c) return undefined;
      const { r, f } = c;
      const valeurs: ValeurLue[][] = [];
      for (let l = r.haut + 1; ; l++) {
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
      for (let l = r.haut; l <= r.bas; l++) {
        const rangee: ValeurLue[] = [];
        const couverte: boolean[] = [];
        for (let k = r.gauche; k <= r.droite; k++) {
          rangee.push(f.valeur(l, k));
          couverte.push(f.couverte(l, k));
        }
        valeurs.push(rangee);
        couvertes.push(couverte);
      }
      return { feuille: r.feuille, haut: r.haut, gauche: r.gauche, valeurs, couvertes };
    },
  };
}
