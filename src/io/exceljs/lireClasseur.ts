import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { PlageLue, ValeurLue } from '../../sheets/exercices/lecture';
import { ErreurFichier } from '../fichiers';
import { ciblesDesNoms } from './nomsDefinis';

/** A cell's value as the checker sees it: a formula's cached result, rich text flattened, errors kept apart. */
function valeurLue(v: ExcelJS.CellValue): ValeurLue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('error' in v) return { erreur: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
  }
  return null;
}

/** exceljs drops a cached result of 0 from `cell.value` ({ formula } only); `cell.result` keeps it. */
const valeurCellule = (c: ExcelJS.Cell): ValeurLue => (c.type === ExcelJS.ValueType.Formula ? valeurLue(c.result as ExcelJS.CellValue) : valeurLue(c.value));

export interface ClasseurLu {
  /** a workbook-scoped defined name's cells, or undefined when the name is missing or broken */
  plage(nom: string): PlageLue | undefined;
  /** key/value rows of the veryHidden `_agora` sheet */
  agora: Map<string, string>;
  /** every row of `_agora` as texts (its table of generated sheets) */
  lignesAgora: string[][];
  /** the rows under a defined name's header row, `largeur` cells each, down to the first empty row */
  lignesSous(nom: string, largeur: number): PlageLue | undefined;
}

/** A student's copy is a few tens of kilobytes: beyond this, the file is not one (and would load slowly). */
export const TAILLE_MAXIMALE = 20 * 1024 * 1024;

/** Refuses, with a French reason, what is not an .xlsx workbook before exceljs tries to open it. */
async function verifierFichier(fichier: string): Promise<void> {
  let taille: number;
  let entete: Buffer;
  try {
    const st = await fs.stat(fichier);
    if (st.isDirectory()) throw new ErreurFichier(`« ${fichier} » est un dossier, pas un classeur.`, fichier);
    taille = st.size;
    const h = await fs.open(fichier, 'r');
    try {
      entete = Buffer.alloc(8);
      await h.read(entete, 0, 8, 0);
    } finally {
      await h.close();
    }
  } catch (e) {
    if (e instanceof ErreurFichier) throw e;
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
  if (/\.xlsm$/i.test(fichier)) throw new ErreurFichier(`« ${fichier} » est un classeur avec macros (.xlsm) : enregistrez-le au format « Classeur Excel (.xlsx) » avant de le déposer.`, fichier);
  if (taille > TAILLE_MAXIMALE) throw new ErreurFichier(`« ${fichier} » est trop volumineux (${(taille / 1048576).toFixed(1).replace('.', ',')} Mo ; ${TAILLE_MAXIMALE / 1048576} Mo au plus) : ce n'est pas un classeur d'exercice.`, fichier);
  if (entete.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new ErreurFichier(`« ${fichier} » est protégé par un mot de passe à l'ouverture, ou au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx sans mot de passe.`, fichier);
  if (!entete.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel (.xlsx).`, fichier);
}

export async function lireClasseur(fichier: string): Promise<ClasseurLu> {
  await verifierFichier(fichier);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(fichier);
  } catch {
    throw new ErreurFichier(`« ${fichier} » est un classeur endommagé ou illisible : ouvrez-le dans Excel et enregistrez-le à nouveau.`, fichier);
  }
  // a .docx or .pptx renamed .xlsx is a valid zip without a single sheet
  if (!wb.worksheets.length) throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel : aucune feuille (document Word ou PowerPoint renommé en .xlsx ?).`, fichier);
  const noms = ciblesDesNoms(wb);
  const agora = new Map<string, string>();
  const lignesAgora: string[][] = [];
  const ws = wb.getWorksheet('_agora');
  ws?.eachRow((row) => {
    const [k, v] = [valeurCellule(row.getCell(1)), valeurCellule(row.getCell(2))];
    if (typeof k === 'string' && k && !agora.has(k)) agora.set(k, v === null ? '' : String(v));
    const textes: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const x = valeurCellule(row.getCell(c));
      textes.push(x === null || typeof x === 'object' ? '' : String(x));
    }
    lignesAgora.push(textes);
  });
  return {
    agora,
    lignesAgora,
    lignesSous(nom, largeur) {
      const r = noms.get(nom.toUpperCase());
      const f = r ? wb.getWorksheet(r.feuille) : undefined;
      if (!r || !f) return undefined;
      const valeurs: ValeurLue[][] = [];
      for (let l = r.haut + 1; l <= f.rowCount; l++) {
        const ligne = Array.from({ length: largeur }, (_, j) => valeurCellule(f.getCell(l, r.gauche + j)));
        if (ligne.every((v) => v === null || v === '')) break;
        valeurs.push(ligne);
      }
      return { feuille: r.feuille, haut: r.haut + 1, gauche: r.gauche, valeurs };
    },
    plage(nom) {
      const r = noms.get(nom.toUpperCase());
      const f = r ? wb.getWorksheet(r.feuille) : undefined;
      if (!r || !f) return undefined;
      const valeurs: ValeurLue[][] = [];
      const couvertes: boolean[][] = [];
      for (let l = r.haut; l <= r.bas; l++) {
        const rangee: ValeurLue[] = [];
        const couverte: boolean[] = [];
        for (let c = r.gauche; c <= r.droite; c++) {
          const cell = f.getCell(l, c);
          rangee.push(valeurCellule(cell));
          couverte.push(cell.isMerged && cell.master !== cell);
        }
        valeurs.push(rangee);
        couvertes.push(couverte);
      }
      return { feuille: r.feuille, haut: r.haut, gauche: r.gauche, valeurs, couvertes };
    },
  };
}
