import { somme, taxe, type Centimes } from '../../domain/monnaie';
import type { EntreeFacture, LigneFacture } from './entree';

/**
 * An invoice's amounts, in cents, as a PGI computes them. Each line: gross = quantity × unit price,
 * its remise, its net. Then, for each TVA rate (highest first), the reductions in cascade on the
 * net of its lines, each rounded to the cent: rabais, then ristourne (net commercial), then
 * escompte (net financier: when granted on the invoice, the TVA is due on the price after it).
 * The frais de port are an accessory of the delivery (CGI, art. 267, I-2°): taxed at the rate of
 * the goods, shared between the rates in proportion to their net financier, the last rate taking
 * what rounding leaves. The facture d'avoir takes back the returned articles at the invoice's
 * own prices and reductions (no port).
 */
export interface LigneCalculee {
  reference: string;
  brut: Centimes;
  remise: Centimes;
  net: Centimes;
}

export interface PiedParTaux {
  taux: number;
  netLignes: Centimes;
  rabais: Centimes;
  ristourne: Centimes;
  netCommercial: Centimes;
  escompte: Centimes;
  netFinancier: Centimes;
  port: Centimes;
  base: Centimes;
  tva: Centimes;
}

export interface Montants {
  lignes: LigneCalculee[];
  pied: PiedParTaux[];
  totalHt: Centimes;
  totalTva: Centimes;
  netAPayer: Centimes;
}

export interface ResultatFacture {
  facture: Montants;
  avoir: Montants | null;
}

/**
 * How the amounts are computed: the right way, or one of the mistakes the checker recognises (the
 * template's typical errors), which the sheet module turns into the answers a student would give.
 */
export interface Facon {
  remiseDesLignes: boolean;
  remiseEnEuros: boolean; // false: the line's rate typed as the remise (0,05 for 5 %), the net its difference
  tvaApresReductions: boolean; // false: the TVA on the net of the lines (and the port), before rabais, ristourne and escompte
  cascade: boolean; // false: the ristourne on the net of the lines, as if the reductions were added
  escompteDansLaBase: boolean; // false: TVA on the net commercial
  portDansLaBase: boolean; // false: port added after the TVA
  avoirAuPrixFacture: boolean; // false: the avoir at the gross price, without the invoice's reductions
}
export const FACON_JUSTE: Facon = { remiseDesLignes: true, remiseEnEuros: true, tvaApresReductions: true, cascade: true, escompteDansLaBase: true, portDansLaBase: true, avoirAuPrixFacture: true };

function calculerLigne(l: LigneFacture, quantite: number, f: Facon): LigneCalculee {
  const brut = quantite * l.prixUnitaire;
  // a rate of r % typed as the amount r / 100 €: r cents
  const remise = !f.remiseDesLignes ? 0 : f.remiseEnEuros ? taxe(brut, l.remise) : l.remise;
  return { reference: l.reference, brut, remise, net: brut - remise };
}

/** port × part / total to the cent, halves up (in BigInt: the product may pass 2^53). */
export const prorata = (port: Centimes, part: Centimes, total: Centimes): Centimes => (total ? Number((2n * BigInt(port) * BigInt(part) + BigInt(total)) / (2n * BigInt(total))) : 0);

/** The reductions of `e`, the port and the TVA on lines already computed. */
function pied(e: EntreeFacture, lignes: readonly { ligne: LigneFacture; calcul: LigneCalculee }[], port: Centimes, f: Facon): Montants {
  const taux = [...new Set(lignes.map((l) => l.ligne.taux))].sort((a, b) => b - a);
  const parTaux = taux.map((t) => {
    const netLignes = somme(lignes.filter((l) => l.ligne.taux === t).map((l) => l.calcul.net));
    const rabais = taxe(netLignes, e.rabais);
    const ristourne = taxe(f.cascade ? netLignes - rabais : netLignes, e.ristourne);
    const netCommercial = netLignes - rabais - ristourne;
    const escompte = taxe(netCommercial, e.escompte);
    return { taux: t, netLignes, rabais, ristourne, netCommercial, escompte, netFinancier: netCommercial - escompte };
  });
  const totalFinancier = somme(parTaux.map((p) => p.netFinancier));
  let reste = port;
  const pieds = parTaux.map((p, i) => {
    const part = i === parTaux.length - 1 ? reste : prorata(port, p.netFinancier, totalFinancier);
    reste -= part;
    const base = (f.escompteDansLaBase ? p.netFinancier : p.netCommercial) + (f.portDansLaBase ? part : 0);
    return { ...p, port: part, base, tva: taxe(f.tvaApresReductions ? base : p.netLignes + part, p.taux) };
  });
  const totalHt = somme(pieds.map((p) => p.netFinancier + p.port));
  const totalTva = somme(pieds.map((p) => p.tva));
  return { lignes: lignes.map((l) => l.calcul), pied: pieds, totalHt, totalTva, netAPayer: totalHt + totalTva };
}

export function calculerFacture(e: EntreeFacture, f: Facon = FACON_JUSTE): ResultatFacture {
  const facture = pied(
    e,
    e.lignes.map((ligne) => ({ ligne, calcul: calculerLigne(ligne, ligne.quantite, f) })),
    e.port,
    f,
  );
  // The avoir is computed right, but for its own mistake (gross price: no remise, no reduction), so
  // that a wrong avoir points to one hint, whatever else the student got wrong on the invoice.
  const a = f.avoirAuPrixFacture ? e : { ...e, rabais: 0, ristourne: 0, escompte: 0 };
  const fa = { ...FACON_JUSTE, remiseDesLignes: f.avoirAuPrixFacture };
  const avoir = e.retours.length
    ? pied(
        a,
        e.retours.map((r) => {
          const ligne = e.lignes.find((l) => l.reference === r.reference)!;
          return { ligne, calcul: calculerLigne(ligne, r.quantite, fa) };
        }),
        0,
        fa,
      )
    : null;
  return { facture, avoir };
}
