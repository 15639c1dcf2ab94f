import { analyserReference } from '../xlsx/nomsDefinis';
import { lettreColonne, zone, type Zone } from '../../sheets/model';

/**
 * An in-memory workbook with Excel's behaviour where it matters to us: a value typed into a cell is
 * interpreted as Excel interprets it (« =… » becomes a formula, « 12 » a number, a leading apostrophe
 * keeps text as text), names and sheets are unique without regard to case. It is the host of the
 * task pane in a browser without Office, and the workbook behind the fake Office.js context of the tests.
 */

export type ValeurMemoire = string | number | boolean | null;

export type Bord = 'haut' | 'bas' | 'gauche' | 'droite';

export interface CelluleMemoire {
  valeur: ValeurMemoire; // a constant; null for a formula (nothing is computed here)
  formule?: string; // « =SUM(A1:A3) », English names as Office.js writes them
  texteForce?: boolean; // typed with a leading apostrophe
  format: string; // number format, « General » by default
  /** format properties by their Office.js path: « font.bold », « fill.color », « horizontalAlignment »… */
  style: Record<string, unknown>;
  bords: Partial<Record<Bord, string>>; // border style of each edge
}

export interface ValidationMemoire {
  plage: string;
  regle: Record<string, unknown>;
  alerte?: Record<string, unknown>;
}

export interface MiseEnFormeMemoire {
  plage: string;
  formule: string;
  fond?: string;
  couleur?: string;
}

/** A chart as Office.js was told to draw it: type, ranges, and the properties set (« title.text »…). */
export interface GraphiqueMemoire {
  type: string;
  source: string;
  seriesBy: string;
  categories?: string;
  position?: string;
  proprietes: Record<string, unknown>;
}

export interface FeuilleMemoire {
  nom: string;
  visibilite: 'Visible' | 'Hidden' | 'VeryHidden';
  cellules: Map<string, CelluleMemoire>; // by « A1 » address
  fusions: string[];
  validations: ValidationMemoire[];
  misesEnForme: MiseEnFormeMemoire[];
  tableaux: { nom: string; plage: string; style?: string }[];
  graphiques: GraphiqueMemoire[];
  largeurs: Map<number, number>; // column (1-based) → points
  masquees: Set<number>; // hidden columns
  hauteurs: Map<number, number>; // row → points
  figee?: string; // the frozen range, « A1:B4 »
  protegee: boolean;
  notes: Map<string, string>; // cell address → note
  miseEnPage: Record<string, unknown>;
}

export { zone, LIGNES_MAX, COLONNES_MAX, type Zone } from '../../sheets/model';

export const adresse = (l: number, c: number) => `${lettreColonne(c - 1)}${l}`;
export const adresseZone = (z: Zone) => (z.haut === z.bas && z.gauche === z.droite ? adresse(z.haut, z.gauche) : `${adresse(z.haut, z.gauche)}:${adresse(z.bas, z.droite)}`);

// What Excel turns into a number when typed in a cell with the General format (fr-FR and en-US digits).
const NOMBRE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*%?$/;

/**
 * A value typed or written through `values`/`formulas`, as Excel stores it: « '… » is text without
 * its apostrophe, « =… » (and « +… », « -… » that are not numbers) a formula, a numeric text a number,
 * « VRAI »/« TRUE » a boolean.
 */
