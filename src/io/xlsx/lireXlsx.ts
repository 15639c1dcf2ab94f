import { estFormatDate } from '../../domain/dates';
import { entierEnClair } from '../../domain/texte';
import type { ValeurLue } from '../../sheets/exercices/lecture';
import { COLONNES_MAX, LIGNES_MAX, lettreColonne, numeroColonne as colonne, type Zone } from '../../sheets/model';
import { ClasseurSuspect, type ContenuZip } from './zip';
import { translateFormulaToA1, translateFormulaToR1C1 } from '@borgar/fx';

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
  /** the cell's formula as the file keeps it (« =B5*C5 », English names, a shared formula translated to the cell), null for a constant */
  formule(ligne: number, colonne: number): string | null;
  /** true where a merged range covers the cell and does not start there */
  couverte(ligne: number, colonne: number): boolean;
  /** rows holding at least one value, in order, as [row number, values from column A] */
  lignes(): [number, ValeurLue[]][];
}

export interface XlsxLu {
  feuilles: string[];
  /** workbook-scoped defined names and their reference text (`'Feuille'!$A$1:$B$2`) */
  noms: { nom: string; reference: string }[];
  /** a sheet, read anew at each call (the caller keeps it); with `zones`, only the cells inside them are kept (the rest reads as empty) */
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
  if (horsDeLaGrille(l, c)) throw horsDeLaFeuille(`${colonneLettres}${ligneTexte}`);
  return [l, c];
}
const horsDeLaGrille = (l: number, c: number) => !(l >= 1 && l <= LIGNES_MAX && c <= COLONNES_MAX);
const horsDeLaFeuille = (ref: string) => new Error(`cellule ${ref} hors de la feuille`);

/** A sheet's merged ranges, as rectangles (one may cover the whole sheet); throws for one outside Excel's grid. */
export function fusionsDe(xml: string, depuis = 0): Zone[] {
  const debut = xml.indexOf('<mergeCells', depuis);
  if (debut < 0) return [];
  const re = /<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  re.lastIndex = debut;
  return Array.from(xml.matchAll(re), (m) => {
    const [[h, g], [b, d]] = [coin(m[1]!, m[2]!), coin(m[3]!, m[4]!)];
    return { haut: Math.min(h, b), gauche: Math.min(g, d), bas: Math.max(h, b), droite: Math.max(g, d) };
  });
}

/**
 * How a part's bytes become the text the reader scans. UTF-8 decoding works everywhere; one character
 * per byte (Node's « latin1 », see zipNode) is faster, and keeps the text one byte per character where
 * a single accent would double it: the XML's syntax is ASCII either way, so the scan is the same, and
 * only the texts the reader hands out are then decoded from UTF-8 (`texte`: those that hold a byte
 * above 127, before their entities, which may stand for any character).
 */
export interface DecodageXml {
  partie(o: Uint8Array): string;
  texte(s: string): string;
}
const utf8 = new TextDecoder();
export const DECODAGE_UTF8: DecodageXml = { partie: (o) => utf8.decode(o), texte: (s) => s };

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A text of the part as a string (see DecodageXml), then its XML entities and Excel's `_xHHHH_` escapes (how a file stores a control character). */
const texteXml = (brut: string, d: DecodageXml) => {
  const s = d.texte(brut);
  // most texts hold neither: no regular expression to run over them
  return s.indexOf('&') < 0 && s.indexOf('_x') < 0
    ? s
    : s
        .replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITES[e]!))
        .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
};

const ATTRIBUTS = new Map<string, RegExp>();
const attribut = (balise: string, nom: string, d: DecodageXml = DECODAGE_UTF8) => {
  let r = ATTRIBUTS.get(nom);
  if (!r) ATTRIBUTS.set(nom, (r = new RegExp(`\\s${nom}="([^"]*)"`)));
  const m = r.exec(balise);
  return m ? texteXml(m[1]!, d) : undefined;
};

