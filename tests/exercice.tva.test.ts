import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type DemandeExercice } from '../src/app/exercices';
import { corrigerClasseur, ecrireExercice } from '../src/cli/casDUsage';
import { casTva } from '../src/exercices/tva/cas';
import { EntreeCa3 } from '../src/exercices/tva/entree';
import { taxe } from '../src/domain/monnaie';
import { valider } from '../src/domain/validation';
import { cellulesDuNom, nomsDefinis, resultat } from './aides/classeurs';
import { dossierTemporaire, lancer } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

const demande: DemandeExercice = { type: 'tva', graine: 42, aleas: ['encaissement', 'intracommunautaire'], periode: '2026-03', date: '2026-11-23' };
const eleve = { nom: 'Martin', prenom: 'Léa', classe: '1re AGOrA' };
const lire = async (f: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
};
const valeurDuNom = (wb: ExcelJS.Workbook, nom: string) => cellulesDuNom(wb, nom).map((c) => resultat(c.feuille.getCell(c.adresse)));

describe('exercice TVA : classeur de l\u2019élève', () => {
  const d = dossierTemporaire('agora-tva-');
  const fichier = path.join(d, 'tva.xlsx');
  const corrige = path.join(d, 'corrige.xlsx');
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    await ecrireExercice(demande, eleve, fichier, corrige);
    wb = await lire(fichier);
  });

  test('feuilles Énoncé, Travail, Paramètres et _agora très masquée ; rien d\u2019autre', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Énoncé', 'visible'],
      ['Travail', 'visible'],
      ['Paramètres', 'visible'],
      ['_agora', 'veryHidden'],
    ]);
  });

  test('chaque réponse a son nom défini, vide et déverrouillée ; énoncé et libellés verrouillés', () => {
    const noms = nomsDefinis(wb);
    for (const n of [
      'TVA_A1',
      'TVA_B2',
      'TVA_L08_Base',
      'TVA_L08',
      'TVA_T6',
      'TVA_L16',
      'TVA_L17',
      'TVA_L19',
      'TVA_L20',
      'TVA_L23',
      'TVA_L25',
      'TVA_TD',
      'TVA_L28',
      'TVA_L32',
      'TVA_Retenues',
      'TVA_Factures',
      'TVA_Periode',
      'TVA_Taux',
    ])
      expect(noms).toContain(n);
    for (const n of noms.filter((x) => /^TVA_(L|A|B|E|F|T)[0-9A-Z]*(_Base)?$/.test(x) || x === 'TVA_Retenues'))
      for (const c of cellulesDuNom(wb, n)) {
        const cell = c.feuille.getCell(c.adresse);
        expect([n, c.feuille.name, cell.value ?? null, cell.protection?.locked]).toEqual([n, 'Travail', null, false]);
      }
    const enonce = wb.getWorksheet('Énoncé')!;
    expect(enonce.getCell(cellulesDuNom(wb, 'TVA_Factures')[0]!.adresse).protection?.locked).not.toBe(false);
  });

  test('le corrigé n\u2019est pas dans le classeur de l\u2019élève', async () => {
    const attendus = (await corrigerClasseur(fichier)).reponses;
    const travail = wb.getWorksheet('Travail')!;
    const nombres: number[] = [];
    travail.eachRow((r) => r.eachCell((c) => typeof c.value === 'number' && nombres.push(c.value)));
    expect(nombres).toEqual([]); // no amount at all on the answer sheet
    expect(Object.values(attendus).some((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  test('agora corrige relit l\u2019énoncé par les noms : mêmes réponses que le calculateur, énoncé intact', async () => {
    const c = await corrigerClasseur(fichier);
    expect(c.modele).toBe('exercice-tva-ca3');
    expect(c.enonceModifie).toEqual([]);
    const cas = valider(EntreeCa3, casTva(c.graine!, '2026-03', ['encaissement', 'intracommunautaire']), 'cas');
    expect((c.reponses.TVA_Retenues as string[]).length).toBe(cas.operations.length);
    expect(c.reponses.TVA_Retenues).toContain('Non'); // the service not yet paid
    expect(c.reponses.TVA_B2).toBeGreaterThan(0);
  });

  test('le classeur corrigé contient les réponses attendues aux mêmes noms', async () => {
    const cw = await lire(corrige);
    expect(cw.worksheets.map((w) => w.name)).toEqual(['Énoncé', 'Corrigé', 'Justification', 'Paramètres', '_agora']);
    const c = await corrigerClasseur(fichier);
    for (const [nom, v] of Object.entries(c.reponses)) expect(valeurDuNom(cw, nom)).toEqual(Array.isArray(v) ? v : [v]);
    // The corrigé says its green cells are the answers, and the justification says how each line is obtained.
    expect(String(cw.getWorksheet('Corrigé')!.getCell('A2').value)).toMatch(/Les cellules vertes donnent les réponses attendues/);
    const j = cw.getWorksheet('Justification')!;
    const lignes = new Map<string, string>();
    j.eachRow((row) => lignes.set(String(row.getCell(1).value), String(row.getCell(3).value)));
    const euros = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)}\u00a0€`;
    const b2 = c.reponses.TVA_B2 as number;
    const cas = valider(EntreeCa3, casTva(c.graine!, '2026-03', ['encaissement', 'intracommunautaire']), 'cas');
    expect(lignes.get('B2')).toBe(`Total hors taxes : ${euros(b2)} (pièce ${cas.operations.find((o) => o.zone === 'ue' && o.sens === 'achat')!.piece}).`);
    expect(lignes.get('08')).toMatch(
      new RegExp(
        `^Base hors taxes : ${euros(c.reponses.TVA_L08_Base as number)} \\(pièces? .+\\), au taux de 20\u00a0% ; TVA de chaque pièce calculée au centime, total arrondi à l'euro : ${euros(c.reponses.TVA_L08 as number)}\\.$`,
      ),
    );
    expect(lignes.get('16')).toMatch(/^Somme des taxes dues : ligne 08 \(/);
    expect(lignes.get('23')).toMatch(/^Total de la TVA déductible : .*ligne 20 \(.*\) = /);
    expect([...lignes.values()].join(' ')).not.toMatch(/base \d+ — taxe \d+/); // no raw numbers left
  });

  test('énoncé modifié : le bloc changé est signalé ; seuil modifié dans « Paramètres » : le corrigé le suit ; taux absent des paramètres : refusé', async () => {
    const w = await lire(fichier);
    const ht = cellulesDuNom(w, 'TVA_Factures')[7]!; // first row, « Montant HT »
    const cell = ht.feuille.getCell(ht.adresse);
    cell.value = (cell.value as number) + 100;
    const modifie = path.join(d, 'modifie.xlsx');
    await w.xlsx.writeFile(modifie);
    expect((await corrigerClasseur(modifie)).enonceModifie).toEqual(['TVA_Factures']);

    // The teacher lowers the refund threshold: the same credit is now refunded (line 26).
    const credit = path.join(d, 'credit.xlsx');
    await ecrireExercice({ ...demande, aleas: ['credit'] }, eleve, credit);
    const avant = await corrigerClasseur(credit);
    expect([avant.reponses.TVA_L25, avant.reponses.TVA_L26]).toEqual([avant.reponses.TVA_L27, 0]);
    const w2 = await lire(credit);
    const seuil = cellulesDuNom(w2, 'TVA_Seuil_Remboursement')[0]!;
    w2.getWorksheet('Paramètres')!.getCell(seuil.adresse).value = 0;
    cellulesDuNom(w2, 'TVA_Demande_Remboursement').forEach((c) => (c.feuille.getCell(c.adresse).value = 'Oui'));
    const p = path.join(d, 'seuil.xlsx');
    await w2.xlsx.writeFile(p);
    const apres = await corrigerClasseur(p);
    expect(apres.enonceModifie).toEqual(['TVA_Situation', 'Paramètres']);
    expect([apres.reponses.TVA_L26, apres.reponses.TVA_L27]).toEqual([avant.reponses.TVA_L25, 0]);

    // A rate that is not in « Paramètres » is refused with the pieces and the sheet's rates named.
    const w3 = await lire(fichier);
    w3.getWorksheet('Paramètres')!.getCell(cellulesDuNom(w3, 'TVA_Taux')[2]!.adresse).value = 19.6;
    const t = path.join(d, 'taux.xlsx');
    await w3.xlsx.writeFile(t);
    await expect(corrigerClasseur(t)).rejects.toThrow(/taux de TVA inconnu 20 % \(taux possibles : 19,6 %, 5,5 %, 10 %, 2,1 %\)/);
  });

  test('LibreOffice recalcule la TVA et le TTC des factures comme le cœur (au centime)', () => {
    const recalcule = convertirAvecLibreOffice(fichier, 'xlsx');
    return lire(recalcule).then((w) => {
      const cellules = cellulesDuNom(w, 'TVA_Factures');
      const largeur = 13;
      const lignes = cellules.length / largeur;
      expect(lignes).toBeGreaterThan(5);
      for (let i = 0; i < lignes; i++) {
        const v = (k: number) => resultat(cellules[i * largeur + k]!.feuille.getCell(cellules[i * largeur + k]!.adresse));
        const [ht, taux, zone, tva, ttc] = [v(7) as number, v(8) as number, v(6), v(9), v(10)];
        const attendu = zone === 'France' ? taxe(Math.round(ht * 100), taux) / 100 : 0;
        expect([i, tva]).toEqual([i, attendu]);
        expect([i, ttc]).toEqual([i, Math.round((ht + attendu) * 100) / 100]);
      }
    });
  });
});

