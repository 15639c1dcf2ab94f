import ExcelJS from 'exceljs';
import { lettreColonne, referenceAbsolue, type Classeur, type Feuille, type Ligne, type Style, type Valeur } from '../../sheets/model';
import { enBase64 } from '../base64';
import { MARGES_POUCES } from '../../sheets/pagination';

/**
 * The exceljs rendering of a workbook model, without Node: the command line streams its output to a
 * file (ecrireClasseur.ts), the task pane hands it to Excel's insertWorksheetsFromBase64.
 */

function couleur(rgb: string): { argb: string } {
  return { argb: 'FF' + rgb.toUpperCase() };
}

/** The exceljs style of a model style: font, fill, alignment, border, number format, protection. */
function styleExcel(s: Style): Partial<ExcelJS.Style> {
  return {
    font: {
      name: 'Calibri',
      size: s.taille ?? 10,
      ...(s.gras ? { bold: true } : {}),
      ...(s.italique ? { italic: true } : {}),
      ...(s.souligne ? { underline: true } : {}),
      ...(s.couleur ? { color: couleur(s.couleur) } : {}),
    },
    ...(s.fond ? { fill: { type: 'pattern', pattern: 'solid', fgColor: couleur(s.fond) } as ExcelJS.Fill } : {}),
    alignment: {
      wrapText: !!s.retourLigne,
      ...(s.rotation ? { textRotation: s.rotation } : {}),
      ...(s.reduire ? { shrinkToFit: true } : {}),
      vertical: s.vertical === 'milieu' ? 'middle' : 'top',
      ...(s.alignement ? { horizontal: s.alignement === 'centre' ? 'center' : s.alignement === 'droite' ? 'right' : 'left' } : {}),
    },
    ...(s.bordure ? { border: Object.fromEntries(['top', 'left', 'bottom', 'right'].map((c) => [c, { style: 'thin', color: couleur('808080') }])) as Partial<ExcelJS.Borders> } : {}),
    ...(s.format ? { numFmt: s.format } : {}),
    ...(s.saisie ? { protection: { locked: false } } : {}),
  };
}

/**
 * One exceljs style object per distinct model style, shared by every cell that has it: exceljs
 * recognises an object it has seen (a WeakMap) and skips building and comparing its XML, which a
 * new object per cell made it do a million times for a class. Never mutated afterwards: whoever
 * changes a cell's style (the annotated copy's colours) gives it a new object.
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>();
// most cells reuse a model style object: its key is computed once per object
const CLES = new WeakMap<Style, string>();
function appliquerStyle(cell: ExcelJS.Cell, s: Style): void {
  let cle = CLES.get(s);
  if (cle === undefined) CLES.set(s, (cle = JSON.stringify(s)));
  // exceljs gives a date without a format its own date format, once per style object: a date gets an object of its own
  if (!s.format && cell.type === ExcelJS.ValueType.Date) cle += '|date';
  let style = STYLES.get(cle);
  if (!style) STYLES.set(cle, (style = Object.freeze(styleExcel(s))));
  cell.style = style;
}

/** A calendar date (AAAA-MM-JJ) for exceljs: a UTC midnight, which it writes as a whole serial. */
export const dateExcel = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Strings stay strings: exceljs writes them as text, so "=1+1" typed by a user is never evaluated. */
function valeurExcel(v: Valeur): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') {
    if ('date' in v) return dateExcel(v.date);
    return { formula: v.formule.replace(/^=/, ''), ...(v.resultat !== undefined ? { result: v.resultat } : {}) } as ExcelJS.CellFormulaValue;
  }
  return v;
}

/**
 * Declares an Excel table over cells already written: exceljs rewrites them from `rows`, so the
 * rows given are the cells' own values (column styles left undefined keep each cell's style).
 */
