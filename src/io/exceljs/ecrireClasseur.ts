import { Readable } from 'node:stream';
import { partieATransformer, partiesDuClasseur } from './partiesDuClasseur';
import { partiesEcrites } from './partiesExceljs';
import { classeurExceljs } from './xlsxDuModele';
import { zipEnFlux } from '../xlsx/zipNode';
import type { Classeur } from '../../sheets/model';

// exceljs writes the parts, without the names and the suites' rows; they are added, and every part
// deflated by node:zlib, as the archive is written
const parties = async (c: Classeur, consommer = false) => partiesDuClasseur(await partiesEcrites(await classeurExceljs(c, { sansNoms: true, consommer }), partieATransformer(c)), c);

/** Renders a workbook model as a stream of .xlsx bytes: long sheets are written as the file is, never held whole. */
export async function classeurEnFlux(c: Classeur): Promise<AsyncIterable<Buffer>> {
  return Readable.from(zipEnFlux(await parties(c)));
}

/** Renders a workbook model to .xlsx bytes; `consommer`: its rows released as they are written (see OptionsEcriture). */
export async function classeurEnXlsx(c: Classeur, consommer?: 'consommer'): Promise<Buffer> {
  return Buffer.concat([...zipEnFlux(await parties(c, consommer === 'consommer'))]);
}
