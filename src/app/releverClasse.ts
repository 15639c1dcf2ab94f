import { referentiel } from '../referentiel';
import { ErreurFichier } from '../io/erreurFichier';
import type { ClasseurLu } from '../io/ports';
import { releverClasseur, type ContexteReleve } from '../consolidate/lecture';
import { releveVide, type Releve } from '../consolidate/preuves';
import { Consolidation, type ClasseConsolidee } from '../consolidate/classe';
import type { Magasin } from '../consolidate/bandes';
import type { Methode } from '../consolidate/agregation';
import { gabaritGrilles } from '../sheets/grilles/gabarit';
import { modeleExercice } from './modelesExercices';
import type { CleEnseignant } from '../domain/sceau';

/**
 * Consolidation without the file system: what the CLI (files on disk) and the task pane (files the
 * coordinator picked) share. Each workbook is read in turn and only what it positions is kept.
 */

export interface Progression {
  fait: number;
  total: number;
  fichier: string;
}

const GRILLES = /^(parametres-grilles|grille-pfmp-pole\d|grille-ccf-e\d+|etat-recapitulatif-e\d+|attestation-pfmp)$/;

export const contexteReleve = (cle?: CleEnseignant): ContexteReleve => ({
  referentiel: referentiel(),
  versionDuModele: (m) => (GRILLES.test(m) ? gabaritGrilles().version : modeleExercice(m)?.version),
  titreDuModele: (m) => modeleExercice(m)?.titre,
  ...(cle ? { cle } : {}),
});

/** Reads one workbook; a file that cannot be opened or read is an « Anomalies » row, never a failed batch. */
export async function releverLecture(fichier: string, ouvrir: () => Promise<ClasseurLu>, ctx: ContexteReleve): Promise<Releve> {
  try {
    return releverClasseur(fichier, await ouvrir(), ctx);
  } catch (e) {
    // one file never stops the class: whatever went wrong becomes its « Anomalies » row
    const r = releveVide(fichier);
    const probleme = e instanceof ErreurFichier ? e.message.replace(/^« [^»]+» /, 'Le fichier ') : `Le fichier n'a pas pu être lu (${(e as Error)?.message ?? String(e)}).`;
    r.anomalies.push({ fichier, feuille: '', cellule: '', probleme, action: 'Fichier ignoré.' });
    return r;
  }
}

/**
 * Reads every workbook in turn (`progression` after each), then consolidates the class; exercise
 * evidence counts only when sealed under `cle`. A file's evidence goes to `magasin` as soon as it
 * is read (in memory unless the caller gives a disk one, which it closes after writing).
 */
export async function consoliderLectures(
  fichiers: readonly { nom: string; ouvrir: () => Promise<ClasseurLu> }[],
  methode: Methode,
  progression?: (p: Progression) => void,
  cle?: CleEnseignant,
  magasin?: Magasin,
): Promise<ClasseConsolidee> {
  const ctx = contexteReleve(cle);
  const classe = new Consolidation(ctx.referentiel, methode, magasin);
  for (const [i, f] of fichiers.entries()) {
    classe.ajouter(await releverLecture(f.nom, f.ouvrir, ctx));
    progression?.({ fait: i + 1, total: fichiers.length, fichier: f.nom });
  }
  return classe.terminer();
}
