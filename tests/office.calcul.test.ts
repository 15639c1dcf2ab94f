import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { lireXlsx } from '../src/io/xlsx/lireXlsx';
import { contenuZip } from '../src/io/xlsx/zipNode';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { arrondiExcel, valeurCalculee } from '../src/io/memory/calcul';
import { convertirAvecLibreOffice } from './aides/libreoffice';
import { dossierTemporaire } from './aides/cli';

/**
 * The in-memory Excel's recalculation against a real engine: the same formulas computed by
 * calcul.ts and by LibreOffice (a file written without results, recalculated on conversion).
 */

jest.setTimeout(300_000);

const DONNEES: [string, string, unknown][] = [
  ['Énoncé', 'D27', 8],
  ['Énoncé', 'E27', 62.2],
  ['Énoncé', 'F27', 8],
  ['Énoncé', 'G27', 20],
  ['Énoncé', 'D28', 27],
  ['Énoncé', 'E28', 18.35],
  ['Énoncé', 'F28', 'texte'],
  ['Travail', 'A1', 2.675],
  ['Travail', 'A2', -2.5],
  ['Travail', 'A3', 'Oui'],
];

const FORMULES = [
  "ROUND('Énoncé'!D27*'Énoncé'!E27,2)",
  'ROUND(A1,2)',
  'ROUND(A2,0)',
  'ROUNDUP(2.01,0)',
  'ROUNDDOWN(-2.99,0)',
  "SUM('Énoncé'!D27:F28)",
  "MAX(0,'Énoncé'!E28-100)",
  "MIN('Énoncé'!D27:D28)",
  '1/0',
  'IF(A1>1,"Oui","Non")',
  'IF(A3="oui",1,2)',
  "INDEX('Énoncé'!D27:G27,4)",
  "INDEX('Énoncé'!D27:G28,2,2)",
  "SUMIF('Énoncé'!D27:D28,\">10\",'Énoncé'!E27:E28)",
  "COUNTIF('Énoncé'!D27:G27,8)",
  "SUMPRODUCT('Énoncé'!D27:D28,'Énoncé'!E27:E28)",
  "ROUND(TAUX*'Énoncé'!E27/100,2)",
  'AND(A1>0,A2<0)',
  '-A2%',
  '\'Énoncé\'!D27&" articles"',
  'IFERROR(1/0,0)',
  'ABS(A2)+INT(-1.5)+MOD(7,3)',
  "COUNTIF('Énoncé'!F27:F28,\"TEXTE\")+COUNT('Énoncé'!D27:F28)",
  'MIN(ROUNDUP(2.5*(11+5/24),0),TAUX)',
  "SUMPRODUCT(('Énoncé'!D27:D28>10)*'Énoncé'!E27:E28)",
  // one cell beside a range counts as its value; ROUND on an array rounds each element
  "SUMPRODUCT(('Énoncé'!D27:G27='Énoncé'!D27)*1)",
  "SUMPRODUCT(ROUND('Énoncé'!E27:E28*1.055,1))",
  // 15/01/2026 is serial 46037: + 45 days, then the end of that month (31/03/2026, 46112); the end
  // of February 2028, 29/02 (365 + 365 + 31 + 14 days later: 46812), + 10
  'EOMONTH(46037+45,0)',
  'EOMONTH(46037,25)+10',
  // 31/01/2026 (46053) + 1 month: 28/02/2026 (46081); 15/01/2026 + 2 months − 1 day: 14/03/2026 (46095)
  'EDATE(46053,1)',
  'EDATE(46037,2)-1',
  // from 15/01/2026 to 14/03/2026: 1 whole month, 58 days; to 15/01/2030 (47498): 4 years, 48 months
  'DATEDIF(46037,46095,"m")+DATEDIF(46037,46095,"d")',
  'DATEDIF(46037,47498,"y")*1000+DATEDIF(46037,47498,"M")',
  'YEAR(46095)*10000+MONTH(46095)*100+DAY(46095)',
  // Friday 13/03/2026 (46094) + 1 jour ouvré: Monday 16/03 (46097); Friday 1 May 2026 (46143) is a
  // holiday: from Thursday 30/04 (46142), + 1 jour ouvré is Monday 04/05 (46146), − 1 from it Thursday;
  // from 27/04 to 08/05/2026, 10 weekdays less 1 May and 8 May: 8
  'WORKDAY(46094,1)',
  'WORKDAY(46142,1,46143)*100000+WORKDAY(46146,-1,46143)',
  'NETWORKDAYS(46139,46150,{46143,46150})+NETWORKDAYS(46150,46139)/100',
];

