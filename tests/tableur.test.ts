import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ecrireExercice, ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { constantesDuCas, reponsesDuCas, type Attendus } from '../src/sheets/exercices/commun';
import { paquetExercice, TYPES_EXERCICE, type TypeExercice } from '../src/exercices/registre';
import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { constantesTapees, donneesDe, lireFormule } from '../src/check/tableur';
import { NOM_TABLEUR } from '../src/check/verification';
import { dossierTemporaire, lancer } from './aides/cli';
import { cleDesTests } from './aides/cle';
import { champsSuivi, COLONNES_SUIVI, FEUILLE_SUIVI } from '../src/sheets/verification/suivi';
import { reglagesSaisis } from '../src/sheets/exercices/reglages';
import { modeleDExercice, exerciceDuClasseur } from '../src/app/exercices';
import { verifierExercice } from '../src/app/verification';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { remplirMemoire } from './aides/remplirMemoire';

const DATE = '2026-11-23';
const d = dossierTemporaire('agora-tableur-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

async function exercice(type: TypeExercice, demande: Record<string, unknown> = {}) {
  const f = fichier(`${type}.xlsx`);
  await ecrireExercice({ type, graine: 5, periode: '2026-03', date: DATE, ...demande }, eleve, f);
  const x = await ouvrirExercice(f);
  return { f, x, attendus: attendusDesReponses(x) };
}

async function remplir(source: string, valeurs: Attendus): Promise<string> {
  const f = fichier('copie.xlsx');
  writeFileSync(f, await remplirClasseur(source, valeurs));
  return f;
}

describe('la formule lue : références et constantes tapées', () => {
  test.each([
    ['=1200*0.2', 0, [1200, 0.2]],
    ['=ROUND(B5*Paramètres!C7/100,2)', 2, [100, 2]],
    ['=B5*20%', 1, [0.2]],
    ["=SUM('Énoncé'!C5:C9)*TVA_Taux", 2, []],
    ['=-B5', 1, []],
    ['=IF(B5>A2,"Oui","Non 12")', 2, []],
  ] as const)('%s : %d référence(s), constantes %j', (f, references, constantes) => {
    expect(lireFormule(f)).toEqual({ references, constantes });
  });

  test('une constante tapée est rattachée à la donnée dont elle vient : la valeur, le taux en fraction, le coefficient', () => {
    const donnees = [
      { valeur: 1200, adresse: 'Énoncé!D12' },
      { valeur: 20, adresse: 'Paramètres!C6' },
    ];
    const ou = (c: number) => donneesDe(c, donnees).map((x) => x.adresse);
    expect(ou(1200)).toEqual(['Énoncé!D12']);
    expect(ou(0.2)).toEqual(['Paramètres!C6']);
    expect(ou(1.2)).toEqual(['Paramètres!C6']);
    expect(ou(0.8)).toEqual(['Paramètres!C6']);
    expect(ou(-1200)).toEqual(['Énoncé!D12']);
    expect(ou(3.5)).toEqual([]);
    // the same number in two cells: both are named, the student knows which one the calculation takes
    expect(donneesDe(0.2, [...donnees, { valeur: 20, adresse: 'Énoncé!G27' }]).map((x) => x.adresse)).toEqual(['Paramètres!C6', 'Énoncé!G27']);
  });
});

describe('« Feuille de calcul » : comment l’élève a fait chaque réponse', () => {
  test.each(TYPES_EXERCICE)('%s : les valeurs du corrigé tapées gardent leurs verdicts, et chaque calcul est « valeur tapée »', async (type) => {
    const { f, x, attendus } = await exercice(type);
    const v = await verifierCopie(await remplir(f, attendus), { date: DATE });
    expect(v.resultat.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)).toEqual([]);
    const reponses = reponsesDuCas(x.spec, x.entree, x.parametres, x.spec.attendus(x.entree, x.parametres));
    for (const c of v.resultat.controles) {
      const r = reponses.find((y) => y.nom === c.nom)!;
      const t = c.tableur!;
      // every remark is a typed value, and every counted cell has one
      expect([c.nom, t.formules, t.remarques.every((m) => m.facon === 'valeur'), t.remarques.length]).toEqual([c.nom, 0, true, t.attendues]);
      if (r.fait === 'saisi') expect([c.nom, t.attendues]).toEqual([c.nom, 0]);
    }
    // a calculation is expected somewhere in every exercise but the payslip anomalies (Oui / Non)
    const calculs = v.resultat.tableur!.attendues;
    if (type === 'paie-anomalies') expect(calculs).toBe(0);
    else expect(calculs).toBeGreaterThan(0);
    expect(v.rapport.competences.every((k) => k.critere !== 'Efficacité dans l\u2019utilisation d\u2019un tableur')).toBe(true);
  });
});

