import type { Attendus } from '../../src/sheets/exercices/commun';
import { zone, type ClasseurMemoire } from '../../src/io/memory/classeurMemoire';
import { serieExcel } from '../../src/domain/dates';

/**
 * Enters answers into the in-memory workbook by defined name, as `remplirClasseur` does in a file:
 * a list cell by cell (row by row when the range is wide), a table row by row, skipping the cells a
 * merged range covers. Numbers stay numbers, an ISO date becomes its serial, other strings are text.
 */
export function remplirMemoire(c: ClasseurMemoire, valeurs: Attendus): void {
  for (const [nom, v] of Object.entries(valeurs)) {
    const cible = c.cibleDuNom(nom);
    if (!cible) throw new Error(`nom défini ${nom} introuvable`);
    const f = c.feuille(cible.feuille)!;
    const { haut, gauche } = cible.z;
    const largeur = cible.z.droite - gauche + 1;
    const couverte = (l: number, k: number) =>
      f.fusions.some((m) => {
        const z = zone(m)!;
        return l >= z.haut && l <= z.bas && k >= z.gauche && k <= z.droite && !(l === z.haut && k === z.gauche);
      });
    const colonne = (l: number, j: number) => {
      let k = gauche;
      for (let vus = -1; ; k++) {
        if (!couverte(l, k)) vus++;
        if (vus === j) return k;
      }
    };
    const ecrire = (l: number, k: number, x: unknown) => {
      const cell = c.cellule(f, l, k);
      delete cell.formule;
      cell.valeur = typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? serieExcel(x) : ((x ?? null) as string | number | boolean | null);
    };
    if (!Array.isArray(v)) ecrire(haut, gauche, v);
    else
      v.forEach((x, i) => {
        if (Array.isArray(x)) x.forEach((y, j) => ecrire(haut + i, colonne(haut + i, j), y));
        else if (largeur > 1) ecrire(haut + Math.floor(i / largeur), gauche + (i % largeur), x);
        else ecrire(haut + i, gauche, x);
      });
  }
}
