/** The zip is not one, or is one we cannot read (encrypted entry, zip64, unknown compression). */
export class ZipIllisible extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface EntreeZip {
  /** 0 stored, 8 deflated (the only two an .xlsx uses) */
  methode: number;
  /** the entry's bytes as stored in the zip (still compressed when `methode` is 8) */
  brut(): Uint8Array;
}

/**
 * The entries of a zip held in memory, read from its central directory, each left compressed: the
 * caller inflates only what it reads, with whatever the platform has (node:zlib in the CLI,
 * DecompressionStream in the task pane). Plain bytes and DataView, so it runs in both. An .xlsx is a
 * few tens of kilobytes, so zip64 archives are refused rather than supported.
 */
export function entreesZip(z: Uint8Array): Map<string, EntreeZip> {
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
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > z.length || u32(p) !== CENTRAL) throw new ZipIllisible('répertoire central endommagé');
    const drapeaux = u16(p + 8);
    const methode = u16(p + 10);
    const taille = u32(p + 20);
    const [longNom, longExtra, longCommentaire] = [u16(p + 28), u16(p + 30), u16(p + 32)];
    const local = u32(p + 42);
    const nom = utf8.decode(z.subarray(p + 46, p + 46 + longNom));
    p += 46 + longNom + longExtra + longCommentaire;
    if (drapeaux & 1) throw new ZipIllisible('entrée chiffrée');
    if (taille === 0xffffffff || local === 0xffffffff) throw new ZipIllisible('zip64');
    entrees.set(nom, {
      methode,
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

/** A package's parts by path, decompressed: undefined when the part is absent. */
export type ContenuZip = (chemin: string) => Uint8Array | undefined;
