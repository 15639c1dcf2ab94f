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

export function calculer(c: TypeExercice, donnees: unknown, source: string): unknown {
  const d = calculateur(c);
  const e = valider(d.schema, donnees, source);
  // what the exercise itself refuses in a teacher's case (a leave longer than the days acquired)
  const problemes = d.verifier?.(e) ?? [];
  if (problemes.length) throw new ErreurDonnees('Cas invalide', problemes, source);
  return d.calculer(e);
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
  const texte = new TextDecoder().decode(octets);
  try {
    return JSON.parse(texte.replace(/^\uFEFF/, ''));
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    const ligne = position ? texte.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new ErreurFichier(`« ${fichier} » n'est pas un fichier JSON valide${ligne ? ` (ligne ${ligne})` : ''}.`, fichier);
  }
}

export async function calculerFichier(f: Fichiers, c: TypeExercice, fichier: string): Promise<unknown> {
  const donnees = await lireJson(f, fichier);
  try {
    return calculer(c, donnees, `« ${fichier} »`);
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.dans(`« ${fichier} »`).message, fichier);
    throw e;
  }
}
