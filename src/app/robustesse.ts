import { celluleJuste } from '../check/controle';
import { formuleExterne } from '../check/formulesExternes';
import { bitsPourNommer, changeeAuTour, entreeIgnoree, entreesDuCas, perturbation, plagesChangees, type CelluleDuCas, type EntreeDuCas } from '../check/robustesse';
import { cellulesDeLaReponse, constantesTapees, type CelluleDeReponse } from '../check/tableur';
import { parseA1Ref, tokenize } from '@borgar/fx';
import { lettreColonne } from '../sheets/model';
import { adresseDansPlage, type PlageLue, type ValeurLue } from '../sheets/exercices/lecture';
import type { Copies } from '../io/ports';
import { debutsColonnes, estTable } from '../sheets/exercices/blocs';
import { constantesDuCas, formuleAttendue, reponsesDuCas, type Attendus, type Reponse } from '../sheets/exercices/commun';
import { exerciceDuClasseur, nomsDuCas, type ExerciceOuvert } from './modelesExercices';

/** What putting a copy's formulas to a second case found. */
export interface Robustesse {
  /** right formulas compared on the second case (those whose expected value changes with it) */
  verifiees: number;
  /** by cell (« Travail!E12 »): the sentence that says its formula does not follow the data */
  nonSuivies: Map<string, string>;
  /** why it was not done (no engine, no valid second case), in French */
  avis: string | null;
}

const ESSAIS = 12;

/** The shape of expected answers (lengths of lists and rows), values aside: a second case must keep it. */
const forme = (a: Attendus, noms: readonly string[]) =>
  JSON.stringify(
    noms.map((n) => a[n]),
    (_, v: unknown) => (Array.isArray(v) || v === undefined ? v : 0),
  );

/** A label for a cell of the case, as the student reads it in « Énoncé » (a field's label, a table's column and row); none in « Paramètres ». */
function libelle(x: ExerciceOuvert, e: CelluleDuCas): string | null {
  for (const b of x.spec.structure()) {
    if (!estTable(b)) {
      const c = b.champs.find((k) => k.nom === e.nom);
      if (c) return c.libelle;
      continue;
    }
    if (b.nom !== e.nom) continue;
    const debuts = debutsColonnes(b.colonnes);
    const k = debuts.findIndex((d, i) => e.colonne >= d && e.colonne < d + b.colonnes[i]!.largeur);
    return k < 0 ? b.titre : `${b.titre}, ligne ${e.ligne + 1}, colonne « ${b.colonnes[k]!.entete} »`;
  }
  return null;
}

/**
 * The data a formula ignores, as the student finds it: its cell, with its label in « Énoncé »; of
 * the cells that hold the same number, those on the answer's own row of a table of as many rows
 * first (a line of an invoice follows the same line of the order), two at most.
 */
function quelleDonnee(x: ExerciceOuvert, e: EntreeDuCas, k: Candidate): string {
  const lignes = (nom: string) => x.classeur.plage(nom)?.valeurs.length ?? 0;
  const n = lignes(k.r.nom);
  const memeLigne = n > 1 ? e.cellules.filter((c) => c.ligne === k.c.ligne && lignes(c.nom) === n) : [];
  const cellules = memeLigne.length ? memeLigne : e.cellules;
  const dites = cellules.slice(0, 2).map((c) => {
    const l = libelle(x, c);
    return l ? `« ${l} » (${c.cellule})` : c.cellule;
  });
  return `${dites.length > 1 ? 'les données' : 'la donnée'} ${dites.join(' et ')}${cellules.length > 2 ? ' et les autres cellules de même valeur' : ''}`;
}

