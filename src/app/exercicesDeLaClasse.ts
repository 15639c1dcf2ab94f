import { ecrireCsv } from '../io/csv';
import { nomsDeFichiers, type Eleve } from '../sheets/eleve';
import type { Classeur } from '../sheets/model';
import type { EntreeArchive } from '../io/ports';
import type { TypeExercice } from '../exercices/registre';
import { aleasEnClair, casGenere, modeleDExercice, type CasPrepare, type DemandeExercice } from './modelesExercices';

/**
 * A class's exercise, the same from `agora exercice --classe --par-eleve` and the task pane: each
 * student their own case (their name varies the seed) or the teacher's, a workbook and its corrigé
 * named after the student, and the list of who got which case. Pure: the pane zips the files, the
 * CLI writes them.
 */

/** Where the corrigés go, beside the students' workbooks. */
export const DOSSIER_CORRIGES = 'corriges';

/** Each student's workbook and corrigé file names, homonyms told apart. */
export const fichiersExercices = (type: string, eleves: readonly Eleve[]) => nomsDeFichiers(eleves).map((nom) => ({ fichier: `${type}-${nom}.xlsx`, corrige: `corrige-${type}-${nom}.xlsx` }));

export interface ExerciceDEleve {
  type: TypeExercice;
  eleve: Eleve;
  fichier: string;
  corrige: string;
  classeur: Classeur;
  leCorrige: () => Classeur;
  graine: number | null;
  aleas: string[];
  reconduction?: string;
}

/** Each student's exercise: generated from the seed and their name, or `donne`, the teacher's case, for all. */
export function exercicesPourLaClasse(d: DemandeExercice, eleves: readonly Eleve[], donne?: CasPrepare): ExerciceDEleve[] {
  const fichiers = fichiersExercices(d.type, eleves);
  return eleves.map((eleve, i) => {
    const { classeur, corrige, cas, reconduction } = modeleDExercice(d, eleve, donne ?? casGenere(d, eleve, true));
    return { type: d.type, eleve, ...fichiers[i]!, classeur, leCorrige: corrige, graine: cas.graine, aleas: cas.aleas, ...(reconduction ? { reconduction } : {}) };
  });
}

export const REPARTITION = 'repartition.csv';

/**
 * « repartition.csv »: the case each student received, to find a copy's corrigé (`corrige` says
 * where it is) or give the same case again; `precedentes`, rows of an earlier run kept first. A
 * remediation adds why (« Motif ») and a row for each weak compétence no exercise works on (`sans`).
 */
export function repartitionCsv(
  exercices: readonly (ExerciceDEleve & { motif?: string })[],
  corrige: (x: ExerciceDEleve) => string = (x) => `${DOSSIER_CORRIGES}/${x.corrige}`,
  precedentes: readonly string[][] = [],
  sans: readonly { eleve: Eleve; motif: string }[] = [],
): string {
  const motifs = sans.length > 0 || exercices.some((x) => x.motif !== undefined);
  return ecrireCsv([
    ['Nom', 'Prénom', 'Classe', 'Fichier', 'Corrigé', 'Cas n°', 'Aléas', ...(motifs ? ['Motif'] : [])],
    ...precedentes,
    ...exercices.map((x) => [x.eleve.nom, x.eleve.prenom, x.eleve.classe, x.fichier, corrige(x), x.graine, aleasEnClair(x.type, x.aleas), ...(motifs ? [x.motif ?? ''] : [])]),
    ...sans.map((s) => [s.eleve.nom, s.eleve.prenom, s.eleve.classe, '', '', '', '', s.motif]),
  ]);
}

/**
 * The pane's two .zip files: the students' workbooks alone, safe to hand out; and the teacher's, the
 * corrigés in « corriges/ » with repartition.csv (workbooks rendered one at a time).
 */
export const archivesDeLaClasse = (
  exercices: readonly (ExerciceDEleve & { motif?: string })[],
  sans: readonly { eleve: Eleve; motif: string }[] = [],
): { eleves: EntreeArchive[]; enseignant: EntreeArchive[] } => ({
  eleves: exercices.map((x) => ({ chemin: x.fichier, classeur: () => x.classeur })),
  enseignant: [...exercices.map((x) => ({ chemin: `${DOSSIER_CORRIGES}/${x.corrige}`, classeur: x.leCorrige })), { chemin: REPARTITION, texte: repartitionCsv(exercices, undefined, [], sans) }],
});
