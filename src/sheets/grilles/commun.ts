import type { ConstructeurFeuille } from '../constructeur';
import { feuilleCitee, lettreColonne, type Feuille, type MiseEnFormeConditionnelle, type MiseEnPage, type NomDefini, type Validation } from '../model';
import { etiquette, valeur } from '../styles';
import { gabaritGrilles } from './gabarit';

import { nomComplet, texteEnTete, type Eleve } from '../eleve';

export { nomComplet, texteEnTete, type Eleve };

/** Everything a grid builder needs besides the référentiel. */
export interface ContexteGrille {
  eleve: Eleve;
  /** prefix of this student's defined names: '' in a one-student workbook, `Eleve07_` in a class workbook */
  prefixe: string;
  /** sheet name of each grid of this student, for cross-sheet formulas */
  feuilles: Partial<Record<string, string>>;
}

/** What a builder returns: the sheet, its defined names and the template id recorded in `_agora`. */
export interface GrilleConstruite {
  feuille: Feuille;
  noms: NomDefini[];
  modele: string;
  ancre: string; // defined name of A1: finds the sheet after the user renames it
}

/** Workbook-scoped names of the « Paramètres » sheet, shared by every grid of the workbook. */
export const PARAMETRES = {
  ccfCodes: 'Echelle_CCF_Codes',
  ccfLibelles: 'Echelle_CCF_Libelles',
  ccfValeurs: 'Echelle_CCF_Valeurs',
  pfmpCodes: 'Echelle_PFMP_Codes',
  pfmpLibelles: 'Echelle_PFMP_Libelles',
  pfmpValeurs: 'Echelle_PFMP_Valeurs',
  correspondance: 'Correspondance_Echelles',
  noteMax: 'Note_Max',
  notePas: 'Note_Pas',
  etablissement: 'Etablissement',
  annee: 'Annee_Scolaire',
  dureePfmp: 'PFMP_Duree',
  dureePfmpDeuxAns: 'PFMP_Duree_Cycle_2_ans',
} as const;

export type EchelleGrille = 'ccf' | 'pfmp';

const nomsEchelle = (e: EchelleGrille) =>
  e === 'ccf'
    ? { codes: PARAMETRES.ccfCodes, libelles: PARAMETRES.ccfLibelles, valeurs: PARAMETRES.ccfValeurs }
    : { codes: PARAMETRES.pfmpCodes, libelles: PARAMETRES.pfmpLibelles, valeurs: PARAMETRES.pfmpValeurs };

/** A defined-name fragment from a code: « 1.2.3 » → « 1_2_3 ». */
export const fragment = (code: string) => code.replace(/[^A-Za-z0-9]/g, '_');

/** `'Feuille'!B7`: a cross-sheet cell reference, the sheet name quoted as Excel wants. */
export const cellule = (feuille: string, adresse: string) => `${feuilleCitee(feuille)}!${adresse}`;

/** Records a block's defined name `<base>_<suffixe>` on the sheet being built. */
export const nommeur =
  (noms: NomDefini[], base: string, feuille: string) =>
  (suffixe: string, plage: string): void => {
    noms.push({ nom: `${base}_${suffixe}`, feuille, plage });
  };

/** A4, fit to one page wide, header rows repeated, footer with the student and « Page n / N ». */
export function miseEnPage(ctx: ContexteGrille, intitule: string, orientation: MiseEnPage['orientation'], lignesRepetees?: [number, number]): MiseEnPage {
  const eleve = texteEnTete(`${nomComplet(ctx.eleve)}${ctx.eleve.classe ? ` — ${ctx.eleve.classe}` : ''}`);
  return {
    orientation,
    ajusterLargeur: true,
    piedDePage: `&L&8${eleve}&C&8${texteEnTete(intitule)}&R&8Page &P / &N`,
    ...(lignesRepetees ? { lignesRepetees } : {}),
  };
}

