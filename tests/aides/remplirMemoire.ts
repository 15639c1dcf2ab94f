import type { Attendus } from '../../src/sheets/exercices/commun';
import type { ClasseurMemoire } from '../../src/io/memory/classeurMemoire';

const serie = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569;

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
        const [a, b] = m.split(':');
        const [x, y] = [/([A-Z]+)(\d+)/.exec(a!)!, /([A-Z]+)(\d+)/.exec(b ?? a!)!];
        const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return l >= +x[2]! && l <= +y[2]! && k >= col(x[1]!) && k <= col(y[1]!) && !(l === +x[2]! && k === col(x[1]!));
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
      cell.valeur = typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? serie(x) : ((x ?? null) as string | number | boolean | null);
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
