import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ecrireExercice, ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { robustesseDesCopies, type Robustesse } from '../src/app/robustesse';
import { bitsPourNommer, changeeAuTour, entreeIgnoree, entreesDuCas, perturbation } from '../src/check/robustesse';
import { portsNode } from '../src/io/portsNode';
import { dossierTemporaire } from './aides/cli';

/**
 * Robustness: a copy's formulas put to a second case, recalculated by LibreOffice. The copies are
 * built as a student would in Excel: formulas with their results (what Excel saves).
 */

jest.setTimeout(300_000);
const DATE = '2026-11-23';
const d = dossierTemporaire('agora-robustesse-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

describe('nommer la donnée ignorée : deux tours par bit', () => {
  test('chaque donnée change dans exactement un tour de chaque paire ; ses tours faux l’écrivent en binaire', () => {
    const entrees = Array.from({ length: 5 }, (_, i) => ({ valeur: i + 1, cellules: [{ nom: 'X', ligne: i, colonne: 0, cellule: `Énoncé!D${i + 1}` }] }));
    const bits = bitsPourNommer(5);
    expect(bits).toBe(3);
    for (let i = 0; i < 5; i++) {
      for (let b = 0; b < bits; b++) expect(changeeAuTour(i, 2 * b) !== changeeAuTour(i, 2 * b + 1)).toBe(true);
      // a formula that ignores input i is wrong exactly in the rounds that change it
      const fausses = Array.from({ length: 2 * bits }, (_, t) => changeeAuTour(i, t));
      expect(entreeIgnoree(fausses, entrees)).toBe(entrees[i]);
    }
    // wrong in both rounds of a pair: more than one input, none named
    expect(entreeIgnoree([true, true, false, true, false, true], entrees)).toBeNull();
    // a round that could not be played
    expect(entreeIgnoree([true, false, null, true, false, true], entrees)).toBeNull();
    expect(bitsPourNommer(1)).toBe(1);
    expect(entreeIgnoree([false, true], entrees.slice(0, 1))).toBe(entrees[0]);
  });

  test('le second cas : les nombres égaux bougent ensemble, un entier de 1 ou 2, un décimal de 3 à 12 %, le signe gardé ; le même à chaque vérification', () => {
    const plage = () => ({
      feuille: 'Énoncé',
      haut: 5,
      gauche: 4,
      valeurs: [
        [8, 62.2, 20],
        [27, 18.35, 20],
        [-3, 0, 'texte'],
      ],
    });
    const entrees = entreesDuCas(['FAC'], plage);
    expect(entrees.map((e) => [e.valeur, e.cellules.map((c) => c.cellule)])).toEqual([
      [8, ['Énoncé!D5']],
      [62.2, ['Énoncé!E5']],
      [20, ['Énoncé!F5', 'Énoncé!F6']],
      [27, ['Énoncé!D6']],
      [18.35, ['Énoncé!E6']],
      [-3, ['Énoncé!D7']],
    ]);
    const v = perturbation(entrees, 0);
    expect(v).toEqual(perturbation(entrees, 0));
    entrees.forEach((e, i) => {
      if (Number.isInteger(e.valeur)) expect([1, 2]).toContain(Math.abs(v[i]! - e.valeur));
      else expect(v[i]! / e.valeur).toBeGreaterThanOrEqual(1.03 - 0.005);
      expect(Math.sign(v[i]!)).toBe(Math.sign(e.valeur));
    });
  });
});

/** The facture of case 5 (no aléa), its answers written as formulas a student would type, the rate of TVA as `taux`. */
async function factureEnFormules(taux: (ligneEnonce: number) => string) {
  const f = fichier('facture.xlsx');
  await ecrireExercice({ type: 'facture', graine: 5, periode: '2026-03', date: DATE, aleas: [] }, eleve, f);
  const a = attendusDesReponses(await ouvrirExercice(f));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ou = (nom: string) => {
    const [feuille, plage] = wb.definedNames.getRanges(nom).ranges[0]!.split('!') as [string, string];
    const [debut] = plage.replace(/\$/g, '').split(':') as [string];
    return { ws: wb.getWorksheet(feuille.replace(/^'|'$/g, ''))!, ligne: Number(/\d+/.exec(debut)![0]), colonne: /[A-Z]+/.exec(debut)![0] };
  };
  const commande = ou('FAC_Commande'); // Référence, Désignation (2), Quantité, Prix, Remise %, Taux
  const lignes = ou('FAC_Lignes_Montants'); // brut, remise, net
  const montants = a.FAC_Lignes_Montants as number[][];
  const E = "'Énoncé'";
  montants.forEach((m, i) => {
    const [r, t] = [commande.ligne + i, lignes.ligne + i];
    lignes.ws.getCell(`C${t}`).value = { formula: `ROUND(${E}!D${r}*${E}!E${r},2)`, result: m[0] };
    lignes.ws.getCell(`D${t}`).value = { formula: `ROUND(C${t}*${E}!F${r}/100,2)`, result: m[1] };
    lignes.ws.getCell(`E${t}`).value = { formula: `C${t}-D${t}`, result: m[2] };
  });
  const pied = ou('FAC_Pied'); // total net des lignes, base, TVA
  const p = (a.FAC_Pied as unknown[]).flat() as number[]; // one column: a single rate of TVA
  const [l0, ln] = [lignes.ligne, lignes.ligne + montants.length - 1];
  pied.ws.getCell(`C${pied.ligne}`).value = { formula: `SUM(E${l0}:E${ln})`, result: p[0] };
  pied.ws.getCell(`C${pied.ligne + 1}`).value = { formula: `C${pied.ligne}`, result: p[1] };
  pied.ws.getCell(`C${pied.ligne + 2}`).value = { formula: `ROUND(C${pied.ligne + 1}*${taux(commande.ligne)},2)`, result: p[2] };
  const cellule = (nom: string) => `${ou(nom).colonne}${ou(nom).ligne}`;
  pied.ws.getCell(cellule('FAC_Total_HT')).value = { formula: `C${pied.ligne + 1}`, result: a.FAC_Total_HT as number };
  pied.ws.getCell(cellule('FAC_Total_TVA')).value = { formula: `C${pied.ligne + 2}`, result: a.FAC_Total_TVA as number };
  pied.ws.getCell(cellule('FAC_Net_A_Payer')).value = { formula: `${cellule('FAC_Total_HT')}+${cellule('FAC_Total_TVA')}`, result: a.FAC_Net_A_Payer as number };
  const copie = fichier('copie.xlsx');
  writeFileSync(copie, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return { copie, pied, cellule };
}

describe('la robustesse vérifiée avec LibreOffice', () => {
  test('facture faite de formules justes : toutes suivent les données du second cas', async () => {
    const { copie } = await factureEnFormules((l) => `'Énoncé'!G${l}/100`);
    const avant = readFileSync(copie);
    const v = await verifierCopie(copie, { date: DATE });
    // the second case went into temporary copies: the student's file is the same, byte for byte
    expect(readFileSync(copie).equals(avant)).toBe(true);
    expect(v.resultat.controles.every((c) => c.statut === 'juste')).toBe(true);
    const t = v.rapport.tableur!;
    expect(t.remarques).toEqual([]);
    expect(t.formules).toBe(t.attendues);
    expect(t.robustesse!.avis).toBeNull();
    expect(t.robustesse!.nonSuivies).toBe(0);
    // 5 gross amounts, the 3 remises of the lines that have one (8 %, 8 %, 5 %: a remise of 0 stays 0
    // in the second case, nothing to tell), 5 nets, 3 of the foot, 3 totals
    expect(t.robustesse!.verifiees).toBe(5 + 3 + 5 + 3 + 3);
  });

  test('facture au taux de TVA tapé (0,2) : la TVA du pied, le total de la TVA et le net à payer ne suivent pas le taux, nommé', async () => {
    const { copie, pied, cellule } = await factureEnFormules(() => '0.2');
    const ports = portsNode();
    const octets = await ports.classeurs.octets(copie);
    const x = await ouvrirExercice(copie, false);
    const [r] = (await robustesseDesCopies([{ x, octets }], ports.classeurs)) as [Robustesse];
    expect(r.avis).toBeNull();
    expect([...r.nonSuivies.keys()].sort()).toEqual([`Travail!C${pied.ligne + 2}`, `Travail!${cellule('FAC_Total_TVA')}`, `Travail!${cellule('FAC_Net_A_Payer')}`].sort());
    // the foot's TVA ignores the rate (the five lines' 20 %, one number: its first cells named); the totals start from it
    const [c16, tva, net] = [`Travail!C${pied.ligne + 2}`, `Travail!${cellule('FAC_Total_TVA')}`, `Travail!${cellule('FAC_Net_A_Payer')}`];
    expect(r.nonSuivies.get(c16)).toMatch(
      /^Travail!C\d+ : votre formule ne suit pas les données « Articles livrés, ligne 1, colonne « Taux de TVA » » \(Énoncé!G\d+\) et « Articles livrés, ligne 2, colonne « Taux de TVA » » \(Énoncé!G\d+\) et les autres cellules de même valeur : /,
    );
    expect(r.nonSuivies.get(tva)).toBe(`${tva} : le résultat ne suit pas les données parce que la formule part de ${c16}, qui ne les suit pas : corrigez d\u2019abord cette cellule.`);
    expect(r.nonSuivies.get(net)).toBe(`${net} : le résultat ne suit pas les données parce que la formule part de ${tva}, qui ne les suit pas : corrigez d\u2019abord cette cellule.`);
    // in the report: the foot's TVA is first a typed datum; the totals, formulas that do not follow the data
    const v = await verifierCopie(copie, { date: DATE });
    const facons = v.resultat.controles.flatMap((c) => c.tableur?.remarques.map((m) => m.facon) ?? []);
    expect(facons.sort()).toEqual(['constante', 'ne_suit_pas', 'ne_suit_pas']);
    expect(v.rapport.tableur!.robustesse).toEqual({ verifiees: 19, nonSuivies: 3, avis: null });
  });

  test('plusieurs copies : leurs formules mises à l’épreuve par un seul lancement de LibreOffice ; une copie que LibreOffice refuse ne gâte pas les autres', async () => {
    const [juste, taux] = [await factureEnFormules((l) => `'Énoncé'!G${l}/100`), await factureEnFormules(() => '0.2')];
    const ports = portsNode();
    const items = await Promise.all([juste.copie, taux.copie].map(async (f) => ({ x: await ouvrirExercice(f, false), octets: await ports.classeurs.octets(f) })));
    const appels: number[] = [];
    const recalcul = { ...ports.classeurs.recalcul!, recalculer: async (c: readonly Uint8Array[]) => (appels.push(c.length), ports.classeurs.recalcul!.recalculer(c)) };
    const [a, b] = (await robustesseDesCopies(items, { ...ports.classeurs, recalcul })) as Robustesse[];
    expect(appels.length).toBe(1);
    expect([a!.nonSuivies.size, b!.nonSuivies.size, a!.avis, b!.avis]).toEqual([0, 3, null, null]);
    // an engine that refuses the second copy: the call of both fails, then they are played one by one and only the second fails
    let n = 0;
    const capricieux = {
      ...ports.classeurs.recalcul!,
      recalculer: async (c: readonly Uint8Array[]) => {
        if (++n !== 2) throw new Error('LibreOffice n’a pas pu recalculer la copie (code 1) ; la robustesse des formules n’a pas été vérifiée.');
        return ports.classeurs.recalcul!.recalculer(c);
      },
    };
    const [c, d] = (await robustesseDesCopies(items, { ...ports.classeurs, recalcul: capricieux })) as Robustesse[];
    expect([c!.nonSuivies.size, c!.avis]).toEqual([0, null]);
    expect(d!.avis).toMatch(/^LibreOffice n’a pas pu recalculer la copie/);
    expect(n).toBe(3);
  });

  test('les valeurs tapées n’ont rien à mettre à l’épreuve : LibreOffice n’est pas lancé', async () => {
    const f = fichier('tva.xlsx');
    await ecrireExercice({ type: 'tva', graine: 5, periode: '2026-03', date: DATE, aleas: [] }, eleve, f);
    const ports = portsNode();
    let lance = false;
    const recalcul = { ...ports.classeurs.recalcul!, recalculer: async (c: readonly Uint8Array[]) => ((lance = true), ports.classeurs.recalcul!.recalculer(c)) };
    const x = await ouvrirExercice(f, false);
    expect(await robustesseDesCopies([{ x, octets: await ports.classeurs.octets(f) }], { ...ports.classeurs, recalcul })).toEqual([null]);
    expect(lance).toBe(false);
  });

  test('sans LibreOffice : la vérification des valeurs a lieu, un avis en français le dit', async () => {
    const { copie } = await factureEnFormules((l) => `'Énoncé'!G${l}/100`);
    const ancien = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const v = await verifierCopie(copie, { date: DATE });
      expect(v.resultat.controles.every((c) => c.statut === 'juste')).toBe(true);
      expect(v.rapport.tableur!.robustesse!.avis).toMatch(/^LibreOffice n’est pas installé sur ce poste : la robustesse des formules/);
    } finally {
      process.env.PATH = ancien;
    }
  });
});

describe('le second cas ne fait rien sortir du classeur', () => {
  test('avant le recalcul, une formule externe (WEBSERVICE, lien DDE) devient sa dernière valeur ; les nombres changés sont des nombres', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Travail');
    ws.getCell('A1').value = { formula: 'WEBSERVICE("http://exemple.invalid/x")', result: 12 };
    ws.getCell('A2').value = { formula: "cmd|'/c calc'!A0", result: 3 };
    ws.getCell('A3').value = { formula: 'A1*2', result: 24 };
    ws.getCell('B1').value = 5;
    const octets = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const sortie = await portsNode().classeurs.recalcul!.changer(octets, [{ feuille: 'Travail', adresse: 'B1', valeur: 6.5 }]);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.load(sortie as unknown as ArrayBuffer);
    const t = lu.getWorksheet('Travail')!;
    expect([t.getCell('A1').value, t.getCell('A2').value, t.getCell('A3').formula, t.getCell('B1').value]).toEqual([12, 3, 'A1*2', 6.5]);
  });
});
