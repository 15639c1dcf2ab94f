import type ExcelJS from 'exceljs';
import { ciblesDesNoms, type CibleNom } from '../xlsx/nomsDefinis';

/** The defined names of a workbook loaded by exceljs (to edit it), by upper-case name. */
export function ciblesDuClasseur(wb: ExcelJS.Workbook): Map<string, CibleNom> {
  const modele = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return ciblesDesNoms(modele.map((n) => ({ nom: n.name, references: n.ranges })));
}
