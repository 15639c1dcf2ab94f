import type { Referentiel } from '../referentiel/schema';
import { competences as competencesDu } from '../referentiel';
import { agreger, type Agregat, type Methode } from './agregation';
import { magasinEnMemoire, type Bande, type Enregistrement, type Magasin, type Tri } from './bandes';
import { cleDuNom, identifierEleves, type EleveClasse } from './eleves';
import type { Anomalie, Degre, IdentiteEleve, Nature, NoteCcf, Preuve, Releve, SemainesPfmp, Source } from './preuves';

export interface PreuveRetenue extends Preuve {
  eleveId: string;
  retenue: boolean;
  motif: string; // why it is not counted: duplicate or contradiction
}

export interface SemainesEleve {
  cycle: '3 ans' | '2 ans';
  periodes: (number | null)[];
  total: number;
  requis: number;
  manque: number;
}

export type NoteEleve = { note: number | null; positionnees: number; competences: number; vide: boolean; fichier: string } | { contradictoires: { note: number | null; fichier: string }[] };

export interface EleveConsolide extends EleveClasse {
  competences: Record<string, Agregat>;
  /** « Feuille de calcul »: the mean share of calculations made by formulas that follow the data, over the student's exercises that give it (null: none) */
  tableur: number | null;
  blocs: { code: string; evaluees: number; total: number; moyenne: number | null }[];
  semaines: SemainesEleve | null;
  notes: Record<string, NoteEleve>;
}

export interface CouvertureCompetence {
  code: string;
  libelle: string;
  bloc: string;
  evalues: number;
  degres: [number, number, number, number];
  positionnements: number;
}

export interface ClasseConsolidee {
  methode: Methode;
  fichiers: string[];
  eleves: EleveConsolide[];
  preuves: PreuvesDeLaClasse;
  couverture: CouvertureCompetence[];
  anomalies: Anomalie[];
}

const ORDRE_NATURE = { PFMP: 0, CCF: 1, Exercice: 2 } as const;
const nomEleve = (e: IdentiteEleve) => `${e.nom} ${e.prenom}`.trim();
const ou = (s: Source) => `« ${s.fichier} »${s.cellule ? ` (feuille ${s.feuille}, cellule ${s.cellule})` : ''}`;
const texte = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);

/** Oldest first; undated evidence before dated, then PFMP, CCF, exercises; ties by file and cell, so input order never matters. */
function comparer(a: PreuveRetenue, b: PreuveRetenue): number {
  // field by field, without building keys: a large class sorts a hundred thousand pieces of evidence
  return (
    texte(a.eleveId, b.eleveId) ||
    texte(a.competence, b.competence) ||
    texte(a.date ?? '', b.date ?? '') ||
    ORDRE_NATURE[a.nature] - ORDRE_NATURE[b.nature] ||
    texte(a.libelle, b.libelle) ||
    texte(a.source.fichier, b.source.fichier) ||
    a.rang - b.rang
  );
}

/** The evidence of the class in the order of « Détail »: read as it is written, never held whole when it is on disk. */
export interface PreuvesDeLaClasse extends Iterable<PreuveRetenue> {
  readonly nombre: number;
  /** counted in the levels: neither duplicate nor contradictory */
  readonly retenues: number;
}

/**
 * Merges the workbooks of a class: students matched by normalised name and class, duplicate
 * evidence counted once, contradictory evidence (two files disagreeing on the same PFMP period or
 * CCF situation) reported and left out, levels aggregated per compétence with the chosen method.
 * Deterministic: the same files in any order give the same class.
 *
 * Files are given one at a time (`ajouter`) and only their identities, weeks and marks stay in
 * memory; their evidence goes to the `magasin` (on disk for a large class) as compact records,
 * sorted by student name, and is read back one student at a time by `terminer`.
 */
export class Consolidation {
  private readonly identites = new Map<string, number>();
  private readonly parIndice: IdentiteEleve[] = [];
  private readonly nomsTries: string[] = []; // per identity: the name key evidence is sorted by
  private readonly fichiers: string[] = [];
  private readonly semaines: SemainesPfmp[] = [];
  private readonly notes: NoteCcf[] = [];
  private readonly anomalies: Anomalie[] = [];
  private readonly tri: Tri;

