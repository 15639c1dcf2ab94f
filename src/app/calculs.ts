import { analyserJson } from '../io/json';
import { exportDesTables, tablesDuFichier, TABLES_OFFICIELLES, type TablesDatees } from '../domain/parametres/tables';
import { z } from 'zod';
import { ErreurFichier } from '../io/erreurFichier';
import type { Fichiers } from '../io/ports';
import { ErreurDonnees, LIGNES_CAS_MAX, valider } from '../domain/validation';
import { tailleEnClair } from '../domain/texte';
import { paquetExercice, type TypeExercice } from '../exercices/registre';

/**
 * `agora calcul`: the calculators of the exercises that have one (`CALCULS` of the registry), each
 * behind its input schema (for `--schema` and validation) and giving a JSON-ready result in euros.
 */
function calculateur(c: TypeExercice) {
  const p = paquetExercice(c);
  if (!p.calculer) throw new RangeError(`L'exercice « ${c} » n'a pas de calcul autonome.`);
  return { schema: p.schema, calculer: p.calculer, verifier: p.spec.verifier };
}

/** JSON Schema of what a teacher's case file may contain (input side of the zod schema). */
export const schemaJson = (c: TypeExercice): unknown => z.toJSONSchema(calculateur(c).schema, { io: 'input', unrepresentable: 'any' });

export function calculer(c: TypeExercice, donnees: unknown, source: string, tables: TablesDatees = TABLES_OFFICIELLES): unknown {
  const d = calculateur(c);
  const e = valider(d.schema, donnees, source);
  // what the exercise itself refuses in a teacher's case (a leave longer than the days acquired)
  const problemes = d.verifier?.(e, tables) ?? [];
  if (problemes.length) throw new ErreurDonnees('Cas invalide', problemes, source);
  return d.calculer(e, tables);
}

/** What a case file weighs at most: a teacher's case is a few kilobytes; anything near this is not one, and is refused before it is parsed. */
export const OCTETS_CAS_MAX = 1024 * 1024;

/** Reads a JSON case file; a French error names the file and, for bad JSON, where it breaks. */
export async function lireJson(f: Fichiers, fichier: string): Promise<unknown> {
  let octets: Uint8Array;
  try {
    octets = await f.lire(fichier);
  } catch {
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
  if (octets.length > OCTETS_CAS_MAX)
    throw new ErreurFichier(
      `« ${fichier} » fait ${tailleEnClair(octets.length)} : un cas d'exercice tient en ${tailleEnClair(OCTETS_CAS_MAX)} au plus (${LIGNES_CAS_MAX} lignes par liste). Découpez-le en plusieurs cas.`,
      fichier,
    );
  const r = analyserJson(new TextDecoder().decode(octets));
  if ('valeur' in r) return r.valeur;
  throw new ErreurFichier(`« ${fichier} » n'est pas un fichier JSON valide${r.ligne ? ` (ligne ${r.ligne})` : ''}.`, fichier);
}

/** The file's name without its folders: what « Paramètres » records of a teacher's parameters file (no path of their computer). */
const nomSeul = (fichier: string) => fichier.split(/[\\/]/).pop() || fichier;

/** The dated tables of a teacher's parameters file (`--parametres`): AGOrA's, with those the file holds instead. */
export async function lireTables(f: Fichiers, fichier: string): Promise<TablesDatees> {
  const brut = await lireJson(f, fichier);
  try {
    return tablesDuFichier(brut, nomSeul(fichier));
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.message, fichier);
    throw e;
  }
}

/** AGOrA's tables as a parameters file (`agora parametres --out`), never replacing one already there unless asked. */
export async function ecrireTables(f: Fichiers, fichier: string, remplacer = false): Promise<void> {
  await f.ecrire(fichier, new TextEncoder().encode(JSON.stringify(exportDesTables(), null, 2) + '\n'), remplacer);
}

export async function calculerFichier(f: Fichiers, c: TypeExercice, fichier: string, tables?: TablesDatees): Promise<unknown> {
  const donnees = await lireJson(f, fichier);
  try {
    return calculer(c, donnees, `« ${fichier} »`, tables);
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.dans(`« ${fichier} »`).message, fichier);
    throw e;
  }
}
