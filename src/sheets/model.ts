/**
 * Declarative workbook model: what a sheet contains, independent of the host that renders it
 * (exceljs for .xlsx files, Office.js for the open workbook). Pure data, no I/O.
 *
 * A string is always written as text, even when it starts with "=", "+", "-" or "@":
 * only a `{ formule }` cell becomes a formula. This is what keeps strings read from files
 * (student names, case data) from ever being written as formulas.
 */
export type Valeur = string | number | boolean | null | { formule: string };

export interface Style {
  gras?: boolean;
  italique?: boolean;
  taille?: number;
  couleur?: string; // font colour, RRGGBB
  fond?: string; // fill colour, RRGGBB
  alignement?: 'gauche' | 'centre' | 'droite';
  vertical?: 'haut' | 'milieu';
  retourLigne?: boolean;
  bordure?: boolean;
  format?: string; // Excel number format
}

export interface Cellule {
  valeur: Valeur;
  style?: Style;
}

export interface Ligne {
  cellules: (Cellule | null)[];
  hauteur?: number; // points
}

export interface MiseEnPage {
  orientation: 'portrait' | 'paysage';
  ajusterLargeur: boolean; // fit to one page wide
  lignesRepetees?: [number, number]; // 1-based rows repeated at the top of each page
  piedDePage?: string; // Excel header/footer codes (&P, &N…)
  enTete?: string;
}

export interface Feuille {
  nom: string;
  largeurs: number[]; // column widths in characters
  lignes: Ligne[];
  fusions: string[]; // A1-style ranges
  figer?: { lignes: number; colonnes: number };
  miseEnPage: MiseEnPage;
  etat?: 'visible' | 'tresCachee';
}

export interface Classeur {
  titre: string;
  feuilles: Feuille[];
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
