import type ExcelJS from 'exceljs';
import { largeurEnPoints, lettreColonne } from '../../sheets/model';
import { adresseZone, zone, type Bord, type ClasseurMemoire, type CelluleMemoire, type FeuilleMemoire } from './classeurMemoire';

/**
 * What Excel does with insertWorksheetsFromBase64, for the in-memory workbook: the file's sheets are
 * appended with what they carry (values, formulas, formats, styles, merges, validations, conditional
 * formats, tables, widths and heights, panes, protection, visibility, page setup) and its defined
 * names are taken in. exceljs reads the file, loaded only when a file is inserted. The names can be
 * lost or broken on purpose, as Excel has been seen to do (OfficeDev/office-js#3583). A formula that
 * refers to a name or sheet of the open workbook the file does not have becomes a link to the file,
 * « [1]!Nom » (OfficeDev/office-js#2809), as Excel was reported to do.
 */

export type NomsDuFichier = 'importes' | 'absents' | 'casses';

const JOUR = 86_400_000;
const rgb = (c?: Partial<ExcelJS.Color>) => (c?.argb ? `#${c.argb.slice(-6).toUpperCase()}` : undefined);
const ALIGNEMENTS: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right', top: 'Top', middle: 'Center', bottom: 'Bottom' };
const COTES: [keyof ExcelJS.Borders, Bord][] = [
  ['top', 'haut'],
  ['bottom', 'bas'],
  ['left', 'gauche'],
  ['right', 'droite'],
];

/** A cell of the file as Excel keeps it; a string is text whatever it looks like, as a typed « '… » is. */
function valeurLue(cell: ExcelJS.Cell): Pick<CelluleMemoire, 'valeur' | 'formule' | 'texteForce'> {
  const v = cell.value;
  if (v === null || v === undefined) return { valeur: null };
  if (typeof v === 'string') return { valeur: v, texteForce: true };
  if (typeof v === 'number' || typeof v === 'boolean') return { valeur: v };
  if (v instanceof Date) return { valeur: v.getTime() / JOUR + 25_569 };
  if ('formula' in v && v.formula) return { valeur: null, formule: `=${v.formula}` };
  if ('richText' in v) return { valeur: v.richText.map((r) => r.text).join(''), texteForce: true };
  if ('text' in v) return { valeur: String(v.text), texteForce: true };
  return { valeur: null };
}

/** The cell's format properties by their Office.js path, as a range write would have set them. */
function styleLu(cell: ExcelJS.Cell, c: CelluleMemoire, verrouillee: boolean): void {
  const s = cell.style ?? {};
  const st = c.style;
  if (s.font) {
    if (s.font.name) st['font.name'] = s.font.name;
    if (s.font.size) st['font.size'] = s.font.size;
    if (s.font.bold) st['font.bold'] = true;
    if (s.font.italic) st['font.italic'] = true;
    if (rgb(s.font.color)) st['font.color'] = rgb(s.font.color);
  }
  if (s.fill?.type === 'pattern' && s.fill.pattern === 'solid' && rgb(s.fill.fgColor)) st['fill.color'] = rgb(s.fill.fgColor);
  if (s.alignment?.horizontal) st.horizontalAlignment = ALIGNEMENTS[s.alignment.horizontal];
  if (s.alignment?.vertical) st.verticalAlignment = ALIGNEMENTS[s.alignment.vertical];
  if (s.alignment?.wrapText) st.wrapText = true;
  if (s.protection?.locked === false && !verrouillee) st['protection.locked'] = false;
  for (const [cote, bord] of COTES) if ((s.border?.[cote] as ExcelJS.Border | undefined)?.style) c.bords[bord] = 'Continuous';
}

/**
 * `formule` with its references to `noms` and `feuilles` (outside the file, upper case) made links to
 * the file; strings are left alone.
 */
