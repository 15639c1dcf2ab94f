import { modeleDExercice, exerciceDuClasseur } from '../src/app/exercices';
import { attendusDesReponses, verifierExercice } from '../src/app/verification';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire, type OptionsContexte } from '../src/io/memory/contexteExcel';
import { robustesseOuverte } from '../src/taskpane/annoterCopieOuverte';
import { remplirMemoire } from './aides/remplirMemoire';
import type { TypeExercice } from '../src/exercices/registre';

/**
 * The test of a copy's formulas in the workbook open in Excel: the in-memory Excel recalculates as
 * Excel does (its recalculation checked against LibreOffice in office.calcul.test.ts).
 */

const DATE = '2026-11-23';
const ELEVE = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };

/** The facture of case 5 inserted through Office.js, its answers typed by the student as formulas (the rate of TVA as `taux`). */
async function factureOuverte(taux: (ligneEnonce: number) => string) {
  const demande = { type: 'facture' as const, graine: 5, periode: '2026-03', date: DATE, aleas: [] };
  const c = ClasseurMemoire.nouveau();
  const ctx = new ContexteMemoire(c);
  await insererClasseur(ctx as unknown as Excel.RequestContext, modeleDExercice(demande, ELEVE).classeur, (v) => ctx.prend(v));
  const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
  const a = attendusDesReponses(exerciceDuClasseur(lu.classeur, lu.nom, false));
  remplirMemoire(c, a); // what a student who typed values has; then formulas where they compute
  const ou = (nom: string) => c.cibleDuNom(nom)!.z;
  const [commande, lignes, pied] = [ou('FAC_Commande'), ou('FAC_Lignes_Montants'), ou('FAC_Pied')];
  const E = "'Énoncé'";
  const formules: [string, string][] = [];
  for (let i = 0; i <= lignes.bas - lignes.haut; i++) {
    const [r, t] = [commande.haut + i, lignes.haut + i];
    formules.push([`C${t}`, `=ROUND(${E}!D${r}*${E}!E${r},2)`], [`D${t}`, `=ROUND(C${t}*${E}!F${r}/100,2)`], [`E${t}`, `=C${t}-D${t}`]);
  }
  const p = pied.haut;
  formules.push([`C${p}`, `=SUM(E${lignes.haut}:E${lignes.bas})`], [`C${p + 1}`, `=C${p}`], [`C${p + 2}`, `=ROUND(C${p + 1}*${taux(commande.haut)},2)`]);
  const cellule = (nom: string) => `E${ou(nom).haut}`;
  formules.push([cellule('FAC_Total_HT'), `=C${p + 1}`], [cellule('FAC_Total_TVA'), `=C${p + 2}`], [cellule('FAC_Net_A_Payer'), `=${cellule('FAC_Total_HT')}+${cellule('FAC_Total_TVA')}`]);
  // typed in Excel: the answer cells are unlocked, « Travail » stays protected
  const saisie = new ContexteMemoire(c);
  for (const [adresse, f] of formules) saisie.workbook.worksheets.getItem('Travail').getRange(adresse).formulas = [[f]];
  await saisie.sync();
  return { c, pied, cellule };
}

/** Every cell of every sheet, its value and formula, and which sheets are protected: the copy as it stands. */
const etat = (c: ClasseurMemoire) => JSON.stringify(c.feuilles.map((f) => [f.nom, f.protegee, [...f.cellules.entries()].map(([a, x]) => [a, x.valeur, x.formule ?? null])]));

async function eprouver(c: ClasseurMemoire, o: OptionsContexte = {}, armer = () => {}) {
  const ctx = new ContexteMemoire(c, { recalcul: true, ...o });
  const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
  const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
  armer();
  const avant = ctx.syncs;
  const r = await robustesseOuverte(ctx as unknown as Excel.RequestContext, x, (v) => ctx.prend(v));
  return { r: r!, syncs: ctx.syncs - avant, ctx };
}

describe('la robustesse dans le classeur ouvert (Excel recalcule)', () => {
  test('des formules justes suivent le second cas ; 2 synchronisations ; la copie est remise exactement en l’état (valeurs, formules, protection)', async () => {
    const { c } = await factureOuverte((l) => `'Énoncé'!G${l}/100`);
    const avant = etat(c);
    const { r, syncs } = await eprouver(c);
    expect(syncs).toBe(2);
    expect(r.avis).toBeNull();
    expect([...r.nonSuivies.keys()]).toEqual([]);
    // as on the file: 5 gross, 3 remises that are not 0, 5 nets, the foot's 3, the 3 totals
    expect(r.verifiees).toBe(19);
    expect(etat(c)).toBe(avant);
  });

  test('un taux tapé (0,2) : les mêmes trois cellules que sur le fichier, la même donnée nommée ; la copie remise en l’état', async () => {
    const { c, pied, cellule } = await factureOuverte(() => '0.2');
    const avant = etat(c);
    const { r } = await eprouver(c);
    const [c16, tva, net] = [`Travail!C${pied.haut + 2}`, `Travail!${cellule('FAC_Total_TVA')}`, `Travail!${cellule('FAC_Net_A_Payer')}`];
    expect([...r.nonSuivies.keys()].sort()).toEqual([c16, tva, net].sort());
    expect(r.nonSuivies.get(c16)).toMatch(/ne suit pas les données « Articles livrés, ligne 1, colonne « Taux de TVA » » \(Énoncé!G\d+\)/);
    expect(r.nonSuivies.get(net)).toMatch(new RegExp(`part de ${tva.replace('!', '!')}`));
    expect(etat(c)).toBe(avant);
  });

  test('Excel en calcul manuel : rien n’est écrit, un avis le dit', async () => {
    const { c } = await factureOuverte((l) => `'Énoncé'!G${l}/100`);
    const avant = etat(c);
    const { r, syncs } = await eprouver(c, { calculManuel: true });
    expect(syncs).toBe(1);
    expect(r.avis).toMatch(/^Excel est réglé en calcul manuel/);
    expect(etat(c)).toBe(avant);
  });

  test('une lecture refusée au milieu de l’épreuve : la copie est remise en l’état par une troisième synchronisation, un avis le dit', async () => {
    const { c } = await factureOuverte((l) => `'Énoncé'!G${l}/100`);
    const avant = etat(c);
    let lectures = 0;
    let arme = false;
    // the fourth answer range read (in the second round) fails, after the first round's numbers were written
    const { r, syncs } = await eprouver(c, { echec: (operation) => (arme && operation === 'range.load' && ++lectures === 4 ? 'GeneralException' : undefined) }, () => (arme = true));
    expect(syncs).toBe(3);
    expect(r.avis).toMatch(/^Épreuve des formules : /);
    expect(etat(c)).toBe(avant);
  });
});

