import { MARGES_POUCES } from '../../sheets/pagination';
import { serieExcel } from '../../domain/dates';
import { largeurEnPoints, lettreColonne, referenceAbsolue, type Classeur, type Feuille, type Ligne, type NomDefini, type Style, type Valeur } from '../../sheets/model';
import { erreurExcel, ErreurExcel, synchroniser } from './erreurs';
import { FEUILLE_AGORA } from '../../sheets/agora';
import type { ValeurLue } from '../../sheets/exercices/lecture';
import { citer } from '../../domain/texte';
import { agoraLu, chargerAgora } from './valeursLues';
import { chargeEstimee, ChargeTropLourde } from './chargeDeRequete';
import { modelePourFichier, type FormulesApres } from './horsDuFichier';

/**
 * Inserts a workbook model into the open workbook through Office.js, in at most three round trips
 * whatever its size: one to read what the workbook already has (sheet and name conflicts are refused
 * before anything is written; a model that depends on it, such as grids added to grids, is made
 * then; skipped when the insertion before left it, see Suivi), one carrying every write, and a third
 * only when needed: to remove what was already inserted when Excel refuses a write (no half-written
 * sheet is left), or to mend defined names a file insertion lost.
 *
 * Two ways to write: from ExcelApi 1.13, when the caller can render the model as an .xlsx file
 * (exceljs, loaded lazily by the pane), the whole file is handed to insertWorksheetsFromBase64 — one
 * command, however big the class, grids added to grids included (what refers outside the file
 * follows it in the same request: see horsDuFichier); otherwise, and on Excel 2019, range writes, a
 * few commands per style and sheet. If Excel refuses the file itself, the sheets are removed and
 * written range by range: then, and only then, an insertion takes four or five round trips.
 */

export interface ResultatInsertion {
  feuilles: string[];
  /** what this Excel could not do (print setup before ExcelApi 1.9), in French */
  avertissements: string[];
}

/** Which ExcelApi sets the host has: Office.context.requirements.isSetSupported in Excel. */
export type PriseEnCharge = (version: string) => boolean;

export const priseEnChargeOffice: PriseEnCharge = (v) => typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', v);

/**
 * Every string is written with a leading apostrophe: Excel otherwise reads « =… » as a formula and
 * « 1.1.1 » or « 12 » as a date or a number, and a string from a file must stay that string.
 */
export function pourExcel(v: Valeur): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if ('date' in v) return serieExcel(v.date);
  return v.formule.startsWith('=') ? v.formule : `=${v.formule}`;
}

const couleur = (rgb: string) => `#${rgb.toUpperCase()}`;
const POUCE = 72;

export function appliquerStyle(r: { format: Excel.RangeFormat }, s: Style, prend: PriseEnCharge): void {
  const f = r.format;
  f.font.name = 'Calibri';
  f.font.size = s.taille ?? 10;
  if (s.gras) f.font.bold = true;
  if (s.italique) f.font.italic = true;
  if (s.souligne) f.font.underline = 'Single';
  if (s.couleur) f.font.color = couleur(s.couleur);
  if (s.fond) f.fill.color = couleur(s.fond);
  if (s.alignement) f.horizontalAlignment = s.alignement === 'centre' ? 'Center' : s.alignement === 'droite' ? 'Right' : 'Left';
  f.verticalAlignment = s.vertical === 'milieu' ? 'Center' : 'Top';
  if (s.retourLigne) f.wrapText = true;
  if (s.rotation) f.textOrientation = s.rotation;
  // ExcelApi 1.9: Excel 2019 would refuse the whole request at sync; there the text keeps its size
  if (s.reduire && prend('1.9')) f.shrinkToFit = true;
  if (s.bordure) {
    for (const bord of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const) {
      const b = f.borders.getItem(bord);
      b.style = 'Continuous';
      b.color = '#808080';
    }
  }
  if (s.saisie) f.protection.locked = false;
}

/**
 * Addresses joined for `getRanges`, a few thousand characters at most per call: Excel refuses longer
 * lists (about 8 200 characters, OfficeDev/office-js#5198) with an unhelpful « argument invalide ».
 */
