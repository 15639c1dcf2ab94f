import { diviserArrondi, somme, taxe, type Centimes } from '../../domain/monnaie';
import { siretValide } from '../../domain/identifiants';
import { cleTva, ibanValide, tvaValide } from './controles';
import type { EntreeFournisseurs } from './entree';

/** The criteria, in the answers' order; « moins » when the lowest value is the best. */
export const CRITERES = [
  { cle: 'prix', libelle: 'Prix', sens: 'moins' },
  { cle: 'delai', libelle: 'Délai de livraison', sens: 'moins' },
  { cle: 'qualite', libelle: 'Qualité', sens: 'plus' },
  { cle: 'paiement', libelle: 'Délai de paiement', sens: 'plus' },
] as const;

/**
 * The three tasks, exactly:
 * - each supplier's SIRET (Luhn), TVA number (its key, and its SIREN that of the SIRET) and IBAN;
 * - each quote's note out of 10 per criterion, to two decimals: 10 × best / value where less is
 *   better (price, lead time), 10 × value / best where more is (quality, payment terms); its score,
 *   the notes weighted by the criteria's percentages, to two decimals; the best score chosen (on a tie,
 *   the lower price);
 * - the supplies: every « indispensable » ordered, then each « utile » in the list's order while the
 *   order's total HT stays within the budget; the purchase invoice recorded: 6064 and 44566 at the
 *   debit, 401 at the credit for the TTC.
 */
export interface ResultatFournisseurs {
  controles: [boolean, boolean, boolean][];
  notes: number[][]; // by quote, by criterion, two decimals
  scores: number[];
  choix: number; // index in `devis`
  fournitures: { montant: Centimes; retenue: boolean }[];
  total: Centimes;
  tva: Centimes;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  cleSurSiren: boolean; // false: the TVA key computed on the whole SIRET
  sensDesCriteres: boolean; // false: a low price or lead time noted as if more were better
  ponderation: boolean; // false: the plain average of the four notes
  budget: boolean; // false: every supply ordered whatever the budget
}
export const FACON_JUSTE: Facon = { cleSurSiren: true, sensDesCriteres: true, ponderation: true, budget: true };

/** The quote of the best score (the student's own scores, in the knock-on check); on a tie, the lower price. */
export const meilleurScore = (e: EntreeFournisseurs, scores: readonly number[]): number =>
  scores.reduce((m, s, i) => (s > scores[m]! || (s === scores[m] && e.devis[i]!.prix < e.devis[m]!.prix) ? i : m), 0);

/**
 * The supplies ordered, for their amounts `montants`: every « indispensable », then each « utile » in
 * the list's order while the total stays within the budget (`budget` false: by the mistake, all).
 */
export function commandees(e: EntreeFournisseurs, montants: readonly number[], budget = true): boolean[] {
  let cumul = somme(montants.filter((_, i) => e.fournitures[i]!.priorite === 'indispensable'));
  return e.fournitures.map((x, i) => {
    if (x.priorite === 'indispensable') return true;
    const retenue = !budget || cumul + montants[i]! <= e.budget;
    if (retenue) cumul += montants[i]!;
    return retenue;
  });
}

/** A value in tenths (qualities by half-points), as an integer. */
const dixiemes = (x: number) => Math.round(x * 10);

export function calculerFournisseurs(e: EntreeFournisseurs, f: Facon = FACON_JUSTE): ResultatFournisseurs {
  const controles = e.fournisseurs.map((x): [boolean, boolean, boolean] => {
    const siret = x.siret.replace(/\s/g, '');
    const tva = f.cleSurSiren ? tvaValide(x.tva, siret.slice(0, 9)) : /^FR(\d{2})/.exec(x.tva.replace(/\s/g, ''))?.[1] === String(cleTva(siret)).padStart(2, '0');
    return [siretValide(siret), tva, ibanValide(x.iban)];
  });
  const valeurs = e.devis.map((d) => [d.prix, d.delai, dixiemes(d.qualite), d.paiement]);
  const notes = valeurs.map((v) =>
    CRITERES.map((c, j) => {
      const colonne = valeurs.map((w) => w[j]!);
      const moins = c.sens === 'moins' && f.sensDesCriteres;
      const meilleur = moins ? Math.min(...colonne) : Math.max(...colonne);
      return diviserArrondi(1000 * (moins ? meilleur : v[j]!), moins ? v[j]! : meilleur) / 100;
    }),
  );
  const poids = CRITERES.map((c) => e.criteres[c.cle]);
  const scores = notes.map((n) => (f.ponderation ? diviserArrondi(somme(n.map((x, j) => Math.round(x * 100) * poids[j]!)), 100) : diviserArrondi(somme(n.map((x) => Math.round(x * 100))), 4)) / 100);
  const montants = e.fournitures.map((x) => x.quantite * x.prixUnitaire);
  const retenues = commandees(e, montants, f.budget);
  const total = somme(montants.filter((_, i) => retenues[i]));
  return { controles, notes, scores, choix: meilleurScore(e, scores), fournitures: montants.map((montant, i) => ({ montant, retenue: retenues[i]! })), total, tva: taxe(total, e.tauxTva) };
}
