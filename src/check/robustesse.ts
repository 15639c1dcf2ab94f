import { adresseDansPlage, type PlageLue } from '../sheets/exercices/lecture';
import { Hasard } from '../domain/cas/hasard';

/**
 * Do the student's formulas follow the data? The check puts a second case into the copy: the same
 * structure, other numbers (each number of the énoncé and of « Paramètres » moved a little, the
 * case still valid), lets the spreadsheet recalculate, and compares each formula that was right with
 * that case's expected value. A formula right on the student's case and wrong on the second one does
 * not follow the data: a value typed into it, or upstream.
 * Which input it ignores is found in as few recalculations as the inputs need, all of them made in
 * one go: for each bit b of the inputs' numbers (0 to k − 1), one round changes the inputs whose bit
 * b is 1 and another those whose bit b is 0. A formula that ignores input j is wrong in exactly one
 * round of each pair, the one that changes j: the pairs spell j in binary. Wrong in both rounds of a
 * pair, it ignores more than one input; in neither, the data interplay and no single input is named.
 * 2 × ceil(log2 k) rounds for k inputs.
 */

/** A typed cell of a named range of « Énoncé » or « Paramètres ». */
export interface CelluleDuCas {
  nom: string; // the defined name of its range
  ligne: number; // offsets in the range
  colonne: number;
  cellule: string; // « Paramètres!C6 »
}

/**
 * A number of the case and every cell that holds it: equal numbers move together, so that what
 * the case groups by value stays grouped (the lines at 20 % of TVA and the rate of 20 % in
 * « Paramètres »).
 */
export interface EntreeDuCas {
  valeur: number;
  cellules: CelluleDuCas[];
}

/** The typed numbers of the named ranges `noms` (not a formula, not a cell covered by a merge, not 0: a 0 often means « none », and its row would change the case's shape), by value. */
export function entreesDuCas(noms: readonly string[], plage: (nom: string) => PlageLue | undefined): EntreeDuCas[] {
  const parValeur = new Map<number, CelluleDuCas[]>();
  for (const nom of noms) {
    const p = plage(nom);
    if (!p) continue;
    p.valeurs.forEach((l, i) =>
      l.forEach((v, j) => {
        if (typeof v !== 'number' || v === 0 || p.formules?.[i]?.[j] || p.couvertes?.[i]?.[j]) return;
        const liste = parValeur.get(v) ?? [];
        liste.push({ nom, ligne: i, colonne: j, cellule: `${p.feuille}!${adresseDansPlage(p, i, j)}` });
        parValeur.set(v, liste);
      }),
    );
  }
  return [...parValeur.entries()].map(([valeur, cellules]) => ({ valeur, cellules }));
}

const decimales = (v: number) => {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(4, s.length - i - 1);
};

/**
 * The second case's value of each input (attempt `essai`: another draw, and from the third attempt
 * on, fewer inputs moved, when a draw made a case that does not hold). An integer moves by 1 or 2, a
 * decimal by 3 to 12 %, kept to its decimals (at least the cent); the sign is kept.
 */
export function perturbation(entrees: readonly EntreeDuCas[], essai: number): number[] {
  // seeded: the same copy gets the same second case
  const h = new Hasard(0x5eed + essai * 7919);
  const r = () => h.suivant();
  const part = essai < 2 ? 1 : Math.max(0.25, 1 - essai * 0.1);
  return entrees.map((e) => {
    if (r() > part) return e.valeur;
    if (Number.isInteger(e.valeur)) return e.valeur + Math.sign(e.valeur) * (1 + Math.floor(r() * 2));
    const d = Math.max(2, decimales(e.valeur));
    const x = e.valeur * (1 + 0.03 + r() * 0.09);
    return Math.round(x * 10 ** d) / 10 ** d;
  });
}

/** How many bits number k inputs: the naming rounds are twice as many. */
export const bitsPourNommer = (k: number) => (k > 1 ? Math.ceil(Math.log2(k)) : k);

/** Whether input i (0-based) is changed in naming round t: rounds 2b and 2b + 1 change the inputs whose bit b is 1, then 0. */
export const changeeAuTour = (i: number, t: number) => ((i >> (t >> 1)) & 1) === (t % 2 === 0 ? 1 : 0);

/**
 * The ranges as the copy would read with new values for some inputs: each changed input's cell
 * holds its new value, everything else is the copy's own.
 */
export function plagesChangees(plage: (nom: string) => PlageLue | undefined, entrees: readonly EntreeDuCas[], valeurs: readonly (number | null)[]): (nom: string) => PlageLue | undefined {
  const parNom = new Map<string, { e: CelluleDuCas; v: number }[]>();
  entrees.forEach((x, i) => {
    const v = valeurs[i];
    if (v === null || v === undefined || v === x.valeur) return;
    for (const e of x.cellules) {
      const liste = parNom.get(e.nom.toUpperCase()) ?? [];
      liste.push({ e, v });
      parNom.set(e.nom.toUpperCase(), liste);
    }
  });
  return (nom) => {
    const p = plage(nom);
    const changes = parNom.get(nom.toUpperCase());
    if (!p || !changes) return p;
    const lignes = p.valeurs.map((l) => [...l]);
    for (const { e, v } of changes) lignes[e.ligne]![e.colonne] = v;
    return { ...p, valeurs: lignes };
  };
}

/** The input a formula ignores, from whether it was wrong in each naming round (null: a round not played); null when no single input explains it. */
export function entreeIgnoree(faussesAuxTours: readonly (boolean | null)[], entrees: readonly EntreeDuCas[]): EntreeDuCas | null {
  let j = 0;
  for (let b = 0; 2 * b + 1 < faussesAuxTours.length; b++) {
    const [un, zero] = [faussesAuxTours[2 * b], faussesAuxTours[2 * b + 1]];
    if (un === null || zero === null || un === zero || un === undefined || zero === undefined) return null;
    if (un) j += 1 << b;
  }
  return j < entrees.length ? entrees[j]! : null;
}
