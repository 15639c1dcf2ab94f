import { sautsDePage } from './pagination';
import { hauteurPourTextes, lettreColonne, type Cellule, type Feuille, type Ligne, type MiseEnPage, type Style, type Valeur } from './model';

export interface Bloc {
  valeur: Valeur;
  style?: Style;
  /** number of columns the cell spans (merged) */
  colonnes?: number;
}

/** Builds a sheet row by row, merging spans and sizing rows so that wrapped text is never cut. */
export class ConstructeurFeuille {
  private readonly lignes: Ligne[] = [];
  private readonly fusions: string[] = [];
  /** columns left out of a wrapped text's width: they are, or may be, hidden */
  private readonly horsLargeur = new Set<number>();

  /** `suite`: an existing sheet whose rows this one continues. */
  constructor(
    private readonly nom: string,
    private readonly largeurs: number[],
    suite?: Feuille,
  ) {
    if (suite) {
      this.lignes.push(...suite.lignes);
      this.fusions.push(...suite.fusions);
      this.masquables([...(suite.colonnesMasquees ?? []), ...(suite.colonnesSources ?? [])]);
    }
  }

  /** Columns that are or may be hidden: a text spanning them is sized for the width it keeps without them. */
  masquables(colonnes: number[]): this {
    for (const c of colonnes) this.horsLargeur.add(c);
    return this;
  }

  /** Adds a row; returns its 1-based number. */
  ligne(blocs: Bloc[], hauteurMin?: number): number {
    const numero = this.lignes.length + 1;
    const cellules: (Cellule | null)[] = [];
    const textes: { texte: string; largeur: number; taille?: number }[] = [];
    let col = 0;
    for (const b of blocs) {
      const span = b.colonnes ?? 1;
      const cellule: Cellule = b.style ? { valeur: b.valeur, style: b.style } : { valeur: b.valeur };
      cellules[col] = cellule;
      for (let k = 1; k < span; k++) cellules[col + k] = b.style ? { valeur: null, style: b.style } : null;
      if (span > 1) this.fusions.push(`${lettreColonne(col)}${numero}:${lettreColonne(col + span - 1)}${numero}`);
      // a rotated text runs along the row's height, which the caller sets
      if (typeof b.valeur === 'string' && b.valeur.length > 0 && !b.style?.rotation) {
        // a span keeps the width of its shown columns; a cell of a hidden column is sized for when it is shown
        const largeurs = this.largeurs.slice(col, col + span);
        const montrees = largeurs.reduce((a, w, k) => a + (this.horsLargeur.has(col + k) ? 0 : w), 0);
        const largeur = montrees || largeurs.reduce((a, w) => a + w, 0);
        textes.push({ texte: b.valeur, largeur: b.style?.retourLigne ? largeur : Number.POSITIVE_INFINITY, taille: b.style?.taille });
      }
      col += span;
    }
    const hauteur = Math.max(hauteurMin ?? 0, hauteurPourTextes(textes));
    this.lignes.push({ cellules, hauteur });
    return numero;
  }

  /** Rows added by `ajouter` print on one page (a heading with its box, a table with its header). */
  solidaires(ajouter: () => void): void {
    const debut = this.lignes.length;
    ajouter();
    for (let i = debut; i < this.lignes.length - 1; i++) this.lignes[i]!.avecSuivante = true;
  }

  /** The last row added prints on the same page as the next one (a band with its first row). */
  avecLaSuivante(): void {
    this.lignes[this.lignes.length - 1]!.avecSuivante = true;
  }

  vide(): number {
    this.lignes.push({ cellules: [], hauteur: 8 });
    return this.lignes.length;
  }

  get nombreDeLignes(): number {
    return this.lignes.length;
  }

  /** `colonnesMasquees`: left out of the printed width when the page breaks are laid out. */
  feuille(miseEnPage: MiseEnPage, figer?: { lignes: number; colonnes: number }, colonnesMasquees?: number[]): Feuille {
    const base = { nom: this.nom, largeurs: this.largeurs, lignes: this.lignes, fusions: this.fusions, miseEnPage, ...(figer ? { figer } : {}), ...(colonnesMasquees ? { colonnesMasquees } : {}) };
    const sauts = sautsDePage(base);
    return sauts.length ? { ...base, miseEnPage: { ...miseEnPage, sautsDePage: sauts } } : base;
  }
}

/** One item a line, each preceded by a bullet: how lists read in a printed grid. */
export function puces(items: readonly string[]): string {
  return items.map((i) => `• ${i}`).join('\n');
}
