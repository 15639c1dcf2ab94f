import type { DecodageXml } from './lireXlsx';
/** The zip is not one, or is one we cannot read (encrypted entry, zip64, unknown compression). */
export class ZipIllisible extends Error {}

/**
 * A workbook built to exhaust the reader: a zip that would inflate beyond its budget (« zip bomb »,
 * or parts that lie about their size), or sheets with more cells than any workbook of ours. The
 * message is the French reason.
 */
export class ClasseurSuspect extends Error {}

/**
 * What a workbook may inflate to, all parts together: 100 times its size (a genuine .xlsx inflates
 * 5 to 15 times), at least 16 Mo for small files, at most 128 Mo, so that one hostile file holds
 * at most that much text in memory, whatever it claims.
 */
export const budgetDecompression = (taille: number) => Math.min(128 * 1048576, Math.max(16 * 1048576, 100 * taille));

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface EntreeZip {
  /** 0 stored, 8 deflated (the only two an .xlsx uses) */
  methode: number;
  /** its size once inflated, as the zip declares it (checked against `budgetDecompression`; inflating stops beyond it) */
  taille: number;
  /** the CRC-32 of its inflated bytes, as the zip declares it */
  crc: number;
  /** the entry's bytes as stored in the zip (still compressed when `methode` is 8) */
  brut(): Uint8Array;
}

/**
 * The entries of a zip held in memory, read from its central directory, each left compressed: the
 * caller inflates only what it reads, with whatever the platform has (node:zlib in the CLI,
 * DecompressionStream in the task pane). Plain bytes and DataView, so it runs in both. An .xlsx is a
 * few tens of kilobytes, so zip64 archives are refused rather than supported. The declared sizes
 * must fit the file's budget before anything is inflated; the inflaters then hold each entry to
 * its declared size, so a zip that lies about it is stopped there (a zip we wrote ourselves is
 * read with an unlimited `budget`).
 */
export function entreesZip(z: Uint8Array, budget = budgetDecompression(z.length)): Map<string, EntreeZip> {
  const d = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const u32 = (i: number) => d.getUint32(i, true);
  const u16 = (i: number) => d.getUint16(i, true);
  let fin = -1;
  for (let i = z.length - 22; i >= Math.max(0, z.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new ZipIllisible('fin de répertoire introuvable');
  const nombre = u16(fin + 10);
  let p = u32(fin + 16);
  const utf8 = new TextDecoder();
  const entrees = new Map<string, EntreeZip>();
  let total = 0;
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > z.length || u32(p) !== CENTRAL) throw new ZipIllisible('répertoire central endommagé');
    const drapeaux = u16(p + 8);
    const methode = u16(p + 10);
    const crc = u32(p + 16);
    const taille = u32(p + 20);
    const decompresse = u32(p + 24);
    const [longNom, longExtra, longCommentaire] = [u16(p + 28), u16(p + 30), u16(p + 32)];
    const local = u32(p + 42);
    const nom = utf8.decode(z.subarray(p + 46, p + 46 + longNom));
    p += 46 + longNom + longExtra + longCommentaire;
    if (drapeaux & 1) throw new ZipIllisible('entrée chiffrée');
    if (taille === 0xffffffff || local === 0xffffffff || decompresse === 0xffffffff) throw new ZipIllisible('zip64');
    total += decompresse;
    if (total > budget) throw new ClasseurSuspect(`plus de ${Math.round(budget / 1048576)} Mo une fois décompressé`);
    entrees.set(nom, {
      methode,
      taille: decompresse,
      crc,
      brut() {
        if (local + 30 > z.length || u32(local) !== LOCAL) throw new ZipIllisible(`entrée « ${nom} » endommagée`);
        if (methode !== 0 && methode !== 8) throw new ZipIllisible(`compression ${methode}`);
        const debut = local + 30 + u16(local + 26) + u16(local + 28);
        return z.subarray(debut, debut + taille);
      },
    });
  }
  return entrees;
}

/**
 * A package's parts by path, decompressed: undefined when the part is absent. `decodage`: how the
 * reader should turn a part into text, when the platform has better than UTF-8 (see lireXlsx).
 */
export type ContenuZip = ((chemin: string) => Uint8Array | undefined) & { decodage?: DecodageXml };
