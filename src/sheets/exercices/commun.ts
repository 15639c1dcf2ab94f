import { enEuros } from '../../domain/monnaie';
import { serieExcel } from '../../domain/dates';
import type { TablesDatees } from '../../domain/parametres/tables';
import { lettreColonne, zone, type Feuille, type NomDefini, type Style, type Valeur, type Zone } from '../model';
import { ConstructeurFeuille } from '../constructeur';
import { etiquette, sousTitre, texte, titre } from '../styles';
import { debutsColonnes, type Bloc, type Colonne } from './blocs';
import type { GabaritExercice } from './gabarit';

/**
 * One answer the student gives: where (defined name), what it proves, how exact it must be.
 * The expected value's shape says how it is read: one cell, a list of cells, or rows. Rows are
 * compared in order, unless `ensemble` names the columns on which rows are matched in any order
 * (the lines of an état de rapprochement, the entries of a journal).
 */
export interface Reponse {
  nom: string;
  libelle: string;
  competence: string;
  critere: string;
  precision: number; // a typed amount is first rounded to this unit: 1 (CA3, whole euros) or 0.01 (cents)
  tolerance: number; // then it may differ from the expected amount by this much, in euros (0: exact)
  ensemble?: number[];
  unites?: string[]; // what each cell of a list or row of a table is (a piece, a month, an account), for the hints
  convention: string[]; // the sentences of the exercise that fix how it is written: the fallback hint quotes them
  /** « calculé »: a formula is expected, except in `colonnesSaisies` (a table's choices); « saisi »: a typed value is right */
  fait: 'calculé' | 'saisi';
  colonnesSaisies?: number[];
}

/** Whether a formula is expected in column `j` of an answer (a single cell's or a list's: 0). */
export const formuleAttendue = (r: Pick<Reponse, 'fait' | 'colonnesSaisies'>, j: number) => r.fait === 'calculé' && !r.colonnesSaisies?.includes(j);

/** An answer as it follows from the student's own earlier answers (`depuis`, their names). */
export interface Enchainement {
  nom: string;
  valeur: Attendus[string];
  depuis: string[];
}

/** A typed amount in cents (to the cent, halves away from zero), for knock-on computations; null when it is no number. */
export const centimesSaisis = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.sign(v) * Math.round(Number((Math.abs(v) * 100).toPrecision(12))) : null);

/** What the student typed, by answer name, shaped as the expected answer (SpecExercice.enchainements). */
export type Lu = (nom: string) => Attendus[string] | undefined;

/**
 * The sum of the typed cells of a table answer's column `j` (a list's cells when `j` is null), rows
 * `garder` only, in cents, as a spreadsheet's SUM makes it (an empty cell or a text counts 0); null
 * when the answer cannot be read.
 */
export function sommeSaisie(lu: Lu, nom: string, j: number | null, garder: (i: number) => boolean = () => true): number | null {
  const v = lu(nom);
  if (!Array.isArray(v)) return null;
  return v.reduce<number>((a, x, i) => a + (garder(i) ? (centimesSaisis(j === null ? x : Array.isArray(x) ? x[j] : null) ?? 0) : 0), 0);
}

/** A knock-on answer in euros from cents, none when nothing follows (null). */
export const enSuite = (nom: string, centimes: number | null, depuis: string[]): Enchainement[] => (centimes === null ? [] : [{ nom, valeur: centimes / 100, depuis }]);

/** Expected values by defined name: one value, a column of values, or rows of values (null: left empty). */
export type ValeurAttendue = string | number | null;
export type Attendus = Record<string, ValeurAttendue | ValeurAttendue[] | ValeurAttendue[][]>;

export interface FeuilleConstruite {
  feuille: Feuille;
  noms: NomDefini[];
}

export const FEUILLES = { enonce: 'Énoncé', travail: 'Travail', parametres: 'Paramètres', corrige: 'Corrigé', justification: 'Justification' } as const;
export const ANCRES = { enonce: 'Exercice_Enonce', travail: 'Exercice_Travail', parametres: 'Exercice_Parametres' } as const;

/**
 * What each exercise type provides to the generic machinery: its case blocks (written, read back
 * and fingerprinted the same way), its « Travail » and « Paramètres » sheets, its answers, and the
 * corrigé computed from the case and the parameters.
 */
