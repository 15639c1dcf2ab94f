import { Readable } from 'node:stream';
import { avecSuites } from './suiteEnFlux';
import { xlsxDuModele } from './xlsxDuModele';
import type { Classeur } from '../../sheets/model';

const xlsxSansSuites = async (c: Classeur) => {
  const o = await xlsxDuModele(c);
  return Buffer.from(o.buffer, o.byteOffset, o.byteLength);
};
const aDesSuites = (c: Classeur) => c.feuilles.some((f) => (f.suite?.nombre ?? 0) > 1);

/** Renders a workbook model as a stream of .xlsx bytes: long sheets are written as the file is, never held whole. */
export async function classeurEnFlux(c: Classeur): Promise<NodeJS.ReadableStream> {
  const xlsx = await xlsxSansSuites(c);
  return aDesSuites(c) ? avecSuites(xlsx, c.feuilles) : Readable.from([xlsx]);
}

/** Renders a workbook model to .xlsx bytes. */
export async function classeurEnXlsx(c: Classeur): Promise<Buffer> {
  const xlsx = await xlsxSansSuites(c);
  if (!aDesSuites(c)) return xlsx;
  const flux = await avecSuites(xlsx, c.feuilles);
  const morceaux: Buffer[] = [];
  return new Promise((ok, echec) => flux.on('data', (m: Buffer) => morceaux.push(m)).on('error', echec).on('end', () => ok(Buffer.concat(morceaux))));
}
