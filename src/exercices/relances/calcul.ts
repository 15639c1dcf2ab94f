import { dateFr, ecartJours } from '../../domain/dates';
import { ErreurDonnees } from '../../domain/validation';
import type { Centimes } from '../../domain/monnaie';
import { debutDuSemestre, type ParametresRelances, type TauxSemestre } from '../../domain/parametres/relances';
import type { EntreeRelances } from './entree';

/**
 * A client account on the day of the follow-up, in cents: for each invoice, what remains due, the
 * days past its due date, the level of reminder the organisation's procedure calls for, and, once
 * late, the penalties and the 40 € indemnity (Code de commerce, art. L441-10, II, and D441-5).
 * Penalties: remaining amount × annual rate × days late / 365, rounded to the cent; the rate is the
 * contract's, never below three times the legal interest rate of the half-year in which the invoice
 * fell due (the floor of art. L441-10, II), or else the ECB rate of that half-year plus 10 points.
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
  plancherLegal: boolean; // false: the contract's rate though below the legal floor
}
export const FACON_JUSTE: Facon = { deduireReglements: true, joursDepuisEcheance: true, majoration: true, tauxDuContrat: true, indemnite: true, plancherLegal: true };

/** The row of a table by half-year that applies to `echeance`: the last half-year begun by then (-1: none). */
export function rangDuSemestre(taux: readonly TauxSemestre[], echeance: string): number {
  const semestre = debutDuSemestre(echeance);
  let k = -1;
  taux.forEach((x, i) => {
    if (x.depuis <= semestre && (k < 0 || x.depuis >= taux[k]!.depuis)) k = i;
  });
  return k;
}

/** The rate of the half-year of `echeance` in a table by half-year, as « Paramètres » gives it. */
function tauxDuSemestre(taux: readonly TauxSemestre[], echeance: string, table: string, conseil: string): number {
  const t = taux[rangDuSemestre(taux, echeance)];
  if (!t)
    throw new ErreurDonnees(`Échéance avant le tableau des ${table}`, [
      `échéance du ${dateFr(echeance)} : le tableau des ${table} commence ${taux[0] ? `au semestre du ${dateFr(taux[0].depuis)}` : 'plus tard'} ; ${conseil}`,
    ]);
  return t.taux;
}

/** The ECB rate of the half-year of `echeance`. */
export const tauxBceDe = (p: ParametresRelances, echeance: string): number =>
  tauxDuSemestre(p.tauxBce, echeance, 'taux de la BCE', 'donnez le taux des pénalités dans les conditions générales de vente');

/** The legal interest rate of the half-year of `echeance` (a case with a CGV rate has the table). */
export const interetLegalDe = (p: ParametresRelances, echeance: string): number =>
  tauxDuSemestre(p.plancher?.interetLegal ?? [], echeance, 'taux de l\u2019intérêt légal', 'ajoutez ce taux dans la feuille « Paramètres »');

/** The floor of a contract's rate for an invoice due on `echeance` (so many times the legal interest rate of its half-year), 0 when the case has none. */
export const plancherDe = (p: ParametresRelances, echeance: string): number => (p.plancher ? Math.round(p.plancher.multiple * interetLegalDe(p, echeance) * 10000) / 10000 : 0);

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
    const contrat = () => Math.max(e.tauxContractuel!, f.plancherLegal ? plancherDe(p, x.echeance) : 0);
    const taux = enRetard ? (e.tauxContractuel !== undefined && f.tauxDuContrat ? contrat() : legal()) : 0;
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