  constructor(
    private readonly r: Referentiel,
    private readonly methode: Methode,
    private readonly magasin: Magasin = magasinEnMemoire(),
  ) {
    // the name key and a bar: « DUPONT|JEAN| » sorts as the ids « DUPONT|JEAN|<classe> » do
    this.tri = magasin.tri((a, b) => texte(this.nomsTries[a]!, this.nomsTries[b]!));
  }

  /** One canonical object per identity, by index: the files' own objects are many, the students few. */
  private indice(e: IdentiteEleve): number {
    const cle = `${e.nom}\u0000${e.prenom}\u0000${e.classe}\u0000${e.ine ?? ''}`;
    const vu = this.identites.get(cle);
    if (vu !== undefined) return vu;
    this.identites.set(cle, this.parIndice.length);
    this.parIndice.push({ nom: e.nom, prenom: e.prenom, classe: e.classe, ...(e.ine ? { ine: e.ine } : {}) });
    this.nomsTries.push(`${cleDuNom(e)}|`);
    return this.parIndice.length - 1;
  }
  private canonique = (e: IdentiteEleve) => this.parIndice[this.indice(e)]!;

  ajouter(x: Releve): void {
    const f = this.fichiers.push(x.fichier) - 1;
    this.anomalies.push(...x.anomalies);
    for (const e of x.eleves) this.indice(e);
    for (const s of x.semaines) this.semaines.push({ ...s, eleve: this.canonique(s.eleve) });
    for (const n of x.notes) this.notes.push({ ...n, eleve: this.canonique(n.eleve) });
    for (const p of x.preuves)
      this.tri.ajouter([
        this.indice(p.eleve),
        p.competence,
        p.nature,
        p.libelle,
        p.creneau,
        p.date,
        p.rang,
        p.niveauLu,
        p.degre,
        f,
        p.source.feuille,
        p.source.cellule,
        p.tableur ?? null,
        p.taux ?? null,
      ]);
  }

