/** Calendar dates as ISO strings (AAAA-MM-JJ) and months (AAAA-MM): no time zone can shift them. */

export const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const RE_MOIS = /^(\d{4})-(\d{2})$/;

export function dateValide(d: string): boolean {
  const m = RE_DATE.exec(d);
  if (!m) return false;
  const [a, mo, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(a, mo - 1, j));
  return t.getUTCFullYear() === a && t.getUTCMonth() === mo - 1 && t.getUTCDate() === j;
}

export const moisValide = (m: string): boolean => RE_MOIS.test(m) && Number(m.slice(5)) >= 1 && Number(m.slice(5)) <= 12;

export const moisDe = (date: string): string => date.slice(0, 7);

/** Today as AAAA-MM-JJ in local time: the date a teacher reads on the sheets. */
export function aujourdhui(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `2026-11` + 3 → `2027-02`. */
export function ajouterMois(mois: string, n: number): string {
  const index = Number(mois.slice(0, 4)) * 12 + Number(mois.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Number of months from `a` to `b` (`2026-11` → `2027-01` is 2). */
export const ecartMois = (a: string, b: string): number => Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));

export function dernierJour(mois: string): string {
  const t = new Date(Date.UTC(Number(mois.slice(0, 4)), Number(mois.slice(5, 7)), 0));
  return `${mois}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** AAAA-MM-JJ `n` days after `d` (n may be negative). */
export const ajouterJours = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The same day `n` months after `d` (AAAA-MM-JJ), or the month's last day when it has no such day: Excel's EDATE. */
export function dateDansMois(d: string, n: number): string {
  const dernier = dernierJour(ajouterMois(d.slice(0, 7), n));
  return d.slice(8, 10) < dernier.slice(8, 10) ? `${dernier.slice(0, 8)}${d.slice(8, 10)}` : dernier;
}

/** Whole months from `a` to `b` (AAAA-MM-JJ, a ≤ b): Excel's DATEDIF(a; b; "M"). */
export const moisComplets = (a: string, b: string): number => ecartMois(a.slice(0, 7), b.slice(0, 7)) - (b.slice(8, 10) < a.slice(8, 10) ? 1 : 0);

/** Days from `a` to `b`. */
export const ecartJours = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000;

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2026-11` → « novembre 2026 ». */
export const moisEnLettres = (mois: string): string => `${MOIS[Number(mois.slice(5, 7)) - 1]} ${mois.slice(0, 4)}`;

/** « de » before a month's name, elided before a vowel: « d’avril 2026 », « d’août », « de mars 2026 ». */
export const deMois = (mois: string): string => (/^[aeiouéèêâîôûh]/i.test(mois) ? `d\u2019${mois}` : `de ${mois}`);

/** `2026-11-03` → « 03/11/2026 ». */
export const dateFr = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A UTC date → AAAA-MM-JJ. */
export const iso = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** Excel's serial (1 = 1900-01-01, with its fictitious 29 February 1900) → AAAA-MM-JJ; a time of day is dropped. */
export const dateDeSerie = (n: number): string => iso(new Date(Date.UTC(1899, 11, 30) + Math.floor(n + 1e-9) * 86_400_000));

/** A custom number format shows a date or time when, quoted text and [colour]/[h] sections aside, it has a date or time letter (exceljs's rule). */
export const estFormatDate = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** AAAA-MM-JJ → Excel's date serial (days since 1899-12-30, the 1900 date system). */
export const serieExcel = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000 + 25_569;

/** School year of a date: from August on, « 2026-2027 ». */
export function anneeScolaire(dateIso: string): string {
  const [a, m] = dateIso.split('-').map(Number) as [number, number];
  return m >= 8 ? `${a}-${a + 1}` : `${a - 1}-${a}`;
}

const sansAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const MOIS_SANS_ACCENT = MOIS.map(sansAccents);

/**
 * A month as teachers type it — « 2026-03 », « 03/2026 », « 3/2026 », « mars 2026 », « Mars 2026 » —
 * as AAAA-MM; null when it is none of these. The pane and the command line read months this way.
 */
export function lireMois(texte: string): string | null {
  const t = sansAccents(texte.trim().replace(/\s+/g, ' '));
  let a: number | undefined;
  let m: number | undefined;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})[-/.](\d{1,2})$/.exec(t))) [a, m] = [Number(r[1]), Number(r[2])];
  else if ((r = /^(\d{1,2})[-/.](\d{4})$/.exec(t))) [a, m] = [Number(r[2]), Number(r[1])];
  else if ((r = /^(\p{L}+)\.? (\d{4})$/u.exec(t))) {
    // the month's name, or an abbreviation only one month has (« sept », « janv », « juil », not « ju »)
    const nom = r[1]!;
    const exact = MOIS_SANS_ACCENT.indexOf(nom);
    const possibles = nom.length >= 3 ? MOIS_SANS_ACCENT.flatMap((x, i) => (x.startsWith(nom) ? [i] : [])) : [];
    const i = exact >= 0 ? exact : possibles.length === 1 ? possibles[0]! : -1;
    if (i >= 0) [a, m] = [Number(r[2]), i + 1];
  }
  if (a === undefined || m === undefined || m < 1 || m > 12) return null;
  return `${a}-${String(m).padStart(2, '0')}`;
}

/** The message for a month that `lireMois` cannot read: what was typed, and what would do. */
export const moisIllisible = (texte: string) => `Mois « ${texte.trim()} » non reconnu : écrivez par exemple « 2026-03 », « 03/2026 » ou « mars 2026 ».`;

/** A school year as typed — « 2026-2027 », « 2026/2027 », « 2026 – 2027 », « 2026-27 » — as « 2026-2027 »; null otherwise (the years must follow each other). */
export function lireAnneeScolaire(texte: string): string | null {
  const r = /^(\d{4}) ?[-/\u2013\u2014] ?(\d{2}|\d{4})$/.exec(texte.trim());
  if (!r) return null;
  const debut = Number(r[1]);
  const fin = r[2]!.length === 2 ? Math.floor(debut / 100) * 100 + Number(r[2]) : Number(r[2]);
  return fin === debut + 1 ? `${debut}-${fin}` : null;
}

export const anneeIllisible = (texte: string) => `Année scolaire « ${texte.trim()} » non reconnue : écrivez deux années qui se suivent, par exemple « 2026-2027 ».`;
