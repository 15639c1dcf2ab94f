import { FEUILLE_AGORA } from '../../sheets/agora';
import { ouvrirPourModifier } from './ouvrirClasseur';
import { ErreurFichier } from '../erreurFichier';

/**
 * The workbook with new values for some of its `_agora` keys (each must have its row already), as
 * bytes: everything else is kept as it is. The values are written as text.
 */
export async function remplacerClesAgora(source: string, valeurs: Readonly<Record<string, string>>): Promise<Buffer> {
  const wb = await ouvrirPourModifier(source);
  const ws = wb.getWorksheet(FEUILLE_AGORA);
  const restantes = new Set(Object.keys(valeurs));
  ws?.eachRow((ligne) => {
    const cle = ligne.getCell(1).value;
    if (typeof cle !== 'string' || !restantes.has(cle)) return;
    ligne.getCell(2).value = valeurs[cle]!;
    restantes.delete(cle);
  });
  if (restantes.size) throw new ErreurFichier(`« ${source} » a été créé par une version antérieure d'AGOrA, qui ne le préparait pas au sceau : recréez l'exercice pour pouvoir le sceller.`, source);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