test('les formules d’un exercice donnent dans l’Excel en mémoire ce qu’elles donnent dans LibreOffice', async () => {
  const d = dossierTemporaire('agora-calcul-');
  const wb = new ExcelJS.Workbook();
  const c = ClasseurMemoire.nouveau();
  for (const nom of ['Énoncé', 'Travail']) {
    wb.addWorksheet(nom);
    c.ajouterFeuille(nom);
  }
  wb.definedNames.add("'Énoncé'!$G$27", 'TAUX');
  c.noms.set('TAUX', { nom: 'TAUX', reference: "'Énoncé'!$G$27" });
  for (const [f, a, v] of DONNEES) {
    wb.getWorksheet(f)!.getCell(a).value = v as ExcelJS.CellValue;
    c.feuille(f)!.cellules.set(a, { valeur: v as never, format: 'General', style: {}, bords: {} });
  }
  const t = wb.getWorksheet('Travail')!;
  FORMULES.forEach((f, i) => {
    t.getCell(`C${i + 1}`).value = { formula: f } as ExcelJS.CellValue;
    c.feuille('Travail')!.cellules.set(`C${i + 1}`, { valeur: null, formule: `=${f}`, format: 'General', style: {}, bords: {} });
  });
  const fichier = path.join(d, 'formules.xlsx');
  await wb.xlsx.writeFile(fichier);
  // read with the project's own reader (exceljs drops a formula's result when it is 0)
  const travail = lireXlsx(contenuZip(readFileSync(convertirAvecLibreOffice(fichier, 'xlsx', path.join(d, 'lo'))))).feuille('Travail')!;
  const lo = FORMULES.map((_, i) => travail.valeur(i + 1, 3));
  const memoire = FORMULES.map((_, i) => valeurCalculee(c, 'Travail', i + 1, 3));
  expect(FORMULES.map((f, i) => [f, memoire[i]])).toEqual(FORMULES.map((f, i) => [f, lo[i]]));
  // worked by hand, from Excel's rules: half away from zero on the number as shown
  expect([memoire[0], memoire[1], memoire[2], memoire[8]]).toEqual([497.6, 2.68, -3, { erreur: '#DIV/0!' }]);
  const de = (f: string) => memoire[FORMULES.indexOf(f)];
  expect([de('EOMONTH(46037+45,0)'), de('EOMONTH(46037,25)+10')]).toEqual([46112, 46822]);
  // D27:G27 holds 8, 62,2, 8, 20: two 8; 62,2 × 1,055 = 65,621 → 65,6 and 18,35 × 1,055 = 19,35925 → 19,4
  expect([de("SUMPRODUCT(('Énoncé'!D27:G27='Énoncé'!D27)*1)"), de("SUMPRODUCT(ROUND('Énoncé'!E27:E28*1.055,1))")]).toEqual([2, 85]);
  expect(memoire.slice(-8)).toEqual([46081, 46095, 1 + 58, 4048, 20260314, 46097, 46146 * 100000 + 46142, 8 - 0.1]);
});

test('une fonction que l’Excel en mémoire ne connaît pas donne #NAME?, comme Excel sans elle', () => {
  const c = ClasseurMemoire.nouveau();
  c.feuille('Feuil1')!.cellules.set('A1', { valeur: null, formule: '=VLOOKUP(1,B1:C2,2,FALSE)', format: 'General', style: {}, bords: {} });
  c.feuille('Feuil1')!.cellules.set('A2', { valeur: null, formule: '=A2+1', format: 'General', style: {}, bords: {} });
  expect(valeurCalculee(c, 'Feuil1', 1, 1)).toEqual({ erreur: '#NAME?' });
  // a circular reference reads 0, as Excel shows it
  expect(valeurCalculee(c, 'Feuil1', 2, 1)).toBe(1);
  // SUMPRODUCT counts numbers only: TRUE is not one in Excel (the « -- » of a condition makes it one)
  for (const [a, v] of [
    ['B1', 5],
    ['B2', 20],
  ] as const)
    c.feuille('Feuil1')!.cellules.set(a, { valeur: v, format: 'General', style: {}, bords: {} });
  c.feuille('Feuil1')!.cellules.set('A3', { valeur: null, formule: '=SUMPRODUCT((B1:B2>10))', format: 'General', style: {}, bords: {} });
  c.feuille('Feuil1')!.cellules.set('A4', { valeur: null, formule: '=SUMPRODUCT(--(B1:B2>10))', format: 'General', style: {}, bords: {} });
  expect([valeurCalculee(c, 'Feuil1', 3, 1), valeurCalculee(c, 'Feuil1', 4, 1)]).toEqual([0, 1]);
  expect([arrondiExcel(1.005, 2), arrondiExcel(-1.005, 2), arrondiExcel(0.125, 2, 'bas'), arrondiExcel(0.121, 2, 'haut')]).toEqual([1.01, -1.01, 0.12, 0.13]);
});
