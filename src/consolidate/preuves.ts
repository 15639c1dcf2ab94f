/**
 * What consolidation reads out of one workbook, before students are matched and levels aggregated.
 * Everything is plain data: the CLI reads it from .xlsx files, the add-in from open workbooks.
 */

export type Degre = 1 | 2 | 3 | 4;

/** A student as a file names them (the `_agora` row of the sheet, never a sheet title). */
export interface IdentiteEleve {
  nom: string;
  prenom: string;
  classe: string;
  ine?: string; // identifiant national élève, when the class list had it
}

/** Where a value was read: the file, the sheet as it is named now, the cell. */
export interface Source {
  fichier: string;
  feuille: string;
  cellule: string;
}

export type Nature = 'PFMP' | 'CCF' | 'Exercice';

/** One positioning of one compétence: a PFMP period, a CCF situation or a checked exercise. */
export interface Preuve {
  eleve: IdentiteEleve;
  competence: string;
  nature: Nature;
  /** « PFMP P2 », « CCF E2 situation 1 », « Déclaration de TVA (CA3), cas n° 12 » */
  libelle: string;
  /** where two files about the same student must agree (« PFMP P2 »); null: each check is its own evidence */
  creneau: string | null;
  date: string | null; // AAAA-MM-JJ
  rang: number; // order inside the file, for evidence of the same date
  niveauLu: string; // as typed: « 3 », « TS », « NE »
  degre: Degre | 'NE';
  source: Source;
  /** an exercise's « Feuille de calcul »: the share of its calculations made by formulas (absent: not an exercise, or not known) */
  tableur?: number;
  /** an exercise's rate of success in this compétence, 0 to 1 (absent: not an exercise) */
  taux?: number;
}

/** The weeks of PFMP an attestation sheet records, period by period. */
export interface SemainesPfmp {
  eleve: IdentiteEleve;
  cycle: '3 ans' | '2 ans';
  periodes: (number | null)[];
  source: Source;
}

/** A CCF grid: its proposed mark, recomputed from the positionings with the workbook's own scale and rule. */
export interface NoteCcf {
  eleve: IdentiteEleve;
  epreuve: string;
  note: number | null; // null until every situation has a positioning
  positionnees: number;
  competences: number;
  /** nothing positioned in any situation */
  vide: boolean;
  source: Source;
}

/** A problem met while reading: shown in « Anomalies », never fatal to the batch. */
export interface Anomalie {
  fichier: string;
  feuille: string;
  cellule: string;
  probleme: string;
  action: string;
}

/** Anomalies that say the same of one file (a row of « Suivi » typed by hand, then eleven more), told once with their cells. */
export interface AnomaliesGroupees extends Anomalie {
  nombre: number;
  cellules: string[];
}

/** The anomalies of the same file, sheet, problem and action as one, in the order they were found: what a reader lists. */
export function regrouperAnomalies(anomalies: readonly Anomalie[]): AnomaliesGroupees[] {
  const groupes = new Map<string, AnomaliesGroupees>();
  for (const a of anomalies) {
    const cle = [a.fichier, a.feuille, a.probleme, a.action].join('\u0000');
    const g = groupes.get(cle);
    if (g) {
      g.nombre++;
      if (a.cellule) g.cellules.push(a.cellule);
    } else groupes.set(cle, { ...a, nombre: 1, cellules: a.cellule ? [a.cellule] : [] });
  }
  return [...groupes.values()];
}

/** Where a group of anomalies is: « feuille Suivi, cellules M5 à M16 », the cells cited when few. */
export function lieuDesAnomalies(g: AnomaliesGroupees): string {
  const cellules =
    g.cellules.length > 3
      ? `${g.cellules.length} cellules, de ${g.cellules[0]} à ${g.cellules.at(-1)}`
      : g.cellules.length > 1
        ? `cellules ${g.cellules.join(', ')}`
        : g.cellules[0]
          ? `cellule ${g.cellules[0]}`
          : '';
  return [g.feuille && `feuille ${g.feuille}`, cellules].filter(Boolean).join(', ');
}

export interface Releve {
  fichier: string;
  /** true when the file was recognised as an AGOrA workbook and read */
  lu: boolean;
  /** the students the file's grids are about, positioned or not: a blank grid still names one of the class */
  eleves: IdentiteEleve[];
  preuves: Preuve[];
  semaines: SemainesPfmp[];
  notes: NoteCcf[];
  anomalies: Anomalie[];
}

export const releveVide = (fichier: string): Releve => ({ fichier, lu: false, eleves: [], preuves: [], semaines: [], notes: [], anomalies: [] });
