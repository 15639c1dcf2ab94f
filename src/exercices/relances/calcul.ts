import { dateFr, ecartJours } from '../../domain/dates';
import { ErreurDonnees } from '../../domain/validation';
import type { Centimes } from '../../domain/monnaie';
import { debutDuSemestre, type ParametresRelances } from '../../domain/parametres/relances';
import type { EntreeRelances } from './entree';

/**
 * A client account on the day of the follow-up, in cents: for each invoice, what remains due, the
 * days past its due date, the level of reminder the organisation's procedure calls for, and, once
 * late, the penalties and the 40 € indemnity (Code de commerce, art. L441-10, II, and D441-5).
 * Penalties: remaining amount × annual rate × days late / 365, rounded to the cent; the rate is the
 * contract's, or the ECB rate of the half-year in which the invoice fell due plus 10 points.
 */

/** The organisation's reminder procedure: from how many days late each level applies. */
export const NIVEAUX = [
  { niveau: 1, des: 1, libelle: 'Relance amiable (courriel ou appel)' },
  { niveau: 2, des: 16, libelle: 'Lettre de relance' },
  { niveau: 3, des: 31, libelle: 'Mise en demeure (lettre recommandée avec accusé de réception)' },
  { niveau: 4, des: 61, libelle: 'Transmission au service contentieux' },
] as const;

/** The aged balance's columns: from how many days late each one starts. */
export const TRANCHES = [
  { des: -Infinity, libelle: 'Non échu' },
  { des: 1, libelle: '1 à 30 jours' },
  { des: 31, libelle: '31 à 60 jours' },
  { des: 61, libelle: '61 à 90 jours' },
  { des: 91, libelle: 'Plus de 90 jours' },
] as const;

export interface SuiviFacture {
  numero: string;
  reste: Centimes;
  jours: number; // days past the due date, 0 when not yet due
  niveau: number; // 0: not due
  tranche: number; // index in TRANCHES
  taux: number; // annual penalty rate, percent (0 when not due)
  penalites: Centimes;
  indemnite: Centimes;
}

export interface ResultatRelances {
  factures: SuiviFacture[];
  balance: Centimes[]; // by tranche
  totalEchu: Centimes;
  totalPenalites: Centimes;
  totalIndemnites: Centimes;
  totalReclame: Centimes;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  deduireReglements: boolean;
  joursDepuisEcheance: boolean; // false: counted from the invoice's date
  majoration: boolean; // false: the ECB rate alone
  tauxDuContrat: boolean; // false: the legal rate though the contract sets one
  indemnite: boolean;
}
export const FACON_JUSTE: Facon = { deduireReglements: true, joursDepuisEcheance: true, majoration: true, tauxDuContrat: true, indemnite: true };

/** The ECB rate of the half-year of `echeance`, as « Paramètres » gives it. */
export function tauxBceDe(p: ParametresRelances, echeance: string): number {
  const semestre = debutDuSemestre(echeance);
  const t = [...p.tauxBce]
    .sort((a, b) => a.depuis.localeCompare(b.depuis))
    .filter((x) => x.depuis <= semestre)
    .pop();
  if (!t)
    throw new ErreurDonnees('Échéance avant le tableau des taux de la BCE', [
      `échéance du ${dateFr(echeance)} : le tableau des taux de la BCE commence au semestre du ${dateFr(p.tauxBce[0]?.depuis ?? semestre)} ; donnez le taux des pénalités dans les conditions générales de vente`,
    ]);
  return t.taux;
}

/** reste × taux % × jours / 365, to the cent, halves up (BigInt: the product passes 2^53 for large amounts). */
function penalites(reste: Centimes, taux: number, jours: number): Centimes {
  const t = BigInt(Math.round(taux * 10000)); // ten-thousandths of a percent
  const d = 2n * 365n * 100n * 10000n;
  return Number((2n * BigInt(reste) * t * BigInt(jours) + d / 2n) / d);
}

export function calculerRelances(e: EntreeRelances, p: ParametresRelances, f: Facon = FACON_JUSTE): ResultatRelances {
  const factures = e.factures.map((x) => {
    const payes = f.deduireReglements ? x.paiements : [];
    const reste = f.deduireReglements ? x.montant - x.regle - payes.reduce((a, p) => a + p.montant, 0) : x.montant;
    const retard = ecartJours(x.echeance, e.date);
    // a paid invoice is not chased, however late its due date: nothing left, no level, no penalty
    const jours = retard > 0 && reste > 0 ? ecartJours(f.joursDepuisEcheance ? x.echeance : x.date, e.date) : 0;
    // parts paid after the due date: penalties up to their payment, and the invoice was paid late
    const tardifs = payes.filter((p) => p.date > x.echeance);
    const niveau = [...NIVEAUX].reverse().find((n) => jours >= n.des)?.niveau ?? 0;
    const tranche = TRANCHES.length - 1 - [...TRANCHES].reverse().findIndex((t) => (jours || -1) >= t.des);
    // the legal rate only when no contract rate applies: an old invoice under the CGV needs no ECB rate
    const legal = () => tauxBceDe(p, x.echeance) + (f.majoration ? p.majoration : 0);
    const enRetard = jours > 0 || tardifs.length > 0;
    const taux = enRetard ? (e.tauxContractuel !== undefined && f.tauxDuContrat ? e.tauxContractuel : legal()) : 0;
    const depuis = (d: string) => ecartJours(f.joursDepuisEcheance ? x.echeance : x.date, d);
    const penalitesDues = (jours ? penalites(reste, taux, jours) : 0) + tardifs.reduce((a, q) => a + penalites(q.montant, taux, depuis(q.date)), 0);
    return { numero: x.numero, reste, jours, niveau, tranche, taux, penalites: penalitesDues, indemnite: enRetard && f.indemnite ? p.indemnite : 0 };
  });
  const somme = (g: (x: SuiviFacture) => number) => factures.reduce((a, x) => a + g(x), 0);
  const balance = TRANCHES.map((_, i) => somme((x) => (x.tranche === i ? x.reste : 0)));
  const totalEchu = somme((x) => (x.jours ? x.reste : 0));
  const totalPenalites = somme((x) => x.penalites);
  const totalIndemnites = somme((x) => x.indemnite);
  return { factures, balance, totalEchu, totalPenalites, totalIndemnites, totalReclame: totalEchu + totalPenalites + totalIndemnites };
}