const LONGUEUR_LOT = 2000;
export function lots(plages: readonly string[]): string[] {
  const res: string[] = [];
  let lot = '';
  for (const p of plages) {
    if (lot && lot.length + 1 + p.length > LONGUEUR_LOT) {
      res.push(lot);
      lot = '';
    }
    lot = lot ? `${lot},${p}` : p;
  }
  if (lot) res.push(lot);
  return res;
}

/** « &L…&C…&R… » (Excel's header/footer codes) → its three parts. */
function parties(code: string): { left: string; center: string; right: string } {
  const p = { left: '', center: '', right: '' };
  let courante: keyof typeof p = 'center';
  for (const m of code.split(/(&[LCR])/)) {
    if (m === '&L') courante = 'left';
    else if (m === '&C') courante = 'center';
    else if (m === '&R') courante = 'right';
    else p[courante] += m;
  }
  return p;
}

/** A model row as Office.js takes it, `colonnes` wide: its values (strings kept as text), then its number formats. */
export const valeursDeLigne = (l: Ligne, colonnes: number) => Array.from({ length: colonnes }, (_, j) => pourExcel(l.cellules[j]?.valeur ?? null));
export const formatsDeLigne = (l: Ligne, colonnes: number) => Array.from({ length: colonnes }, (_, j) => l.cellules[j]?.style?.format ?? 'General');

