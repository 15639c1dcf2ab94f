import type { Valeur } from '../../sheets/model';
import { synchroniser } from './erreurs';
import { pourExcel } from './insererClasseur';

/**
 * Writes values into named ranges of the open workbook in one round trip (the settings the pane
 * edits). Strings keep their apostrophe: a value typed in the pane is never read as a formula.
 */
export async function ecrireValeursNommees(context: Excel.RequestContext, valeurs: ReadonlyMap<string, Valeur[][]>, action: string): Promise<void> {
  for (const [nom, m] of valeurs) context.workbook.names.getItem(nom).getRange().values = m.map((l) => l.map(pourExcel));
  await synchroniser(context, action);
}
