import { ENTREPRISES, FOURNISSEURS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { siretAuHasard } from '../../domain/identifiants';
import { cleTva, ibanFrancais } from './controles';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['informations_erronees', 'budget_serre', 'urgence'] as const;

const FOURNITURES = [
  ['Ramettes de papier A4 (carton de 5)', 18, 28],
  ['Stylos à bille (boîte de 50)', 12, 20],
  ['Classeurs à levier (lot de 10)', 22, 35],
  ['Cartouches de toner noir', 45, 90],
  ['Blocs de notes repositionnables (lot de 12)', 8, 15],
  ['Agrafes (boîte de 5 000)', 3, 6],
  ['Enveloppes C5 (boîte de 500)', 20, 35],
  ['Chemises cartonnées (lot de 100)', 15, 25],
] as const;

/**
 * A supplier base, three quotes and an order of office supplies, for a case of `periode`, as case
 * data. Each supplier's identifiers are valid but one (by default) or three (informations_erronees:
 * a SIRET, a TVA number, an IBAN, each on another supplier) with a wrong digit. Aléas: budget_serre (a
 * budget below the useful supplies: some are passed over), urgence (the lead time weighs most).
 */
export function casFournisseurs(graine: number, _periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const chiffres = (n: number) => Array.from({ length: n }, () => String(h.entier(0, 9))).join('');
  const noms = h.melanger(FOURNISSEURS).slice(0, 4);
  const fournisseurs = noms.map((nom) => {
    const siret = siretAuHasard(h);
    return { nom, siret, tva: `FR${String(cleTva(siret.slice(0, 9))).padStart(2, '0')}${siret.slice(0, 9)}`, iban: ibanFrancais(chiffres(5), chiffres(5), chiffres(11)) };
  });
  // a wrong digit: another digit at the same place, which no key can still accept
  const fausse = (s: string, debut: number) => {
    const i = h.entier(debut, s.length - 1);
    return `${s.slice(0, i)}${(Number(s[i]) + h.entier(1, 8)) % 10}${s.slice(i + 1)}`;
  };
  const erreurs = aleas.includes('informations_erronees') ? (['siret', 'tva', 'iban'] as const) : [h.choisir(['siret', 'tva', 'iban'] as const)];
  h.melanger(fournisseurs.map((_, i) => i))
    .slice(0, erreurs.length)
    .forEach((i, k) => {
      const x = fournisseurs[i]!;
      if (erreurs[k] === 'siret')
        x.siret = fausse(x.siret, 9); // the NIC: the SIREN stays that of the TVA number
      else if (erreurs[k] === 'tva') x.tva = `FR${String((Number(x.tva.slice(2, 4)) + h.entier(1, 9)) % 97).padStart(2, '0')}${x.tva.slice(4)}`;
      else x.iban = fausse(x.iban, 4);
    });
  const devis = fournisseurs.slice(0, 3).map((x, i) => ({
    fournisseur: x.nom,
    prix: h.montant(800, 1500, 5),
    delai: h.entier(2, 15),
    qualite: h.entier(5, 10) / 2,
    paiement: i === 0 ? 30 : h.choisir([0, 30, 45, 60]),
  }));
  const fournitures = h
    .melanger(FOURNITURES)
    .slice(0, h.entier(6, 8))
    .map(([article, min, max], i) => ({ article, quantite: h.entier(2, 12), prixUnitaire: h.montant(min, max, 0.1), priorite: i < 3 ? 'indispensable' : 'utile' }));
  const montant = (f: (typeof fournitures)[number]) => Math.round(f.quantite * f.prixUnitaire * 100);
  const indispensables = fournitures.filter((f) => f.priorite === 'indispensable').reduce((a, f) => a + montant(f), 0);
  const utiles = fournitures.filter((f) => f.priorite === 'utile').reduce((a, f) => a + montant(f), 0);
  const budget = aleas.includes('budget_serre') ? Math.floor((indispensables + utiles * h.choisir([0.35, 0.5, 0.65])) / 1000) * 10 : Math.ceil((indispensables + utiles) / 10000) * 100 + 50;
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    fournisseurs,
    criteres: aleas.includes('urgence') ? { prix: 25, delai: 40, qualite: 20, paiement: 15 } : { prix: 40, delai: 20, qualite: 25, paiement: 15 },
    devis,
    budget: Math.max(budget, Math.ceil(indispensables / 100)),
    tauxTva: 20,
    fournitures,
  };
}