/** Queues every write of one sheet: nothing reaches Excel before the caller's sync. */
function ecrireFeuille(ws: Excel.Worksheet, f: Feuille, prend: PriseEnCharge, avertissements: Set<string>): void {
  const suite = f.suite ? [...f.suite.lignes()] : [];
  const colonnes = Math.max(f.largeurs.length, ...f.lignes.map((l) => l.cellules.length), ...suite.map((l) => l.length), 1);
  const lignes = f.lignes.length + suite.length;
  const fin = lettreColonne(colonnes - 1);
  f.largeurs.forEach((w, j) => (ws.getRange(`${lettreColonne(j)}:${lettreColonne(j)}`).format.columnWidth = largeurEnPoints(w)));
  for (const j of f.colonnesMasquees ?? []) ws.getRange(`${lettreColonne(j)}:${lettreColonne(j)}`).columnHidden = true;
  if (lignes > 0) {
    // one matrix of values and formulas, one of number formats: two commands for the whole sheet
    const valeurs: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (const l of f.lignes) {
      valeurs.push(valeursDeLigne(l, colonnes));
      formats.push(formatsDeLigne(l, colonnes));
    }
    const formatsSuite = Array.from({ length: colonnes }, (_, j) => f.suite?.styles[j]?.format ?? 'General');
    for (const l of suite) {
      valeurs.push(Array.from({ length: colonnes }, (_, j) => pourExcel(l[j] ?? null)));
      formats.push(formatsSuite);
    }
    const tout = ws.getRange(`A1:${fin}${lignes}`);
    tout.numberFormat = formats;
    tout.formulas = valeurs;
  }
  // Styles: runs of equal style on a row, gathered per style over the whole sheet; from ExcelApi 1.9
  // each style is set once on all its areas (RangeAreas), otherwise once per run. Row heights alike.
  const parStyle = new Map<string, { style: Style; plages: string[] }>();
  const parHauteur = new Map<number, string[]>();
  f.lignes.forEach((l, i) => {
    if (l.hauteur !== undefined) (parHauteur.get(l.hauteur) ?? parHauteur.set(l.hauteur, []).get(l.hauteur)!).push(`${i + 1}:${i + 1}`);
    let debut = 0;
    while (debut < l.cellules.length) {
      const s = l.cellules[debut]?.style;
      const cle = JSON.stringify(s ?? null);
      let j = debut + 1;
      while (j < l.cellules.length && JSON.stringify(l.cellules[j]?.style ?? null) === cle) j++;
      if (s) {
        const g = parStyle.get(cle) ?? parStyle.set(cle, { style: s, plages: [] }).get(cle)!;
        g.plages.push(`${lettreColonne(debut)}${i + 1}:${lettreColonne(j - 1)}${i + 1}`);
      }
      debut = j;
    }
  });
  const aires = prend('1.9');
  const zones = (plages: string[]): { format: Excel.RangeFormat }[] => (aires ? lots(plages).map((a) => ws.getRanges(a)) : plages.map((p) => ws.getRange(p)));
  for (const { style, plages } of parStyle.values()) for (const z of zones(plages)) appliquerStyle(z, style, prend);
  for (const [hauteur, plages] of parHauteur) for (const z of zones(plages)) z.format.rowHeight = hauteur;
  if (suite.length)
    f.suite!.styles.forEach((s, j) => {
      if (s) appliquerStyle(ws.getRange(`${lettreColonne(j)}${f.lignes.length + 1}:${lettreColonne(j)}${lignes}`), s, prend);
    });
  for (const m of f.fusions) ws.getRange(m).merge(false);
  for (const v of f.validations ?? []) {
    const r = ws.getRange(v.plage);
    if ('liste' in v)
      r.dataValidation.rule = { list: { inCellDropDown: true, source: 'nom' in v.liste ? `=${v.liste.nom}` : 'formule' in v.liste ? `=${v.liste.formule}` : v.liste.elements.join(',') } };
    else r.dataValidation.rule = { decimal: v.maximum === undefined ? { formula1: v.minimum, operator: 'GreaterThanOrEqualTo' } : { formula1: v.minimum, formula2: v.maximum, operator: 'Between' } };
    r.dataValidation.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: 'Valeur non prévue' };
  }
  for (const m of f.misesEnForme ?? []) {
    const cf = ws.getRange(m.plage).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${m.formule}`;
    cf.custom.format.fill.color = couleur(m.fond);
    if (m.couleur) cf.custom.format.font.color = couleur(m.couleur);
  }
  if (f.tableau) {
    const t = ws.tables.add(`A${f.tableau.entete}:${lettreColonne(f.tableau.colonnes - 1)}${Math.max(f.tableau.derniere, f.tableau.entete + 1)}`, true);
    t.name = f.tableau.nom;
    t.style = 'TableStyleLight9';
  }
  if (f.figer) {
    if (f.figer.colonnes) ws.freezePanes.freezeAt(ws.getRange(`A1:${lettreColonne(f.figer.colonnes - 1)}${Math.max(f.figer.lignes, 1)}`));
    else ws.freezePanes.freezeRows(f.figer.lignes);
  }
  if (f.etat === 'tresCachee') {
    // never shown, never printed
  } else if (prend('1.9')) {
    const p = ws.pageLayout;
    p.orientation = f.miseEnPage.orientation === 'paysage' ? 'Landscape' : 'Portrait';
    p.paperSize = 'A4';
    if (f.miseEnPage.ajusterLargeur) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    else if (f.miseEnPage.echelle) p.zoom = { scale: f.miseEnPage.echelle };
    if (f.miseEnPage.colonnesRepetees) p.setPrintTitleColumns(`$${lettreColonne(f.miseEnPage.colonnesRepetees[0] - 1)}:$${lettreColonne(f.miseEnPage.colonnesRepetees[1] - 1)}`);
    [p.leftMargin, p.rightMargin, p.topMargin, p.bottomMargin] = [MARGES_POUCES.gauche, MARGES_POUCES.droite, MARGES_POUCES.haut, MARGES_POUCES.bas].map(
      (pouces) => Math.round(pouces * POUCE * 10) / 10,
    ) as [number, number, number, number];
    if (f.miseEnPage.lignesRepetees) p.setPrintTitleRows(`$${f.miseEnPage.lignesRepetees[0]}:$${f.miseEnPage.lignesRepetees[1]}`);
    if (f.miseEnPage.zoneImpression) p.setPrintArea(f.miseEnPage.zoneImpression);
    for (const n of f.miseEnPage.sautsDePage ?? []) ws.horizontalPageBreaks.add(`A${n}`);
    const pages = p.headersFooters.defaultForAllPages;
    if (f.miseEnPage.piedDePage) Object.assign(pages, Object.fromEntries(Object.entries(parties(f.miseEnPage.piedDePage)).map(([k, v]) => [`${k}Footer`, v])));
    if (f.miseEnPage.enTete) Object.assign(pages, Object.fromEntries(Object.entries(parties(f.miseEnPage.enTete)).map(([k, v]) => [`${k}Header`, v])));
  } else avertissements.add("Mise en page d'impression non appliquée : elle demande Excel 2021, Microsoft 365 ou Excel sur le web (les feuilles s'impriment avec les réglages par défaut).");
  finirFeuille(ws, f);
}

/** What both ways do last on a sheet: charts (no file carries them), then protection, then hiding. */
function finirFeuille(ws: Excel.Worksheet, f: Feuille): void {
  for (const g of f.graphiques ?? []) {
    const ch = ws.charts.add(g.type === 'barresEmpilees' ? 'BarStacked' : 'ColumnClustered', ws.getRange(g.donnees), 'Columns');
    ch.title.text = g.titre;
    ch.axes.categoryAxis.setCategoryNames(ws.getRange(g.categories));
    // a bar chart draws its first category at the bottom: reversed, it reads in the table's order
    if (g.type === 'barresEmpilees') ch.axes.categoryAxis.reversePlotOrder = true;
    if (g.axe) [ch.axes.valueAxis.minimum, ch.axes.valueAxis.maximum] = [g.axe.minimum, g.axe.maximum];
    ch.legend.position = 'Bottom';
    const [debut, fin] = g.position.split(':') as [string, string];
    ch.setPosition(debut, fin);
  }
  if (f.protegee) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  if (f.etat === 'tresCachee') ws.visibility = 'VeryHidden';
}

/**
 * Removes what a failed insertion left: rows added to `_agora` (always there to clear), then sheets
 * in creation order, then names (the first missing one ends the batch).
 */
async function annuler(context: Excel.RequestContext, c: Classeur, ajout?: string): Promise<void> {
  if (ajout) context.workbook.worksheets.getItem(FEUILLE_AGORA).getRange(ajout).clear();
  for (const f of c.feuilles) context.workbook.worksheets.getItem(f.nom).delete();
  for (const n of c.noms ?? []) context.workbook.names.getItem(n.nom).delete();
  await context.sync().catch(() => undefined); // ItemNotFound past what was inserted: expected
}

/** The model as an .xlsx file in base64, sheets unprotected (Office.js protects them after adding charts). */
export type FichierDuModele = (c: Classeur) => Promise<string>;

/** Refusals of a file that range writes may get past; the others (protection, edit mode, size) would stop them too. */
const REFUS_DEFINITIFS = new Set(['InvalidOperationInCellEditMode', 'AccessDenied', 'RequestPayloadSizeLimitExceeded', 'InsertDeleteConflict', 'Unauthenticated']);
/** A refusal raised while the request was being built, before any sync: it has no location in a request. */
const enPreparation = (e: unknown) => !(e as { debugInfo?: unknown } | null)?.debugInfo;
const refusDuFichier = (e: unknown) => {
  const err = e as { code?: string; debugInfo?: { errorLocation?: string } } | null;
  return /insertWorksheetsFromBase64/i.test(err?.debugInfo?.errorLocation ?? '') && !REFUS_DEFINITIFS.has(err?.code ?? '');
};

const referenceDuNom = (n: NomDefini) => `=${referenceAbsolue(n.feuille, n.plage)}`;

/** « ='Feuille'!$A$1:$A$1 », « Feuille!$A$1 »: the same reference, compared without quotes, « = », a one-cell span or case. */
export const referenceNormalisee = (r: string) =>
  r
    .replace(/^=/, '')
    .replace(/^'((?:[^']|'')*)'!/, (_, f: string) => `${f.replace(/''/g, "'")}!`)
    .replace(/!(\$?[A-Z]+\$?\d+):\1$/i, '!$1')
    .toUpperCase();

/** What the open workbook holds that a model may depend on: its sheet names and `_agora`'s rows (null: no `_agora`). */
export interface ClasseurOuvert {
  feuilles: string[];
  agora: ValeurLue[][] | null;
}

/** A model, or how to make it from what the workbook holds (read in the first round trip, which reads for conflicts anyway). */
export type ModeleAInserer = Classeur | ((ouvert: ClasseurOuvert) => Classeur);

/** What the workbook holds that an insertion reads: its sheets, its names, `_agora`'s rows and last row. */
interface EtatDuClasseur {
  feuilles: string[];
  noms: string[];
  agora: { lignes: ValeurLue[][]; derniere: number } | null;
}

/**
 * Insertions that follow one another (a class in lots): each leaves here what the workbook holds
 * once it is done, computed from what it wrote, so that the next one starts without reading the
 * workbook again: one round trip per lot instead of two. Cleared when an insertion fails.
 */
export interface Suivi {
  connu?: EtatDuClasseur;
}

/** The state after `c` was inserted whole: its sheets and names added, `_agora` as it wrote it. */
function etatApres(avant: EtatDuClasseur, c: Classeur): EtatDuClasseur {
  const texte = (v: unknown): ValeurLue => (v === '' || v === undefined ? null : (v as ValeurLue));
  const agoraDuModele = c.feuilles.find((f) => f.nom === FEUILLE_AGORA);
  let agora = avant.agora;
  if (agoraDuModele) {
    const lignes = agoraDuModele.lignes.map((l) => l.cellules.map((x) => (x?.valeur !== null && typeof x?.valeur === 'object' ? null : texte(x?.valeur))));
    agora = { lignes: lignes.filter((l) => l.some((v) => v !== null)), derniere: lignes.length };
  } else if (c.ajoutAgora?.length && agora) agora = { lignes: [...agora.lignes, ...c.ajoutAgora.map((l) => l.map(texte))], derniere: agora.derniere + c.ajoutAgora.length };
  return { feuilles: [...avant.feuilles, ...c.feuilles.map((f) => f.nom)], noms: [...avant.noms, ...(c.noms ?? []).map((n) => n.nom)], agora };
}

/**
 * `chargeMaximale`: the most bytes one request may carry (Excel on the web refuses about 5 MB); an
 * insertion estimated above it is refused after the first round trip, before anything is written,
 * with a ChargeTropLourde the caller can answer by inserting less at a time.
 */
export async function insererClasseur(
  context: Excel.RequestContext,
  modele: ModeleAInserer,
  prend: PriseEnCharge = priseEnChargeOffice,
  fichier?: FichierDuModele,
  chargeMaximale?: number,
  suivi?: Suivi,
): Promise<ResultatInsertion> {
  const wb = context.workbook;
  let etat = suivi?.connu;
  if (!etat) {
    const feuilles = wb.worksheets.load('items/name');
    const noms = wb.names.load('items/name');
    const agora = typeof modele === 'function' || suivi ? chargerAgora(wb) : undefined;
    await synchroniser(context, typeof modele === 'function' ? 'Insertion' : `Insertion de « ${modele.titre} »`);
    etat = { feuilles: feuilles.items.map((w) => w.name), noms: noms.items.map((n) => n.name), agora: (agora && agoraLu(agora)) ?? null };
    if (suivi) suivi.connu = etat; // still true if this insertion is refused before writing
  }
  const lu = etat.agora;
  const c = typeof modele === 'function' ? modele({ feuilles: etat.feuilles, agora: lu?.lignes ?? null }) : modele;
  const action = `Insertion de « ${c.titre} »`;
  const existantes = new Set(etat.feuilles.map((w) => w.toUpperCase()));
  const prises = c.feuilles.filter((f) => existantes.has(f.nom.toUpperCase())).map((f) => f.nom);
  if (prises.length) {
    const [sujet, verbe, pronom] = prises.length > 1 ? ['les feuilles', 'existent', 'les'] : ['la feuille', 'existe', 'la'];
    throw new ErreurExcel(`${action} : ${sujet} ${citer(prises)} ${verbe} déjà dans ce classeur. Renommez-${pronom} ou insérez dans un autre classeur ; rien n'a été modifié.`, 'ItemAlreadyExists');
  }
  const nomsPris = new Set(etat.noms.map((n) => n.toUpperCase()));
  const doublons = (c.noms ?? []).filter((n) => nomsPris.has(n.nom.toUpperCase())).map((n) => n.nom);
  if (doublons.length)
    throw new ErreurExcel(`${action} : le nom défini « ${doublons[0]} » existe déjà dans ce classeur (un même modèle y est déjà inséré ?) ; rien n'a été modifié.`, 'ItemAlreadyExists');

  // rows for an `_agora` already there: written below its last row, as text
  if (c.ajoutAgora?.length && !lu) throw new Error(`${action} : ajout à un classeur sans feuille ${FEUILLE_AGORA}.`);
  const ajout = c.ajoutAgora?.length && lu ? `A${lu.derniere + 1}:${lettreColonne(Math.max(...c.ajoutAgora.map((l) => l.length)) - 1)}${lu.derniere + c.ajoutAgora.length}` : undefined;

  const avertissements = new Set<string>();
  const avant = etat;
  const fini = (res: ResultatInsertion): ResultatInsertion => {
    if (suivi) suivi.connu = etatApres(avant, c);
    return res;
  };
  const pourFichier = fichier && prend('1.13') ? modelePourFichier(c) : null;
  if (fichier && pourFichier) {
    const base64 = await fichier(pourFichier.fichier);
    if (chargeMaximale !== undefined) {
      // the file, and all that goes with it in the same request (formulas that refer outside, rows of
      // `_agora`, charts, protection): a class's 4 500 protected sheets alone weigh about 2 MB
      const charge = base64.length + chargeEstimee((w) => ecrireApresLeFichier(w, c, pourFichier.formules, ajout));
      if (charge > chargeMaximale) throw new ChargeTropLourde(action, charge, chargeMaximale);
    }
    if (suivi) suivi.connu = undefined; // from here on, the workbook is read again if this fails
    try {
      // built inside the try: Office.js may refuse an argument while the request is being built, and
      // that refusal too is cancelled, said in French and followed by the writing range by range
      const importes = ecrireFichier(wb, c, base64, pourFichier.formules, ajout);
      await context.sync();
      const parNom = new Map(importes.items.map((n) => [n.name.toUpperCase(), n]));
      let aReparer = 0;
      for (const n of c.noms ?? []) {
        const attendue = referenceDuNom(n);
        const lu = parNom.get(n.nom.toUpperCase());
        if (!lu) wb.names.add(n.nom, attendue);
        else if (referenceNormalisee(String(lu.formula)) !== referenceNormalisee(attendue)) wb.names.getItem(n.nom).formula = attendue;
        else continue;
        aReparer++;
      }
      if (aReparer) await context.sync();
      return fini({ feuilles: c.feuilles.map((f) => f.nom), avertissements: [] });
    } catch (e) {
      await annuler(context, c, ajout);
      if (!refusDuFichier(e) && !enPreparation(e)) throw erreurExcel(e, `${action} annulée`);
      avertissements.add(`Excel a refusé le classeur préparé (${erreurExcel(e, action).code}) : les feuilles ont été écrites plage par plage.`);
    }
  }
  if (chargeMaximale !== undefined) {
    const charge = chargeEstimee((w) => ecrireModele(w, c, prend, new Set(), ajout));
    if (charge > chargeMaximale) throw new ChargeTropLourde(action, charge, chargeMaximale);
  }
  if (suivi) suivi.connu = undefined;
  try {
    ecrireModele(wb, c, prend, avertissements, ajout);
    await context.sync();
  } catch (e) {
    await annuler(context, c, ajout);
    throw erreurExcel(e, `${action} annulée`);
  }
  return fini({ feuilles: c.feuilles.map((f) => f.nom), avertissements: [...avertissements] });
}

