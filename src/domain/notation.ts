/**
 * The proposed CCF mark, computed the way the grid's spreadsheet formulas compute it, so that the
 * core, Excel and LibreOffice agree to the last digit:
 *   value of a positioning = the level's value in the scale (« NE » or empty: no value, left out);
 *   mark = maximum × Σ(weight × value) / Σ(weight of the positioned rows), rounded to the step.
 * A spreadsheet rounds half away from zero on a 15-significant-digit value; `arrondirAuPas` does the same.
 */

export type Code = string | number;

export interface NiveauEchelle {
  code: Code;
  valeur: number | null;
}

export interface Positionnement {
  niveau: Code | null; // what the cell holds (null: empty)
  poids: number;
}

/** Excel's MATCH(…; 0): text compares without case, a number only matches the same number. */
function memeCode(a: Code, b: Code): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.toLocaleUpperCase('fr') === b.toLocaleUpperCase('fr');
}

/** The value a positioning counts for, or null when it does not count (empty, « NE », unknown code). */
export function valeurDuNiveau(echelle: readonly NiveauEchelle[], niveau: Code | null): number | null {
  if (niveau === null || niveau === '') return null;
  const n = echelle.find((e) => memeCode(e.code, niveau));
  return n?.valeur ?? null;
}

/** Weighted mean of the positioned rows in [0, 1], or null when nothing is positioned. */
export function tauxDeMaitrise(echelle: readonly NiveauEchelle[], lignes: readonly Positionnement[]): number | null {
  let somme = 0;
  let poids = 0;
  for (const l of lignes) {
    const v = valeurDuNiveau(echelle, l.niveau);
    if (v === null) continue;
    somme += l.poids * v;
    poids += l.poids;
  }
  return poids === 0 ? null : somme / poids;
}

/** ROUND(x / pas; 0) × pas as a spreadsheet does it; a step of 0 leaves x unrounded. */
export function arrondirAuPas(x: number, pas: number): number {
  if (!(pas > 0)) return x;
  const q = Number((x / pas).toPrecision(15));
  const r = Math.sign(q) * Math.round(Math.abs(q));
  return Number((r * pas).toPrecision(15));
}

export interface ReglesNote {
  maximum: number;
  pas: number;
}

/** Mark of one situation, or null when no compétence is positioned. */
export function noteProposee(echelle: readonly NiveauEchelle[], lignes: readonly Positionnement[], regles: ReglesNote): number | null {
  const t = tauxDeMaitrise(echelle, lignes);
  return t === null ? null : arrondirAuPas(regles.maximum * t, regles.pas);
}

/**
 * Mark of an épreuve with several situations (E2: two of equal weight): the weighted mean of the
 * situations' unrounded marks, rounded once. Null until every situation has a positioning.
 */
export function noteProposeeSituations(echelle: readonly NiveauEchelle[], situations: readonly { ponderation: number; lignes: readonly Positionnement[] }[], regles: ReglesNote): number | null {
  let somme = 0;
  let total = 0;
  for (const s of situations) {
    const t = tauxDeMaitrise(echelle, s.lignes);
    if (t === null) return null;
    somme += s.ponderation * regles.maximum * t;
    total += s.ponderation;
  }
  return total === 0 ? null : arrondirAuPas(somme / total, regles.pas);
}
