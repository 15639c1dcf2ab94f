import type { Referentiel } from '../../referentiel/schema';
import { verifierNomsDefinis, type Classeur, type Feuille, type NomDefini } from '../model';
import { NomsDeFeuilles } from '../nomsFeuilles';
import { FEUILLE_AGORA, feuilleAgora, lignesDesEntrees, type EntreeAgora } from '../agora';
import { attestationPfmp } from './attestation';
import { grilleCcf } from './ccf';
import { nomComplet, PARAMETRES, type ContexteGrille, type Eleve, type GrilleConstruite } from './commun';
import { gabaritGrilles, TYPES_GRILLE, type TypeGrille } from './gabarit';
import { feuilleParametres } from './parametres';
import { grillePfmp } from './pfmp';
import { etatRecapitulatif } from './recapitulatif';
import { FEUILLE_SOMMAIRE, feuilleSommaire, type LigneSommaire } from './sommaire';

/**
 * The most students one class workbook holds (measured by `npm run bench`: 500 students' grids in
 * 840 Mo and a few seconds): beyond, a workbook of thousands of sheets is one nobody can open.
 */
export const ELEVES_PAR_CLASSEUR = 500;

export interface OptionsGrilles {
  types: readonly TypeGrille[];
  etablissement: string;
  annee: string;
  date: string; // AAAA-MM-JJ, recorded in `_agora`
}

/** One sheet to build for a student: its key in the context, its names in both kinds of workbook, its builder. */
interface Piece {
  cle: string;
  type: TypeGrille;
  seul: string; // sheet name in a one-student workbook
  court: string; // prefix of the sheet name in a class workbook
  lien: string; // its column in « Sommaire »
  construire: (r: Referentiel, ctx: ContexteGrille, nom: string) => GrilleConstruite;
}

const PIECES: Piece[] = [
  ...['1', '2', '3'].map((p) => ({
    cle: `pfmp${p}`,
    type: 'pfmp' as const,
    seul: `PFMP pôle ${p}`,
    court: `PFMP${p}`,
    lien: `PFMP ${p}`,
    construire: (r: Referentiel, c: ContexteGrille, n: string) => grillePfmp(r, p, c, n),
  })),
  { cle: 'e31', type: 'e31', seul: 'CCF E31', court: 'E31', lien: 'CCF E31', construire: (r, c, n) => grilleCcf(r, 'E31', c, n) },
  { cle: 'e32', type: 'e32', seul: 'CCF E32', court: 'E32', lien: 'CCF E32', construire: (r, c, n) => grilleCcf(r, 'E32', c, n) },
  { cle: 'e2', type: 'e2', seul: 'CCF E2', court: 'E2', lien: 'CCF E2', construire: (r, c, n) => grilleCcf(r, 'E2', c, n) },
  { cle: 'recap-e31', type: 'recap-e31', seul: 'Récapitulatif E31', court: 'Récap E31', lien: 'Récap. E31', construire: (r, c, n) => etatRecapitulatif(r, 'E31', c, n) },
  { cle: 'recap-e32', type: 'recap-e32', seul: 'Récapitulatif E32', court: 'Récap E32', lien: 'Récap. E32', construire: (r, c, n) => etatRecapitulatif(r, 'E32', c, n) },
  { cle: 'attestation', type: 'attestation', seul: 'Attestation PFMP', court: 'Attestation', lien: 'Attestation', construire: (r, c, n) => attestationPfmp(r, c, n) },
];

/** The grid type of a sheet from the template `_agora` records for it (« grille-pfmp-pole2 » → pfmp); undefined for « Paramètres ». */
export function typeDeGrille(modele: string): TypeGrille | undefined {
  const m = /^(?:grille-(pfmp)-pole\d|grille-ccf-(e\d+)|etat-recapitulatif-(e\d+)|(attestation)-pfmp)$/.exec(modele);
  const t = m && (m[1] ?? m[2] ?? (m[3] ? `recap-${m[3]}` : m[4]));
  return t && (TYPES_GRILLE as readonly string[]).includes(t) ? (t as TypeGrille) : undefined;
}

export interface ClasseurGrilles {
  classeur: Classeur;
  /** sheets written for each student, in class-list order */
  feuillesParEleve: string[][];
}

/**
 * What an open workbook already holds of AGOrA grids, for an addition: its sheet names, and the
 * prefix of each student already there (their new grids keep it; a new student takes the next one).
 */