/**
 * The identity band every grid starts with: student and class as values (they come from the class
 * list: text, never formulas), établissement and year read from « Paramètres » so they are typed once.
 * `colonnes` gives how many columns the label and the value of each half take; a second label of 0
 * columns writes « Établissement : … » in one cell, for grids whose columns are too narrow for a
 * label beside its value.
 */
export function bandeIdentite(f: ConstructeurFeuille, ctx: ContexteGrille, colonnes: [number, number, number, number]): void {
  const [l1, v1, l2, v2] = colonnes;
  // Read from « Paramètres », of a length unknown here: shrunk to its cell rather than cut.
  const lu = { ...valeur, retourLigne: false, reduire: true };
  const moitie = (libelle: string, nom: string) =>
    l2 === 0
      ? [{ valeur: { formule: `"${libelle} : "&${nom}` }, style: lu, colonnes: v2 }]
      : [
          { valeur: libelle, style: etiquette, colonnes: l2 },
          { valeur: { formule: `""&${nom}` }, style: lu, colonnes: v2 },
        ];
  f.ligne([
    { valeur: 'Élève', style: etiquette, colonnes: l1 },
    { valeur: nomComplet(ctx.eleve), style: { ...valeur, gras: true }, colonnes: v1 },
    ...moitie('Établissement', PARAMETRES.etablissement),
  ]);
  f.ligne([{ valeur: 'Classe', style: etiquette, colonnes: l1 }, { valeur: ctx.eleve.classe, style: valeur, colonnes: v1 }, ...moitie('Année scolaire', PARAMETRES.annee)]);
}

/** Drop-down of the scale's codes on a block of level cells, with a French message. */
export function listeNiveaux(plage: string, echelle: EchelleGrille): Validation {
  const n = nomsEchelle(echelle);
  return { plage, liste: { nom: n.codes }, message: `Choisissez un niveau de la liste (échelle définie dans la feuille « Paramètres »).` };
}

/** One fill per level rank, the formula matching the cell against the scale so renamed codes keep their colour. */
export function couleursNiveaux(plage: string, echelle: EchelleGrille): MiseEnFormeConditionnelle[] {
  const n = nomsEchelle(echelle);
  const coin = plage.split(':')[0]!;
  return gabaritGrilles().couleursNiveaux.map((fond, i) => ({ plage, formule: `MATCH(${coin},${n.codes},0)=${i + 1}`, fond }));
}

/** The value a level cell counts for in the mark: empty for « NE », an empty cell or an unknown code. */
export function formuleValeurNiveau(adresse: string, echelle: EchelleGrille): string {
  const n = nomsEchelle(echelle);
  const v = `INDEX(${n.valeurs},MATCH(${adresse},${n.codes},0))`;
  return `IFERROR(IF(ISNUMBER(${v}),${v},""),"")`;
}

/** « Niveaux : TI Très insuffisant · I Insuffisant · … », built from « Paramètres » so it follows renamed levels. */
export function formuleLegende(echelle: EchelleGrille): string {
  const n = nomsEchelle(echelle);
  const k = gabaritGrilles().echelles[echelle].niveaux.length;
  const parts = Array.from({ length: k }, (_, i) => `INDEX(${n.codes},${i + 1})&" "&INDEX(${n.libelles},${i + 1})`);
  return `"Niveaux : "&${parts.join('&" · "&')}&" (échelle de la feuille « Paramètres »)."`;
}

/** Rounds an expression to the step of « Paramètres » (0: unrounded), as `arrondirAuPas` does. */
export const arrondiPas = (x: string) => `IF(${PARAMETRES.notePas}>0,ROUND((${x})/${PARAMETRES.notePas},0)*${PARAMETRES.notePas},${x})`;

export const plage = (col1: number, ligne1: number, col2: number, ligne2: number) => `${lettreColonne(col1)}${ligne1}:${lettreColonne(col2)}${ligne2}`;
export const adresse = (col: number, ligne: number) => `${lettreColonne(col)}${ligne}`;