export interface SpecExercice<E, P> {
  gabarit: GabaritExercice;
  /** column widths of « Énoncé », wide enough for its tables */
  largeursEnonce: number[];
  /** validated case → blocks shown in « Énoncé » */
  blocs(e: E): Bloc[];
  /** the blocks' shape without data: what a reader looks for */
  structure(): Bloc[];
  /** what the workbook could not carry back (French problems naming the field), checked before writing */
  verifier?(e: E, tables: TablesDatees): string[];
  /** blocks read back from a workbook (values by key) → the case, as the calculator's JSON input */
  donnees(blocs: LectureBlocs): unknown;
  /** the values the case is priced with, from the dated tables (AGOrA's, or a teacher's file) */
  parametresParDefaut(e: E, tables: TablesDatees): P;
  feuilleParametres(p: P): FeuilleConstruite;
  lireParametres(valeurs: (nom: string) => Valeur[][] | undefined): P;
  /** « Travail »: answer cells, named as the template's answers; `attendus` fills them (the corrigé's copy) */
  feuilleTravail(e: E, p: P, attendus?: Attendus): FeuilleConstruite;
  /** what the cells of a list or table answer are (pieces, months, accounts), by name, for the hints */
  unites?(e: E, p: P): Partial<Record<string, string[]>>;
  /** the case's answers when they follow its lines (a payslip's), in the order of « Travail » */
  formeDesReponses?(e: E, p: P): FormeReponse[];
  attendus(e: E, p: P): Attendus;
  /**
   * Knock-on errors: the answers that follow others, recomputed from the student's own values of
   * those (`lu`: an answer's typed values shaped as its expected ones; numbers, or null where empty or
   * unreadable). A wrong answer equal to what follows from the student's wrong earlier ones is
   * « cohérent » and counts once. `attendus`: the case's expected answers, already computed. Each
   * computation must bear any typed value.
   */
  enchainements?(lu: Lu, e: E, p: P, attendus: Attendus): Enchainement[];
  /**
   * The typical errors of the template (`erreursTypes` in its JSON, where their hints are): for each
   * code, the answers a student who makes that error would give, or null when the case cannot show it.
   */
  variantes: Record<string, (e: E, p: P) => Attendus | null>;
  /**
   * The corrigé's model (issue 37): the formulas that compute each answer from the énoncé, written
   * with its defined names where a datum has one, by answer name, cell by cell of its range (null:
   * the expected value stays typed there). A teacher reads the model in the corrigé; the same
   * formulas, written into a student's copy, follow any case. `ou`: where a defined name lies.
   */
  formulesDuCorrige?(e: E, p: P, ou: OuNom): Record<string, (string | null)[][]>;
  /**
   * What the sheets show that the case's numbers choose (paie: the rate a threshold of the SMIC
   * picks, shown beside its base): the second case of the test of formulas keeps it, as it keeps the
   * answers' shape, so that what the student reads stays true there.
   */
  regimes?(e: E, p: P): unknown;
  /**
   * Numbers of this case a formula may hold because the student derives them by counting, from no
   * cell (the jours ouvrables of a month on a calendar, the days between two dates of a text).
   */
  comptes?(e: E, p: P): number[];
  /** lines that explain the corrigé (operations retained per line, pointage…) */
  justification(e: E, p: P): string[][];
  /** column widths of the justification sheet, when its first column holds more than a code */
  largeursJustification?: number[];
}

/** The case's blocks as read: a table by name → rows of values by column key; single values by key. */
export type LectureBlocs = Map<string, Record<string, unknown>[] | Record<string, unknown>>;

/** Cents as the justification sheet shows them: « 1 234,50 € », as a teacher reads an amount. */
export const montantTexte = (c: number) => enEuros(c);

/** The corrigé's copy of an answer sheet shows the expected values on a pale green fill. */
export const fondCorrige = (remplie: Attendus | undefined) => (remplie ? { fond: 'E2EFDA' } : {});

/** What the answer cells are: to fill in (the student's sheet), or the expected answers (the corrigé's, in green). */
export const consigneSaisie = (remplie: Attendus | undefined) =>
  remplie ? 'Les cellules vertes donnent les réponses attendues, justifiées dans la feuille « Justification »' : 'Les cellules jaunes sont à compléter';

/** The label the template gives an answer: « Travail » shows it beside the answer's cell. */
export function libelleDe(g: GabaritExercice, nom: string): string {
  const r = g.reponses.find((x) => x.nom === nom);
  if (!r) throw new Error(`Modèle ${g.id} : la réponse ${nom} n'y est pas décrite.`);
  return r.libelle;
}

/** One answer of a case as its package sees it: its defined name, the template's family it belongs to, the line it stands for, the cells it holds. */
export interface FormeReponse {
  nom: string;
  famille?: string;
  ligne?: string;
  unites?: string[];
}

