import { estFormatDate } from '../../domain/dates';
import { entierEnClair } from '../../domain/texte';
import type { ValeurLue } from '../../sheets/exercices/lecture';
import { COLONNES_MAX, LIGNES_MAX, numeroColonne as colonne, type Zone } from '../../sheets/model';
import { ClasseurSuspect, type ContenuZip } from './zip';

/**
 * A lean .xlsx reader: the parts of the workbook are read from the zip's XML as text, and a sheet is
 * decompressed and scanned only when asked for. Consolidating a class reads thousands of workbooks
 * and needs `_agora` and a few named ranges of each; loading every sheet, style and drawing through
 * exceljs costs more than the whole consolidation may. Values follow exceljs's reading: a formula
 * gives its cached result, rich text is flattened, a number under a date format is a Date.
 */

export interface FeuilleLue {
  /** 1-based; null where the cell is empty or absent, and in the cells a merged range covers (as Excel reads them) */
  valeur(ligne: number, colonne: number): ValeurLue;
  /** true where a merged range covers the cell and does not start there */
  couverte(ligne: number, colonne: number): boolean;
  /** rows holding at least one value, in order, as [row number, values from column A] */
  lignes(): [number, ValeurLue[]][];
}

export interface XlsxLu {
  feuilles: string[];
  /** workbook-scoped defined names and their reference text (`'Feuille'!$A$1:$B$2`) */
  noms: { nom: string; reference: string }[];
  /** a sheet; with `zones`, only the cells inside them are kept (the rest reads as empty) */
  feuille(nom: string, zones?: readonly Zone[]): FeuilleLue | undefined;
}

/**
 * Cells kept from one workbook, all sheets together: a class's grids keep a few tens of thousands;
 * beyond, the file is built to exhaust memory and is refused.
 */
export const CELLULES_LUES_MAX = 500_000;

const dans = (z: Zone, l: number, c: number) => l >= z.haut && l <= z.bas && c >= z.gauche && c <= z.droite;

/** A1-style corner → [row, column]; throws when outside Excel's grid (Excel itself would refuse the file). */
function coin(colonneLettres: string, ligneTexte: string): [number, number] {
  const [l, c] = [Number(ligneTexte), colonne(colonneLettres)];
  if (!(l >= 1 && l <= LIGNES_MAX && c <= COLONNES_MAX)) throw new Error(`cellule ${colonneLettres}${ligneTexte} hors de la feuille`);
  return [l, c];
}

/** A sheet's merged ranges, as rectangles (one may cover the whole sheet); throws for one outside Excel's grid. */
export function fusionsDe(xml: string): Zone[] {
  return Array.from(xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g), (m) => {
    const [[h, g], [b, d]] = [coin(m[1]!, m[2]!), coin(m[3]!, m[4]!)];
    return { haut: Math.min(h, b), gauche: Math.min(g, d), bas: Math.max(h, b), droite: Math.max(g, d) };
  });
}

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML entities, then Excel's `_xHHHH_` escapes (how a file stores a control character). */
const texteXml = (s: string) =>
  // most texts hold neither: no regular expression to run over them
  s.indexOf('&') < 0 && s.indexOf('_x') < 0
    ? s
    : s
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITES[e]!))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const ATTRIBUTS = new Map<string, RegExp>();
const attribut = (balise: string, nom: string) => {
  let r = ATTRIBUTS.get(nom);
  if (!r) ATTRIBUTS.set(nom, (r = new RegExp(`\\s${nom}="([^"]*)"`)));
  const m = r.exec(balise);
  return m ? texteXml(m[1]!) : undefined;
};

/** The text of a `<si>` or `<is>`: its runs joined, phonetic guides (`<rPh>`) left out. */
const texteRiche = (xml: string) => {
  let s = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) s += m[1];
  return texteXml(s);
};

// Built-in number formats that are dates or times (ECMA-376, 18.8.30), as exceljs knows them.
const FORMATS_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether its number format is a date. */
function stylesDate(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const perso = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) perso.set(Number(attribut(m[0], 'numFmtId')), attribut(m[0], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attribut(m[0], 'numFmtId') ?? 0);
    return FORMATS_DATE.has(id) || (perso.has(id) && estFormatDate(perso.get(id)!));
  });
}

const JOUR_MS = 86_400_000;