describe('agora exercice / agora corrige', () => {
  test('même graine, même cas ; --donnees : le cas de l\u2019enseignant ; erreurs en français', async () => {
    const d = dossierTemporaire('agora-tva-cli-');
    const a = await lancer(['exercice', 'tva', '--graine', '7', '--periode', '2026-03', '--aleas', 'credit', '--out', path.join(d, 'a.xlsx'), '--json']);
    const b = await lancer(['exercice', 'tva', '--graine', '7', '--periode', '2026-03', '--aleas', 'credit', '--out', path.join(d, 'b.xlsx'), '--json']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(b.out).graine).toBe(JSON.parse(a.out).graine);
    const ca = await lancer(['corrige', path.join(d, 'a.xlsx'), '--json']);
    const cb = await lancer(['corrige', path.join(d, 'b.xlsx'), '--json']);
    expect(JSON.parse(ca.out).reponses).toEqual(JSON.parse(cb.out).reponses);
    expect(JSON.parse(ca.out).reponses.TVA_L25).toBeGreaterThan(0);
    expect(JSON.parse(a.out).aleas).toEqual(['credit']);

    const cas = path.join(d, 'cas.json');
    writeFileSync(
      cas,
      JSON.stringify({
        periode: '2026-03',
        operations: [{ piece: 'F1', sens: 'vente', date: '2026-03-02', tiers: '=HYPERLINK("x")', libelle: 'L', nature: 'bien', zone: 'france', ht: 1000, taux: 20 }],
      }),
    );
    const p = await lancer(['exercice', 'tva', '--donnees', cas, '--out', path.join(d, 'p.xlsx')]);
    expect(p.code).toBe(0);
    const cp = JSON.parse((await lancer(['corrige', path.join(d, 'p.xlsx'), '--json'])).out);
    expect([cp.graine, cp.reponses.TVA_L08, cp.reponses.TVA_L28]).toEqual([null, 200, 200]);
    const w = await lire(path.join(d, 'p.xlsx'));
    expect(valeurDuNom(w, 'TVA_Factures')[3]).toBe('=HYPERLINK("x")'); // text, not a formula

    expect((await lancer(['exercice', 'tva', '--aleas', 'tempete', '--out', path.join(d, 'x.xlsx')])).err).toMatch(/Aléa inconnu pour l\u2019exercice tva : « tempete »/);
    expect((await lancer(['exercice', 'bilan', '--out', path.join(d, 'x.xlsx')])).code).toBe(2);
    const pasExercice = await lancer(['corrige', cas]);
    expect([pasExercice.code, pasExercice.err]).toEqual([1, `Erreur : « ${cas} » n'est pas un classeur Excel (.xlsx).\n`]);
  });
});
