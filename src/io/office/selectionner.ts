import { synchroniser } from './erreurs';

/** Shows a cell to the user: its sheet activated, the cell selected (one round trip). `cellule`: « Travail!D12 ». */
export async function selectionnerCellule(context: Excel.RequestContext, cellule: string): Promise<void> {
  const i = cellule.lastIndexOf('!');
  const ws = context.workbook.worksheets.getItem(cellule.slice(0, i));
  ws.activate();
  ws.getRange(cellule.slice(i + 1)).select();
  await synchroniser(context, `Sélection de ${cellule}`);
}
