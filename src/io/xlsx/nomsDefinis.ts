import { COLONNES_MAX, LIGNES_MAX, numeroColonne } from '../../sheets/model';

/** Where a workbook-scoped defined name points: sheet and corners (1-based). */
export interface CibleNom {
  feuille: string;
  haut: number;
  gauche: number;
  bas: number;
  droite: number;
}

/** `'Énoncé'!$A$12:$M$20` (a leading « = » allowed) → sheet and corners; a `#REF!` target, or one outside Excel's grid, gives undefined. */
export function analyserReference(ref: string): CibleNom | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const col = numeroColonne;
  const feuille = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const [l1, c1] = [Number(m[4]), col(m[3]!)];
  const [l2, c2] = [m[6] ? Number(m[6]) : l1, m[5] ? col(m[5]) : c1];
  // Excel keeps a range typed backwards (« $XFD$1048576:$A$1 ») as its normal corners
  const [haut, bas, gauche, droite] = [Math.min(l1, l2), Math.max(l1, l2), Math.min(c1, c2), Math.max(c1, c2)];
  if (haut < 1 || bas > LIGNES_MAX || gauche < 1 || droite > COLONNES_MAX) return undefined;
  return { feuille, haut, gauche, bas, droite };
}

/** The defined names of one range, by upper-case name (Excel names ignore case); broken ones are left out. */
export function ciblesDesNoms(noms: readonly { nom: string; references: readonly string[] }[]): Map<string, CibleNom> {
  const cibles = new Map<string, CibleNom>();
  for (const n of noms) {
    const c = n.references.length === 1 ? analyserReference(n.references[0]!) : undefined;
    if (c) cibles.set(n.nom.toUpperCase(), c);
  }
  return cibles;
}

const echapper = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A workbook part (`xl/workbook.xml`) with these workbook-scoped names added to its `<definedNames>`
 * (created after `<sheets>` when there is none, as the schema orders them). exceljs keeps each name
 * as a matrix of cells and rebuilds its ranges on writing: for a class's 65 000 names that is a
 * fifth of the time, where this is a string.
 */
export function avecNomsDefinis(classeur: string, noms: readonly { nom: string; reference: string }[]): string {
  if (!noms.length) return classeur;
  const xml = noms.map((n) => `<definedName name="${echapper(n.nom)}">${echapper(n.reference)}</definedName>`).join('');
  if (classeur.includes('<definedNames>')) return classeur.replace('<definedNames>', `<definedNames>${xml}`);
  if (!classeur.includes('</sheets>')) throw new Error('xl/workbook.xml sans </sheets>');
  return classeur.replace('</sheets>', `</sheets><definedNames>${xml}</definedNames>`);
}