export function saisie(v: unknown): Pick<CelluleMemoire, 'valeur' | 'formule' | 'texteForce'> {
  if (v === null || v === undefined || v === '') return { valeur: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { valeur: v };
  const s = String(v);
  if (s.startsWith("'")) return { valeur: s.slice(1), texteForce: true };
  if (NOMBRE.test(s.trim())) {
    const t = s.trim();
    const n = Number(t.replace('%', '').replace(',', '.').trim());
    return { valeur: t.endsWith('%') ? n / 100 : n };
  }
  if (/^[=+\-@]/.test(s)) return { valeur: null, formule: s.startsWith('=') ? s : `=${s}` };
  if (/^(VRAI|TRUE|FAUX|FALSE)$/i.test(s)) return { valeur: /^(VRAI|TRUE)$/i.test(s) };
  return { valeur: s };
}

export class ClasseurMemoire {
  /** A workbook as Excel makes a new one: one empty sheet « Feuil1 ». */
  static nouveau(): ClasseurMemoire {
    const c = new ClasseurMemoire();
    c.ajouterFeuille('Feuil1');
    return c;
  }

  readonly feuilles: FeuilleMemoire[] = [];
  private readonly index = new Map<string, FeuilleMemoire>(); // by upper-case name
  readonly noms = new Map<string, { nom: string; reference: string }>(); // by upper-case name
  active = '';
  selection = 'A1'; // in the active sheet
  nom = 'Classeur1';

  feuille(nom: string): FeuilleMemoire | undefined {
    return this.index.get(nom.toUpperCase());
  }

  ajouterFeuille(nom: string): FeuilleMemoire {
    const f: FeuilleMemoire = {
      nom,
      visibilite: 'Visible',
      cellules: new Map(),
      fusions: [],
      validations: [],
      misesEnForme: [],
      tableaux: [],
      graphiques: [],
      largeurs: new Map(),
      masquees: new Set(),
      hauteurs: new Map(),
      protegee: false,
      notes: new Map(),
      miseEnPage: {},
    };
    this.feuilles.push(f);
    this.index.set(nom.toUpperCase(), f);
    if (!this.active) this.active = nom;
    return f;
  }

  supprimerFeuille(nom: string): void {
    const i = this.feuilles.findIndex((f) => f.nom.toUpperCase() === nom.toUpperCase());
    if (i >= 0) this.feuilles.splice(i, 1);
    this.index.delete(nom.toUpperCase());
    if (this.active.toUpperCase() === nom.toUpperCase()) this.active = this.feuilles[0]?.nom ?? '';
  }

  /** Where a defined name points (« ='Feuille 1'!$A$1:$B$2 »), or null when it is broken or unknown. */
  cibleDuNom(nom: string): { feuille: string; z: Zone } | null {
    const ref = this.noms.get(nom.toUpperCase())?.reference;
    const cible = ref ? analyserReference(ref) : undefined;
    const f = cible && this.feuille(cible.feuille);
    return cible && f ? { feuille: f.nom, z: { haut: cible.haut, gauche: cible.gauche, bas: cible.bas, droite: cible.droite } } : null;
  }

  /** The smallest range holding every value of the sheet (every formatted cell too with `formats`), or null when it has none. */
  plageUtilisee(f: FeuilleMemoire, formats = false): Zone | null {
    let z: Zone | null = null;
    for (const [a, c] of f.cellules) {
      if (c.valeur === null && !c.formule && !formats) continue;
      const x = zone(a)!;
      z = z ? { haut: Math.min(z.haut, x.haut), gauche: Math.min(z.gauche, x.gauche), bas: Math.max(z.bas, x.bas), droite: Math.max(z.droite, x.droite) } : x;
    }
    return z;
  }

  /** The cell, created empty when absent. */
  cellule(f: FeuilleMemoire, l: number, c: number): CelluleMemoire {
    const a = adresse(l, c);
    let x = f.cellules.get(a);
    if (!x) f.cellules.set(a, (x = { valeur: null, format: 'General', style: {}, bords: {} }));
    return x;
  }

  /** What a user types into a cell (the browser harness's grid, the E2E test). */
  taper(feuille: string, a: string, texte: string): void {
    const f = this.feuille(feuille);
    const z = zone(a);
    if (!f || !z) throw new Error(`Cellule introuvable : ${feuille}!${a}`);
    const c = this.cellule(f, z.haut, z.gauche);
    delete c.formule;
    delete c.texteForce;
    Object.assign(c, saisie(texte));
  }
}
