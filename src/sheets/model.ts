/**
 * Declarative workbook model: what a sheet contains, independent of the host that renders it
 * (exceljs for .xlsx files, Office.js for the open workbook). Pure data, no I/O.
 *
 * A string is always written as text, even when it starts with "=", "+", "-" or "@":
 * only a `{ formule }` cell becomes a formula. This is what keeps strings read from files
 * (student names, case data) from ever being written as formulas. A `{ date }` is a calendar
 * date (AAAA-MM-JJ), written as a date serial so that the cell's date format applies. A formula may
 * carry the result it is known to give (`resultat`), saved with it for the readers that do not
 * recalculate; Excel recalculates on opening anyway.
 */
export type Valeur = string | number | boolean | null | { formule: string; resultat?: number | string | boolean } | { date: string };

export interface Style {
  gras?: boolean;
  italique?: boolean;
  taille?: number;
  couleur?: string; // font colour, RRGGBB
  fond?: string; // fill colour, RRGGBB
  alignement?: 'gauche' | 'centre' | 'droite';
  vertical?: 'haut' | 'milieu';
  retourLigne?: boolean;
  souligne?: boolean; // a link
  rotation?: 90; // text read bottom to top (a narrow column's long header)
  reduire?: boolean; // shrink to fit: a text of unknown length (a formula's) in a cell of fixed size
  bordure?: boolean;
  format?: string; // Excel number format
  saisie?: boolean; // input cell: left unlocked when the sheet is protected
}

export interface Cellule {
  valeur: Valeur;
  style?: Style;
}

export interface Ligne {
  cellules: (Cellule | null)[];
  hauteur?: number; // points
  avecSuivante?: boolean; // printed on the same page as the next row (see pagination.ts)
}

export interface MiseEnPage {
  orientation: 'portrait' | 'paysage';
  ajusterLargeur: boolean; // fit to one page wide
  lignesRepetees?: [number, number]; // 1-based rows repeated at the top of each page
  colonnesRepetees?: [number, number]; // 1-based columns repeated at the left of each page
  echelle?: number; // percent, when not fitted to one page wide
  piedDePage?: string; // Excel header/footer codes (&P, &N…)
  enTete?: string;
  zoneImpression?: string; // A1-style; leaves helper columns out of the printout
  sautsDePage?: number[]; // 1-based rows that start a page (see pagination.ts)
}

/**
 * A drop-down list: the items of a defined name (so it follows edits of « Paramètres »), fixed items,
 * or those of a formula (INDIRECT of a name, for a sheet inserted from a file: see io/office/horsDuFichier).
 */
export type Liste = { nom: string } | { elements: string[] } | { formule: string };

/** A rule on one block (never whole columns): a drop-down list, or a number between bounds. */
export type Validation = { plage: string; message: string } & ({ liste: Liste } | { minimum: number; maximum?: number });

/** Fill applied where `formule` (written for the range's top-left cell) is true. */
export interface MiseEnFormeConditionnelle {
  plage: string;
  formule: string;
  fond: string;
  couleur?: string;
}

/**
 * A chart over the sheet's own cells. Only the Office.js adapter draws it (exceljs cannot write
 * charts): a workbook written by the CLI keeps the data and goes without the picture.
 */
export interface Graphique {
  titre: string;
  type: 'barresEmpilees' | 'histogramme';
  /** the values with their header row: one series per column, named by its header */
  donnees: string;
  /** the category labels, one per data row */
  categories: string;
  /** the cells the chart covers */
  position: string;
  /** fixed value axis (levels 0 to 4), otherwise Excel's automatic one */
  axe?: { minimum: number; maximum: number };
}

export interface Feuille {
  nom: string;
  largeurs: number[]; // column widths in characters
  colonnesMasquees?: number[]; // 0-based indexes of helper columns
  colonnesSources?: number[]; // legal sources, for the teacher: shown in the corrigé, hidden in the student's copy
  lignes: Ligne[];
  fusions: string[]; // A1-style ranges
  figer?: { lignes: number; colonnes: number };
  miseEnPage: MiseEnPage;
  etat?: 'visible' | 'tresCachee';
  validations?: Validation[];
  misesEnForme?: MiseEnFormeConditionnelle[];
  protegee?: boolean; // protected without password: only `saisie` cells can be edited
  /** an Excel table (filter buttons, banded rows) over rows `entete` (its header) to `derniere`, from column A */
  tableau?: { nom: string; entete: number; derniere: number; colonnes: number };
  graphiques?: Graphique[];
  /** data rows after `lignes`, produced on demand (see `SuiteDeLignes`) */
  suite?: SuiteDeLignes;
}

/**
 * Rows that follow a sheet's `lignes`: values only, one style per column, default height. A class's
 * « Détail » has a hundred thousand of them; built as cell objects they would cost more memory than
 * reading every file, so renderers draw them from `lignes()` as they write.
 */
export interface SuiteDeLignes {
  nombre: number;
  styles: (Style | undefined)[];
  lignes: () => Iterable<Valeur[]>;
}

/** A workbook-scoped defined name: how checking and consolidation find a block after rows move. */
export interface NomDefini {
  nom: string;
  feuille: string;
  plage: string; // A1-style, without sheet or $
}

export interface Classeur {
  titre: string;
  feuilles: Feuille[];
  noms?: NomDefini[];
  /** an addition to a workbook that has its `_agora` already: the rows its table gains */
  ajoutAgora?: (string | null)[][];
}

/** `A1`-style corners, 1-based; a whole column or row range spans the sheet. */
export interface Zone {
  haut: number;
  gauche: number;
  bas: number;
  droite: number;
}

