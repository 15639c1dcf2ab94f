import path from 'node:path';
import ExcelJS from 'exceljs';
import { FEUILLE_AGORA } from '../../sheets/agora';
import { referenceAbsolue, type Classeur } from '../../sheets/model';
import type { ValeurLue } from '../../sheets/exercices/lecture';
import { ErreurFichier } from '../erreurFichier';
import { existe } from '../fichiers';
import type { ClasseurAAjouter } from '../ports';
import { entreesZip } from '../xlsx/zip';
import { inflaterEntree } from '../xlsx/zipNode';
import { cheminsDesFeuilles, relations } from '../xlsx/lireXlsx';
import { lireOctets } from '../xlsx/lireClasseur';
import { ouvrirPourModifier } from './ouvrirClasseur';
import { ecrireFeuille } from './xlsxDuModele';

/**
 * Sheets added to a workbook file that a teacher may have filled (a late student's grids in the
 * class workbook): exceljs loads the file, the model's sheets, names and `_agora` rows are added,
 * and the bytes are read back and compared with the file, cell by cell, before the caller writes
 * them. What exceljs cannot carry over (a chart, a pivot table, macros…) is refused up front.
 */

/** Parts exceljs drops when it writes a workbook again: a file that has one is never rewritten. */
const PARTIES_PERDUES: [RegExp, string][] = [
  [/^xl\/(charts|chartsheets)\//, 'des graphiques'],
  [/^xl\/(pivotTables|pivotCache)\//, 'des tableaux croisés dynamiques'],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, 'des segments'],
  [/^xl\/vbaProject\.bin$/, 'des macros'],
  [/^xl\/externalLinks\//, 'des liaisons vers d’autres classeurs'],
  [/^xl\/(threadedComments|persons)\//, 'des commentaires modernes'],
  [/^xl\/(activeX|ctrlProps|embeddings)\//, 'des contrôles ou objets incorporés'],
  [/^xl\/(queryTables|connections\.xml$|model\/)/, 'des requêtes ou un modèle de données'],
];

/** What a sheet's XML may hold that exceljs does not read back. */
const CONTENUS_PERDUS: [RegExp, string][] = [
  [/<x14:conditionalFormatting\b/, 'des mises en forme conditionnelles étendues'],
  [/<x14:dataValidation\b/, 'des listes de validation étendues'],
  [/<x14:sparklineGroup\b/, 'des graphiques sparkline'],
  [/<colBreaks\b/, 'des sauts de page verticaux'],
];

interface Inventaire {
  /** what the file holds that could not be written again, in words */
  perdus: Set<string>;
  /** each sheet's manual page breaks (rows), which exceljs reads not and are put back */
  sauts: Map<string, number[]>;
}

/** The package looked at without exceljs: the parts and sheet contents it would drop, and the page breaks to put back. */
function inventaire(octets: Uint8Array): Inventaire {
  const entrees = entreesZip(octets);
  const texte = (chemin: string) => {
    const e = entrees.get(chemin);
    return e && new TextDecoder().decode(inflaterEntree(e));
  };
  const perdus = new Set<string>();
  for (const nom of entrees.keys()) for (const [re, quoi] of PARTIES_PERDUES) if (re.test(nom)) perdus.add(quoi);
  for (const nom of entrees.keys()) if (/^xl\/drawings\/[^/]+\.xml$/.test(nom) && /<xdr:(sp|graphicFrame|grpSp|cxnSp)\b/.test(texte(nom) ?? '')) perdus.add('des formes ou des zones de texte');
  const sauts = new Map<string, number[]>();
  for (const [feuille, chemin] of cheminsDesFeuilles(texte('xl/workbook.xml') ?? '', relations(texte, 'xl/workbook.xml'))) {
    const xml = texte(chemin) ?? '';
    for (const [re, quoi] of CONTENUS_PERDUS) if (re.test(xml)) perdus.add(quoi);
    const lignes = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
    sauts.set(
      feuille,
      [...lignes.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])),
    );
  }
  return { perdus, sauts };
}

/** Every cell of every sheet as text (value, formula, style's number format): what must come back unchanged. */
function releve(wb: ExcelJS.Workbook): Map<string, string> {
  const r = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        r.set(`la cellule ${c.address} de « ${ws.name} »`, JSON.stringify([c.value, c.numFmt ?? null]));
      }),
    );
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) r.set(`le nom défini ${n.name}`, JSON.stringify(n.ranges));
  return r;
}

