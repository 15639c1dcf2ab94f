import ExcelJS from 'exceljs';
import { ouvrirPourModifier } from './ouvrirClasseur';
import { hauteurPourTextes, referenceAbsolue, type Feuille } from '../../sheets/model';
import { ciblesDuClasseur } from './nomsDefinis';
import { dateExcel, ecrireFeuille } from './xlsxDuModele';
import { RE_DATE } from '../../domain/dates';

export interface Annotations {
  /** the « Résultats » sheet, replacing one left by an earlier check */
  resultats: Feuille;
  /** cells to fill with a verdict colour, on the sheet the answer is on now */
  couleurs: { feuille: string; ligne: number; colonne: number; fond: string }[];
  /** a hint left as a cell note on an answer's first cell */
  notes: { feuille: string; ligne: number; colonne: number; texte: string }[];
  /** evidence rows appended under the `nomSuivi` header (the sheet is created when missing) */
  suivi: { feuille: string; nom: string; entetes: readonly string[]; formats: readonly (string | null)[]; largeurs: readonly number[]; masquees: readonly number[]; lignes: (string | number | null)[][] };
}

const bordure: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((c) => [c, { style: 'thin', color: { argb: 'FF808080' } }]));
const STYLE_ENTETE: Partial<ExcelJS.Style> = { font: { name: 'Calibri', size: 10, bold: true, color: { argb: 'FFFFFFFF' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } }, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' }, border: bordure };
const STYLE_LIGNE: Partial<ExcelJS.Style> = { font: { name: 'Calibri', size: 10 }, alignment: { wrapText: true, vertical: 'top' }, border: bordure };

const remplir = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + rgb } });

/** The header row of the evidence sheet, found through its defined name so that a renamed sheet still counts. */
function trouverSuivi(wb: ExcelJS.Workbook, nom: string): { ws: ExcelJS.Worksheet; entete: number } | undefined {
  const c = ciblesDuClasseur(wb).get(nom.toUpperCase());
  const ws = c && wb.getWorksheet(c.feuille);
  return ws && c ? { ws, entete: c.haut } : undefined;
}

/**
 * The annotated copy: the student's workbook as it was, plus « Résultats », verdict colours on the
 * answer cells and the evidence rows. Returns the bytes; the caller writes them beside, never over,
 * the original. Student text is written as plain values (exceljs never turns a string into a formula).
 */
export async function annoterClasseur(source: string, a: Annotations): Promise<Buffer> {
  const wb = await ouvrirPourModifier(source);
  const ancienne = wb.getWorksheet(a.resultats.nom);
  if (ancienne) wb.removeWorksheet(ancienne.id);
  await ecrireFeuille(wb, a.resultats);
  for (const c of a.couleurs) {
    const ws = wb.getWorksheet(c.feuille);
    if (!ws) continue;
    // a loaded workbook shares one style object between cells of the same format: give this cell its own
    const cell = ws.getCell(c.ligne, c.colonne);
    cell.style = { ...cell.style, fill: remplir(c.fond) };
  }
  for (const x of a.notes) {
    const ws = wb.getWorksheet(x.feuille);
    if (ws) ws.getCell(x.ligne, x.colonne).note = x.texte;
  }
  let suivi = trouverSuivi(wb, a.suivi.nom);
  if (!suivi) {
    const ws = wb.addWorksheet(a.suivi.feuille, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    });
    const entete = ws.addRow([...a.suivi.entetes]);
    entete.eachCell((c) => (c.style = STYLE_ENTETE));
    entete.height = 28;
    ws.columns = a.suivi.largeurs.map((width, j) => ({ width, hidden: a.suivi.masquees.includes(j) }));
    wb.definedNames.add(referenceAbsolue(a.suivi.feuille, 'A1'), a.suivi.nom);
    suivi = { ws, entete: 1 };
  }
  // a sheet made by an earlier version lacks the later columns' headers (« Sceau »)
  a.suivi.entetes.forEach((e, j) => {
    const c = suivi!.ws.getCell(suivi!.entete, j + 1);
    if (c.value === null) c.value = e;
  });
  let derniere = suivi.entete;
  while (suivi.ws.getCell(derniere + 1, 1).value !== null) derniere++;
  for (const l of a.suivi.lignes) {
    derniere++;
    l.forEach((v, j) => {
      const cell = suivi!.ws.getCell(derniere, j + 1);
      const format = a.suivi.formats[j];
      // an ISO date in a date column becomes a date serial; anything else stays the value it is
      cell.value = format?.includes('yy') && typeof v === 'string' && RE_DATE.test(v) ? dateExcel(v) : v;
      cell.style = format ? { ...STYLE_LIGNE, numFmt: format } : STYLE_LIGNE;
    });
    // Excel does not fit a row to its wrapped text on opening: its height is set here
    const textes = l.flatMap((v, j) => (typeof v === 'string' && !a.suivi.masquees.includes(j) ? [{ texte: v, largeur: a.suivi.largeurs[j] ?? 12 }] : []));
    suivi.ws.getRow(derniere).height = hauteurPourTextes(textes);
  }
  const index = wb.worksheets.findIndex((w) => w.name === a.resultats.nom);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, index), visibility: 'visible' }];
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
