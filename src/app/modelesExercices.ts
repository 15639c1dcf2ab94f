/**
 * The exercise templates and what can be done with them without a file: a case generated from a seed,
 * the workbook model, an exercise read back from a workbook (a file or the one open in Excel).
 */
import { ErreurFichier } from '../io/erreurFichier';
import type { ClasseurLu } from '../io/ports';
import { entreesLues, FORMAT_AGORA, versionMajeure } from '../sheets/agora';
import type { ReglagesVerification } from '../sheets/exercices/reglages';
import { ErreurDonnees, valider } from '../domain/validation';
import { Hasard, graineDe } from '../domain/cas/hasard';
import { aleasDuCas, verifierAleas } from '../domain/cas/aleas';
import { avantLaTable, de, METTRE_A_JOUR, reconduction } from '../domain/parametres/enVigueur';
import { couvertureDe, TABLES_OFFICIELLES, type TablesDatees } from '../domain/parametres/tables';
import { moisEnLettres, deMois } from '../domain/dates';
import { nomComplet, type Eleve } from '../sheets/eleve';
import { paquetDuModele, paquetExercice, type Paquet, type TypeExercice } from '../exercices/registre';
import { champsScelles, classeurCorrige, classeurExercice, CLES_EXERCICE, type OptionsExercice } from '../sheets/exercices/classeurExercice';
import { empreinteParametres, estTable } from '../sheets/exercices/blocs';
import { ANCRES, FEUILLES } from '../sheets/exercices/commun';
import type { SpecExercice } from '../sheets/exercices/commun';
import { lireBlocs } from '../sheets/exercices/lecture';
import type { CleEnseignant } from '../domain/sceau';
import type { Classeur } from '../sheets/model';

/** An exercise template's version and title, from the id `_agora` records; undefined when unknown. */
export function modeleExercice(id: string): { version: string; titre: string } | undefined {
  const g = paquetDuModele(id)?.spec.gabarit;
  return g && { version: g.version, titre: g.titre };
}

export interface DemandeExercice {
  type: TypeExercice;
  graine?: number; // absent: drawn from the clock, and printed
  aleas?: string[]; // absent: two drawn from the seed
  periode: string; // AAAA-MM (trésorerie: first month)
  mois?: number; // trésorerie: 3 to 12 months (the template's default otherwise)
  donnees?: string; // a teacher's JSON case: no seed, no aléas
  date: string;
  reglages?: ReglagesVerification; // how the copies will be checked (the defaults otherwise)
  cle?: CleEnseignant; // the teacher's key, to seal the workbooks (never written in them)
  tables?: TablesDatees; // the dated tables a teacher's parameters file brought (AGOrA's otherwise)
}

/** The aléas of a case as the énoncé and the pane's checkboxes name them (« Facture non encore échue »), not by their codes. */
export const aleasEnClair = (type: TypeExercice, codes: readonly string[]): string =>
  codes.map((c) => paquetExercice(type).spec.gabarit.aleas.find((a) => a.code === c)?.libelle ?? c).join(' ; ') || 'aucun';

/** Options checked before any file is written (a class gets one message, not one per student). */
export function verifierDemande(d: DemandeExercice): void {
  const p = paquetExercice(d.type);
  if (d.aleas) verifierAleas(d.type, p.aleas, d.aleas);
  const avant = p.couverture && !d.donnees ? avantLaTable(couvertureDe(p.couverture.table, d.tables ?? TABLES_OFFICIELLES), d.periode) : undefined;
  if (avant) throw new RangeError(`Impossible de créer ce cas : ${avant}.`);
}

/** What an exercise's case says of its dated values, when its month is past the table's last known ones (« reconduites »). */
export function reconductionDuCas(type: TypeExercice, entree: unknown, tables: TablesDatees = TABLES_OFFICIELLES): string | undefined {
  const c = paquetExercice(type).couverture;
  return c && reconduction(couvertureDe(c.table, tables), c.mois(entree));
}

/**
 * Where the case's dated values come from, when a teacher's file brought its table: « Paramètres »
 * says so, and the sealed `_agora` keeps it with the values' fingerprint.
 */
export function origineDesValeurs(type: TypeExercice, tables: TablesDatees | undefined): string | undefined {
  const c = paquetExercice(type).couverture;
  if (!c || !tables?.fournies?.tables.includes(c.table)) return undefined;
  const t = couvertureDe(c.table, tables);
  return `Valeurs ${de(t.table)} fournies par l\u2019enseignant, fichier « ${tables.fournies.fichier} » (${deMois(moisEnLettres(t.du))} à ${moisEnLettres(t.au)}) ; source : ${tables[c.table].source}.`;
}

/**
 * What the teacher is told of a case's dated values: a parameters file that lacks the exercise's
 * table; a case priced past its table (the énoncé's sentence), with how to bring newer values
 * (`conseil`: the command line's way, or the pane's).
 */
