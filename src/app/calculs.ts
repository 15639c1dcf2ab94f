import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { ErreurFichier } from '../io/fichiers';
import { ErreurDonnees, valider } from '../domain/validation';
import { dernierJour } from '../domain/dates';
import { EntreeCa3 } from '../domain/tva/entree';
import { calculerCa3 } from '../domain/tva/ca3';
import { parametresTva } from '../domain/parametres/tva';
import { EntreeRapprochement } from '../domain/rapprochement/entree';
import { calculerRapprochement } from '../domain/rapprochement/rapprochement';
import { EntreeTresorerie } from '../domain/tresorerie/entree';
import { calculerTresorerie } from '../domain/tresorerie/budget';
import { EntreeBulletin } from '../domain/paie/entree';
import { calculerBulletin } from '../domain/paie/bulletin';
import { avecSurcharges, parametresPaie } from '../domain/parametres/paie';

/**
 * The bloc 2 and paie calculators behind one interface: the input schema (for `--schema` and validation)
 * and a function from the validated input to a JSON-ready result whose amounts are in euros.
 */
export const CALCULS = ['tva', 'rapprochement', 'tresorerie', 'paie'] as const;
export type Calcul = (typeof CALCULS)[number];

/** Cents → euros throughout a result, except the fields that are not amounts. */
function enEuros(v: unknown, nonMonetaires: ReadonlySet<string>, cle = ''): unknown {
  if (typeof v === 'number') return nonMonetaires.has(cle) ? v : v / 100;
  if (Array.isArray(v)) return v.map((x) => enEuros(x, nonMonetaires, cle));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enEuros(x, nonMonetaires, k)]));
  return v;
}

const DEFINITIONS: Record<Calcul, { schema: z.ZodType; calculer: (e: never) => unknown }> = {
  // CA3 amounts are already whole euros.
  tva: { schema: EntreeCa3, calculer: (e: EntreeCa3) => calculerCa3(e, parametresTva(dernierJour(e.periode))) },
  rapprochement: { schema: EntreeRapprochement, calculer: (e: EntreeRapprochement) => enEuros(calculerRapprochement(e), new Set(['index'])) },
  tresorerie: { schema: EntreeTresorerie, calculer: (e: EntreeTresorerie) => enEuros(calculerTresorerie(e), new Set()) },
  paie: { schema: EntreeBulletin, calculer: (e: EntreeBulletin) => enEuros(bulletinDe(e), new Set(['nombre', 'taux', 'tauxSalarial', 'tauxPatronal', 'tauxPas', 'coefficient'])) },
};

/** The payslip with the official parameters of its month, or the teacher's values where given. */
export const bulletinDe = (e: EntreeBulletin) => calculerBulletin(e, avecSurcharges(parametresPaie(e.periode), e.parametres));

/** JSON Schema of what a teacher's case file may contain (input side of the zod schema). */
export const schemaJson = (c: Calcul): unknown => z.toJSONSchema(DEFINITIONS[c].schema, { io: 'input', unrepresentable: 'any' });

export function calculer(c: Calcul, donnees: unknown, source: string): unknown {
  const d = DEFINITIONS[c];
  return d.calculer(valider(d.schema, donnees, source) as never);
}

/** Reads a JSON case file; a French error names the file and, for bad JSON, where it breaks. */
export async function lireJson(fichier: string): Promise<unknown> {
  let texte: string;
  try {
    texte = await fs.readFile(fichier, 'utf8');
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

export async function calculerFichier(c: Calcul, fichier: string): Promise<unknown> {
  const donnees = await lireJson(fichier);
  try {
    return calculer(c, donnees, `« ${fichier} »`);
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new ErreurFichier(e.dans(`« ${fichier} »`).message, fichier);
    throw e;
  }
}