  terminer(): ClasseConsolidee {
    const { r, methode, anomalies, parIndice, fichiers } = this;
    const preuve = (x: Enregistrement) => decoder(x, parIndice, fichiers);
    const { eleves, rattacher } = identifierEleves(this.parIndice);
    const rattachements = new Map<IdentiteEleve, ReturnType<typeof rattacher>>();
    const signales = new Set<string>();
    /** The student's id, or undefined (and one anomaly per file and name) when the name fits several classes. */
    const idDe = (e: IdentiteEleve, s: Source): string | undefined => {
      const x = rattachements.get(e) ?? rattachements.set(e, rattacher(e)).get(e)!;
      if ('id' in x) return x.id;
      const cle = `${s.fichier}|${nomEleve(e)}`;
      if (!signales.has(cle)) {
        signales.add(cle);
        anomalies.push({
          fichier: s.fichier,
          feuille: s.feuille,
          cellule: '',
          probleme: `« ${nomEleve(e)} » n'a pas de classe et plusieurs élèves portent ce nom (${x.ambigu.join(', ')}).`,
          action: 'Non rattaché : indiquez la classe dans la liste des élèves et régénérez le classeur.',
        });
      }
      return undefined;
    };

    const detail = this.magasin.bande();
    let retenues = 0;
    const competencesDe = new Map<string, Record<string, Agregat>>();
    const niveaux = modeleDesNiveaux(r);
    // a few hundred distinct aggregates for a hundred thousand (student, compétence): each kept once, frozen
    const agregats = new Map<string, Agregat>();
    const unique = (a: Agregat) => {
      const cle = `${a.valeur}|${a.degre}|${a.positionnements}`;
      return agregats.get(cle) ?? agregats.set(cle, Object.freeze(a)).get(cle)!;
    };
    const positionnements = new Map<string, number>(); // per compétence, « NE » left out
    // each exercise's share once (its evidence is one row per compétence), by student
    const tableurs = new Map<string, { somme: number; n: number; vus: Set<string> }>();
    // The evidence comes sorted by name: the students of one name (a class or several) together.
    for (const groupe of parNom(this.tri.trie(), (x) => this.nomsTries[x[0] as number]!)) {
      const lues = new Map<PreuveRetenue, Enregistrement>();
      for (const x of groupe) {
        const p = preuve(x);
        const id = idDe(p.eleve, p.source);
        if (!id) continue;
        p.eleveId = id;
        lues.set(p, x);
      }
      const preuves = [...lues.keys()].sort(comparer);
      // The same slot twice: counted once when both agree, left out and reported when they differ.
      // Sorted, the evidence of one student and compétence is one run: slots are grouped run by run.
      for (let debut = 0; debut < preuves.length;) {
        let fin = debut + 1;
        while (fin < preuves.length && preuves[fin]!.eleveId === preuves[debut]!.eleveId && preuves[fin]!.competence === preuves[debut]!.competence) fin++;
        const serie = preuves.slice(debut, fin);
        debut = fin;
        departager(serie, anomalies);
        const gardees = serie.filter((p) => p.retenue);
        const { eleveId, competence } = serie[0]!;
        const a = agreger(
          gardees.map((p) => p.degre),
          methode,
        );
        if (a) (competencesDe.get(eleveId) ?? competencesDe.set(eleveId, { ...niveaux }).get(eleveId)!)[competence] = unique(a);
        retenues += gardees.length;
        for (const p of gardees) {
          if (p.tableur === undefined) continue;
          const t = tableurs.get(eleveId) ?? tableurs.set(eleveId, { somme: 0, n: 0, vus: new Set() }).get(eleveId)!;
          const copie = `${p.source.fichier}\u0000${p.libelle}`;
          if (t.vus.has(copie)) continue;
          t.vus.add(copie);
          t.somme += p.tableur;
          t.n++;
        }
        const comptees = gardees.filter((p) => p.degre !== 'NE').length;
        if (comptees) positionnements.set(competence, (positionnements.get(competence) ?? 0) + comptees);
        for (const p of serie) detail.ajouter([...lues.get(p)!, p.eleveId, p.retenue, p.motif]);
      }
    }
    detail.clore();
    const semaines = semainesParEleve(this.semaines, idDe, r, anomalies);
    const notes = notesParEleve(this.notes, idDe, anomalies);

    const codesDesBlocs = r.blocs.map((b) => ({ code: b.code, codes: b.activites.flatMap((a) => a.competences.map((c) => c.code)) }));
    const consolides: EleveConsolide[] = eleves.map((e) => {
      const competences = competencesDe.get(e.id) ?? { ...niveaux };
      const blocs = codesDesBlocs.map(({ code, codes }) => {
        const degres = codes.flatMap((c) => (competences[c] ? [competences[c].degre] : []));
        return { code, evaluees: degres.length, total: codes.length, moyenne: degres.length ? degres.reduce((a: number, x) => a + x, 0) / degres.length : null };
      });
      const t = tableurs.get(e.id);
      return { ...e, competences, blocs, tableur: t ? t.somme / t.n : null, semaines: semaines.get(e.id) ?? null, notes: notes.get(e.id) ?? {} };
    });

    const couverture = r.blocs.flatMap((b) =>
      b.activites.flatMap((a) =>
        a.competences.map((c): CouvertureCompetence => {
          const degres: [number, number, number, number] = [0, 0, 0, 0];
          for (const e of consolides) if (e.competences[c.code]) degres[e.competences[c.code]!.degre - 1]!++;
          return { code: c.code, libelle: c.libelle, bloc: b.code, evalues: degres.reduce((x, y) => x + y, 0), degres, positionnements: positionnements.get(c.code) ?? 0 };
        }),
      ),
    );
    anomalies.sort((a, b) => texte(a.fichier, b.fichier));
    return { methode, fichiers: [...fichiers].sort(), eleves: consolides, preuves: lectureDuDetail(detail, retenues, parIndice, fichiers), couverture, anomalies };
  }
}

/** A piece of evidence as stored: identity and file by their index; in « Détail », then the student's id, whether it is counted, and why not. */
type RecordPreuve = [number, string, Nature, string, string | null, string | null, number, string, Degre | 'NE', number, string, string, number | null, number | null, string?, boolean?, string?];

