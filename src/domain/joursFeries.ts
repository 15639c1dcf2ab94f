import { ajouterJours, dernierJour } from './dates';

/**
 * The public holidays of the Code du travail (art. L3133-1), outside Alsace-Moselle: eight fixed
 * dates, and Easter Monday, Ascension Day and Whit Monday, which follow Easter. A rule, not dated
 * data: the list has not changed since the Ascension's and Whit Monday's place was set on Easter.
 */
export function joursFeries(annee: number): string[] {
  const paques = dimancheDePaques(annee);
  const fixes = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((j) => `${annee}-${j}`);
  return [...fixes, ajouterJours(paques, 1), ajouterJours(paques, 39), ajouterJours(paques, 50)].sort();
}

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, « Astronomical Algorithms »). */
export function dimancheDePaques(annee: number): string {
  const a = annee % 19;
  const b = Math.floor(annee / 100);
  const c = annee % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mois = Math.floor((h + l - 7 * m + 114) / 31);
  const jour = ((h + l - 7 * m + 114) % 31) + 1;
  return `${annee}-${String(mois).padStart(2, '0')}-${String(jour).padStart(2, '0')}`;
}

/** The jours ouvrables of a month (AAAA-MM): every day but Sundays and the public holidays that fall on another day. */
export function joursOuvrables(mois: string): number {
  const feries = new Set(joursFeries(Number(mois.slice(0, 4))));
  let n = 0;
  for (let j = `${mois}-01`; j <= dernierJour(mois); j = ajouterJours(j, 1)) if (new Date(`${j}T00:00:00Z`).getUTCDay() !== 0 && !feries.has(j)) n++;
  return n;
}

/** A jour ouvré: Monday to Friday, not one of `feries` (AAAA-MM-JJ). */
export const estOuvre = (d: string, feries: ReadonlySet<string>): boolean => {
  const j = new Date(`${d}T00:00:00Z`).getUTCDay();
  return j !== 0 && j !== 6 && !feries.has(d);
};

/** The `n`-th jour ouvré after `d` (before it when n < 0; `d` itself when n = 0): Excel's WORKDAY. */
export function ajouterJoursOuvres(d: string, n: number, feries: ReadonlySet<string>): string {
  let x = d;
  for (let reste = Math.abs(n); reste > 0;) {
    x = ajouterJours(x, Math.sign(n));
    if (estOuvre(x, feries)) reste--;
  }
  return x;
}

/** The jours ouvrés from `a` to `b` included, negative when b is before a: Excel's NETWORKDAYS. */
export function joursOuvresEntre(a: string, b: string, feries: ReadonlySet<string>): number {
  const [debut, fin, signe] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let x = debut; x <= fin; x = ajouterJours(x, 1)) if (estOuvre(x, feries)) n++;
  return signe * n;
}
