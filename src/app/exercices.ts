import { classeurEnXlsx, remplacerClesAgora } from '../io/exceljs/aLaDemande';
import path from 'node:path';
import { ErreurFichier, creerDossier, ecrireAtomiquement } from '../io/fichiers';
import { lireClasseur } from '../io/xlsx/lireClasseur';
import { ErreurDonnees, valider } from '../domain/validation';
import { nomComplet, type Eleve } from '../sheets/eleve';
import type { Attendus } from '../sheets/exercices/commun';
import { lireJson } from './calculs';
import { fichiersExercices } from './exercicesDeLaClasse';
import { paquetExercice } from '../exercices/registre';
import { casGenere, exerciceDuClasseur, modeleDExercice, type CasPrepare, type DemandeExercice, type ExerciceOuvert } from './modelesExercices';
import type { CleEnseignant } from '../domain/sceau';
import { CLES_EXERCICE, sceauExercice } from '../sheets/exercices/classeurExercice';

export { modeleExercice, moisDeDemonstration, verifierDemande, modeleDExercice, exerciceDuClasseur, type DemandeExercice, type CasPrepare, type ExerciceOuvert } from './modelesExercices';

/** The case of one student: a teacher's file as is, or generated from the seed (and the student's name). */
export async function preparerCas(d: DemandeExercice, eleve: Eleve | null): Promise<CasPrepare> {
  const def = paquetExercice(d.type);
  if (d.donnees) {
    const brut = await lireJson(d.donnees);
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
export async function ecrireExercice(d: DemandeExercice, eleve: Eleve | null, fichier: string, corrige?: string): Promise<ResumeExercice> {
  const { classeur, corrige: leCorrige, cas } = modeleDExercice(d, eleve, await preparerCas(d, eleve));
  await ecrireAtomiquement(fichier, await classeurEnXlsx(classeur));
  if (corrige) await ecrireAtomiquement(corrige, await classeurEnXlsx(leCorrige()));
  return { fichier, eleve: eleve ? nomComplet(eleve) : null, graine: cas.graine, aleas: cas.aleas, feuilles: classeur.feuilles.map((f) => f.nom) };
}

/** One workbook per student of a class, each with its own case; one bad write does not stop the others. */
export async function exercicesDeLaClasse(d: DemandeExercice, eleves: readonly Eleve[], dossier: string, corriges?: string): Promise<{ fichiers: ResumeExercice[]; erreurs: { eleve: string; message: string }[] }> {
  await creerDossier(dossier, true);
  if (corriges) await creerDossier(corriges, true);
  const fichiers: ResumeExercice[] = [];
  const erreurs: { eleve: string; message: string }[] = [];
  const noms = fichiersExercices(d.type, eleves);
  for (const [i, e] of eleves.entries()) {
    const f = noms[i]!;
    try {
      fichiers.push(await ecrireExercice(d, e, path.join(dossier, f.fichier), corriges ? path.join(corriges, f.corrige) : undefined));
    } catch (err) {
      erreurs.push({ eleve: nomComplet(e), message: (err as Error).message });
    }
  }
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
export async function corrigerClasseur(fichier: string): Promise<Corrige> {
  const x = await ouvrirExercice(fichier);
  return { fichier, modele: x.modele, graine: x.graine, reponses: x.spec.attendus(x.entree, x.parametres), enonceModifie: x.enonceModifie };
}
/**
 * The teacher's own edits to an exercise before handing it out (a rate in « Paramètres », an amount
 * of the énoncé), made part of it: the fingerprints and the seal are computed again from the
 * workbook as it stands, and the result is written to `sortie`; the file read is never changed.
 * Returns the blocks that had changed.
 */
export async function scellerExercice(fichier: string, sortie: string, cle: CleEnseignant): Promise<string[]> {
  if (path.resolve(sortie) === path.resolve(fichier)) throw new ErreurFichier(`L'exercice scellé ne peut pas remplacer « ${fichier} » : choisissez un autre nom.`, sortie);
  const x = await ouvrirExercice(fichier, false);
  const valeurs = new Map([...x.classeur.agora, ...Object.entries(x.empreintes)]);
  const sceau = sceauExercice(cle, x.spec, (k) => valeurs.get(k) ?? '', x.eleve);
  await ecrireAtomiquement(sortie, await remplacerClesAgora(fichier, { ...x.empreintes, [CLES_EXERCICE.sceau]: sceau }));
  return x.enonceModifie;
}

export async function ouvrirExercice(fichier: string, corrigeAccepte = true): Promise<ExerciceOuvert> {
  return exerciceDuClasseur(await lireClasseur(fichier), fichier, corrigeAccepte);
}