/**
 * Queues the model's insertion as one file, then what the file leaves out (formulas that refer
 * outside it, rows added to `_agora`), what no file carries (charts, protection, hiding), and the
 * loading of the names as Excel took them: a lost or broken one is mended after the sync
 * (OfficeDev/office-js#3583).
 */
export function ecrireFichier(wb: Excel.Workbook, c: Classeur, base64: string, formules: readonly FormulesApres[] = [], ajout?: string): Excel.NamedItemCollection {
  wb.insertWorksheetsFromBase64(base64, { positionType: 'End' });
  ecrireApresLeFichier(wb, c, formules, ajout);
  return wb.names.load('items/name,items/formula');
}

/**
 * What follows the file in its request; protection last, since a protected sheet takes no more
 * writes. Before it, a protected sheet's input cells are unlocked again: Excel on the web inserts a
 * file's sheets with every cell locked (OfficeDev/office-js#1565), and a student could type nowhere.
 */
function ecrireApresLeFichier(wb: Excel.Workbook, c: Classeur, formules: readonly FormulesApres[], ajout: string | undefined): void {
  const feuilles = new Map<string, Excel.Worksheet>();
  for (const f of formules) (feuilles.get(f.feuille) ?? feuilles.set(f.feuille, wb.worksheets.getItem(f.feuille)).get(f.feuille)!).getRange(f.adresse).formulas = f.formules;
  if (ajout) ecrireAjoutAgora(wb, c, ajout);
  for (const f of c.feuilles) {
    const ws = wb.worksheets.getItem(f.nom);
    // a file is inserted from ExcelApi 1.13: RangeAreas (1.9) are there
    if (f.protegee) for (const lot of lots(plagesDeSaisie(f))) ws.getRanges(lot).format.protection.locked = false;
    finirFeuille(ws, f);
  }
  activerPremiere(wb, c);
}

