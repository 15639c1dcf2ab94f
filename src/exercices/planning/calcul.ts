import { ajouterJours } from '../../domain/dates';
import { ajouterJoursOuvres, joursOuvresEntre } from '../../domain/joursFeries';
import type { EntreePlanning } from './entree';

/** The weeks of the load table: the four from the Monday of the project's first week. */
export const SEMAINES = 4;

/** The Monday of `d`'s week. */
export const lundi = (d: string) => ajouterJours(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * The schedule in jours ouvrés (Monday to Friday, not the public holidays of « Paramètres »): each
 * task starts the jour ouvré after its last antériorité ends (the first jour ouvré from the project's
 * start when it has none) and ends its duration − 1 jours ouvrés later; the project ends with its
 * last task; backwards, each task ends at the latest the jour ouvré before its earliest successor's
 * latest start (the project's end when none follows it); its marge totale is the jours ouvrés between
 * its earliest and latest starts; it is critical when that is 0. Then each person's hours a week over
 * four weeks: the jours ouvrés of their tasks within the week × the hours of a day.
 */
export interface ResultatPlanning {
  taches: { debut: string; fin: string; debutTard: string; finTard: string; marge: number; critique: boolean }[];
  fin: string;
  semaines: string[]; // Mondays
  charges: number[][]; // by person, by week, hours
  surcharges: number[]; // by person, weeks above capacity
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  lendemain: boolean; // false: a task starting the day its antériorité ends
  feries: boolean; // false: the public holidays worked
  dureeIncluse: boolean; // false: the end as start + duration (one day too far)
  charges: boolean; // false: a week's load as the whole duration of each task begun in it
}
export const FACON_JUSTE: Facon = { lendemain: true, feries: true, dureeIncluse: true, charges: true };

export function calculerPlanning(e: EntreePlanning, feriesDuCas: readonly string[], f: Facon = FACON_JUSTE): ResultatPlanning {
  const feries = new Set(f.feries ? feriesDuCas : []);
  const ouvre = (d: string, n: number) => ajouterJoursOuvres(d, n, feries);
  const index = new Map(e.taches.map((t, i) => [t.code, i]));
  const debuts: string[] = [];
  const fins: string[] = [];
  e.taches.forEach((t, i) => {
    const avant = t.anteriorites.map((a) => fins[index.get(a)!]!).sort();
    debuts[i] = avant.length ? ouvre(avant.at(-1)!, f.lendemain ? 1 : 0) : ouvre(ajouterJours(e.debut, -1), 1);
    fins[i] = ouvre(debuts[i]!, t.duree - (f.dureeIncluse ? 1 : 0));
  });
  const fin = [...fins].sort().at(-1)!;
  const debutsTard: string[] = [];
  const finsTard: string[] = [];
  for (let i = e.taches.length - 1; i >= 0; i--) {
    const apres = e.taches.flatMap((t, k) => (t.anteriorites.includes(e.taches[i]!.code) ? [debutsTard[k]!] : [])).sort();
    finsTard[i] = apres.length ? ouvre(apres[0]!, -1) : fin;
    debutsTard[i] = ouvre(finsTard[i]!, -(e.taches[i]!.duree - 1));
  }
  const taches = e.taches.map((_, i) => {
    const marge = joursOuvresEntre(debuts[i]!, debutsTard[i]!, feries) - 1;
    return { debut: debuts[i]!, fin: fins[i]!, debutTard: debutsTard[i]!, finTard: finsTard[i]!, marge, critique: marge === 0 };
  });
  const premier = lundi(debuts[0] ?? e.debut);
  const semaines = Array.from({ length: SEMAINES }, (_, w) => ajouterJours(premier, 7 * w));
  const charges = e.equipe.map((p) =>
    semaines.map((l) =>
      e.taches.reduce((h, t, i) => {
        if (t.responsable !== p.personne) return h;
        const vendredi = ajouterJours(l, 4);
        const jours = f.charges
          ? Math.max(0, joursOuvresEntre(debuts[i]! > l ? debuts[i]! : l, fins[i]! < vendredi ? fins[i]! : vendredi, feries))
          : debuts[i]! >= l && debuts[i]! <= vendredi
            ? t.duree
            : 0;
        return h + jours * e.heuresParJour;
      }, 0),
    ),
  );
  return { taches, fin, semaines, charges, surcharges: charges.map((c, p) => c.filter((h) => h > e.equipe[p]!.capacite).length) };
}
