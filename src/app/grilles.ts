import { classeurEnXlsx } from '../io/exceljs/aLaDemande';
import path from 'node:path';
import { referentiel } from '../referentiel';
import { creerDossier, ecrireAtomiquement, ErreurFichier } from '../io/fichiers';
import { classeurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { nomComplet, type Eleve } from '../sheets/grilles/commun';
import { nomsDeFichiers } from '../sheets/eleve';

export interface FichierEcrit {
  fichier: string;
  feuilles: string[];
  eleves: string[];
}

export interface ResumeGrilles {
  fichiers: FichierEcrit[];
  erreurs: { eleve: string; fichier: string; message: string }[];
}

/** The class's grids in one workbook, sheets per student. */
export async function grillesDeLaClasse(eleves: readonly Eleve[], o: OptionsGrilles, fichier: string): Promise<ResumeGrilles> {
  const { classeur } = classeurGrilles(referentiel(), eleves, o, 'classe');
  await ecrireAtomiquement(fichier, await classeurEnXlsx(classeur));
  return { fichiers: [{ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: eleves.map(nomComplet) }], erreurs: [] };
}

/**
 * One workbook per student in `dossier` (created if its parent exists), named after the student.
 * A file that cannot be written is reported and the others are still written.
 */
export async function grillesParEleve(eleves: readonly Eleve[], o: OptionsGrilles, dossier: string): Promise<ResumeGrilles> {
  await creerDossier(dossier);
  const r = referentiel();
  const noms = nomsDeFichiers(eleves);
  const resume: ResumeGrilles = { fichiers: [], erreurs: [] };
  for (const [i, e] of eleves.entries()) {
    const fichier = path.join(dossier, `${noms[i]}.xlsx`);
    try {
      const { classeur } = classeurGrilles(r, [e], o, 'eleve');
      await ecrireAtomiquement(fichier, await classeurEnXlsx(classeur));
      resume.fichiers.push({ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: [nomComplet(e)] });
    } catch (err) {
      if (!(err instanceof ErreurFichier)) throw err;
      resume.erreurs.push({ eleve: nomComplet(e), fichier, message: err.message });
    }
  }
  return resume;
}
