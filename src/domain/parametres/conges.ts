import { z } from 'zod';
import donnees from './conges.json';
import { exigerLaTable, enVigueur, type Couverture } from './enVigueur';

/**
 * Paid leave (Code du travail): 2,5 jours ouvrables per month of actual work, at most 30, a
 * fraction of a day rounded up (L3141-7); the indemnity is the tenth of the reference period's gross
 * pay, or the pay kept during the leave if higher (L3141-24). Dated values with their reference.
 */
const Valeurs = z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), valeur: z.number().positive(), reference: z.string() })).min(1) });
const fichier = z.object({ couverture: z.object({ du: z.string(), au: z.string() }), source: z.string(), joursParMois: Valeurs, plafond: Valeurs, dixieme: Valeurs }).parse(donnees);

/** The months whose paid-leave rules are known (checked against the Code du travail). */
export const COUVERTURE_CONGES: Couverture = { ...fichier.couverture, table: 'les règles des congés payés', source: fichier.source };

export interface ParametresConges {
  joursParMois: number;
  plafond: number;
  dixieme: number; // percent
  /** the organisation's method for the pay kept: monthly salary × days of leave / this number of working days */
  diviseurMaintien: number;
}

/** The reference period of paid leave taken in `mois` (AAAA-MM): 1 June to 31 May before it (C. trav., art. R3141-4). */
export function periodeDeReference(mois: string): { du: string; au: string } {
  const annee = Number(mois.slice(0, 4)) - (Number(mois.slice(5, 7)) >= 6 ? 0 : 1);
  return { du: `${annee - 1}-06-01`, au: `${annee}-05-31` };
}

export function parametresConges(date: string): ParametresConges {
  exigerLaTable(COUVERTURE_CONGES, date.slice(0, 7), 'Congé avant les règles connues des congés payés', 'conge.mois');
  return {
    joursParMois: enVigueur(fichier.joursParMois.valeurs, date).valeur,
    plafond: enVigueur(fichier.plafond.valeurs, date).valeur,
    dixieme: enVigueur(fichier.dixieme.valeurs, date).valeur,
    diviseurMaintien: 26,
  };
}

export const REFERENCES_CONGES = {
  joursParMois: fichier.joursParMois.valeurs.at(-1)!.reference,
  plafond: fichier.plafond.valeurs.at(-1)!.reference,
  dixieme: fichier.dixieme.valeurs.at(-1)!.reference,
};
