import type { RapportCopie } from './rapport';

export interface SyntheseCompetence {
  code: string;
  libelle: string;
  copies: number;
  tauxMoyen: number;
  degres: [number, number, number, number]; // copies at degree 1, 2, 3, 4
}

/** The class at a glance: per compétence, the scored copies, the mean rate and how many copies reached each degree. */
export function syntheseDeClasse(copies: readonly RapportCopie[]): SyntheseCompetence[] {
  const parCode = new Map<string, SyntheseCompetence & { somme: number }>();
  for (const r of copies)
    for (const c of r.competences) {
      if (c.taux === null) continue;
      const g = parCode.get(c.code) ?? { code: c.code, libelle: c.libelle, copies: 0, tauxMoyen: 0, degres: [0, 0, 0, 0], somme: 0 };
      g.copies++;
      g.somme += c.taux;
      if (c.niveau) g.degres[c.niveau.code - 1]!++;
      parCode.set(c.code, g);
    }
  return [...parCode.values()].sort((a, b) => a.code.localeCompare(b.code)).map(({ somme, ...g }) => ({ ...g, tauxMoyen: somme / g.copies }));
}
