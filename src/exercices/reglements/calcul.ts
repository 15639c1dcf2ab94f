import { ajouterJours, dernierJour } from '../../domain/dates';
import { taxe, type Centimes } from '../../domain/monnaie';
import type { EntreeReglements, FactureFournisseur } from './entree';

/**
 * The supplier payments of the day, in cents. Each invoice is checked against its order and its
 * delivery note: only what was delivered, at the agreed price, is paid (the lower of the invoiced
 * and the ordered price, of the invoiced and the delivered quantity); the difference is claimed as
 * a facture d'avoir. Due date: invoice date + the agreed days, carried to the end of its month for
 * « fin de mois ». An escompte still open on the day of the payments is taken: it reduces the HT and
 * the TVA on it (each rounded to the cent), and the invoice is paid that day; otherwise it is paid
 * on its due date (that day if already due).
 */
export interface Reglement {
  numero: string;
  conforme: boolean;
  facture: Centimes; // TTC as invoiced
  justifie: Centimes; // TTC of what was delivered at the agreed price
  ecart: Centimes; // claimed from the supplier (facture d'avoir)
  echeance: string;
  escompte: Centimes; // TTC deducted for early payment
  aPayer: Centimes;
  datePaiement: string;
}

export interface ResultatReglements {
  reglements: Reglement[];
  totalDuJour: Centimes; // paid on the day of the payments
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  controle: boolean; // false: the invoice paid as invoiced
  finDeMois: boolean; // false: « fin de mois » ignored
  tvaSurEscompte: boolean; // false: the escompte deducted from the HT only
  delaiEscompte: boolean; // false: the escompte taken though its delay is past
}
export const FACON_JUSTE: Facon = { controle: true, finDeMois: true, tvaSurEscompte: true, delaiEscompte: true };

const ttc = (ht: Centimes, taux: number) => ht + taxe(ht, taux);

/**
 * The due date of « 45 jours fin de mois » (C. com., art. L441-10, I): in its usual reading, 45 days
 * then the end of that month; in the other one (« fin de mois 45 jours »), the end of the invoice's
 * month then 45 days; « … le 10 »: the 10th of the month after that end of month. Without `finDeMois`
 * (the mistake that ignores it), the date plus the delay.
 */
export function echeanceDe(date: string, c: FactureFournisseur['conditions'], finDeMois = true): string {
  if (!c.finDeMois || !finDeMois) return ajouterJours(date, c.delai);
  const fin = c.lecture === 'fin_de_mois_puis_delai' ? ajouterJours(dernierJour(date.slice(0, 7)), c.delai) : dernierJour(ajouterJours(date, c.delai).slice(0, 7));
  return c.le === undefined ? fin : ajouterJours(fin, c.le);
}

function regler(f: FactureFournisseur, jour: string, x: Facon): Reglement {
  const facture = ttc(f.facturee.quantite * f.facturee.prixUnitaire, f.taux);
  const htJustifie = x.controle ? Math.min(f.facturee.quantite, f.livraison.quantite) * Math.min(f.facturee.prixUnitaire, f.commande.prixUnitaire) : f.facturee.quantite * f.facturee.prixUnitaire;
  const justifie = ttc(htJustifie, f.taux);
  const echeance = echeanceDe(f.date, f.conditions, x.finDeMois);
  const e = f.conditions.escompte;
  const ouvert = e && (!x.delaiEscompte || jour <= ajouterJours(f.date, e.jours));
  const escompteHt = ouvert ? taxe(htJustifie, e.taux) : 0;
  const escompte = x.tvaSurEscompte ? ttc(escompteHt, f.taux) : escompteHt;
  return {
    numero: f.numero,
    conforme: justifie === facture,
    facture,
    justifie,
    ecart: facture - justifie,
    echeance,
    escompte,
    aPayer: justifie - escompte,
    // an escompte still open, or an invoice already due, is paid on the day; the others on their due date
    datePaiement: ouvert || echeance < jour ? jour : echeance,
  };
}

export function calculerReglements(e: EntreeReglements, x: Facon = FACON_JUSTE): ResultatReglements {
  const reglements = e.factures.map((f) => regler(f, e.date, x));
  return { reglements, totalDuJour: reglements.filter((r) => r.datePaiement === e.date).reduce((a, r) => a + r.aPayer, 0) };
}
