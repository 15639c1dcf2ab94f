import { z } from 'zod';
import donnees from './conges.json';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * Paid leave (Code du travail): 2,5 jours ouvrables per month of actual work, at most 30, a
 * fraction of a day rounded up (L3141-7); the indemnity is the tenth of the reference period's gross
 * pay, or the pay kept during the leave if higher (L3141-24). Dated values with their reference.
 */
const Valeurs = z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis: JOUR, valeur: z.number().positive(), reference: z.string() })).min(1) });
/** conges.json's shape, and that of the table a teacher brings (`--parametres`). */
export const SCHEMA_CONGES = z.object({ couverture: COUVERTURE_TABLE, source: z.string(), joursParMois: Valeurs, plafond: Valeurs, dixieme: Valeurs });
export type TableConges = z.output<typeof SCHEMA_CONGES>;
export const TABLE_CONGES: TableConges = SCHEMA_CONGES.parse(donnees);

/** The months whose paid-leave rules are known (checked against the Code du travail). */
export const couvertureConges = (t: TableConges = TABLE_CONGES): Couverture => ({ ...t.couverture, table: 'les règles des congés payés', source: t.source });

export interface ParametresConges {
  joursParMois: number;
  plafond: number;
  dixieme: number; // percent
  /** the organisation's method for the pay kept: monthly salary × days of leave / this number of working days */
  diviseurMaintien: number;
  /** the legal reference of each value, as « Paramètres » shows it (not read back) */
  references: { joursParMois: string; plafond: string; dixieme: string };
}

/** The reference period of paid leave taken in `mois` (AAAA-MM): 1 June to 31 May before it (C. trav., art. R3141-4). */
export function periodeDeReference(mois: string): { du: string; au: string } {
  const annee = Number(mois.slice(0, 4)) - (Number(mois.slice(5, 7)) >= 6 ? 0 : 1);
  return { du: `${annee - 1}-06-01`, au: `${annee}-05-31` };
}

export function parametresConges(date: string, t: TableConges = TABLE_CONGES): ParametresConges {
  exigerLaTable(couvertureConges(t), date.slice(0, 7), 'Congé avant les règles connues des congés payés', 'conge.mois');
  const [joursParMois, plafond, dixieme] = [t.joursParMois, t.plafond, t.dixieme].map((x) => enVigueur(x.valeurs, date)) as [Valeur, Valeur, Valeur];
  return {
    joursParMois: joursParMois.valeur,
    plafond: plafond.valeur,
    dixieme: dixieme.valeur,
    diviseurMaintien: 26,
    references: { joursParMois: joursParMois.reference, plafond: plafond.reference, dixieme: dixieme.reference },
  };
}
type Valeur = TableConges['plafond']['valeurs'][number];