export function avertissements(d: DemandeExercice, reconduction: string | undefined, conseil = METTRE_A_JOUR): string[] {
  const c = paquetExercice(d.type).couverture;
  const f = d.tables?.fournies;
  const absente =
    c && f && !f.tables.includes(c.table)
      ? `Le fichier de paramètres « ${f.fichier} » ne contient pas ${couvertureDe(c.table, TABLES_OFFICIELLES).table} : les valeurs d\u2019AGOrA s\u2019appliquent.`
      : undefined;
  return [...(absente ? [absente] : []), ...(reconduction ? [`${reconduction} ${conseil}`] : [])];
}

export interface CasPrepare {
  entree: unknown; // validated case
  graine: number | null;
  aleas: string[];
}

/**
 * The case of one student, generated: no file is read. Its number is the seed it is drawn from, and
 * that number recreates it, with or without the student's name: a number given for one student is
 * used as it is; without one, it comes from the student's name; for a class (`classe`), each student's
 * comes from their name and the class's number, so that each gets their own case.
 */
export function casGenere(d: DemandeExercice, eleve: Eleve | null, classe = false): CasPrepare {
  const def = paquetExercice(d.type);
  const graine = eleve && (classe || d.graine === undefined) ? graineDe(nomComplet(eleve), d.graine ?? 1) : (d.graine ?? 1);
  const aleas = aleasDuCas(d.type, def.aleas, d.aleas, new Hasard(graine));
  return { entree: valider(def.schema, def.generer(graine, d.periode, aleas, d.mois, d.tables ?? TABLES_OFFICIELLES), 'le cas généré'), graine, aleas };
}

/** One student's exercise as a workbook model (and its corrigé, built on demand): what files and the task pane render. */
export function modeleDExercice(
  d: DemandeExercice,
  eleve: Eleve | null,
  cas: CasPrepare = casGenere(d, eleve),
): { classeur: Classeur; corrige: () => Classeur; cas: CasPrepare; reconduction?: string } {
  const spec = paquetExercice(d.type).spec;
  const p = spec.parametresParDefaut(cas.entree, d.tables ?? TABLES_OFFICIELLES);
  const reconduction = reconductionDuCas(d.type, cas.entree, d.tables);
  const origine = origineDesValeurs(d.type, d.tables);
  const o: OptionsExercice = {
    graine: cas.graine,
    aleas: cas.aleas,
    eleve,
    date: d.date,
    ...(d.reglages ? { reglages: d.reglages } : {}),
    ...(d.cle ? { cle: d.cle } : {}),
    ...(reconduction ? { reconduction } : {}),
    ...(origine ? { origine } : {}),
  };
  return { classeur: classeurExercice(spec, cas.entree, p, o), corrige: () => classeurCorrige(spec, cas.entree, p, o), cas, ...(reconduction ? { reconduction } : {}) };
}

export interface ExerciceOuvert {
  fichier: string;
  classeur: ClasseurLu;
  modele: string;
  spec: SpecExercice<unknown, unknown>;
  entree: unknown;
  parametres: unknown;
  graine: number | null;
  aleas: string[];
  enonceModifie: string[]; // blocks whose fingerprint no longer matches `_agora` (« Paramètres » for the parameters)
  /** the student the workbook was made for (empty texts when none) */
  eleve: Eleve;
  /** the teacher's seal as read, and the fields it must cover as the workbook now stands */
  sceau: { lu: string; champs: string[] };
  /** the fingerprints of the case's blocks and of the parameters as the workbook now stands (what `agora sceller` records) */
  empreintes: Record<string, string>;
}

/** The student an exercise workbook was made for, from `_agora`'s table of generated sheets (empty texts when none). */
function eleveDuClasseur(lignesAgora: readonly string[][]): Eleve {
  const l = entreesLues(lignesAgora).find((x) => x.ancre === ANCRES.travail);
  return { nom: l?.nom ?? '', prenom: l?.prenom ?? '', classe: l?.classe ?? '' };
}

/** « 1.2.0 » before « 1.10.0 »: versions compared number by number. */
const avant = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  const i = x.findIndex((n, k) => n !== y[k]);
  return i >= 0 && (x[i] ?? 0) < (y[i] ?? 0);
};

/**
 * The package's spec as a workbook of template `version` knows it: answers the template gained
 * later (`depuis`) have no cell there, so they are not expected (a copy already given out is checked
 * on what it asks). A workbook without a version is taken as the current one.
 */
function sansReponsesPosterieures(spec: SpecExercice<unknown, unknown>, version: string): SpecExercice<unknown, unknown> {
  const absentes = version ? spec.gabarit.reponses.flatMap((r) => (r.depuis && r.nom && avant(version, r.depuis) ? [r.nom] : [])) : [];
  if (!absentes.length) return spec;
  return { ...spec, attendus: (e, p) => Object.fromEntries(Object.entries(spec.attendus(e, p)).filter(([n]) => !absentes.includes(n))) };
}

