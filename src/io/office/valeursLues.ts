import type { ValeurLue } from '../../sheets/exercices/lecture';
import { FEUILLE_AGORA } from '../../sheets/agora';
import { analyserReference } from '../xlsx/nomsDefinis';
import { dateDeSerie, estFormatDate } from '../../domain/dates';

/**
 * Office.js gives "" for an empty cell, an error as its text (« #N/A ») told apart by its value type,
 * and a date as its serial number: under a date format it becomes a Date, as the file reader makes it.
 */
const valeurLue = (v: unknown, type: string | undefined, format: string | undefined): ValeurLue => {
  if (v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { erreur: String(v) };
  if (typeof v === 'number' && format && estFormatDate(format)) return new Date(`${dateDeSerie(v)}T00:00:00Z`);
  return v as ValeurLue;
};

export const matrice = (valeurs: unknown[][], types: string[][] | undefined, formats?: string[][]) => valeurs.map((l, i) => l.map((v, j) => valeurLue(v, types?.[i]?.[j], formats?.[i]?.[j])));

/** « 'Feuille 1'!B3:D9 » → the sheet and the top-left corner. */
export function coin(adresse: string): { feuille: string; haut: number; gauche: number } | undefined {
  const cible = analyserReference(adresse);
  return cible && { feuille: cible.feuille, haut: cible.haut, gauche: cible.gauche };
}

/** `_agora`'s used range, loaded at the next sync (a null object when the workbook has none). */
export function chargerAgora(wb: Excel.Workbook): Excel.Range {
  const r = wb.worksheets.getItemOrNullObject(FEUILLE_AGORA).getUsedRangeOrNullObject(true);
  r.load('values,valueTypes,address,isNullObject');
  return r;
}

/** After the sync: its non-empty rows re-based on column A (the used range may start further right), and its last row; null when absent. */
export function agoraLu(r: Excel.Range): { lignes: ValeurLue[][]; derniere: number } | null {
  if (r.isNullObject) return null;
  const z = analyserReference(r.address);
  const decalage: null[] = Array.from({ length: (z?.gauche ?? 1) - 1 }, () => null);
  return {
    lignes: matrice(r.values, r.valueTypes)
      .filter((l) => l.some((v) => v !== null))
      .map((l) => [...decalage, ...l]),
    derniere: z?.bas ?? 0,
  };
}
