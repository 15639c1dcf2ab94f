import { CLIENTS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { ajouterJours } from '../../domain/dates';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['ecart_quantite', 'ecart_prix', 'escompte', 'escompte_expire', 'fin_de_mois'] as const;

const ACHATS: readonly { designation: string; prix: [number, number]; taux: number; fournisseurs: readonly string[] }[] = [
  { designation: 'Cartons d\u2019emballage (lot de 50)', prix: [38, 65], taux: 20, fournisseurs: ['Distri Ouest', 'Papeteries Réunies'] },
  { designation: 'Cartouches de toner', prix: [55, 120], taux: 20, fournisseurs: ['Informatique Service'] },
  { designation: 'Ramettes de papier A4 (carton de 5)', prix: [18, 28], taux: 20, fournisseurs: ['Papeteries Réunies', 'Distri Ouest'] },
  { designation: 'Produits d\u2019entretien (bidon de 5 l)', prix: [12, 24], taux: 20, fournisseurs: ['Nettoyage Pro'] },
  { designation: 'Ouvrages techniques', prix: [25, 60], taux: 5.5, fournisseurs: ['Éditions Rivage'] },
  { designation: 'Fournitures de bureau (assortiment)', prix: [30, 75], taux: 20, fournisseurs: ['Papeteries Réunies', 'Distri Ouest'] },
];

/** What each supplier sells (property tests check that every invoice keeps to it). */
export const CATALOGUE = ACHATS;

/**
 * The supplier invoices to handle on the 10th of `periode`, each with its order and delivery note,
 * as case data: three to five invoices of the last 25 days, at 30, 45 or 60 days. Aléas:
 * ecart_quantite (fewer articles delivered than invoiced), ecart_prix (an invoiced price above the
 * order's), escompte (2 % if paid within 10 days, still open), escompte_expire (one whose delay is
 * past), fin_de_mois (45 jours fin de mois, in either reading, or … le 10).
 */
export function casReglements(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const date = `${periode}-10`;
  let bc = h.entier(100, 500);
  let bl = h.entier(1000, 5000);
  const n = Math.max(h.entier(3, 5), aleas.length); // one invoice per aléa at least
  const factures = Array.from({ length: n }, () => {
    const a = h.choisir(ACHATS);
    const quantite = h.entier(2, 30);
    const prix = h.montant(a.prix[0], a.prix[1], 0.05);
    return {
      fournisseur: h.choisir(a.fournisseurs),
      numero: `F${h.entier(10000, 99999)}`,
      date: ajouterJours(date, -h.entier(12, 25)),
      designation: a.designation,
      commande: { numero: `BC-${++bc}`, quantite, prixUnitaire: prix },
      livraison: { numero: `BL-${++bl}`, quantite },
      facturee: { quantite, prixUnitaire: prix },
      taux: a.taux,
      conditions: { delai: h.choisir([30, 45, 60]) } as Record<string, unknown>,
    };
  });
  const tirees = h.melanger(factures.map((_, i) => i));
  const suivante = () => factures[tirees.shift()!]!;
  if (aleas.includes('ecart_quantite')) {
    const f = suivante();
    f.livraison = { ...f.livraison, quantite: f.commande.quantite - h.entier(1, Math.max(1, Math.floor(f.commande.quantite / 3))) };
  }
  if (aleas.includes('ecart_prix')) {
    const f = suivante();
    f.facturee = { ...f.facturee, prixUnitaire: Math.round(f.commande.prixUnitaire * (1.03 + 0.05 * h.suivant()) * 100) / 100 };
  }
  if (aleas.includes('escompte')) {
    const f = suivante();
    f.date = ajouterJours(date, -h.entier(1, 8));
    f.conditions = { ...f.conditions, escompte: { taux: 2, jours: 10 } };
  }
  if (aleas.includes('escompte_expire')) {
    const f = suivante();
    f.conditions = { ...f.conditions, escompte: { taux: 2, jours: 10 } }; // dated 12 to 25 days ago: too late
  }
  if (aleas.includes('fin_de_mois')) {
    const f = suivante();
    // the two readings of « 45 jours fin de mois », and sometimes « … le 10 »
    const lecture = h.choisir(['delai_puis_fin_de_mois', 'fin_de_mois_puis_delai']);
    f.conditions = { ...f.conditions, delai: 45, finDeMois: true, lecture, ...(lecture === 'delai_puis_fin_de_mois' && h.suivant() < 0.3 ? { le: 10 } : {}) };
  }
  return { entreprise: h.choisir(CLIENTS), date, factures: factures.sort((a, b) => a.date.localeCompare(b.date)) };
}
