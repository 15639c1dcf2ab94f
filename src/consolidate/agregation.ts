import type { Degre } from './preuves';

export const METHODES = ['derniere', 'moyenne', 'recente', 'meilleure'] as const;
export type Methode = (typeof METHODES)[number];

export const LIBELLES_METHODES: Record<Methode, string> = {
  derniere: 'dernier positionnement',
  moyenne: 'moyenne des positionnements',
  recente: 'moyenne pondérée par la récence (poids 1, 2, 4, 8 et 16 sur les cinq derniers positionnements)',
  meilleure: 'meilleur positionnement',
};

/** SACoche's default: the last five positionings weigh 1, 2, 4, 8, 16, the most recent the most. */
const POIDS_RECENCE = [1, 2, 4, 8, 16];

export interface Agregat {
  /** the aggregated level between 1 and 4 (a mean may fall between degrees) */
  valeur: number;
  /** the livret scolaire degree: `valeur` rounded half up (2,5 → 3) */
  degre: Degre;
  /** the positionings counted (« NE » never counts) */
  positionnements: number;
}

/**
 * Aggregates a student's degrees for one compétence, oldest first. « NE » is left out, never taken
 * as zero; with no degree left there is no aggregate. Integer arithmetic: the mean is kept as a
 * fraction so that its rounding to a degree is exact.
 */
export function agreger(degres: readonly (Degre | 'NE')[], methode: Methode): Agregat | null {
  const d = degres.filter((x): x is Degre => x !== 'NE');
  if (!d.length) return null;
  let num: number;
  let den = 1;
  switch (methode) {
    case 'derniere':
      num = d[d.length - 1]!;
      break;
    case 'meilleure':
      num = Math.max(...d);
      break;
    case 'moyenne':
      num = d.reduce((a, x) => a + x, 0);
      den = d.length;
      break;
    case 'recente': {
      const cinq = d.slice(-POIDS_RECENCE.length);
      const poids = POIDS_RECENCE.slice(-cinq.length);
      num = cinq.reduce((a, x, i) => a + x * poids[i]!, 0);
      den = poids.reduce((a, x) => a + x, 0);
      break;
    }
  }
  return { valeur: num / den, degre: Math.floor((2 * num + den) / (2 * den)) as Degre, positionnements: d.length };
}