const valeurLue = (v: ExcelJS.CellValue): ValeurLue => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return valeurLue(v.result as ExcelJS.CellValue);
  return null;
};

export async function classeurPourAjout(fichier: string): Promise<ClasseurAAjouter> {
  const verrou = path.join(path.dirname(fichier), `~$${path.basename(fichier)}`);
  if (await existe(verrou)) throw new ErreurFichier(`« ${fichier} » semble ouvert dans Excel (« ${path.basename(verrou)} » est à côté) : fermez-le, puis relancez ; rien n'a été modifié.`, fichier);
  const octets = lireOctets(fichier);
  let avant: Inventaire = { perdus: new Set(), sauts: new Map() };
  try {
    avant = inventaire(octets);
  } catch {
    // not a readable zip: ouvrirPourModifier says so in French
  }
  if (avant.perdus.size)
    throw new ErreurFichier(
      `« ${fichier} » contient ${[...avant.perdus].join(', ')}, qu'AGOrA ne sait pas recopier : ajoutez ces élèves depuis le volet AGOrA dans Excel, ou écrivez un nouveau classeur (un autre nom, ou --remplacer) ; rien n'a été modifié.`,
      fichier,
    );
  const wb = await ouvrirPourModifier(fichier, octets);
  for (const [feuille, lignes] of avant.sauts) for (const l of lignes) wb.getWorksheet(feuille)?.getRow(l).addPageBreak();
  const agora = wb.getWorksheet(FEUILLE_AGORA);
  const lignes: ValeurLue[][] = [];
  agora?.eachRow({ includeEmpty: false }, (row) => lignes.push(Array.from({ length: row.cellCount }, (_, j) => valeurLue(row.getCell(j + 1).value))));
  return {
    feuilles: wb.worksheets.map((w) => w.name),
    agora: agora ? lignes : null,
    ajouter: async (c: Classeur) => {
      const cellules = releve(wb);
      for (const f of c.feuilles) await ecrireFeuille(wb, f, { suitesEntieres: true });
      // `_agora` stays the last sheet, after the new ones
      const ordre = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number }; // exceljs's types omit it
      if (agora) ordre(agora).orderNo = Math.max(...wb.worksheets.map((w) => ordre(w).orderNo)) + 1;
      for (const n of c.noms ?? []) wb.definedNames.add(referenceAbsolue(n.feuille, n.plage), n.nom);
      if (c.ajoutAgora?.length) {
        if (!agora) throw new ErreurFichier(`« ${fichier} » n'a pas de feuille ${FEUILLE_AGORA} : impossible d'y ajouter des grilles.`, fichier);
        const style = agora.getRow(agora.rowCount).getCell(1).style;
        for (const l of c.ajoutAgora) {
          const row = agora.getRow(agora.rowCount + 1);
          l.forEach((v, j) => {
            if (v === null) return;
            const cell = row.getCell(j + 1);
            cell.value = v; // text, never a formula
            cell.style = style;
          });
        }
      }
      const sortie = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const relu = new ExcelJS.Workbook();
      await relu.xlsx.load(sortie as unknown as ArrayBuffer);
      const apres = releve(relu);
      const sauts = inventaire(sortie).sauts;
      const saut = [...avant.sauts.keys()].find((f) => String(sauts.get(f)) !== String(avant.sauts.get(f)));
      const perdu = [...cellules].find(([k, v]) => apres.get(k) !== v)?.[0] ?? (saut === undefined ? undefined : `un saut de page de « ${saut} »`);
      if (perdu) throw new ErreurFichier(`« ${fichier} » n'a pas été modifié : une fois les grilles ajoutées, ${perdu} ne se relisait pas à l'identique.`, fichier);
      return sortie;
    },
  };
}