/** The text of a `<si>` or `<is>`: its runs joined, phonetic guides (`<rPh>`) left out. */
const texteRiche = (xml: string, d: DecodageXml) => {
  // most are one plain run, « <t>…</t> » or « <t xml:space="preserve">…</t> »: no regular expression
  if (xml.startsWith('<t')) {
    const gt = xml.indexOf('>');
    const fin = xml.indexOf('<', gt);
    if (xml.charCodeAt(gt - 1) !== 47 && fin === xml.length - 4 && xml.endsWith('</t>') && (xml.charCodeAt(2) === 62 || xml.charCodeAt(2) === 32)) return texteXml(xml.slice(gt + 1, fin), d);
  }
  let s = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) s += m[1];
  return texteXml(s, d);
};

// Built-in number formats that are dates or times (ECMA-376, 18.8.30), as exceljs knows them.
const FORMATS_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether its number format is a date. */
function stylesDate(xml: string | undefined, d: DecodageXml): boolean[] {
  if (!xml) return [];
  const perso = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) perso.set(Number(attribut(m[0], 'numFmtId')), attribut(m[0], 'formatCode', d) ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attribut(m[0], 'numFmtId') ?? 0);
    return FORMATS_DATE.has(id) || (perso.has(id) && estFormatDate(perso.get(id)!));
  });
}

const JOUR_MS = 86_400_000;

const ESPACE = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Where the value of the one-letter attribute `lettre` (« r », « s », « t ») starts in the start tag
 * between `debut` and `fin`, or -1; found by hand within the tag: a regular expression per
 * attribute and per cell was most of the reading time.
 */
function debutDeLAttribut(xml: string, debut: number, fin: number, lettre: number): number {
  for (let i = debut + 1; i < fin - 2; i++) if (xml.charCodeAt(i) === lettre && xml.charCodeAt(i + 1) === 61 && xml.charCodeAt(i + 2) === 34 && ESPACE(xml.charCodeAt(i - 1))) return i + 3;
  return -1;
}
/** That attribute's value, or undefined. */
function attributEntre(xml: string, debut: number, fin: number, lettre: number): string | undefined {
  const i = debutDeLAttribut(xml, debut, fin, lettre);
  return i < 0 ? undefined : xml.slice(i, xml.indexOf('"', i));
}
const [R, S, T] = ['r', 's', 't'].map((c) => c.charCodeAt(0)) as [number, number, number];

/**
 * The cell reference of the `r` attribute starting at `i` (« B12" ») → row and column into `lu`;
 * false for a text that is not a reference (the cell then follows the previous one). Throws for one
 * outside Excel's grid, as `coin`.
 */
function referenceA(xml: string, i: number, lu: { ligne: number; col: number }): boolean {
  let col = 0;
  let k = i;
  for (let c = xml.charCodeAt(k); c >= 65 && c <= 90; c = xml.charCodeAt(++k)) col = col * 26 + (c - 64);
  if (k === i) return false;
  let ligne = 0;
  const chiffres = k;
  for (let c = xml.charCodeAt(k); c >= 48 && c <= 57; c = xml.charCodeAt(++k)) ligne = ligne * 10 + (c - 48);
  if (k === chiffres || xml.charCodeAt(k) !== 34) return false;
  if (horsDeLaGrille(ligne, col)) throw horsDeLaFeuille(xml.slice(i, k));
  lu.ligne = ligne;
  lu.col = col;
  return true;
}

/**
 * Where `motif` first occurs between `debut` and `fin`, or -1: searched in that span only, never in
 * the rest of the sheet (a sheet of thousands of cells without formulas must not be scanned again
 * for each of its cells).
 */
function indexEntre(xml: string, motif: string, debut: number, fin: number): number {
  const i = xml.substring(debut, fin).indexOf(motif);
  return i < 0 ? -1 : debut + i;
}

/** The text of the cell's `<v>` between `debut` and `fin` (its content), or undefined. */
function valeurV(xml: string, debut: number, fin: number): string | undefined {
  for (let i = indexEntre(xml, '<v', debut, fin); i >= 0; i = indexEntre(xml, '<v', i + 2, fin)) {
    const c = xml.charCodeAt(i + 2);
    if (c === 47) return ''; // <v/>
    if (c !== 62 && !ESPACE(c)) continue; // <vm…>
    const gt = xml.indexOf('>', i);
    const f = xml.indexOf('</v>', gt);
    return f < 0 || f > fin ? undefined : xml.slice(gt + 1, f);
  }
  return undefined;
}