/** The input cells of a sheet (style `saisie`), as runs on a row, then whole columns of its `suite`. */
function plagesDeSaisie(f: Feuille): string[] {
  const plages: string[] = [];
  f.lignes.forEach((l, i) => {
    let debut = -1;
    for (let j = 0; j <= l.cellules.length; j++) {
      const saisie = j < l.cellules.length && l.cellules[j]?.style?.saisie === true;
      if (saisie && debut < 0) debut = j;
      if (!saisie && debut >= 0) {
        plages.push(`${lettreColonne(debut)}${i + 1}:${lettreColonne(j - 1)}${i + 1}`);
        debut = -1;
      }
    }
  });
  if (f.suite?.nombre)
    f.suite.styles.forEach((s, j) => {
      if (s?.saisie) plages.push(`${lettreColonne(j)}${f.lignes.length + 1}:${lettreColonne(j)}${f.lignes.length + f.suite!.nombre}`);
    });
  return plages;
}

/** Queues every range write of a model (sheets, names, rows added to `_agora`): one request. */
export function ecrireModele(wb: Excel.Workbook, c: Classeur, prend: PriseEnCharge, avertissements: Set<string>, ajout: string | undefined): void {
  for (const f of c.feuilles) ecrireFeuille(wb.worksheets.add(f.nom), f, prend, avertissements);
  for (const n of c.noms ?? []) wb.names.add(n.nom, referenceDuNom(n));
  if (ajout) ecrireAjoutAgora(wb, c, ajout);
  activerPremiere(wb, c);
}

/** The rows an addition brings to `_agora`, under its last one, as text. */
function ecrireAjoutAgora(wb: Excel.Workbook, c: Classeur, ajout: string): void {
  wb.worksheets.getItem(FEUILLE_AGORA).getRange(ajout).values = c.ajoutAgora!.map((l) => l.map(pourExcel));
}

function activerPremiere(wb: Excel.Workbook, c: Classeur): void {
  const premiere = c.feuilles.find((f) => f.etat !== 'tresCachee');
  if (premiere) wb.worksheets.getItem(premiere.nom).activate();
}