/**
 * An exercise read from a workbook, a file or the one open in Excel (`fichier` names it in messages):
 * its template, case and parameters as the énoncé states them, and the blocks edited since generation.
 */
export function exerciceDuClasseur(c: ClasseurLu, fichier: string, corrigeAccepte = true): ExerciceOuvert {
  const lu = c.agora.get(CLES_EXERCICE.modele);
  const modele = corrigeAccepte ? lu?.replace(/^corrige-/, '') : lu;
  if (!corrigeAccepte && lu?.startsWith('corrige-')) throw new ErreurFichier(`« ${fichier} » est un corrigé de l'enseignant, pas une copie d'élève.`, fichier);
  const def: Paquet | undefined = modele ? paquetDuModele(modele) : undefined;
  if (!lu) throw new ErreurFichier(`« ${fichier} » n'est pas un exercice créé par AGOrA pour Excel (ou ses métadonnées ont été effacées).`, fichier);
  if (!def) throw new ErreurFichier(`« ${fichier} » : modèle d'exercice « ${lu} » inconnu de cette version d'AGOrA.`, fichier);
  const version = c.agora.get(CLES_EXERCICE.version) ?? '';
  const spec = sansReponsesPosterieures(def.spec, version);
  if (versionMajeure(version) > versionMajeure(spec.gabarit.version) || Number(c.agora.get('format') ?? FORMAT_AGORA) > Number(FORMAT_AGORA))
    throw new ErreurFichier(
      `« ${fichier} » a été créé avec une version plus récente du modèle « ${spec.gabarit.titre} » (${version} ; cette version d'AGOrA lit la ${spec.gabarit.version}) : mettez AGOrA à jour.`,
      fichier,
    );
  const lecture = lireBlocs(spec.structure(), (n) => c.plage(n));
  if (lecture.problemes.length) throw new ErreurFichier(`Énoncé illisible dans « ${fichier} » :\n  - ${lecture.problemes.join('\n  - ')}`, fichier);
  let entree: unknown;
  try {
    entree = valider(def.schema, spec.donnees(lecture.lecture), `l'énoncé de « ${fichier} »`);
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.message, fichier);
    throw e;
  }
  let parametres: unknown;
  try {
    parametres = spec.lireParametres((n) => c.plage(n)?.valeurs as never);
  } catch (e) {
    throw new ErreurFichier(`« ${fichier} » : ${(e as Error).message}`, fichier);
  }
  const enonceModifie = Object.entries(lecture.empreintes)
    .filter(([b, h]) => c.agora.get(`${CLES_EXERCICE.empreinte}${b}`) !== h)
    .map(([b]) => b);
  // workbooks made before the parameters were fingerprinted have no such key: only the seal covers them
  const empreinteParametresLue = c.agora.get(CLES_EXERCICE.parametres);
  if (empreinteParametresLue !== undefined && empreinteParametresLue !== empreinteParametres(parametres)) enonceModifie.push(FEUILLES.parametres);
  const eleve = eleveDuClasseur(c.lignesAgora);
  const sceau = { lu: c.agora.get(CLES_EXERCICE.sceau) ?? '', champs: champsScelles(spec, (k) => c.agora.get(k) ?? '', eleve) };
  const empreintes = { ...Object.fromEntries(Object.entries(lecture.empreintes).map(([b, h]) => [`${CLES_EXERCICE.empreinte}${b}`, h])), [CLES_EXERCICE.parametres]: empreinteParametres(parametres) };
  const graine = c.agora.get(CLES_EXERCICE.graine);
  const aleas = (c.agora.get(CLES_EXERCICE.aleas) ?? '').split(',').filter(Boolean);
  return { fichier, classeur: c, modele: spec.gabarit.id, spec, entree, parametres, graine: graine ? Number(graine) : null, aleas, enonceModifie, eleve, sceau, empreintes };
}

const nomsParExercice = new WeakMap<ExerciceOuvert, string[]>();

/**
 * The defined names of an opened exercise's data: each field and table of « Énoncé », then
 * « Paramètres »'s. Found once per opened copy: the check of its values and the test of its
 * formulas both ask, and « Paramètres » is a whole sheet to build.
 */
export function nomsDuCas(x: ExerciceOuvert): string[] {
  let noms = nomsParExercice.get(x);
  if (!noms) {
    noms = [...x.spec.structure().flatMap((b) => (estTable(b) ? [b.nom] : b.champs.map((c) => c.nom))), ...x.spec.feuilleParametres(x.parametres).noms.map((n) => n.nom)];
    nomsParExercice.set(x, noms);
  }
  return noms;
}
