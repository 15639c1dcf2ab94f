import ExcelJS from 'exceljs';
import type { Attendus } from '../../sheets/exercices/commun';
import { ciblesDuClasseur } from './nomsDefinis';
import { dateExcel } from './xlsxDuModele';
import { RE_DATE } from '../../domain/dates';
import { neutraliserFormulesExternes } from './annoter';

/**
 * Types answers into a workbook as a student would, by defined name: one value in the first cell,
 * a list cell by cell (row by row when the range is wide), a table row by row. An ISO date becomes
 * a date; any other string stays text. Used by the demo and the tests; returns the bytes.
 */
export async function remplirClasseur(source: string, valeurs: Attendus): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const noms = ciblesDuClasseur(wb);
  const ecrire = (ws: ExcelJS.Worksheet, l: number, c: number, v: unknown) => {
    ws.getCell(l, c).value = typeof v === 'string' && RE_DATE.test(v) ? dateExcel(v) : (v as ExcelJS.CellValue);
  };
  /** The c-th cell of row l that is not covered by a merged cell, from column `gauche`. */
  const colonne = (ws: ExcelJS.Worksheet, l: number, gauche: number, k: number) => {
    let c = gauche;
    for (let vus = -1; ; c++) {
      const cell = ws.getCell(l, c);
      if (!(cell.isMerged && cell.master !== cell)) vus++;
      if (vus === k) return c;
    }
  };
  for (const [nom, v] of Object.entries(valeurs)) {
    const c = noms.get(nom.toUpperCase());
    const p = c && { feuille: c.feuille, ligne: c.haut, colonne: c.gauche, largeur: c.droite - c.gauche + 1 };
    const ws = p ? wb.getWorksheet(p.feuille) : undefined;
    if (!p || !ws) throw new Error(`nom défini ${nom} introuvable`);
    if (!Array.isArray(v)) ecrire(ws, p.ligne, p.colonne, v);
    else
      v.forEach((x, i) => {
        if (Array.isArray(x)) x.forEach((y, j) => ecrire(ws, p.ligne + i, colonne(ws, p.ligne + i, p.colonne, j), y));
        else if (p.largeur > 1) ecrire(ws, p.ligne + Math.floor(i / p.largeur), p.colonne + (i % p.largeur), x);
        else ecrire(ws, p.ligne + i, p.colonne, x);
      });
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A copy with new numbers in some cells, everything else as it was: a second case put into a
 * student's copy before it is recalculated. Only numbers are written (never a formula); a formula
 * that would reach outside the workbook (a web request, a DDE link) becomes its last value first,
 * so that recalculating the copy calls nothing.
 */
export async function changerCellules(octets: Uint8Array, cellules: readonly { feuille: string; adresse: string; valeur: number }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  neutraliserFormulesExternes(wb);
  for (const c of cellules) {
    const ws = wb.getWorksheet(c.feuille);
    if (!ws) throw new Error(`feuille « ${c.feuille} » introuvable`);
    ws.getCell(c.adresse).value = c.valeur;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
