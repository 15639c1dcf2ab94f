import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import { ligneDuBareme, type ParametresFrais } from '../../domain/parametres/frais';
import type { EntreeFrais, LigneDeFrais } from './entree';

/**
 * An expense report checked against the rules, in cents. Each line: what is reimbursed (nothing
 * without its receipt; kilometres at the tax scale of the car's horsepower, km × rate to the cent; a
 * meal or a night within the company's ceiling; other costs as paid), the gap with what was asked,
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
}
export const FACON_JUSTE: Facon = { plafonds: true, justificatifs: true, tvaExclue: true, bonnePuissance: true };

const TVA_RECUPERABLE = new Set(['repas', 'peage', 'parking']);
/** lodging of staff and transport of persons (CGI, ann. II, art. 206, IV-2) */
export const TVA_NON_RECUPERABLE = new Set(['hotel', 'train', 'taxi']);

/** km × € per km (three decimals), to the cent. */
export const indemniteKm = (km: number, taux: number): Centimes => diviserArrondi(km * Math.round(taux * 1000), 10);

function controler(e: EntreeFrais, p: ParametresFrais, l: LigneDeFrais, f: Facon): LigneControlee {
  const taux = p.tauxKm[ligneDuBareme(f.bonnePuissance ? e.puissance : e.puissance + 1)]!;
  const demande = l.nature === 'km' && !l.montant ? indemniteKm(l.km, taux) : l.montant;
  let retenu: Centimes;
  if (!l.justificatif && f.justificatifs) retenu = 0;
  else if (l.nature === 'km') retenu = indemniteKm(l.km, taux);
  else if (l.nature === 'repas' && f.plafonds) retenu = Math.min(l.montant, e.plafondRepas);
  else if (l.nature === 'hotel' && f.plafonds) retenu = Math.min(l.montant, e.plafondNuitee);
  else retenu = l.montant;
  const recuperable = TVA_RECUPERABLE.has(l.nature) || (!f.tvaExclue && TVA_NON_RECUPERABLE.has(l.nature));
  const tvaRecuperable = recuperable && retenu && l.montant ? diviserArrondi(l.tva * retenu, l.montant) : 0;
  return { demande, retenu, ecart: demande - retenu, tvaRecuperable };
}

export function calculerFrais(e: EntreeFrais, p: ParametresFrais, f: Facon = FACON_JUSTE): ResultatFrais {
  const lignes = e.lignes.map((l) => controler(e, p, l, f));
  const somme = (g: (x: LigneControlee) => number) => lignes.reduce((a, x) => a + g(x), 0);
  return { lignes, totalDemande: somme((x) => x.demande), totalRembourse: somme((x) => x.retenu), totalEcart: somme((x) => x.ecart), totalTva: somme((x) => x.tvaRecuperable) };
}
