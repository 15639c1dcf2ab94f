import { z } from 'zod';
import donnees from './tva.json';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * TVA rates and thresholds as dated values with their legal reference (the way OpenFisca keeps
 * parameters): a value applies from `depuis` until the next one. The return's period picks it.
 */
const Valeur = <T extends z.ZodRawShape>(forme: T) => z.object({ depuis: JOUR, reference: z.string(), ...forme });

/** tva.json's shape, and that of the table a teacher brings (`--parametres`). */
export const SCHEMA_TVA = z.object({
  couverture: COUVERTURE_TABLE,
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

export type TableTva = z.output<typeof SCHEMA_TVA>;
export const TABLE_TVA: TableTva = SCHEMA_TVA.parse(donnees);

/** The months whose TVA rates and thresholds are known (checked against the CGI). */
export const couvertureTva = (t: TableTva = TABLE_TVA): Couverture => ({ ...t.couverture, table: 'les taux de TVA', source: 'CGI, art. 278 à 281 nonies' });

export function parametresTva(date: string, t: TableTva = TABLE_TVA): ParametresTvaDates {
  exigerLaTable(couvertureTva(t), date.slice(0, 7), 'Période avant les taux de TVA', 'periode');
  return {
    date,
    taux: t.taux.map((t) => {
      const v = enVigueur(t.valeurs, date);
      return { ligne: t.ligne, libelle: t.libelle, taux: v.taux, reference: v.reference };
    }),
    seuilRemboursement: enVigueur(t.seuilRemboursementMensuel.valeurs, date).montant,
  };
}
