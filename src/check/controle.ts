import type { Attendus, Reponse, ValeurAttendue } from '../sheets/exercices/commun';
import type { PlageLue, ValeurLue } from '../sheets/exercices/lecture';
import { arrondirA, lireSaisie, texteNormalise, type Saisie } from './saisie';

/**
 * One answer checked against its expected value. An answer is made of units — one cell, each cell
 * of a list, each row of a table — and each unit is right or not; the answer's verdict and its
 * share of the score follow from its units. A wrong unit that equals what a typical error would
 * give (a « variante » of the expected values) is diagnosed with that error's hint.
 */
export type Statut = 'juste' | 'faux' | 'non renseigné' | 'illisible' | 'introuvable';

export interface Variante {
  code: string;
  libelle: string;
  indice: string;
  attendus: Attendus;
}

/** Where a unit sits in the named range (0-based), to colour it: a cell, or a whole row. */
export interface Marque {
  ligne: number;
  colonne: number | null;
  juste: boolean;
}

export interface ErreurReconnue {
  code: string;
  libelle: string;
  indice: string;
  unites: string[]; // which pieces, months, rows… (empty for a single cell)
}

export interface Controle {
  nom: string;
  libelle: string;
  competence: string;
  critere: string;
  attendu: unknown;
  saisi: unknown;
  statut: Statut;
  diagnostic: string | null;
  erreurs: ErreurReconnue[];
  points: number;
  reussis: number;
  rempli: boolean; // something was typed
  plage: (Omit<PlageLue, 'valeurs'> & { largeur: number }) | null; // where the answer is now, and its width in columns
  marques: Marque[];
}

type Etat = 'juste' | 'faux' | 'vide' | 'illisible';

/** A typed value as the JSON output shows it: the number read, the text, or null. */
const valeurSaisie = (s: Saisie): unknown => ('nombre' in s ? s.nombre : 'texte' in s ? s.texte : 'illisible' in s ? `#${s.illisible}` : null);

function etatCellule(attendu: ValeurAttendue | undefined, lu: ValeurLue, r: Reponse): Etat {
  const s = lireSaisie(lu);
  if ('illisible' in s) return 'illisible';
  if (typeof attendu === 'string') {
    if ('vide' in s) return attendu === '' ? 'juste' : 'vide';
    return texteNormalise('nombre' in s ? String(s.nombre) : s.texte) === texteNormalise(attendu) ? 'juste' : 'faux';
  }
  const a = attendu ?? 0; // an amount with nothing to write: empty or 0
  if ('vide' in s) return a === 0 ? 'juste' : 'vide';
  if ('texte' in s) return 'illisible';
  return Math.abs(arrondirA(s.nombre, r.precision) - a) <= r.tolerance + 1e-9 ? 'juste' : 'faux';
}

/** A unit of several cells (a row) is right when every cell is; empty when nothing was typed in it. */
function etatUnite(attendus: readonly (ValeurAttendue | undefined)[], lus: readonly ValeurLue[], r: Reponse): Etat {
  const etats = attendus.map((a, k) => etatCellule(a, lus[k] ?? null, r));
  if (etats.includes('illisible')) return 'illisible';
  if (etats.every((e) => e === 'juste')) return 'juste';
  return lus.every((v) => 'vide' in lireSaisie(v)) ? 'vide' : 'faux';
}

/**
 * A wrong unit that a typical error explains: each of its cells is right, or is what the error gives
 * (one wrong cell of a row is enough to recognise it; the other cells may be right).
 */
const expliquee = (attendus: readonly (ValeurAttendue | undefined)[], alt: readonly (ValeurAttendue | undefined)[], lus: readonly ValeurLue[], r: Reponse) =>
  attendus.every((a, k) => etatCellule(a, lus[k] ?? null, r) === 'juste' || etatCellule(alt[k], lus[k] ?? null, r) === 'juste');

/** Every wrong cell of the unit is off by exactly one unit of rounding (a cent; a euro on the CA3): truncated, or rounded the wrong way. */
function unArrondiPres(attendus: readonly (ValeurAttendue | undefined)[], lus: readonly ValeurLue[], r: Reponse): boolean {
  if (r.tolerance >= r.precision) return false;
  let fausses = 0;
  const ok = attendus.every((a, k) => {
    if (etatCellule(a, lus[k] ?? null, r) === 'juste') return true;
    const s = lireSaisie(lus[k] ?? null);
    if (typeof a !== 'number' || !('nombre' in s)) return false;
    fausses++;
    return Math.abs(Math.abs(arrondirA(s.nombre, r.precision) - a) - r.precision) < 1e-9;
  });
  return ok && fausses > 0;
}

const ARRONDI = 'arrondi';
const erreurDArrondi = (r: Reponse): Variante => ({
  code: ARRONDI,
  libelle: 'Arrondi',
  indice:
    r.precision === 1
      ? 'Écart d\u2019un euro : arrondissez à l\u2019euro le plus proche (0,50 € compte pour 1 €), sans tronquer, et calculez les totaux sur les lignes arrondies.'
      : 'Écart d\u2019un centime : arrondissez au centime le plus proche (0,005 € compte pour 0,01 €), sans tronquer, à chaque étape où la consigne le demande.',
  attendus: {},
});