/** The cells a formula refers to (« Travail!E6 »…): its ranges, expanded (200 cells at most each), and the answers it names. */
function references(cellule: string, formule: string, x: ExerciceOuvert, reponses: readonly Reponse[]): string[] {
  const feuille = cellule.slice(0, cellule.lastIndexOf('!'));
  const res: string[] = [];
  let jetons: { type: string; value: string }[];
  try {
    jetons = tokenize(formule, { mergeRefs: true });
  } catch {
    return [];
  }
  for (const j of jetons) {
    if (j.type === 'range_named') {
      const r = reponses.find((y) => y.nom.toUpperCase() === j.value.toUpperCase());
      const p = r && x.classeur.plage(r.nom);
      if (p) p.valeurs.forEach((l, i) => l.forEach((_, k) => res.push(`${p.feuille}!${adresseDansPlage(p, i, k)}`)));
      continue;
    }
    if (j.type !== 'range') continue;
    const ref = parseA1Ref(j.value);
    if (!ref || !('range' in ref) || !ref.range) continue;
    const { top, left, bottom, right } = ref.range as { top: number; left: number; bottom: number; right: number };
    if ((bottom - top + 1) * (right - left + 1) > 200) continue;
    const ou = ref.context?.[0] ?? feuille;
    for (let l = top; l <= bottom; l++) for (let c = left; c <= right; c++) res.push(`${ou}!${lettreColonne(c)}${l + 1}`);
  }
  return res;
}

/**
 * The answer cells a formula must not start from: those that do not follow the data on the second
 * case, those typed where a calculation is expected, and those whose formula holds a typed number.
 */
function cellulesAmont(x: ExerciceOuvert, reponses: readonly Reponse[], a: Attendus, fautives: ReadonlySet<string>): Set<string> {
  const res = new Set(fautives);
  const admises = constantesDuCas(x.spec, x.entree, x.parametres);
  for (const r of reponses) {
    const p = x.classeur.plage(r.nom);
    if (!p?.formules || !(r.nom in a)) continue;
    for (const c of cellulesDeLaReponse(r, a[r.nom]!, p)) {
      if (!formuleAttendue(r, c.colonneReponse)) continue;
      const v = p.valeurs[c.ligne]![c.colonne];
      const f = p.formules[c.ligne]?.[c.colonne];
      if (f ? constantesTapees(f, admises).length > 0 : typeof v === 'number' && v !== 0) res.add(c.cellule);
    }
  }
  return res;
}

/**
 * The candidates whose formula starts, directly or through another, from a « saisi » cell that the
 * second case changes (a line copied from the bank statement): what the student would have copied
 * there is not known, so they are left out of the test. A choice the second case keeps (a piece
 * retained for the CA3) does not take them out. A « saisi » cell the student computed by a formula
 * (the overtime hours summed from the weeks) recalculates with the data: the candidates that start
 * from it stay, with it as their `sonde`, and count only if it follows the second case.
 */
function horsSaisies(x: ExerciceOuvert, reponses: readonly Reponse[], a: Attendus, a2: Attendus, candidates: readonly Candidate[]): Candidate[] {
  const saisies = new Set<string>();
  const sondes = new Map<string, Candidate>();
  for (const r of reponses) {
    const p = x.classeur.plage(r.nom);
    if (!p || !(r.nom in a) || !(r.nom in a2)) continue;
    const apres = cellulesDeLaReponse(r, a2[r.nom]!, p);
    cellulesDeLaReponse(r, a[r.nom]!, p).forEach((c, i) => {
      // rows in any order (no expected cell of their own): taken as changing
      if (formuleAttendue(r, c.colonneReponse) || (c.attendue !== undefined && apres[i]?.attendue === c.attendue)) return;
      if (p.formules?.[c.ligne]?.[c.colonne] && c.attendue !== undefined && celluleJuste(c.attendue, p.valeurs[c.ligne]![c.colonne]!, r)) sondes.set(c.cellule, { r, c, rang: i });
      else saisies.add(c.cellule);
    });
  }
  const refs = new Map(candidates.map((k) => [k.c.cellule, references(k.c.cellule, x.classeur.plage(k.r.nom)!.formules![k.c.ligne]![k.c.colonne]!, x, reponses)]));
  const exclues = new Set<string>();
  for (let change = true; change;) {
    change = false;
    for (const k of candidates)
      if (!exclues.has(k.c.cellule) && refs.get(k.c.cellule)!.some((c) => saisies.has(c) || exclues.has(c))) {
        exclues.add(k.c.cellule);
        change = true;
      }
  }
  // the probes each candidate starts from, through the candidates it refers to
  const parCellule = new Map(candidates.map((k) => [k.c.cellule, k]));
  const sondesDe = new Map<string, Set<string>>();
  const depuis = (cellule: string, vues: Set<string> = new Set()): Set<string> => {
    const deja = sondesDe.get(cellule);
    if (deja) return deja;
    const res = new Set<string>();
    if (vues.has(cellule)) return res; // a circular reference
    vues.add(cellule);
    for (const c of refs.get(cellule) ?? []) {
      if (sondes.has(c)) res.add(c);
      else if (parCellule.has(c) && c !== cellule) for (const s of depuis(c, vues)) res.add(s);
    }
    sondesDe.set(cellule, res);
    return res;
  };
  return candidates
    .filter((k) => !exclues.has(k.c.cellule))
    .map((k) => {
      const s = [...depuis(k.c.cellule)].map((c) => sondes.get(c)!);
      return s.length ? { ...k, sondes: s } : k;
    });
}

