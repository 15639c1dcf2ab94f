import { Readable } from 'node:stream';
import { partiesDuClasseur } from './partiesDuClasseur';
import { xlsxDuModele } from './xlsxDuModele';
import { zipEnFlux } from '../xlsx/zipNode';
import type { Classeur } from '../../sheets/model';

// exceljs writes the parts stored, without the names and the suites' rows; they are added, and every
// part deflated by node:zlib, as the archive is written
const parties = async (c: Classeur) => partiesDuClasseur(await xlsxDuModele(c, { sansCompression: true, sansNoms: true }), c);

/** Renders a workbook model as a stream of .xlsx bytes: long sheets are written as the file is, never held whole. */
export async function classeurEnFlux(c: Classeur): Promise<NodeJS.ReadableStream> {
  return Readable.from(zipEnFlux(await parties(c)));
}

/** Renders a workbook model to .xlsx bytes. */
export async function classeurEnXlsx(c: Classeur): Promise<Buffer> {
  return Buffer.concat([...zipEnFlux(await parties(c))]);
}
