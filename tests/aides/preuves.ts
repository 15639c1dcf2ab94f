import type { Releve } from '../../src/consolidate/preuves';
import type { Eleve } from '../../src/sheets/eleve';

/** A student's PFMP positionings on 1.1.1, one per period P1, P2… at the given degrees, read from `cellule(k)` of « PFMP pôle 1 ». */
export function preuvesPfmp(releve: Releve, eleve: Eleve, degres: readonly (1 | 2 | 3 | 4)[], cellule: (k: number) => string): void {
  for (const [k, degre] of degres.entries())
    releve.preuves.push({
      eleve,
      competence: '1.1.1',
      nature: 'PFMP',
      libelle: `PFMP P${k + 1}`,
      creneau: `PFMP P${k + 1}`,
      date: `2026-0${k + 1}-15`,
      rang: k,
      niveauLu: String(degre),
      degre,
      source: { fichier: releve.fichier, feuille: 'PFMP pôle 1', cellule: cellule(k) },
    });
}
