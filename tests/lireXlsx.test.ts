import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { grillesParEleve } from '../src/cli/casDUsage';
import { corrigerClasseur, ecrireExercice } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { lireXlsx } from '../src/io/xlsx/lireXlsx';
import { lireClasseur } from '../src/io/xlsx/lireClasseur';
import { ciblesDuClasseur } from '../src/io/exceljs/nomsDefinis';
import { ZipIllisible } from '../src/io/xlsx/zip';
import { contenuZip } from '../src/io/xlsx/zipNode';
import { contenuZipDecompresse } from '../src/io/xlsx/zipNavigateur';
import { lireClasseurOctets } from '../src/io/xlsx/lireClasseurNavigateur';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';
import { fragment } from '../src/sheets/grilles/commun';
import type { ValeurLue } from '../src/sheets/exercices/lecture';
import { dossierTemporaire } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

jest.setTimeout(240_000);

const DATE = '2026-11-23';
const ELEVE = { nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' };

/**
 * What exceljs makes of a cell, as the checker used to read it: the oracle of the lean reader. Except
 * in the cells a merged range covers: exceljs gives them the range's value or not depending on how the
 * file was written, the lean reader leaves them empty as Excel does.
 */
function valeurExceljs(c: ExcelJS.Cell): ValeurLue {
  const v = (c.type === ExcelJS.ValueType.Formula ? c.result : c.value) as ExcelJS.CellValue;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('error' in v) return { erreur: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  return null;
}

/**
 * Every cell of every sheet read by both readers: same values, same merged cells, same defined names;
 * the lean reader inflating as the CLI does (node:zlib) or as the task pane does (DecompressionStream).
 */
async function comparerAExceljs(fichier: string, inflation: 'node' | 'navigateur'): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const octets = await fs.readFile(fichier);
  const x = lireXlsx(inflation === 'node' ? contenuZip(octets) : await contenuZipDecompresse(octets));
  expect(x.feuilles).toEqual(wb.worksheets.map((w) => w.name));
  const noms = ciblesDuClasseur(wb);
  const lus = new Map(x.noms.map((n) => [n.nom.toUpperCase(), n.reference]));
  expect([...lus.keys()].sort()).toEqual(expect.arrayContaining([...noms.keys()].sort()));
  let cellules = 0;
  for (const ws of wb.worksheets) {
    const f = x.feuille(ws.name)!;
    const attendues = new Map<string, ValeurLue>();
    ws.eachRow({ includeEmpty: false }, (row, l) =>
      row.eachCell({ includeEmpty: true }, (c, k) => {
        const v = valeurExceljs(c);
        const couverte = c.isMerged && c.master !== c;
        if (v !== null && !couverte) attendues.set(`${l}:${k}`, v);
        expect({ cellule: `${ws.name}!${c.address}`, valeur: f.valeur(l, k), couverte: f.couverte(l, k) }).toEqual({ cellule: `${ws.name}!${c.address}`, valeur: couverte ? null : v, couverte });
      }),
    );
    const vues = f.lignes().flatMap(([l, vs]) => vs.flatMap((v, j) => (v === null ? [] : [`${l}:${j + 1}`])));
    expect(vues.sort()).toEqual([...attendues.keys()].sort());
    cellules += attendues.size;
  }
  return cellules;
}

test("lecture légère : mêmes valeurs qu'exceljs, cellule par cellule, sur des classeurs écrits par exceljs puis par LibreOffice", async () => {
  const d = dossierTemporaire('agora-lirexlsx-');
  const res = await grillesParEleve([ELEVE], { types: [...TYPES_GRILLE], etablissement: 'LP de test', annee: '2026-2027', date: DATE }, d);
  const grilles = path.join(d, 'grilles-remplies.xlsx');
  await fs.writeFile(
    grilles,
    await remplirClasseur(res.fichiers[0]!.fichier, {
      PFMP_Periodes: [['P1', '2025-01-13', '2025-02-07', 'Organisation & fils', 'Tuteur <chef>', 'Activités\nsur deux lignes', 4, 'Oui']],
      [`PFMP1_C${fragment('1.1.1')}`]: [2, 'NE', null, null, null, null],
      E31_Date: '2026-10-15',
      [`E31_C${fragment('1.1.1')}`]: ['TS'],
    }),
  );
  const exercice = path.join(d, 'tva.xlsx');
  await ecrireExercice({ type: 'tva', graine: 3, periode: '2026-10', date: DATE }, ELEVE, exercice);
  const copie = path.join(d, 'tva-copie.xlsx');
  await fs.writeFile(copie, await remplirClasseur(exercice, (await corrigerClasseur(exercice)).reponses));
  const lo = dossierTemporaire('agora-lirexlsx-lo-');
  const fichiers = [grilles, copie, convertirAvecLibreOffice(grilles, 'xlsx', lo), convertirAvecLibreOffice(copie, 'xlsx', dossierTemporaire('agora-lirexlsx-lo-'))];
  const cellules = [];
  for (const f of fichiers) {
    cellules.push(await comparerAExceljs(f, 'node'));
    expect(await comparerAExceljs(f, 'navigateur')).toBe(cellules.at(-1));
  }
  // hundreds of values each, among them formulas with a cached result (LibreOffice recalculates) and dates
  expect(cellules.every((n) => n > 300)).toBe(true);
  expect(cellules[2]).toBeGreaterThan(cellules[0]!); // cached results of the grid formulas
  const relu = await lireClasseur(fichiers[2]!);
  expect(relu.plage('PFMP_Periodes')!.valeurs[0]!.slice(0, 3)).toEqual(['P1', new Date('2025-01-13T00:00:00Z'), new Date('2025-02-07T00:00:00Z')]);
  expect(relu.lignesAgora).toEqual((await lireClasseur(grilles)).lignesAgora);
  const duVolet = await lireClasseurOctets('grilles.xlsx', await fs.readFile(fichiers[2]!));
  expect(duVolet.plage('PFMP_Periodes')).toEqual(relu.plage('PFMP_Periodes'));
  expect(duVolet.lignesAgora).toEqual(relu.lignesAgora);
  expect(relu.lignesAgora.length).toBeGreaterThan(10);
});

/** A workbook written by hand: what a third-party tool may produce and exceljs's writer never does. */
async function classeurALaMain(feuille: string, options: { stocke?: boolean; date1904?: boolean } = {}): Promise<Buffer> {
  const z = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  z.file(
    '_rels/.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/classeur.xml"/></Relationships>',
  );
  z.file(
    'xl/classeur.xml',
    `<workbook ${ns}>${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Saisie &amp; contrôle" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Bloc">'Saisie &amp; contrôle'!$A$1:$C$3</definedName><definedName name="Local" localSheetId="0">'Saisie &amp; contrôle'!$A$1</definedName></definedNames></workbook>`,
  );
  z.file(
    'xl/_rels/classeur.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="feuilles/f1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="chaines.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  z.file(
    'xl/chaines.xml',
    `<sst ${ns}><si><t>Bonjour</t></si><si><r><t>Taux </t></r><r><rPr><b/></rPr><t xml:space="preserve">20 %</t></r><rPh><t>ruby</t></rPh></si><si><t>ligne_x000D_suivante</t></si><si><t>Léa Ørsted — ✓ 😀 &#233;t&#xE9;</t></si></sst>`,
  );
  z.file(
    'xl/styles.xml',
    `<styleSheet ${ns}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;jours&quot; 0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
  );
  z.file(
    'xl/feuilles/f1.xml',
    `<worksheet ${ns}><sheetData>${feuille}</sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells></worksheet>`,
    options.stocke ? { compression: 'STORE' } : {},
  );
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('lecture légère : chaînes partagées riches, chaînes en ligne, entités, échappements _xHHHH_, dates, booléens, erreurs, cellules sans adresse, fusions', async () => {
  const feuille =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>=SOMME(A1) &amp; &lt;b&gt; &#233;</t></is></c></row>' +
    '<row r="2"><c r="A2" s="1"><v>46318</v></c><c r="B2" s="2"><v>12</v></c><c r="C2" s="3"><f>TODAY()</f><v>45658</v></c></row>' +
    // cells without `r`, as some generators write them
    '<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"!"</f><v>Bonjour!</v></c></row>' +
    '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5"><f>1/0</f></c><c r="D5" s="1"/></row>' +
    // beyond ASCII: UTF-8 bytes of one to four per character, and entities for characters of one or two bytes
    '<row r="6"><c r="A6" t="s"><v>3</v></c><c r="B6" t="inlineStr"><is><t>Éloïse &#x1F600; ß</t></is></c><c r="C6" t="str"><v>€ &amp; ü</v></c></row>';
  for (const options of [{}, { stocke: true }]) {
    const x = lireXlsx(contenuZip(await classeurALaMain(feuille, options)));
    expect(x.feuilles).toEqual(['Saisie & contrôle']);
    expect(x.noms).toEqual([{ nom: 'Bloc', reference: "'Saisie & contrôle'!$A$1:$C$3" }]);
    const f = x.feuille('Saisie & contrôle')!;
    expect([f.valeur(1, 1), f.valeur(1, 2), f.valeur(1, 3)]).toEqual(['Bonjour', 'Taux 20 %', '=SOMME(A1) & <b> é']);
    expect([f.valeur(2, 1), f.valeur(2, 2), f.valeur(2, 3)]).toEqual([new Date('2026-10-23T00:00:00Z'), 12, new Date('2025-01-01T00:00:00Z')]);
    // C3 holds a value but B3:C3 is merged: covered, it reads empty as in Excel
    expect([f.valeur(3, 1), f.valeur(3, 2), f.valeur(3, 3)]).toEqual([true, { erreur: '#N/A' }, null]);
    expect([f.valeur(5, 1), f.valeur(5, 2), f.valeur(5, 4), f.valeur(99, 1)]).toEqual(['ligne\rsuivante', null, null, null]);
    expect([f.couverte(3, 2), f.couverte(3, 3), f.couverte(2, 3)]).toEqual([false, true, false]);
    expect([f.valeur(6, 1), f.valeur(6, 2), f.valeur(6, 3)]).toEqual(['Léa Ørsted — ✓ 😀 été', 'Éloïse 😀 ß', '€ & ü']);
    expect(f.lignes().map(([l]) => l)).toEqual([1, 2, 3, 5, 6]);
  }
  // with zones, only their cells are kept; the rows they do not reach are skipped whole
  const z = lireXlsx(contenuZip(await classeurALaMain(feuille))).feuille('Saisie & contrôle', [
    { haut: 2, gauche: 2, bas: 2, droite: 3 },
    { haut: 6, gauche: 1, bas: 7, droite: 1 },
  ])!;
  expect(z.lignes()).toEqual([
    [2, [null, 12, new Date('2025-01-01T00:00:00Z')]],
    [6, ['Léa Ørsted — ✓ 😀 été']],
  ]);
  const f1904 = lireXlsx(contenuZip(await classeurALaMain(feuille, { date1904: true }))).feuille('Saisie & contrôle')!;
  expect(f1904.valeur(2, 1)).toEqual(new Date('2030-10-24T00:00:00Z'));
});

test('lecture légère : un zip tronqué ou chiffré est refusé ; lireClasseur le dit en français en nommant le fichier', async () => {
  const octets = await classeurALaMain('<row r="1"><c r="A1"><v>1</v></c></row>');
  expect(() => contenuZip(octets.subarray(0, octets.length - 30))).toThrow(ZipIllisible);
  const chiffre = Buffer.from(octets);
  for (let p = chiffre.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = chiffre.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4))
    chiffre.writeUInt16LE(chiffre.readUInt16LE(p + 8) | 1, p + 8);
  expect(() => contenuZip(chiffre)).toThrow(ZipIllisible);
  // an entry whose compressed bytes are damaged: found only when its sheet is read
  const d = dossierTemporaire('agora-lirexlsx-');
  const abime = Buffer.from(await classeurALaMain('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)));
  const p = abime.indexOf(Buffer.from('xl/feuilles/f1.xml')) + 'xl/feuilles/f1.xml'.length;
  abime.fill(0xff, p + 4, p + 40);
  const f = path.join(d, 'abîmé.xlsx');
  await fs.writeFile(f, abime);
  const c = await lireClasseur(f);
  expect(() => c.plage('Bloc')).toThrow(`« ${f} » est un classeur endommagé ou illisible : ouvrez-le dans Excel et enregistrez-le à nouveau.`);
  // the task pane inflates every part up front: the same file is refused as it is opened
  await expect(lireClasseurOctets('abîmé.xlsx', abime)).rejects.toThrow('« abîmé.xlsx » est un classeur endommagé ou illisible');
  await expect(lireClasseurOctets('copie.xlsm', abime)).rejects.toThrow('« copie.xlsm » est un classeur avec macros (.xlsm)');
  await expect(lireClasseurOctets('notes.xlsx', Buffer.from('nom;prenom\n'))).rejects.toThrow("« notes.xlsx » n'est pas un classeur Excel (.xlsx).");
});
