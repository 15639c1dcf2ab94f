import { parse, parseA1Ref, tokenize } from '@borgar/fx';
import { adresse, type ClasseurMemoire } from './classeurMemoire';
import { ajouterMois, dateDansMois, dateDeSerie, dernierJour, moisComplets, serieExcel } from '../../domain/dates';
import { ajouterJoursOuvres, joursOuvresEntre } from '../../domain/joursFeries';

/**
 * The in-memory Excel's recalculation: a formula's value computed as Excel computes it, for the
 * functions a gestion exercise uses (arithmetic, comparisons, SUM, ROUND, MAX, MIN, IF, INDEX,
 * SUMIF, EOMONTH…). A function it does not know gives #NAME?, as in Excel without that function: a test can
 * never pass on a value the stand-in made up. Read by @borgar/fx's parser (MIT).
 */

export type Resultat = number | string | boolean | null | { erreur: string };
type Valeur = Resultat | Resultat[][];

const ERREUR = (e: string) => ({ erreur: e });
const estErreur = (v: unknown): v is { erreur: string } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'erreur' in v;

/** Excel's ROUND: half away from zero, on the decimal the number shows (2,675 → 2,68). */
export function arrondiExcel(x: number, d: number, sens: 'proche' | 'haut' | 'bas' = 'proche'): number {
  const p = 10 ** d;
  const a = Number((Math.abs(x) * p).toPrecision(15));
  const n = sens === 'proche' ? Math.round(a) : sens === 'haut' ? Math.ceil(a) : Math.floor(a);
  return (Math.sign(x) * n) / p;
}

interface Noeud {
  type: string;
  value?: unknown;
  kind?: string;
  operator?: string;
  name?: string;
  callee?: { name: string };
  arguments?: Noeud[];
  elements?: Noeud[][];
}

const arbres = new Map<string, Noeud>();
function arbre(formule: string): Noeud {
  let a = arbres.get(formule);
  if (!a) arbres.set(formule, (a = parse(tokenize(formule, { mergeRefs: true }), { permitArrayRanges: true }) as unknown as Noeud));
  return a;
}

/** A scalar of a value: a one-cell range is its cell; a wider one is #VALUE!. */
function scalaire(v: Valeur): Resultat {
  if (!Array.isArray(v)) return v;
  return v.length === 1 && v[0]!.length === 1 ? v[0]![0]! : ERREUR('#VALUE!');
}

function nombre(v: Resultat): number | { erreur: string } {
  if (estErreur(v)) return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== '' ? n : ERREUR('#VALUE!');
}

/** A sum as Excel keeps it: to 15 significant digits (62,2 + 18,35 is 80,55, not 80,55000000000001). */
const quinze = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(15)) : x);

const aplatir = (v: Valeur[]): Resultat[] => v.flatMap((x) => (Array.isArray(x) ? x.flat() : [x]));

/** The numbers of SUM, MAX, MIN…: in a range, only numbers count (texts and empties are skipped); typed as an argument, a text is converted. */
function nombresDe(args: Valeur[]): number[] | { erreur: string } {
  const res: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const x of a.flat()) {
        if (estErreur(x)) return x;
        if (typeof x === 'number') res.push(x);
      }
      continue;
    }
    const n = nombre(a);
    if (estErreur(n)) return n;
    res.push(n);
  }
  return res;
}

/** A SUMIF / COUNTIF criterion: « >0 », « <>Oui », « Oui », 20. */
function critere(c: Resultat): (v: Resultat) => boolean {
  if (typeof c === 'number') return (v) => v === c;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(String(c ?? ''))!;
  const [op, texte] = [m[1] ?? '=', m[2]!];
  const n = Number(texte);
  const numerique = texte.trim() !== '' && Number.isFinite(n);
  return (v) => {
    if (numerique && typeof v === 'number') return op === '=' ? v === n : op === '<>' ? v !== n : op === '<' ? v < n : op === '>' ? v > n : op === '<=' ? v <= n : v >= n;
    const s = String(v ?? '').toLowerCase();
    const t = texte.toLowerCase();
    return op === '=' ? s === t : op === '<>' ? s !== t : false;
  };
}

type Fonction = (args: Valeur[]) => Valeur;