/**
 * The answers to check in a case: which ones the case has (the template's answers whose expected
 * value the case gives, in the template's order, or the package's `formeDesReponses`), each with
 * what the template says of it (label, compétence and critère, matching in any order) and the
 * package's `unites`. No sheet is built.
 */
export function reponsesDuCas<E, P>(spec: SpecExercice<E, P>, e: E, p: P, attendus: Attendus): Reponse[] {
  const g = spec.gabarit;
  const unites = spec.unites?.(e, p) ?? {};
  const forme = spec.formeDesReponses?.(e, p) ?? g.reponses.flatMap((r) => (r.nom !== undefined && r.nom in attendus ? [{ nom: r.nom }] : []));
  return forme.map((f: FormeReponse) => {
    const d = g.reponses.find((r) => (f.famille ? r.famille === f.famille : r.nom === f.nom));
    if (!d) throw new Error(`Modèle ${g.id} : la réponse ${f.famille ? `de la famille ${f.famille}` : f.nom} n'y est pas décrite.`);
    const preuve = d.preuve ?? g;
    const u = f.unites ?? unites[f.nom];
    return {
      nom: f.nom,
      libelle: d.libelle.replace('{ligne}', f.ligne ?? ''),
      competence: preuve.competence,
      critere: preuve.critere,
      precision: g.precision,
      tolerance: g.tolerance,
      convention: d.convention,
      fait: d.fait,
      ...(d.colonnesSaisies ? { colonnesSaisies: d.colonnesSaisies } : {}),
      ...(d.ensemble ? { ensemble: d.ensemble } : {}),
      ...(u ? { unites: u } : {}),
    };
  });
}

/**
 * A typical error as the answers it changes: those of `fausses` that differ from `justes` (among
 * `noms` when given), or null when the case cannot show it.
 */
export function reponsesChangees(fausses: Attendus, justes: Attendus, noms: readonly string[] = Object.keys(fausses)): Attendus | null {
  const changes = noms.filter((n) => n in fausses && JSON.stringify(fausses[n]) !== JSON.stringify(justes[n]));
  return changes.length ? Object.fromEntries(changes.map((n) => [n, fausses[n]!])) : null;
}

/** A read-only « Paramètres »: the rules the exercise applies, each with its reference, for exercises with nothing to set. */
export function feuilleDeRegles(titreFeuille: string, sousTitreFeuille: string, regles: readonly (readonly [string, string])[]): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [22, 70]);
  f.ligne([{ valeur: titreFeuille, style: titre, colonnes: 2 }]);
  f.ligne([{ valeur: sousTitreFeuille, style: sousTitre, colonnes: 2 }]);
  f.vide();
  for (const [quoi, regle] of regles)
    f.ligne([
      { valeur: quoi, style: etiquette },
      { valeur: regle, style: { ...texte, bordure: true } },
    ]);
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms: [] };
}

/**
 * What the corrigé writes in an answer cell: the whole answer (`i` absent), the i-th item of a list,
 * or row i, column j of a table; null when there is none. A date answer (AAAA-MM-JJ) is written as
 * a date, as the student types it.
 */
export function valeurRemplie(remplie: Attendus | undefined, nom: string, i?: number, j?: number): Valeur {
  const v = remplie?.[nom];
  const x = v === undefined || i === undefined ? v : j === undefined ? (v as ValeurAttendue[])[i] : (v as ValeurAttendue[][])[i]?.[j];
  if (x === undefined || x === null || Array.isArray(x)) return null;
  return typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? { date: x } : x;
}

/** Where each defined name lies (its sheet and cells), from a workbook model's names. */
export function ouDesNoms(noms: readonly NomDefini[]): (nom: string) => (Zone & { feuille: string }) | undefined {
  const parNom = new Map(noms.map((n) => [n.nom.toUpperCase(), n]));
  return (nom) => {
    const n = parNom.get(nom.toUpperCase());
    const z = n && zone(n.plage);
    return n && z ? { ...z, feuille: n.feuille } : undefined;
  };
}

/**
 * The numbers a formula of this case may hold without counting as a typed datum: those the template
 * admits (365 days, the 25 % of overtime…), those the énoncé gives only inside a text (the parts
 * of « 40 % comptant ; 60 % à 30 jours », the rate of an escompte), which no reference can reach,
 * and those the student counts (`comptes`).
 */
export function constantesDuCas<E, P>(spec: SpecExercice<E, P>, e: E, p: P): number[] {
  const dansLesTextes = spec.blocs(e).flatMap((b) =>
    'colonnes' in b
      ? b.colonnes.flatMap((c) => {
          const nombres = typeof c.type === 'object' && 'nombres' in c.type ? c.type.nombres : undefined;
          return nombres ? b.lignes.flatMap((l) => nombres(l[c.cle])) : [];
        })
      : [],
  );
  return [...new Set([...spec.gabarit.constantesAdmises, ...dansLesTextes, ...(spec.comptes?.(e, p) ?? [])])];
}

