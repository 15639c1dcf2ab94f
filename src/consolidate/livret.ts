import type { Referentiel } from '../referentiel/schema';
import { anneeScolaire } from '../domain/dates';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import type { ClasseConsolidee } from './classe';

export const ENTETE_LIVRET = ['Année scolaire', 'Classe', 'Nom', 'Prénom', 'INE', 'Semaines de PFMP', 'Bloc', 'Code', 'Compétence', 'Degré', 'Libellé du degré', 'Positionnements'] as const;

/**
 * The livret scolaire export: one row per student and compétence of the référentiel, with the
 * degree 1 to 4 of the chosen aggregation; degree left empty (and 0 positionings) when not evaluated.
 * The school year is the consolidation's (`date`, AAAA-MM-JJ); the INE and the PFMP weeks (those
 * of the attestation, empty without one) are the student's.
 */
export function lignesLivret(r: Referentiel, c: ClasseConsolidee, date: string): (string | number | null)[][] {
  const annee = anneeScolaire(date);
  const libelles = new Map(degresDuLivret().map((d) => [d.code, d.libelle]));
  const lignes: (string | number | null)[][] = [[...ENTETE_LIVRET]];
  for (const e of c.eleves)
    for (const b of r.blocs)
      for (const a of b.activites)
        for (const comp of a.competences) {
          const x = e.competences[comp.code];
          lignes.push([
            annee,
            e.classe,
            e.nom,
            e.prenom,
            e.ine ?? '',
            e.semaines?.total ?? null,
            b.code,
            comp.code,
            comp.libelle,
            x?.degre ?? null,
            x ? (libelles.get(x.degre) ?? '') : 'Non évalué',
            x?.positionnements ?? 0,
          ]);
        }
  return lignes;
}
