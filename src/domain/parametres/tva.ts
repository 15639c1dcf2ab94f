import { z } from 'zod';
import donnees from './tva.json';
import { exigerLaTable, enVigueur, type Couverture } from './enVigueur';

/**
 * TVA rates and thresholds as dated values with their legal reference (the way OpenFisca keeps
 * parameters): a value applies from `depuis` until the next one. The return's period picks it.
 */
const Valeur = <T extends z.ZodRawShape>(forme: T) => z.object({ depuis: z.string(), reference: z.string(), ...forme });

const ParametresTva = z.object({
  couverture: z.object({ du: z.string(), au: z.string() }),
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

/** The months whose TVA rates and thresholds are known (checked against the CGI). */
export const COUVERTURE_TVA: Couverture = { ...donneesValidees.couverture, table: 'les taux de TVA', source: 'CGI, art. 278 à 281 nonies' };

export function parametresTva(date: string): ParametresTvaDates {
  exigerLaTable(COUVERTURE_TVA, date.slice(0, 7), 'Période avant les taux de TVA', 'periode');
  return {
    date,
    taux: donneesValidees.taux.map((t) => {
      const v = enVigueur(t.valeurs, date);
      return { ligne: t.ligne, libelle: t.libelle, taux: v.taux, reference: v.reference };
    }),
    seuilRemboursement: enVigueur(donneesValidees.seuilRemboursementMensuel.valeurs, date).montant,
  };
}
