import { z } from 'zod';
import { dateValide, moisValide } from './dates';
import { versCentimes } from './monnaie';

// Every message a teacher can read is French, including zod's own.
z.config(z.locales.fr());

/**
 * Invalid case data: a title, then each problem naming its field (`operations[2].ht`); `source`
 * (« cas.json », the sheet it was read from) joins the title once known. With no listed problem,
 * the title is the whole message.
 */
export class ErreurDonnees extends Error {
  constructor(
    readonly intitule: string,
    readonly problemes: string[],
    readonly source?: string,
  ) {
    super(problemes.length ? `${intitule}${source ? ` dans ${source}` : ''} :\n  - ${problemes.join('\n  - ')}` : intitule);
    this.name = 'ErreurDonnees';
  }

  /** The same error, naming where the data came from (kept if already named). */
  dans(source: string): ErreurDonnees {
    return this.source ? this : new ErreurDonnees(this.intitule, this.problemes, source);
  }
}

function chemin(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k + 1}]` : acc ? `${acc}.${String(k)}` : String(k)), '') || '(racine)';
}

const ATTENDU: Record<string, string> = { string: 'texte attendu', number: 'nombre attendu', boolean: 'true ou false attendu', array: 'liste attendue', object: 'objet attendu' };

function valeurEn(donnees: unknown, p: readonly PropertyKey[]): unknown {
  return p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), donnees);
}

/** zod's French says « chaîne de caractères attendu, indéfini reçu »; a teacher reads « champ obligatoire manquant ». */
function message(i: z.core.$ZodIssue, donnees: unknown): string {
  if (i.code !== 'invalid_type' && i.code !== 'invalid_value') return i.message;
  if (valeurEn(donnees, i.path) === undefined) return 'champ obligatoire manquant';
  if (i.code === 'invalid_value') {
    const v = i.values.map((x) => `« ${String(x)} »`);
    return `valeur attendue : ${v.length > 1 ? `${v.slice(0, -1).join(', ')} ou ${v[v.length - 1]}` : v[0]}`;
  }
  return ATTENDU[i.expected] ?? i.message;
}

/** Parses with a schema; on failure, a French error that names the source and every faulty field. */
export function valider<S extends z.ZodType>(schema: S, donnees: unknown, source: string): z.output<S> {
  const r = schema.safeParse(donnees);
  if (r.success) return r.data;
  const problemes = r.error.issues.map((i) => `champ « ${chemin(i.path)} » : ${message(i, donnees)}`);
  throw new ErreurDonnees('Données invalides', problemes, source);
}

/** Euros typed with at most two decimals (the same tolerance as `versCentimes`). */
const auCentime = [(v: number) => Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 * Math.max(1, Math.abs(v * 100)), { error: 'deux décimales au plus (centimes)' }] as const;

/**
 * The largest amount a case may hold, in euros: far above any exercise, and low enough that cents
 * times a rate in basis points, summed over a case's lines, stay exact integers in a double.
 */
export const MONTANT_MAX = 1_000_000_000;
const plafond = { error: 'montant de 1 000 000 000 € au plus en valeur absolue' };

/** An amount in euros (≤ 2 decimals, ≥ 0, ≤ `MONTANT_MAX`) → cents. */
export const montant = z
  .number()
  .nonnegative({ error: 'le montant ne peut pas être négatif' })
  .max(MONTANT_MAX, plafond)
  .refine(...auCentime)
  .transform(versCentimes);

/** A signed amount in euros (a balance, |x| ≤ `MONTANT_MAX`) → cents. */
export const montantSigne = z
  .number()
  .min(-MONTANT_MAX, plafond)
  .max(MONTANT_MAX, plafond)
  .refine(...auCentime)
  .transform(versCentimes);

/** A rate in % (TVA, a share of a payment). */
export const tauxPourcent = z.number().nonnegative({ error: 'le taux ne peut pas être négatif' }).max(100, { error: 'taux de 100 % au plus' });

export const date = z.string().refine(dateValide, { error: 'date attendue au format AAAA-MM-JJ (par exemple 2026-03-31)' });
export const mois = z.string().refine(moisValide, { error: 'mois attendu au format AAAA-MM (par exemple 2026-03)' });
export const texte = z.string().trim().min(1, { error: 'texte vide' });

/** What one list of a case holds at most: an énoncé a student reads on a few pages (a file of 270 000 invoices is refused at once). */
export const LIGNES_CAS_MAX = 200;

/** A list of a case, bounded by `LIGNES_CAS_MAX` with a French message. */
export const liste = <T extends z.ZodType>(s: T) => z.array(s).max(LIGNES_CAS_MAX, { error: `${LIGNES_CAS_MAX} lignes au plus dans un cas d'exercice` });
