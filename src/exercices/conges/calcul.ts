import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import type { ParametresConges } from '../../domain/parametres/conges';
import { joursOuvrables } from '../../domain/joursFeries';
import type { EntreeConges } from './entree';

/**
 * Paid leave, in cents: the days acquired over the reference period, the total rounded up to the next
 * whole day, at most 30 (C. trav., art. L3141-3 and L3141-7):
 * - 2,5 per month of actual work; a month not worked whole counts for its days of work over 24, as
 *   24 days of work make a month (L3141-4) and an absence reduces the leave no more than in
 *   proportion (L3141-6);
 * - 2 per month of non-professional sick leave, at most 24 over the period (L3141-5-1).
 * Then the indemnity of the days taken by the two rules of art. L3141-24, the more favourable
 * retained: the tenth (10 % of the period's gross pay, a sick month's salary counted at 80 %, × days
 * taken / days acquired) and the pay kept (monthly salary × days taken / the organisation's number of
 * working days in a month, or the actual jours ouvrables of the leave's month).
 */
export interface ResultatConges {
  moisTravailles: number; // whole months of actual work
  joursMoisIncomplets: number; // days of work of the months not worked whole
  moisMaladie: number;
  joursMaladie: number; // what the sick months give, within their ceiling
  acquisBruts: number; // the total before the ceiling of 30 and the rounding up
  acquis: number; // jours ouvrables (a fraction only in the mistake that forgets to round up)
  remuneration: Centimes;
  dixieme: Centimes;
  diviseurMaintien: number;
  maintien: Centimes;
  regle: 'dixieme' | 'maintien';
  indemnite: Centimes;
  solde: number; // days left after the leave
}

/** The dixième for the days taken: `pourcent` of the period's pay × days taken / days acquired, to the cent. */
export const dixiemeDe = (remuneration: Centimes, pourcent: number, jours: number, acquis: number): Centimes =>
  diviserArrondi(Math.round(remuneration * Math.round(pourcent * 100) * jours * 100), 10000 * Math.round(acquis * 100));

/** The maintien: the monthly salary × days taken / the month's working days retained, to the cent. */
export const maintienDe = (salaireMensuel: Centimes, jours: number, diviseur: number): Centimes => diviserArrondi(Math.round(salaireMensuel * jours), diviseur);

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  arrondiSuperieur: boolean; // false: the fraction of a day kept as is
  sansSoldeExclu: boolean; // false: an unpaid month counted as worked
  dixiemeAuProrata: boolean; // false: the tenth of the whole year paid for a partial leave
  plusFavorable: boolean; // false: the lower of the two rules
  maladieComptee: boolean; // false: the rule before 2024, a sick month gives no day and no pay in the tenth
  moisIncompletAuProrata: boolean; // false: a month not worked whole gives nothing
  joursReels: boolean; // false: the pay kept divided by 26 when the organisation counts the month's actual days
}
export const FACON_JUSTE: Facon = {
  arrondiSuperieur: true,
  sansSoldeExclu: true,
  dixiemeAuProrata: true,
  plusFavorable: true,
  maladieComptee: true,
  moisIncompletAuProrata: true,
  joursReels: true,
};

export function calculerConges(e: EntreeConges, p: ParametresConges, f: Facon = FACON_JUSTE): ResultatConges {
  const complets = e.mois.filter((m) => (m.situation === 'travail' && m.jours === undefined) || (!f.sansSoldeExclu && m.situation === 'sans_solde'));
  const joursMoisIncomplets = f.moisIncompletAuProrata ? e.mois.reduce((a, m) => a + (m.situation === 'travail' ? (m.jours ?? 0) : 0), 0) : 0;
  const malades = e.mois.filter((m) => m.situation === 'maladie');
  const maladie = (f.maladieComptee && p.maladie) || { joursParMois: 0, plafond: 0, partDixieme: 0 };
  // in 2400ths of a day (hundredths, then 24ths for the days of work of incomplete months), so that every part stays exact
  const parMois = Math.round(p.joursParMois * 100);
  const travail = parMois * (24 * complets.length + joursMoisIncomplets);
  const sousMaladie = Math.min(Math.round(maladie.joursParMois * 100) * malades.length, Math.round(maladie.plafond * 100)) * 24;
  const brut = Math.min(p.plafond * 2400, travail + sousMaladie);
  const centiemes = f.arrondiSuperieur ? Math.ceil(brut / 2400) * 100 : Math.round(brut / 24);
  const acquis = centiemes / 100;
  const remuneration =
    e.mois.reduce((a, m) => a + (m.situation === 'travail' ? m.brut : 0), 0) + diviserArrondi(malades.reduce((a, m) => a + m.brut, 0) * Math.round(maladie.partDixieme * 100), 10000);
  const jours = Math.min(e.conge.jours, acquis);
  const tauxDixieme = Math.round(p.dixieme * 100); // hundredths of a percent
  const dixieme = f.dixiemeAuProrata ? dixiemeDe(remuneration, p.dixieme, jours, acquis) : diviserArrondi(remuneration * tauxDixieme, 10000);
  const diviseurMaintien = e.conge.maintien === 'jours_reels' && f.joursReels ? joursOuvrables(e.conge.mois) : p.diviseurMaintien;
  const maintien = maintienDe(e.conge.salaireMensuel, jours, diviseurMaintien);
  const regle = dixieme > maintien === f.plusFavorable ? 'dixieme' : 'maintien';
  return {
    moisTravailles: complets.length,
    joursMoisIncomplets,
    moisMaladie: malades.length,
    joursMaladie: sousMaladie / 2400,
    acquisBruts: (travail + sousMaladie) / 2400,
    acquis,
    remuneration,
    dixieme,
    diviseurMaintien,
    maintien,
    regle,
    indemnite: regle === 'dixieme' ? dixieme : maintien,
    solde: acquis - jours,
  };
}
