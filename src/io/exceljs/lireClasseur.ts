import ExcelJS from 'exceljs';
import type { PlageLue, ValeurLue } from '../../sheets/exercices/lecture';
import { ErreurFichier } from '../fichiers';

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

/** `'Énoncé'!$A$12:$M$20` → sheet and corners; a `#REF!` target gives undefined. */
function analyserReference(ref: string): { feuille: string; haut: number; gauche: number; bas: number; droite: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const col = (s: string) => s.split('').reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
  const feuille = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const [haut, gauche] = [Number(m[4]), col(m[3]!)];
  return { feuille, haut, gauche, bas: m[6] ? Number(m[6]) : haut, droite: m[5] ? col(m[5]) : gauche };
}

export interface ClasseurLu {
  /** a workbook-scoped defined name's cells, or undefined when the name is missing or broken */
  plage(nom: string): PlageLue | undefined;
  /** key/value rows of the veryHidden `_agora` sheet */
  agora: Map<string, string>;
}

export async function lireClasseur(fichier: string): Promise<ClasseurLu> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(fichier);
  } catch {
    throw new ErreurFichier(`« ${fichier} » n'est pas un classeur Excel (.xlsx) lisible.`, fichier);
  }
  const noms = new Map<string, string>();
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) if (n.ranges.length === 1) noms.set(n.name.toUpperCase(), n.ranges[0]!);
  const agora = new Map<string, string>();
  const ws = wb.getWorksheet('_agora');
  ws?.eachRow((row) => {
    const [k, v] = [valeurCellule(row.getCell(1)), valeurCellule(row.getCell(2))];
    if (typeof k === 'string' && k && !agora.has(k)) agora.set(k, v === null ? '' : String(v));
  });
  return {
    agora,
    plage(nom) {
      const ref = noms.get(nom.toUpperCase());
      const r = ref ? analyserReference(ref) : undefined;
      const f = r ? wb.getWorksheet(r.feuille) : undefined;
      if (!r || !f) return undefined;
      const valeurs: ValeurLue[][] = [];
      for (let l = r.haut; l <= r.bas; l++) {
        const rangee: ValeurLue[] = [];
        for (let c = r.gauche; c <= r.droite; c++) rangee.push(valeurCellule(f.getCell(l, c)));
        valeurs.push(rangee);
      }
      return { feuille: r.feuille, haut: r.haut, gauche: r.gauche, valeurs };
    },
  };
}
