import { inflateRawSync } from 'node:zlib';
import { entierEnClair } from '../../domain/texte';
import { numeroColonne } from '../../sheets/model';
import { CELLULES_LUES_MAX } from './lireXlsx';
import { PLAGE_MAX } from './classeurLu';
import { entreesZip, ClasseurSuspect, type ContenuZip, type EntreeZip } from './zip';

/** One entry inflated, never beyond its declared size (zlib stops there). */
export function inflaterEntree(e: EntreeZip): Uint8Array {
  const brut = e.brut();
  if (e.methode !== 8) return brut;
  try {
    return inflateRawSync(brut, { maxOutputLength: Math.max(1, e.taille) });
  } catch (x) {
    if ((x as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ClasseurSuspect('une partie dépasse la taille qu\'elle annonce');
    throw x;
  }
}

/**
 * The CLI's view of a zip: each part inflated by node:zlib when first read, so a workbook's sheets
 * that nobody reads are never decompressed. Throws `ZipIllisible` when the bytes are not a zip.
 */
export function contenuZip(z: Uint8Array): ContenuZip {
  const entrees = entreesZip(z);
  return (chemin) => {
    const e = entrees.get(chemin);
    return e && inflaterEntree(e);
  };
}

/**
 * Checks a whole package before a library that loads every part (exceljs) opens it: every entry
 * inflates within its declared size and the file's budget, no XML part declares a DTD, the sheets
 * hold no more cells than the lean reader would keep and no merged range larger than a name may be. Throws `ClasseurSuspect`, or an Error
 * for a damaged package. One entry is held at a time.
 */
export function verifierPaquet(z: Uint8Array): void {
  const utf8 = new TextDecoder();
  let cellules = 0;
  for (const [nom, e] of entreesZip(z)) {
    const o = inflaterEntree(e);
    if (o.length !== e.taille) throw new Error(`partie ${nom} : taille différente de celle annoncée`);
    if (!/\.(xml|rels)$/i.test(nom)) continue;
    const xml = utf8.decode(o);
    if (xml.includes('<!DOCTYPE')) throw new Error(`déclaration DOCTYPE dans ${nom}`);
    if (!/^xl\/worksheets\//.test(nom)) continue;
    for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3))
      if (++cellules > CELLULES_LUES_MAX) throw new ClasseurSuspect(`plus de ${entierEnClair(CELLULES_LUES_MAX)} cellules`);
    // exceljs gives every cell of a merged range its own object
    for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      const aire = (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(numeroColonne(m[3]!) - numeroColonne(m[1]!)) + 1);
      if (aire > PLAGE_MAX) throw new ClasseurSuspect(`une fusion couvre ${entierEnClair(aire)} cellules`);
    }
  }
}