export interface GrillesExistantes {
  feuilles: readonly string[];
  prefixeDe: (e: Eleve) => string | undefined;
  prefixes: readonly string[];
}

/** « Eleve07_ » → 7; another prefix (a one-student workbook's « ») → 0. */
const numeroDuPrefixe = (p: string) => Number(/^Eleve(\d+)_$/.exec(p)?.[1] ?? 0);

/**
 * The grids of a class in one workbook (`classe`: sheets per student, names prefixed `Eleve07_`),
 * or of one student (`eleve`: plain sheet and defined names). « Paramètres » comes first, shared by
 * every grid; `_agora` last, veryHidden. With `existantes`, an addition to grids already in a
 * workbook: neither « Paramètres » (the workbook's own stays, with the teacher's settings) nor
 * `_agora`, whose table gains the rows of `ajoutAgora`.
 */
export function classeurGrilles(r: Referentiel, eleves: readonly Eleve[], o: OptionsGrilles, mode: 'classe' | 'eleve', existantes?: GrillesExistantes): ClasseurGrilles {
  if (mode === 'eleve' && (eleves.length !== 1 || existantes)) throw new Error('Un classeur par élève contient un seul élève.');
  const types = TYPES_GRILLE.filter((t) => o.types.includes(t)); // the order of the sheets is the template's
  const pieces = PIECES.filter((p) => types.includes(p.type));
  const noms = new NomsDeFeuilles();
  const parametres = feuilleParametres(r, { etablissement: o.etablissement, annee: o.annee });
  for (const f of [parametres.feuille.nom, FEUILLE_SOMMAIRE, FEUILLE_AGORA, ...(existantes?.feuilles ?? [])]) noms.reserver(f);
  const feuilles: Feuille[] = existantes ? [] : [parametres.feuille];
  const definis: NomDefini[] = existantes ? [] : [...parametres.noms];
  const entrees: EntreeAgora[] = existantes ? [] : [{ ancre: 'Note_Max', modele: 'parametres-grilles', eleve: null, prefixe: '', feuille: parametres.feuille.nom }];
  let dernier = Math.max(0, ...(existantes?.prefixes ?? []).map(numeroDuPrefixe));
  const chiffres = Math.max(2, String(dernier + eleves.length).length);
  const feuillesParEleve: string[][] = [];
  const sommaire: LigneSommaire[] = [];

  for (const eleve of eleves) {
    const prefixe = existantes?.prefixeDe(eleve) ?? (mode === 'classe' ? `Eleve${String(++dernier).padStart(chiffres, '0')}_` : '');
    const ctx: ContexteGrille = { eleve, prefixe, feuilles: {} };
    // Names first: a PFMP grid links to the attestation sheet, whichever comes first.
    for (const p of pieces) ctx.feuilles[p.cle] = noms.reserver(prefixe ? `${p.court} ${nomComplet(eleve)}` : p.seul);
    const siennes: string[] = [];
    const ancres: string[] = [];
    for (const p of pieces) {
      const nom = ctx.feuilles[p.cle]!;
      const g = p.construire(r, ctx, nom);
      feuilles.push(g.feuille);
      definis.push(...g.noms);
      entrees.push({ ancre: g.ancre, modele: g.modele, eleve, prefixe, feuille: nom });
      siennes.push(nom);
      ancres.push(g.ancre);
    }
    feuillesParEleve.push(siennes);
    sommaire.push({ eleve, ancres });
  }

  verifierNomsDefinis(definis);
  const versions = { versionGabarit: gabaritGrilles().version, versionReferentiel: r.version, date: o.date, entrees };
  const n = eleves.length;
  if (existantes) return { classeur: { titre: `Grilles AGOrA — ajout pour ${n} élève${n > 1 ? 's' : ''}`, feuilles, noms: definis, ajoutAgora: lignesDesEntrees(versions) }, feuillesParEleve };
  // A class's workbook opens on its « Sommaire » (an addition leaves the workbook's own as it is)
  if (mode === 'classe')
    feuilles.unshift(
      feuilleSommaire(
        pieces.map((p) => p.lien),
        sommaire,
        PARAMETRES.noteMax,
      ),
    );
  feuilles.push(feuilleAgora({ cles: [['gabarit_grilles', gabaritGrilles().version]], ...versions }));
  const titre = mode === 'eleve' ? `Grilles AGOrA — ${nomComplet(eleves[0]!)}` : `Grilles AGOrA — ${n} élèves`;
  return { classeur: { titre, feuilles, noms: definis }, feuillesParEleve };
}
