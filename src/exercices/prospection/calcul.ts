import { appliquerTaux, diviserArrondi, somme, tauxEnDixMilliemes, type Centimes } from '../../domain/monnaie';
import type { EntreeProspection } from './entree';

/**
 * The results of a prospection operation, in cents, against its objectives:
 * - cost: the fixed costs + each target's contacts × their cost + the documentation sent to the
 *   prospects who asked for more; the cost per contact and per order to the cent;
 * - orders: those received from the start to the closing date included; taux de retour = orders /
 *   contacts, in % to two decimals; CA HT their total, the average basket to the cent;
 * - margin: CA × taux de marque (the margin's share of the selling price HT), to the cent; the
 *   operation's result = margin − cost;
 * - seuil de rentabilité: the orders whose average margin covers the cost, rounded up (cost / (margin
 *   / orders), computed exactly as cost × orders / margin).
 * An objective equal to the result is reached. Every rounding is half away from zero.
 */
export interface ResultatProspection {
  fixes: Centimes;
  variables: Centimes;
  documentation: Centimes;
  coutTotal: Centimes;
  contacts: number;
  coutContact: Centimes;
  commandes: number;
  tauxRetour: number; // %, two decimals
  chiffreAffaires: Centimes;
  panierMoyen: Centimes;
  marge: Centimes;
  resultat: Centimes;
  coutCommande: Centimes;
  seuil: number; // orders
  objectifRetour: boolean;
  objectifChiffreAffaires: boolean;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  variables: boolean; // false: the cost of the contacts forgotten, the fixed costs alone
  documentation: boolean; // false: the documentation sent on request left out of the cost
  cloture: boolean; // false: the orders received after the closing date counted
  tauxDeMarque: boolean; // false: the taux de marque applied as a taux de marge (on the cost): CA × t / (100 + t)
  seuilSurMarge: boolean; // false: the seuil counted with each order's turnover instead of its margin
}
export const FACON_JUSTE: Facon = { variables: true, documentation: true, cloture: true, tauxDeMarque: true, seuilSurMarge: true };

/** ⌈a / b⌉ for non-negative integers, b > 0. */
export const auDessus = (a: number, b: number) => Math.floor((a + b - 1) / b);

export function calculerProspection(e: EntreeProspection, f: Facon = FACON_JUSTE): ResultatProspection {
  const fixes = somme(e.frais.map((x) => x.montant));
  const variables = somme(e.cibles.map((c) => c.contacts * c.coutUnitaire));
  const documentation = e.demandes.nombre * e.demandes.coutUnitaire;
  const coutTotal = fixes + (f.variables ? variables : 0) + (f.documentation ? documentation : 0);
  const contacts = somme(e.cibles.map((c) => c.contacts));
  const retenues = e.commandes.filter((c) => !f.cloture || c.date <= e.operation.cloture);
  const commandes = retenues.length;
  const chiffreAffaires = somme(retenues.map((c) => c.montant));
  const t = tauxEnDixMilliemes(e.tauxMarque); // hundredths of a percent: t / (100 + t) = t / (10 000 + t) in those units
  const marge = f.tauxDeMarque ? appliquerTaux(chiffreAffaires, e.tauxMarque) : diviserArrondi(chiffreAffaires * t, 10_000 + t);
  const tauxRetour = diviserArrondi(commandes * 10000, contacts) / 100;
  return {
    fixes,
    variables,
    documentation,
    coutTotal,
    contacts,
    coutContact: diviserArrondi(coutTotal, contacts),
    commandes,
    tauxRetour,
    chiffreAffaires,
    panierMoyen: diviserArrondi(chiffreAffaires, commandes),
    marge,
    resultat: marge - coutTotal,
    coutCommande: diviserArrondi(coutTotal, commandes),
    seuil: auDessus(coutTotal * commandes, f.seuilSurMarge ? marge : chiffreAffaires),
    objectifRetour: tauxRetour >= e.objectifs.tauxRetour,
    objectifChiffreAffaires: chiffreAffaires >= e.objectifs.chiffreAffaires,
  };
}