const FONCTIONS: Record<string, Fonction> = {
  SUM: (a) => {
    const n = nombresDe(a);
    return estErreur(n) ? n : quinze(n.reduce((s, x) => s + x, 0));
  },
  MAX: (a) => {
    const n = nombresDe(a);
    return estErreur(n) ? n : n.length ? Math.max(...n) : 0;
  },
  MIN: (a) => {
    const n = nombresDe(a);
    return estErreur(n) ? n : n.length ? Math.min(...n) : 0;
  },
  AVERAGE: (a) => {
    const n = nombresDe(a);
    return estErreur(n) ? n : n.length ? n.reduce((s, x) => s + x, 0) / n.length : ERREUR('#DIV/0!');
  },
  COUNT: (a) => aplatir(a).filter((x) => typeof x === 'number').length,
  COUNTA: (a) => aplatir(a).filter((x) => x !== null && x !== '').length,
  ROUND: (a) => arrondir(a, 'proche'),
  ROUNDUP: (a) => arrondir(a, 'haut'),
  ROUNDDOWN: (a) => arrondir(a, 'bas'),
  INT: (a) => {
    const n = nombre(scalaire(a[0] ?? null));
    return estErreur(n) ? n : Math.floor(n);
  },
  ABS: (a) => {
    const n = nombre(scalaire(a[0] ?? null));
    return estErreur(n) ? n : Math.abs(n);
  },
  MOD: (a) => {
    const [x, y] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(y)) return y;
    return y === 0 ? ERREUR('#DIV/0!') : x - y * Math.floor(x / y);
  },
  IF: (a) => {
    const c = scalaire(a[0] ?? null);
    if (estErreur(c)) return c;
    const vrai = typeof c === 'string' ? c !== '' : Boolean(c);
    return vrai ? (a[1] ?? true) : (a[2] ?? false);
  },
  IFERROR: (a) => (estErreur(scalaire(a[0] ?? null)) ? (a[1] ?? null) : (a[0] ?? null)),
  AND: (a) => aplatir(a).every((x) => Boolean(x)),
  OR: (a) => aplatir(a).some((x) => Boolean(x)),
  NOT: (a) => !scalaire(a[0] ?? null),
  INDEX: (a) => {
    const t = a[0];
    const grille = Array.isArray(t) ? t : [[t ?? null]];
    const [l, c] = [nombre(scalaire(a[1] ?? 1)), nombre(scalaire(a[2] ?? 1))];
    if (estErreur(l)) return l;
    if (estErreur(c)) return c;
    // one row or one column: the one number counts along it
    const [i, j] = grille.length === 1 && a.length === 2 ? [1, l] : [l, c];
    return grille[i - 1]?.[j - 1] ?? ERREUR('#REF!');
  },
  SUMIF: (a) => {
    const plage = aplatir([a[0] ?? null]);
    const somme = a[2] !== undefined ? aplatir([a[2]]) : plage;
    const ok = critere(scalaire(a[1] ?? null));
    return quinze(plage.reduce<number>((s, v, i) => s + (ok(v) && typeof somme[i] === 'number' ? (somme[i] as number) : 0), 0));
  },
  COUNTIF: (a) => aplatir([a[0] ?? null]).filter(critere(scalaire(a[1] ?? null))).length,
  // the serial number of the last day of the month `months` after the date's (a date is its serial number, as in Excel)
  EOMONTH: (a) => {
    const [x, m] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(m)) return m;
    return x < 1 ? ERREUR('#NUM!') : serieExcel(dernierJour(ajouterMois(dateDeSerie(x).slice(0, 7), Math.trunc(m))));
  },
  // a date's month moved by `months`, the day kept (at most the new month's last day), as Excel's EDATE
  EDATE: (a) => {
    const [x, m] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(m)) return m;
    return x < 1 ? ERREUR('#NUM!') : serieExcel(dateDansMois(dateDeSerie(x), Math.trunc(m)));
  },
  WORKDAY: (a) => {
    const [x, n] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(n)) return n;
    const feries = joursDe(a[2]);
    if (estErreur(feries)) return feries;
    return x < 1 ? ERREUR('#NUM!') : serieExcel(ajouterJoursOuvres(dateDeSerie(x), Math.trunc(n), feries));
  },
  NETWORKDAYS: (a) => {
    const [x, y] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(y)) return y;
    const feries = joursDe(a[2]);
    if (estErreur(feries)) return feries;
    return x < 1 || y < 1 ? ERREUR('#NUM!') : joursOuvresEntre(dateDeSerie(x), dateDeSerie(y), feries);
  },
  YEAR: (a) => partieDeDate(a, 0, 4),
  MONTH: (a) => partieDeDate(a, 5, 7),
  DAY: (a) => partieDeDate(a, 8, 10),
  // whole years, months or days from the first date to the second (« Y », « M », « D »), as DATEDIF counts them
  DATEDIF: (a) => {
    const [x, y] = [nombre(scalaire(a[0] ?? null)), nombre(scalaire(a[1] ?? null))];
    if (estErreur(x)) return x;
    if (estErreur(y)) return y;
    const unite = String(scalaire(a[2] ?? null) ?? '').toUpperCase();
    if (x > y || x < 1 || !['Y', 'M', 'D'].includes(unite)) return ERREUR('#NUM!');
    if (unite === 'D') return Math.floor(y) - Math.floor(x);
    const mois = moisComplets(dateDeSerie(x), dateDeSerie(y));
    return unite === 'M' ? mois : Math.floor(mois / 12);
  },
  SUMPRODUCT: (a) => {
    const listes = a.map((x) => aplatir([x]));
    const n = listes[0]?.length ?? 0;
    if (listes.some((l) => l.length !== n)) return ERREUR('#VALUE!');
    let s = 0;
    // as Excel: only numbers count; TRUE and FALSE are not numbers there (hence the « -- » of a condition)
    for (let i = 0; i < n; i++) s += listes.reduce((p, l) => p * (typeof l[i] === 'number' ? (l[i] as number) : 0), 1);
    return quinze(s);
  },
};