/** [type, seed, aléas, the fewest answer cells the second case moves (see corrige.formules.test.ts), month] */
const MODELES: [TypeExercice, number, string[], number, string?][] = [
  ['facture', 13, ['plusieurs_taux', 'rabais', 'escompte', 'port'], 20],
  ['rapprochement', 9, ['frais_bancaires', 'agios', 'erreur_banque'], 2],
  ['conges', 8, ['entree_en_cours', 'sans_solde', 'variable', 'maladie', 'mois_incomplet'], 4],
  ['frais', 6, ['depassement', 'sans_justificatif', 'km_errone', 'repas_affaires'], 4],
  ['prospection', 3, ['demandes_infos', 'hors_delai', 'ue'], 6],
  ['devis', 3, ['erreur_prix', 'devis_expire', 'franco_limite'], 6],
  ['formation', 3, ['depassement', 'annulee', 'plusieurs_jours'], 8],
  ['deplacement', 3, ['avion', 'equipe', 'hotel_cher'], 6],
  ['entree-sortie', 3, ['renouvellement', 'longue_anciennete', 'prime'], 6],
  ['tableau-social', 3, ['cdd', 'dates_limites', 'age_limite'], 1],
  ['fournisseurs', 3, ['informations_erronees', 'budget_serre'], 5],
  ['clients', 3, ['doublon', 'champ_manquant', 'baisse'], 5],
  ['ventes', 3, ['remise', 'port', 'escompte', 'reglement_partiel'], 3],
  ['planning', 3, ['ferie', 'surcharge'], 3],
  ['reglements', 13, ['fin_de_mois', 'escompte'], 2],
  ['relances', 11, ['taux_contractuel', 'cgv_sous_plancher', 'contentieux'], 4],
  ['tva', 8, ['intracommunautaire', 'encaissement', 'immobilisation', 'credit'], 4],
  ['tresorerie', 5, ['retard_client', 'investissement', 'decouvert'], 10],
  ['stocks', 5, ['alerte', 'retour', 'deterioration'], 10],
  ['stocks', 11, ['cmup_periode', 'retour', 'reintegration'], 10],
  ['paie', 17, ['majorations', 'deductions', 'absence', 'prime'], 20],
  ['paie', 12, [], 20, '2025-03'],
];

test.each(MODELES)(
  '%s, cas %i %j : les formules du corrigé écrites dans le classeur ouvert sont justes, elles suivent le second cas, et la copie est remise en l’état',
  async (type, graine, aleas, auMoins) => {
    const demande = { type, graine, periode: '2026-03', date: DATE, aleas };
    const c = ClasseurMemoire.nouveau();
    const ctx = new ContexteMemoire(c);
    await insererClasseur(ctx as unknown as Excel.RequestContext, modeleDExercice(demande, ELEVE).classeur, (v) => ctx.prend(v));
    const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
    const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
    remplirMemoire(c, attendusDesReponses(x)); // the answers the model leaves typed (choices, lines copied from documents)
    const ou = (nom: string) => {
      const cible = c.cibleDuNom(nom);
      return cible ? { feuille: cible.feuille, ...cible.z } : undefined;
    };
    const saisie = new ContexteMemoire(c);
    for (const [nom, m] of Object.entries(x.spec.formulesDuCorrige!(x.entree, x.parametres, ou))) {
      const z = ou(nom)!;
      m.forEach((l, i) => l.forEach((f, j) => f && (saisie.workbook.worksheets.getItem(z.feuille).getRange(`${String.fromCharCode(64 + z.gauche + j)}${z.haut + i}`).formulas = [[`=${f}`]])));
    }
    await saisie.sync();
    const avant = etat(c);
    const { r, syncs } = await eprouver(c);
    expect(syncs).toBe(2);
    expect([r.avis, [...r.nonSuivies.keys()]]).toEqual([null, []]);
    expect(r.verifiees).toBeGreaterThanOrEqual(auMoins);
    // and the check of values, Excel having computed them: every answer right
    const v = new ContexteMemoire(c, { recalcul: true });
    const relu = await lireClasseurOuvert(v as unknown as Excel.RequestContext, {}, (w) => v.prend(w));
    const y = exerciceDuClasseur(relu.classeur, relu.nom, false);
    const a = attendusDesReponses(y);
    const w = verifierExercice(y, { date: DATE });
    expect(w.resultat.controles.filter((k) => k.statut !== 'juste').map((k) => k.nom)).toEqual([]);
    expect(Object.keys(a).length).toBe(w.resultat.controles.length);
    expect(etat(c)).toBe(avant);
  },
);