/** The content of the cell's `<is>` between `debut` and `fin`, or undefined. */
function contenuIs(xml: string, debut: number, fin: number): string | undefined {
  const i = indexEntre(xml, '<is>', debut, fin);
  if (i < 0) return undefined;
  const f = xml.indexOf('</is>', i);
  return f < 0 || f > fin ? undefined : xml.slice(i + 4, f);
}

/**
 * The shared formulas of a sheet (`<f t="shared" si="…" ref="…">`), by index: their text and the
 * cell they are written for; looked for in the whole sheet only when a cell of the kept zones shares
 * one (its first cell may lie outside them).
 */
function formulesPartagees(xml: string, d: DecodageXml): (si: string) => { texte: string; ancre: string } | undefined {
  let index: Map<string, { texte: string; ancre: string }> | undefined;
  return (si) => {
    if (!index) {
      index = new Map();
      for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>\s*<f\b([^>]*)>([^<]*)<\/f>/g)) {
        const a = m[2]!;
        if (attribut(a, 't', d) === 'shared' && attribut(a, 'ref', d)) index.set(attribut(a, 'si', d) ?? '', { texte: texteXml(m[3]!, d), ancre: m[1]! });
      }
    }
    return index.get(si);
  };
}

/**
 * The formula of the cell whose content lies between `debut` and `fin`: « =… », a shared one
 * translated from its first cell to this one (`l`, `c`); « = » alone when its text cannot be had;
 * undefined for a constant.
 */
function formuleF(xml: string, debut: number, fin: number, d: DecodageXml, partagees: ReturnType<typeof formulesPartagees>, l: number, c: number): string | undefined {
  const i = indexEntre(xml, '<f', debut, fin);
  if (i < 0 || !(xml.charCodeAt(i + 2) === 62 || xml.charCodeAt(i + 2) === 47 || ESPACE(xml.charCodeAt(i + 2)))) return undefined;
  const gt = xml.indexOf('>', i);
  const balise = xml.slice(i, gt + 1);
  const vide = xml.charCodeAt(gt - 1) === 47;
  const texte = vide ? '' : texteXml(xml.slice(gt + 1, xml.indexOf('</f>', gt)), d);
  if (texte) return `=${texte}`;
  if (attribut(balise, 't', d) !== 'shared') return '=';
  const maitre = partagees(attribut(balise, 'si', d) ?? '');
  if (!maitre) return '=';
  try {
    return translateFormulaToA1(translateFormulaToR1C1(`=${maitre.texte}`, maitre.ancre), `${lettreColonne(c - 1)}${l}`);
  } catch {
    return '=';
  }
}