/** The holidays of WORKDAY and NETWORKDAYS: the dates of a range or a value (empty cells skipped). */
function joursDe(v: Valeur | undefined): Set<string> | { erreur: string } {
  const res = new Set<string>();
  for (const x of v === undefined ? [] : aplatir([v])) {
    if (estErreur(x)) return x;
    if (typeof x === 'number' && x >= 1) res.add(dateDeSerie(x));
  }
  return res;
}

/** The year, month or day of a date (its serial number), as YEAR, MONTH and DAY give them. */
function partieDeDate(a: Valeur[], debut: number, fin: number): Resultat {
  const x = nombre(scalaire(a[0] ?? null));
  if (estErreur(x)) return x;
  return x < 1 ? ERREUR('#NUM!') : Number(dateDeSerie(x).slice(debut, fin));
}

/** ROUND and its kin; on a range or an array (inside SUMPRODUCT), element by element, as Excel evaluates an array. */
function arrondir(a: Valeur[], sens: 'proche' | 'haut' | 'bas'): Valeur {
  const t = a[0];
  if (Array.isArray(t) && !(t.length === 1 && t[0]!.length === 1)) return t.map((l) => l.map((x) => arrondir([x, a[1] ?? 0], sens) as Resultat));
  const [x, d] = [nombre(scalaire(t ?? null)), nombre(scalaire(a[1] ?? 0))];
  if (estErreur(x)) return x;
  if (estErreur(d)) return d;
  return arrondiExcel(x, Math.trunc(d), sens);
}

function comparer(op: string, x: Resultat, y: Resultat): Resultat {
  if (estErreur(x)) return x;
  if (estErreur(y)) return y;
  const norm = (v: Resultat) => (v === null ? '' : typeof v === 'string' ? v.toLowerCase() : v);
  let [a, b] = [norm(x), norm(y)];
  // an empty cell compares as 0 with a number, as "" with a text
  if (a === '' && typeof b === 'number') a = 0;
  if (b === '' && typeof a === 'number') b = 0;
  const r = a === b ? 0 : typeof a === typeof b ? ((a as number | string) < (b as number | string) ? -1 : 1) : typeof a === 'number' ? -1 : 1;
  return op === '=' ? r === 0 : op === '<>' ? r !== 0 : op === '<' ? r < 0 : op === '>' ? r > 0 : op === '<=' ? r <= 0 : r >= 0;
}

