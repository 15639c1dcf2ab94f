import { ErreurFichier } from '../io/erreurFichier';
import { ouvrirClasseur, sortiesLibres, type Ports } from '../io/ports';
import { analyserCsv, decoderTexte } from '../io/csv';
import { ErreurDonnees, valider } from '../domain/validation';
import { nomComplet, type Eleve } from '../sheets/eleve';
import type { Attendus } from '../sheets/exercices/commun';
import { lireJson } from './calculs';
import { exercicesPourLaClasse, repartitionCsv, REPARTITION, type ExerciceDEleve } from './exercicesDeLaClasse';
import { choisirRemediation, exercicesDeRemediation, lignesSansExercice, resultatsDeLaClasse, type ChoixRemediation } from './remediation';
import { paquetExercice } from '../exercices/registre';
import { avertissements, casGenere, exerciceDuClasseur, modeleDExercice, type CasPrepare, type DemandeExercice, type ExerciceOuvert } from './modelesExercices';
import type { CleEnseignant } from '../domain/sceau';
import { TABLES_OFFICIELLES } from '../domain/parametres/tables';
import { CLES_EXERCICE, sceauExercice } from '../sheets/exercices/classeurExercice';

export {
  aleasEnClair,
  avertissements,
  modeleExercice,
  reconductionDuCas,
  verifierDemande,
  modeleDExercice,
  exerciceDuClasseur,
  type DemandeExercice,
  type CasPrepare,
  type ExerciceOuvert,
} from './modelesExercices';

/** The case of one student: a teacher's file as is, or generated from the seed (and the student's name). */
export async function preparerCas(p: Ports, d: DemandeExercice, eleve: Eleve | null): Promise<CasPrepare> {
  const def = paquetExercice(d.type);
  if (d.donnees) {
    const brut = await lireJson(p.fichiers, d.donnees);
    try {
      const entree = valider(def.schema, brut, `« ${d.donnees} »`);
      // The calculator must accept it now, not when the corrigé is asked for.
      const tables = d.tables ?? TABLES_OFFICIELLES;
      def.spec.attendus(entree, def.spec.parametresParDefaut(entree, tables));
      const problemes = def.spec.verifier?.(entree, tables) ?? [];
      if (problemes.length) throw new ErreurDonnees('Cas invalide', problemes);
      return { entree, graine: null, aleas: [] };
    } catch (e) {
      if (e instanceof ErreurDonnees) throw new ErreurFichier(e.dans(`« ${d.donnees} »`).message, d.donnees);
      throw e;
    }
  }
  return casGenere(d, eleve);
}

export interface ResumeExercice {
  fichier: string;
  /** for the teacher: the case's dated values reconducted past their table, and how to bring newer ones */
  avertissements: string[];
  eleve: string | null;
  graine: number | null;
  aleas: string[];
  feuilles: string[];
}

/** Writes one student's workbook (and, if asked, the corrigé beside it); stops before writing anything when either is already there, unless `remplacer`. */
export async function ecrireExercice(p: Ports, d: DemandeExercice, eleve: Eleve | null, fichier: string, corrige?: string, remplacer = false): Promise<ResumeExercice> {
  await sortiesLibres(p.fichiers, [fichier, corrige], remplacer);
  const { classeur, corrige: leCorrige, cas, reconduction } = modeleDExercice(d, eleve, await preparerCas(p, d, eleve));
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur), remplacer);
  if (corrige) await p.fichiers.ecrire(corrige, await p.classeurs.enXlsx(leCorrige()), remplacer);
  return { fichier, avertissements: avertissements(d, reconduction), eleve: eleve ? nomComplet(eleve) : null, graine: cas.graine, aleas: cas.aleas, feuilles: classeur.feuilles.map((f) => f.nom) };
}

export interface ExercicesEcrits {
  fichiers: ResumeExercice[];
  /** students whose workbook was already there: kept as it is, corrigé too */
  gardes: { eleve: string; fichier: string }[];
  erreurs: { eleve: string; message: string }[];
}

/**
 * « repartition.csv » already in the folder: its rows are kept, but for the files written anew (and,
 * when a remediation states them again, `sansFichier`, its rows without a file: the compétences
 * without an exercise).
 */
async function repartitionPrecedente(p: Ports, fichier: string, reecrits: ReadonlySet<string>, sansFichier = false): Promise<string[][]> {
  if (!(await p.fichiers.existe(fichier))) return [];
  const { lignes } = analyserCsv(decoderTexte(await p.fichiers.lire(fichier)).texte);
  return lignes.slice(1).flatMap((l) => (reecrits.has(l.champs[3] ?? '') || (sansFichier && !l.champs[3]) ? [] : [l.champs]));
}

/**
 * `agora exercice --classe --par-eleve`: the class's exercises (`exercicesPourLaClasse`, as the pane
 * makes them) written one workbook per student, the corrigés into `corriges`, and « repartition.csv »
 * beside the copies; one bad write does not stop the others. A student whose workbook is already in
 * the folder keeps it (and their corrigé), unless `remplacer`: run again with a late student, the
 * command adds theirs and the rows of repartition.csv already there stay.
 */
export async function exercicesDeLaClasse(p: Ports, d: DemandeExercice, eleves: readonly Eleve[], dossier: string, corriges?: string, remplacer = false): Promise<ExercicesEcrits> {
  // the teacher's case is checked before any folder is made
  const exercices = exercicesPourLaClasse(d, eleves, d.donnees ? await preparerCas(p, d, null) : undefined);
  return ecrireLesExercices(p, d, exercices, dossier, corriges, remplacer);
}