function decoder(x: Enregistrement, identites: readonly IdentiteEleve[], fichiers: readonly string[]): PreuveRetenue {
  const [i, competence, nature, libelle, creneau, date, rang, niveauLu, degre, f, feuille, cellule, tableur, taux, eleveId = '', retenue = true, motif = ''] = x as RecordPreuve;
  return {
    eleve: identites[i]!,
    competence,
    nature,
    libelle,
    creneau,
    date,
    rang,
    niveauLu,
    degre,
    source: { fichier: fichiers[f]!, feuille, cellule },
    ...(tableur === null ? {} : { tableur }),
    ...(taux === null ? {} : { taux }),
    eleveId,
    retenue,
    motif,
  };
}

/** « Détail » read back: a function of its own, so that nothing of the consolidation but the names of students and files stays reachable from it. */
function lectureDuDetail(detail: Bande, retenues: number, identites: readonly IdentiteEleve[], fichiers: readonly string[]): PreuvesDeLaClasse {
  return {
    nombre: detail.nombre,
    retenues,
    *[Symbol.iterator]() {
      for (const x of detail.lire()) yield decoder(x, identites, fichiers);
    },
  };
}

/**
 * Every compétence of the référentiel as a key, undefined until aggregated: each student's levels
 * are copies of it. An object given its 37 keys one by one (`o[code] = …`) turns into a hash table
 * in V8 after a dozen (5,2 Mo of them for 3 000 students); a copy of one made by JSON.parse keeps
 * its compact layout (0,6 Mo).
 */
function modeleDesNiveaux(r: Referentiel): Record<string, Agregat> {
  const m = JSON.parse(JSON.stringify(Object.fromEntries(competencesDu(r).map((c) => [c.code, 0])))) as Record<string, unknown>;
  for (const k of Object.keys(m)) m[k] = undefined;
  return m as Record<string, Agregat>;
}

/** Duplicates (the same slot, the same level) counted once; contradictions (the same slot, different levels) all left out and reported. */
function departager(serie: PreuveRetenue[], anomalies: Anomalie[]): void {
  const creneaux = new Map<string, PreuveRetenue[]>();
  for (const p of serie) ajouter(creneaux, p.creneau ?? `${p.libelle}|${p.date}|${p.degre}`, p);
  for (const groupe of creneaux.values()) {
    if (groupe.length < 2) continue;
    const [premiere, ...autres] = groupe;
    if (new Set(groupe.map((p) => p.niveauLu)).size === 1) {
      for (const p of autres) Object.assign(p, { retenue: false, motif: `Doublon de ${ou(premiere!.source)}` });
      continue;
    }
    for (const p of groupe) Object.assign(p, { retenue: false, motif: 'Contradictoire : non retenu' });
    anomalies.push({
      fichier: premiere!.source.fichier,
      feuille: premiere!.source.feuille,
      cellule: premiere!.source.cellule,
      probleme: `Positionnements contradictoires de ${nomEleve(premiere!.eleve)} en ${premiere!.competence}, ${premiere!.libelle} : ${groupe.map((p) => `${p.niveauLu} dans ${ou(p.source)}`).join(', ')}.`,
      action: "Aucun n'est retenu : à trancher dans les grilles.",
    });
  }
}

/** Consecutive records of the same key, as arrays: one name's evidence at a time. */
function* parNom(x: Iterable<Enregistrement>, cle: (e: Enregistrement) => string): Generator<Enregistrement[]> {
  let groupe: Enregistrement[] = [];
  for (const e of x) {
    if (groupe.length && cle(e) !== cle(groupe[0]!)) {
      yield groupe;
      groupe = [];
    }
    groupe.push(e);
  }
  if (groupe.length) yield groupe;
}

/** Consolidates files already read (the tests, one workbook in the task pane). */
export function consoliderClasse(releves: readonly Releve[], r: Referentiel, methode: Methode): ClasseConsolidee {
  const c = new Consolidation(r, methode);
  for (const x of releves) c.ajouter(x);
  return c.terminer();
}

/** Appends to a list in a map (grouping in one pass, whatever the class size). */
function ajouter<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

type IdDe = (e: IdentiteEleve, s: Source) => string | undefined;

