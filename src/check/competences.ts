import type { Controle } from './controle';

/** A degree of the livret scolaire scale (1 Non maîtrisé … 4 Bien maîtrisé). */
export interface Degre {
  code: number;
  libelle: string;
}

export interface ResultatCompetence {
  code: string;
  critere: string;
  points: number;
  reussis: number;
  taux: number | null; // null: the copy is not scored
  niveau: Degre | null;
}

/** The degree of a success rate: degree 1 below the first threshold, then one more per threshold reached. */
export function degreDuTaux(taux: number, seuils: readonly number[], degres: readonly Degre[]): Degre {
  const k = seuils.filter((s) => taux + 1e-12 >= s).length;
  return degres[Math.min(k, degres.length - 1)]!;
}

/**
 * Per compétence and critère: the share of the answer units that are right (« non renseigné »
 * counts as failed) and its degree. A copy whose case was modified is not scored.
 */
export function evaluerCompetences(controles: readonly Controle[], seuils: readonly number[], degres: readonly Degre[], notee: boolean): ResultatCompetence[] {
  const groupes = new Map<string, ResultatCompetence>();
  for (const c of controles) {
    const cle = `${c.competence}\u0000${c.critere}`;
    const g = groupes.get(cle) ?? { code: c.competence, critere: c.critere, points: 0, reussis: 0, taux: null, niveau: null };
    g.points += c.points;
    g.reussis += c.reussis;
    groupes.set(cle, g);
  }
  return [...groupes.values()].map((g) => {
    if (!notee || g.points === 0) return g;
    const taux = Math.round((g.reussis / g.points) * 10000) / 10000;
    return { ...g, taux, niveau: degreDuTaux(taux, seuils, degres) };
  });
}
