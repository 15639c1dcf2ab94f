import { ajouterJours } from '../../domain/dates';
import { somme, taxe, type Centimes } from '../../domain/monnaie';
import type { EntreeDevis } from './entree';

/** The discrepancies a bon de commande's line can show against the devis, the first that applies named. */
export const ECARTS = { absent: 'Article absent du devis', quantite: 'Quantité', prix: 'Prix unitaire', remise: 'Taux de remise', aucun: 'Aucun' } as const;
export type Ecart = keyof typeof ECARTS;
/** What follows the control, by the procedure: a new devis once it has expired, a correction for any discrepancy. */
export const SUITES = { nouveau: 'Établir un nouveau devis', corriger: 'Demander une correction au client', accepter: 'Accepter la commande' } as const;
export type Suite = keyof typeof SUITES;

export interface LigneDevis {
  reference: string;
  designation: string;
  quantite: number;
  prixUnitaire: Centimes;
  brut: Centimes;
  taux: number; // % of the tier reached
  remise: Centimes;
  net: Centimes;
}

/**
 * The devis, in cents: each line's gross = quantity × tarif price, the discount rate of the tier its
 * quantity reaches (« à partir de » included), the discount rounded to the cent, net = gross −
 * discount; port offered when the total net HT reaches the franco, else the flat rate; TVA on net +
 * port, to the cent; the acompte on the TTC, to the cent; valid until its date + its days. Then the
 * bon de commande, line by line against the devis, and what follows. Roundings half away from zero.
 */
export interface ResultatDevis {
  lignes: LigneDevis[];
  totalBrut: Centimes;
  totalNet: Centimes;
  port: Centimes;
  tva: Centimes;
  ttc: Centimes;
  acompte: Centimes;
  validite: string;
  ecarts: Ecart[];
  valable: boolean;
  conditions: boolean;
  suite: Suite;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  palierAtteint: boolean; // false: a tier applied only above its quantity, not from it
  francoSurNet: boolean; // false: the franco compared with the gross total
  tvaSurPort: boolean; // false: the port left out of the TVA's base
  acompteSurTtc: boolean; // false: the acompte on the HT
  validiteControlee: boolean; // false: an expired devis taken as valid
  remiseControlee: boolean; // false: the discount of the bon not compared
}
export const FACON_JUSTE: Facon = { palierAtteint: true, francoSurNet: true, tvaSurPort: true, acompteSurTtc: true, validiteControlee: true, remiseControlee: true };

/** The rate of the tier a line's quantity reaches (0 below the first). */
export const tauxDuPalier = (remises: EntreeDevis['remises'], quantite: number, atteint = true): number =>
  remises.reduce((t, r) => ((atteint ? quantite >= r.aPartirDe : quantite > r.aPartirDe) ? r.taux : t), 0);

export function calculerDevis(e: EntreeDevis, f: Facon = FACON_JUSTE): ResultatDevis {
  const tarif = new Map(e.tarif.map((a) => [a.reference, a]));
  const lignes = e.demande.map((d) => {
    const a = tarif.get(d.reference)!;
    const brut = d.quantite * a.prixUnitaire;
    const taux = tauxDuPalier(e.remises, d.quantite, f.palierAtteint);
    const remise = taxe(brut, taux);
    return { reference: d.reference, designation: a.designation, quantite: d.quantite, prixUnitaire: a.prixUnitaire, brut, taux, remise, net: brut - remise };
  });
  const totalBrut = somme(lignes.map((l) => l.brut));
  const totalNet = somme(lignes.map((l) => l.net));
  const port = (f.francoSurNet ? totalNet : totalBrut) >= e.devis.franco ? 0 : e.devis.port;
  const tva = taxe(totalNet + (f.tvaSurPort ? port : 0), e.devis.tauxTva);
  const ttc = totalNet + port + tva;
  const acompte = taxe(f.acompteSurTtc ? ttc : totalNet + port, e.devis.acompte);
  const validite = ajouterJours(e.devis.date, e.devis.validite);
  const parRef = new Map(lignes.map((l) => [l.reference, l]));
  const ecarts = e.commande.lignes.map((c): Ecart => {
    const l = parRef.get(c.reference);
    if (!l) return 'absent';
    if (c.quantite !== l.quantite) return 'quantite';
    if (c.prixUnitaire !== l.prixUnitaire) return 'prix';
    if (f.remiseControlee && c.remise !== l.taux) return 'remise';
    return 'aucun';
  });
  const valable = !f.validiteControlee || e.commande.date <= validite;
  const conditions = e.commande.acompte === e.devis.acompte;
  const suite: Suite = !valable ? 'nouveau' : ecarts.some((x) => x !== 'aucun') || !conditions ? 'corriger' : 'accepter';
  return { lignes, totalBrut, totalNet, port, tva, ttc, acompte, validite, ecarts, valable, conditions, suite };
}
