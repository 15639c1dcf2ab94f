import { z } from 'zod';
import donnees from './frais.json';
import { exigerLaTable, enVigueur, type Couverture } from './enVigueur';

/**
 * The tax scale for a car used for work (barème kilométrique), by fiscal horsepower (3 CV or less …
 * 7 CV or more), as dated values with their reference (an electric vehicle's amount raised by 20 %): for a yearly professional distance d, up to
 * 5 000 km d × a, from 5 001 to 20 000 km (d × b) + c, beyond 20 000 km d × e. The trip's month
 * picks it; past the known years the last scale is reconducted (enVigueur.ts).
 */
const Ligne = z.object({ a: z.number().positive(), b: z.number().positive(), c: z.number().nonnegative(), e: z.number().positive() });
const Fichier = z.object({
  source: z.string(),
  couverture: z.object({ du: z.string(), au: z.string() }),
  baremeKilometrique: z.object({
    libelle: z.string(),
    valeurs: z.array(z.object({ depuis: z.string(), reference: z.string(), majorationElectrique: z.number().nonnegative(), bareme: z.record(z.string(), Ligne) })).min(1),
  }),
});
const fichier = Fichier.parse(donnees);

export const COUVERTURE_FRAIS: Couverture = { ...fichier.couverture, table: 'le barème kilométrique', source: fichier.baremeKilometrique.valeurs.at(-1)!.reference };

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

export function parametresFrais(mois: string): ParametresFrais {
  exigerLaTable(COUVERTURE_FRAIS, mois, 'Mois avant le barème kilométrique', 'mois');
  const v = enVigueur(fichier.baremeKilometrique.valeurs, `${mois}-01`);
  return { bareme: Object.fromEntries(Object.entries(v.bareme).map(([cv, l]) => [cv, { ...l }])), majorationElectrique: v.majorationElectrique, reference: v.reference };
}

/** « 3 » for 3 CV or less, « 7 » for 7 CV or more: the row of the scale. */
export const ligneDuBareme = (cv: number): string => String(Math.min(7, Math.max(3, cv)));
