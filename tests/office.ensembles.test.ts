import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensemblesDesTypes } from './aides/ensemblesOffice';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { exigence, HORS_EXCELAPI } from '../src/io/memory/ensembles';

/**
 * The in-memory Excel's table of requirement sets is the installed @types/office-js's, not a list
 * typed by hand: regenerated here and compared. After an update of @types/office-js,
 * `AGORA_REGENERER=1 npx jest tests/office.ensembles.test.ts` writes it again.
 */
const TABLE = path.join(__dirname, '..', 'src', 'io', 'memory', 'ensemblesExcel.json');

test('la table des ensembles de l’Excel en mémoire est celle des types Office.js installés', () => {
  const attendue = ensemblesDesTypes();
  // one member a line, so that a change of the types reads as a diff of lines
  if (process.env.AGORA_REGENERER)
    writeFileSync(
      TABLE,
      `{\n${Object.entries(attendue)
        .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n}\n`,
    );
  expect(JSON.parse(readFileSync(TABLE, 'utf8'))).toEqual(attendue);
  // what the types say of members this project meets: the shrinkToFit of Excel 2019's defect, and its neighbours
  expect([
    attendue['RangeFormat.shrinkToFit'],
    attendue['RangeFormat.wrapText'],
    attendue['Worksheet.getRanges'],
    attendue['Workbook.insertWorksheetsFromBase64'],
    attendue['Worksheet.notes'],
  ]).toEqual([['ExcelApi 1.9'], ['ExcelApi 1.1'], ['ExcelApi 1.9', 'RangeAreas'], ['ExcelApi 1.13'], ['ExcelApi 1.18', 'NoteCollection']]);
});

test('au-dessus de sa version, l’Excel en mémoire refuse au sync, comme Excel : ApiNotFound, l’opération nommée ; ce qui précède reste fait', async () => {
  const essai = async (api: string) => {
    const ctx = new ContexteMemoire(new ClasseurMemoire(), { api });
    const ws = ctx.workbook.worksheets.add('Grille');
    const f = ws.getRange('A1:C1').format as unknown as Record<string, unknown> & { font: Record<string, unknown> };
    f.font.bold = true;
    f.shrinkToFit = true; // RangeFormat.shrinkToFit: ExcelApi 1.9, accepted when queued, refused at sync
    f.wrapText = true;
    try {
      await ctx.sync();
      return { code: 'aucun', journal: ctx.journal };
    } catch (e) {
      return { code: (e as { code: string }).code, lieu: (e as { debugInfo?: { errorLocation: string } }).debugInfo?.errorLocation, journal: ctx.journal };
    }
  };
  expect(await essai('1.8')).toEqual({ code: 'ApiNotFound', lieu: 'format.shrinkToFit', journal: ['worksheets.add Grille', 'format.font.bold Grille!A1:C1'] });
  expect((await essai('1.9')).code).toBe('aucun');
  // a member outside ExcelApi (ExcelApiDesktop, ExcelApiOnline) is had by no version of this host
  expect(exigence('Range', 'showDependents')).toBe(HORS_EXCELAPI);
  // « 1.1 for reading visibility; 1.2 for setting it »: the highest, which every use is sure of
  expect(exigence('Worksheet', 'visibility')).toBe('1.2');
  expect(exigence('Worksheet', 'getRanges', 'format', 'fill', 'color')).toBe('1.9');
  expect(() => exigence('Range', 'sansPareil')).toThrow(/Range\.sansPareil n'est pas dans la table des ensembles/);
});
