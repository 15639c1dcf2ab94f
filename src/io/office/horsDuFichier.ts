import { lettreColonne, type Classeur, type Feuille, type Ligne } from '../../sheets/model';

/**
 * What a file cannot carry into the open workbook. insertWorksheetsFromBase64 rewrites a reference
 * to anything outside the file's own sheets and names as an external link to the file
 * (OfficeDev/office-js#2809): the grids added to a workbook that has them refer to its « Paramètres »
 * names, and would point at a file that no longer exists. So, before the model becomes a file:
 * - a cell formula that refers outside is left out of the file and written after the insertion, in
 *   the same request, as a range write would write it (Excel then resolves it in the open workbook);
 * - a conditional format or a drop-down list that names a name outside refers to it through
 *   INDIRECT("nom"), resolved where the sheet lives (written after, each would cost a kilobyte of
 *   request per rule, a hundred per student). Both are evaluated only when shown, so INDIRECT's
 *   volatility costs no recalculation.
 */

/** A reference a formula makes: a defined name, or a sheet (`feuille`), with where it stands in the text. */
export interface Reference {
  nom: string;
  feuille: boolean;
  debut: number;
  fin: number;
}

const MOT = /[\p{L}\p{N}_.\\$]/u;
const CELLULE = /^\$?[A-Z]{1,3}\$?\d+$/i;
const COLONNE_OU_LIGNE = /^\$?([A-Z]{1,3}|\d+)$/i;
const LOGIQUE = /^(TRUE|FALSE)$/i;

/**
 * The names and sheets a formula (in Excel's English syntax, as the models write them) refers to:
 * strings, functions, cells, whole columns or rows and what follows a sheet's « ! » are not names.
 */
export function references(formule: string): Reference[] {
  const res: Reference[] = [];
  const n = formule.length;
  let i = 0;
  while (i < n) {
    const c = formule[i]!;
    if (c === '"' || c === "'") {
      // a string, or a quoted sheet name; a doubled quote stays inside
      let j = i + 1;
      while (j < n && (formule[j] !== c || formule[j + 1] === c)) j += formule[j] === c ? 2 : 1;
      if (c === "'") res.push({ nom: formule.slice(i + 1, j).replace(/''/g, "'"), feuille: true, debut: i, fin: j + 1 });
      i = j + 1;
    } else if (MOT.test(c) && !/[\d.]/.test(c)) {
      let j = i;
      while (j < n && MOT.test(formule[j]!)) j++;
      const mot = formule.slice(i, j);
      const apres = formule[j];
      const qualifie = formule[i - 1] === '!';
      if (apres === '!') res.push({ nom: mot, feuille: true, debut: i, fin: j });
      else if (apres !== '(' && !qualifie && !CELLULE.test(mot) && !LOGIQUE.test(mot) && !(COLONNE_OU_LIGNE.test(mot) && (apres === ':' || formule[i - 1] === ':')))
        res.push({ nom: mot, feuille: false, debut: i, fin: j });
      i = j;
    } else if (/\d/.test(c)) {
      // a number (exponent included) or a row of a row range: never a name
      let j = i;
      while (j < n && /[\d.]/.test(formule[j]!)) j++;
      if (/[eE]/.test(formule[j] ?? '') && /[-+\d]/.test(formule[j + 1] ?? '')) for (j += 2; j < n && /\d/.test(formule[j]!);) j++;
      i = j;
    } else i++;
  }
  return res;
}

/** Cell formulas to write once the file is in: a block of cells (`adresse`), its formulas row by row. */
export interface FormulesApres {
  feuille: string;
  adresse: string;
  formules: string[][];
}

export interface ModelePourFichier {
  /** the model as the file carries it: the model itself when nothing refers outside */
  fichier: Classeur;
  formules: FormulesApres[];
}

/** Formulas on rows `haut` to `bas`, columns `gauche` to `droite` (0-based), as they are gathered. */
interface Bloc {
  haut: number;
  bas: number;
  gauche: number;
  droite: number;
  formules: string[][];
}
const bloc = (feuille: string, b: Bloc): FormulesApres => ({
  feuille,
  adresse: `${lettreColonne(b.gauche)}${b.haut + 1}:${lettreColonne(b.droite)}${b.bas + 1}`,
  formules: b.formules,
});