const estTableau = (v: unknown): v is unknown[] => Array.isArray(v);
const memes = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The expected value split into units of cells: [x] for one cell, [x_i] for a list, row i for a table. */
function unitesAttendues(v: Attendus[string]): ValeurAttendue[][] {
  if (!estTableau(v)) return [[v]];
  return v.map((x) => (estTableau(x) ? (x as ValeurAttendue[]) : [x as ValeurAttendue]));
}

/** A table's rows as its answers' columns: cells covered by a merged cell (a wide label) are not columns of their own. */
const rangees = (p: PlageLue): ValeurLue[][] => p.valeurs.map((l, i) => l.filter((_, j) => !p.couvertes?.[i]?.[j]));

/** The typed cells split the same way: a list is read cell by cell whatever its orientation. */
function unitesSaisies(p: PlageLue, tableau: boolean, n: number): { lus: ValeurLue[]; marque: Omit<Marque, 'juste'> }[] {
  if (tableau) return rangees(p).map((l, i) => ({ lus: l, marque: { ligne: i, colonne: null } }));
  const cellules = p.valeurs.flatMap((l, i) => l.map((v, j) => ({ lus: [v], marque: { ligne: i, colonne: j } })));
  return n === 1 ? cellules.slice(0, 1) : cellules;
}

/**
 * The hints of the recognised errors, then what no error explains: which units, and the sentences of
 * the exercise that fix how the answer is computed and written (the fallback: the rule involved).
 */
function texteDiagnostic(erreurs: ErreurReconnue[], aRevoir: string[], manquantes: number, r: Reponse, sansIndice: boolean): string | null {
  const parties = erreurs.map((e) => (e.unites.length ? `${e.unites.join(', ')} : ${e.indice}` : e.indice));
  if (aRevoir.length) parties.push(`À revoir : ${aRevoir.join(', ')}.`);
  if (manquantes) parties.push(manquantes === 1 ? 'Une ligne attendue manque.' : `${manquantes} lignes attendues manquent.`);
  if (sansIndice && r.convention.length) parties.push(`Relisez la consigne : ${r.convention.map((c) => `« ${c.replace(/\.$/, '')} »`).join(' ; ')}.`);
  return parties.length ? parties.join(' ') : null;
}

function noter(erreurs: ErreurReconnue[], v: Variante, unite: string | null): void {
  const e = erreurs.find((x) => x.code === v.code);
  if (e) {
    if (unite) e.unites.push(unite);
  } else erreurs.push({ code: v.code, libelle: v.libelle, indice: v.indice, unites: unite ? [unite] : [] });
}

function statutDe(points: number, reussis: number, etats: Etat[], rempli: boolean): Statut {
  if (reussis === points) return 'juste';
  if (!rempli) return 'non renseigné';
  return etats.includes('illisible') ? 'illisible' : 'faux';
}

/** Rows matched in any order on the `colonnes` that matter (amounts, account), each expected row used once. */
function controlerEnsemble(r: Reponse, attendu: ValeurAttendue[][], p: PlageLue, variantes: readonly Variante[]) {
  const cles = r.ensemble!;
  const correspond = (a: readonly ValeurAttendue[], lus: readonly ValeurLue[]) =>
    etatUnite(
      cles.map((k) => a[k]),
      cles.map((k) => lus[k] ?? null),
      r,
    ) === 'juste';
  const saisies = rangees(p)
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.some((v) => !('vide' in lireSaisie(v))));
  const libres = attendu.map((_, i) => i);
  const erreurs: ErreurReconnue[] = [];
  const aRevoir: string[] = [];
  const marques: Marque[] = [];
  const etats: Etat[] = [];
  let reussis = 0;
  for (const { l, i } of saisies) {
    const k = libres.findIndex((j) => correspond(attendu[j]!, l));
    if (k >= 0) {
      libres.splice(k, 1);
      reussis++;
      marques.push({ ligne: i, colonne: null, juste: true });
      continue;
    }
    etats.push(cles.some((c) => 'illisible' in lireSaisie(l[c] ?? null)) ? 'illisible' : 'faux');
    marques.push({ ligne: i, colonne: null, juste: false });
    const unite = `ligne ${i + 1}`;
    const v = variantes.find((x) => estTableau(x.attendus[r.nom]) && (x.attendus[r.nom] as ValeurAttendue[][]).some((a) => !attendu.some((b) => memes(a, b)) && correspond(a, l)));
    if (v) noter(erreurs, v, unite);
    else aRevoir.push(unite);
  }
  const points = Math.max(attendu.length, saisies.length, 1);
  if (!attendu.length && !saisies.length) reussis = 1;
  return { points, reussis, erreurs, aRevoir, manquantes: libres.length, marques, etats, rempli: saisies.length > 0, saisi: saisies.map(({ l }) => l.map((v) => valeurSaisie(lireSaisie(v)))) };
}