function lienAuFichier(formule: string, noms: ReadonlySet<string>, feuilles: ReadonlySet<string>): string {
  return formule
    .split(/("(?:[^"]|"")*")/)
    .map((morceau, i) =>
      i % 2
        ? morceau
        : morceau
            .replace(/'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!/gu, (tout, cite: string | undefined, nu: string | undefined) => {
              const feuille = (cite ?? nu)!.replace(/''/g, "'");
              return feuilles.has(feuille.toUpperCase()) ? `'[1]${feuille.replace(/'/g, "''")}'!` : tout;
            })
            .replace(/(?<![\p{L}\p{N}_.!\]'$])([\p{L}_][\p{L}\p{N}_.]*)(?![\p{L}\p{N}_.(!])/gu, (nom: string) => (noms.has(nom.toUpperCase()) ? `[1]!${nom}` : nom)),
    )
    .join('');
}

function validation(v: ExcelJS.DataValidation, lien: (f: string) => string): Record<string, unknown> {
  const [a, b] = v.formulae ?? [];
  if (v.type === 'list') {
    const source = String(a);
    return { list: { inCellDropDown: true, source: source.startsWith('"') ? source.slice(1, -1) : `=${lien(source)}` } };
  }
  return { [v.type]: { formula1: a, ...(b === undefined ? {} : { formula2: b }), operator: v.operator === 'between' ? 'Between' : 'GreaterThanOrEqualTo' } };
}

function feuilleLue(ws: ExcelJS.Worksheet, f: FeuilleMemoire, c: ClasseurMemoire, lien: (f: string) => string, verrouillee: boolean): void {
  f.visibilite = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
  ws.eachRow({ includeEmpty: true }, (row, l) => {
    if (row.height !== undefined) f.hauteurs.set(l, row.height);
    row.eachCell({ includeEmpty: true }, (cell, k) => {
      const valeur = cell.isMerged && cell.master !== cell ? { valeur: null } : valeurLue(cell); // exceljs lends the master's value to the merged cells
      if (valeur.valeur === null && !valeur.formule && !cell.numFmt && !Object.keys(cell.style ?? {}).length) return;
      const x = c.cellule(f, l, k);
      Object.assign(x, valeur);
      if (x.formule) x.formule = lien(x.formule);
      if (cell.numFmt) x.format = cell.numFmt;
      styleLu(cell, x, verrouillee);
    });
  });
  (ws.columns ?? []).forEach((col, i) => {
    if (col.width !== undefined) f.largeurs.set(i + 1, largeurEnPoints(col.width));
    if (col.hidden) f.masquees.add(i + 1);
  });
  f.fusions.push(...((ws.model as { merges?: string[] }).merges ?? []));
  const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  for (const [plage, v] of Object.entries(validations))
    f.validations.push({ plage, regle: validation(v, lien), alerte: { message: v.error, showAlert: !!v.showErrorMessage, style: 'Stop', title: v.errorTitle } });
  for (const cf of (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [])
    for (const regle of cf.rules as ExcelJS.ExpressionRuleType[]) {
      const fond = rgb((regle.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor);
      const couleur = rgb(regle.style?.font?.color);
      const z = zone(cf.ref);
      f.misesEnForme.push({ plage: z ? adresseZone(z) : cf.ref, formule: `=${lien(String(regle.formulae?.[0] ?? ''))}`, ...(fond ? { fond } : {}), ...(couleur ? { couleur } : {}) });
    }
  for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string; style?: { theme?: string } } }> }).tables))
    f.tableaux.push({ nom: t.table.name, plage: t.table.tableRef, ...(t.table.style?.theme ? { style: t.table.style.theme } : {}) });
  const vue = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (vue?.state === 'frozen') f.figee = vue.xSplit ? `A1:${lettreColonne(vue.xSplit - 1)}${Math.max(vue.ySplit ?? 0, 1)}` : `1:${vue.ySplit ?? 0}`;
  f.protegee = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  const p = ws.pageSetup;
  if (p?.orientation) f.miseEnPage.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (p?.printArea) f.miseEnPage.printArea = p.printArea;
  if (p?.printTitlesRow) f.miseEnPage.printTitleRows = `$${p.printTitlesRow.replace(':', ':$')}`;
}

/**
 * Appends the sheets of an .xlsx file (refused whole if one of its sheet names is taken) and its
 * names. `verrouillee`: every cell comes locked, as Excel on the web does (OfficeDev/office-js#1565).
 */
export async function insererFeuillesDuFichier(c: ClasseurMemoire, octets: Uint8Array, noms: NomsDuFichier, verrouillee = false): Promise<string[]> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  const prise = wb.worksheets.find((ws) => c.feuille(ws.name));
  if (prise) throw Object.assign(new Error(`La feuille « ${prise.name} » existe déjà.`), { code: 'ItemAlreadyExists' });
  const definis = new Set((wb.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name.toUpperCase()));
  const dehors = new Set([...c.noms.keys()].filter((n) => !definis.has(n)));
  const feuilles = new Set(c.feuilles.map((f) => f.nom.toUpperCase()));
  for (const ws of wb.worksheets) feuilleLue(ws, c.ajouterFeuille(ws.name), c, (formule) => lienAuFichier(formule, dehors, feuilles), verrouillee);
  if (noms !== 'absents')
    for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model)
      if (!n.name.startsWith('_xlnm.') && !c.noms.has(n.name.toUpperCase())) c.noms.set(n.name.toUpperCase(), { nom: n.name, reference: noms === 'casses' ? '=#REF!' : `=${n.ranges[0]}` });
  return wb.worksheets.map((ws) => ws.name);
}
