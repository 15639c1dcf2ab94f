import { tokenize } from '@borgar/fx';
import { formuleAttendue, type Attendus, type Reponse, type ValeurAttendue } from '../sheets/exercices/commun';
import { adresseDansPlage, type PlageLue, type ValeurLue } from '../sheets/exercices/lecture';
import { lireSaisie } from './saisie';

/**
 * How the cells of an answer were made, read from the copy: a spreadsheet exercise is assessed on
 * the spreadsheet too. A cell where the template expects a calculation (« calculé ») is made by a
 * formula, by a typed value, by a formula with a datum typed into it (« =1200*0,2 »: the rate should
 * come from « Paramètres »), or by a formula that refers to no cell; any answer cell may hold an
 * error value (#DIV/0!, #REF!…). Only cells the student filled count, and not a typed 0 where
 * nothing is to be computed (« 0 si aucune commande »).
 */
export type Facon = 'formule' | 'valeur' | 'constante' | 'sans_reference' | 'erreur' | 'ne_suit_pas';

/** A number of the case, where the student's copy shows it (« Paramètres!C6 »): a constant equal to it was copied from there. */
export interface DonneeDuCas {
  valeur: number;
  adresse: string;
}

export interface RemarqueTableur {
  ligne: number; // offsets in the answer's range
  colonne: number;
  cellule: string; // « Travail!E12 », as the workbook now has it
  facon: Exclude<Facon, 'formule'>;
  texte: string; // for the student, in French, without the expected value
}

export interface FeuilleDeCalcul {
  /** cells where a formula is expected and something was typed */
  attendues: number;
  /** of those, made by a formula that refers to cells and holds no typed datum */
  formules: number;
  remarques: RemarqueTableur[];
}

/** Numbers a formula may always hold: signs, rounding digits, percentages. */
export const CONSTANTES_ADMISES = [0, 1, 2, 100] as const;

const REFERENCES = new Set(['range', 'range_beam', 'range_ternary', 'range_named', 'structured']);

/** A formula's references (cells, ranges, defined names) and the numbers typed into it (« 20% » is 0,2). */
export function lireFormule(formule: string): { references: number; constantes: number[] } {
  let references = 0;
  const constantes: number[] = [];
  let jetons: { type: string; value: string }[];
  try {
    jetons = tokenize(formule, { mergeRefs: true });
  } catch {
    return { references: 0, constantes: [] };
  }
  jetons.forEach((j, i) => {
    if (REFERENCES.has(j.type)) references++;
    else if (j.type === 'number') {
      const n = Number(j.value);
      if (Number.isFinite(n)) constantes.push(jetons[i + 1]?.type === 'operator' && jetons[i + 1]!.value === '%' ? n / 100 : n);
    }
  });
  return { references, constantes };
}

const proche = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The numbers typed into a formula beyond those always admitted and the template's own (`admises`), each once. */
export function constantesTapees(formule: string, admises: readonly number[]): number[] {
  const admis = [...CONSTANTES_ADMISES, ...admises];
  return [...new Set(lireFormule(formule).constantes.filter((x) => !admis.some((y) => proche(Math.abs(x), y))))];
}

/** The data a typed constant may stand for: the value itself, a rate in % written as a fraction (0,2 for 20), or its coefficient (1,2 and 0,8 for 20 %). */
export function donneesDe(c: number, donnees: readonly DonneeDuCas[]): DonneeDuCas[] {
  const x = Math.abs(c);
  return donnees.filter((d) => d.valeur !== 0 && [d.valeur, d.valeur / 100, 1 + d.valeur / 100, 1 - d.valeur / 100].some((v) => proche(x, Math.abs(v))));
}

/** « Énoncé!D27 », « Énoncé!D27 ou Énoncé!F30 », « Énoncé!D27, Énoncé!F28 ou Énoncé!F30 » (three at most, then « … »). */
const ouCellules = (cellules: readonly string[]) => {
  const n = [...new Set(cellules)];
  const dites = n.slice(0, 3);
  return `${dites.length > 1 ? `${dites.slice(0, -1).join(', ')} ou ${dites.at(-1)}` : dites[0]}${n.length > 3 ? '…' : ''}`;
};

/** « 0,2 », « 1 234,5 »: a constant as a French student reads it. */
const nombre = (n: number) => String(Math.abs(n)).replace('.', ',');