/** Checks one answer read from its named range (undefined: the name is gone or broken). */
export function controler(r: Reponse, attendu: Attendus[string], plage: PlageLue | undefined, variantes: readonly Variante[]): Controle {
  const base = { nom: r.nom, libelle: r.libelle, competence: r.competence, critere: r.critere, attendu };
  const unites = unitesAttendues(attendu);
  const tableau = estTableau(attendu) && attendu.some(estTableau);
  if (!plage) {
    const points = r.ensemble ? Math.max(unites.length, 1) : unites.length;
    return {
      ...base,
      saisi: null,
      statut: 'introuvable',
      diagnostic: `Réponse introuvable : le nom ${r.nom} ne désigne plus aucune cellule (cellule supprimée ?).`,
      erreurs: [],
      points,
      reussis: 0,
      rempli: false,
      plage: null,
      marques: [],
    };
  }
  const ou = { feuille: plage.feuille, haut: plage.haut, gauche: plage.gauche, largeur: plage.valeurs[0]?.length ?? 1 };
  if (r.ensemble) {
    const e = controlerEnsemble(r, attendu as ValeurAttendue[][], plage, variantes);
    return {
      ...base,
      saisi: e.saisi,
      statut: statutDe(e.points, e.reussis, e.etats, e.rempli),
      diagnostic: texteDiagnostic(e.erreurs, e.aRevoir, e.manquantes, r, e.aRevoir.length > 0 || e.manquantes > 0),
      erreurs: e.erreurs,
      points: e.points,
      reussis: e.reussis,
      rempli: e.rempli,
      plage: ou,
      marques: e.marques,
    };
  }
  const saisies = unitesSaisies(plage, tableau, unites.length);
  const erreurs: ErreurReconnue[] = [];
  const aRevoir: string[] = [];
  const marques: Marque[] = [];
  const etats: Etat[] = [];
  let reussis = 0;
  let sansIndice = false; // a wrong unit no typical error explains
  const alternative = (x: Variante, i: number) => (r.nom in x.attendus ? unitesAttendues(x.attendus[r.nom]!)[i] : undefined);
  const explique = (x: Variante, i: number) => {
    const alt = alternative(x, i);
    return alt !== undefined && !memes(alt, unites[i]) && expliquee(unites[i]!, alt, saisies[i]?.lus ?? [], r);
  };
  // one typical error that explains every wrong unit is the diagnosis; otherwise each unit gets its own
  const fausses = unites.map((_, i) => i).filter((i) => etatUnite(unites[i]!, saisies[i]?.lus ?? [], r) === 'faux');
  const seule = fausses.length ? variantes.find((x) => fausses.every((i) => explique(x, i))) : undefined;
  unites.forEach((a, i) => {
    const s = saisies[i] ?? { lus: [], marque: null };
    const etat = etatUnite(a, s.lus, r);
    etats.push(etat);
    if (s.marque) marques.push({ ...s.marque, juste: etat === 'juste' });
    if (etat === 'juste') return void reussis++;
    if (etat === 'vide') return;
    const unite = unites.length > 1 ? (r.unites?.[i] ?? `n° ${i + 1}`) : null;
    const v = seule ?? variantes.find((x) => explique(x, i));
    if (v) return void noter(erreurs, v, unite);
    if (etat !== 'faux') return;
    if (unArrondiPres(a, s.lus, r)) return void noter(erreurs, erreurDArrondi(r), unite);
    sansIndice = true;
    if (unite) aRevoir.push(unite);
  });
  const rempli = saisies.some((s) => s.lus.some((v) => !('vide' in lireSaisie(v))));
  const lus = saisies.slice(0, unites.length).map((s) => s.lus.map((v) => valeurSaisie(lireSaisie(v))));
  const saisi = !estTableau(attendu) ? (lus[0]?.[0] ?? null) : tableau ? lus : lus.map((l) => l[0]);
  const illisible = etats.includes('illisible') && !estTableau(attendu) ? `Saisie illisible (${String(saisi).replace(/^#/, '')}) : un montant est attendu.` : null;
  return {
    ...base,
    saisi,
    statut: statutDe(unites.length, reussis, etats, rempli),
    diagnostic: illisible ?? texteDiagnostic(erreurs, aRevoir, 0, r, sansIndice),
    erreurs,
    points: unites.length,
    reussis,
    rempli,
    plage: ou,
    marques,
  };
}

/** The generic typical error: every amount with its sign inverted. */
export function varianteSigne(attendus: Attendus, libelle: string, indice: string): Variante {
  const oppose = (v: unknown): unknown => (typeof v === 'number' ? -v : estTableau(v) ? v.map(oppose) : v);
  return { code: 'signe', libelle, indice, attendus: Object.fromEntries(Object.entries(attendus).map(([k, v]) => [k, oppose(v)])) as Attendus };
}
