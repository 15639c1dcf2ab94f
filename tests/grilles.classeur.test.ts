import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { referentiel } from '../src/referentiel';
import { classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { classeurGrilles, type OptionsGrilles } from '../src/sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';
import { cellulesDuNom, nomsDefinis } from './aides/classeurs';

/** Re-reads the written workbooks with exceljs, as the checker and the consolidation will. */
const r = referentiel();
const options: OptionsGrilles = { types: [...TYPES_GRILLE], etablissement: 'Lycée Jean Moulin', annee: '2026-2027', date: '2026-11-23' };
const codes = (bloc: string) => r.blocs.find((b) => b.code === bloc)!.activites.flatMap((a) => a.competences.map((c) => c.code));
const frag = (c: string) => c.replace(/\./g, '_');

async function ecrireEtRelire(eleves: { nom: string; prenom: string; classe: string }[], mode: 'classe' | 'eleve') {
  const { classeur } = classeurGrilles(r, eleves, options, mode);
  const octets = await classeurEnXlsx(classeur);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  return { wb, octets, classeur };
}

/** The raw XML of a sheet, to count rules as Excel will read them. */
async function xmlFeuille(octets: Buffer, index: number): Promise<string> {
  const zip = await JSZip.loadAsync(octets);
  return zip.file(`xl/worksheets/sheet${index}.xml`)!.async('string');
}

const colonne = (ws: ExcelJS.Worksheet, lettre: string) => {
  const vals: string[] = [];
  ws.getColumn(lettre).eachCell((c) => vals.push(String(c.value)));
  return vals;
};

describe("classeur d'un élève, tous les types de grilles", () => {
  const eleve = { nom: "N'Diaye", prenom: 'Awa', classe: 'Tle AGOrA A' };
  let wb: ExcelJS.Workbook;
  let octets: Buffer;
  beforeAll(async () => {
    ({ wb, octets } = await ecrireEtRelire([eleve], 'eleve'));
  });

  test("feuilles dans l'ordre, « Paramètres » en tête, `_agora` très masquée", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Paramètres',
      'PFMP pôle 1',
      'PFMP pôle 2',
      'PFMP pôle 3',
      'CCF E31',
      'CCF E32',
      'CCF E2',
      'Récapitulatif E31',
      'Récapitulatif E32',
      'Attestation PFMP',
      '_agora',
    ]);
    expect(wb.getWorksheet('_agora')!.state).toBe('veryHidden');
    expect(wb.worksheets.filter((w) => w.state !== 'visible').map((w) => w.name)).toEqual(['_agora']);
  });

  test.each(['1', '2', '3'])('grille PFMP du pôle %s : chaque compétence, P1…P6, listes par bloc, noms, protection, impression', async (p) => {
    const ws = wb.getWorksheet(`PFMP pôle ${p}`)!;
    const attendus = codes(p);
    expect(colonne(ws, 'B').filter((v) => /^\d\.\d\.\d$/.test(v))).toEqual(attendus);
    let h = 1;
    while (ws.getCell(h, 1).value !== 'Activités' && h < 100) h++;
    const entete = ws.getRow(h).values as unknown[];
    expect(entete.slice(1)).toEqual(['Activités', 'Code', 'Compétences', "Critères d'évaluation", 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    for (const c of attendus) {
      const cellules = cellulesDuNom(wb, `PFMP${p}_C${frag(c)}`);
      expect(cellules).toHaveLength(6);
      const ligne = cellules[0]!.feuille.getCell(cellules[0]!.adresse).row;
      expect(ws.getCell(Number(ligne), 2).value).toBe(c); // the name points at the compétence's own row
      for (const k of cellules) {
        const cell = ws.getCell(k.adresse);
        expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: ['Echelle_PFMP_Codes'] });
        expect(cell.protection?.locked).toBe(false);
      }
    }
    expect(ws.getCell('C7').protection?.locked ?? true).toBe(true); // labels stay locked
    // One validation and one set of colours per activité block, never per cell or whole column.
    const xml = await xmlFeuille(octets, Number(p) + 1);
    const nActivites = r.blocs.find((b) => b.code === p)!.activites.length;
    expect(xml.match(/<dataValidation /g)).toHaveLength(nActivites);
    expect(xml.match(/<conditionalFormatting /g)).toHaveLength(nActivites * 5);
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h}:${h}` });
    expect(ws.headerFooter.oddFooter).toContain("N'DIAYE Awa — Tle AGOrA A");
    expect(ws.headerFooter.oddFooter).toContain('Page &P / &N');
    expect(ws.views ?? []).not.toContainEqual(expect.objectContaining({ state: 'frozen' }));
    // The period bands read the attestation sheet, above the grid: below it, they printed under its repeated header.
    const [debut] = cellulesDuNom(wb, `PFMP${p}_Periodes`);
    const lignePeriodes = Number(ws.getCell(debut!.adresse).row);
    expect(lignePeriodes).toBeLessThan(h);
    const du = ws.getCell(lignePeriodes, 2).value as ExcelJS.CellFormulaValue;
    expect(du.formula).toBe('IF(\'Attestation PFMP\'!B9="","",\'Attestation PFMP\'!B9)');
  });

  test.each([
    ['E31', '1', 1],
    ['E32', '3', 1],
    ['E2', '2', 2],
  ] as const)('grille CCF %s : compétences du bloc %s, positionnements, poids, note en formule', async (e, bloc, situations) => {
    const ws = wb.getWorksheet(`CCF ${e}`)!;
    expect(colonne(ws, 'A').filter((v) => /^\d\.\d\.\d$/.test(v))).toEqual(codes(bloc));
    for (const c of codes(bloc)) {
      const cellules = cellulesDuNom(wb, `${e}_C${frag(c)}`);
      expect(cellules).toHaveLength(situations);
      expect(ws.getCell(cellules[0]!.adresse).dataValidation).toMatchObject({ type: 'list', formulae: ['Echelle_CCF_Codes'] });
      const poids = ws.getCell(Number(ws.getCell(cellules[0]!.adresse).row), 4 + situations);
      expect(poids.value).toBe(1);
      expect(poids.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    }
    const [note] = cellulesDuNom(wb, `${e}_Note`);
    const f = (ws.getCell(note!.adresse).value as ExcelJS.CellFormulaValue).formula;
    expect(f).toMatch(/^IF\(/);
    expect(f).toContain('SUMPRODUCT(');
    expect(f).toContain('Note_Pas');
    expect(f).toContain('Note_Max');
    // Helper value columns are hidden; the reminder is there where the arrêté says so.
    expect(ws.getColumn(5 + situations).hidden).toBe(true);
    const textes = colonne(ws, 'A');
    expect(textes.includes('La proposition de note ne doit pas être communiquée au candidat.')).toBe(e !== 'E2');
    for (const n of ['Date', 'Appreciation', 'Commission', 'Feuille']) expect(cellulesDuNom(wb, `${e}_${n}`).length).toBeGreaterThan(0);
    if (e === 'E2') {
      expect(cellulesDuNom(wb, 'E2_Couverture')).toHaveLength(3 * 3); // 2.1, 2.2, 2.3 × (S1, S2, couvert)
      expect(textes.some((t) => t.startsWith("« Les deux situations d'évaluation doivent permettre"))).toBe(true);
    }
  });

  test.each([
    ['E31', '1'],
    ['E32', '3'],
  ])('état récapitulatif %s : une colonne par activité du bloc, bilan de couverture en formule', (e, bloc) => {
    const ws = wb.getWorksheet(`Récapitulatif ${e}`)!;
    const acts = r.blocs.find((b) => b.code === bloc)!.activites.map((a) => a.code);
    const couverture = cellulesDuNom(wb, `Recap${e}_Couverture`);
    expect(couverture).toHaveLength(acts.length);
    for (const c of couverture) expect((ws.getCell(c.adresse).value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(COUNTIF\(/);
    const [bilan] = cellulesDuNom(wb, `Recap${e}_Bilan`);
    const formule = (ws.getCell(bilan!.adresse).value as ExcelJS.CellFormulaValue).formula;
    for (const a of acts) expect(formule).toContain(`"${a} "`);
    expect(cellulesDuNom(wb, `Recap${e}_Travaux`)).toHaveLength(15 * (4 + acts.length));
  });

  test('attestation PFMP : six périodes, total et durée requise (22 ou 16 semaines) en formules', () => {
    const ws = wb.getWorksheet('Attestation PFMP')!;
    expect(cellulesDuNom(wb, 'PFMP_Semaines')).toHaveLength(6);
    const [total] = cellulesDuNom(wb, 'PFMP_Total');
    expect((ws.getCell(total!.adresse).value as ExcelJS.CellFormulaValue).formula).toBe('SUM(G9:G14)');
    const [cycle] = cellulesDuNom(wb, 'PFMP_Cycle');
    expect(ws.getCell(cycle!.adresse).value).toBe('3 ans');
    expect(ws.getCell(cycle!.adresse).dataValidation).toMatchObject({ type: 'list', formulae: ['"3 ans,2 ans"'] });
    const [bilan] = cellulesDuNom(wb, 'PFMP_Bilan');
    expect((ws.getCell(bilan!.adresse).value as ExcelJS.CellFormulaValue).formula).toContain('il manque ');
  });

  test('Paramètres : deux échelles avec « NE » sans valeur, correspondance, pas de 0,5, durées 22 et 16', () => {
    const val = (nom: string) => cellulesDuNom(wb, nom).map((c) => c.feuille.getCell(c.adresse).value);
    expect(val('Echelle_CCF_Codes')).toEqual(['TI', 'I', 'S', 'TS', 'NE']);
    expect(val('Echelle_CCF_Libelles')).toEqual(['Très insuffisant', 'Insuffisant', 'Satisfaisant', 'Très satisfaisant', 'Non évalué']);
    expect(val('Echelle_CCF_Valeurs')).toEqual([0, 1 / 3, 2 / 3, 1, null]);
    expect(val('Echelle_PFMP_Codes')).toEqual([1, 2, 3, 4, 'NE']);
    expect(val('Echelle_PFMP_Libelles')).toEqual(['Non maîtrisé', 'Insuffisamment maîtrisé', 'Maîtrisé', 'Bien maîtrisé', 'Non évalué']);
    expect(cellulesDuNom(wb, 'Correspondance_Echelles')).toHaveLength(10);
    expect(val('Note_Max')).toEqual([20]);
    expect(val('Note_Pas')).toEqual([0.5]);
    expect(val('PFMP_Duree')).toEqual([22]);
    expect(val('PFMP_Duree_Cycle_2_ans')).toEqual([16]);
    expect(val('Etablissement')).toEqual(['Lycée Jean Moulin']);
  });

  test('`_agora` : une ligne par feuille générée, avec modèle, versions, élève, classe et date', () => {
    const ws = wb.getWorksheet('_agora')!;
    const lignes: unknown[][] = [];
    ws.eachRow((row) => lignes.push((row.values as unknown[]).slice(1)));
    expect(lignes).toContainEqual(['referentiel', r.version]);
    const entete = lignes.findIndex((l) => l[0] === 'ancre');
    expect(lignes[entete]).toEqual(['ancre', 'modele', 'version_modele', 'referentiel', 'nom', 'prenom', 'classe', 'prefixe', 'feuille_initiale', 'cree_le', 'ine']);
    const entrees = lignes.slice(entete + 1);
    expect(entrees.map((l) => l[1])).toEqual([
      'parametres-grilles',
      'grille-pfmp-pole1',
      'grille-pfmp-pole2',
      'grille-pfmp-pole3',
      'grille-ccf-e31',
      'grille-ccf-e32',
      'grille-ccf-e2',
      'etat-recapitulatif-e31',
      'etat-recapitulatif-e32',
      'attestation-pfmp',
    ]);
    for (const l of entrees.slice(1)) {
      expect(l.slice(4, 7)).toEqual(["N'Diaye", 'Awa', 'Tle AGOrA A']);
      expect(l[9]).toBe('2026-11-23');
      expect(nomsDefinis(wb)).toContain(l[0]); // every anchor is a defined name: it survives a renamed sheet
    }
  });
});

describe('classeur de classe', () => {
  test("« Sommaire » en premier : une ligne par élève, un lien par grille vers son nom d'ancrage (qui suit un onglet renommé), sans nom d'élève dans une formule", async () => {
    const eleves = [
      { nom: 'Dupont', prenom: 'Jean', classe: '1re AGOrA' },
      { nom: "O'Brien", prenom: '"Léa"', classe: '1re AGOrA' },
    ];
    const { wb } = await ecrireEtRelire(eleves, 'classe');
    expect(wb.worksheets[0]!.name).toBe('Sommaire');
    const s = wb.getWorksheet('Sommaire')!;
    let h = 1;
    while (s.getCell(h, 1).value !== 'Élève') h++;
    const entete = (s.getRow(h).values as unknown[]).slice(1);
    expect(entete).toEqual(['Élève', 'Classe', 'PFMP 1', 'PFMP 2', 'PFMP 3', 'CCF E31', 'CCF E32', 'CCF E2', 'Récap. E31', 'Récap. E32', 'Attestation']);
    expect([s.getCell(h + 1, 1).value, s.getCell(h + 2, 1).value]).toEqual(['DUPONT Jean', 'O\'BRIEN "Léa"']);
    for (const [i, prefixe] of ['Eleve1_', 'Eleve2_'].map((p, i) => [i, p.replace(/(\d)/, '0$1')] as const)) {
      const attendues = [
        `${prefixe}PFMP1_Feuille`,
        `${prefixe}PFMP2_Feuille`,
        `${prefixe}PFMP3_Feuille`,
        `${prefixe}E31_Feuille`,
        `${prefixe}E32_Feuille`,
        `${prefixe}E2_Feuille`,
        `${prefixe}RecapE31_Feuille`,
        `${prefixe}RecapE32_Feuille`,
        `${prefixe}PFMP_Feuille`,
      ];
      const formules = attendues.map((_, j) => (s.getCell(h + 1 + i, 3 + j).value as ExcelJS.CellFormulaValue).formula);
      expect(formules).toEqual(attendues.map((a, j) => `HYPERLINK("#${a}","${entete[2 + j]}")`));
      // each anchor is the A1 of that student's grid
      for (const a of attendues) {
        const [cible] = cellulesDuNom(wb, a);
        expect([cible!.adresse, cible!.feuille.name.endsWith(i === 0 ? 'DUPONT Jean' : 'BRIEN "Léa"')]).toEqual(['A1', true]);
      }
    }
    const formules: string[] = [];
    s.eachRow((row) => row.eachCell((c) => void (c.formula && formules.push(c.formula))));
    expect(formules.join(' ')).not.toMatch(/DUPONT|BRIEN|Léa/);
  });

  test('feuilles par élève aux noms uniques (31 caractères au plus), noms définis préfixés par élève', async () => {
    const eleves = [
      { nom: 'Dupont', prenom: 'Jean', classe: '1re AGOrA' },
      { nom: 'Dupont', prenom: 'Jeanne', classe: '1re AGOrA' },
      { nom: 'De La Fontaine-Saint-Exupéry', prenom: 'Marie-Charlotte', classe: '1re AGOrA' },
    ];
    const { wb } = await ecrireEtRelire(eleves, 'classe');
    const noms = wb.worksheets.map((w) => w.name);
    expect(noms).toHaveLength(2 + 3 * 9 + 1); // « Sommaire », « Paramètres », 9 grids each, `_agora`
    expect(new Set(noms.map((n) => n.toLowerCase())).size).toBe(noms.length);
    for (const n of noms) expect(n.length).toBeLessThanOrEqual(31);
    expect(noms).toContain('E31 DUPONT Jean');
    expect(noms).toContain('E31 DUPONT Jeanne');
    expect(noms.filter((n) => n.startsWith('E31 DE LA FONTAINE'))).toHaveLength(1);
    expect(cellulesDuNom(wb, 'Eleve03_E31_Note')[0]!.feuille.name.startsWith('E31 DE LA FONTAINE')).toBe(true);
    expect(cellulesDuNom(wb, 'Eleve01_PFMP2_C2_2_4')[0]!.feuille.name).toBe('PFMP2 DUPONT Jean');
  });

  test('un nom qui ressemble à une formule reste du texte, partout', async () => {
    const eleves = [
      { nom: '=HYPERLINK("http://x","y")', prenom: '+33 6 12', classe: '@SUM(A1)' },
      { nom: '-1+1', prenom: 'Dupont & fils', classe: 'T' },
    ];
    const { wb } = await ecrireEtRelire(eleves, 'classe');
    const textes: unknown[] = [];
    const formules: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) formules.push(c.formula);
          else textes.push(c.value);
        }),
      ),
    );
    expect(textes).toContain('=HYPERLINK("HTTP://X","Y") +33 6 12'); // the name as shown (NOM Prénom), as text
    expect(textes).toContain('@SUM(A1)');
    expect(textes).toContain('=HYPERLINK("http://x","y")'); // in `_agora`, as typed
    expect(textes).toContain('-1+1');
    // Formulas only mention a student's name inside a quoted sheet reference ('…'!B9).
    for (const f of formules) expect(f.replace(/'(?:[^']|'')*'!/g, '')).not.toMatch(/http|SUM\(A1\)/i);
    for (const ws of wb.worksheets) expect(ws.name).not.toMatch(/[:\\/?*[\]]/);
    const pied = wb.worksheets.find((w) => w.name.startsWith('E31 -1+1'))!.headerFooter.oddFooter;
    expect(pied).toContain('-1+1 Dupont && fils'); // « & » doubled: not a header/footer code
  });
});
