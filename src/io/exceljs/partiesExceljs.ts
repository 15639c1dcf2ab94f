import type ExcelJS from 'exceljs';
import { compresser, type EntreeCompressee } from '../xlsx/zipNode';

/**
 * The parts of the file exceljs writes, as it hands them to its zip writer, without the zip: the
 * command line deflates them with node:zlib (`zipEnFlux`). Through exceljs's own path, JSZip encoded
 * every XML string, stored it, joined the whole archive into one buffer and exceljs copied it again:
 * for a class of 500, two seconds and several copies of 150 Mo.
 *
 * exceljs (4.4) builds `new ZipWriter(options.zip)` from lib/utils/zip-stream.js for each write; the
 * writer installed here collects the parts when `options.zip.parties` is given and is exceljs's own
 * otherwise, so every other write (a filled copy, an annotated copy) is unchanged.
 */

/** A part as text, for the caller to change, or already deflated. */
export type Partie = string | EntreeCompressee;
interface OptionsZip {
  parties?: Map<string, Partie>;
  texte?: (nom: string) => boolean;
}
interface ZipWriter {
  append(data: DonneesExceljs, options: { name: string; base64?: boolean }): void;
  finalize(): Promise<void>;
  emit(evenement: string): boolean;
}
type ClasseZipWriter = new (options?: OptionsZip) => ZipWriter;
type DonneesExceljs = string | Buffer;

// exceljs's internal module, untyped
const zipStream = require('exceljs/lib/utils/zip-stream') as { ZipWriter: ClasseZipWriter };
const ZipWriterExceljs = zipStream.ZipWriter;

class ZipWriterCollecteur extends ZipWriterExceljs {
  private readonly parties?: Map<string, Partie>;
  private readonly texte: (nom: string) => boolean;
  constructor(options?: OptionsZip) {
    super(options);
    this.parties = options?.parties;
    this.texte = options?.texte ?? (() => false);
  }
  override append(data: DonneesExceljs, options: { name: string; base64?: boolean }): void {
    if (!this.parties) return super.append(data, options);
    const nom = options.name;
    const octets = () => (options.base64 ? Buffer.from(String(data), 'base64') : typeof data === 'string' ? Buffer.from(data) : data);
    // deflated as it comes: the 4 500 sheets of a class are never all held as text
    this.parties.set(nom, this.texte(nom) && typeof data === 'string' && !options.base64 ? data : compresser(nom, octets()));
  }
  override async finalize(): Promise<void> {
    if (!this.parties) return super.finalize();
    this.emit('finish');
  }
}
zipStream.ZipWriter = ZipWriterCollecteur;

/** Every part exceljs writes for `wb`, in its order (`[Content_Types].xml` first): as text those `texte` asks for, the others deflated. */
export async function partiesEcrites(wb: ExcelJS.Workbook, texte: (nom: string) => boolean): Promise<Map<string, Partie>> {
  const parties = new Map<string, Partie>();
  await wb.xlsx.writeBuffer({ zip: { parties, texte } } as unknown as ExcelJS.XlsxWriteOptions);
  if (!parties.size) throw new Error("exceljs n'a remis aucune partie du classeur (version d'exceljs non prévue).");
  return parties;
}
