import { z } from 'zod';
import donnees from './conges.json';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * Paid leave (Code du travail): 2,5 jours ouvrables per month of actual work, at most 30, a
 * fraction of a day rounded up (L3141-7); the indemnity is the tenth of the reference period's gross
 * pay, or the pay kept during the leave if higher (L3141-24). Dated values with their reference.
 */
const valeurs = (valeur: z.ZodNumber) => z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis: JOUR, valeur, reference: z.string() })).min(1) });
const Valeurs = valeurs(z.number().positive());
/** rules that did not exist before a date: nought until then */
const ValeursNulles = valeurs(z.number().nonnegative());
/**
 * conges.json's shape, and that of the table a teacher brings (`--parametres`). The sick-leave rules
 * came later (loi n° 2024-364): a teacher's file written before them may lack them, and AGOrA's apply.
 */
export const SCHEMA_CONGES = z.object({
  couverture: COUVERTURE_TABLE,
  source: z.string(),
  joursParMois: Valeurs,
  plafond: Valeurs,
  dixieme: Valeurs,
  joursParMoisMaladie: ValeursNulles.optional(),
  plafondMaladie: ValeursNulles.optional(),
  partMaladieDixieme: ValeursNulles.optional(),
});
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
  /**
   * months of non-professional sick leave: days acquired a month, at most so many over the period,
   * and the share (%) of the month's salary counted in the tenth. A workbook made before these rules
   * has none, and no sick month.
   */
  maladie?: { joursParMois: number; plafond: number; partDixieme: number };
  /** the legal reference of each value, as « Paramètres » shows it (not read back) */
  references: { joursParMois: string; plafond: string; dixieme: string; maladie?: { joursParMois: string; plafond: string; partDixieme: string } };
}

/** The reference period of paid leave taken in `mois` (AAAA-MM): 1 June to 31 May before it (C. trav., art. R3141-4). */
export function periodeDeReference(mois: string): { du: string; au: string } {
  const annee = Number(mois.slice(0, 4)) - (Number(mois.slice(5, 7)) >= 6 ? 0 : 1);
  return { du: `${annee - 1}-06-01`, au: `${annee}-05-31` };
}

export function parametresConges(date: string, t: TableConges = TABLE_CONGES): ParametresConges {
  exigerLaTable(couvertureConges(t), date.slice(0, 7), 'Congé avant les règles connues des congés payés', 'conge.mois');
  const [joursParMois, plafond, dixieme] = [t.joursParMois, t.plafond, t.dixieme].map((x) => enVigueur(x.valeurs, date)) as [Valeur, Valeur, Valeur];
  const [mJours, mPlafond, mPart] = [
    t.joursParMoisMaladie ?? TABLE_CONGES.joursParMoisMaladie!,
    t.plafondMaladie ?? TABLE_CONGES.plafondMaladie!,
    t.partMaladieDixieme ?? TABLE_CONGES.partMaladieDixieme!,
  ].map((x) => enVigueur(x.valeurs, date)) as [Valeur, Valeur, Valeur];
  return {
    joursParMois: joursParMois.valeur,
    plafond: plafond.valeur,
    dixieme: dixieme.valeur,
    diviseurMaintien: 26,
    maladie: { joursParMois: mJours.valeur, plafond: mPlafond.valeur, partDixieme: mPart.valeur },
    references: {
      joursParMois: joursParMois.reference,
      plafond: plafond.reference,
      dixieme: dixieme.reference,
      maladie: { joursParMois: mJours.reference, plafond: mPlafond.reference, partDixieme: mPart.reference },
    },
  };
}
type Valeur = TableConges['plafond']['valeurs'][number];
