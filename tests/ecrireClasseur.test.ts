import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { classeurEnFlux, classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { ecrireAtomiquement } from '../src/io/fichiers';
import { lireXlsx } from '../src/io/xlsx/lireXlsx';
import { contenuZip, zipEnFlux } from '../src/io/xlsx/zipNode';
import { hauteurPourTextes, lettreColonne, type Classeur, type Valeur } from '../src/sheets/model';
import { dossierTemporaire } from './aides/cli';
import { referentiel } from '../src/referentiel';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { convertirAvecLibreOffice } from './aides/libreoffice';

describe('rendu exceljs du modèle de classeur', () => {
  test('le fichier de la ligne de commande : parties recompressées par zlib (CRC justes), noms définis écrits à côté de la zone d’impression, relus par exceljs et par la lecture légère', async () => {
    const feuille = (nom: string) => ({
      nom,
      largeurs: [12, 12],
      lignes: [{ cellules: [{ valeur: 'a & <b>' }, { valeur: 1 }] }, { cellules: [{ valeur: { date: '2026-03-31' } }, { valeur: { formule: '=SUM(Données_1)' } }] }],
      fusions: [],
      miseEnPage: { orientation: 'portrait' as const, ajusterLargeur: true, zoneImpression: 'A1:B2' },
    });
    const c: Classeur = {
      titre: 't',
      feuilles: [feuille('Feuille d’Éric'), feuille('Élèves & notes')],
      noms: [
        { nom: 'Données_1', feuille: 'Feuille d’Éric', plage: 'B1' },
        { nom: 'Liste', feuille: 'Élèves & notes', plage: 'A1:B2' },
      ],
    };
    const buf = await classeurEnXlsx(c);
    // JSZip checks every part's CRC-32 against its bytes
    await expect(JSZip.loadAsync(buf, { checkCRC32: true })).resolves.toBeDefined();
    const x = lireXlsx(contenuZip(buf));
    expect(x.noms).toEqual([
      { nom: 'Données_1', reference: "'Feuille d’Éric'!$B$1" },
      { nom: 'Liste', reference: "'Élèves & notes'!$A$1:$B$2" },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect((wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => n.name).sort()).toEqual(['Données_1', 'Liste']);
    expect(wb.getWorksheet('Élèves & notes')!.pageSetup.printArea).toBe('A1:B2');
    expect(wb.getWorksheet('Feuille d’Éric')!.getCell('A1').value).toBe('a & <b>');
  });

  test('un modèle consommé : le même fichier, octet pour octet, et ses lignes rendues à mesure', async () => {
    const modele = () =>
      classeurGrilles(
        referentiel(),
        [
          { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' },
          { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' },
        ],
        { types: ['pfmp', 'e31'], etablissement: 'LP', annee: '2026-2027', date: '2026-12-01' },
        'classe',
      ).classeur;
    const entier = await classeurEnXlsx(modele());
    const c = modele();
    expect(c.feuilles.every((f) => f.lignes.length > 0)).toBe(true);
    expect(Buffer.compare(await classeurEnXlsx(c, 'consommer'), entier)).toBe(0);
    expect(c.feuilles.map((f) => f.lignes.length)).toEqual(c.feuilles.map(() => 0));
  });

  test('une chaîne qui ressemble à une formule reste du texte ; seule { formule } est une formule', async () => {
    const dangereux = ['=HYPERLINK("http://x","y")', '+33 6 12 34 56 78', '@SUM(A1)', '-1+1'];
    const buf = await classeurEnXlsx({
      titre: 't',
      feuilles: [
        {
          nom: 'F',
          largeurs: [30, 10],
          lignes: [...dangereux.map((d) => ({ cellules: [{ valeur: d }] })), { cellules: [{ valeur: 2 }, { valeur: { formule: '=A5*3' } }] }],
          fusions: [],
          miseEnPage: { orientation: 'portrait', ajusterLargeur: true },
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('F')!;
    dangereux.forEach((d, i) => {
      expect(ws.getCell(i + 1, 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(i + 1, 1).value).toBe(d);
    });
    expect(ws.getCell('B5').formula).toBe('A5*3');
  });

  test('suite de lignes écrite en flux : valeurs, dates au format de la colonne, tableau Excel étendu à toutes les lignes, lue par exceljs et LibreOffice', async () => {
    const pieges = ['=HYPERLINK("http://x","y")', 'A & B <c> "d"', 'un\u0001contrôle', '_x0041_ littéral', 'émoji 😀'];
    const n = 5000;
    const ligne = (i: number): Valeur[] => [pieges[i % pieges.length]!, i, i % 2 === 0, i % 7 === 0 ? null : { date: `2026-0${1 + (i % 9)}-1${i % 10}` }];
    const modele: Classeur = {
      titre: 't',
      feuilles: [
        {
          nom: 'Détail & co',
          largeurs: [30, 10, 10, 12],
          lignes: [{ cellules: ['Texte', 'Nombre', 'Booléen', 'Date'].map((v) => ({ valeur: v })) }],
          fusions: [],
          miseEnPage: { orientation: 'portrait', ajusterLargeur: true },
          tableau: { nom: 'Lignes', entete: 1, derniere: 1 + n, colonnes: 4 },
          suite: { nombre: n, styles: [undefined, undefined, undefined, { format: 'dd/mm/yyyy' }], lignes: () => Array.from({ length: n }, (_, i) => ligne(i)) },
        },
        { nom: 'Après', largeurs: [10], lignes: [{ cellules: [{ valeur: 'fin' }] }], fusions: [], miseEnPage: { orientation: 'portrait', ajusterLargeur: true } },
      ],
    };
    const d = dossierTemporaire('agora-suite-');
    const f = path.join(d, 'suite.xlsx');
    await ecrireAtomiquement(f, await classeurEnFlux(modele));
    expect(await fs.readdir(d)).toEqual(['suite.xlsx']); // the temporary file was renamed
    // the sheet went as some sixty pieces, each deflated alone: JSZip checks the CRC-32 the data descriptor gives
    await expect(JSZip.loadAsync(await fs.readFile(f), { checkCRC32: true })).resolves.toBeDefined();
    const attendu = (i: number) => {
      const [t, x, b, date] = ligne(i);
      return [(t as string).replace('\u0001', ''), x, b, date === null ? null : new Date(`${(date as { date: string }).date}T00:00:00Z`)];
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet('Détail & co')!;
    // exceljs does not decode Excel's `_xHHHH_` escapes in inline strings (LibreOffice and Excel do): row 3 is checked below
    for (const i of [0, 1, 2, 4, 6, 7, 1234, n - 1]) expect([1, 2, 3, 4].map((c) => ws.getCell(2 + i, c).value)).toEqual(attendu(i));
    expect(ws.getCell(2 + n - 1, 4).numFmt).toBe('dd/mm/yyyy');
    const table = (ws as unknown as { getTables(): [{ table: { name: string; tableRef: string } }] }).getTables()[0]!.table;
    expect([table.name, table.tableRef]).toEqual(['Lignes', `A1:D${1 + n}`]);
    expect(wb.getWorksheet('Après')!.getCell('A1').value).toBe('fin');
    // the same buffer through classeurEnXlsx, and the lean reader agrees
    const x = lireXlsx(contenuZip(await classeurEnXlsx(modele))).feuille('Détail & co')!;
    for (const i of [3, n - 1]) expect([1, 2, 3, 4].map((c) => x.valeur(2 + i, c))).toEqual(attendu(i));
    // LibreOffice opens it and keeps every row (it saves booleans as FALSE() / TRUE() with their result)
    const lo = lireXlsx(contenuZip(await fs.readFile(convertirAvecLibreOffice(f, 'xlsx')))).feuille('Détail & co')!;
    expect(lo.lignes().length).toBe(1 + n);
    for (const i of [3, 1233, 1234]) expect([1, 2, 3, 4].map((c) => lo.valeur(2 + i, c))).toEqual(attendu(i));
  }, 300_000);

  test("zip écrit au fil de l'eau : morceaux dans un même tampon réutilisé, entrée vide, relu par JSZip (CRC) et par la lecture légère", async () => {
    const tampon = Buffer.alloc(1000);
    const attendu: Buffer[] = [];
    function* morceaux() {
      for (let k = 0; k < 50; k++) {
        const texte = `morceau ${k} — ${'é'.repeat(k * 7)}`;
        const n = tampon.write(texte);
        attendu.push(Buffer.from(texte));
        yield tampon.subarray(0, n); // the same bytes, filled again for the next piece
      }
    }
    const zip = Buffer.concat([
      ...zipEnFlux([
        { nom: 'a/longue.txt', morceaux: morceaux() },
        { nom: 'vide.txt', morceaux: [] },
        { nom: 'Élève.xml', morceaux: [Buffer.from('<x/>')] },
      ]),
    ]);
    const lu = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(await lu.file('a/longue.txt')!.async('nodebuffer')).toEqual(Buffer.concat(attendu));
    expect(await lu.file('vide.txt')!.async('string')).toBe('');
    expect(await lu.file('Élève.xml')!.async('string')).toBe('<x/>');
    const contenu = contenuZip(zip);
    expect(Buffer.from(contenu('a/longue.txt')!)).toEqual(Buffer.concat(attendu));
  });

  test('lettres de colonnes et hauteur des lignes à retour à la ligne', () => {
    expect([0, 25, 26, 701, 702].map(lettreColonne)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    const une = hauteurPourTextes([{ texte: 'court', largeur: 30 }]);
    const trois = hauteurPourTextes([{ texte: 'a\nb\nc', largeur: 30 }]);
    const longue = hauteurPourTextes([{ texte: 'x'.repeat(300), largeur: 30 }]);
    expect(trois).toBeGreaterThan(2.5 * une - 10);
    expect(longue).toBeGreaterThan(trois);
  });
});
