import { synchroniser } from './erreurs';

/**
 * The cells the user selected in the open workbook, in one round trip: the selection within the
 * sheet's used range (a whole column selected is not millions of empty cells), or, when a single
 * cell is selected, the whole used range of its sheet (the list around it).
 */
export async function lireSelection(context: Excel.RequestContext): Promise<{ adresse: string; valeurs: unknown[][] }> {
  const selection = context.workbook.getSelectedRange().load('address');
  const utilisee = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true).load('address,values');
  const dedans = selection.getIntersectionOrNullObject(utilisee).load('address,values');
  await synchroniser(context, 'Lecture de la sélection');
  const uneCellule = !selection.address.includes(':');
  const lue = uneCellule ? utilisee : dedans;
  if (lue.isNullObject) return { adresse: selection.address, valeurs: [] };
  return { adresse: lue.address, valeurs: lue.values };
}