function arithmetique(op: string, x: Resultat, y: Resultat): Resultat {
  if (op === '&') return estErreur(x) ? x : estErreur(y) ? y : `${x ?? ''}${y ?? ''}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) return comparer(op, x, y);
  const [a, b] = [nombre(x), nombre(y)];
  if (estErreur(a)) return a;
  if (estErreur(b)) return b;
  switch (op) {
    case '+':
      return quinze(a + b);
    case '-':
      return quinze(a - b);
    case '*':
      return a * b;
    case '/':
      return b === 0 ? ERREUR('#DIV/0!') : a / b;
    case '^':
      return a ** b;
    default:
      return ERREUR('#VALUE!');
  }
}

/** An element-wise operation where one side is a range (inside SUMPRODUCT, an array formula). */
function operer(op: string, x: Valeur, y: Valeur): Valeur {
  // one cell is a value beside a range, as in Excel
  const un = (v: Valeur) => (Array.isArray(v) && v.length === 1 && v[0]!.length === 1 ? v[0]![0]! : v);
  [x, y] = [un(x), un(y)];
  if (!Array.isArray(x) && !Array.isArray(y)) return arithmetique(op, x, y);
  const gx = Array.isArray(x) ? x : null;
  const gy = Array.isArray(y) ? y : null;
  const g = (gx ?? gy)!;
  return g.map((l, i) => l.map((_, j) => arithmetique(op, gx ? (gx[i]?.[j] ?? null) : (x as Resultat), gy ? (gy[i]?.[j] ?? null) : (y as Resultat))));
}

/** One reading's state: the cells being computed (a circular reference), and those computed already. */
export interface EtatCalcul {
  enCours: Set<string>;
  faites: Map<string, Resultat>;
  cycles: number; // circular references met: a value computed through one is not kept
}
export const nouveauCalcul = (): EtatCalcul => ({ enCours: new Set(), faites: new Map(), cycles: 0 });

/**
 * The value of the formula of cell (`l`, `k`) of sheet `feuille`, every cell it depends on computed
 * once in a reading (`etat`: one per reading, so that a new reading sees the cells as they now are);
 * a cell met again while it is being computed is a circular reference, 0 as Excel shows it.
 */
export function valeurCalculee(c: ClasseurMemoire, feuille: string, l: number, k: number, etat: EtatCalcul = nouveauCalcul()): Resultat {
  const f = c.feuille(feuille);
  const cellule = f?.cellules.get(adresse(l, k));
  if (!cellule) return null;
  if (!cellule.formule) return (cellule.valeur ?? null) as Resultat;
  const cle = `${f!.nom}!${adresse(l, k)}`;
  const deja = etat.faites.get(cle);
  if (deja !== undefined) return deja;
  if (etat.enCours.has(cle)) {
    etat.cycles++;
    return 0;
  }
  const cycles = etat.cycles;
  etat.enCours.add(cle);
  try {
    let a: Noeud;
    try {
      a = arbre(cellule.formule);
    } catch {
      return ERREUR('#NAME?');
    }
    const v = scalaire(evaluer(c, f!.nom, a, etat));
    if (etat.cycles === cycles) etat.faites.set(cle, v);
    return v;
  } finally {
    etat.enCours.delete(cle);
  }
}

function plage(c: ClasseurMemoire, feuille: string, z: { haut: number; gauche: number; bas: number; droite: number }, etat: EtatCalcul): Resultat[][] {
  const res: Resultat[][] = [];
  for (let l = z.haut; l <= z.bas; l++) {
    const r: Resultat[] = [];
    for (let k = z.gauche; k <= z.droite; k++) r.push(valeurCalculee(c, feuille, l, k, etat));
    res.push(r);
  }
  return res;
}

function evaluer(c: ClasseurMemoire, feuille: string, n: Noeud, etat: EtatCalcul): Valeur {
  switch (n.type) {
    case 'Literal':
      return n.value as Resultat;
    case 'ErrorLiteral':
      return ERREUR(String(n.value));
    case 'ReferenceIdentifier': {
      if (n.kind === 'name') {
        const cible = c.cibleDuNom(String(n.value));
        return cible ? plage(c, cible.feuille, cible.z, etat) : ERREUR('#NAME?');
      }
      const ref = parseA1Ref(String(n.value)) as { context?: string[]; range?: { top: number; left: number; bottom: number; right: number } } | null;
      if (!ref?.range) return ERREUR('#REF!');
      const f = ref.context?.[0] ?? feuille;
      if (!c.feuille(f)) return ERREUR('#REF!');
      const { top, left, bottom, right } = ref.range;
      return plage(c, f, { haut: top + 1, gauche: left + 1, bas: bottom + 1, droite: right + 1 }, etat);
    }
    case 'UnaryExpression': {
      const v = evaluer(c, feuille, n.arguments![0]!, etat);
      if (n.operator === '%') return operer('/', v, 100);
      if (n.operator === '-') return operer('*', v, -1);
      return v;
    }
    case 'ArrayExpression':
      return (n.elements ?? []).map((l) => l.map((x) => scalaire(evaluer(c, feuille, x, etat))));
    case 'BinaryExpression':
      return operer(n.operator!, evaluer(c, feuille, n.arguments![0]!, etat), evaluer(c, feuille, n.arguments![1]!, etat));
    case 'CallExpression': {
      const nom = n.callee!.name.toUpperCase().replace(/^_XLFN\./, '');
      const fn = FONCTIONS[nom];
      if (!fn) return ERREUR('#NAME?');
      const args = (n.arguments ?? []).map((x) => evaluer(c, feuille, x, etat));
      // an error in an argument stops the function, except where a function is there to catch it
      if (nom !== 'IFERROR' && nom !== 'IF') for (const x of args) if (!Array.isArray(x) && estErreur(x)) return x;
      return fn(args);
    }
    default:
      return ERREUR('#VALUE!');
  }
}
