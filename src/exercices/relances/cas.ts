import { ajouterJours, dernierJour } from '../../domain/dates';
import { CLIENTS, ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { parametresRelances } from '../../domain/parametres/relances';
import { TABLES_OFFICIELLES, type TablesDatees } from '../../domain/parametres/tables';
import { plancherDe } from './calcul';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['reglement_partiel', 'contentieux', 'non_echue', 'taux_contractuel', 'reglement_tardif', 'cgv_sous_plancher'] as const;

/**
 * A client's account at the end of the month, as case data (the calculator's JSON input): three to
 * five unpaid invoices at 30 or 45 days, falling due over the last three months. Aléas:
 * reglement_partiel (an instalment paid on one of them), contentieux (one more than 60 days late),
 * non_echue (one not yet due), taux_contractuel (the conditions générales de vente set the
 * penalty rate), reglement_tardif (an invoice paid after its due date, in full or in part, on a
 * date the énoncé gives: penalties up to that day, and the indemnity), cgv_sous_plancher (the
 * conditions générales de vente set a rate below three times the legal interest rate: the floor
 * applies).
 */
export function casRelances(graine: number, periode: string, aleas: readonly string[], t: TablesDatees = TABLES_OFFICIELLES): Record<string, unknown> {
  const h = new Hasard(graine);
  const vendeur = h.choisir(ENTREPRISES);
  const date = dernierJour(periode);
  const delai = h.choisir([30, 45]);
  let n = h.entier(200, 700);
  const facture = (retard: number) => {
    const echeance = ajouterJours(date, -retard);
    return { numero: `FV-${++n}`, date: ajouterJours(echeance, -delai), echeance, montant: h.montant(vendeur.echelle * 0.3, vendeur.echelle * 2, 0.01) };
  };
  // days late: one of each early level, then what the aléas ask for
  const retards = [h.entier(3, 14), h.entier(17, 29), h.entier(33, 58)];
  if (aleas.includes('contentieux')) retards.unshift(h.entier(63, 110));
  if (h.suivant() < 0.4) retards.push(h.entier(2, 25));
  const factures: Record<string, unknown>[] = retards.map(facture);
  if (aleas.includes('non_echue')) factures.push(facture(-h.entier(3, 25)));
  if (aleas.includes('reglement_partiel')) {
    const f = h.choisir(factures.filter((x) => (x.echeance as string) < date));
    f.regle = Math.round((f.montant as number) * h.choisir([0.3, 0.4, 0.5]));
  }
  if (aleas.includes('reglement_tardif')) {
    // an invoice due 20 to 40 days ago, paid 5 to 15 days late: half of it, or all of it
    const f = facture(h.entier(20, 40));
    const montant = f.montant as number;
    const paye = h.suivant() < 0.5 ? montant : Math.round(montant * 0.5 * 100) / 100;
    factures.push({ ...f, paiements: [{ date: ajouterJours(f.echeance, h.entier(5, 15)), montant: paye }] });
  }
  factures.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const client = h.choisir(CLIENTS);
  let tauxContractuel = aleas.includes('taux_contractuel') ? h.choisir([16, 18, 20]) : undefined;
  if (aleas.includes('cgv_sous_plancher')) {
    // a whole rate 1 to 3 points under the lowest floor of the invoices' half-years
    const p = parametresRelances(date, t.relances, true);
    const plancher = Math.min(...factures.map((f) => plancherDe(p, String(f.echeance))));
    tauxContractuel = Math.max(1, Math.ceil(plancher) - h.entier(1, 3));
  }
  return {
    vendeur: `${vendeur.nom} ${vendeur.forme} (${vendeur.ville})`,
    client,
    date,
    factures,
    ...(tauxContractuel === undefined ? {} : { tauxContractuel }),
  };
}
