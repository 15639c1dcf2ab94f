import { numeroColonne } from '../../sheets/model';

/** Where a workbook-scoped defined name points: sheet and corners (1-based). */
export interface CibleNom {
  feuille: string;
  haut: number;
  gauche: number;
  bas: number;
  droite: number;
}

/** `'Énoncé'!$A$12:$M$20` (a leading « = » allowed) → sheet and corners; a `#REF!` target gives undefined. */
export function analyserReference(ref: string): CibleNom | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const col = numeroColonne;
  const feuille = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const [haut, gauche] = [Number(m[4]), col(m[3]!)];
  return { feuille, haut, gauche, bas: m[6] ? Number(m[6]) : haut, droite: m[5] ? col(m[5]) : gauche };
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
