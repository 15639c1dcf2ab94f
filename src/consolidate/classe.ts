import type { Referentiel } from '../referentiel/schema';
import { agreger, type Agregat, type Methode } from './agregation';
import { identifierEleves, type EleveClasse } from './eleves';
import type { Anomalie, IdentiteEleve, Preuve, Releve, Source } from './preuves';

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
  preuves: PreuveRetenue[];
  couverture: CouvertureCompetence[];
  anomalies: Anomalie[];
}

const ORDRE_NATURE = { PFMP: 0, CCF: 1, Exercice: 2 } as const;
const nomEleve = (e: IdentiteEleve) => `${e.nom} ${e.prenom}`.trim();
const ou = (s: Source) => `« ${s.fichier} »${s.cellule ? ` (feuille ${s.feuille}, cellule ${s.cellule})` : ''}`;

/** Oldest first; undated evidence before dated, then PFMP, CCF, exercises; ties by file and cell, so input order never matters. */
function comparer(a: PreuveRetenue, b: PreuveRetenue): number {
  // field by field, without building keys: a large class sorts a hundred thousand pieces of evidence
  const texte = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);
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

/**
 * Merges the workbooks of a class: students matched by normalised name and class, duplicate
 * evidence counted once, contradictory evidence (two files disagreeing on the same PFMP period or
 * CCF situation) reported and left out, levels aggregated per compétence with the chosen method.
 * Pure and deterministic: the same files in any order give the same class.
 */
