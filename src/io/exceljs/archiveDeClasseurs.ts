import JSZip from 'jszip';
import { xlsxDuModele } from './xlsxDuModele';
import type { EntreeArchive } from '../ports';

/**
 * A .zip of workbooks (and text files) made in memory, for the task pane to offer as a download:
 * each workbook is rendered by exceljs as the command line writes it, one at a time.
 */

export async function archiveDeClasseurs(entrees: readonly EntreeArchive[], progression?: (faits: number, total: number) => void): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [i, e] of entrees.entries()) {
    zip.file(e.chemin, 'texte' in e ? e.texte : 'octets' in e ? e.octets : await xlsxDuModele(e.classeur(), { suitesEntieres: true }));
    progression?.(i + 1, entrees.length);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
