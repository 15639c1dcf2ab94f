import { referentiel } from '../referentiel';
import { ErreurFichier } from '../io/erreurFichier';
import type { Ports } from '../io/ports';
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
export async function grillesDeLaClasse(p: Ports, eleves: readonly Eleve[], o: OptionsGrilles, fichier: string): Promise<ResumeGrilles> {
  const { classeur } = classeurGrilles(referentiel(), eleves, o, 'classe');
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur, 'consommer'));
  return { fichiers: [{ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: eleves.map(nomComplet) }], erreurs: [] };
}

/**
 * One workbook per student in `dossier` (created if its parent exists), named after the student.
 * A file that cannot be written is reported and the others are still written.
 */
export async function grillesParEleve(p: Ports, eleves: readonly Eleve[], o: OptionsGrilles, dossier: string): Promise<ResumeGrilles> {
  await p.fichiers.creerDossier(dossier);
  const r = referentiel();
  const noms = nomsDeFichiers(eleves);
  const resume: ResumeGrilles = { fichiers: [], erreurs: [] };
  for (const [i, e] of eleves.entries()) {
    const fichier = p.fichiers.joindre(dossier, `${noms[i]}.xlsx`);
    try {
      const { classeur } = classeurGrilles(r, [e], o, 'eleve');
      await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur));
      resume.fichiers.push({ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: [nomComplet(e)] });
    } catch (err) {
      if (!(err instanceof ErreurFichier)) throw err;
      resume.erreurs.push({ eleve: nomComplet(e), fichier, message: err.message });
    }
  }
  return resume;
}
