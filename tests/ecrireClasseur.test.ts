import ExcelJS from 'exceljs';
import { classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { hauteurPourTextes, lettreColonne } from '../src/sheets/model';

describe('rendu exceljs du modèle de classeur', () => {
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

  test('lettres de colonnes et hauteur des lignes à retour à la ligne', () => {
    expect([0, 25, 26, 701, 702].map(lettreColonne)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    const une = hauteurPourTextes([{ texte: 'court', largeur: 30 }]);
    const trois = hauteurPourTextes([{ texte: 'a\nb\nc', largeur: 30 }]);
    const longue = hauteurPourTextes([{ texte: 'x'.repeat(300), largeur: 30 }]);
    expect(trois).toBeGreaterThan(2.5 * une - 10);
    expect(longue).toBeGreaterThan(trois);
  });
});