export interface Candidate {
  r: Reponse;
  c: CelluleDeReponse;
  rang: number; // its place among the answer's cells (cellulesDeLaReponse)
  /** the « saisi » cells computed by a formula it starts from: it counts only if they follow the second case */
  sondes?: Candidate[];
}

/** What the check will put to the test, and how: the formulas to compare, the case's numbers, the rounds and each round's expected answers. */
export interface PlanRobustesse {
  x: ExerciceOuvert;
  /** the case's expected answers */
  attendus: Attendus;
  reponses: Reponse[];
  candidates: Candidate[];
  entrees: EntreeDuCas[];
  /** round 0: the second case; then the naming rounds, each changing half of the numbers */
  tours: number[][];
  attendusDesTours: (Attendus | null)[];
}

const sans = (avis: string): Robustesse => ({ verifiees: 0, nonSuivies: new Map(), avis });

/**
 * The plan of the test of a copy: null when no right answer is made by a formula (nothing to put to
 * the test: no engine is started), a Robustesse saying why when no valid second case can be drawn.
 */
export function planRobustesse(x: ExerciceOuvert): PlanRobustesse | Robustesse | null {
  let a1: Attendus;
  let reponses: Reponse[];
  try {
    a1 = x.spec.attendus(x.entree, x.parametres);
    reponses = reponsesDuCas(x.spec, x.entree, x.parametres, a1);
  } catch {
    return null; // a case that does not hold: the check of values says so, in French, naming the file
  }
  const toutes: Candidate[] = reponses.flatMap((r) => {
    const p = x.classeur.plage(r.nom);
    if (!p?.formules || !(r.nom in a1)) return [];
    return cellulesDeLaReponse(r, a1[r.nom]!, p)
      .map((c, rang) => ({ r, c, rang }))
      .filter(({ c }) => {
        const f = p.formules![c.ligne]?.[c.colonne];
        // a formula that reaches outside the workbook is not recalculated (it becomes its value): not put to the test
        return formuleAttendue(r, c.colonneReponse) && f && !formuleExterne(f) && c.attendue !== undefined && celluleJuste(c.attendue, p.valeurs[c.ligne]![c.colonne]!, r);
      });
  });
  if (!toutes.length) return null;
  const plage = (n: string) => x.classeur.plage(n);
  const entrees = entreesDuCas(nomsDuCas(x), plage);
  if (!entrees.length) return null;
  const nomsReponses = reponses.map((r) => r.nom).filter((n) => n in a1);
  // the shape of the answers, and what the sheets show that the numbers choose (a rate a threshold picks): the second case keeps both
  const regimes = (y: ExerciceOuvert) => JSON.stringify(y.spec.regimes?.(y.entree, y.parametres) ?? null);
  const formeJuste = forme(a1, nomsReponses) + regimes(x);
  /** the expected answers of the case with `valeurs` for the inputs, read as the copy would be; null when it does not hold or changes shape */
  const casAvec = (valeurs: readonly number[]): Attendus | null => {
    try {
      const y = exerciceDuClasseur({ ...x.classeur, plage: plagesChangees(plage, entrees, valeurs) }, x.fichier, false);
      const a = y.spec.attendus(y.entree, y.parametres);
      return forme(a, nomsReponses) + regimes(y) === formeJuste ? a : null;
    } catch {
      return null;
    }
  };
  let second: { valeurs: number[]; attendus: Attendus } | null = null;
  for (let essai = 0; essai < ESSAIS && !second; essai++) {
    const valeurs = perturbation(entrees, essai);
    const a = casAvec(valeurs);
    if (a) second = { valeurs, attendus: a };
  }
  if (!second) return sans('Robustesse des formules non vérifiée : aucun second cas valide n\u2019a pu être tiré de cet énoncé.');
  const candidates = horsSaisies(x, reponses, a1, second.attendus, toutes);
  if (!candidates.length) return null;
  const tours = [second.valeurs, ...Array.from({ length: 2 * bitsPourNommer(entrees.length) }, (_, t) => entrees.map((e, i) => (changeeAuTour(i, t) ? second!.valeurs[i]! : e.valeur)))];
  return { x, attendus: a1, reponses, candidates, entrees, tours, attendusDesTours: tours.map((v, t) => (t === 0 ? second!.attendus : casAvec(v))) };
}

