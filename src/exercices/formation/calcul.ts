import { somme, taxe, type Centimes } from '../../domain/monnaie';
import { coutKilometrique, type TauxKilometriques } from '../../domain/parametres/frais';
import type { EntreeFormation } from './entree';

/** What the plan is priced with: the barème's rate per km of the first bracket (d ≤ 5 000 km). */
export type ParametresFormation = TauxKilometriques;

export interface CoutAction {
  code: string;
  participants: number;
  salarial: Centimes;
  deplacement: Centimes;
  repas: Centimes;
  total: Centimes;
}

/**
 * The training plan, in cents: for each action, the pay kept during the training (hourly rate ×
 * hours of each participant) with the employer's charges, rounded to the cent; the trip (distance ×
 * 2 for the return × days × the barème's rate of the vehicle's horsepower), rounded to the cent; the
 * meals (participants × days × the flat rate) off site only; the pedagogical cost. A cancelled action
 * costs nothing. Then the plan's total against the budget, the actions retained by priority while
 * their cumulated cost stays within it (one that would exceed it is passed over), and each employee's
 * hours in the actions retained.
 */
export interface ResultatFormation {
  actions: CoutAction[];
  total: Centimes;
  ecart: Centimes; // budget − total: negative when the plan exceeds it
  respecte: boolean;
  retenues: boolean[]; // by action, in the énoncé's order
  totalRetenu: Centimes;
  heures: number[]; // by employee, in the énoncé's order
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  charges: boolean; // false: the pay kept without the employer's charges
  allerRetour: boolean; // false: the one-way distance only
  repasParJour: boolean; // false: one meal per participant whatever the days
  annuleeExclue: boolean; // false: a cancelled action still costed
  passerOutre: boolean; // false: the choice stops at the first action that exceeds the budget
  heuresRetenues: boolean; // false: the hours of every action planned, retained or not
}
export const FACON_JUSTE: Facon = { charges: true, allerRetour: true, repasParJour: true, annuleeExclue: true, passerOutre: true, heuresRetenues: true };

/**
 * The actions retained, by priority, for their costs `totaux` (the student's own, in the knock-on
 * check): each while the cumulated cost stays within the budget, a cancelled one never; one that
 * would exceed it is passed over (`passerOutre`), or, by the mistake, ends the choice.
 */
export function retenuesParPriorite(e: EntreeFormation, totaux: readonly number[], passerOutre = true): boolean[] {
  const retenues = e.actions.map(() => false);
  let cumul = 0;
  let arrete = false;
  for (const i of e.actions.map((_, k) => k).sort((x, y) => e.actions[x]!.priorite - e.actions[y]!.priorite)) {
    if (e.actions[i]!.statut === 'annulee') continue;
    if (!arrete && cumul + totaux[i]! <= e.budget) {
      retenues[i] = true;
      cumul += totaux[i]!;
    } else if (!passerOutre) arrete = true;
  }
  return retenues;
}

export function calculerFormation(e: EntreeFormation, p: ParametresFormation, f: Facon = FACON_JUSTE): ResultatFormation {
  const actions = e.actions.map((a): CoutAction => {
    const inscrits = e.participants.filter((x) => x.action === a.code);
    if (a.statut === 'annulee' && f.annuleeExclue) return { code: a.code, participants: inscrits.length, salarial: 0, deplacement: 0, repas: 0, total: 0 };
    const salaires = somme(inscrits.map((x) => x.tauxHoraire * a.heures));
    const salarial = salaires + (f.charges ? taxe(salaires, e.tauxCharges) : 0);
    const km = a.distance * (f.allerRetour ? 2 : 1) * a.jours;
    const deplacement = a.distance ? coutKilometrique(p, a.puissance!, km) : 0;
    const repas = a.distance ? inscrits.length * (f.repasParJour ? a.jours : 1) * e.repas : 0;
    return { code: a.code, participants: inscrits.length, salarial, deplacement, repas, total: a.coutPedagogique + salarial + deplacement + repas };
  });
  const total = somme(actions.map((a) => a.total));
  const retenues = retenuesParPriorite(
    e,
    actions.map((a) => a.total),
    f.passerOutre,
  );
  const cumul = somme(actions.filter((_, i) => retenues[i]).map((a) => a.total));
  const heures = e.salaries.map((s) =>
    e.actions.reduce((h, a, i) => h + ((f.heuresRetenues ? retenues[i] : a.statut !== 'annulee') && e.participants.some((x) => x.action === a.code && x.salarie === s.nom) ? a.heures : 0), 0),
  );
  return { actions, total, ecart: e.budget - total, respecte: total <= e.budget, retenues, totalRetenu: cumul, heures };
}
