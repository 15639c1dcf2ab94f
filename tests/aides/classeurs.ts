import ExcelJS from 'exceljs';

/** Cells a workbook-scoped defined name points to, as [sheet, address] pairs (exceljs model). */
export function cellulesDuNom(wb: ExcelJS.Workbook, nom: string): { feuille: ExcelJS.Worksheet; adresse: string }[] {
  const modele = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const n = modele.find((m) => m.name === nom);
  if (!n) throw new Error(`Nom défini absent : ${nom}`);
  const res: { feuille: ExcelJS.Worksheet; adresse: string }[] = [];
  for (const r of n.ranges) {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(r);
    if (!m) throw new Error(`Référence illisible pour ${nom} : ${r}`);
    const feuille = wb.getWorksheet(m[1]!.replace(/''/g, "'"));
    if (!feuille) throw new Error(`Feuille absente pour ${nom} : ${m[1]}`);
    const [c1, l1, c2, l2] = [m[2]!, Number(m[3]), m[4] ?? m[2]!, Number(m[5] ?? m[3])];
    const i1 = feuille.getColumn(c1).number;
    const i2 = feuille.getColumn(c2).number;
    for (let l = l1; l <= l2; l++) for (let c = i1; c <= i2; c++) res.push({ feuille, adresse: feuille.getCell(l, c).address });
  }
  return res;
}

export function nomsDefinis(wb: ExcelJS.Workbook): string[] {
  return (wb.definedNames as unknown as { model: { name: string }[] }).model.map((m) => m.name);
}

/** The value a formula cell was last computed to (LibreOffice writes it back as the cached result). */
export function resultat(c: ExcelJS.Cell): unknown {
  // `c.value` of a formula loses a cached 0 ({ formula } only); `c.result` keeps it.
  return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
}

/** A deterministic pseudo-random generator (mulberry32), so a failing draw can be replayed. */
export function aleatoire(graine: number): () => number {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
