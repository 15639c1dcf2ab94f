import type { Attendus, Reponse, ValeurAttendue } from '../sheets/exercices/commun';
import type { PlageLue, ValeurLue } from '../sheets/exercices/lecture';
import { arrondirA, lireSaisie, texteNormalise, type Saisie } from './saisie';
import type { FeuilleDeCalcul } from './tableur';

/**
 * One answer checked against its expected value. An answer is made of units — one cell, each cell
 * of a list, each row of a table — and each unit is right or not; the answer's verdict and its
 * share of the score follow from its units. A wrong unit that equals what a typical error would
 * give (a « variante » of the expected values) is diagnosed with that error's hint. A wrong unit
 * that follows right from the student's own wrong earlier answers (a knock-on error) is « cohérent »:
 * it scores, the earlier answer carries the error, and it is counted once.
 */
export type Statut = 'juste' | 'cohérent' | 'faux' | 'non renseigné' | 'illisible' | 'introuvable';

export interface Variante {
  code: string;
  libelle: string;
  indice: string;
  attendus: Attendus;
}

/** Where a unit sits in the named range (0-based), to colour it: a cell, or a whole row (right). */
export interface Marque {
  ligne: number;
  colonne: number | null;
  juste: boolean;
  coherent?: true; // wrong, but what follows from the student's own earlier answers
}