export function consoliderClasse(releves: readonly Releve[], r: Referentiel, methode: Methode): ClasseConsolidee {
  const anomalies: Anomalie[] = releves.flatMap((x) => x.anomalies);
  // a file names its student in a few objects shared by its evidence: each identity is matched once
  const identites = new Set(releves.flatMap((x) => [...x.eleves, ...[...x.preuves, ...x.semaines, ...x.notes].map((p) => p.eleve)]));
  const { eleves, rattacher } = identifierEleves([...identites]);
  const rattachements = new Map<IdentiteEleve, ReturnType<typeof rattacher>>();
  const signales = new Set<string>();
  /** The student's id, or undefined (and one anomaly per file and name) when the name fits several classes. */
  const idDe = (e: IdentiteEleve, s: Source): string | undefined => {
    const x = rattachements.get(e) ?? rattachements.set(e, rattacher(e)).get(e)!;
    if ('id' in x) return x.id;
    const cle = `${s.fichier}|${nomEleve(e)}`;
    if (!signales.has(cle)) {
      signales.add(cle);
      anomalies.push({ fichier: s.fichier, feuille: s.feuille, cellule: '', probleme: `« ${nomEleve(e)} » n'a pas de classe et plusieurs élèves portent ce nom (${x.ambigu.join(', ')}).`, action: 'Non rattaché : indiquez la classe dans la liste des élèves et régénérez le classeur.' });
    }
    return undefined;
  };

  const preuves: PreuveRetenue[] = [];
  for (const x of releves)
    for (const p of x.preuves) {
      const id = idDe(p.eleve, p.source);
      if (id) preuves.push({ ...p, eleveId: id, retenue: true, motif: '' });
    }
  preuves.sort(comparer);

  // The same slot twice: counted once when both agree, left out and reported when they differ. Sorted,
  // the evidence of one student and compétence is one run: slots are grouped run by run.
  for (let debut = 0; debut < preuves.length; ) {
    let fin = debut + 1;
    while (fin < preuves.length && preuves[fin]!.eleveId === preuves[debut]!.eleveId && preuves[fin]!.competence === preuves[debut]!.competence) fin++;
    const creneaux = new Map<string, PreuveRetenue[]>();
    for (let i = debut; i < fin; i++) {
      const p = preuves[i]!;
      ajouter(creneaux, p.creneau ?? `${p.libelle}|${p.date}|${p.degre}`, p);
    }
    debut = fin;
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
        action: 'Aucun n\'est retenu : à trancher dans les grilles.',
      });
    }
  }

  const parEleve = new Map<string, PreuveRetenue[]>();
  const positionnements = new Map<string, number>(); // per compétence, « NE » left out
  for (const p of preuves) {
    if (!p.retenue) continue;
    ajouter(parEleve, p.eleveId, p);
    if (p.degre !== 'NE') positionnements.set(p.competence, (positionnements.get(p.competence) ?? 0) + 1);
  }
  const semaines = semainesParEleve(releves, idDe, r, anomalies);
  const notes = notesParEleve(releves, idDe, anomalies);

  const codesDesBlocs = r.blocs.map((b) => ({ code: b.code, codes: b.activites.flatMap((a) => a.competences.map((c) => c.code)) }));
  const consolides: EleveConsolide[] = eleves.map((e) => {
    const siennes = parEleve.get(e.id) ?? [];
    const competences: Record<string, Agregat> = {};
    const parCode = new Map<string, PreuveRetenue[]>();
    for (const p of siennes) ajouter(parCode, p.competence, p);
    for (const [code, liste] of parCode) {
      const a = agreger(liste.map((p) => p.degre), methode);
      if (a) competences[code] = a;
    }
    const blocs = codesDesBlocs.map(({ code, codes }) => {
      const degres = codes.flatMap((c) => (competences[c] ? [competences[c].degre] : []));
      return { code, evaluees: degres.length, total: codes.length, moyenne: degres.length ? degres.reduce((a: number, x) => a + x, 0) / degres.length : null };
    });
    return { ...e, competences, blocs, semaines: semaines.get(e.id) ?? null, notes: notes.get(e.id) ?? {} };
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
  anomalies.sort((a, b) => (a.fichier === b.fichier ? 0 : a.fichier < b.fichier ? -1 : 1));
  return { methode, fichiers: releves.map((x) => x.fichier).sort(), eleves: consolides, preuves, couverture, anomalies };
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
  for (const x of [...items].sort((a, b) => (a.source.fichier === b.source.fichier ? 0 : a.source.fichier < b.source.fichier ? -1 : 1))) {
    const id = idDe(x.eleve, x.source);
    if (id) ajouter(groupes, `${id}${suffixe(x)}`, x);
  }
  return groupes;
}

/** Weeks per period, merged across files; two files giving different weeks for a period leave it out. */
function semainesParEleve(releves: readonly Releve[], idDe: IdDe, r: Referentiel, anomalies: Anomalie[]): Map<string, SemainesEleve> {
  const res = new Map<string, SemainesEleve>();
  for (const [id, liste] of grouperParEleve(releves.flatMap((x) => x.semaines), idDe)) {
    const n = Math.max(...liste.map((s) => s.periodes.length));
    const periodes = Array.from({ length: n }, (_, k) => {
      const valeurs = liste.flatMap((s) => (s.periodes[k] === null || s.periodes[k] === undefined ? [] : [{ v: s.periodes[k]!, s }]));
      if (new Set(valeurs.map((x) => x.v)).size > 1) {
        anomalies.push({ fichier: valeurs[0]!.s.source.fichier, feuille: valeurs[0]!.s.source.feuille, cellule: '', probleme: `Semaines de PFMP contradictoires pour ${nomEleve(liste[0]!.eleve)}, période P${k + 1} : ${valeurs.map((x) => `${x.v} dans « ${x.s.source.fichier} »`).join(', ')}.`, action: 'Période non comptée : à trancher dans les attestations.' });
        return null;
      }
      return valeurs[0]?.v ?? null;
    });
    const cycles = new Set(liste.map((s) => s.cycle));
    if (cycles.size > 1) anomalies.push({ fichier: liste[0]!.source.fichier, feuille: liste[0]!.source.feuille, cellule: '', probleme: `Cycle de formation contradictoire pour ${nomEleve(liste[0]!.eleve)} (3 ans et 2 ans selon les attestations).`, action: `Durée requise de ${r.pfmp.dureeSemaines} semaines retenue (cycle en 3 ans).` });
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
function notesParEleve(releves: readonly Releve[], idDe: IdDe, anomalies: Anomalie[]): Map<string, Record<string, NoteEleve>> {
  const res = new Map<string, Record<string, NoteEleve>>();
  for (const [cle, toutes] of grouperParEleve(releves.flatMap((x) => x.notes), idDe, (n) => `\n${n.epreuve}`)) {
    const remplies = toutes.filter((x) => !x.vide);
    const liste = remplies.length ? remplies : toutes.slice(0, 1);
    const [id, epreuve] = cle.split('\n') as [string, string];
    const notes = res.get(id) ?? {};
    res.set(id, notes);
    const n = liste[0]!;
    if (new Set(liste.map((x) => x.note)).size > 1) {
      notes[epreuve] = { contradictoires: liste.map((x) => ({ note: x.note, fichier: x.source.fichier })) };
      anomalies.push({ fichier: n.source.fichier, feuille: n.source.feuille, cellule: '', probleme: `Notes proposées contradictoires pour ${nomEleve(n.eleve)} en ${epreuve} : ${liste.map((x) => `${x.note ?? 'aucune'} dans « ${x.source.fichier} »`).join(', ')}.`, action: 'Aucune note reprise : à trancher dans les grilles.' });
    } else notes[epreuve] = { note: n.note, positionnees: n.positionnees, competences: n.competences, vide: n.vide, fichier: n.source.fichier };
  }
  return res;
}

