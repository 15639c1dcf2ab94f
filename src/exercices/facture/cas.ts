import { dernierJour } from '../../domain/dates';
import { CLIENTS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['plusieurs_taux', 'rabais', 'ristourne', 'escompte', 'port', 'retour'] as const;

interface Article {
  designation: string;
  taux: number;
  prix: [number, number]; // unit price range, euros HT
}

/** Sellers of goods and what they sell, at the TVA rate of each article. Names are fictitious. */
const VENDEURS: readonly { nom: string; articles: Article[] }[] = [
  {
    nom: 'Bureau Plus SARL (Angers)',
    articles: [
      { designation: 'Ramette de papier A4, 500 feuilles', taux: 20, prix: [4, 7] },
      { designation: 'Classeur à levier, dos de 80 mm', taux: 20, prix: [2, 5] },
      { designation: 'Fauteuil de bureau ergonomique', taux: 20, prix: [140, 320] },
      { designation: 'Caisson mobile à trois tiroirs', taux: 20, prix: [90, 210] },
      { designation: 'Boîte de 50 stylos à bille', taux: 20, prix: [8, 19] },
    ],
  },
  {
    nom: 'Saveurs du Terroir SAS (Périgueux)',
    articles: [
      { designation: 'Terrine de canard, 180 g', taux: 5.5, prix: [4, 9] },
      { designation: 'Confiture de fraises, 370 g', taux: 5.5, prix: [3, 6] },
      { designation: 'Plateau repas préparé', taux: 10, prix: [11, 19] },
      { designation: 'Coffret de vins de Bergerac', taux: 20, prix: [24, 55] },
      { designation: 'Huile de noix, 50 cl', taux: 5.5, prix: [7, 14] },
    ],
  },
  {
    nom: 'Librairie des Arcades SARL (Besançon)',
    articles: [
      { designation: 'Manuel de gestion administrative', taux: 5.5, prix: [18, 32] },
      { designation: 'Dictionnaire de français', taux: 5.5, prix: [22, 38] },
      { designation: 'Cahier grand format, 96 pages', taux: 20, prix: [1, 4] },
      { designation: 'Agenda scolaire', taux: 20, prix: [5, 12] },
      { designation: 'Abonnement à un quotidien régional (un mois)', taux: 2.1, prix: [25, 35] },
    ],
  },
  {
    nom: 'Le Comptoir Sportif SARL (Grenoble)',
    articles: [
      { designation: 'Ballon de football, taille 5', taux: 20, prix: [12, 35] },
      { designation: 'Jeu de 14 maillots', taux: 20, prix: [150, 290] },
      { designation: 'Filet de but', taux: 20, prix: [60, 140] },
      { designation: 'Paire de chaussures de course', taux: 20, prix: [45, 120] },
      { designation: 'Sac de sport', taux: 20, prix: [18, 45] },
    ],
  },
];

/**
 * A sales invoice from an order, as case data (the calculator's JSON input): three to five lines,
 * a remise on some of them. Aléas: plusieurs_taux (articles at two or three TVA rates), rabais (a
 * late delivery), ristourne (the year's turnover reached), escompte (payment on delivery), port
 * (transport invoiced), retour (articles sent back: a facture d'avoir).
 */
export function casFacture(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const plusieurs = aleas.includes('plusieurs_taux');
  // several rates: a seller of articles at several; otherwise one with at least three articles at 20 %
  const vendeurs = VENDEURS.filter((v) => (plusieurs ? new Set(v.articles.map((a) => a.taux)).size > 1 : v.articles.filter((a) => a.taux === 20).length >= 3));
  const vendeur = h.choisir(vendeurs);
  const possibles = plusieurs ? vendeur.articles : vendeur.articles.filter((a) => a.taux === 20);
  let articles = h.tirer(possibles, h.entier(3, Math.min(5, possibles.length)));
  if (plusieurs && new Set(articles.map((a) => a.taux)).size < 2) articles = [...articles.slice(0, -1), possibles.find((a) => a.taux !== articles[0]!.taux)!];
  const jour = h.entier(2, Number(dernierJour(periode).slice(8)) - 10);
  const date = `${periode}-${String(jour).padStart(2, '0')}`;
  const annee = periode.slice(0, 4);
  const lignes = articles.map((a, i) => ({
    reference: `${vendeur.nom.slice(0, 2).toUpperCase()}-${String(h.entier(100, 999))}${i}`,
    designation: a.designation,
    quantite: h.entier(2, a.prix[1] > 100 ? 8 : 40),
    prixUnitaire: h.montant(a.prix[0], a.prix[1], 0.05),
    remise: h.suivant() < 0.5 ? h.choisir([5, 8, 10, 12.5, 15]) : 0,
    taux: a.taux,
  }));
  const cas: Record<string, unknown> = {
    numero: `FA-${annee}-${h.entier(100, 899)}`,
    date,
    vendeur: vendeur.nom,
    client: h.choisir(CLIENTS),
    lignes,
    rabais: aleas.includes('rabais') ? h.choisir([2, 3, 4, 5]) : 0,
    ristourne: aleas.includes('ristourne') ? h.choisir([1, 1.5, 2, 3]) : 0,
    escompte: aleas.includes('escompte') ? h.choisir([1, 1.5, 2]) : 0,
    port: aleas.includes('port') ? h.montant(15, 80, 0.5) : 0,
  };
  if (aleas.includes('retour')) {
    const rendus = h.tirer(lignes, h.entier(1, Math.min(2, lignes.length)));
    cas.retours = rendus.map((l) => ({ reference: l.reference, quantite: h.entier(1, Math.max(1, Math.floor(l.quantite / 2))) }));
  }
  return cas;
}
