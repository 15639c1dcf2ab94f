import { tablesDuFichier, type TablesDatees } from '../domain/parametres/tables';
import { tablesDesOctets } from '../app/calculs';

/**
 * A teacher's parameters file in the task pane (the tables `agora parametres` writes, completed with
 * newer values): imported once in « Paramètres », kept in this computer's storage for the add-in's
 * own origin, used by every exercise created here until the teacher goes back to AGOrA's values.
 */
const STOCKAGE = 'agora-excel.tables-enseignant';

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
  const tables = tablesDesOctets(octets, fichier);
  // kept as the file's own tables, read again (and checked again) by each exercise
  const valeur = Object.fromEntries(tables.fournies!.tables.map((n) => [n, tables[n]]));
  localStorage.setItem(STOCKAGE, JSON.stringify({ fichier: tables.fournies!.fichier, valeur }));
  return tables;
}

export const oublierTablesDuVolet = (): void => localStorage.removeItem(STOCKAGE);