/** An answer recomputed from the student's own values of the answers it follows, and those answers' labels. */
export interface Enchaine {
  valeur: Attendus[string];
  depuis: string[];
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
  /** the first cell to correct (offsets in the range): where the hint's note goes and the task pane's link leads */
  aCorriger: { ligne: number; colonne: number } | null;
  /** how its cells were made (formulas, typed values…), when the reader tells formulas */
  tableur?: FeuilleDeCalcul;
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

/** Whether a typed cell is right, with the answer's rounding and tolerance. */
export const celluleJuste = (attendu: ValeurAttendue | undefined, lu: ValeurLue, r: Reponse) => etatCellule(attendu, lu, r) === 'juste';

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

/**
 * The typed cells split the same way: a list is read cell by cell whatever its orientation; a row
 * of a table keeps the range's column of each of its cells (a merged label is not one).
 */
interface UniteSaisie {
  lus: ValeurLue[];
  ligne: number;
  colonnes: number[];
}
function unitesSaisies(p: PlageLue, tableau: boolean, n: number): UniteSaisie[] {
  if (tableau)
    return p.valeurs.map((l, i) => {
      const colonnes = l.map((_, j) => j).filter((j) => !p.couvertes?.[i]?.[j]);
      return { lus: colonnes.map((j) => l[j] ?? null), ligne: i, colonnes };
    });
  const cellules = p.valeurs.flatMap((l, i) => l.map((v, j) => ({ lus: [v], ligne: i, colonnes: [j] })));
  return n === 1 ? cellules.slice(0, 1) : cellules;
}

/**
 * What the student typed, shaped as the expected answer (a value, a list, rows): numbers, texts, null
 * where empty or unreadable. A table gives every row of its range, those the student added too.
 */
export function valeursSaisies(attendu: Attendus[string], plage: PlageLue | undefined): Attendus[string] | undefined {
  if (!plage) return undefined;
  const unites = unitesAttendues(attendu);
  const tableau = estTableau(attendu) && attendu.some(estTableau);
  const saisies = unitesSaisies(plage, tableau, unites.length);
  const lu = (v: ValeurLue | undefined): ValeurAttendue => {
    const x = lireSaisie(v ?? null);
    return 'nombre' in x ? x.nombre : 'texte' in x ? x.texte : null;
  };
  if (!estTableau(attendu)) return lu(saisies[0]?.lus[0]);
  if (tableau) return saisies.map((s) => unites[0]!.map((_, k) => lu(s.lus[k])));
  return unites.map((_, i) => lu(saisies[i]?.lus[0]));
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

function statutDe(points: number, reussis: number, etats: Etat[], rempli: boolean, coherentes = 0): Statut {
  if (reussis === points) return coherentes ? 'cohérent' : 'juste';
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
  const premiere = marques.find((m) => !m.juste);
  return {
    points,
    reussis,
    erreurs,
    aRevoir,
    manquantes: libres.length,
    marques,
    etats,
    rempli: saisies.length > 0,
    saisi: saisies.map(({ l }) => l.map((v) => valeurSaisie(lireSaisie(v)))),
    aCorriger: premiere ? { ligne: premiere.ligne, colonne: 0 } : null,
  };
}

/** Checks one answer read from its named range (undefined: the name is gone or broken). */
export function controler(r: Reponse, attendu: Attendus[string], plage: PlageLue | undefined, variantes: readonly Variante[], enchaine?: Enchaine): Controle {
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
      aCorriger: null,
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
      aCorriger: e.aCorriger,
    };
  }
  const saisies = unitesSaisies(plage, tableau, unites.length);
  const erreurs: ErreurReconnue[] = [];
  const aRevoir: string[] = [];
  const marques: Marque[] = [];
  const etats: Etat[] = [];
  const coherentes: string[] = [];
  let aCorriger: Controle['aCorriger'] = null;
  let reussis = 0;
  let sansIndice = false; // a wrong unit no typical error explains
  const lusDe = (i: number) => saisies[i]?.lus ?? [];
  const alternative = (x: Variante, i: number) => (r.nom in x.attendus ? unitesAttendues(x.attendus[r.nom]!)[i] : undefined);
  const explique = (x: Variante, i: number) => {
    const alt = alternative(x, i);
    return alt !== undefined && !memes(alt, unites[i]) && expliquee(unites[i]!, alt, lusDe(i), r);
  };
  const suite = (i: number) => (enchaine ? unitesAttendues(enchaine.valeur)[i] : undefined);
  const coherente = (i: number) => {
    const alt = suite(i);
    return alt !== undefined && !memes(alt, unites[i]) && expliquee(unites[i]!, alt, lusDe(i), r);
  };
  // one typical error that explains every wrong unit (not a knock-on one) is the diagnosis; otherwise each unit gets its own
  const fausses = unites.map((_, i) => i).filter((i) => etatUnite(unites[i]!, lusDe(i), r) === 'faux' && !coherente(i));
  const seule = fausses.length ? variantes.find((x) => fausses.every((i) => explique(x, i))) : undefined;
  unites.forEach((a, i) => {
    const s = saisies[i];
    const etat = etatUnite(a, lusDe(i), r);
    const enSuite = etat === 'faux' && coherente(i);
    etats.push(enSuite ? 'juste' : etat);
    if (s) {
      // a right row is one mark; a wrong one, a mark per cell: only its wrong cells are red
      if (etat === 'juste' || !tableau) marques.push({ ligne: s.ligne, colonne: tableau ? null : s.colonnes[0]!, juste: etat === 'juste', ...(enSuite ? { coherent: true as const } : {}) });
      else
        s.colonnes.forEach((j, k) => {
          if (k >= a.length) return;
          const juste = etatCellule(a[k], s.lus[k] ?? null, r) === 'juste';
          const alt = suite(i);
          const suivie = !juste && alt !== undefined && etatCellule(alt[k], s.lus[k] ?? null, r) === 'juste';
          marques.push({ ligne: s.ligne, colonne: j, juste, ...(suivie ? { coherent: true as const } : {}) });
        });
      if (etat !== 'juste' && !enSuite && !aCorriger) {
        const k = tableau
          ? Math.max(
              0,
              a.findIndex((x, kk) => etatCellule(x, s.lus[kk] ?? null, r) !== 'juste'),
            )
          : 0;
        aCorriger = { ligne: s.ligne, colonne: s.colonnes[k] ?? 0 };
      }
    }
    if (etat === 'juste') return void reussis++;
    const unite = unites.length > 1 ? (r.unites?.[i] ?? `n° ${i + 1}`) : null;
    if (enSuite) {
      reussis++;
      coherentes.push(unite ?? '');
      return;
    }
    const v = seule ?? variantes.find((x) => explique(x, i));
    if (v) return void noter(erreurs, v, unite);
    if (etat !== 'faux') return;
    if (unArrondiPres(a, lusDe(i), r)) return void noter(erreurs, erreurDArrondi(r), unite);
    sansIndice = true;
    if (unite) aRevoir.push(unite);
  });
  if (!aCorriger && coherentes.length) {
    const m = marques.find((x) => x.coherent);
    if (m) aCorriger = { ligne: m.ligne, colonne: m.colonne ?? 0 };
  }
  const rempli = saisies.some((s) => s.lus.some((v) => !('vide' in lireSaisie(v))));
  const lus = saisies.slice(0, unites.length).map((s) => s.lus.map((v) => valeurSaisie(lireSaisie(v))));
  const saisi = !estTableau(attendu) ? (lus[0]?.[0] ?? null) : tableau ? lus : lus.map((l) => l[0]);
  const illisible = etats.includes('illisible') && !estTableau(attendu) ? `Saisie illisible (${String(saisi).replace(/^#/, '')}) : un montant est attendu.` : null;
  const enSuite = coherentes.length ? texteCoherent(enchaine!.depuis, coherentes.filter(Boolean)) : null;
  return {
    ...base,
    saisi,
    statut: statutDe(unites.length, reussis, etats, rempli, coherentes.length),
    // the errors to correct first, then what only follows from them
    diagnostic: illisible ?? ([texteDiagnostic(erreurs, aRevoir, 0, r, sansIndice), enSuite].filter(Boolean).join(' ') || null),
    erreurs,
    points: unites.length,
    reussis,
    rempli,
    plage: ou,
    marques,
    aCorriger,
  };
}

/** A knock-on error said to the student: which of their answers it follows, to correct first. */
function texteCoherent(depuis: readonly string[], unites: readonly string[]): string {
  const lesquelles = depuis.map((d) => `« ${d} »`).join(', ');
  const ou = unites.length ? `${unites.join(', ')} : c` : 'C';
  return `${ou}ohérent avec ${depuis.length > 1 ? 'vos réponses' : 'votre réponse'} ${lesquelles} : le calcul est juste à partir de votre saisie ; corrigez d\u2019abord ${depuis.length > 1 ? 'celles-ci' : 'celle-ci'}, et ce résultat suivra.`;
}

/** The generic typical error: every amount with its sign inverted. */
export function varianteSigne(attendus: Attendus, libelle: string, indice: string): Variante {
  const oppose = (v: unknown): unknown => (typeof v === 'number' ? -v : estTableau(v) ? v.map(oppose) : v);
  return { code: 'signe', libelle, indice, attendus: Object.fromEntries(Object.entries(attendus).map(([k, v]) => [k, oppose(v)])) as Attendus };
}