/**
 * A class's exercises written, one workbook per student (and corrigé), and « repartition.csv »
 * (with why each student got theirs, and the compétences left without an exercise, for a
 * remediation: `sans`); one bad write does not stop the others.
 */
export async function ecrireLesExercices(
  p: Ports,
  d: Omit<DemandeExercice, 'type'>,
  exercices: readonly (ExerciceDEleve & { motif?: string })[],
  dossier: string,
  corriges?: string,
  remplacer = false,
  sans: readonly { eleve: Eleve; motif: string }[] = [],
): Promise<ExercicesEcrits> {
  await p.fichiers.creerDossier(dossier, true);
  if (corriges) await p.fichiers.creerDossier(corriges, true);
  const res: ExercicesEcrits = { fichiers: [], gardes: [], erreurs: [] };
  const ecrits: (ExerciceDEleve & { motif?: string })[] = [];
  for (const x of exercices) {
    const fichier = p.fichiers.joindre(dossier, x.fichier);
    const corrige = corriges ? p.fichiers.joindre(corriges, x.corrige) : undefined;
    try {
      if (!remplacer && (await p.fichiers.existe(fichier))) {
        res.gardes.push({ eleve: nomComplet(x.eleve), fichier });
        continue;
      }
      await sortiesLibres(p.fichiers, [corrige], remplacer);
      await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(x.classeur), remplacer);
      if (corrige) await p.fichiers.ecrire(corrige, await p.classeurs.enXlsx(x.leCorrige()), remplacer);
      res.fichiers.push({
        fichier,
        avertissements: avertissements({ ...d, type: x.type }, x.reconduction),
        eleve: nomComplet(x.eleve),
        graine: x.graine,
        aleas: x.aleas,
        feuilles: x.classeur.feuilles.map((f) => f.nom),
      });
      ecrits.push(x);
    } catch (err) {
      res.erreurs.push({ eleve: nomComplet(x.eleve), message: (err as Error).message });
    }
  }
  const repartition = p.fichiers.joindre(dossier, REPARTITION);
  try {
    const avant = await repartitionPrecedente(p, repartition, new Set(ecrits.map((x) => x.fichier)), sans.length > 0);
    if (ecrits.length || sans.length || !avant.length)
      await p.fichiers.ecrire(
        repartition,
        repartitionCsv(ecrits, (x) => (corriges ? p.fichiers.joindre(corriges, x.corrige) : ''), avant, sans),
        true, // the rows already there are kept
      );
  } catch (err) {
    res.erreurs.push({ eleve: '', message: (err as Error).message });
  }
  return res;
}

/** An exercise workbook opened for correction or checking: its template, its case and parameters as they now stand. */
export interface Corrige {
  fichier: string;
  modele: string;
  graine: number | null;
  reponses: Attendus;
  enonceModifie: string[]; // blocks whose fingerprint no longer matches `_agora`
}

/** The expected answers of an exercise workbook, from its own case and « Paramètres » (a teacher's edit counts). */
export async function corrigerClasseur(p: Ports, fichier: string): Promise<Corrige> {
  const x = await ouvrirExercice(p, fichier);
  return { fichier, modele: x.modele, graine: x.graine, reponses: x.spec.attendus(x.entree, x.parametres), enonceModifie: x.enonceModifie };
}
/**
 * The teacher's own edits to an exercise before handing it out (a rate in « Paramètres », an amount
 * of the énoncé), made part of it: the fingerprints and the seal are computed again from the
 * workbook as it stands, and the result is written to `sortie`; the file read is never changed.
 * Returns the blocks that had changed.
 */
export async function scellerExercice(p: Ports, fichier: string, sortie: string, cle: CleEnseignant, remplacer = false): Promise<string[]> {
  if (p.fichiers.meme(sortie, fichier)) throw new ErreurFichier(`L'exercice scellé ne peut pas remplacer « ${fichier} » : choisissez un autre nom.`, sortie);
  await sortiesLibres(p.fichiers, [sortie], remplacer);
  const x = await ouvrirExercice(p, fichier, false);
  const valeurs = new Map([...x.classeur.agora, ...Object.entries(x.empreintes)]);
  const sceau = sceauExercice(cle, x.spec, (k) => valeurs.get(k) ?? '', x.eleve);
  await p.fichiers.ecrire(sortie, await p.classeurs.remplacerClesAgora(fichier, { ...x.empreintes, [CLES_EXERCICE.sceau]: sceau }), remplacer);
  return x.enonceModifie;
}

export async function ouvrirExercice(p: Ports, fichier: string, corrigeAccepte = true): Promise<ExerciceOuvert> {
  return exerciceDuClasseur(await ouvrirClasseur(p.classeurs, fichier), fichier, corrigeAccepte);
}

/**
 * `agora exercice --classe ELEVES.csv --remediation CLASSE.xlsx --out-dir DOSSIER`: the choices from
 * the class workbook, each student's workbooks (and corrigés) written, and « repartition.csv » with
 * why each student got each one, and each weak compétence without an exercise, named.
 */
export async function remediationDeLaClasse(
  p: Ports,
  d: Omit<DemandeExercice, 'type'>,
  eleves: readonly Eleve[],
  classe: string,
  dossier: string,
  corriges?: string,
  remplacer = false,
  nombre = 1,
): Promise<ExercicesEcrits & { choix: ChoixRemediation[] }> {
  const choix = choisirRemediation(resultatsDeLaClasse(await ouvrirClasseur(p.classeurs, classe), classe), eleves, nombre);
  return { ...(await ecrireLesExercices(p, d, exercicesDeRemediation(d, choix), dossier, corriges, remplacer, lignesSansExercice(choix))), choix };
}
