import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ConstructeurFeuille } from '../src/sheets/constructeur';
import { sautsDePage } from '../src/sheets/pagination';
import type { Feuille, Ligne } from '../src/sheets/model';
import { classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { referentiel } from '../src/referentiel';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';

/** A4 landscape, margins 0.5 / 0.6 inch, filled to 98 %: the page height the layout uses, at scale 1. */
const PAYSAGE = (595.3 - 72 * 1.1) * 0.98;

const feuille = (hauteurs: number[], solidaires: number[] = [], repetees?: [number, number]): Pick<Feuille, 'largeurs' | 'lignes' | 'miseEnPage'> => ({
  largeurs: [40, 40],
  lignes: hauteurs.map((hauteur, i): Ligne => ({ cellules: [], hauteur, ...(solidaires.includes(i + 1) ? { avecSuivante: true } : {}) })),
  miseEnPage: { orientation: 'paysage', ajusterLargeur: true, ...(repetees ? { lignesRepetees: repetees } : {}) },
});

describe('sauts de page : une ligne reste avec la suivante', () => {
  test("sans ligne solidaire, aucun saut n'est écrit : l'impression garde sa pagination", () => {
    expect(sautsDePage(feuille(Array.from({ length: 100 }, () => 40)))).toEqual([]);
  });

  test('une bande qui tomberait en bas de page passe sur la page suivante avec sa première ligne', () => {
    // 12 rows of 40 pt fill 480 of ~498 pt; row 13 (a band of 17) would fit, its first row (40) not.
    const h = [...Array.from({ length: 12 }, () => 40), 17, 40, 40];
    expect(sautsDePage(feuille(h, [1]))).toEqual([14]); // row 1 flagged only to ask for a layout
    expect(sautsDePage(feuille(h, [1, 13]))).toEqual([13]);
  });

  test('les lignes répétées en haut de page comptent sur chaque page suivante', () => {
    const h = [40, ...Array.from({ length: 40 }, () => 30)];
    const sans = sautsDePage(feuille(h, [2]));
    const avec = sautsDePage(feuille(h, [2], [1, 1]));
    expect(sans).toEqual([17, 33]);
    expect(avec).toEqual([17, 32]); // page 2 holds the 40 pt header, so one row less
  });

  test('propriété : pages jamais trop pleines, jamais de saut juste après une ligne solidaire sauf si son groupe ne tient sur aucune page', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ h: fc.integer({ min: 8, max: 200 }), s: fc.boolean() }), { minLength: 1, maxLength: 120 }), (rows) => {
        const f = feuille(
          rows.map((r) => r.h),
          rows.flatMap((r, i) => (r.s ? [i + 1] : [])),
        );
        const sauts = sautsDePage(f);
        if (!rows.some((r) => r.s)) return expect(sauts).toEqual([]);
        const bornes = [1, ...sauts, rows.length + 1];
        for (let p = 0; p + 1 < bornes.length; p++) {
          const [a, b] = [bornes[p]!, bornes[p + 1]!];
          expect(b).toBeGreaterThan(a);
          const page = rows.slice(a - 1, b - 1);
          const total = page.reduce((s, r) => s + r.h, 0);
          if (page.length > 1) expect(total).toBeLessThanOrEqual(PAYSAGE + 0.01);
          // A break after a row that must stay with the next only when the group would not fit on a page either.
          if (b <= rows.length && rows[b - 2]!.s) {
            let k = b - 1;
            while (k > a && rows[k - 2]!.s) k--;
            const groupe = rows.slice(k - 1, b).reduce((s, r) => s + r.h, 0);
            expect({ debutDePage: k === a, tropGrand: groupe > PAYSAGE }).not.toEqual({ debutDePage: false, tropGrand: false });
          }
        }
      }),
    );
  });

  test('ConstructeurFeuille : solidaires() lie chaque ligne du groupe à la suivante, sauf la dernière', () => {
    const f = new ConstructeurFeuille('T', [20]);
    f.ligne([{ valeur: 'a' }]);
    f.solidaires(() => {
      f.ligne([{ valeur: 'titre' }]);
      f.ligne([{ valeur: 'cadre' }]);
      f.ligne([{ valeur: 'signature' }]);
    });
    f.ligne([{ valeur: 'bande' }]);
    f.avecLaSuivante();
    f.ligne([{ valeur: 'ligne' }]);
    expect(f.feuille({ orientation: 'portrait', ajusterLargeur: true }).lignes.map((l) => !!l.avecSuivante)).toEqual([false, true, true, false, true, false]);
  });
});

describe('sauts de page écrits', () => {
  test('grilles E32 et E2 : les sauts calculés sont dans le fichier (rowBreaks) et aucun ne suit une bande', async () => {
    const r = referentiel();
    const { classeur } = classeurGrilles(r, [{ nom: 'Benali', prenom: 'Yasmine', classe: 'Tle' }], { types: ['e32', 'e2'], etablissement: 'LP', annee: '2026-2027', date: '2026-11-23' }, 'eleve');
    const octets = await classeurEnXlsx(classeur);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(octets) as unknown as ExcelJS.Buffer);
    const zip = await JSZip.loadAsync(octets);
    for (const [i, nom] of ['CCF E32', 'CCF E2'].entries()) {
      const modele = classeur.feuilles.find((x) => x.nom === nom)!;
      const sauts = modele.miseEnPage.sautsDePage!;
      expect(sauts.length).toBeGreaterThan(0);
      // exceljs does not read page breaks back: the sheet's XML says where they are (a break after row id).
      const xml = await zip.file(`xl/worksheets/sheet${i + 2}.xml`)!.async('string');
      expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1)).toEqual(sauts);
      const ws = wb.getWorksheet(nom)!;
      for (const n of sauts) expect(String(ws.getCell(n - 1, 1).value ?? '')).not.toMatch(/^\d\.\d - /);
    }
  });
});