/**
 * The model split for a file insertion: `null` when it cannot go as a file (a name it defines, a
 * conditional format or a list refers to another sheet of the workbook, which INDIRECT would freeze).
 * Rows of a `suite` are not examined: only the class workbook has them, and it is never an addition.
 */
export function modelePourFichier(c: Classeur): ModelePourFichier | null {
  const noms = new Set((c.noms ?? []).map((x) => x.nom.toUpperCase()));
  const feuilles = new Set(c.feuilles.map((f) => f.nom.toUpperCase()));
  if ((c.noms ?? []).some((x) => !feuilles.has(x.feuille.toUpperCase()))) return null;
  const dehors = (r: Reference) => !(r.feuille ? feuilles : noms).has(r.nom.toUpperCase());
  /** Each name outside read through INDIRECT; null when a sheet outside is referred to. */
  const indirect = (formule: string): string | null => {
    const refs = references(formule).filter(dehors);
    if (refs.some((r) => r.feuille)) return null;
    let res = formule;
    for (const r of refs.reverse()) res = `${res.slice(0, r.debut)}INDIRECT("${r.nom}")${res.slice(r.fin)}`;
    return res;
  };
  const formules: FormulesApres[] = [];
  let change = false;
  const nouvelles: Feuille[] = [];
  for (const f of c.feuilles) {
    let lignes: Ligne[] = f.lignes;
    // runs of formula cells on a row, stacked into blocks while the rows below run over the same columns
    let blocs: Bloc[] = [];
    f.lignes.forEach((l, i) => {
      let cellules = l.cellules;
      const runs: { gauche: number; droite: number; formules: string[] }[] = [];
      l.cellules.forEach((x, j) => {
        const v = x?.valeur;
        if (!v || typeof v !== 'object' || !('formule' in v) || !references(v.formule).some(dehors)) return;
        if (cellules === l.cellules) cellules = [...l.cellules];
        cellules[j] = { ...x, valeur: null };
        const formule = v.formule.startsWith('=') ? v.formule : `=${v.formule}`;
        const run = runs[runs.length - 1];
        if (run && run.droite === j - 1) ((run.droite = j), run.formules.push(formule));
        else runs.push({ gauche: j, droite: j, formules: [formule] });
      });
      const suivants: Bloc[] = [];
      for (const run of runs) {
        const b = blocs.find((x) => x.bas === i - 1 && x.gauche === run.gauche && x.droite === run.droite);
        if (b) ((b.bas = i), b.formules.push(run.formules), suivants.push(b));
        else suivants.push({ haut: i, bas: i, gauche: run.gauche, droite: run.droite, formules: [run.formules] });
      }
      for (const b of blocs) if (!suivants.includes(b)) formules.push(bloc(f.nom, b));
      blocs = suivants;
      if (cellules !== l.cellules) {
        if (lignes === f.lignes) lignes = [...f.lignes];
        lignes[i] = { ...l, cellules };
      }
    });
    for (const b of blocs) formules.push(bloc(f.nom, b));
    const misesEnForme = f.misesEnForme?.map((m) => ({ ...m, formule: indirect(m.formule) }));
    if (misesEnForme?.some((m) => m.formule === null)) return null;
    const validations = f.validations?.map((v) => ('liste' in v && 'nom' in v.liste && !noms.has(v.liste.nom.toUpperCase()) ? { ...v, liste: { formule: `INDIRECT("${v.liste.nom}")` } } : v));
    const autre = lignes !== f.lignes || misesEnForme?.some((m, k) => m.formule !== f.misesEnForme![k]!.formule) || validations?.some((v, k) => v !== f.validations![k]);
    change ||= !!autre;
    nouvelles.push(autre ? { ...f, lignes, ...(misesEnForme ? { misesEnForme: misesEnForme as typeof f.misesEnForme } : {}), ...(validations ? { validations } : {}) } : f);
  }
  return { fichier: change ? { ...c, feuilles: nouvelles } : c, formules };
}