function lireFeuille(
  xml: string,
  d: DecodageXml,
  partages: (i: number) => string | null,
  dates: boolean[],
  date1904: boolean,
  zones: readonly Zone[] | undefined,
  budget: { cellules: number },
): FeuilleLue {
  const rangees = new Map<number, ValeurLue[]>();
  const formules = new Map<string, string>(); // by « ligne:colonne »
  const partagees = formulesPartagees(xml, d);
  const serie = (n: number) => new Date(Math.round((n - 25_569 + (date1904 ? 1462 : 0)) * JOUR_MS));
  // the zones that reach the current row, found once per row: a grid's sheet has some forty names
  let ligneDesZones = -1;
  let zonesDeLaLigne: readonly Zone[] = [];
  const garder = (l: number, c: number) => {
    if (!zones) return true;
    if (l !== ligneDesZones) [ligneDesZones, zonesDeLaLigne] = [l, zones.filter((z) => l >= z.haut && l <= z.bas)];
    for (const z of zonesDeLaLigne) if (c >= z.gauche && c <= z.droite) return true;
    return false;
  };
  const position = { ligne: 0, col: 0 };
  // Scanned by hand, tag by tag: a row's start tag or a cell, in <sheetData>; `r` may be absent
  // (allowed, rare): cells then follow one another.
  const debutDonnees = xml.indexOf('<sheetData');
  let finDonnees = xml.indexOf('</sheetData>');
  if (finDonnees < 0) finDonnees = xml.length;
  for (let p = debutDonnees < 0 ? finDonnees : debutDonnees + 10; p < finDonnees;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= finDonnees) break;
    const a = xml.charCodeAt(lt + 1);
    const estCellule = a === 99 && (ESPACE(xml.charCodeAt(lt + 2)) || xml.charCodeAt(lt + 2) === 62 || xml.charCodeAt(lt + 2) === 47);
    const estRangee = a === 114 && xml.startsWith('row', lt + 1) && (ESPACE(xml.charCodeAt(lt + 4)) || xml.charCodeAt(lt + 4) === 62 || xml.charCodeAt(lt + 4) === 47);
    if (!estCellule && !estRangee) {
      p = lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const vide = xml.charCodeAt(gt - 1) === 47;
    if (estRangee) {
      const r = attributEntre(xml, lt + 4, gt, R);
      position.ligne = r ? Number(r) : position.ligne + 1;
      position.col = 0;
      p = gt + 1;
      // a row no zone reaches is skipped to its end, its cells unread (one whose `r` names another
      // row, which Excel would not write, goes unread with it)
      if (zones) {
        [ligneDesZones, zonesDeLaLigne] = [position.ligne, zones.filter((z) => position.ligne >= z.haut && position.ligne <= z.bas)];
        const finRangee = vide || zonesDeLaLigne.length ? -1 : xml.indexOf('</row>', p);
        if (finRangee >= 0 && finRangee < finDonnees) p = finRangee + 6;
      }
      continue;
    }
    const r = debutDeLAttribut(xml, lt + 2, gt, R);
    if (!(r >= 0 && referenceA(xml, r, position))) position.col++;
    const { ligne: l, col: c } = position;
    let fin = gt + 1;
    if (!vide) {
      fin = xml.indexOf('</c>', gt);
      if (fin < 0) break;
    }
    p = vide ? gt + 1 : fin + 4;
    if (vide || fin === gt + 1 || !garder(l, c)) continue;
    const f = formuleF(xml, gt + 1, fin, d, partagees, l, c);
    if (f !== undefined) formules.set(`${l}:${c}`, f);
    const t = attributEntre(xml, lt + 2, gt, T) ?? 'n';
    let x: ValeurLue = null;
    if (t === 'inlineStr') x = texteRiche(contenuIs(xml, gt + 1, fin) ?? '', d);
    else {
      const v = valeurV(xml, gt + 1, fin);
      if (v === undefined || v === '')
        x = null; // LibreOffice caches an empty text result as <v></v>
      else if (t === 's') x = partages(Number(v));
      else if (t === 'str') x = texteXml(v, d);
      else if (t === 'b') x = v === '1';
      else if (t === 'e') x = { erreur: texteXml(v, d) };
      else if (t === 'd') x = new Date(v);
      else {
        const n = Number(v);
        x = dates[Number(attributEntre(xml, lt + 2, gt, S) ?? 0)] ? serie(n) : n;
      }
    }
    if (x === null) continue;
    if (--budget.cellules < 0) throw new ClasseurSuspect(`plus de ${entierEnClair(CELLULES_LUES_MAX)} cellules remplies`);
    let rangee = rangees.get(l);
    if (!rangee) rangees.set(l, (rangee = []));
    rangee[c - 1] = x;
  }
  const fusions = fusionsDe(xml, finDonnees);
  const couverte = (l: number, c: number) => fusions.some((z) => dans(z, l, c) && (l !== z.haut || c !== z.gauche));
  return {
    valeur: (l, c) => (couverte(l, c) ? null : (rangees.get(l)?.[c - 1] ?? null)),
    formule: (l, c) => (couverte(l, c) ? null : (formules.get(`${l}:${c}`) ?? null)),
    couverte,
    lignes: () => [...rangees.entries()].sort((x, y) => x[0] - y[0]).map(([n, v]) => [n, Array.from({ length: v.length }, (_, j) => v[j] ?? null)]),
  };
}

/**
 * The shared strings (`<si>…</si>`, in order), each turned into text only when a kept cell asks for
 * it: a grid's table has hundreds, of which a consolidation reads a few.
 */
