/**
 * Money is an integer number of cents: sums are exact, and every rounding is an explicit call here
 * with its rule stated. JavaScript integers are exact up to 2^53, i.e. 90 000 milliards d'euros.
 */
export type Centimes = number;

/** n / d rounded to the nearest integer, halves away from zero (« la fraction égale à 0,50 est comptée pour 1 »). */
export function diviserArrondi(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) throw new RangeError(`Division non entière : ${n} / ${d}`);
  const q = Math.trunc(n / d);
  const r = n - q * d;
  if (2 * Math.abs(r) >= d) return q + Math.sign(n);
  return q;
}

/**
 * Euros as typed by a person (at most two decimals) → cents. A third decimal is refused rather
 * than rounded silently: 12,345 € is a typing error in an invoice.
 */
export function versCentimes(euros: number): Centimes {
  const c = Math.round(euros * 100);
  if (!Number.isFinite(euros) || Math.abs(euros * 100 - c) > 1e-6 * Math.max(1, Math.abs(c))) throw new RangeError(`Montant avec plus de deux décimales : ${euros}`);
  return c;
}

export const versEuros = (c: Centimes): number => c / 100;

/** Cents → whole euros, to the nearest euro, 0,50 € counting for one (rule of the CA3 return). */
export const arrondiEuro = (c: Centimes): number => diviserArrondi(c, 100);

/** A rate in percent as an integer number of 10^-decimales percent; more decimals are refused, not rounded. */
function tauxEntier(pourcent: number, decimales: number): number {
  const echelle = 10 ** decimales;
  const t = Math.round(pourcent * echelle);
  if (Math.abs(pourcent * echelle - t) > 1e-6) throw new RangeError(`Taux avec plus de ${decimales === 2 ? 'deux' : 'quatre'} décimales : ${pourcent}`);
  return t;
}

/** A rate in percent (20, 5.5, 2.1) as an integer number of hundredths of a percent. */
export const tauxEnDixMilliemes = (pourcent: number): number => tauxEntier(pourcent, 2);

/** Tax on a base, to the cent, halves away from zero: what an invoice shows. */
export const taxe = (base: Centimes, pourcent: number): Centimes => diviserArrondi(base * tauxEnDixMilliemes(pourcent), 10000);

/** base × a rate of up to four decimals (payslip rates: 0,016 %), to the cent, halves away from zero. */
export const appliquerTaux = (base: Centimes, pourcent: number): Centimes => diviserArrondi(base * tauxEntier(pourcent, 4), 1_000_000);

/**
 * Splits an amount by percentages that sum to 100: each share rounded to the cent, the last share
 * takes the remainder, so the shares always add up to the amount.
 */
export function repartir(total: Centimes, pourcentages: readonly number[]): Centimes[] {
  const dixMilliemes = pourcentages.map(tauxEnDixMilliemes);
  if (dixMilliemes.reduce((a, b) => a + b, 0) !== 10000) throw new RangeError(`Les parts doivent totaliser 100 % : ${pourcentages.join(' + ')}`);
  const parts = dixMilliemes.map((p) => diviserArrondi(total * p, 10000));
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

const FORMAT_EUROS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** « 1 234,56 € » for messages (no-break spaces, as French typography wants). */
export const enEuros = (c: Centimes): string => `${FORMAT_EUROS.format(c / 100)}\u00a0€`;

export const somme = (valeurs: readonly Centimes[]): Centimes => valeurs.reduce((a, b) => a + b, 0);

/** Cents → euros throughout a calculator's result (objects, lists), except the fields named in `nonMonetaires`. */
export function resultatEnEuros(v: unknown, nonMonetaires: ReadonlySet<string>, cle = ''): unknown {
  if (typeof v === 'number') return nonMonetaires.has(cle) ? v : v / 100;
  if (Array.isArray(v)) return v.map((x) => resultatEnEuros(x, nonMonetaires, cle));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resultatEnEuros(x, nonMonetaires, k)]));
  return v;
}