export const estPlan = (p: PlanRobustesse | Robustesse | null): p is PlanRobustesse => p !== null && 'tours' in p;

/** A cell of the case to write: its sheet, its address, its number. */
export interface CelluleAEcrire {
  feuille: string;
  adresse: string;
  valeur: number;
}

const aEcrire = (e: EntreeDuCas, valeur: number): CelluleAEcrire[] =>
  e.cellules.map((c) => {
    const k = c.cellule.lastIndexOf('!');
    return { feuille: c.cellule.slice(0, k), adresse: c.cellule.slice(k + 1), valeur };
  });

/**
 * What each round writes: every cell any round changes, with this round's number (its own where
 * the round leaves it), so that rounds played one after the other in the open workbook start from
 * the same copy; and what puts the copy back as it was.
 */
export function cellulesDesTours(plan: PlanRobustesse): { tours: CelluleAEcrire[][]; retour: CelluleAEcrire[] } {
  const changees = plan.entrees.map((e, i) => ({ e, i })).filter(({ e, i }) => plan.tours.some((v) => v[i] !== e.valeur));
  const tours = plan.tours.map((v) => changees.flatMap(({ e, i }) => aEcrire(e, v[i]!)));
  return { tours, retour: changees.flatMap(({ e }) => aEcrire(e, e.valeur)) };
}

/** The answer names whose cells each round must read back. */
export const nomsALire = (plan: PlanRobustesse) => [...new Set(plan.candidates.flatMap((k) => [k.r.nom, ...(k.sondes ?? []).map((s) => s.r.nom)]))];

/** What the rounds' recalculated answers say (`lus[t]`: the answers as recalculated in round t). */
export function conclureRobustesse(plan: PlanRobustesse, lus: readonly ((nom: string) => PlageLue | undefined)[]): Robustesse {
  const { x, attendus: a1, reponses, candidates, entrees, tours, attendusDesTours } = plan;
  const plage = (n: string) => x.classeur.plage(n);
  // each answer's expected cells in each round, laid out once
  const cellules = new Map<string, CelluleDeReponse[]>();
  const attendueAu = (k: Candidate, t: number) => {
    const cle = `${t}\u0000${k.r.nom}`;
    if (!cellules.has(cle)) cellules.set(cle, cellulesDeLaReponse(k.r, attendusDesTours[t]![k.r.nom]!, plage(k.r.nom)!));
    return cellules.get(cle)![k.rang]?.attendue;
  };
  /** whether a candidate is wrong in round t (null: the round's case does not hold) */
  const fausse = (k: Candidate, t: number): boolean | null => {
    if (!attendusDesTours[t]) return null;
    const v: ValeurLue = lus[t]?.(k.r.nom)?.valeurs[k.c.ligne]?.[k.c.colonne] ?? null;
    return !celluleJuste(attendueAu(k, t), v, k.r);
  };
  const nonSuivies = new Map<string, string>();
  const fautives = new Set<string>(); // right on the case, wrong on the second one
  // a candidate that starts from a count the student computed that does not follow the second case: what it should give there is not known
  const eprouvees = candidates.filter((k) => !k.sondes?.some((s) => fausse(s, 0) !== false));
  for (const k of eprouvees) if (fausse(k, 0)) fautives.add(k.c.cellule);
  const amont = cellulesAmont(x, reponses, a1, fautives);
  let verifiees = 0;
  for (const k of eprouvees) {
    if (attendueAu(k, 0) === k.c.attendue) continue; // the second case does not move this answer: nothing to tell
    verifiees++;
    if (!fautives.has(k.c.cellule)) continue;
    // a formula that starts from a cell that does not follow the data: that cell is to correct first
    const depart = references(k.c.cellule, plage(k.r.nom)!.formules![k.c.ligne]![k.c.colonne]!, x, reponses).find((c) => c !== k.c.cellule && amont.has(c));
    if (depart) {
      nonSuivies.set(k.c.cellule, `${k.c.cellule} : le résultat ne suit pas les données parce que la formule part de ${depart}, qui ne les suit pas : corrigez d\u2019abord cette cellule.`);
      continue;
    }
    const e = entreeIgnoree(
      tours.slice(1).map((_, t) => fausse(k, t + 1)),
      entrees,
    );
    nonSuivies.set(
      k.c.cellule,
      e
        ? `${k.c.cellule} : votre formule ne suit pas ${quelleDonnee(x, e, k)} : quand elle change, le résultat ne change pas avec elle ; faites référence à sa cellule au lieu de recopier sa valeur.`
        : `${k.c.cellule} : votre formule ne suit pas les données : avec d\u2019autres valeurs dans l\u2019énoncé et « Paramètres », elle ne donne plus le bon résultat (une valeur recopiée dans ce calcul, ou dans un calcul dont il dépend ?).`,
    );
  }
  return { verifiees, nonSuivies, avis: null };
}

