import { classeurEnFlux } from '../io/exceljs/aLaDemande';
import { referentiel } from '../referentiel';
import { lireClasseur } from '../io/xlsx/lireClasseur';
import { ecrireAtomiquement } from '../io/fichiers';
import { ecrireCsv } from '../io/csv';
import { magasinFichiers } from '../io/magasinFichiers';
import type { ContexteReleve } from '../consolidate/lecture';
import type { Releve } from '../consolidate/preuves';
import type { ClasseConsolidee } from '../consolidate/classe';
import type { Methode } from '../consolidate/agregation';
import type { Magasin } from '../consolidate/bandes';
import type { CleEnseignant } from '../domain/sceau';
import { lignesLivret } from '../consolidate/livret';
import { classeurClasse } from '../sheets/consolidation/classeurClasse';
import { consoliderLectures, contexteReleve, releverLecture, type Progression } from './releverClasse';

export type { Progression };

export interface OptionsConsolidation {
  sortie: string;
  methode: Methode;
  date: string; // AAAA-MM-JJ
  lsl?: string;
  /** called after each file: what the terminal's bar and the task pane show */
  progression?: (p: Progression) => void;
  /** the teacher's key: checked exercises count only when their evidence is sealed under it */
  cle?: CleEnseignant;
  /** where the evidence waits (default: a temporary folder, removed once the workbook is written, so `classe.preuves` is then gone) */
  magasin?: Magasin;
}

export interface ResumeConsolidation {
  fichiers: number;
  eleves: number;
  competences: number;
  anomalies: { fichier: string; probleme: string }[];
  classe: ClasseConsolidee;
}

/** Reads one workbook file; a file that cannot be opened is a « Anomalies » row, never a failed batch. */
export const releverFichier = (fichier: string, ctx: ContexteReleve = contexteReleve()): Promise<Releve> => releverLecture(fichier, () => lireClasseur(fichier), ctx);

/**
 * Consolidates a class: each workbook is read in turn and only what it positions is kept, so memory
 * does not grow with the files' size; then the class workbook (and the livret CSV) are written to a
 * temporary file and renamed. Input files are only read.
 */
export async function consoliderClasseurs(fichiers: readonly string[], o: OptionsConsolidation): Promise<ResumeConsolidation> {
  // the evidence waits on disk (a private temporary folder, removed at the end) until « Détail » is written
  const magasin = o.magasin ?? magasinFichiers();
  try {
    const classe = await consoliderLectures(
      fichiers.map((f) => ({ nom: f, ouvrir: () => lireClasseur(f) })),
      o.methode,
      o.progression,
      o.cle,
      magasin,
    );
    const r = referentiel();
    await ecrireAtomiquement(o.sortie, await classeurEnFlux(classeurClasse(r, classe, { date: o.date })));
    if (o.lsl) await ecrireAtomiquement(o.lsl, ecrireCsv(lignesLivret(r, classe, o.date)));
    return resume(fichiers, classe);
  } finally {
    if (!o.magasin) magasin.fermer();
  }
}

const resume = (fichiers: readonly string[], classe: ClasseConsolidee): ResumeConsolidation => ({
  fichiers: fichiers.length,
  eleves: classe.eleves.length,
  competences: classe.couverture.length,
  anomalies: classe.anomalies.map((a) => ({ fichier: a.fichier, probleme: a.probleme })),
  classe,
});
