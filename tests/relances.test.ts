import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerRelances, FACON_JUSTE } from '../src/exercices/relances/calcul';
import { ALEAS, casRelances } from '../src/exercices/relances/cas';
import { EntreeRelances } from '../src/exercices/relances/entree';
import { parametresRelances } from '../src/domain/parametres/relances';
import { ErreurDonnees, valider } from '../src/domain/validation';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/**
 * A client's account on 31 March 2026, worked by hand: days counted from each due date, the ECB
 * rate of the half-year of the due date plus 10 points, penalties = remaining × rate × days / 365.
 */
const CAS = {
  vendeur: 'Bureau Plus SARL',
  client: 'Garage Lefèvre',
  date: '2026-03-31',
  factures: [
    { numero: 'FV-4', date: '2025-05-10', echeance: '2025-06-09', montant: 640.5 },
    { numero: 'FV-2', date: '2025-12-01', echeance: '2025-12-31', montant: 2500, regle: 1000 },
    { numero: 'FV-1', date: '2026-02-20', echeance: '2026-03-22', montant: 1200 },
    { numero: 'FV-3', date: '2026-03-15', echeance: '2026-04-14', montant: 800 },
  ],
};
const relances = (cas: unknown) => valider(EntreeRelances, cas, 'cas');
/** The French message of a data error thrown by `f`. */
const erreurDe = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ErreurDonnees) return e.message;
    throw e;
  }
  return '';
};
const P = parametresRelances('2026-03-31');