function remarque(adresse: string, facon: Exclude<RemarqueTableur['facon'], 'ne_suit_pas'>, detail: { erreur?: string; constantes?: number[]; donnees?: readonly DonneeDuCas[] }): string {
  switch (facon) {
    case 'valeur':
      return `${adresse} : valeur tapée ; écrivez le calcul (une formule à partir des cellules de l\u2019énoncé et de « Paramètres »).`;
    case 'sans_reference':
      return `${adresse} : la formule ne fait référence à aucune cellule ; écrivez le calcul à partir des cellules de l\u2019énoncé et de « Paramètres ».`;
    case 'erreur':
      return `${adresse} : valeur d\u2019erreur ${detail.erreur} ; une cellule dont le calcul dépend est vide, supprimée ou fausse.`;
    case 'constante': {
      const parties = (detail.constantes ?? []).map((c) => {
        const d = donneesDe(c, detail.donnees ?? []).map((x) => x.adresse);
        if (!d.length) return `${nombre(c)} est tapé dans la formule ; prenez cette valeur dans l\u2019énoncé ou dans « Paramètres »`;
        return `${nombre(c)} est tapé dans la formule ; faites référence à ${d.length > 1 ? 'la cellule qui donne cette valeur' : 'la cellule'} ${ouCellules(d)}`;
      });
      return `${adresse} : ${parties.join(' ; ')}.`;
    }
  }
}

const estErreur = (v: ValeurLue): v is { erreur: string } => typeof v === 'object' && v !== null && !(v instanceof Date);

/** A cell of an answer's range, with the answer's column it is (a table's; 0 for a list or one cell) and its expected value (undefined when rows match in any order). */
export interface CelluleDeReponse {
  ligne: number;
  colonne: number; // in the range
  colonneReponse: number;
  cellule: string; // « Travail!E12 »
  attendue: ValeurAttendue | undefined;
}

/** Every cell of an answer's range that is not covered by a merged label, in reading order. */
export function cellulesDeLaReponse(r: Pick<Reponse, 'ensemble'>, attendu: Attendus[string], plage: PlageLue): CelluleDeReponse[] {
  const tableau = Array.isArray(attendu) && attendu.some(Array.isArray);
  const res: CelluleDeReponse[] = [];
  let n = 0; // a list's cells, whatever its orientation
  plage.valeurs.forEach((rangee, i) => {
    let k = 0;
    rangee.forEach((_, j) => {
      if (plage.couvertes?.[i]?.[j]) return;
      const colonneReponse = tableau ? k++ : 0;
      const rang = n++;
      const attendue = !Array.isArray(attendu)
        ? i === 0 && j === 0
          ? attendu
          : undefined
        : r.ensemble
          ? undefined // rows in any order: no expected cell of its own
          : ((tableau ? (attendu[i] as ValeurAttendue[] | undefined)?.[colonneReponse] : attendu[rang]) as ValeurAttendue | undefined);
      res.push({ ligne: i, colonne: j, colonneReponse, cellule: `${plage.feuille}!${adresseDansPlage(plage, i, j)}`, attendue });
    });
  });
  return res;
}

/**
 * How answer `r`'s cells were made. `attendu`: its expected value (a cell where nothing is to be
 * computed does not count); `donnees`: the case's numbers and where they sit; `admises`: the
 * template's own admitted constants; `nonSuivies`: the formulas that do not follow the data (by
 * cell, the sentence that says so), when the copy was recalculated on a second case. Null when the
 * reader gives no formulas (the check of values still runs).
 */
export function feuilleDeCalcul(
  r: Reponse,
  attendu: Attendus[string],
  plage: PlageLue | undefined,
  donnees: readonly DonneeDuCas[],
  admises: readonly number[],
  nonSuivies: ReadonlyMap<string, string> = new Map(),
): FeuilleDeCalcul | null {
  if (!plage?.formules) return null;
  const rien = (a: ValeurAttendue | undefined) => a === null || a === '' || a === 0;
  const res: FeuilleDeCalcul = { attendues: 0, formules: 0, remarques: [] };
  for (const c of cellulesDeLaReponse(r, attendu, plage)) {
    const v = plage.valeurs[c.ligne]![c.colonne]!;
    const note = (facon: RemarqueTableur['facon'], texte: string) => res.remarques.push({ ligne: c.ligne, colonne: c.colonne, cellule: c.cellule, facon, texte });
    const attendue = formuleAttendue(r, c.colonneReponse);
    if (estErreur(v)) {
      if (attendue) res.attendues++;
      note('erreur', remarque(c.cellule, 'erreur', { erreur: v.erreur }));
      continue;
    }
    const s = lireSaisie(v);
    if (!attendue || 'vide' in s || ('nombre' in s && s.nombre === 0)) continue;
    if (c.attendue !== undefined && rien(c.attendue)) continue;
    res.attendues++;
    const f = plage.formules[c.ligne]?.[c.colonne] ?? null;
    if (f === null) {
      note('valeur', remarque(c.cellule, 'valeur', {}));
      continue;
    }
    if (!lireFormule(f).references && f !== '=') {
      note('sans_reference', remarque(c.cellule, 'sans_reference', {}));
      continue;
    }
    const tapees = constantesTapees(f, admises);
    if (tapees.length) {
      note('constante', remarque(c.cellule, 'constante', { constantes: tapees, donnees }));
      continue;
    }
    const ne = nonSuivies.get(c.cellule);
    if (ne) {
      note('ne_suit_pas', ne);
      continue;
    }
    res.formules++;
  }
  return res;
}
