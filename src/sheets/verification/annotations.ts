import type { Feuille, Ligne, NomDefini } from '../model';

/** What a check adds to the student's workbook, whichever way it is written (a file, or the workbook open in Excel). */
export interface Annotations {
  /** the « Résultats » sheet, replacing one left by an earlier check */
  resultats: Feuille;
  /** cells to fill with a verdict colour, on the sheet the answer is on now */
  couleurs: { feuille: string; ligne: number; colonne: number; fond: string }[];
  /** a hint left as a cell note on an answer's first cell */
  notes: { feuille: string; ligne: number; colonne: number; texte: string }[];
  /** evidence rows appended under the `nom` header; `nouvelle` is the sheet to add when the workbook has none */
  suivi: { nom: string; entetes: readonly string[]; lignes: Ligne[]; nouvelle: { feuille: Feuille; nom: NomDefini } };
}