function ajouterTableau(ws: ExcelJS.Worksheet, t: NonNullable<Feuille['tableau']>, derniere: number): void {
  const colonnes = Array.from({ length: t.colonnes }, (_, j) => ({ name: String(ws.getCell(t.entete, j + 1).value ?? `Colonne ${j + 1}`), filterButton: true }));
  const rows = [];
  for (let l = t.entete + 1; l <= Math.max(derniere, t.entete + 1); l++) rows.push(Array.from({ length: t.colonnes }, (_, j) => ws.getCell(l, j + 1).value));
  ws.addTable({ name: t.nom, ref: `A${t.entete}`, headerRow: true, totalsRow: false, style: { theme: 'TableStyleLight9', showRowStripes: true }, columns: colonnes, rows });
}

export interface OptionsEcriture {
  /** every row of a sheet's suite, not only the first (for a file that is not streamed afterwards) */
  suitesEntieres?: boolean;
  /** sheets left unprotected: Office.js protects them once its own additions (charts) are made */
  sansProtection?: boolean;
  /** the model's defined names left out, for a caller that writes them itself (`avecNomsDefinis`) */
  sansNoms?: boolean;
  /**
   * each sheet's rows dropped from the model once exceljs has them (not a sheet with a suite, whose
   * row count the writer needs): the model and exceljs's copy are never both whole
   */
  consommer?: boolean;
}

/** One model row at row `numero`: values, styles, height. */
export function ecrireLigne(ws: ExcelJS.Worksheet, numero: number, l: Ligne): void {
  const row = ws.getRow(numero);
  if (l.hauteur !== undefined) row.height = l.hauteur;
  l.cellules.forEach((c, j) => {
    if (!c) return;
    const cell = row.getCell(j + 1);
    if (c.valeur !== null) cell.value = valeurExcel(c.valeur);
    if (c.style) appliquerStyle(cell, c.style);
  });
}

