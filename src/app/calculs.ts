import { analyserJson } from '../io/json';
import { sansDossier } from './verifierExercice';
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

async function lireOctets(f: Fichiers, fichier: string): Promise<Uint8Array> {
  try {
    return await f.lire(fichier);
  } catch {
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
}

/** A JSON text's value; a French error names the file and, for bad JSON, the line where it breaks. */
function jsonDesOctets(octets: Uint8Array, fichier: string): unknown {
  const r = analyserJson(new TextDecoder().decode(octets));
  if ('valeur' in r) return r.valeur;
  throw new ErreurFichier(`« ${fichier} » n'est pas un fichier JSON valide${r.ligne ? ` (ligne ${r.ligne})` : ''}.`, fichier);
}

/** Reads a JSON case file; a French error names the file and, for bad JSON, where it breaks. */
export async function lireJson(f: Fichiers, fichier: string): Promise<unknown> {
  const octets = await lireOctets(f, fichier);
  if (octets.length > OCTETS_CAS_MAX)
    throw new ErreurFichier(
      `« ${fichier} » fait ${tailleEnClair(octets.length)} : un cas d'exercice tient en ${tailleEnClair(OCTETS_CAS_MAX)} au plus (${LIGNES_CAS_MAX} lignes par liste). Découpez-le en plusieurs cas.`,
      fichier,
    );
  return jsonDesOctets(octets, fichier);
}

/** What a parameters file weighs at most: AGOrA's whole export is some 40 Ko. */
const OCTETS_PARAMETRES_MAX = 1024 * 1024;

/**
 * The dated tables of a teacher's parameters file, from its bytes (the command line's `--parametres`,
 * the pane's import): AGOrA's, with those the file holds instead. « Paramètres » will record the
 * file's name without its folders (no path of the teacher's computer).
 */
export function tablesDesOctets(octets: Uint8Array, fichier: string): TablesDatees {
  if (octets.length > OCTETS_PARAMETRES_MAX)
    throw new ErreurFichier(`« ${fichier} » fait ${tailleEnClair(octets.length)} : un fichier de paramètres tient en ${tailleEnClair(OCTETS_PARAMETRES_MAX)} au plus.`, fichier);
  const brut = jsonDesOctets(octets, fichier);
  try {
    return tablesDuFichier(brut, sansDossier(fichier));
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.message, fichier);
    throw e;
  }
}

/** The dated tables of a teacher's parameters file (`--parametres`). */
export const lireTables = async (f: Fichiers, fichier: string): Promise<TablesDatees> => tablesDesOctets(await lireOctets(f, fichier), fichier);

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
