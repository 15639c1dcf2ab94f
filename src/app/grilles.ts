import { referentiel } from '../referentiel';
import { ErreurFichier } from '../io/erreurFichier';
import type { Ports } from '../io/ports';
import { classeurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { nomComplet, type Eleve } from '../sheets/grilles/commun';
import { nomsDeFichiers } from '../sheets/eleve';
import { ajoutDeGrilles, cleEleve, entreesDeGrilles } from './grillesDuClasseur';

export interface FichierEcrit {
  fichier: string;
  feuilles: string[];
  eleves: string[];
  /** the sheets were added to the file already there, everything in it kept */
  ajout: boolean;
}

/** A file left exactly as it was, and why. */
export interface FichierGarde {
  fichier: string;
  eleves: string[];
  raison: string;
}

export interface ResumeGrilles {
  fichiers: FichierEcrit[];
  gardes: FichierGarde[];
  erreurs: { eleve: string; fichier: string; message: string }[];
}

const deja = (n: number) => (n > 1 ? 'ces élèves y ont déjà toutes les grilles demandées' : "l'élève y a déjà toutes les grilles demandées");

/**
 * The grids a workbook file already there lacks for these students, added to it (every value
 * entered kept, the file replaced only once the whole is written and read back); nothing written
 * when it lacks none. `seul`: a student's own file, which never receives another student.
 */
async function completerFichier(p: Ports, eleves: readonly Eleve[], o: OptionsGrilles, fichier: string, seul?: Eleve): Promise<FichierEcrit | FichierGarde> {
  const ouvert = await p.classeurs.pourAjout(fichier);
  if (!ouvert.agora)
    throw new ErreurFichier(`« ${fichier} » existe et ne contient pas de grilles AGOrA : rien n'a été écrit. Choisissez un autre nom, ou ajoutez --remplacer pour le remplacer.`, fichier);
  let a;
  try {
    // a student's own file never receives another student
    const autres = seul ? entreesDeGrilles(ouvert.agora).filter((e) => cleEleve(e) !== cleEleve(seul)) : [];
    if (seul && autres.length) return { fichier, eleves: [nomComplet(seul)], raison: `il contient les grilles de ${nomComplet(autres[0]!)}, pas celles de cet élève` };
    a = ajoutDeGrilles(referentiel(), eleves, o, { feuilles: ouvert.feuilles, agora: ouvert.agora });
  } catch (e) {
    if (e instanceof RangeError) throw new ErreurFichier(`« ${fichier} » : ${e.message}`, fichier);
    throw e;
  }
  if (!a.classeur) return { fichier, eleves: eleves.map(nomComplet), raison: deja(eleves.length) };
  await p.fichiers.ecrire(fichier, await ouvert.ajouter(a.classeur), true);
  return { fichier, feuilles: a.classeur.feuilles.map((f) => f.nom), eleves: a.completes.map(nomComplet), ajout: true };
}

const estGarde = (x: FichierEcrit | FichierGarde): x is FichierGarde => 'raison' in x;

/**
 * The class's grids in one workbook, sheets per student. A workbook already at `fichier` is
 * completed, never replaced: the students it lacks, and the grids a student there lacks, are added
 * to it; `remplacer` writes a new one over it.
 */
export async function grillesDeLaClasse(p: Ports, eleves: readonly Eleve[], o: OptionsGrilles, fichier: string, remplacer = false): Promise<ResumeGrilles> {
  if (!remplacer && (await p.fichiers.existe(fichier))) {
    const x = await completerFichier(p, eleves, o, fichier);
    return estGarde(x) ? { fichiers: [], gardes: [x], erreurs: [] } : { fichiers: [x], gardes: [], erreurs: [] };
  }
  const { classeur } = classeurGrilles(referentiel(), eleves, o, 'classe');
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur, 'consommer'), remplacer);
  return { fichiers: [{ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: eleves.map(nomComplet), ajout: false }], gardes: [], erreurs: [] };
}

/**
 * One workbook per student in `dossier` (created if its parent exists), named after the student.
 * A student's file already there is completed with the grids it lacks, or kept as it is; `remplacer`
 * writes new ones over them. A file that cannot be written is reported and the others are still written.
 */
export async function grillesParEleve(p: Ports, eleves: readonly Eleve[], o: OptionsGrilles, dossier: string, remplacer = false): Promise<ResumeGrilles> {
  await p.fichiers.creerDossier(dossier);
  const r = referentiel();
  const noms = nomsDeFichiers(eleves);
  const resume: ResumeGrilles = { fichiers: [], gardes: [], erreurs: [] };
  for (const [i, e] of eleves.entries()) {
    const fichier = p.fichiers.joindre(dossier, `${noms[i]}.xlsx`);
    try {
      if (!remplacer && (await p.fichiers.existe(fichier))) {
        const x = await completerFichier(p, [e], o, fichier, e);
        if (estGarde(x)) resume.gardes.push(x);
        else resume.fichiers.push(x);
        continue;
      }
      const { classeur } = classeurGrilles(r, [e], o, 'eleve');
      await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur), remplacer);
      resume.fichiers.push({ fichier, feuilles: classeur.feuilles.map((f) => f.nom), eleves: [nomComplet(e)], ajout: false });
    } catch (err) {
      if (!(err instanceof ErreurFichier)) throw err;
      resume.erreurs.push({ eleve: nomComplet(e), fichier, message: err.message });
    }
  }
  return resume;
}