export async function ecrireFeuille(wb: ExcelJS.Workbook, f: Feuille, options: OptionsEcriture = {}): Promise<void> {
  const ws = wb.addWorksheet(f.nom, {
    state: f.etat === 'tresCachee' ? 'veryHidden' : 'visible',
    views: f.figer ? [{ state: 'frozen', xSplit: f.figer.colonnes, ySplit: f.figer.lignes }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: f.miseEnPage.orientation === 'paysage' ? 'landscape' : 'portrait',
      fitToPage: f.miseEnPage.ajusterLargeur,
      ...(!f.miseEnPage.ajusterLargeur && f.miseEnPage.echelle ? { scale: f.miseEnPage.echelle } : {}),
      ...(f.miseEnPage.colonnesRepetees ? { printTitlesColumn: f.miseEnPage.colonnesRepetees.map((c) => lettreColonne(c - 1)).join(':') } : {}),
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: MARGES_POUCES.gauche, right: MARGES_POUCES.droite, top: MARGES_POUCES.haut, bottom: MARGES_POUCES.bas, header: MARGES_POUCES.enTete, footer: MARGES_POUCES.piedDePage },
      // exceljs prefixes each corner with « $ » (« A1 » → « $A1 »): rows made absolute here, or the area is relative and LibreOffice ignores it
      ...(f.miseEnPage.zoneImpression ? { printArea: f.miseEnPage.zoneImpression.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$1$$$2') } : {}),
      ...(f.miseEnPage.lignesRepetees ? { printTitlesRow: `${f.miseEnPage.lignesRepetees[0]}:${f.miseEnPage.lignesRepetees[1]}` } : {}),
    },
    headerFooter: {
      ...(f.miseEnPage.piedDePage ? { oddFooter: f.miseEnPage.piedDePage } : {}),
      ...(f.miseEnPage.enTete ? { oddHeader: f.miseEnPage.enTete } : {}),
    },
  });
  for (const n of f.miseEnPage.sautsDePage ?? []) ws.getRow(n - 1).addPageBreak();
  // exceljs leaves out a column 9 wide (its own default), which Excel would then draw 8.43 wide
  ws.columns = f.largeurs.map((w) => ({ width: w === 9 ? 9.000001 : w }));
  f.lignes.forEach((l, i) => ecrireLigne(ws, i + 1, l));
  // Unless told otherwise, only a suite's first row is a cell here: it carries the columns' styles; `partiesDuClasseur` streams the others.
  let suite = 0;
  for (const valeurs of f.suite?.nombre ? f.suite.lignes() : []) {
    suite++;
    valeurs.forEach((v, j) => {
      const cell = ws.getCell(f.lignes.length + suite, j + 1);
      if (v !== null) cell.value = valeurExcel(v);
      const style = f.suite!.styles[j];
      if (style) appliquerStyle(cell, style);
    });
    if (!options.suitesEntieres) break;
  }
  for (const m of f.fusions) ws.mergeCells(m);
  if (f.tableau) ajouterTableau(ws, f.tableau, Math.min(f.tableau.derniere, f.lignes.length + suite));
  for (const i of f.colonnesMasquees ?? []) ws.getColumn(i + 1).hidden = true;
  // exceljs types omit dataValidations; add() keeps a range address as one sqref (one rule per block)
  const validations = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of f.validations ?? []) {
    const commun = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Valeur non prévue', error: v.message };
    if ('liste' in v) {
      const liste = 'nom' in v.liste ? v.liste.nom : 'formule' in v.liste ? v.liste.formule : `"${v.liste.elements.join(',')}"`;
      validations.add(v.plage, { type: 'list', formulae: [liste], ...commun });
    } else {
      const bornes = v.maximum === undefined ? { operator: 'greaterThanOrEqual' as const, formulae: [v.minimum] } : { operator: 'between' as const, formulae: [v.minimum, v.maximum] };
      validations.add(v.plage, { type: 'decimal', ...bornes, ...commun });
    }
  }
  let priorite = 0;
  for (const m of f.misesEnForme ?? []) {
    priorite++;
    ws.addConditionalFormatting({
      ref: m.plage,
      rules: [
        {
          type: 'expression',
          priority: priorite,
          formulae: [m.formule],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: couleur(m.fond) },
            ...(m.couleur ? { font: { color: couleur(m.couleur) } } : {}),
          },
        },
      ],
    });
  }
  if (f.protegee && !options.sansProtection) {
    // No password: protection guards against slips, the teacher can lift it from the Review tab.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

/** A workbook model as an exceljs workbook (by default, sheets' suites left at their first row). */
export async function classeurExceljs(c: Classeur, options: OptionsEcriture = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AGOrA pour Excel';
  wb.title = c.titre;
  wb.created = new Date(0); // deterministic output; the real date lives in the sheets that need it
  wb.modified = new Date(0);
  wb.calcProperties.fullCalcOnLoad = true; // formulas are written without cached results
  for (const f of c.feuilles) {
    await ecrireFeuille(wb, f, options);
    if (options.consommer && !f.suite) f.lignes = [];
  }
  if (!options.sansNoms) for (const n of c.noms ?? []) wb.definedNames.add(referenceAbsolue(n.feuille, n.plage), n.nom);
  return wb;
}

/** Renders a workbook model to .xlsx bytes, zipped by exceljs (the task pane; the CLI has `ecrireClasseur`). */
export async function xlsxDuModele(c: Classeur, options: OptionsEcriture = {}): Promise<Uint8Array> {
  const octets = (await (await classeurExceljs(c, options)).xlsx.writeBuffer()) as ArrayBuffer | Uint8Array; // a Buffer under Node
  return octets instanceof Uint8Array ? octets : new Uint8Array(octets);
}

/** The file Office.js inserts (insertWorksheetsFromBase64): every row written, sheets left unprotected. */
export const classeurEnBase64 = async (c: Classeur): Promise<string> => enBase64(await xlsxDuModele(c, { suitesEntieres: true, sansProtection: true }));
