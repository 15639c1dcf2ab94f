import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ecrireExercice, ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { portsNode } from '../src/io/portsNode';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { reponsesDuCas } from '../src/sheets/exercices/commun';
import { celluleJuste } from '../src/check/controle';
import { cellulesDeLaReponse } from '../src/check/tableur';
import { dossierTemporaire } from './aides/cli';
import { exerciceDuClasseur, type ExerciceOuvert } from '../src/app/modelesExercices';
import { verifierExercice } from '../src/app/verifierExercice';
import type { TypeExercice } from '../src/exercices/registre';

/**
 * The corrigé's model (issue 37, point 1): the formulas of the corrigé, recalculated by LibreOffice,
 * give the expected answers on every case; written into a student's copy, they pass the test of a
 * second case. Facture first: the other exercises keep their values until they have their model.
 */

jest.setTimeout(600_000);
const DATE = '2026-11-23';
const d = dossierTemporaire('agora-corrige-formules-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

/**
 * [type, seed, aléas, formula cells of the model (counted by hand from the case: -1 when the test
 * counts them itself), the fewest answer cells the second case must put to the test in a copy built
 * from the model (0: that case is not written into a copy)]. Only a cell whose answer the second
 * case moves is tested, and which ones move depends on the drawn numbers: a floor, the cells that
 * move with any change of the data (an amount computed from amounts), is what is asserted; and the
 * month of the case, 2026-03 unless given].
 */
const CAS: [TypeExercice, number, string[], number, number, string?][] = [
  // the facture: every cell of the invoice (lines, foot, totals) and of the avoir (foot, totals) is a formula
  ['facture', 5, [], 5 * 3 + 3 + 3, 0],
  ['facture', 7, ['rabais', 'ristourne', 'escompte'], -1, 0],
  ['facture', 11, ['plusieurs_taux', 'port'], -1, 0],
  ['facture', 13, ['plusieurs_taux', 'rabais', 'escompte', 'port'], -1, 20],
  ['facture', 17, ['plusieurs_taux', 'ristourne', 'retour'], -1, 20],
  ['facture', 19, ['rabais', 'escompte', 'retour', 'port'], -1, 10],
  // the rapprochement: its four balances; the lines and entries are copied from the documents. In a
  // copy the two balances before the rapprochement are tested; the rapproché ones start from lines
  // copied from the documents, which the second case changes
  ['rapprochement', 5, [], 4, 0],
  ['rapprochement', 9, ['frais_bancaires', 'agios', 'erreur_banque'], 4, 2],
  // congés: 6 of its 7 answers (the rule retained is a choice); with the actual days of the month,
  // the divisor is counted on a calendar and typed into the formula. The pay, both
  // indemnities and the one paid move with the salaries; the days acquired may stay at the ceiling
  ['conges', 3, [], 6, 4],
  ['conges', 8, ['entree_en_cours', 'sans_solde', 'variable', 'maladie', 'mois_incomplet'], 6, 4],
  ['conges', 12, ['augmentation', 'jours_reels', 'maladie'], 6, 4],
  // frais: each line's amount kept and écart, the TVA of the natures where it is recoverable, the
  // three totals. The amounts kept and the totals move with the amounts asked
  // prospection: 11 of its 13 answers (reached or not is a reading); the orders counted between the
  // start and the closing date by COUNTIF / SUMIF on their dates
  ['prospection', 3, ['demandes_infos', 'hors_delai', 'ue'], 11, 6],
  ['prospection', 4, ['salon', 'hors_delai'], 11, 6],
  // devis: each line's gross and net (its price and rate are read in the tarif), the totals, port,
  // TVA, acompte and validity date; the control of the bon is a reading
  ['devis', 3, ['erreur_prix', 'devis_expire', 'franco_limite'], -1, 6],
  ['devis', 4, ['modification', 'article_hors_devis', 'conditions'], -1, 6],
  // formation: every cost of every action, the totals and each employee's hours (the choice is a decision)
  ['formation', 3, ['depassement', 'annulee', 'plusieurs_jours'], -1, 8],
  ['formation', 6, ['demande_hors_plan'], -1, 8, '2024-06'],
  // déplacement: each transport's cost and time, hotel, meals and the total (the choice is a decision)
  ['deplacement', 3, ['avion', 'equipe', 'hotel_cher'], -1, 6],
  ['deplacement', 8, ['critere_temps'], -1, 6, '2024-09'],
  // entrée et sortie: every answer of the three files (dates by EDATE and DATEDIF)
  ['entree-sortie', 3, ['renouvellement', 'longue_anciennete', 'prime'], 13, 6],
  ['entree-sortie', 6, ['refus_cdi'], 12, 6, '2024-11'],
  // tableau de bord social: the registre's presence, ages and seniorities, every headcount and rate.
  // The second case moves each date by a day or two: the counts seldom change, the rates do
  ['tableau-social', 3, ['cdd', 'dates_limites', 'age_limite'], -1, 1],
  ['tableau-social', 5, ['sortie_anterieure', 'absence_longue'], -1, 1, '2024-12'],
  // fournisseurs: the notes, scores, amounts, the total ordered and the entry (checks and choices are readings)
  ['fournisseurs', 3, ['informations_erronees', 'budget_serre'], -1, 5],
  ['fournisseurs', 7, ['urgence'], -1, 5],
  // clients: the dashboard (the file's updates and anomalies are readings)
  ['clients', 3, ['doublon', 'champ_manquant', 'baisse'], -1, 5],
  // ventes: every entry of both journals and each client's balance (the lettrage is a reading)
  ['ventes', 3, ['remise', 'port', 'escompte', 'reglement_partiel'], -1, 3],
  ['ventes', 8, ['escompte'], -1, 3],
  // planning: every date, marge, load and overload by WORKDAY / NETWORKDAYS (critical or not is a reading)
  ['planning', 3, ['ferie', 'surcharge'], -1, 3, '2026-04'],
  ['planning', 6, ['temps_partiel'], -1, 3],
  ['frais', 4, [], -1, 4],
  ['frais', 6, ['depassement', 'sans_justificatif', 'km_errone', 'repas_affaires'], -1, 4],
  ['frais', 10, ['transport', 'electrique', 'depassement'], -1, 4],
  // in November: 7 000 km before the month (seed 21), trips within the middle bracket; 5 000 (seed
  // 22), the month's first trip crosses into it
  ['frais', 21, ['electrique'], -1, 4, '2026-11'],
  ['frais', 22, [], -1, 4, '2026-11'],
  // règlements: the justified amount and écart, the due date, the escompte where the conditions give
  // one, the amount to pay, the day's total; conforme and the date of payment are decisions (values)
  ['reglements', 2, [], -1, 2],
  ['reglements', 5, ['ecart_quantite', 'ecart_prix', 'escompte', 'escompte_expire', 'fin_de_mois'], -1, 4],
  ['reglements', 9, ['fin_de_mois', 'escompte'], -1, 2],
  // « 45 jours fin de mois le 10 » (the seeds 5 and 9 have « fin de mois 45 jours »)
  ['reglements', 13, ['fin_de_mois', 'escompte'], -1, 2],
  // relances: remaining amounts, days late, aged balance, rates, penalties, indemnities, totals; the
  // reminder level is a decision. An invoice paid late has its payments in a text: their amounts and
  // the days to each one are typed into its formulas
  ['relances', 3, [], -1, 4],
  ['relances', 7, ['reglement_partiel', 'contentieux', 'non_echue'], -1, 4],
  ['relances', 11, ['taux_contractuel', 'cgv_sous_plancher', 'contentieux'], -1, 4],
  ['relances', 12, ['taux_contractuel', 'reglement_partiel'], -1, 4],
  ['relances', 15, ['reglement_tardif', 'non_echue'], -1, 4],
  // TVA: every line of the return; which pieces are retained is a decision (Oui / Non)
  ['tva', 2, [], -1, 4],
  ['tva', 4, ['credit', 'remboursement', 'immobilisation'], -1, 4],
  ['tva', 6, ['intracommunautaire', 'encaissement'], -1, 4],
  ['tva', 8, ['intracommunautaire', 'encaissement', 'immobilisation', 'credit'], -1, 4],
  // stocks: both cards line by line, the stock d'alerte and the quantity to order (whether to order
  // is a decision); with a réintégration from an issue that is not the last one, the PEPS card from
  // that line stays a value (that case is not written into a copy)
  ['stocks', 2, [], -1, 10],
  ['stocks', 5, ['alerte', 'retour', 'deterioration'], -1, 10],
  ['stocks', 8, ['saisonnalite', 'reintegration'], -1, 10],
  ['stocks', 11, ['cmup_periode', 'retour', 'reintegration'], -1, 10],
  // paie: the elements, every base and amount, the totals, the nets, the tax, the cost and the
  // payroll entry; the overtime hours, counted by the student, stay values
  ['paie', 1, [], -1, 20],
  ['paie', 2, ['majorations', 'deductions', 'absence', 'prime'], -1, 20],
  ['paie', 3, ['majorations', 'absence'], -1, 20],
  ['paie', 4, ['deductions', 'prime'], -1, 20],
  ['paie', 5, ['majorations', 'deductions', 'absence', 'prime'], -1, 20],
  ['paie', 6, ['majorations', 'deductions', 'absence', 'prime'], -1, 20],
  // a cadre at 4 770 €, above the PSS (tranche 2, CET); 57 employees (FNAL on the gross, RGDU of 50 and more)
  ['paie', 17, ['majorations', 'deductions', 'absence', 'prime'], -1, 20],
  ['paie', 32, ['prime'], -1, 20],
  // March 2025: the réduction générale before the RGDU, the reduced rates of maladie and allocations familiales
  ['paie', 8, ['majorations', 'absence'], -1, 20, '2025-03'],
  ['paie', 12, [], -1, 20, '2025-03'],
  // trésorerie: the budget of TVA, each line of the budgets of encaissements and décaissements
  ['tresorerie', 2, [], -1, 10],
  ['tresorerie', 5, ['retard_client', 'investissement', 'decouvert'], -1, 10],
  ['tresorerie', 9, ['investissement'], -1, 10],
];

/** Where each defined name of an opened workbook lies. */
const ouDuClasseur = (x: ExerciceOuvert) => (nom: string) => {
  const p = x.classeur.plage(nom);
  return p && { feuille: p.feuille, haut: p.haut, gauche: p.gauche, bas: p.haut + p.valeurs.length - 1, droite: p.gauche + (p.valeurs[0]?.length ?? 1) - 1 };
};

test.each(CAS)('%s, cas %i %j : le modèle du corrigé, recalculé par LibreOffice, donne chaque réponse attendue', async (type, graine, aleas, attendues, _auMoins, periode = '2026-03') => {
  const [f, corrige] = [fichier(`${type}.xlsx`), fichier('corrige.xlsx')];
  await ecrireExercice({ type, graine, periode, date: DATE, aleas }, eleve, f, corrige);
  const x = await ouvrirExercice(f);
  const a = attendusDesReponses(x);
  const ports = portsNode();
  const [recalcule] = await ports.classeurs.recalcul!.recalculer([await ports.classeurs.octets(corrige)]);
  const lu = await ports.classeurs.lire('corrige.xlsx', recalcule!);
  const avant = await ports.classeurs.lire('corrige.xlsx', await ports.classeurs.octets(corrige));
  let formules = 0;
  for (const r of reponsesDuCas(x.spec, x.entree, x.parametres, a)) {
    const p = lu.plage(r.nom)!;
    const modele = avant.plage(r.nom)!;
    for (const c of cellulesDeLaReponse(r, a[r.nom]!, p)) {
      if (!modele.formules?.[c.ligne]?.[c.colonne]) continue;
      formules++;
      expect([r.nom, c.cellule, celluleJuste(c.attendue, p.valeurs[c.ligne]![c.colonne]!, r)]).toEqual([r.nom, c.cellule, true]);
      // saved with its result, for a reader that does not recalculate
      expect([r.nom, c.cellule, celluleJuste(c.attendue, modele.valeurs[c.ligne]![c.colonne]!, r)]).toEqual([r.nom, c.cellule, true]);
    }
  }
  // and the recalculated corrigé, checked as a copy: every answer right (rows in any order matched as the check does)
  const v = verifierExercice(exerciceDuClasseur(lu, 'corrige.xlsx', true), { date: DATE });
  expect(v.resultat.controles.filter((k) => k.statut !== 'juste').map((k) => k.nom)).toEqual([]);
  if (type === 'facture') {
    const avoir = a.FAC_Avoir_Pied ? (a.FAC_Avoir_Pied as unknown[][]).flat().length + 3 : 0;
    expect(formules).toBe((a.FAC_Lignes_Montants as unknown[][]).length * 3 + (a.FAC_Pied as unknown[][]).flat().length + 3 + avoir);
    expect(Boolean(avoir)).toBe(aleas.includes('retour'));
  }
  if (attendues > 0) expect(formules).toBe(attendues);
});

/**
 * The student's copy of a case, every answer typed, then the model's formulas where it has them
 * (with the results Excel saves), but for the answers `typees`, and with the student's own formulas
 * `autres` (by answer, as the model's); checked.
 */
async function copieDuModele(type: TypeExercice, graine: number, aleas: string[], periode: string, typees: readonly string[] = [], autres: Record<string, (string | null)[][]> = {}) {
  const f = fichier(`${type}.xlsx`);
  await ecrireExercice({ type, graine, periode, date: DATE, aleas }, eleve, f);
  const x = await ouvrirExercice(f);
  const a = attendusDesReponses(x);
  const formules = { ...x.spec.formulesDuCorrige!(x.entree, x.parametres, ouDuClasseur(x)), ...autres };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await remplirClasseur(f, a)) as unknown as ArrayBuffer);
  for (const [nom, m] of Object.entries(formules)) {
    if (typees.includes(nom)) continue;
    const z = ouDuClasseur(x)(nom)!;
    const ws = wb.getWorksheet(z.feuille)!;
    const attendu = a[nom]!;
    m.forEach((l, i) =>
      l.forEach((formule, j) => {
        if (formule === null) return;
        // a list of values lies along a row (the aged balance) or down a column
        const v = Array.isArray(attendu) ? (Array.isArray(attendu[i]) ? (attendu[i] as unknown[])[j] : attendu[m.length === 1 ? j : i]) : attendu;
        ws.getCell(z.haut + i, z.gauche + j).value = { formula: formule, result: v as number };
      }),
    );
  }
  const copie = fichier('copie.xlsx');
  writeFileSync(copie, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return verifierCopie(copie, { date: DATE });
}

