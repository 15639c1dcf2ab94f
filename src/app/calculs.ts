import { z } from 'zod';
import { ErreurFichier } from '../io/erreurFichier';
import type { Fichiers } from '../io/ports';
import { ErreurDonnees, valider } from '../domain/validation';
import { paquetExercice, type TypeExercice } from '../exercices/registre';

/**
 * `agora calcul`: the calculators of the exercises that have one (`CALCULS` of the registry), each
 * behind its input schema (for `--schema` and validation) and giving a JSON-ready result in euros.
 */
function calculateur(c: TypeExercice) {
  const p = paquetExercice(c);
  if (!p.calculer) throw new RangeError(`L'exercice « ${c} » n'a pas de calcul autonome.`);
  return { schema: p.schema, calculer: p.calculer };
}

/** JSON Schema of what a teacher's case file may contain (input side of the zod schema). */
export const schemaJson = (c: TypeExercice): unknown => z.toJSONSchema(calculateur(c).schema, { io: 'input', unrepresentable: 'any' });

export function calculer(c: TypeExercice, donnees: unknown, source: string): unknown {
  const d = calculateur(c);
  return d.calculer(valider(d.schema, donnees, source));
}

/** Reads a JSON case file; a French error names the file and, for bad JSON, where it breaks. */
export async function lireJson(f: Fichiers, fichier: string): Promise<unknown> {
  let texte: string;
  try {
    texte = new TextDecoder().decode(await f.lire(fichier));
  } catch {
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
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