/** Excel's grid: 1 048 576 rows, columns A to XFD. */
export const LIGNES_MAX = 1_048_576;
export const COLONNES_MAX = 16_384;

/** « B3 », « B3:D9 », « A:C », « 4:4 » (with or without $) → corners; undefined if it is not an address. */
export function zone(adresse: string): Zone | undefined {
  const a = adresse.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const [h, g] = [Number(m[2]), numeroColonne(m[1]!)];
    const z = { haut: h, gauche: g, bas: m[4] ? Number(m[4]) : h, droite: m[3] ? numeroColonne(m[3]) : g };
    return z.haut >= 1 && z.bas >= z.haut && z.droite >= z.gauche && z.bas <= LIGNES_MAX && z.droite <= COLONNES_MAX ? z : undefined;
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) return { haut: 1, gauche: numeroColonne(m[1]!), bas: LIGNES_MAX, droite: numeroColonne(m[2]!) };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { haut: Number(m[1]), gauche: 1, bas: Number(m[2]), droite: COLONNES_MAX };
  return undefined;
}

/** How many cells a zone covers. */
export const aire = (z: Zone) => (z.bas - z.haut + 1) * (z.droite - z.gauche + 1);

/** The values a range of a sheet model holds (`A6:D59`), as a reader of the written file would get them back. */
export function valeursDuModele(f: Feuille, plage: string): Valeur[][] {
  const z = zone(plage)!;
  return Array.from({ length: z.bas - z.haut + 1 }, (_, i) => Array.from({ length: z.droite - z.gauche + 1 }, (_, j) => f.lignes[z.haut - 1 + i]?.cellules[z.gauche - 1 + j]?.valeur ?? null));
}

/** The number format of each column of a range's first row (an answer's cells, as « Travail » formats them). */
export function formatsDuModele(f: Feuille, plage: string): (string | null)[] {
  const z = zone(plage)!;
  return Array.from({ length: z.droite - z.gauche + 1 }, (_, j) => f.lignes[z.haut - 1]?.cellules[z.gauche - 1 + j]?.style?.format ?? null);
}

/** Defined-name syntax: a letter or _ first, then letters, digits, _ or . ; never a cell address. */
export function nomDefiniValide(nom: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(nom) && !/^[A-Za-z]{1,3}[0-9]+$/.test(nom) && !/^[RrCc]$/.test(nom);
}

/** Every name valid and none twice (Excel compares names without case): a generator bug fails loudly. */
export function verifierNomsDefinis(noms: readonly NomDefini[]): void {
  const vus = new Set<string>();
  for (const n of noms) {
    if (!nomDefiniValide(n.nom)) throw new Error(`Nom défini invalide : ${n.nom}`);
    if (vus.has(n.nom.toUpperCase())) throw new Error(`Nom défini en double : ${n.nom}`);
    vus.add(n.nom.toUpperCase());
  }
}

/** A column width in characters (exceljs, .xlsx) in points (Office.js): 7 px per character + 5 px padding, 0.75 pt per px. */
export const largeurEnPoints = (caracteres: number) => Math.round((caracteres * 7 + 5) * 0.75 * 100) / 100;

/** `'Feuille 1'`: a sheet name quoted as a formula needs it (inner apostrophes doubled). */
export const feuilleCitee = (feuille: string) => `'${feuille.replace(/'/g, "''")}'`;

/** `A1:B2` → `$A$1:$B$2`. */
export const plageAbsolue = (plage: string) =>
  plage
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2'))
    .join(':');

/** `'Feuille 1'!$A$1:$B$2`: absolute reference with the sheet name quoted as Excel wants. */
export const referenceAbsolue = (feuille: string, plage: string) => `${feuilleCitee(feuille)}!${plageAbsolue(plage)}`;

/** Excel letters → 1-based column number (A → 1, AA → 27): the inverse of `lettreColonne`, plus one. */
export function numeroColonne(lettres: string): number {
  let n = 0;
  for (let i = 0; i < lettres.length; i++) n = n * 26 + lettres.charCodeAt(i) - 64;
  return n;
}

/** 0-based column index → Excel letters (0 → A, 26 → AA). */
export function lettreColonne(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// A column "character" holds about 1.1 average glyphs of 10-pt text (measured on LibreOffice's
// rendering, whose fallback font is wider than Calibri, so Excel shows a little spare room).
const GLYPHES_PAR_CARACTERE = 1.1;
const HAUTEUR_LIGNE_TEXTE = 12.75; // points per text line at 10 pt

/**
 * Row height that shows every wrapped line: hosts do not grow rows written by a file generator,
 * so the model states the height. `largeurs` are the widths the cell text flows into (a merged
 * range counts as the sum of its columns).
 */
export function hauteurPourTextes(textes: { texte: string; largeur: number; taille?: number }[]): number {
  let lignes = 1;
  let taille = 0;
  for (const t of textes) {
    const echelle = (t.taille ?? 10) / 10;
    const parLigne = Math.max(1, Math.floor((t.largeur * GLYPHES_PAR_CARACTERE) / echelle) - 1);
    const n = t.texte.split('\n').reduce((acc, p) => acc + Math.max(1, Math.ceil(p.length / parLigne)), 0);
    if (n > lignes) lignes = n;
    taille = Math.max(taille, t.taille ?? 10);
  }
  if (taille === 0) taille = 10;
  return Math.ceil(lignes * HAUTEUR_LIGNE_TEXTE * (taille / 10) + 4);
}