/** A copy whose answers are typed, except `formules`: a formula with its cached result (as Excel saves it), or an error. */
async function avecFormules(source: string, valeurs: Attendus, formules: Record<string, { formula: string; result: unknown }>): Promise<string> {
  return remplir(source, { ...valeurs, ...(formules as unknown as Attendus) });
}

describe('formules, données tapées, valeurs d’erreur : lues dans le fichier', () => {
  test('TVA : une formule juste, un taux tapé (0,2), une formule sans référence, #DIV/0! — chacune dite sur sa cellule, la valeur toujours jugée', async () => {
    const { f, attendus: a } = await exercice('tva', { aleas: [] });
    expect(a.TVA_L08).toBeGreaterThan(0);
    const copie = await avecFormules(f, a, {
      TVA_L08: { formula: 'TVA_L08_Base*0.2', result: a.TVA_L08 },
      TVA_L16: { formula: 'SUM(TVA_L08,TVA_L09,TVA_L9B,TVA_T6)', result: a.TVA_L16 },
      TVA_L23: { formula: String(a.TVA_L23), result: a.TVA_L23 },
      TVA_L32: { formula: 'TVA_L28/0', result: { error: '#DIV/0!' } },
    });
    // the formulas as they are written (the second case is robustesse.test.ts's)
    const v = await verifierCopie(copie, { date: DATE, sansRobustesse: true });
    const par = Object.fromEntries(v.resultat.controles.map((c) => [c.nom, c]));
    // values: right where the cached result is right; the error is no amount
    expect([par.TVA_L08!.statut, par.TVA_L16!.statut, par.TVA_L23!.statut, par.TVA_L32!.statut]).toEqual(['juste', 'juste', 'juste', 'illisible']);
    const l08 = par.TVA_L08!.tableur!;
    expect([l08.attendues, l08.formules, l08.remarques.map((m) => m.facon)]).toEqual([1, 0, ['constante']]);
    // the 20 % of the case is in the énoncé's pieces and in « Paramètres »: the note names the cell to refer to
    expect(l08.remarques[0]!.texte).toMatch(/^Travail!E\d+ : 0,2 est tapé dans la formule ; faites référence à la cellule (qui donne cette valeur )?(Énoncé|Paramètres)![A-Z]+\d+/);
    expect(par.TVA_L16!.tableur).toEqual({ attendues: 1, formules: 1, remarques: [] });
    expect(par.TVA_L23!.tableur!.remarques.map((m) => m.facon)).toEqual(['sans_reference']);
    expect(par.TVA_L32!.tableur!.remarques[0]!.texte).toMatch(/^Travail!E\d+ : valeur d’erreur #DIV\/0! ; /);
    // the report and « Résultats » say it; the copy's notes carry each remark on its cell
    expect(v.rapport.tableur).toMatchObject({ critere: null });
    expect(v.rapport.tableur!.formules).toBe(1);
  });

  test('une formule partagée (recopiée vers la droite, enregistrée une fois par Excel) est lue dans chaque cellule, traduite', async () => {
    // case 4 (mars–juin 2026): TVA to pay every month (894, 1 020, 728 and 1 534 €)
    const { f, attendus: a } = await exercice('tresorerie', { aleas: [], graine: 4 });
    expect(a.TRE_TVA_A_Decaisser).toEqual([894, 1020, 728, 1534]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await remplir(f, a));
    const nom = wb.definedNames.getRanges('TRE_TVA_A_Decaisser').ranges[0]!; // « 'Travail'!$B$10:$E$10 »
    const [feuille, plage] = nom.split('!');
    const ws = wb.getWorksheet(feuille!.replace(/^'|'$/g, ''))!;
    const [debut, fin] = plage!.replace(/\$/g, '').split(':') as [string, string];
    const ligne = Number(/\d+/.exec(debut)![0]);
    const colonnes = ['B', 'C', 'D', 'E'].slice(0, (a.TRE_TVA_A_Decaisser as number[]).length);
    expect(fin).toBe(`${colonnes.at(-1)}${ligne}`);
    const valeurs = a.TRE_TVA_A_Decaisser as number[];
    // collectée − déductibles − crédit antérieur, rows above, at least 0
    const formule = `MAX(0,B${ligne - 4}-B${ligne - 3}-B${ligne - 2}-B${ligne - 1})`;
    colonnes.forEach((c, j) => {
      // exceljs's own way of writing a shared formula: the first cell with its range, the others pointing to it
      ws.getCell(`${c}${ligne}`).value = (j === 0
        ? { formula: formule, result: valeurs[0], shareType: 'shared', ref: `B${ligne}:${colonnes.at(-1)}${ligne}` }
        : { sharedFormula: `B${ligne}`, result: valeurs[j] }) as unknown as ExcelJS.CellValue;
    });
    const copie = fichier('partagee.xlsx');
    await wb.xlsx.writeFile(copie);
    const x = await ouvrirExercice(copie);
    const p = x.classeur.plage('TRE_TVA_A_Decaisser')!;
    expect(p.formules![0]).toEqual(colonnes.map((c) => `=MAX(0,${c}${ligne - 4}-${c}${ligne - 3}-${c}${ligne - 2}-${c}${ligne - 1})`));
    const v = await verifierCopie(copie, { date: DATE, sansRobustesse: true });
    const c = v.resultat.controles.find((k) => k.nom === 'TRE_TVA_A_Decaisser')!;
    expect(c.statut).toBe('juste');
    expect(c.tableur).toEqual({ attendues: 4, formules: 4, remarques: [] });
  });
});

describe('le critère « Efficacité dans l’utilisation d’un tableur » (3.2.3, frais)', () => {
  test('l’enseignant le choisit : les valeurs tapées comptent faux dans ce critère, et lui seul ; sans ce choix, rien ne change au degré', async () => {
    const avec = await exercice('frais', { aleas: [], reglages: reglagesSaisis({ montrerAttendus: false, tableur: true }) });
    const v = await verifierCopie(await remplir(avec.f, avec.attendus), { date: DATE });
    const tableur = v.resultat.controles.find((c) => c.nom === NOM_TABLEUR)!;
    expect([tableur.competence, tableur.critere, tableur.reussis, tableur.points]).toEqual([
      '3.2.3',
      'Efficacité dans l\u2019utilisation d\u2019un tableur'.replace(/\u2019/g, "'"),
      0,
      v.resultat.tableur!.attendues,
    ]);
    const critere = v.rapport.competences.find((k) => k.critere === tableur.critere)!;
    expect([critere.taux, critere.niveau?.code]).toEqual([0, 1]);
    // every value right: the critère of the exercise stays at 100 %
    expect(v.rapport.competences.find((k) => k.critere === avec.x.spec.gabarit.critere)!.taux).toBe(1);
    expect(v.rapport.tableur!.critere).toBe(tableur.critere);

    const sans = await exercice('frais', { aleas: [] });
    const w = await verifierCopie(await remplir(sans.f, sans.attendus), { date: DATE });
    expect(w.resultat.controles.some((c) => c.nom === NOM_TABLEUR)).toBe(false);
    expect(w.rapport.competences.map((k) => k.taux)).toEqual([1]);
    expect(w.rapport.tableur).toMatchObject({ formules: 0, critere: null });
  });
});

describe('dans le classeur ouvert (volet) : les formules lues par Office.js', () => {
  test('TVA insérée par Office.js : une formule avec un taux tapé, une formule juste ; 2 synchronisations, les mêmes remarques que sur le fichier', async () => {
    const demande = { type: 'tva' as const, graine: 5, periode: '2026-03', date: DATE, aleas: [] };
    const c = ClasseurMemoire.nouveau();
    const ctx = new ContexteMemoire(c, { api: '1.8' });
    await insererClasseur(ctx as unknown as Excel.RequestContext, modeleDExercice(demande, eleve).classeur, (v) => ctx.prend(v));
    const { f, attendus: a } = await exercice('tva', { aleas: [] });
    remplirMemoire(c, a);
    // what Excel holds once it has computed: the formula and its result
    const formule = (nom: string, texte: string) => {
      const cible = c.cibleDuNom(nom)!;
      Object.assign(c.cellule(c.feuille(cible.feuille)!, cible.z.haut, cible.z.gauche), { formule: texte });
    };
    formule('TVA_L08', '=TVA_L08_Base*0.2');
    formule('TVA_L16', '=SUM(TVA_L08,TVA_L09,TVA_L9B,TVA_T6)');
    const lecteur = new ContexteMemoire(c, { api: '1.8' });
    const lu = await lireClasseurOuvert(lecteur as unknown as Excel.RequestContext, {}, (v) => lecteur.prend(v));
    expect(lecteur.syncs).toBe(2);
    expect([lu.classeur.plage('TVA_L08')!.formules, lu.classeur.plage('TVA_L16')!.formules]).toEqual([[['=TVA_L08_Base*0.2']], [['=SUM(TVA_L08,TVA_L09,TVA_L9B,TVA_T6)']]]);
    const v = verifierExercice(exerciceDuClasseur(lu.classeur, lu.nom, false), { date: DATE });
    const fichierCopie = await avecFormules(f, a, {
      TVA_L08: { formula: 'TVA_L08_Base*0.2', result: a.TVA_L08 },
      TVA_L16: { formula: 'SUM(TVA_L08,TVA_L09,TVA_L9B,TVA_T6)', result: a.TVA_L16 },
    });
    const w = await verifierCopie(fichierCopie, { date: DATE, sansRobustesse: true });
    expect(v.rapport.tableur).toEqual(w.rapport.tableur);
    expect(v.rapport.tableur!.formules).toBe(1);
    expect(v.rapport.tableur!.remarques.filter((m) => m.texte.includes('0,2 est tapé'))).toHaveLength(1);
  });
});

describe('« Feuille de calcul » dans le suivi et la consolidation', () => {
  test('une ligne de suivi écrite avant la colonne « Feuille de calcul » garde son sceau ; la part, quand elle y est, est scellée', () => {
    const e = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
    const avant = ['2026-11-23', 'Déclaration de TVA', 'exercice-tva-ca3', 5, '2.2.4', 'Exactitude', 0.75, 3, 'Maîtrisé', 'formatif', 'copie.xlsx', '', 'SCEAU'];
    expect(champsSuivi(e, [...avant, null])).toEqual(champsSuivi(e, avant));
    expect(champsSuivi(e, [...avant, 0.5])).toEqual([...champsSuivi(e, avant), '0.5']);
    // the seal's own cell is never sealed
    expect(champsSuivi(e, [...avant.slice(0, 12), 'AUTRE', 0.5])).toEqual(champsSuivi(e, [...avant, 0.5]));
  });

  test('la copie annotée garde la part des calculs faits par des formules dans « Suivi des compétences », scellée ; le classeur de la classe la reprend dans « Détail » et « Synthèse »', async () => {
    const { f, attendus: a } = await exercice('tva', { aleas: [], cle: cleDesTests() });
    const copie = await avecFormules(f, a, {
      TVA_L16: { formula: 'SUM(TVA_L08,TVA_L09,TVA_L9B,TVA_T6)', result: a.TVA_L16 },
      TVA_L23: { formula: 'TVA_L19+TVA_L20+TVA_L22', result: a.TVA_L23 },
    });
    // the two sums follow typed lines: put to a second case, they would not (robustesse.test.ts)
    const v = await verifierCopie(copie, { date: DATE, cle: cleDesTests(), sansRobustesse: true });
    const t = v.rapport.tableur!;
    expect(t.formules).toBe(2);
    const annotee = fichier('annotee.xlsx');
    expect((await lancer(['verifier', copie, '--out', annotee, '--sans-robustesse'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotee);
    const suivi = wb.getWorksheet(FEUILLE_SUIVI)!;
    const entetes = (suivi.getRow(2).values as unknown[]).slice(1);
    expect(entetes).toEqual([...COLONNES_SUIVI]);
    const part = suivi.getRow(3).getCell(COLONNES_SUIVI.indexOf('Feuille de calcul') + 1).value as number;
    expect(part).toBe(Math.round((2 / t.attendues) * 10000) / 10000);
    // the consolidation counts the sealed row and shows the share
    const classe = fichier('classe.xlsx');
    const r = await lancer(['consolider', annotee, '--out', classe]);
    expect(r.code).toBe(0);
    const c = new ExcelJS.Workbook();
    await c.xlsx.readFile(classe);
    const detail = c.getWorksheet('Détail')!;
    const lignes = (detail.getSheetValues() as unknown[][]).filter(Boolean).map((l) => l.slice(1));
    const h = lignes.findIndex((l) => l[0] === 'Classe');
    expect(lignes[h]!.slice(-2)).toEqual(['Feuille de calcul', 'Réussite']);
    expect(lignes[h + 1]!.at(-2)).toBe(part);
    // the copy's rate of success in its compétence, as « Suivi des compétences » gives it (every value right)
    expect(lignes[h + 1]!.at(-1)).toBe(1);
    expect(lignes[h + 1]![9]).toBe('Oui'); // retenu: its seal held
    // and « Synthèse », student by student: the mean share of their exercises (here the one copy)
    const synthese = (c.getWorksheet('Synthèse')!.getSheetValues() as unknown[][]).filter(Boolean).map((l) => l.slice(1));
    const hs = synthese.findIndex((l) => l[0] === 'Classe');
    const k = synthese[hs]!.findIndex((x) => typeof x === 'string' && x.startsWith('Feuille de calcul'));
    expect(k).toBeGreaterThan(0);
    expect([synthese[hs + 1]![1], synthese[hs + 1]![k]]).toEqual(['MARTIN Léa', Math.round(part * 1000) / 1000]);
    // the row's seal covers the share: changed by hand, the row is no longer counted
    suivi.getRow(3).getCell(COLONNES_SUIVI.indexOf('Feuille de calcul') + 1).value = 1;
    const modifiee = fichier('modifiee.xlsx');
    await wb.xlsx.writeFile(modifiee);
    const classe2 = fichier('classe2.xlsx');
    await lancer(['consolider', modifiee, '--out', classe2, '--json']);
    const c2 = new ExcelJS.Workbook();
    await c2.xlsx.readFile(classe2);
    const anomalies = (c2.getWorksheet('Anomalies')!.getSheetValues() as unknown[][]).filter(Boolean).map((l) => l.slice(1).join(' '));
    expect(anomalies.some((l) => l.includes('son sceau ne correspond pas à son contenu'))).toBe(true);
  });
});

describe('les nombres que l’énoncé ne donne que dans un texte', () => {
  const du = (type: TypeExercice, graine: number, aleas: string[], periode = '2026-03') => {
    const p = paquetExercice(type);
    const e = p.schema.parse(p.generer(graine, periode, aleas, undefined, TABLES_OFFICIELLES));
    return { e, admises: constantesDuCas(p.spec, e, p.spec.parametresParDefaut(e, TABLES_OFFICIELLES)) };
  };
  test('règlements : le délai, « le 10 », le taux et les jours de l’escompte des conditions de paiement sont admis ; le taux de TVA, non', () => {
    // seed 13 with these aléas: « 45 jours fin de mois le 10 », then 30 days, then « 45 jours ; escompte 2 % à 10 jours »
    const { admises } = du('reglements', 13, ['fin_de_mois', 'escompte']);
    expect([45, 10, 2, 30].every((x) => admises.includes(x))).toBe(true);
    expect(constantesTapees('=ROUND(D8*2/100,2)', admises)).toEqual([]);
    expect(constantesTapees('=ROUND(D8*20/100,2)', admises)).toEqual([20]);
  });
  test('congés payés au maintien sur les jours réels : les jours ouvrables du mois, comptés sur le calendrier', () => {
    // March 2026: 31 days, 5 Sundays (1, 8, 15, 22, 29), no public holiday (Easter Monday is 6 April): 26
    const { admises } = du('conges', 12, ['augmentation', 'jours_reels', 'maladie']);
    expect(admises).toContain(26);
    expect(du('conges', 12, ['augmentation', 'maladie']).admises).not.toContain(26);
  });
  test('relances : le montant d’un règlement daté ; trésorerie : les parts des conditions de règlement', () => {
    const r = du('relances', 15, ['reglement_tardif', 'non_echue']);
    const paiements = (r.e as { factures: { paiements: { montant: number }[] }[] }).factures.flatMap((f) => f.paiements.map((q) => q.montant / 100));
    expect(paiements.length).toBeGreaterThan(0);
    expect(paiements.every((x) => r.admises.includes(x))).toBe(true);
    const t = du('tresorerie', 3, []);
    const parts = (t.e as { ventes: { reglement: { part: number }[] }[] }).ventes.flatMap((v) => v.reglement.map((x) => x.part));
    expect(parts.every((x) => t.admises.includes(x))).toBe(true);
    // and the days from the due date to each part paid late, counted by the student
    const f = (r.e as { factures: { echeance: string; paiements: { date: string }[] }[] }).factures.flatMap((x) =>
      x.paiements.filter((q) => q.date > x.echeance).map((q) => (Date.parse(q.date) - Date.parse(x.echeance)) / 86_400_000),
    );
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => r.admises.includes(x))).toBe(true);
    // the template's own admitted numbers are kept beside them
    expect(du('relances', 3, []).admises).toEqual(expect.arrayContaining([30, 31, 60, 61, 90, 91, 365]));
  });
});
