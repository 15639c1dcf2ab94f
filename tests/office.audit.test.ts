import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditerOffice } from './aides/auditOffice';

/**
 * Every Office.js member the shipped add-in uses, with its requirement set, is within the manifest's
 * ExcelApi 1.8 or behind a check of its version; none is beta, preview, web-only, desktop-only or
 * deprecated. Run in `npm run lint`. Put back the shrinkToFit of Excel 2019's defect without its
 * check, and the audit fails (the in-memory Excel at 1.8 fails the insertion too: office.ensembles).
 */
const INSERTION = path.join(__dirname, '..', 'src', 'io', 'office', 'insererClasseur.ts');

test('audit Office.js : aucun membre au-dessus d’ExcelApi 1.8 sans vérification, aucun membre bêta, web seul ou déprécié', () => {
  const { usages, problemes } = auditerOffice();
  expect(problemes).toEqual([]);
  // what it sees: the members above 1.8 the add-in uses, each behind its check
  const audessus = [...new Set(usages.filter((u) => /^ExcelApi 1\.(9|1[0-9])/.test(u.ensemble)).map((u) => `${u.membre} (${u.ensemble}, vérifié ${u.garde})`))].sort();
  expect(audessus).toEqual(
    expect.arrayContaining([
      'RangeFormat.shrinkToFit (ExcelApi 1.9, vérifié 1.9)',
      'Worksheet.getRanges (ExcelApi 1.9, vérifié 1.9)',
      'Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13, vérifié 1.13)',
      'NoteCollection.add (ExcelApi 1.18, vérifié 1.18)',
    ]),
  );
  expect(usages.length).toBeGreaterThan(100);
}, 120_000);

test('le shrinkToFit sans sa vérification remis : l’audit le trouve et nomme la ligne', () => {
  const source = readFileSync(INSERTION, 'utf8');
  const fautif = source.replace("if (s.reduire && prend('1.9')) f.shrinkToFit = true;", 'if (s.reduire) f.shrinkToFit = true;');
  expect(fautif).not.toBe(source);
  const { problemes } = auditerOffice(undefined, { [INSERTION]: fautif });
  expect(problemes).toEqual([
    expect.stringMatching(/^src\/io\/office\/insererClasseur\.ts:\d+ RangeFormat\.shrinkToFit : ExcelApi 1\.9, au-dessus du minimum du manifeste \(1\.8\), sans vérification qui le précède$/),
  ]);
}, 120_000);
