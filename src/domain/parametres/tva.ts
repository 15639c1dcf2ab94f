import { z } from 'zod';
import donnees from './tva.json';
import { enVigueur } from './enVigueur';

/**
 * TVA rates and thresholds as dated values with their legal reference (the way OpenFisca keeps
 * parameters): a value applies from `depuis` until the next one. The return's period picks it.
 */
const Valeur = <T extends z.ZodRawShape>(forme: T) => z.object({ depuis: z.string(), reference: z.string(), ...forme });

const ParametresTva = z.object({
  source: z.string(),
  taux: z.array(z.object({ ligne: z.string(), libelle: z.string(), valeurs: z.array(Valeur({ taux: z.number().positive() })).min(1) })),
  seuilRemboursementMensuel: z.object({ libelle: z.string(), valeurs: z.array(Valeur({ montant: z.number().nonnegative() })).min(1) }),
});

export interface TauxTva {
  ligne: string; // line of the CA3 return that carries it (08, 09, 9B, T6)
  libelle: string;
  taux: number; // percent
  reference: string;
}

export interface ParametresTvaDates {
  taux: TauxTva[];
  seuilRemboursement: number; // euros
  date: string;
}

const donneesValidees = ParametresTva.parse(donnees);

export function parametresTva(date: string): ParametresTvaDates {
  return {
    date,
    taux: donneesValidees.taux.map((t) => {
      const v = enVigueur(t.valeurs, date);
      return { ligne: t.ligne, libelle: t.libelle, taux: v.taux, reference: v.reference };
    }),
    seuilRemboursement: enVigueur(donneesValidees.seuilRemboursementMensuel.valeurs, date).montant,
  };
}
