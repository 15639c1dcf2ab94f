import { Readable } from 'node:stream';
import { avecSuites } from './suiteEnFlux';
import { xlsxDuModele } from './xlsxDuModele';
import { deflaterZip } from '../xlsx/zipNode';
import { referenceAbsolue, type Classeur } from '../../sheets/model';
import { avecNomsDefinis } from '../xlsx/nomsDefinis';

const utf8 = new TextDecoder();
const NOMS = (c: Classeur) => (c.noms ?? []).map((n) => ({ nom: n.nom, reference: referenceAbsolue(n.feuille, n.plage) }));

// exceljs leaves the parts stored and the names out; node:zlib deflates the parts (pako, exceljs's
// own, is slower) and the names are written into the workbook part as text
const xlsxSansSuites = async (c: Classeur) =>
  deflaterZip(await xlsxDuModele(c, { sansCompression: true, sansNoms: true }), (nom, o) => (nom === 'xl/workbook.xml' ? Buffer.from(avecNomsDefinis(utf8.decode(o), NOMS(c))) : o));
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
