import { serieExcel } from '../../domain/dates';
import { cheminsDesFeuilles, relations } from '../xlsx/lireXlsx';
import type { EntreeCompressee, EntreeEnFlux } from '../xlsx/zipNode';
import type { Partie } from './partiesExceljs';
import { avecNomsDefinis } from '../xlsx/nomsDefinis';
import { lettreColonne, referenceAbsolue, type Classeur, type Feuille, type Valeur } from '../../sheets/model';

/**
 * The parts of a workbook exceljs has written, as they go into the final zip: the defined
 * names written into the workbook part as text (exceljs spent seconds rebuilding 65 000 of them),
 * and each sheet's `suite` rows streamed into its XML. exceljs wrote each sheet with the first row
 * of its suite (so the columns' styles and the table exist); the other rows are produced while the
 * zip is written, and the table and dimension are widened to them. Memory stays that of one chunk
 * of rows, whatever the number of rows.
 */

const ECHAPPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 forbids (control characters, lone surrogates); Excel reads `_xHHHH_` as an escape, so a literal one is escaped in turn.
const INTERDITS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const echapperXml = (s: string) =>
  s
    .replace(INTERDITS, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => ECHAPPES[c]!);

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

// 16 K characters: a longer string (64 K, as it was) goes straight to the old generation, and the
// heap grew by the whole sheet before the garbage collector took it back
const TAILLE_MORCEAU = 1 << 14;

/** The suite's rows after the first, numbered from `premiere + 1`, in chunks of about 16 K characters. */
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

/** A sheet's XML with its suite's rows after the first, in pieces: head, rows a chunk at a time, tail. */
function* feuilleAvecSuite(f: Feuille, xml: string): Generator<Buffer> {
  const premiere = f.lignes.length + 1;
  const ligne = new RegExp(`<row r="${premiere}"[^>]*>([\\s\\S]*?)</row>`).exec(xml);
  if (!ligne) throw new Error(`Première ligne de la suite absente de la feuille « ${f.nom} ».`);
  const styles = f.suite!.styles.map((_, j) => new RegExp(`<c r="${lettreColonne(j)}${premiere}"[^>]*?\\bs="(\\d+)"`).exec(ligne[1]!)?.[1]);
  const derniere = premiere + f.suite!.nombre - 1;
  const fin = lettreColonne(f.suite!.styles.length - 1);
  const dimension = /<dimension ref="([A-Z]+\d+):[A-Z]+\d+"\/>/;
  yield Buffer.from(xml.slice(0, xml.indexOf('</sheetData>')).replace(dimension, (_, debut: string) => `<dimension ref="${debut}:${fin}${derniere}"/>`));
  // one buffer for every chunk (the zip writer is done with a chunk before asking for the next):
  // a new one each time piled up outside the heap until the garbage collector ran
  let tampon = Buffer.allocUnsafe(1 << 16);
  for (const m of lignesXml(f, premiere, styles)) {
    if (3 * m.length > tampon.length) tampon = Buffer.allocUnsafe(3 * m.length);
    yield tampon.subarray(0, tampon.write(m));
  }
  yield Buffer.from(xml.slice(xml.indexOf('</sheetData>')));
}

/**
 * The parts `partiesDuClasseur` changes, which exceljs must hand over as text: the workbook and the
 * relationships (to find the sheets), the sheets of a model with suites (exceljs numbers them in
 * order, `sheet1.xml`…) and their tables. Checked below: a part wanted as text and given deflated is an error.
 */
export const partieATransformer = (c: Classeur) => {
  const longues = new Set(c.feuilles.flatMap((f, i) => (f.suite && f.suite.nombre >= 2 ? [`xl/worksheets/sheet${i + 1}.xml`] : [])));
  return (nom: string) => nom === 'xl/workbook.xml' || (longues.size > 0 && (nom.endsWith('.rels') || nom.startsWith('xl/tables/') || longues.has(nom)));
};

/** Every part of the final workbook, from the parts exceljs wrote of model `c`. */
export function* partiesDuClasseur(parties: ReadonlyMap<string, Partie>, c: Classeur): Generator<EntreeEnFlux | EntreeCompressee> {
  const texte = (chemin: string) => {
    const p = parties.get(chemin);
    if (p !== undefined && typeof p !== 'string') throw new Error(`Partie « ${chemin} » compressée avant d'être transformée.`);
    return p;
  };
  const suites = new Map<string, Feuille>();
  const tableaux = new Map<string, [string, string]>(); // table part → its range as written, and widened
  const longues = c.feuilles.filter((f) => f.suite && f.suite.nombre >= 2);
  // where the sheets are, only when some have a suite: a class's grids have 4 500 sheets and none
  const chemins = longues.length ? cheminsDesFeuilles(texte('xl/workbook.xml') ?? '', relations(texte, 'xl/workbook.xml')) : new Map<string, string>();
  for (const f of longues) {
    const chemin = chemins.get(f.nom);
    if (!chemin) throw new Error(`Feuille « ${f.nom} » absente du classeur écrit.`);
    suites.set(chemin, f);
    const premiere = f.lignes.length + 1;
    const fin = lettreColonne(f.suite!.styles.length - 1);
    if (f.tableau)
      for (const t of relations(texte, chemin).filter((r) => r.type.endsWith('/table')))
        tableaux.set(t.cible, [`ref="A${f.tableau.entete}:${fin}${premiere}"`, `ref="A${f.tableau.entete}:${fin}${premiere + f.suite!.nombre - 1}"`]);
  }
  const noms = (c.noms ?? []).map((n) => ({ nom: n.nom, reference: referenceAbsolue(n.feuille, n.plage) }));
  for (const [nom, p] of parties) {
    const f = suites.get(nom);
    const t = tableaux.get(nom);
    if (nom === 'xl/workbook.xml') yield { nom, morceaux: [Buffer.from(avecNomsDefinis(texte(nom)!, noms))] };
    else if (f) yield { nom, morceaux: feuilleAvecSuite(f, texte(nom)!) };
    else if (t) yield { nom, morceaux: [Buffer.from(texte(nom)!.split(t[0]).join(t[1]))] };
    else yield typeof p === 'string' ? { nom, morceaux: [Buffer.from(p)] } : p;
  }
}