test.each(CAS.filter((c) => c[4] > 0))(
  '%s, cas %i %j : les formules du corrigé écrites dans la copie de l’élève sont justes, et elles suivent le second cas (LibreOffice)',
  async (type, graine, aleas, _formules, auMoins, periode = '2026-03') => {
    const v = await copieDuModele(type, graine, aleas, periode);
    expect(v.resultat.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)).toEqual([]);
    const t = v.rapport.tableur!;
    expect(t.remarques).toEqual([]);
    expect(t.formules).toBe(t.attendues);
    expect(t.robustesse).toMatchObject({ nonSuivies: 0, avis: null });
    expect(t.robustesse!.verifiees).toBeGreaterThanOrEqual(auMoins);
  },
);

test('paie : les heures supplémentaires comptées par l’élève et tapées laissent hors de l’épreuve ce qui en part ; comptées par une formule, elles y entrent', async () => {
  const aleas = ['majorations', 'deductions', 'absence', 'prime'];
  const [tapees, calculees] = [await copieDuModele('paie', 2, aleas, '2026-03', ['PAIE_HS25_HEURES', 'PAIE_HS50_HEURES']), await copieDuModele('paie', 2, aleas, '2026-03')];
  for (const v of [tapees, calculees]) {
    expect(v.resultat.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)).toEqual([]);
    expect(v.rapport.tableur!.robustesse).toMatchObject({ nonSuivies: 0, avis: null });
  }
  // the hours move in the second case: typed, the overtime, the gross and all that follows from it cannot be put to the test
  const [n1, n2] = [tapees.rapport.tableur!.robustesse!.verifiees, calculees.rapport.tableur!.robustesse!.verifiees];
  expect(n2).toBeGreaterThan(n1 + 20);
  // counted by a formula of typed numbers (right on the case, not on the second one): a count may be typed, so nothing is
  // flagged, and what follows from it is left out as when it is typed
  const f = fichier('paie.xlsx');
  await ecrireExercice({ type: 'paie', graine: 2, periode: '2026-03', date: DATE, aleas }, eleve, f);
  const heures = attendusDesReponses(await ouvrirExercice(f));
  const constantes = await copieDuModele('paie', 2, aleas, '2026-03', [], {
    PAIE_HS25_HEURES: [[`0+${String(heures.PAIE_HS25_HEURES)}`]],
    PAIE_HS50_HEURES: [[`0+${String(heures.PAIE_HS50_HEURES)}`]],
  });
  expect(constantes.rapport.tableur!.robustesse).toMatchObject({ nonSuivies: 0, avis: null, verifiees: n1 });
});

