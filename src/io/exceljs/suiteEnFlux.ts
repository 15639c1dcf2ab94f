import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { serieExcel } from '../../domain/dates';
import { cheminsDesFeuilles, relations } from '../xlsx/lireXlsx';
import { lettreColonne, type Feuille, type Valeur } from '../../sheets/model';

/**
 * Appends sheets' `suite` rows to a workbook exceljs has written, as the zip is produced: exceljs
 * wrote each sheet with the first row of its suite (so the columns' styles and the table exist),
 * the other rows are streamed into the sheet's XML and the table and dimension are widened to them.
 * Memory stays that of one chunk of rows, whatever the number of rows.
 */

const ECHAPPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 forbids (control characters, lone surrogates); Excel reads `_xHHHH_` as an escape, so a literal one is escaped in turn.
const INTERDITS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const echapperXml = (s: string) => s.replace(INTERDITS, '').replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[&<>"]/g, (c) => ECHAPPES[c]!);


/** One `<c>` element: strings inline (never a formula), dates as serials under the column's style. */
function celluleXml(ref: string, v: Valeur, s: string | undefined): string {
  const style = s ? ` s="${s}"` : '';
  if (v === null) return s ? `<c r="${ref}"${style}/>` : '';
  if (typeof v === 'string') return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${echapperXml(v)}</t></is></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
  if ('date' in v) return `<c r="${ref}"${style}><v>${serieExcel(v.date)}</v></c>`;
  throw new Error('Une suite de lignes ne contient pas de formule.');
}

const TAILLE_MORCEAU = 1 << 16;

/** The suite's rows after the first, numbered from `premiere + 1`, in chunks of about 64 KB. */
function* lignesXml(f: Feuille, premiere: number, styles: (string | undefined)[]): Generator<string> {
  const lettres = styles.map((_, j) => lettreColonne(j));
  let morceau = '';
  let numero = premiere - 1;
  for (const valeurs of f.suite!.lignes()) {
    numero++;
    if (numero === premiere) continue; // written by exceljs
    let row = `<row r="${numero}">`;
    for (let j = 0; j < valeurs.length; j++) row += celluleXml(`${lettres[j] ?? lettreColonne(j)}${numero}`, valeurs[j]!, styles[j]);
    morceau += row + '</row>';
    if (morceau.length >= TAILLE_MORCEAU) {
      yield morceau;
      morceau = '';
    }
  }
  if (morceau) yield morceau;
}

/** The workbook part and every relationship file, read once: where the sheets and their tables are. */
async function plan(zip: JSZip): Promise<{ chemins: Map<string, string>; tableaux: (feuille: string) => string[] }> {
  const textes = new Map<string, string>();
  for (const [nom, entree] of Object.entries(zip.files)) if (nom === 'xl/workbook.xml' || nom.endsWith('.rels')) textes.set(nom, await entree.async('string'));
  const texte = (chemin: string) => textes.get(chemin);
  return {
    chemins: cheminsDesFeuilles(texte('xl/workbook.xml') ?? '', relations(texte, 'xl/workbook.xml')),
    tableaux: (feuille) => relations(texte, feuille).filter((r) => r.type.endsWith('/table')).map((r) => r.cible),
  };
}

async function etendreTableaux(zip: JSZip, tableaux: readonly string[], avant: string, apres: string): Promise<void> {
  for (const t of tableaux) {
    const entree = zip.file(t)!;
    zip.file(t, (await entree.async('string')).split(`ref="${avant}"`).join(`ref="${apres}"`), { date: entree.date });
  }
}

/** The workbook's bytes with every sheet's suite written in full, as a stream. */
export async function avecSuites(xlsx: Buffer, feuilles: readonly Feuille[]): Promise<NodeJS.ReadableStream> {
  const zip = await JSZip.loadAsync(xlsx);
  const { chemins, tableaux } = await plan(zip);
  for (const f of feuilles) {
    if (!f.suite || f.suite.nombre < 2) continue;
    const chemin = chemins.get(f.nom);
    if (!chemin) throw new Error(`Feuille « ${f.nom} » absente du classeur écrit.`);
    const entree = zip.file(chemin)!;
    const xml = await entree.async('string');
    const premiere = f.lignes.length + 1;
    const ligne = new RegExp(`<row r="${premiere}"[^>]*>([\\s\\S]*?)</row>`).exec(xml);
    if (!ligne) throw new Error(`Première ligne de la suite absente de la feuille « ${f.nom} ».`);
    const styles = f.suite.styles.map((_, j) => new RegExp(`<c r="${lettreColonne(j)}${premiere}"[^>]*?\\bs="(\\d+)"`).exec(ligne[1]!)?.[1]);
    const derniere = premiere + f.suite.nombre - 1;
    const fin = lettreColonne(f.suite.styles.length - 1);
    const dimension = /<dimension ref="([A-Z]+\d+):[A-Z]+\d+"\/>/;
    const tete = xml.slice(0, xml.indexOf('</sheetData>')).replace(dimension, (_, debut: string) => `<dimension ref="${debut}:${fin}${derniere}"/>`);
    const queue = xml.slice(xml.indexOf('</sheetData>'));
    if (f.tableau) await etendreTableaux(zip, tableaux(chemin), `A${f.tableau.entete}:${fin}${premiere}`, `A${f.tableau.entete}:${fin}${derniere}`);
    // JSZip reads a string chunk as bytes (one per character): the XML goes as UTF-8 buffers.
    const morceaux = function* () {
      yield Buffer.from(tete);
      for (const m of lignesXml(f, premiere, styles)) yield Buffer.from(m);
      yield Buffer.from(queue);
    };
    zip.file(chemin, Readable.from(morceaux()), { date: entree.date });
  }
  return zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' });
}
