import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import { ligneDuBareme, TRANCHES_KM, type LigneBareme, type ParametresFrais } from '../../domain/parametres/frais';
import type { EntreeFrais, LigneDeFrais } from './entree';

/**
 * An expense report checked against the rules, in cents. Each line: what is reimbursed (nothing
 * without its receipt; kilometres at the tax scale of the car's horsepower: what the trip adds to
 * the year's amount, the distance already travelled counted, to the cent; a
 * meal or a night within the company's ceiling, a business meal within its ceiling per guest times
 * the guests, the employee included; other costs as paid), the gap with what was asked,
 * and the TVA the company may recover: on meals, tolls and parking, in proportion to what it
 * reimburses; none on lodging of staff or on transport of persons (CGI, ann. II, art. 206, IV-2),
 * none on kilometric allowances.
 */
export interface LigneControlee {
  demande: Centimes;
  retenu: Centimes;
  ecart: Centimes;
  tvaRecuperable: Centimes;
}

export interface ResultatFrais {
  lignes: LigneControlee[];
  totalDemande: Centimes;
  totalRembourse: Centimes;
  totalEcart: Centimes;
  totalTva: Centimes;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  plafonds: boolean; // false: meals and nights reimbursed whatever their cost
  justificatifs: boolean; // false: a line without its receipt reimbursed
  tvaExclue: boolean; // false: TVA recovered on lodging and transport of persons too
  bonnePuissance: boolean; // false: the scale's row for one horsepower more
  repasAffairesParConvive: boolean; // false: a business meal held to one person's meal ceiling
}
export const FACON_JUSTE: Facon = { plafonds: true, justificatifs: true, tvaExclue: true, bonnePuissance: true, repasAffairesParConvive: true };

/** The ceiling of a meal: the company's for one person, or per guest times the guests for a business meal. */
export const plafondDuRepas = (e: EntreeFrais, l: LigneDeFrais, f: Facon = FACON_JUSTE): Centimes =>
  l.convives !== undefined && f.repasAffairesParConvive ? e.plafondRepasAffaires * l.convives : e.plafondRepas;

export const TVA_RECUPERABLE = new Set(['repas', 'peage', 'parking']);
/** lodging of staff and transport of persons (CGI, ann. II, art. 206, IV-2) */
export const TVA_NON_RECUPERABLE = new Set(['hotel', 'train', 'taxi']);

/** The scale's amount for a year of `d` km, in thousandths of a euro: exact, the rates have three decimals. */
export function baremeAnnuel(d: number, l: LigneBareme): number {
  const milliemes = (t: number) => Math.round(t * 1000);
  if (d <= TRANCHES_KM[0]) return d * milliemes(l.a);
  if (d <= TRANCHES_KM[1]) return d * milliemes(l.b) + Math.round(l.c * 1000);
  return d * milliemes(l.e);
}

/**
 * What a trip of `km` adds to the year's amount when `avant` km were already travelled this year
 * (up to 5 000 km: km × a), raised by `majoration` % for an electric vehicle, to the cent once.
 */
export const indemniteKm = (km: number, l: LigneBareme, avant = 0, majoration = 0): Centimes => diviserArrondi((baremeAnnuel(avant + km, l) - baremeAnnuel(avant, l)) * (100 + majoration), 1000);

/** The month's lines (their indexes) in date order, two of one day in the report's order: the order the trips are counted in. */
export const ordreDesLignes = (e: EntreeFrais): number[] => e.lignes.map((_, i) => i).sort((x, y) => e.lignes[x]!.date.localeCompare(e.lignes[y]!.date) || x - y);

/** The kilometres travelled this year before each line: the distance before the month, then the month's trips in date order. */
export function kmAvantChaqueLigne(e: EntreeFrais): number[] {
  const avant: number[] = [];
  let d = e.kmAnnuels;
  for (const i of ordreDesLignes(e)) {
    const l = e.lignes[i]!;
    avant[i] = d;
    if (l.nature === 'km') d += l.km;
  }
  return avant;
}

function controler(e: EntreeFrais, p: ParametresFrais, l: LigneDeFrais, avant: number, f: Facon): LigneControlee {
  const ligne = p.bareme[ligneDuBareme(f.bonnePuissance ? e.puissance : e.puissance + 1)]!;
  const majoration = e.electrique ? p.majorationElectrique : 0;
  const demande = l.nature === 'km' && !l.montant ? indemniteKm(l.km, ligne, avant, majoration) : l.montant;
  let retenu: Centimes;
  if (!l.justificatif && f.justificatifs) retenu = 0;
  else if (l.nature === 'km') retenu = indemniteKm(l.km, ligne, avant, majoration);
  else if (l.nature === 'repas' && f.plafonds) retenu = Math.min(l.montant, plafondDuRepas(e, l, f));
  else if (l.nature === 'hotel' && f.plafonds) retenu = Math.min(l.montant, e.plafondNuitee);
  else retenu = l.montant;
  const recuperable = TVA_RECUPERABLE.has(l.nature) || (!f.tvaExclue && TVA_NON_RECUPERABLE.has(l.nature));
  const tvaRecuperable = recuperable && retenu && l.montant ? diviserArrondi(l.tva * retenu, l.montant) : 0;
  return { demande, retenu, ecart: demande - retenu, tvaRecuperable };
}

export function calculerFrais(e: EntreeFrais, p: ParametresFrais, f: Facon = FACON_JUSTE): ResultatFrais {
  const avant = kmAvantChaqueLigne(e);
  const lignes = e.lignes.map((l, i) => controler(e, p, l, avant[i]!, f));
  const somme = (g: (x: LigneControlee) => number) => lignes.reduce((a, x) => a + g(x), 0);
  return { lignes, totalDemande: somme((x) => x.demande), totalRembourse: somme((x) => x.retenu), totalEcart: somme((x) => x.ecart), totalTva: somme((x) => x.tvaRecuperable) };
}
