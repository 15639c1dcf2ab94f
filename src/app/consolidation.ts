import { promises as fs } from 'node:fs';
import path from 'node:path';
import { referentiel } from '../referentiel';
import { lireClasseur } from '../io/xlsx/lireClasseur';
import { classeurEnFlux } from '../io/exceljs/ecrireClasseur';
import { ecrireAtomiquement } from '../io/fichiers';
import { ecrireCsv } from '../io/csv';
import type { ContexteReleve } from '../consolidate/lecture';
import type { Releve } from '../consolidate/preuves';
import type { ClasseConsolidee } from '../consolidate/classe';
import type { Methode } from '../consolidate/agregation';
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
}

export interface ResumeConsolidation {
  fichiers: number;
  eleves: number;
  competences: number;
  anomalies: { fichier: string; probleme: string }[];
  classe: ClasseConsolidee;
}

/**
 * The workbooks to read: the files named, and every workbook under the folders named (sub-folders
 * too, one per teacher is common), Excel's « ~$ » lock files and our own temporary files left out.
 */
export async function classeursAConsolider(entrees: readonly string[], exclus: readonly string[] = []): Promise<string[]> {
  const ecartes = new Set(exclus.map((f) => path.resolve(f)));
  const fichiers: string[] = [];
  const parcourir = async (p: string, nomme: boolean): Promise<void> => {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      for (const f of (await fs.readdir(p)).sort()) await parcourir(path.join(p, f), false);
    } else if (nomme || (/\.xls[xm]$/i.test(p) && !path.basename(p).startsWith('~$') && !path.basename(p).startsWith('.'))) {
      if (!ecartes.has(path.resolve(p))) fichiers.push(p);
    }
  };
  for (const e of entrees) await parcourir(e, true);
  return [...new Set(fichiers)];
}

/** Reads one workbook file; a file that cannot be opened is a « Anomalies » row, never a failed batch. */
export const releverFichier = (fichier: string, ctx: ContexteReleve = contexteReleve()): Promise<Releve> => releverLecture(fichier, () => lireClasseur(fichier), ctx);

/**
 * Consolidates a class: each workbook is read in turn and only what it positions is kept, so memory
 * does not grow with the files' size; then the class workbook (and the livret CSV) are written to a
 * temporary file and renamed. Input files are only read.
 */
export async function consoliderClasseurs(fichiers: readonly string[], o: OptionsConsolidation): Promise<ResumeConsolidation> {
  const classe = await consoliderLectures(
    fichiers.map((f) => ({ nom: f, ouvrir: () => lireClasseur(f) })),
    o.methode,
    o.progression,
  );
  const r = referentiel();
  await ecrireAtomiquement(o.sortie, await classeurEnFlux(classeurClasse(r, classe, { date: o.date })));
  if (o.lsl) await ecrireAtomiquement(o.lsl, ecrireCsv(lignesLivret(r, classe)));
  return {
    fichiers: fichiers.length,
    eleves: classe.eleves.length,
    competences: classe.couverture.length,
    anomalies: classe.anomalies.map((a) => ({ fichier: a.fichier, probleme: a.probleme })),
    classe,
  };
}
