import { z } from 'zod';
import donnees from './frais.json';
import { ErreurDonnees } from '../validation';
import { avantLaTable, enVigueur, type Couverture } from './enVigueur';

/**
 * The tax scale for a car used for work (barème kilométrique), first bracket (up to 5 000 km a
 * year: d × rate), by fiscal horsepower (3 CV or less … 7 CV or more), as dated values with their
 * reference. The trip's month picks it; past the known years the last scale is reconducted (enVigueur.ts).
 */
const Fichier = z.object({
  source: z.string(),
  couverture: z.object({ du: z.string(), au: z.string() }),
  baremeKilometrique: z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis: z.string(), reference: z.string(), taux: z.record(z.string(), z.number().positive()) })).min(1) }),
});
const fichier = Fichier.parse(donnees);

export const COUVERTURE_FRAIS: Couverture = { ...fichier.couverture, table: 'le barème kilométrique', source: fichier.baremeKilometrique.valeurs.at(-1)!.reference };

export interface ParametresFrais {
  /** € per km by fiscal horsepower, « 3 » for 3 CV or less, « 7 » for 7 CV or more */
  tauxKm: Record<string, number>;
  reference: string;
}

export function parametresFrais(mois: string): ParametresFrais {
  const avant = avantLaTable(COUVERTURE_FRAIS, mois);
  if (avant) throw new ErreurDonnees('Mois avant le barème kilométrique', [`champ « mois » : ${avant}`]);
  const v = enVigueur(fichier.baremeKilometrique.valeurs, `${mois}-01`);
  return { tauxKm: { ...v.taux }, reference: v.reference };
}

/** « 3 » for 3 CV or less, « 7 » for 7 CV or more: the row of the scale. */
export const ligneDuBareme = (cv: number): string => String(Math.min(7, Math.max(3, cv)));
