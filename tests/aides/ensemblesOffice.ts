import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The requirement set of every member of the Excel classes the in-memory host plays, read from the
 * JSDoc of the installed @types/office-js (« [Api set: ExcelApi 1.9] »): the host refuses, at sync,
 * a member above its version, as Excel does. Generated, never typed by hand: tests/office.ensembles
 * checks that src/io/memory/ensemblesExcel.json is what this gives for the installed types.
 */
export const CLASSES_JOUEES = [
  'Workbook',
  'Application',
  'WorksheetCollection',
  'Worksheet',
  'WorksheetProtection',
  'WorksheetFreezePanes',
  'NamedItemCollection',
  'NamedItem',
  'Range',
  'RangeAreas',
  'RangeFormat',
  'RangeFont',
  'RangeFill',
  'RangeBorderCollection',
  'RangeBorder',
  'FormatProtection',
  'DataValidation',
  'ConditionalFormatCollection',
  'ConditionalFormat',
  'CustomConditionalFormat',
  'ConditionalFormatRule',
  'ConditionalRangeFormat',
  'ConditionalRangeFont',
  'ConditionalRangeFill',
  'TableCollection',
  'Table',
  'ChartCollection',
  'Chart',
  'ChartTitle',
  'ChartLegend',
  'ChartAxes',
  'ChartAxis',
  'ChartAxisTitle',
  'PageLayout',
  'PageBreakCollection',
  'HeaderFooterGroup',
  'HeaderFooter',
  'PageLayoutZoomOptions',
  'PageLayoutMarginOptions',
  'NoteCollection',
] as const;

/**
 * A member's requirement set (« ExcelApi 1.9 », or another set's name as the types write it:
 * ExcelApiOnline, ExcelApiDesktop, BETA…), then the Excel class it returns when it returns one.
 */
export type Membre = [string] | [string, string];

const FICHIER_TYPES = path.join(__dirname, '..', '..', 'node_modules', '@types', 'office-js', 'index.d.ts');

/** « Excel.RangeFormat » → « RangeFormat »; undefined when the type is not one of Excel's classes. */
function classeDe(t: ts.TypeNode | undefined, classes: Set<string>): string | undefined {
  if (!t || !ts.isTypeReferenceNode(t)) return undefined;
  const nom = t.typeName.getText().replace(/^Excel\./, '');
  return classes.has(nom) ? nom : undefined;
}

/** Every member of the played classes, « Classe.membre » → its set and its class, sorted. */
export function ensemblesDesTypes(fichier = FICHIER_TYPES): Record<string, Membre> {
  const source = ts.createSourceFile(fichier, readFileSync(fichier, 'utf8'), ts.ScriptTarget.Latest, true);
  const excel: ts.ClassDeclaration[] = [];
  const visiter = (n: ts.Node, dansExcel: boolean): void => {
    if (ts.isModuleDeclaration(n)) {
      const nom = n.name.getText();
      n.body && ts.forEachChild(n.body, (c) => visiter(c, nom === 'Excel'));
      return;
    }
    if (dansExcel && ts.isClassDeclaration(n) && n.name) excel.push(n);
  };
  ts.forEachChild(source, (c) => visiter(c, false));
  const toutes = new Set(excel.map((c) => c.name!.text));
  const jouees = new Set<string>(CLASSES_JOUEES);
  const table: Record<string, Membre> = {};
  const ensembleDe = (n: ts.Node) =>
    /\[Api set: ([^\]]+)\]/
      .exec(
        ts
          .getJSDocCommentsAndTags(n)
          .map((d) => d.getText())
          .join('\n'),
      )?.[1]
      ?.trim();
  for (const c of excel.filter((x) => jouees.has(x.name!.text))) {
    const deLaClasse = ensembleDe(c);
    for (const m of c.members) {
      if (!(ts.isPropertyDeclaration(m) || ts.isMethodDeclaration(m)) || !m.name) continue;
      const nom = m.name.getText();
      const cle = `${c.name!.text}.${nom}`;
      if (table[cle] || ['load', 'toJSON', 'set', 'track', 'untrack', 'context'].includes(nom)) continue; // the first overload; the base class's plumbing
      // a member the types leave untagged (a collection's `items`) comes with its class
      const ensemble = ensembleDe(m) ?? deLaClasse;
      if (!ensemble) continue;
      const type = classeDe(m.type, toutes);
      table[cle] = type ? [ensemble, type] : [ensemble];
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
