import { nombreFrancais, type ValeurLue } from '../sheets/exercices/lecture';

/**
 * What a student typed in one cell, read the way a teacher reads it: « 1 234,56 € », « 1234.56 »,
 * « -150 », « (150) », « 20 % » are numbers; « oui », « OUI » are « Oui »; a date, or « 31/03/2026 »
 * typed as text, is « 2026-03-31 »; an Excel error value is unreadable, never a crash.
 */
export type Saisie = { vide: true } | { nombre: number } | { texte: string } | { illisible: string };

export function lireSaisie(v: ValeurLue): Saisie {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { vide: true };
  if (typeof v === 'number') return Number.isFinite(v) ? { nombre: v } : { illisible: 'nombre invalide' };
  if (typeof v === 'boolean') return { texte: v ? 'Oui' : 'Non' };
  if (v instanceof Date) return { texte: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') return { illisible: `valeur d\u2019erreur ${v.erreur}` };
  const d = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v);
  if (d) return { texte: `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}` };
  const n = nombreFrancais(v);
  return n === undefined ? { texte: v.trim() } : { nombre: n };
}

/** Texts compare without case, accents or extra spaces: « non », « NON », « Non » are the same answer. */
export const texteNormalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('fr');

/** Rounds to the answer's unit, halves away from zero, on a decimal-safe representation. */
export function arrondirA(x: number, unite: number): number {
  const q = Number((Math.abs(x) / unite).toPrecision(12));
  return Math.sign(x) * Number((Math.round(q) * unite).toFixed(unite < 1 ? 2 : 0));
}
