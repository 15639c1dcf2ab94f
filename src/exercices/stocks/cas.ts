import { dernierJour } from '../../domain/dates';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['alerte', 'retour', 'deterioration', 'saisonnalite', 'reintegration', 'cmup_periode'] as const;

export const ARTICLES = [
  { reference: 'PAP-A4', designation: 'Ramette de papier A4, 80 g', unite: 'ramette', cout: [3.2, 4.4], fournisseurs: ['Papeteries Réunies', 'Distri Ouest'] },
  { reference: 'ENC-N12', designation: 'Cartouche d\u2019encre noire', unite: 'cartouche', cout: [18, 26], fournisseurs: ['Informatique Service', 'Papeteries Réunies'] },
  { reference: 'GAN-M', designation: 'Boîte de 100 gants jetables, taille M', unite: 'boîte', cout: [6, 9], fournisseurs: ['Nettoyage Pro', 'Distri Ouest'] },
  { reference: 'GEL-50', designation: 'Flacon de gel hydroalcoolique, 500 ml', unite: 'flacon', cout: [2, 3.5], fournisseurs: ['Nettoyage Pro', 'Distri Ouest'] },
  { reference: 'ETI-EXP', designation: 'Rouleau d\u2019étiquettes d\u2019expédition', unite: 'rouleau', cout: [8, 12], fournisseurs: ['Papeteries Réunies', 'Imprimerie Chevalier'] },
] as const;

const SERVICES = ['Accueil', 'Comptabilité', 'Direction', 'Service commercial', 'Atelier', 'Expédition'];

/**
 * A month of movements of one article, as case data (the calculator's JSON input): the stock at the
 * start of the month, deliveries at varying costs, issues to the departments. Aléas: alerte (the
 * month ends at or below the reorder point), retour (defective units sent back to the supplier),
 * deterioration (damaged units written off), saisonnalite (a busy month: twice the movements),
 * reintegration (a department brings back unused units of an issue), cmup_periode (the CMUP computed
 * once for the month).
 */
export function casStocks(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const a = h.choisir(ARTICLES);
  const cout = h.montant(a.cout[0], a.cout[1], 0.01);
  const stockMinimum = h.entier(4, 8) * 5;
  const consommationJournaliere = h.entier(3, 8);
  const delaiLivraison = h.entier(3, 8);
  const alerte = stockMinimum + consommationJournaliere * delaiLivraison;
  const stockMaximum = alerte + h.entier(8, 20) * 10;
  const initial = alerte + h.entier(3, Math.min(10, (stockMaximum - alerte) / 10 - 1)) * 10;
  let stock = initial;
  const fin = Number(dernierJour(periode).slice(8));
  const nombre = aleas.includes('saisonnalite') ? h.entier(12, 15) : h.entier(6, 8);
  const jours = Array.from({ length: nombre }, () => h.entier(2, fin - 1)).sort((x, y) => x - y);
  const jour = (j: number) => `${periode}-${String(j).padStart(2, '0')}`;
  const fournisseur = h.choisir(a.fournisseurs);
  let br = h.entier(100, 400);
  let bs = h.entier(500, 900);
  const mouvements: Record<string, unknown>[] = [];
  let dernierCout = cout;
  jours.forEach((j, i) => {
    // a delivery second, when the stock gets low, and one time in three
    // never above the stated maximum (room kept for a réintégration of up to 5)
    const place = Math.floor((stockMaximum - stock - 5) / 10) * 10;
    if (place >= 30 && (stock - alerte < 25 || i === 1 || (i > 1 && h.suivant() < 0.3))) {
      const quantite = Math.min(h.entier(6, 15) * 10, place);
      const c = Math.round(cout * (0.95 + 0.15 * h.suivant()) * 100) / 100;
      mouvements.push({ date: jour(j), piece: `BR-${++br}`, nature: 'entree', libelle: `Livraison ${fournisseur}`, quantite, coutUnitaire: c });
      stock += quantite;
      dernierCout = c;
      if (aleas.includes('retour') && !mouvements.some((m) => m.nature === 'retour')) {
        const rendus = h.entier(2, Math.min(10, quantite));
        mouvements.push({ date: jour(j), piece: `AV-${h.entier(10, 99)}`, nature: 'retour', libelle: 'Articles défectueux rendus au fournisseur', quantite: rendus, coutUnitaire: c });
        stock -= rendus;
      }
      return;
    }
    const quantite = Math.min(stock - 1, h.entier(2, 6) * 5);
    mouvements.push({ date: jour(j), piece: `BS-${++bs}`, nature: 'sortie', libelle: `Sortie ${h.choisir(SERVICES)}`, quantite });
    stock -= quantite;
  });
  const sorties = mouvements.flatMap((m, i) => (m.nature === 'sortie' ? [i] : []));
  if (aleas.includes('reintegration') && sorties.length) {
    // unused units come back from a department, on the day of its issue's next movement
    const i = h.choisir(sorties);
    const s = mouvements[i]!;
    const date = (mouvements[i + 1] ?? s).date;
    const quantite = h.entier(1, Math.max(1, Math.min(5, (s.quantite as number) - 1)));
    const service = String(s.libelle).replace(/^Sortie /, '');
    mouvements.splice(i + 1, 0, { date, piece: `BRI-${h.entier(10, 99)}`, nature: 'reintegration', libelle: `Réintégration ${service} (inutilisés)`, quantite, origine: s.piece });
    stock += quantite;
  }
  if (aleas.includes('deterioration')) {
    const quantite = Math.min(stock - 1, h.entier(2, 8));
    mouvements.push({ date: jour(fin), piece: `BS-${++bs}`, nature: 'sortie', libelle: 'Articles détériorés (mis au rebut)', quantite });
    stock -= quantite;
  }
  // the month ends where the aléa says: at or below the reorder point, or above it
  if (aleas.includes('alerte') && stock > alerte) {
    mouvements.push({ date: jour(fin), piece: `BS-${++bs}`, nature: 'sortie', libelle: `Sortie ${h.choisir(SERVICES)}`, quantite: stock - alerte + h.entier(0, Math.min(10, alerte - 1)) });
  } else if (!aleas.includes('alerte') && stock <= alerte) {
    const quantite = Math.min((Math.ceil((alerte - stock) / 10) + h.entier(2, 6)) * 10, Math.floor((stockMaximum - stock) / 10) * 10);
    mouvements.push({ date: jour(fin), piece: `BR-${++br}`, nature: 'entree', libelle: `Livraison ${fournisseur}`, quantite, coutUnitaire: dernierCout });
  }
  return {
    article: { reference: a.reference, designation: a.designation, unite: a.unite },
    debut: jour(1),
    stockInitial: { quantite: initial, coutUnitaire: cout },
    mouvements,
    stockMinimum,
    consommationJournaliere,
    delaiLivraison,
    stockMaximum,
    ...(aleas.includes('cmup_periode') ? { methodeCmup: 'periode' } : {}),
  };
}