/** « 'Énoncé'! »: a sheet's name as a formula refers to it (quoted, its quotes doubled). */
export const feuilleDansFormule = (feuille: string) => `'${feuille.replace(/'/g, "''")}'!`;

/** The cell of row `i` and column `j` (from 0) of zone `z`, as a formula writes it: « D12 », or « $D$12 » when `absolue`. */
export function celluleDeZone(z: Zone, i: number, j: number, absolue = false): string {
  const d = absolue ? '$' : '';
  return `${d}${lettreColonne(z.gauche - 1 + j)}${d}${z.haut + i}`;
}

/** Where a defined name lies, as `formulesDuCorrige` receives it. */
export type OuNom = (nom: string) => (Zone & { feuille: string }) | undefined;

/**
 * A column of a table laid out from `colonnes` at zone `z`, for a corrigé's formula: the whole column
 * (« 'Énoncé'!E8:E19 ») and its row `i`'s cell, named with their sheet unless `surFeuille` is false.
 */
export function colonneDe(z: Zone & { feuille: string }, colonnes: readonly Colonne[], cle: string, surFeuille = true): { plage: string; cellule: (i: number) => string } {
  const k = colonnes.findIndex((c) => c.cle === cle);
  if (k < 0) throw new Error(`colonne « ${cle} » absente du tableau`);
  const lettre = lettreColonne(z.gauche - 1 + debutsColonnes(colonnes)[k]!);
  const f = surFeuille ? feuilleDansFormule(z.feuille) : '';
  return { plage: `${f}${lettre}${z.haut}:${lettre}${z.bas}`, cellule: (i) => `${f}${lettre}${z.haut + i}` };
}

/** A block's columns, by its name among `blocs`. */
export function colonnesDuBloc(blocs: readonly Bloc[], nom: string): readonly Colonne[] {
  const b = blocs.find((x) => x.nom === nom);
  if (!b || !('colonnes' in b)) throw new Error(`tableau « ${nom} » absent de l'énoncé`);
  return b.colonnes;
}

/**
 * The answer cells of sheet `f` given as formulas (`formules`, by answer name, cell by cell of its
 * range; null keeps the cell), their style kept: the corrigé's model.
 */
export function avecFormules(f: Feuille, ou: ReturnType<typeof ouDesNoms>, formules: Record<string, (string | null)[][]>): Feuille {
  const lignes = f.lignes.map((l) => ({ ...l, cellules: [...l.cellules] }));
  for (const [nom, m] of Object.entries(formules)) {
    const z = ou(nom);
    if (!z || z.feuille !== f.nom) continue;
    m.forEach((rangee, i) =>
      rangee.forEach((formule, j) => {
        const l = lignes[z.haut - 1 + i];
        const c = l?.cellules[z.gauche - 1 + j];
        if (formule === null || !l || !c) return;
        // the expected value the cell held, kept as the formula's saved result (a date as its serial number)
        const v = c.valeur;
        const resultat = v !== null && typeof v === 'object' ? ('date' in v ? serieExcel(v.date) : undefined) : (v ?? undefined);
        l.cellules[z.gauche - 1 + j] = { ...c, valeur: { formule, ...(resultat !== undefined ? { resultat } : {}) } };
      }),
    );
  }
  return { ...f, lignes };
}

/** « Oui » or « Non », as the answers of a yes-or-no question are written. */
export const ouiNon = (oui: boolean) => (oui ? 'Oui' : 'Non');

/** The list a yes-or-no answer's cells offer, with its message. */
export const validationOuiNon = (plage: string) => ({ plage, liste: { elements: ['Oui', 'Non'] }, message: 'Répondez Oui ou Non.' });

/**
 * An answer on a row of its own in « Travail »: its label (the template's) in column A, its cell in
 * B, named, the corrigé's value there when `remplie`; the row's number.
 */
export const ligneDeReponse =
  (f: ConstructeurFeuille, noms: NomDefini[], feuille: string, g: GabaritExercice, remplie: Attendus | undefined) =>
  (nom: string, style: Style): number => {
    const n = f.ligne([
      { valeur: libelleDe(g, nom), style: etiquette },
      { valeur: valeurRemplie(remplie, nom), style },
    ]);
    noms.push({ nom, feuille, plage: `B${n}` });
    return n;
  };
