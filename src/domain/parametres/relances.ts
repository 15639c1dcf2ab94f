import { z } from 'zod';
import donnees from './relances.json';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';
import { ajouterMois, moisEnLettres } from '../dates';

/**
 * Late-payment parameters between professionals (Code de commerce, art. L441-10): the ECB rate of
 * each half-year (the one in force on 1 January or 1 July), the 10 points added to it, the 40 €
 * indemnity per invoice paid late. Dated values with their reference, as for TVA and pay.
 */
const Valeurs = (depuis: z.ZodType<string> = JOUR) => z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis, valeur: z.number().nonnegative(), reference: z.string() })).min(1) });
const SEMESTRE = JOUR.refine((d) => /-0[17]-01$/.test(d), { error: 'un taux de la BCE vaut pour un semestre : date du 1er janvier ou du 1er juillet attendue' });
/**
 * relances.json's shape, and that of the table a teacher brings (`--parametres`). The legal interest
 * rate came later: a teacher's file written before it may lack it, and AGOrA's applies.
 */
export const SCHEMA_RELANCES = z.object({
  source: z.string(),
  couverture: COUVERTURE_TABLE,
  tauxBce: Valeurs(SEMESTRE),
  majoration: Valeurs(),
  indemnite: Valeurs(),
  interetLegal: Valeurs(SEMESTRE).optional(),
  plancherInteretLegal: Valeurs().optional(),
});
export type TableRelances = z.output<typeof SCHEMA_RELANCES>;
export const TABLE_RELANCES: TableRelances = SCHEMA_RELANCES.parse(donnees);

/** First and last months the ECB table covers (AAAA-MM). */
export const couvertureRelances = (t: TableRelances = TABLE_RELANCES): Couverture => ({
  ...t.couverture,
  table: 'le tableau des taux de la BCE',
  source: 'Banque centrale européenne ; C. com., art. L441-10, II',
});

export interface TauxSemestre {
  depuis: string; // AAAA-01-01 or AAAA-07-01
  taux: number; // percent
  reference: string;
}

export interface ParametresRelances {
  tauxBce: TauxSemestre[];
  majoration: number; // points
  indemnite: number; // cents
  /**
   * the floor of a contract's penalty rate: so many times the legal interest rate of the half-year
   * (C. com., art. L441-10, II). Only a case whose CGV set a rate has it; a workbook made before it has none.
   */
  plancher?: { multiple: number; interetLegal: TauxSemestre[] };
}

/** The first day of the half-year of `date`: the day whose ECB rate applies to a payment due then. */
export const debutDuSemestre = (date: string): string => `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? '01' : '07'}-01`;

/**
 * The parameters in force on `date` (AAAA-MM-JJ), with every half-year of the table up to it; the
 * half-years past the table's last known rate carry that rate, « reconduit », so that « Paramètres »
 * shows the rate of every half-year an invoice may fall due in.
 */
export function parametresRelances(date: string, t: TableRelances = TABLE_RELANCES, tauxContractuel = false): ParametresRelances {
  exigerLaTable(couvertureRelances(t), date.slice(0, 7), 'Date avant le tableau des taux de la BCE', 'date');
  const plancher = t.plancherInteretLegal ?? TABLE_RELANCES.plancherInteretLegal!;
  return {
    tauxBce: parSemestre(t.tauxBce.valeurs, date),
    majoration: enVigueur(t.majoration.valeurs, date).valeur,
    indemnite: Math.round(enVigueur(t.indemnite.valeurs, date).valeur * 100),
    ...(tauxContractuel ? { plancher: { multiple: enVigueur(plancher.valeurs, date).valeur, interetLegal: parSemestre((t.interetLegal ?? TABLE_RELANCES.interetLegal!).valeurs, date) } } : {}),
  };
}

/** Every half-year's rate up to `date`; those past the last known one carry it, « reconduit ». */
function parSemestre(valeurs: readonly { depuis: string; valeur: number; reference: string }[], date: string): TauxSemestre[] {
  const connus = valeurs.filter((v) => v.depuis <= date).map((v) => ({ depuis: v.depuis, taux: v.valeur, reference: v.reference }));
  const dernier = connus.at(-1);
  if (!dernier) return []; // a teacher's table that starts later: the invoices' half-years will say what is missing
  const reconduits: TauxSemestre[] = [];
  for (let s = ajouterMois(dernier.depuis.slice(0, 7), 6); `${s}-01` <= date; s = ajouterMois(s, 6))
    reconduits.push({ depuis: `${s}-01`, taux: dernier.taux, reference: `Reconduit : dernier taux connu, celui du semestre commençant en ${moisEnLettres(dernier.depuis.slice(0, 7))}` });
  return [...connus, ...reconduits];
}