function chainesPartagees(xml: string, d: DecodageXml): (i: number) => string | null {
  const bornes: number[] = [];
  for (let i = xml.indexOf('<si>'); i >= 0;) {
    const f = xml.indexOf('</si>', i + 4);
    if (f < 0) break;
    bornes.push(i + 4, f);
    i = xml.indexOf('<si>', f + 5);
  }
  const lues: (string | undefined)[] = [];
  return (k) => (Number.isInteger(k) && k >= 0 && 2 * k < bornes.length ? (lues[k] ??= texteRiche(xml.slice(bornes[2 * k], bornes[2 * k + 1]), d)) : null);
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

/** A part's relationships (its `_rels/….rels`), targets resolved to package paths; `d`: how `texte` decoded the parts. */
export function relations(texte: (chemin: string) => string | undefined, chemin: string, d = DECODAGE_UTF8): Relation[] {
  const dossier = chemin.slice(0, chemin.lastIndexOf('/') + 1);
  const rels = texte(`${dossier}_rels/${chemin.slice(dossier.length)}.rels`) ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attribut(m[0], 'Id', d) ?? '',
    type: attribut(m[0], 'Type', d) ?? '',
    cible: resoudre(dossier, attribut(m[0], 'Target', d) ?? ''),
  }));
}

/** Where each sheet's XML is in the package, by sheet name, from the workbook part and its relationships. */
export function cheminsDesFeuilles(classeur: string, rels: readonly Relation[], d = DECODAGE_UTF8): Map<string, string> {
  const chemins = new Map<string, string>();
  const parId = new Map(rels.map((r) => [r.id, r.cible]));
  for (const m of classeur.matchAll(/<sheet\b[^>]*>/g)) {
    const cible = parId.get(attribut(m[0], 'r:id', d) ?? '');
    if (cible) chemins.set(attribut(m[0], 'name', d)!, cible);
  }
  return chemins;
}

/** The prolog of an XML text, where alone a DTD may be: up to the root element's start tag (the whole text was scanned for each part). */
function avantLaRacine(t: string): string {
  for (let i = t.indexOf('<'); i >= 0; i = t.indexOf('<', i + 1)) {
    const c = t.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return t.slice(0, i);
  }
  return t;
}

/** Opens a workbook from its package's parts (see zip.ts for how they are decompressed, and how they become text). */
export function lireXlsx(contenu: ContenuZip): XlsxLu {
  const d = contenu.decodage ?? DECODAGE_UTF8;
  // Excel never writes a DTD: one in a part is there to declare entities (XXE, « billion laughs »)
  const texte = (chemin: string) => {
    const o = contenu(chemin);
    const t = o && d.partie(o);
    if (t !== undefined && avantLaRacine(t).includes('<!DOCTYPE')) throw new Error(`déclaration DOCTYPE dans ${chemin}`);
    return t;
  };
  const principal = relations(texte, '', d).find((r) => r.type.endsWith('/officeDocument'))?.cible ?? 'xl/workbook.xml';
  const classeur = texte(principal);
  if (!classeur) return { feuilles: [], noms: [], feuille: () => undefined };
  const rels = relations(texte, principal, d);
  const partie = (type: string) => rels.find((r) => r.type.endsWith(type))?.cible;
  const chemins = cheminsDesFeuilles(classeur, rels, d);
  const noms = [...classeur.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
    .filter((m) => attribut(m[1]!, 'localSheetId') === undefined)
    .map((m) => ({ nom: attribut(m[1]!, 'name', d)!, reference: texteXml(m[2]!, d) }));
  const partages = chainesPartagees(texte(partie('/sharedStrings') ?? '') ?? '', d);
  const dates = stylesDate(texte(partie('/styles') ?? ''), d);
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(classeur);
  const budget = { cellules: CELLULES_LUES_MAX };
  return {
    feuilles: [...chemins.keys()],
    noms,
    feuille(nom, zones) {
      const xml = chemins.has(nom) ? texte(chemins.get(nom)!) : undefined;
      return xml === undefined ? undefined : lireFeuille(xml, d, partages, dates, date1904, zones, budget);
    },
  };
}