function lireFeuille(xml: string, partages: string[], dates: boolean[], date1904: boolean, zones: readonly Zone[] | undefined, budget: { cellules: number }): FeuilleLue {
  const rangees = new Map<number, ValeurLue[]>();
  const serie = (n: number) => new Date(Math.round((n - 25_569 + (date1904 ? 1462 : 0)) * JOUR_MS));
  const garder = (l: number, c: number) => !zones || zones.some((z) => dans(z, l, c));
  let ligne = 0;
  let col = 0;
  // A row's start tag or a cell; `r` may be absent (allowed, rare): cells then follow one another.
  for (const m of xml.matchAll(/<row\b([^>]*)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (m[1] !== undefined) {
      const r = attribut(m[1], 'r');
      ligne = r ? Number(r) : ligne + 1;
      col = 0;
      continue;
    }
    const a = m[2]!;
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(a);
    if (ref) [ligne, col] = coin(ref[1]!, ref[2]!);
    else col++;
    const interieur = m[3];
    if (!interieur || !garder(ligne, col)) continue;
    const t = attribut(a, 't') ?? 'n';
    const v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(interieur)?.[1];
    let x: ValeurLue = null;
    if (t === 'inlineStr') x = texteRiche(/<is>([\s\S]*?)<\/is>/.exec(interieur)?.[1] ?? '');
    else if (v === undefined || v === '') x = null; // LibreOffice caches an empty text result as <v></v>
    else if (t === 's') x = partages[Number(v)] ?? null;
    else if (t === 'str') x = texteXml(v);
    else if (t === 'b') x = v === '1';
    else if (t === 'e') x = { erreur: texteXml(v) };
    else if (t === 'd') x = new Date(v);
    else {
      const n = Number(v);
      x = dates[Number(attribut(a, 's') ?? 0)] ? serie(n) : n;
    }
    if (x === null) continue;
    if (--budget.cellules < 0) throw new ClasseurSuspect(`plus de ${entierEnClair(CELLULES_LUES_MAX)} cellules remplies`);
    let rangee = rangees.get(ligne);
    if (!rangee) rangees.set(ligne, (rangee = []));
    rangee[col - 1] = x;
  }
  const fusions = fusionsDe(xml);
  const couverte = (l: number, c: number) => fusions.some((z) => dans(z, l, c) && (l !== z.haut || c !== z.gauche));
  return {
    valeur: (l, c) => (couverte(l, c) ? null : (rangees.get(l)?.[c - 1] ?? null)),
    couverte,
    lignes: () =>
      [...rangees.entries()]
        .sort((x, y) => x[0] - y[0])
        .map(([n, v]) => [n, Array.from({ length: v.length }, (_, j) => v[j] ?? null)]),
  };
}

/** Target of a relationship, relative to the part's folder (« ../tables/table1.xml ») or absolute from the package root. */
function resoudre(dossier: string, cible: string): string {
  const segments: string[] = [];
  for (const s of (cible.startsWith('/') ? cible.slice(1) : dossier + cible).split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

export interface Relation {
  id: string;
  type: string;
  cible: string; // path in the package
}

/** A part's relationships (its `_rels/….rels`), targets resolved to package paths. */
export function relations(texte: (chemin: string) => string | undefined, chemin: string): Relation[] {
  const dossier = chemin.slice(0, chemin.lastIndexOf('/') + 1);
  const rels = texte(`${dossier}_rels/${chemin.slice(dossier.length)}.rels`) ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ id: attribut(m[0], 'Id') ?? '', type: attribut(m[0], 'Type') ?? '', cible: resoudre(dossier, attribut(m[0], 'Target') ?? '') }));
}

/** Where each sheet's XML is in the package, by sheet name, from the workbook part and its relationships. */
export function cheminsDesFeuilles(classeur: string, rels: readonly Relation[]): Map<string, string> {
  const chemins = new Map<string, string>();
  const parId = new Map(rels.map((r) => [r.id, r.cible]));
  for (const m of classeur.matchAll(/<sheet\b[^>]*>/g)) {
    const cible = parId.get(attribut(m[0], 'r:id') ?? '');
    if (cible) chemins.set(attribut(m[0], 'name')!, cible);
  }
  return chemins;
}

/** Opens a workbook from its package's parts (see zip.ts for how they are decompressed). */
export function lireXlsx(contenu: ContenuZip): XlsxLu {
  const utf8 = new TextDecoder();
  // Excel never writes a DTD: one in a part is there to declare entities (XXE, « billion laughs »)
  const texte = (chemin: string) => {
    const o = contenu(chemin);
    const t = o && utf8.decode(o);
    if (t?.includes('<!DOCTYPE')) throw new Error(`déclaration DOCTYPE dans ${chemin}`);
    return t;
  };
  const principal = relations(texte, '').find((r) => r.type.endsWith('/officeDocument'))?.cible ?? 'xl/workbook.xml';
  const classeur = texte(principal);
  if (!classeur) return { feuilles: [], noms: [], feuille: () => undefined };
  const rels = relations(texte, principal);
  const partie = (type: string) => rels.find((r) => r.type.endsWith(type))?.cible;
  const chemins = cheminsDesFeuilles(classeur, rels);
  const noms = [...classeur.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
    .filter((m) => attribut(m[1]!, 'localSheetId') === undefined)
    .map((m) => ({ nom: attribut(m[1]!, 'name')!, reference: texteXml(m[2]!) }));
  const xmlPartages = partie('/sharedStrings');
  const partages = [...(texte(xmlPartages ?? '') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texteRiche(m[1]!));
  const dates = stylesDate(texte(partie('/styles') ?? ''));
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(classeur);
  const lues = new Map<string, FeuilleLue>();
  const budget = { cellules: CELLULES_LUES_MAX };
  return {
    feuilles: [...chemins.keys()],
    noms,
    feuille(nom, zones) {
      if (!lues.has(nom)) {
        const xml = chemins.has(nom) ? texte(chemins.get(nom)!) : undefined;
        if (xml === undefined) return undefined;
        lues.set(nom, lireFeuille(xml, partages, dates, date1904, zones, budget));
      }
      return lues.get(nom);
    },
  };
}
