import { referentiel } from '../referentiel';
import { ecrireCsv } from '../io/csv';
import { ouvrirClasseur, sortiesLibres, type ClasseurLu, type Ports } from '../io/ports';
import type { ContexteReleve } from '../consolidate/lecture';
import type { Releve } from '../consolidate/preuves';
import type { ClasseConsolidee } from '../consolidate/classe';
import type { Methode } from '../consolidate/agregation';
import type { Magasin } from '../consolidate/bandes';
import type { CleEnseignant } from '../domain/sceau';
import type { Classeur } from '../sheets/model';
import { lignesLivret } from '../consolidate/livret';
import { classeurClasse } from '../sheets/consolidation/classeurClasse';
import { consoliderLectures, contexteReleve, releverLecture, type Progression } from './releverClasse';

export type { Progression };

export interface OptionsConsolidation {
  methode: Methode;
  date: string; // AAAA-MM-JJ
  /** called after each file: what the terminal's bar and the task pane show */
  progression?: (p: Progression) => void;
  /** the teacher's key: checked exercises count only when their evidence is sealed under it */
  cle?: CleEnseignant;
  /** where the evidence waits until « Détail » is written (in memory unless given) */
  magasin?: Magasin;
}

export interface ClasseDesClasseurs {
  classe: ClasseConsolidee;
  /** the class workbook: « Synthèse », « PFMP », « Notes CCF », « Détail »… */
  modele: Classeur;
  /** the livret scolaire's CSV (one degree per student and compétence) */
  livret: () => string;
}

/**
 * A class consolidated from its workbooks, each opened in turn (a file on the command line, an
 * upload in the task pane): the class workbook's model and the livret, for the host to write or insert.
 */
export async function consoliderClasse(sources: readonly { nom: string; ouvrir: () => Promise<ClasseurLu> }[], o: OptionsConsolidation): Promise<ClasseDesClasseurs> {
  const classe = await consoliderLectures(sources, o.methode, o.progression, o.cle, o.magasin);
  const r = referentiel();
  return { classe, modele: classeurClasse(r, classe, { date: o.date }), livret: () => ecrireCsv(lignesLivret(r, classe, o.date)) };
}

export interface ResumeConsolidation {
  fichiers: number;
  eleves: number;
  competences: number;
  anomalies: { fichier: string; probleme: string }[];
  classe: ClasseConsolidee;
}

/** Reads one workbook file; a file that cannot be opened is a « Anomalies » row, never a failed batch. */
export const releverFichier = (p: Ports, fichier: string, ctx: ContexteReleve = contexteReleve()): Promise<Releve> => releverLecture(fichier, () => ouvrirClasseur(p.classeurs, fichier), ctx);

/**
 * `agora consolider`: each workbook is read in turn and only what it positions is kept, so memory
 * does not grow with the files' size; the evidence waits on disk (removed at the end) until
 * « Détail » is written; then the class workbook (and the livret CSV) are written to a temporary
 * file and renamed. Input files are only read.
 */
export async function consoliderClasseurs(p: Ports, fichiers: readonly string[], o: OptionsConsolidation & { sortie: string; lsl?: string; remplacer?: boolean }): Promise<ResumeConsolidation> {
  // stops before reading a whole class when an output is there
  await sortiesLibres(p.fichiers, [o.sortie, o.lsl], o.remplacer);
  const magasin = o.magasin ?? p.magasin();
  try {
    const { classe, modele, livret } = await consoliderClasse(
      fichiers.map((f) => ({ nom: f, ouvrir: () => ouvrirClasseur(p.classeurs, f) })),
      { ...o, magasin },
    );
    await p.fichiers.ecrire(o.sortie, await p.classeurs.enFlux(modele), o.remplacer);
    if (o.lsl) await p.fichiers.ecrire(o.lsl, livret(), o.remplacer);
    return {
      fichiers: fichiers.length,
      eleves: classe.eleves.length,
      competences: classe.couverture.length,
      anomalies: classe.anomalies.map((a) => ({ fichier: a.fichier, probleme: a.probleme })),
      classe,
    };
  } finally {
    if (!o.magasin) magasin.fermer();
  }
}
