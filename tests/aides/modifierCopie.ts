import ExcelJS from 'exceljs';

type Noms = { model: { name: string; ranges: string[] }[] };

/**
 * What Excel does when a student inserts `n` rows before row `avant` of a sheet: cells, merged
 * cells, data validations and the defined names that point below move down. (exceljs's spliceRows
 * moves the cells and the defined names; merged cells and validations are moved here.)
 */
export async function insererLignes(source: string, sortie: string, feuille: string, avant: number, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.getWorksheet(feuille)!;
  const fusions = (ws.model as unknown as { merges: string[] }).merges;
  for (const f of fusions) ws.unMergeCells(f);
  ws.spliceRows(avant, 0, ...Array.from({ length: n }, (_, i) => [`ligne insérée ${i + 1}`]));
  for (const f of fusions) ws.mergeCells(f.replace(/(\d+)/g, (l) => String(Number(l) >= avant ? Number(l) + n : Number(l))));
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  dv.model = Object.fromEntries(Object.entries(dv.model).map(([adr, v]) => [adr.replace(/(\d+)/g, (l) => String(Number(l) >= avant ? Number(l) + n : Number(l))), v]));
  await wb.xlsx.writeFile(sortie);
}

/** A student renames a sheet: Excel rewrites the defined names that point to it. */
export async function renommerFeuille(source: string, sortie: string, ancien: string, nouveau: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  wb.getWorksheet(ancien)!.name = nouveau;
  const cite = (f: string) => `'${f.replace(/'/g, "''")}'!`;
  const noms = (wb.definedNames as unknown as Noms).model.map((m) => ({
    ...m,
    ranges: m.ranges.map((r) => (r.startsWith(cite(ancien)) ? cite(nouveau) + r.slice(cite(ancien).length) : r.startsWith(`${ancien}!`) ? cite(nouveau) + r.slice(ancien.length + 1) : r)),
  }));
  (wb.definedNames as unknown as Noms).model = noms;
  await wb.xlsx.writeFile(sortie);
}

/** Sets one cell, as a student typing in it would (a string stays a string). */
export async function saisir(source: string, sortie: string, feuille: string, adresse: string, valeur: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  wb.getWorksheet(feuille)!.getCell(adresse).value = valeur;
  await wb.xlsx.writeFile(sortie);
}
