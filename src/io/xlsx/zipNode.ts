import zlib, { deflateRawSync, inflateRawSync } from 'node:zlib';
import { verifierPartie } from './paquet';
import { entreesZip, ClasseurSuspect, type ContenuZip, type EntreeZip } from './zip';
import type { DecodageXml } from './lireXlsx';

/** One entry inflated, never beyond its declared size (zlib stops there). */
export function inflaterEntree(e: EntreeZip): Uint8Array {
  const brut = e.brut();
  if (e.methode !== 8) return brut;
  try {
    return inflateRawSync(brut, { maxOutputLength: Math.max(1, e.taille) });
  } catch (x) {
    if ((x as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ClasseurSuspect("une partie dépasse la taille qu'elle annonce");
    throw x;
  }
}

/**
 * The CLI's view of a zip: each part inflated by node:zlib when first read, so a workbook's sheets
 * that nobody reads are never decompressed. Throws `ZipIllisible` when the bytes are not a zip.
 */
export function contenuZip(z: Uint8Array): ContenuZip {
  const entrees = entreesZip(z);
  const contenu = (chemin: string) => {
    const e = entrees.get(chemin);
    return e && inflaterEntree(e);
  };
  return Object.assign(contenu, { decodage: DECODAGE_OCTETS });
}

/**
 * A part as one character per byte (Buffer's « latin1 » is a copy, not a decoding: 6 times faster
 * than UTF-8 over a class's files), its texts decoded from UTF-8 as they leave the reader.
 */
export const DECODAGE_OCTETS: DecodageXml = {
  partie: (o) => Buffer.from(o.buffer, o.byteOffset, o.byteLength).toString('latin1'),
  texte: (s) => (/[\x80-\xff]/.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s),
};

/**
 * Checks a whole package before a library that loads every part (exceljs) opens it: every entry
 * inflates within its declared size and the file's budget, no XML part declares a DTD, the sheets
 * hold no more cells than the lean reader would keep and no merged range larger than a name may be. Throws `ClasseurSuspect`, or an Error
 * for a damaged package. One entry is held at a time.
 */
export function verifierPaquet(z: Uint8Array): void {
  const compte = { cellules: 0 };
  for (const [nom, e] of entreesZip(z)) verifierPartie(nom, e, inflaterEntree(e), compte);
}

const TABLE_CRC = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (ISO 3309) of `o` continuing `avant`, where node:zlib lacks it. */
function crc32Suite(o: Uint8Array, avant: number): number {
  let c = avant ^ -1;
  for (let i = 0; i < o.length; i++) c = TABLE_CRC[(c ^ o[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry to write: its bytes as stored (raw deflate when `methode` is 8), and what it declares once inflated. */
export interface EntreeEcrite {
  nom: string;
  donnees: Uint8Array;
  methode: 0 | 8;
  crc: number;
  taille: number;
}

/** The end of central directory record: how many entries, the directory's size and where it starts. */
function finDuRepertoire(nombre: number, taille: number, decalage: number): Buffer {
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(nombre, 8);
  fin.writeUInt16LE(nombre, 10);
  fin.writeUInt32LE(taille, 12);
  fin.writeUInt32LE(decalage, 16);
  return fin;
}

/** A zip of these entries, in order, names in UTF-8; it declares what each entry says, right or not (the tests' bombs lie). */
export function ecrireZip(entrees: readonly EntreeEcrite[]): Buffer {
  const locaux: Uint8Array[] = [];
  const centraux: Buffer[] = [];
  let decalage = 0;
  for (const e of entrees) {
    const n = Buffer.from(e.nom, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    // version needed, flags (UTF-8 names), method, CRC, sizes, name length: the same in both headers
    for (const [b, d] of [
      [local, 4],
      [central, 6],
    ] as const) {
      b.writeUInt16LE(20, d);
      b.writeUInt16LE(0x800, d + 2);
      b.writeUInt16LE(e.methode, d + 4);
      b.writeUInt32LE(e.crc >>> 0, d + 10);
      b.writeUInt32LE(e.donnees.length, d + 14);
      b.writeUInt32LE(e.taille >>> 0, d + 18);
      b.writeUInt16LE(n.length, d + 22);
    }
    central.writeUInt32LE(decalage, 42);
    locaux.push(local, n, e.donnees);
    centraux.push(central, n);
    decalage += 30 + n.length + e.donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  return Buffer.concat([...locaux, repertoire, finDuRepertoire(entrees.length, repertoire.length, decalage)]);
}

/** An entry to write as it comes: its bytes in pieces, produced while the archive is written. */
export interface EntreeEnFlux {
  nom: string;
  morceaux: Iterable<Uint8Array>;
}

/** An entry already deflated (`compresser`): its raw deflate stream, and what it declares once inflated. */
export interface EntreeCompressee {
  nom: string;
  deflate: Buffer;
  crc: number;
  taille: number;
}

const NIVEAU = 3;

/** Deflates a part at once, as the zip writer would: for a caller that must not hold the part until the archive is written. */
export const compresser = (nom: string, o: Uint8Array): EntreeCompressee => ({ nom, deflate: deflateRawSync(o, { level: NIVEAU }), crc: crc(o), taille: o.length });

const crc = zlib.crc32 ?? ((o: Uint8Array, c = 0) => crc32Suite(o, c)); // node:zlib has it from Node 20.15

/**
 * A zip written as it goes, by node:zlib (several times faster than pako, the deflate of exceljs and
 * JSZip): each piece of an entry is deflated on its own and flushed to a byte boundary, so the
 * pieces follow one another as one deflate stream, closed by an empty final block. A piece is used
 * before the next is asked for: a producer may fill the same buffer again. The CRC and the sizes,
 * known at the end, go in a data descriptor after the entry. Level 3: the size exceljs's own
 * deflate gave (13,3 Mo for a class of 500), in 60 % of zlib's default time.
 */
export function* zipEnFlux(entrees: Iterable<EntreeEnFlux | EntreeCompressee>): Generator<Buffer> {
  const centraux: Buffer[] = [];
  let decalage = 0;
  let nombre = 0;
  const plafond = (x: number, quoi: string) => {
    if (x > 0xfffffffe) throw new Error(`${quoi} dépasse 4 Go : le format zip64 n'est pas écrit.`);
    return x;
  };
  for (const e of entrees) {
    const n = Buffer.from(e.nom, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x808, 6); // UTF-8 name, sizes in the data descriptor
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(n.length, 26);
    yield local;
    yield n;
    let c = 0;
    let taille = 0;
    let compresse = 0;
    if ('deflate' in e) {
      [c, taille, compresse] = [e.crc, e.taille, e.deflate.length];
      yield e.deflate;
    } else {
      for (const m of e.morceaux) {
        c = crc(m, c);
        taille += m.length;
        const d = deflateRawSync(m, { level: NIVEAU, finishFlush: zlib.constants.Z_SYNC_FLUSH });
        compresse += d.length;
        yield d;
      }
      // an empty final block closes the stream
      const d = deflateRawSync(new Uint8Array(0), { level: NIVEAU });
      compresse += d.length;
      yield d;
    }
    const descripteur = Buffer.alloc(16);
    descripteur.writeUInt32LE(0x08074b50, 0);
    descripteur.writeUInt32LE(c >>> 0, 4);
    descripteur.writeUInt32LE(plafond(compresse, `« ${e.nom} » compressé`), 8);
    descripteur.writeUInt32LE(plafond(taille, `« ${e.nom} »`), 12);
    yield descripteur;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x808, 8);
    central.writeUInt16LE(8, 10);
    descripteur.copy(central, 16, 4, 16);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(plafond(decalage, "L'archive"), 42);
    centraux.push(central, n);
    decalage += 30 + n.length + compresse + 16;
    nombre++;
  }
  const repertoire = Buffer.concat(centraux);
  yield repertoire;
  yield finDuRepertoire(nombre, repertoire.length, plafond(decalage, "L'archive"));
}