test('stocks, cas d’un enseignant : une réintégration d’une sortie qui n’est pas la dernière ; les formules du modèle, recalculées, donnent les chiffres faits à la main, et la fiche PEPS reste en valeurs à partir de cette ligne', async () => {
  const cas = {
    article: { reference: 'CR-01', designation: 'Cartouches d’encre', unite: 'unité' },
    debut: '2026-03-01',
    stockInitial: { quantite: 40, coutUnitaire: 12.5 },
    mouvements: [
      { date: '2026-03-03', piece: 'BS-1', nature: 'sortie', libelle: 'Sortie comptabilité', quantite: 25 },
      { date: '2026-03-05', piece: 'BR-1', nature: 'entree', libelle: 'Livraison', quantite: 50, coutUnitaire: 13.1 },
      { date: '2026-03-10', piece: 'BS-2', nature: 'sortie', libelle: 'Sortie accueil', quantite: 30 },
      { date: '2026-03-12', piece: 'BRI-1', nature: 'reintegration', libelle: 'Réintégration comptabilité', quantite: 4, origine: 'BS-1' },
      { date: '2026-03-20', piece: 'BS-3', nature: 'sortie', libelle: 'Sortie direction', quantite: 10 },
    ],
    stockMinimum: 10,
    consommationJournaliere: 2,
    delaiLivraison: 5,
    stockMaximum: 80,
  };
  const [f, corrige, donnees] = [fichier('stocks.xlsx'), fichier('corrige.xlsx'), fichier('cas.json')];
  writeFileSync(donnees, JSON.stringify(cas));
  await ecrireExercice({ type: 'stocks', periode: '2026-03', date: DATE, donnees }, eleve, f, corrige);
  const ports = portsNode();
  const [recalcule] = await ports.classeurs.recalcul!.recalculer([await ports.classeurs.octets(corrige)]);
  const lu = await ports.classeurs.lire('corrige.xlsx', recalcule!);
  // CMUP after each entry, worked by hand: 40 × 12,50 = 500; BS-1 25 × 12,50 = 312,50, 15 left (187,50);
  // BR-1 + 50 × 13,10 = 842,50 for 65, CMUP 12,96; BS-2 30 × 12,96 = 388,80, 35 × 12,96 = 453,60;
  // BRI-1 back at the 12,50 of BS-1: 503,60 for 39, CMUP 12,91; BS-3 10 × 12,91 = 129,10, 29 × 12,91 = 374,39
  expect(lu.plage('STK_CMUP')!.valeurs).toEqual([
    [312.5, 15, 12.5, 187.5],
    [null, 65, 12.96, 842.5],
    [388.8, 35, 12.96, 453.6],
    [null, 39, 12.91, 503.6],
    [129.1, 29, 12.91, 374.39],
  ]);
  // PEPS: BS-2 takes the 15 left at 12,50 and 15 at 13,10 (384); the réintégration goes back into the
  // first lot, ahead of the units BS-2 left: the formulas of the lots cannot follow it, a value stays
  const peps = lu.plage('STK_PEPS')!;
  expect(peps.valeurs.slice(0, 3)).toEqual([
    [312.5, 15, 187.5],
    [null, 65, 842.5],
    [384, 35, 458.5],
  ]);
  const modele = (await ports.classeurs.lire('corrige.xlsx', await ports.classeurs.octets(corrige))).plage('STK_PEPS')!;
  expect(modele.formules!.map((l) => l.map((x) => x !== null))).toEqual([
    [true, true, true],
    [false, true, true],
    [true, true, true],
    [false, false, false],
    [false, false, false],
  ]);
  // the values kept are the calculator's: 4 back at 12,50 (508,50 for 39); BS-3 4 × 12,50 + 6 × 13,10 = 128,60, 29 × 13,10 = 379,90
  expect(peps.valeurs.slice(3)).toEqual([
    [null, 39, 508.5],
    [128.6, 29, 379.9],
  ]);
  // stock d'alerte 10 + 2 × 5 = 20; 29 in stock: nothing to order
  expect([lu.plage('STK_Stock_Alerte')!.valeurs[0]![0], lu.plage('STK_Quantite_A_Commander')!.valeurs[0]![0]]).toEqual([20, 0]);
});
