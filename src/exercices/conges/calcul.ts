import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import type { ParametresConges } from '../../domain/parametres/conges';
import type { EntreeConges } from './entree';

/**
 * Paid leave, in cents: the days acquired over the reference period (2,5 per month of actual work,
 * the total rounded up to the next whole day, at most 30: C. trav., art. L3141-3 and L3141-7), then
 * the indemnity of the days taken by the two rules of art. L3141-24, the more favourable retained:
 * the tenth (10 % of the period's gross pay × days taken / days acquired) and the pay kept
 * (monthly salary × days taken / the organisation's number of working days in a month).
 */
export interface ResultatConges {
  moisTravailles: number;
  acquis: number; // jours ouvrables (a fraction only in the mistake that forgets to round up)
  remuneration: Centimes;
  dixieme: Centimes;
  maintien: Centimes;
  regle: 'dixieme' | 'maintien';
  indemnite: Centimes;
  solde: number; // days left after the leave
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  arrondiSuperieur: boolean; // false: the fraction of a day kept as is
  sansSoldeExclu: boolean; // false: an unpaid month counted as worked
  dixiemeAuProrata: boolean; // false: the tenth of the whole year paid for a partial leave
  plusFavorable: boolean; // false: the lower of the two rules
}
export const FACON_JUSTE: Facon = { arrondiSuperieur: true, sansSoldeExclu: true, dixiemeAuProrata: true, plusFavorable: true };

export function calculerConges(e: EntreeConges, p: ParametresConges, f: Facon = FACON_JUSTE): ResultatConges {
  const moisTravailles = e.mois.filter((m) => m.situation === 'travail' || (!f.sansSoldeExclu && m.situation === 'sans_solde')).length;
  // in hundredths of a day, so that 2,5 days a month (or any rate with two decimals) stays exact
  const brut = Math.round(p.joursParMois * 100) * moisTravailles;
  const centiemes = Math.min(p.plafond * 100, f.arrondiSuperieur ? Math.ceil(brut / 100) * 100 : brut);
  const acquis = centiemes / 100;
  const remuneration = e.mois.reduce((a, m) => a + m.brut, 0);
  const jours = Math.min(e.conge.jours, acquis);
  const tauxDixieme = Math.round(p.dixieme * 100); // hundredths of a percent
  const dixieme = f.dixiemeAuProrata ? diviserArrondi(remuneration * tauxDixieme * jours * 100, 10000 * centiemes) : diviserArrondi(remuneration * tauxDixieme, 10000);
  const maintien = diviserArrondi(e.conge.salaireMensuel * jours, p.diviseurMaintien);
  const regle = dixieme > maintien === f.plusFavorable ? 'dixieme' : 'maintien';
  return { moisTravailles, acquis, remuneration, dixieme, maintien, regle, indemnite: regle === 'dixieme' ? dixieme : maintien, solde: acquis - jours };
}