describe('relances : calcul', () => {
  test('taux de la BCE par semestre, majoration de 10 points, indemnité de 40 € (C. com., L441-10 et D441-5)', () => {
    expect(P.tauxBce.map((t) => [t.depuis, t.taux])).toEqual([
      ['2016-07-01', 0], // 0,00 % from 16 March 2016 to 26 July 2022: the rate of every half-year up to 2022's second
      ['2023-01-01', 2.5],
      ['2023-07-01', 4],
      ['2024-01-01', 4.5],
      ['2024-07-01', 4.25],
      ['2025-01-01', 3.15],
      ['2025-07-01', 2.15],
      ['2026-01-01', 2.15],
    ]);
    expect([P.majoration, P.indemnite]).toEqual([10, 4000]);
    // past the table: the last known rate, reconducted for each half-year, and said so; before it, a French error
    const apres = parametresRelances('2027-02-15');
    expect(apres.tauxBce.slice(-3).map((t) => [t.depuis, t.taux, t.reference])).toEqual([
      ['2026-01-01', 2.15, 'BCE : 2,15 % depuis le 11 juin 2025 ; C. com., art. L441-10, II'],
      ['2026-07-01', 2.15, 'Reconduit : dernier taux connu, celui du semestre commençant en janvier 2026'],
      ['2027-01-01', 2.15, 'Reconduit : dernier taux connu, celui du semestre commençant en janvier 2026'],
    ]);
    expect(erreurDe(() => parametresRelances('2022-12-31'))).toContain('décembre 2022 précède les premières valeurs du tableau des taux de la BCE (janvier 2023)');
  });

  test('une facture réglée en entier n\u2019est pas relancée, même 46 jours après son échéance : ni niveau, ni pénalités, ni indemnité', () => {
    // 13/02/2026 → 31/03/2026 : 15 + 31 = 46 jours de retard ; réglée 500,00 sur 500,00
    const cas = { ...CAS, factures: [...CAS.factures, { numero: 'FV-5', date: '2026-01-14', echeance: '2026-02-13', montant: 500, regle: 500 }] };
    const r = calculerRelances(relances(cas), P);
    const f5 = r.factures.find((f) => f.numero === 'FV-5')!;
    expect([f5.reste, f5.jours, f5.niveau, f5.taux, f5.penalites, f5.indemnite]).toEqual([0, 0, 0, 0, 0, 0]);
    // the account's totals are those of the four other invoices, worked by hand above
    expect([r.totalEchu, r.totalPenalites, r.totalIndemnites, r.totalReclame]).toEqual([334050, 11661, 12000, 357711]);
  });

  test('règlements datés : pénalités sur chaque part payée en retard jusqu\u2019à sa date, sur le reste jusqu\u2019au suivi ; indemnité pour une facture payée en retard, même soldée', () => {
    // FV-7: 1 000,00 due 31/01/2026 (1st half 2026: 2,15 + 10 = 12,15 %), 400,00 paid on time (20/01),
    // 300,00 paid 20/02 (20 days late), 300,00 left on 31/03 (59 days late)
    const cas = {
      ...CAS,
      factures: [
        {
          numero: 'FV-7',
          date: '2026-01-01',
          echeance: '2026-01-31',
          montant: 1000,
          paiements: [
            { date: '2026-01-20', montant: 400 },
            { date: '2026-02-20', montant: 300 },
          ],
        },
        // FV-8: 500,00 due 15/02/2026, paid in full on 05/03/2026 (18 days late)
        { numero: 'FV-8', date: '2026-01-16', echeance: '2026-02-15', montant: 500, paiements: [{ date: '2026-03-05', montant: 500 }] },
      ],
    };
    const [f7, f8] = calculerRelances(relances(cas), P).factures;
    // 300 × 12,15 % × 20 / 365 = 1,9973 → 2,00 ; 300 × 12,15 % × 59 / 365 = 5,8919 → 5,89 : 7,89
    expect([f7!.reste, f7!.jours, f7!.niveau, f7!.taux, f7!.penalites, f7!.indemnite]).toEqual([30000, 59, 3, 12.15, 789, 4000]); // 59 days: level 3 (from 31 days)
    // 500 × 12,15 % × 18 / 365 = 2,9959 → 3,00 ; nothing left: not chased, but the indemnity is due (D441-5)
    expect([f8!.reste, f8!.jours, f8!.niveau, f8!.taux, f8!.penalites, f8!.indemnite]).toEqual([0, 0, 0, 12.15, 300, 4000]);
    // a payment dated after the statement, or more paid than invoiced, is refused
    expect(erreurDe(() => relances({ ...cas, factures: [{ ...cas.factures[1], paiements: [{ date: '2026-04-02', montant: 500 }] }] }))).toContain(
      'un règlement est daté entre la facture et la date du suivi',
    );
    expect(erreurDe(() => relances({ ...cas, factures: [{ ...cas.factures[1], paiements: [{ date: '2026-03-05', montant: 600 }] }] }))).toContain('le montant réglé dépasse celui de la facture');
  });

  test('une facture échue au second semestre 2023, compte arrêté au 30/06/2024 : taux de ce semestre (4,00 % + 10 points) ; une facture de 2022 sous le taux des CGV ne demande pas de taux de la BCE', () => {
    const cas = { vendeur: 'Bureau Plus SARL', client: 'Garage Lefèvre', date: '2024-06-30', factures: [{ numero: 'FV-9', date: '2023-08-01', echeance: '2023-08-31', montant: 1000 }] };
    const [f] = calculerRelances(relances(cas), parametresRelances('2024-06-30')).factures;
    // 31/08/2023 → 30/06/2024 : 30 + 31 + 30 + 31 + 31 + 29 + 31 + 30 + 31 + 30 = 304 jours ; 1 000 × 14 % × 304 / 365 = 116,6027
    expect([f!.jours, f!.taux, f!.penalites, f!.indemnite]).toEqual([304, 14, 11660, 4000]);
    // the CGV's 12 %: 1 000 × 12 % × 304 / 365 = 99,9452
    expect(calculerRelances(relances({ ...cas, tauxContractuel: 12 }), parametresRelances('2024-06-30')).factures[0]!.penalites).toBe(9995);
    const ancienne = { ...cas, date: '2023-03-31', factures: [{ numero: 'FV-1', date: '2022-11-15', echeance: '2022-12-15', montant: 1000 }] };
    // 15/12/2022 → 31/03/2023 : 16 + 31 + 28 + 31 = 106 jours ; 1 000 × 12 % × 106 / 365 = 34,8493
    expect(calculerRelances(relances({ ...ancienne, tauxContractuel: 12 }), parametresRelances('2023-03-31')).factures[0]!.penalites).toBe(3485);
    // without CGV: the ECB rate of 1 July 2022, 0,00 % (raised only on 27 July 2022), + 10 points ; 1 000 × 10 % × 106 / 365 = 29,0411
    expect(calculerRelances(relances(ancienne), parametresRelances('2023-03-31')).factures[0]!.penalites).toBe(2904);
    const tresAncienne = { ...ancienne, factures: [{ numero: 'FV-0', date: '2016-02-15', echeance: '2016-03-15', montant: 1000 }] };
    expect(erreurDe(() => calculerRelances(relances(tresAncienne), parametresRelances('2023-03-31')))).toContain(
      'échéance du 15/03/2016 : le tableau des taux de la BCE commence au semestre du 01/07/2016 ; donnez le taux des pénalités dans les conditions générales de vente',
    );
  });

  test('chaque facture calculée à la main : reste dû, jours, niveau, taux, pénalités', () => {
    const r = calculerRelances(relances(CAS), P);
    expect(r.factures.map((f) => [f.numero, f.reste, f.jours, f.niveau, f.taux, f.penalites, f.indemnite])).toEqual([
      ['FV-4', 64050, 295, 4, 13.15, 6807, 4000], // 640,50 × 13,15 % × 295 / 365 = 68,0729 (semestre 2025-1 : 3,15 + 10)
      ['FV-2', 150000, 90, 4, 12.15, 4494, 4000], // 1 500,00 × 12,15 % × 90 / 365 = 44,9384
      ['FV-1', 120000, 9, 1, 12.15, 360, 4000], // 1 200,00 × 12,15 % × 9 / 365 = 3,5951
      ['FV-3', 80000, 0, 0, 0, 0, 0], // pas encore échue
    ]);
    expect(r.balance).toEqual([80000, 120000, 0, 150000, 64050]);
    expect([r.totalEchu, r.totalPenalites, r.totalIndemnites, r.totalReclame]).toEqual([334050, 11661, 12000, 357711]);
  });

  test('taux des conditions générales de vente ; façons fautives', () => {
    expect(calculerRelances(relances({ ...CAS, tauxContractuel: 18 }), P).factures[2]!.penalites).toBe(533); // 1 200 × 18 % × 9 / 365 = 5,326
    const e = relances(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerRelances(e, P, { ...FACON_JUSTE, ...f }).factures[2]!;
    expect([avec({ joursDepuisEcheance: false }).jours, avec({ joursDepuisEcheance: false }).niveau]).toEqual([39, 3]);
    expect([avec({ majoration: false }).taux, avec({ majoration: false }).penalites]).toEqual([2.15, 64]);
    expect(calculerRelances(e, P, { ...FACON_JUSTE, deduireReglements: false }).factures[1]!.reste).toBe(250000);
    expect(avec({ indemnite: false }).indemnite).toBe(0);
  });

  test('taux des CGV de 5 % sous le plancher de trois fois le taux de l\u2019intérêt légal du semestre de l\u2019échéance : le plancher s\u2019applique (C. com., L441-10, II)', () => {
    const p = parametresRelances('2026-03-31', undefined, true);
    // the legal interest rates of the arrêtés (tous les autres cas): 2025-1 3,71 % ; 2025-2 2,76 % ; 2026-1 2,62 %
    expect(p.plancher!.multiple).toBe(3);
    expect(p.plancher!.interetLegal.filter((t) => t.depuis >= '2025-01-01').map((t) => [t.depuis, t.taux])).toEqual([
      ['2025-01-01', 3.71],
      ['2025-07-01', 2.76],
      ['2026-01-01', 2.62],
    ]);
    const r = calculerRelances(relances({ ...CAS, tauxContractuel: 5 }), p);
    expect(r.factures.slice(0, 3).map((f) => [f.numero, f.taux, f.penalites])).toEqual([
      ['FV-4', 11.13, 5762], // 3 × 3,71 ; 640,50 × 11,13 % × 295 / 365 = 57,616
      ['FV-2', 8.28, 3062], // 3 × 2,76 ; 1 500,00 × 8,28 % × 90 / 365 = 30,625
      ['FV-1', 7.86, 233], // 3 × 2,62 ; 1 200,00 × 7,86 % × 9 / 365 = 2,326
    ]);
    // the typical error: the CGV's 5 % though below the floor, 1 200,00 × 5 % × 9 / 365 = 1,479
    expect(calculerRelances(relances({ ...CAS, tauxContractuel: 5 }), p, { ...FACON_JUSTE, plancherLegal: false }).factures[2]!.penalites).toBe(148);
    // 18 % is above every floor: it applies
    expect(calculerRelances(relances({ ...CAS, tauxContractuel: 18 }), p).factures[2]!.taux).toBe(18);
    // an invoice of 2022 under the CGV: the floor of its half-year, 3 × 0,77 %, is below 12 %
    const ancienne = { ...CAS, date: '2023-03-31', tauxContractuel: 12, factures: [{ numero: 'FV-1', date: '2022-11-15', echeance: '2022-12-15', montant: 1000 }] };
    expect(calculerRelances(relances(ancienne), parametresRelances('2023-03-31', undefined, true)).factures[0]!.penalites).toBe(3485);
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeRelances, cas);
    expect(erreur({ ...CAS, factures: [{ ...CAS.factures[0], echeance: '2025-05-01' }] })).toContain("l'échéance précède la date de la facture");
    expect(erreur({ ...CAS, factures: [{ ...CAS.factures[1], regle: 3000 }] })).toContain('le montant réglé dépasse celui de la facture');
    expect(erreur({ ...CAS, factures: [CAS.factures[0], CAS.factures[0]] })).toContain('facture « FV-4 » en double');
  });
});

