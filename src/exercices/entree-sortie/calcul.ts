import { ajouterJours, dateDansMois, moisComplets } from '../../domain/dates';
import { diviserArrondi, somme, taxe, type Centimes } from '../../domain/monnaie';
import type { ParametresPersonnel } from '../../domain/parametres/personnel';
import type { EntreeEntreeSortie } from './entree';

/**
 * The three files, by the Code du travail's rules of `ParametresPersonnel`:
 * - hiring: the DPAE at the earliest so many days before the hiring (R1221-5); the trial period of
 *   the category counted from date to date, ending the day before the same date N months later
 *   (L1221-19), and after its renewal (L1221-21);
 * - end of a CDD: 10 % of the total gross pay (L1243-8), none when the employee refused a CDI
 *   (L1243-10); the paid-leave indemnity, 10 % of the pay with that indemnity (L1242-16, L3141-24);
 * - dismissal: the notice by the seniority at the notification (L1234-1); the contract's end, the
 *   notification + the notice; the seniority in whole months at that end; the reference salary, the
 *   higher of the months' average and the last three's (R1234-4); the legal severance pay from 8
 *   months, a quarter of a month a year up to ten years, a third beyond, incomplete years by whole
 *   months (L1234-9, R1234-1, R1234-2); the paid-leave indemnity of the days left, salary / 26 a day
 *   (the company's method); the solde de tout compte's indemnities.
 * Amounts to the cent, halves away from zero.
 */
export interface ResultatEntreeSortie {
  dpae: string;
  finEssai: string;
  finRenouvellement: string | null;
  precarite: Centimes;
  iccpCdd: Centimes;
  totalCdd: Centimes;
  preavis: number; // months
  finContrat: string;
  anciennete: number; // whole months
  salaireReference: Centimes;
  indemnite: Centimes;
  iccp: Centimes;
  solde: Centimes;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  dpaeAvant: boolean; // false: the DPAE counted after the hiring
  veille: boolean; // false: the trial period ending on the same date N months later
  exclusionCdi: boolean; // false: the indemnity paid despite the refused CDI
  iccpAvecPrecarite: boolean; // false: the paid-leave indemnity on the pay alone
  preavisDeuxMois: boolean; // false: one month's notice whatever the seniority
  plusFavorable: boolean; // false: the twelve months' average whatever the last three
  tiersAuDela: boolean; // false: a quarter of a month for every year
}
export const FACON_JUSTE: Facon = { dpaeAvant: true, veille: true, exclusionCdi: true, iccpAvecPrecarite: true, preavisDeuxMois: true, plusFavorable: true, tiersAuDela: true };

export const essaiDe = (e: EntreeEntreeSortie, p: ParametresPersonnel): number => ({ ouvrier: p.essaiOuvriers, maitrise: p.essaiMaitrise, cadre: p.essaiCadres })[e.embauche.categorie];
export const essaiMaxDe = (e: EntreeEntreeSortie, p: ParametresPersonnel): number => ({ ouvrier: p.essaiMaxOuvriers, maitrise: p.essaiMaxMaitrise, cadre: p.essaiMaxCadres })[e.embauche.categorie];

/** The legal severance pay of `mois` whole months of seniority on a reference salary, to the cent. */
export function indemniteLegale(reference: Centimes, mois: number, p: ParametresPersonnel, tiersAuDela = true): Centimes {
  if (mois < p.ancienneteIndemnite) return 0;
  const seuil = p.seuilAnnees * 12;
  const apres = tiersAuDela ? p.diviseurApres : p.diviseurAvant;
  // reference × (months up to the threshold / 12 / 4 + months beyond / 12 / 3), as one fraction
  return diviserArrondi(reference * (Math.min(mois, seuil) * apres + Math.max(mois - seuil, 0) * p.diviseurAvant), 12 * p.diviseurAvant * apres);
}

export function calculerEntreeSortie(e: EntreeEntreeSortie, p: ParametresPersonnel, f: Facon = FACON_JUSTE): ResultatEntreeSortie {
  const h = e.embauche;
  const essai = essaiDe(e, p);
  const fin = (n: number) => ajouterJours(dateDansMois(h.date, n), f.veille ? -1 : 0);
  const precarite = e.cdd.motif === 'refus_cdi' && f.exclusionCdi ? 0 : taxe(e.cdd.brut, p.precarite);
  const iccpCdd = taxe(e.cdd.brut + (f.iccpAvecPrecarite ? precarite : 0), p.iccp);
  const l = e.licenciement;
  const avant = moisComplets(l.entree, l.notification);
  const preavis = avant >= p.preavisSeuil2 && f.preavisDeuxMois ? p.preavis2 : avant >= p.preavisSeuil1 ? p.preavis1 : 0;
  const finContrat = dateDansMois(l.notification, preavis);
  const anciennete = moisComplets(l.entree, finContrat);
  const brut = l.salaires.map((s) => s.brut);
  const [tous, trois] = [somme(brut), somme(brut.slice(-3))];
  // the higher average, compared exactly: tous / n against trois / 3
  const salaireReference = !f.plusFavorable || tous * 3 >= trois * brut.length ? diviserArrondi(tous, brut.length) : diviserArrondi(trois, 3);
  const indemnite = indemniteLegale(salaireReference, anciennete, p, f.tiersAuDela);
  const iccp = diviserArrondi(l.conges * l.salaireMensuel, 26);
  return {
    dpae: ajouterJours(h.date, (f.dpaeAvant ? -1 : 1) * p.dpaeJoursAvant),
    finEssai: fin(essai),
    finRenouvellement: h.renouvellement ? fin(essai + h.renouvellement) : null,
    precarite,
    iccpCdd,
    totalCdd: precarite + iccpCdd,
    preavis,
    finContrat,
    anciennete,
    salaireReference,
    indemnite,
    iccp,
    solde: indemnite + iccp,
  };
}
