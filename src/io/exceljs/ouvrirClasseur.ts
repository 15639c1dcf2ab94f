import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { erreurDeLecture } from '../xlsx/classeurLu';
import { verifierPaquet } from '../xlsx/zipNode';

/**
 * A workbook file (or its bytes already read) loaded by exceljs to be written again (an annotated copy, a re-sealed exercise).
 * exceljs inflates and parses every part: the whole package is checked first, so that a bomb the
 * lean reader never opened cannot reach it; a failure is the French « suspect » or « endommagé ».
 */
export async function ouvrirPourModifier(source: string, lus?: Uint8Array): Promise<ExcelJS.Workbook> {
  const octets = lus ?? (await fs.readFile(source));
  const wb = new ExcelJS.Workbook();
  try {
    verifierPaquet(octets);
    await wb.xlsx.load(octets as unknown as ArrayBuffer);
  } catch (e) {
    throw erreurDeLecture(source, e);
  }
  return wb;
}