describe('relances : cas tirés d\u2019une graine', () => {
  test('150 graines, tous les aléas : cas valides, chaque aléa a son effet', () => {
    for (let g = 1; g <= 150; g++) {
      const e = relances(casRelances(g, '2026-03', [...ALEAS]));
      const r = calculerRelances(e, parametresRelances(e.date));
      expect(r.factures.some((f) => f.niveau === 4)).toBe(true);
      expect(r.factures.some((f) => f.niveau === 0)).toBe(true);
      expect(e.factures.some((f) => f.regle > 0)).toBe(true);
      // under the floor of every half-year: each late invoice is charged its floor
      const plancher = calculerRelances(e, parametresRelances(e.date, undefined, true));
      expect(plancher.factures.filter((f) => f.taux).every((f) => f.taux > e.tauxContractuel!)).toBe(true);
      const sans = relances(casRelances(g, '2026-03', []));
      const rs = calculerRelances(sans, parametresRelances(sans.date));
      expect([rs.factures.some((f) => f.niveau === 4 || f.niveau === 0), sans.factures.some((f) => f.regle > 0), sans.tauxContractuel]).toEqual([false, false, undefined]);
      expect([1, 2, 3].map((n) => rs.factures.some((f) => f.niveau === n))).toEqual([true, true, true]);
    }
  });
});