/** Items of the same student (and `suffixe`, e.g. the épreuve) together, in file order whatever the input order. */
function grouperParEleve<T extends { eleve: IdentiteEleve; source: Source }>(items: readonly T[], idDe: IdDe, suffixe: (x: T) => string = () => ''): Map<string, T[]> {
  const groupes = new Map<string, T[]>();
  for (const x of [...items].sort((a, b) => texte(a.source.fichier, b.source.fichier))) {
    const id = idDe(x.eleve, x.source);
    if (id) ajouter(groupes, `${id}${suffixe(x)}`, x);
  }
  return groupes;
}

/** Weeks per period, merged across files; two files giving different weeks for a period leave it out. */
function semainesParEleve(toutes: readonly SemainesPfmp[], idDe: IdDe, r: Referentiel, anomalies: Anomalie[]): Map<string, SemainesEleve> {
  const res = new Map<string, SemainesEleve>();
  for (const [id, liste] of grouperParEleve(toutes, idDe)) {
    const n = Math.max(...liste.map((s) => s.periodes.length));
    const periodes = Array.from({ length: n }, (_, k) => {
      const valeurs = liste.flatMap((s) => (s.periodes[k] === null || s.periodes[k] === undefined ? [] : [{ v: s.periodes[k]!, s }]));
      if (new Set(valeurs.map((x) => x.v)).size > 1) {
        anomalies.push({
          fichier: valeurs[0]!.s.source.fichier,
          feuille: valeurs[0]!.s.source.feuille,
          cellule: '',
          probleme: `Semaines de PFMP contradictoires pour ${nomEleve(liste[0]!.eleve)}, période P${k + 1} : ${valeurs.map((x) => `${x.v} dans « ${x.s.source.fichier} »`).join(', ')}.`,
          action: 'Période non comptée : à trancher dans les attestations.',
        });
        return null;
      }
      return valeurs[0]?.v ?? null;
    });
    const cycles = new Set(liste.map((s) => s.cycle));
    if (cycles.size > 1)
      anomalies.push({
        fichier: liste[0]!.source.fichier,
        feuille: liste[0]!.source.feuille,
        cellule: '',
        probleme: `Cycle de formation contradictoire pour ${nomEleve(liste[0]!.eleve)} (3 ans et 2 ans selon les attestations).`,
        action: `Durée requise de ${r.pfmp.dureeSemaines} semaines retenue (cycle en 3 ans).`,
      });
    const cycle = cycles.size === 1 && cycles.has('2 ans') ? '2 ans' : '3 ans';
    const requis = cycle === '2 ans' ? r.pfmp.dureeCycleDeuxAnsSemaines : r.pfmp.dureeSemaines;
    const total = periodes.reduce((a: number, x) => a + (x ?? 0), 0);
    res.set(id, { cycle, periodes, total, requis, manque: Math.max(0, requis - total) });
  }
  return res;
}

/**
 * Proposed CCF marks; two grids of the same épreuve with different marks are reported, not averaged.
 * An empty grid (a blank copy in another teacher's workbook) gives way to a filled one.
 */
function notesParEleve(toutesLesNotes: readonly NoteCcf[], idDe: IdDe, anomalies: Anomalie[]): Map<string, Record<string, NoteEleve>> {
  const res = new Map<string, Record<string, NoteEleve>>();
  for (const [cle, toutes] of grouperParEleve(toutesLesNotes, idDe, (n) => `\n${n.epreuve}`)) {
    const remplies = toutes.filter((x) => !x.vide);
    const liste = remplies.length ? remplies : toutes.slice(0, 1);
    const [id, epreuve] = cle.split('\n') as [string, string];
    const notes = res.get(id) ?? {};
    res.set(id, notes);
    const n = liste[0]!;
    if (new Set(liste.map((x) => x.note)).size > 1) {
      notes[epreuve] = { contradictoires: liste.map((x) => ({ note: x.note, fichier: x.source.fichier })) };
      anomalies.push({
        fichier: n.source.fichier,
        feuille: n.source.feuille,
        cellule: '',
        probleme: `Notes proposées contradictoires pour ${nomEleve(n.eleve)} en ${epreuve} : ${liste.map((x) => `${x.note ?? 'aucune'} dans « ${x.source.fichier} »`).join(', ')}.`,
        action: 'Aucune note reprise : à trancher dans les grilles.',
      });
    } else notes[epreuve] = { note: n.note, positionnees: n.positionnees, competences: n.competences, vide: n.vide, fichier: n.source.fichier };
  }
  return res;
}
