import { inflateRawSync } from 'node:zlib';

/** The zip is not one, or is one we cannot read (encrypted entry, zip64, unknown compression). */
export class ZipIllisible extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip held in memory, read from its central directory; each is inflated only when
 * asked for (a workbook's sheets that nobody reads are never decompressed). An .xlsx is a few tens
 * of kilobytes, so zip64 archives are refused rather than supported.
 */
export function entreesZip(z: Buffer): Map<string, () => Buffer> {
  let fin = -1;
  for (let i = z.length - 22; i >= Math.max(0, z.length - 22 - 0xffff); i--) {
    if (z.readUInt32LE(i) === EOCD) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new ZipIllisible('fin de répertoire introuvable');
  const nombre = z.readUInt16LE(fin + 10);
  let p = z.readUInt32LE(fin + 16);
  const entrees = new Map<string, () => Buffer>();
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > z.length || z.readUInt32LE(p) !== CENTRAL) throw new ZipIllisible('répertoire central endommagé');
    const drapeaux = z.readUInt16LE(p + 8);
    const methode = z.readUInt16LE(p + 10);
    const taille = z.readUInt32LE(p + 20);
    const [longNom, longExtra, longCommentaire] = [z.readUInt16LE(p + 28), z.readUInt16LE(p + 30), z.readUInt16LE(p + 32)];
    const local = z.readUInt32LE(p + 42);
    const nom = z.toString('utf8', p + 46, p + 46 + longNom);
    p += 46 + longNom + longExtra + longCommentaire;
    if (drapeaux & 1) throw new ZipIllisible('entrée chiffrée');
    if (taille === 0xffffffff || local === 0xffffffff) throw new ZipIllisible('zip64');
    entrees.set(nom, () => {
      if (local + 30 > z.length || z.readUInt32LE(local) !== LOCAL) throw new ZipIllisible(`entrée « ${nom} » endommagée`);
      const debut = local + 30 + z.readUInt16LE(local + 26) + z.readUInt16LE(local + 28);
      const donnees = z.subarray(debut, debut + taille);
      if (methode === 0) return donnees;
      if (methode === 8) return inflateRawSync(donnees);
      throw new ZipIllisible(`compression ${methode}`);
    });
  }
  return entrees;
}
