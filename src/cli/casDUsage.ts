import { portsNode } from '../io/portsNode';
import type { Fichiers, Ports } from '../io/ports';
import * as calculs from '../app/calculs';
import * as consolidation from '../app/consolidation';
import * as exercices from '../app/exercices';
import * as grilles from '../app/grilles';
import * as listes from '../app/listeEleves';
import * as referentiel from '../app/referentiel';
import * as simulation from '../app/simulation';
import * as verification from '../app/verification';

/**
 * The use cases of app/ bound to the command line's ports (Node's files, exceljs, the lean reader,
 * evidence on disk): what the commands, the demo, the benches and the tests call.
 */
const PORTS: Ports = portsNode();

const avec =
  <A extends unknown[], R>(f: (p: Ports, ...a: A) => R) =>
  (...a: A): R =>
    f(PORTS, ...a);
const avecFichiers =
  <A extends unknown[], R>(f: (p: Fichiers, ...a: A) => R) =>
  (...a: A): R =>
    f(PORTS.fichiers, ...a);

export const lireJson = avecFichiers(calculs.lireJson);
export const calculerFichier = avecFichiers(calculs.calculerFichier);
export const lireTables = avecFichiers(calculs.lireTables);
export const ecrireTables = avecFichiers(calculs.ecrireTables);
export const lireListeEleves = avecFichiers(listes.lireListeEleves);
export const consoliderClasseurs = avec(consolidation.consoliderClasseurs);
export const releverFichier = avec(consolidation.releverFichier);
export const preparerCas = avec(exercices.preparerCas);
export const ecrireExercice = avec(exercices.ecrireExercice);
export const exercicesDeLaClasse = avec(exercices.exercicesDeLaClasse);
export const remediationDeLaClasse = avec(exercices.remediationDeLaClasse);
export const corrigerClasseur = avec(exercices.corrigerClasseur);
export const scellerExercice = avec(exercices.scellerExercice);
export const ouvrirExercice = avec(exercices.ouvrirExercice);
export const grillesDeLaClasse = avec(grilles.grillesDeLaClasse);
export const grillesParEleve = avec(grilles.grillesParEleve);
export const exporterReferentiel = avec(referentiel.exporterReferentiel);
export const simulerCopie = avec(simulation.simulerCopie);
export const simulerClasse = avec(simulation.simulerClasse);
export const simulerGrilles = avec(simulation.simulerGrilles);
export const falsifierSuivi = avec(simulation.falsifierSuivi);
export const verifierCopie = avec(verification.verifierCopie);
export const verifierCopies = avec(verification.verifierCopies);
export const ecrireCopieAnnotee = avec(verification.ecrireCopieAnnotee);
