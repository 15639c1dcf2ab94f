import { z } from 'zod';
import donnees from './frais.json';
import { diviserArrondi } from '../monnaie';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * The tax scale for a car used for work (barème kilométrique), by fiscal horsepower (3 CV or less …
 * 7 CV or more), as dated values with their reference (an electric vehicle's amount raised by 20 %): for a yearly professional distance d, up to
 * 5 000 km d × a, from 5 001 to 20 000 km (d × b) + c, beyond 20 000 km d × e. The trip's month
 * picks it; past the known years the last scale is reconducted (enVigueur.ts).
 */
const Ligne = z.object({ a: z.number().positive(), b: z.number().positive(), c: z.number().nonnegative(), e: z.number().positive() });
/** frais.json's shape, and that of the table a teacher brings (`--parametres`). */
export const SCHEMA_FRAIS = z.object({
  source: z.string(),
  couverture: COUVERTURE_TABLE,
  baremeKilometrique: z.object({
    libelle: z.string(),
    valeurs: z
      .array(
        z.object({
          depuis: JOUR,
          reference: z.string(),
          majorationElectrique: z.number().nonnegative(),
          bareme: z.strictObject({ '3': Ligne, '4': Ligne, '5': Ligne, '6': Ligne, '7': Ligne }),
        }),
      )
      .min(1),
  }),
});
export type TableFrais = z.output<typeof SCHEMA_FRAIS>;
export const TABLE_FRAIS: TableFrais = SCHEMA_FRAIS.parse(donnees);

export const couvertureFrais = (t: TableFrais = TABLE_FRAIS): Couverture => ({ ...t.couverture, table: 'le barème kilométrique', source: t.baremeKilometrique.valeurs.at(-1)!.reference });

/** The distances (km a year) where the scale changes bracket. */
export const TRANCHES_KM = [5000, 20000] as const;

/** One row of the scale: € per km of each bracket, and the fixed part of the middle one (€). */
export type LigneBareme = z.output<typeof Ligne>;

export interface ParametresFrais {
  /** by fiscal horsepower, « 3 » for 3 CV or less, « 7 » for 7 CV or more */
  bareme: Record<string, LigneBareme>;
  /** percent added to the scale's amount for an electric vehicle */
  majorationElectrique: number;
  reference: string;
}

export function parametresFrais(mois: string, t: TableFrais = TABLE_FRAIS): ParametresFrais {
  exigerLaTable(couvertureFrais(t), mois, 'Mois avant le barème kilométrique', 'mois');
  const v = enVigueur(t.baremeKilometrique.valeurs, `${mois}-01`);
  return { bareme: Object.fromEntries(Object.entries(v.bareme).map(([cv, l]) => [cv, { ...l }])), majorationElectrique: v.majorationElectrique, reference: v.reference };
}

/** « 3 » for 3 CV or less, « 7 » for 7 CV or more: the row of the scale. */
export const ligneDuBareme = (cv: number): string => String(Math.min(7, Math.max(3, cv)));

/** What a trip is priced with where the year's distance stays under 5 000 km: the barème's rate a per km, by horsepower « 3 » … « 7 », and its reference. */
export interface TauxKilometriques {
  km: Record<string, number>;
  reference: string;
}

/** The first bracket's rates (d ≤ 5 000 km: d × a) of the month's barème. */
export function tauxKilometriques(mois: string, t: TableFrais = TABLE_FRAIS): TauxKilometriques {
  const p = parametresFrais(mois, t);
  return { km: Object.fromEntries(Object.entries(p.bareme).map(([cv, l]) => [cv, l.a])), reference: p.reference };
}

/** The cost of `km` kilometres at the rate of horsepower `cv`, in cents (the rate in thousandths of a euro, the product to the cent, halves away from zero). */
export const coutKilometrique = (p: TauxKilometriques, cv: number, km: number): number => diviserArrondi(km * Math.round(p.km[ligneDuBareme(cv)]! * 1000), 10);
