import { ErreurFichier } from '../io/erreurFichier';
import { ouvrirClasseur, type Ports } from '../io/ports';
import { ErreurDonnees, valider } from '../domain/validation';
import { nomComplet, type Eleve } from '../sheets/eleve';
import type { Attendus } from '../sheets/exercices/commun';
import { lireJson } from './calculs';
import { exercicesPourLaClasse, repartitionCsv, REPARTITION } from './exercicesDeLaClasse';
import { paquetExercice } from '../exercices/registre';
import { casGenere, exerciceDuClasseur, modeleDExercice, type CasPrepare, type DemandeExercice, type ExerciceOuvert } from './modelesExercices';
import type { CleEnseignant } from '../domain/sceau';
import { CLES_EXERCICE, sceauExercice } from '../sheets/exercices/classeurExercice';

export { modeleExercice, moisDeDemonstration, verifierDemande, modeleDExercice, exerciceDuClasseur, type DemandeExercice, type CasPrepare, type ExerciceOuvert } from './modelesExercices';

/** The case of one student: a teacher's file as is, or generated from the seed (and the student's name). */
export async function preparerCas(p: Ports, d: DemandeExercice, eleve: Eleve | null): Promise<CasPrepare> {
  const def = paquetExercice(d.type);
  if (d.donnees) {
    const brut = await lireJson(p.fichiers, d.donnees);
    try {
      const entree = valider(def.schema, brut, `« ${d.donnees} »`);
      // The calculator must accept it now, not when the corrigé is asked for.
      def.spec.attendus(entree, def.spec.parametresParDefaut(entree));
      const problemes = def.spec.verifier?.(entree) ?? [];
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
  eleve: string | null;
  graine: number | null;
  aleas: string[];
  feuilles: string[];
}

/** Writes one student's workbook (and, if asked, the corrigé beside it). */
export async function ecrireExercice(p: Ports, d: DemandeExercice, eleve: Eleve | null, fichier: string, corrige?: string): Promise<ResumeExercice> {
  const { classeur, corrige: leCorrige, cas } = modeleDExercice(d, eleve, await preparerCas(p, d, eleve));
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(classeur));
  if (corrige) await p.fichiers.ecrire(corrige, await p.classeurs.enXlsx(leCorrige()));
  return { fichier, eleve: eleve ? nomComplet(eleve) : null, graine: cas.graine, aleas: cas.aleas, feuilles: classeur.feuilles.map((f) => f.nom) };
}

/**
 * `agora exercice --classe --par-eleve`: the class's exercises (`exercicesPourLaClasse`, as the pane
 * makes them) written one workbook per student, the corrigés into `corriges`, and « repartition.csv »
 * beside the copies; one bad write does not stop the others.
 */
export async function exercicesDeLaClasse(
  p: Ports,
  d: DemandeExercice,
  eleves: readonly Eleve[],
  dossier: string,
  corriges?: string,
): Promise<{ fichiers: ResumeExercice[]; erreurs: { eleve: string; message: string }[] }> {
  // the teacher's case is checked before any folder is made
  const exercices = exercicesPourLaClasse(d, eleves, d.donnees ? await preparerCas(p, d, null) : undefined);
  await p.fichiers.creerDossier(dossier, true);
  if (corriges) await p.fichiers.creerDossier(corriges, true);
  const fichiers: ResumeExercice[] = [];
  const ecrits: typeof exercices = [];
  const erreurs: { eleve: string; message: string }[] = [];
  for (const x of exercices) {
    const fichier = p.fichiers.joindre(dossier, x.fichier);
    try {
      await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(x.classeur));
      if (corriges) await p.fichiers.ecrire(p.fichiers.joindre(corriges, x.corrige), await p.classeurs.enXlsx(x.leCorrige()));
      fichiers.push({ fichier, eleve: nomComplet(x.eleve), graine: x.graine, aleas: x.aleas, feuilles: x.classeur.feuilles.map((f) => f.nom) });
      ecrits.push(x);
    } catch (err) {
      erreurs.push({ eleve: nomComplet(x.eleve), message: (err as Error).message });
    }
  }
  await p.fichiers.ecrire(
    p.fichiers.joindre(dossier, REPARTITION),
    repartitionCsv(ecrits, (x) => (corriges ? p.fichiers.joindre(corriges, x.corrige) : '')),
  );
  return { fichiers, erreurs };
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
export async function scellerExercice(p: Ports, fichier: string, sortie: string, cle: CleEnseignant): Promise<string[]> {
  if (p.fichiers.meme(sortie, fichier)) throw new ErreurFichier(`L'exercice scellé ne peut pas remplacer « ${fichier} » : choisissez un autre nom.`, sortie);
  const x = await ouvrirExercice(p, fichier, false);
  const valeurs = new Map([...x.classeur.agora, ...Object.entries(x.empreintes)]);
  const sceau = sceauExercice(cle, x.spec, (k) => valeurs.get(k) ?? '', x.eleve);
  await p.fichiers.ecrire(sortie, await p.classeurs.remplacerClesAgora(fichier, { ...x.empreintes, [CLES_EXERCICE.sceau]: sceau }));
  return x.enonceModifie;
}

export async function ouvrirExercice(p: Ports, fichier: string, corrigeAccepte = true): Promise<ExerciceOuvert> {
  return exerciceDuClasseur(await ouvrirClasseur(p.classeurs, fichier), fichier, corrigeAccepte);
}
