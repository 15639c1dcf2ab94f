import path from 'node:path';
import { referentiel } from '../referentiel';
import { classeurEnXlsx } from '../io/exceljs/ecrireClasseur';
import { creerDossier, ecrireAtomiquement, ErreurFichier } from '../io/fichiers';
import { classeurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { nomComplet, type Eleve } from '../sheets/grilles/commun';

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

const RESERVES_WINDOWS = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** « DUPONT_Jean » : a file name every system accepts, made from the student's name. */
export function nomFichierEleve(e: Eleve): string {
  const s = nomComplet(e)
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_-]+|[.\s_]+$/g, '')
    .slice(0, 100);
  if (!s) return 'eleve';
  return RESERVES_WINDOWS.test(s) ? `${s}_` : s;
}

/**
 * One workbook per student in `dossier` (created if its parent exists), named after the student.
 * A file that cannot be written is reported and the others are still written.
 */
export async function grillesParEleve(eleves: readonly Eleve[], o: OptionsGrilles, dossier: string): Promise<ResumeGrilles> {
  await creerDossier(dossier);
  const r = referentiel();
  const pris = new Set<string>();
  const resume: ResumeGrilles = { fichiers: [], erreurs: [] };
  for (const e of eleves) {
    let base = nomFichierEleve(e);
    for (let k = 2; pris.has(base.toLowerCase()); k++) base = `${nomFichierEleve(e)}_${k}`;
    pris.add(base.toLowerCase());
    const fichier = path.join(dossier, `${base}.xlsx`);
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