/**
 * Puts copy files' right formulas to a second case (see check/robustesse.ts): each copy's bytes
 * with each round's numbers, the rounds of all the copies recalculated in one call of the engine
 * (a class's copies: one LibreOffice start for several), read back. A call that fails is played
 * again copy by copy, so that a copy the engine refuses spoils no other. In the order of `items`.
 */
export async function robustesseDesCopies(items: readonly { x: ExerciceOuvert; octets: Uint8Array }[], copies: Copies): Promise<(Robustesse | null)[]> {
  const plans = items.map(({ x }) => {
    try {
      return planRobustesse(x);
    } catch {
      return null; // a copy whose reading fails there: the check of its values meets the same fault and says it, naming the file
    }
  });
  const res: (Robustesse | null)[] = plans.map((p) => (estPlan(p) ? null : p));
  const recalcul = copies.recalcul;
  const aJouer: { i: number; plan: PlanRobustesse; classeurs: Uint8Array[] }[] = [];
  for (const [i, plan] of plans.entries()) {
    if (!estPlan(plan)) continue;
    if (!recalcul) {
      res[i] = sans('Robustesse des formules non vérifiée ici : aucun tableur pour recalculer la copie (agora verifier avec LibreOffice, ou « Vérifier » dans Excel, la vérifient).');
      continue;
    }
    try {
      aJouer.push({ i, plan, classeurs: await Promise.all(cellulesDesTours(plan).tours.map((t) => recalcul.changer(items[i]!.octets, t))) });
    } catch (e) {
      res[i] = sans((e as Error).message);
    }
  }
  const jouer = async (groupe: typeof aJouer) => {
    const recalcules = await recalcul!.recalculer(groupe.flatMap((g) => g.classeurs));
    const conclus: [number, Robustesse][] = [];
    let n = 0;
    for (const g of groupe) {
      const lus = await Promise.all(recalcules.slice(n, n + g.classeurs.length).map((o) => copies.lire(items[g.i]!.x.fichier, o)));
      n += g.classeurs.length;
      conclus.push([
        g.i,
        conclureRobustesse(
          g.plan,
          lus.map((c) => (nom: string) => c.plage(nom)),
        ),
      ]);
    }
    for (const [i, r] of conclus) res[i] = r;
  };
  if (!aJouer.length) return res;
  try {
    await jouer(aJouer);
  } catch (e) {
    if (aJouer.length === 1) res[aJouer[0]!.i] = sans((e as Error).message);
    else
      for (const g of aJouer)
        await jouer([g]).catch((f: unknown) => {
          res[g.i] = sans((f as Error).message);
        });
  }
  return res;
}