describe('relances : de bout en bout', () => {
  test('règlement tardif : les règlements datés s\u2019écrivent dans l\u2019énoncé et se relisent à l\u2019identique ; une copie juste obtient 100 %', async () => {
    const d = dossierTemporaire('agora-relances-');
    for (const graine of [4, 9, 15]) {
      const f = path.join(d, `tardif-${graine}.xlsx`);
      await ecrireExercice({ type: 'relances', graine, periode: '2026-02', date: '2026-03-01', aleas: ['reglement_tardif', 'reglement_partiel'] }, null, f);
      const x = await ouvrirExercice(f);
      expect(x.enonceModifie).toEqual([]);
      const tardive = (x.entree as { factures: { paiements: { date: string }[]; echeance: string }[] }).factures.find((q) => q.paiements.length)!;
      expect(tardive.paiements[0]!.date > tardive.echeance).toBe(true);
      const copie = path.join(d, `copie-${graine}.xlsx`);
      writeFileSync(copie, await remplirClasseur(f, attendusDesReponses(x)));
      expect((await verifierCopie(copie, { date: '2026-03-02' })).rapport.total.taux).toBe(1);
    }
  });

  test('taux des conditions générales de vente ignoré : l\u2019erreur type est reconnue, avec son indication', async () => {
    const d = dossierTemporaire('agora-relances-');
    const f = path.join(d, 'relances.xlsx');
    await ecrireExercice({ type: 'relances', graine: 4, periode: '2026-02', date: '2026-03-01', aleas: ['taux_contractuel'] }, null, f);
    const x = await ouvrirExercice(f);
    const variante = x.spec.variantes.taux_contrat_ignore!(x.entree, x.parametres)!;
    const copie = path.join(d, 'copie.xlsx');
    writeFileSync(copie, await remplirClasseur(f, { ...attendusDesReponses(x), REL_Penalites: variante.REL_Penalites! }));
    const v = await verifierCopie(copie, { date: '2026-03-02' });
    const fausses = v.rapport.controles.filter((c) => c.statut !== 'juste');
    expect(fausses.map((c) => [c.nom, c.erreurs])).toEqual([['REL_Penalites', ['taux_contrat_ignore']]]);
  });

  test('mois après le tableau des taux de la BCE : l\u2019exercice est créé, le dernier taux reconduit et dit ; avant le tableau : refusé en le nommant', async () => {
    const d = dossierTemporaire('agora-relances-');
    const cle = ['--cle', path.join(d, 'cle.txt')];
    const r = await lancer(['exercice', 'relances', '--periode', '2026-09', '--out', path.join(d, 'x.xlsx'), ...cle]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'Attention : Valeurs du tableau des taux de la BCE connues jusqu\u2019en juin 2026 : pour septembre 2026, les dernières sont reconduites (source : Banque centrale européenne ; C. com., art. L441-10, II). Si de nouvelles valeurs ont été publiées : « agora parametres --out parametres.json » écrit les tables d\u2019AGOrA ; ajoutez-y ces valeurs, puis recréez l\u2019exercice avec « --parametres parametres.json ».',
    );
    const x = await ouvrirExercice(path.join(d, 'x.xlsx'));
    expect(x.classeur.plage('REL_Taux_BCE')!.valeurs.at(-1)).toEqual(['2e semestre 2026', 2.15]);
    const avant = await lancer(['exercice', 'relances', '--periode', '2022-09', '--out', path.join(d, 'y.xlsx'), ...cle]);
    expect([avant.code, avant.err]).toEqual([2, 'Erreur : Impossible de créer ce cas : septembre 2022 précède les premières valeurs du tableau des taux de la BCE (janvier 2023).\n']);
  });

  test('agora calcul relances : montants en euros, jours et taux tels quels', async () => {
    const f = path.join(dossierTemporaire('agora-relances-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'relances', '--entree', f])).out);
    expect([r.factures[0].jours, r.factures[0].taux, r.factures[0].penalites, r.totalReclame]).toEqual([295, 13.15, 68.07, 3577.11]);
  });
});
