import { ajouterJours } from '../../domain/dates';
import { CLIENTS, ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { tauxDuPalier } from './calcul';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['modification', 'erreur_prix', 'article_hors_devis', 'conditions', 'devis_expire', 'franco_limite'] as const;

/** Each seller's tarif: reference, designation, price range HT in euros. */
const CATALOGUES: Record<string, readonly (readonly [string, string, number, number])[]> = {
  'Bureau Plus': [
    ['PAP-A4', 'Ramette de papier A4 80 g', 3.5, 5],
    ['CLA-75', 'Classeur à levier dos 75 mm', 2, 4],
    ['STY-50', 'Stylos à bille (boîte de 50)', 12, 20],
    ['LED-01', 'Lampe de bureau LED', 25, 60],
    ['CAI-3T', 'Caisson mobile 3 tiroirs', 90, 160],
    ['FAU-ER', 'Fauteuil de bureau ergonomique', 120, 260],
    ['BUR-160', 'Bureau droit 160 cm', 180, 350],
  ],
  'Le Comptoir Sportif': [
    ['BAL-F5', 'Ballon de football taille 5', 12, 25],
    ['MAI-EQ', 'Maillot d\u2019équipe', 15, 30],
    ['CHA-01', 'Chasuble d\u2019entraînement', 3, 6],
    ['PLO-10', 'Plots de marquage (lot de 10)', 8, 15],
    ['SAC-SP', 'Sac de sport', 20, 45],
    ['TAP-GY', 'Tapis de gymnastique', 60, 140],
    ['FIL-BT', 'Filet de but', 80, 150],
  ],
  'Atelier Numérique': [
    ['CAR-500', 'Cartes de visite (lot de 500)', 25, 50],
    ['AFF-A2', 'Affiche A2', 4, 10],
    ['FLY-1000', 'Flyers A5 (lot de 1 000)', 60, 120],
    ['AUT-250', 'Autocollants (lot de 250)', 30, 70],
    ['KAK-85', 'Kakémono 85 × 200 cm', 70, 140],
    ['BRO-100', 'Brochures 16 pages (lot de 100)', 90, 180],
    ['BAC-2M', 'Bâche publicitaire 2 m²', 50, 110],
  ],
};

/**
 * A client's request and the devis it calls for, then the client's bon de commande, as case data,
 * the devis dated in `periode` (AAAA-MM). Aléas: modification (a quantity changed on the bon),
 * erreur_prix (a price and a discount on the bon that are not the devis's), article_hors_devis (an
 * article ordered that the devis did not quote), conditions (another acompte than the devis's),
 * devis_expire (the bon arrives after the devis's validity), franco_limite (the gross total reaches the
 * franco, the net total does not). One line shows one discrepancy at most.
 */
export function casDevis(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const vendeur = h.choisir(Object.keys(CATALOGUES));
  const entreprise = ENTREPRISES.find((x) => x.nom === vendeur)!;
  const tarif = CATALOGUES[vendeur]!.map(([reference, designation, min, max]) => ({ reference, designation, prixUnitaire: h.montant(min, max, 0.1) }));
  const s1 = h.choisir([5, 10, 20]);
  const remises = [
    { aPartirDe: s1, taux: h.choisir([3, 5]) },
    { aPartirDe: s1 * h.choisir([3, 5]), taux: h.choisir([8, 10]) },
  ];
  const [p1, p2] = remises.map((r) => r.aPartirDe) as [number, number];
  const articles = h.melanger(tarif).slice(0, h.entier(3, 5));
  // quantities around the tiers; one line exactly at a tier, where « à partir de » matters
  const auPalier = h.entier(0, articles.length - 1);
  const demande = articles.map((a, i) => ({
    reference: a.reference,
    quantite: i === auPalier ? h.choisir([p1, p2]) : h.choisir([Math.max(1, p1 - h.entier(1, 3)), p1 + h.entier(1, 4), p2 + h.entier(0, 10), h.entier(1, p1)]),
  }));
  const tauxDe = (q: number) => tauxDuPalier(remises, q);
  const brut = demande.reduce((s, d, i) => s + Math.round(d.quantite * articles[i]!.prixUnitaire * 100), 0);
  const net = demande.reduce((s, d, i) => {
    const b = Math.round(d.quantite * articles[i]!.prixUnitaire * 100);
    return s + b - Math.round((b * tauxDe(d.quantite)) / 100);
  }, 0);
  // franco in whole euros: between the net and the gross totals (franco_limite), or clearly on one side
  const entre = Math.ceil((net + brut) / 200) * 100;
  const franco =
    aleas.includes('franco_limite') && entre > net && entre <= brut ? entre : h.suivant() < 0.5 ? Math.max(100, Math.floor((net * 0.6) / 5000) * 5000) : Math.ceil((net * 1.3) / 5000) * 5000;
  const date = ajouterJours(`${periode}-01`, h.entier(0, 12));
  const validite = h.choisir([15, 30, 30, 45]);
  const acompte = h.choisir([20, 30, 40]);
  const lignes = demande.map((d, i) => ({ reference: d.reference, quantite: d.quantite, prixUnitaire: articles[i]!.prixUnitaire, remise: tauxDe(d.quantite) }));
  const libres = h.melanger(lignes.map((_, i) => i));
  if (aleas.includes('modification') && libres.length) {
    const l = lignes[libres.pop()!]!;
    l.quantite = Math.max(1, l.quantite + h.choisir([-2, -1, 2, 5, 10]));
    if (l.quantite === demande.find((d) => d.reference === l.reference)!.quantite) l.quantite += 1;
  }
  if (aleas.includes('erreur_prix')) {
    if (libres.length) {
      const l = lignes[libres.pop()!]!;
      l.prixUnitaire = Math.round(l.prixUnitaire * h.choisir([90, 95])) / 100; // the former price list, to the cent
    }
    if (libres.length) {
      const l = lignes[libres.pop()!]!;
      l.remise = l.remise === remises[1]!.taux ? remises[0]!.taux : remises[1]!.taux; // a discount the quantity does not reach, or a lower one
    }
  }
  if (aleas.includes('article_hors_devis')) {
    const autre = h.choisir(tarif.filter((a) => !demande.some((d) => d.reference === a.reference)));
    const q = h.entier(1, p1 + 2);
    lignes.push({ reference: autre.reference, quantite: q, prixUnitaire: autre.prixUnitaire, remise: tauxDe(q) });
  }
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    client: h.choisir(CLIENTS),
    devis: { date, validite, tauxTva: 20, acompte, franco: franco / 100, port: h.choisir([12, 15, 19.9, 25, 35]) },
    tarif,
    remises,
    demande,
    commande: {
      date: aleas.includes('devis_expire') ? ajouterJours(date, validite + h.entier(1, 20)) : ajouterJours(date, h.entier(2, validite - 1)),
      acompte: aleas.includes('conditions') ? h.choisir([0, 10, acompte - 10]) : acompte,
      lignes,
    },
  };
}
