import { inflateRawSync } from 'node:zlib';
import { entreesZip, type ContenuZip } from './zip';

/**
 * The CLI's view of a zip: each part inflated by node:zlib when first read, so a workbook's sheets
 * that nobody reads are never decompressed. Throws `ZipIllisible` when the bytes are not a zip.
 */
export function contenuZip(z: Uint8Array): ContenuZip {
  const entrees = entreesZip(z);
  return (chemin) => {
    const e = entrees.get(chemin);
    if (!e) return undefined;
    const brut = e.brut();
    return e.methode === 8 ? inflateRawSync(brut) : brut;
  };
}
