import { tablesDuFichier, type TablesDatees } from '../domain/parametres/tables';
import { ErreurDonnees } from '../domain/validation';
import { analyserJson } from '../io/json';
import { SaisieInvalide } from './commun';

/**
 * A teacher's parameters file in the task pane (the tables `agora parametres` writes, completed with
 * newer values): imported once in « Paramètres », kept in this computer's storage for the add-in's
 * own origin, used by every exercise created here until the teacher goes back to AGOrA's values.
 */
const STOCKAGE = 'agora-excel.tables-enseignant';

/** What a file of this size is not: AGOrA's whole export is some 40 Ko. */
const OCTETS_MAX = 1024 * 1024;

export function tablesDuVolet(): TablesDatees | undefined {
  try {
    const lu = localStorage.getItem(STOCKAGE);
    if (!lu) return undefined;
    const { fichier, valeur } = JSON.parse(lu) as { fichier: string; valeur: unknown };
    return tablesDuFichier(valeur, fichier);
  } catch {
    return undefined; // storage refused, or kept by an older version whose shape no longer holds: AGOrA's values
  }
}

/** Checks the file as `agora parametres --verifier` does, then keeps it; a French error names the file and field. */
export function importerTablesDuVolet(fichier: string, octets: Uint8Array): TablesDatees {
  if (octets.length > OCTETS_MAX) throw new SaisieInvalide(`« ${fichier} » est trop gros pour un fichier de paramètres (1 Mo au plus).`);
  const lu = analyserJson(new TextDecoder().decode(octets));
  if (!('valeur' in lu)) throw new SaisieInvalide(`« ${fichier} » n\u2019est pas un fichier JSON valide${lu.ligne ? ` (ligne ${lu.ligne})` : ''}.`);
  let tables: TablesDatees;
  try {
    tables = tablesDuFichier(lu.valeur, fichier);
  } catch (e) {
    if (e instanceof ErreurDonnees) throw new SaisieInvalide(e.message);
    throw e;
  }
  localStorage.setItem(STOCKAGE, JSON.stringify({ fichier, valeur: lu.valeur }));
  return tables;
}

export const oublierTablesDuVolet = (): void => localStorage.removeItem(STOCKAGE);
