import fc from 'fast-check';
import { calculerTresorerie, type ResultatTresorerie } from '../src/exercices/tresorerie/budget';
import { EntreeTresorerie } from '../src/exercices/tresorerie/entree';
import { valider } from '../src/domain/validation';
import { EXERCICE_TRESORERIE } from '../src/exercices/tresorerie/feuilles';

/*
 * Reference cases worked by hand with the method of the budget de trésorerie taught in Bac Pro
 * AGOrA (2.2.5 « Établir un état périodique de trésorerie »): budgets des encaissements et des
 * décaissements TTC, budget de TVA (TVA due de M payée en M+1, crédit reporté), trésorerie
 * début + encaissements − décaissements = fin. Amounts in cents.
 */
type D = Record<string, unknown>;
const budget = (o: D): ResultatTresorerie => calculerTresorerie(valider(EntreeTresorerie, { debut: '2027-01', mois: 3, tresorerieInitiale: 10000, ...o }, 'test'));
const ligne = (l: { lignes: { libelle: string; montants: number[] }[] }, libelle: string) => l.lignes.find((x) => x.libelle === libelle)?.montants;
const k = (...euros: number[]) => euros.map((e) => Math.round(e * 100));

describe('budget de trésorerie : cas de référence calculés à la main', () => {
  test('1. ventes au comptant, TVA du mois payée le mois suivant', () => {
    const r = budget({ ventes: [{ mois: '2027-01', libelle: 'Ventes de janvier', ht: 10000 }] });
    expect(r.encaissements.total).toEqual(k(12000, 0, 0));
    expect(ligne(r.decaissements, 'TVA à décaisser')).toEqual(k(0, 2000, 0));
    expect(r.tresorerie).toEqual({ debut: k(10000, 22000, 20000), encaissements: k(12000, 0, 0), decaissements: k(0, 2000, 0), fin: k(22000, 20000, 20000) });
  });

  test('2. 40 % comptant, 60 % à 30 jours : créance de fin de période', () => {
    const v = (mois: string, libelle: string) => ({
      mois,
      libelle,
      ht: 5000,
      reglement: [
        { part: 40, delai: 0 },
        { part: 60, delai: 30 },
      ],
    });
    const r = budget({ ventes: [v('2027-01', 'Ventes de janvier'), v('2027-02', 'Ventes de février'), v('2027-03', 'Ventes de mars')] });
    expect(ligne(r.encaissements, 'Ventes de janvier')).toEqual(k(2400, 3600, 0));
    expect(ligne(r.encaissements, 'Ventes de mars')).toEqual(k(0, 0, 2400));
    expect(r.encaissements.total).toEqual(k(2400, 6000, 6000));
    expect(r.finDePeriode.creancesClients).toBe(360000);
  });

  test('3. achats à 60 jours : dette fournisseur de fin de période', () => {
    const a = (mois: string) => ({ mois, libelle: 'Achats', ht: 3000, reglement: [{ part: 100, delai: 60 }] });
    const r = budget({ achats: [a('2027-01'), a('2027-02')] });
    expect(ligne(r.decaissements, 'Achats')).toEqual(k(0, 0, 3600));
    expect(r.finDePeriode.dettesFournisseurs).toBe(360000);
    expect(r.tva.creditAReporter).toEqual(k(600, 1200, 1200));
  });

  test('4. salaires nets du mois, charges sociales le mois suivant', () => {
    const s = (mois: string) => ({ mois, net: 4000, charges: 1800 });
    const r = budget({ salaires: [s('2027-01'), s('2027-02'), s('2027-03')], soldeInitial: { dettes: [{ mois: '2027-01', libelle: 'Charges sociales', montant: 1800 }] } });
    expect(ligne(r.decaissements, 'Salaires nets')).toEqual(k(4000, 4000, 4000));
    expect(ligne(r.decaissements, 'Charges sociales')).toEqual(k(1800, 1800, 1800));
    expect(r.finDePeriode.chargesSociales).toBe(180000);
  });

  test('5. investissement : crédit de TVA reporté puis imputé', () => {
    const v = (mois: string) => ({ mois, libelle: 'Ventes', ht: 5000 });
    const r = budget({ ventes: [v('2027-01'), v('2027-02'), v('2027-03')], investissements: [{ mois: '2027-01', libelle: 'Camionnette', ht: 10000 }], soldeInitial: { tvaADecaisser: 700 } });
    expect(r.tva).toEqual({
      collectee: k(1000, 1000, 1000),
      deductibleBiensServices: k(0, 0, 0),
      deductibleImmobilisations: k(2000, 0, 0),
      creditAnterieur: k(0, 1000, 0),
      aDecaisser: k(0, 0, 1000),
      creditAReporter: k(1000, 0, 0),
    });
    expect(ligne(r.decaissements, 'TVA à décaisser')).toEqual(k(700, 0, 0));
    expect(ligne(r.decaissements, 'Camionnette')).toEqual(k(12000, 0, 0));
    expect(r.finDePeriode.tvaADecaisser).toBe(100000);
  });

  test('6. emprunt obtenu et échéances de remboursement', () => {
    const r = budget({
      autresEncaissements: [{ mois: '2027-01', libelle: 'Emprunt bancaire', montant: 20000 }],
      emprunts: [
        { mois: '2027-02', libelle: 'Échéance d\u2019emprunt', montant: 1050 },
        { mois: '2027-03', libelle: 'Échéance d\u2019emprunt', montant: 1050 },
      ],
    });
    expect(r.tresorerie.fin).toEqual(k(30000, 28950, 27900));
  });

  test('7. découvert : mois déficitaires signalés', () => {
    const r = budget({ tresorerieInitiale: 1000, achats: [{ mois: '2027-01', libelle: 'Achats', ht: 5000 }], ventes: [{ mois: '2027-02', libelle: 'Ventes', ht: 2000 }] });
    // janvier : 1 000 − 6 000 = −5 000 ; février : + 2 400 = −2 600 (TVA : crédit 1 000 − 400 = 600 reporté)
    expect(r.tresorerie.fin).toEqual(k(-5000, -2600, -2600));
    expect(r.moisDeficitaires).toEqual(['2027-01', '2027-02', '2027-03']);
    // the appraisal (modèle 1.1.0, 2.2.6): the lowest month −5 000, three months in overdraft, a financing needed
    const cas = valider(
      EntreeTresorerie,
      { debut: '2027-01', mois: 3, tresorerieInitiale: 1000, achats: [{ mois: '2027-01', libelle: 'Achats', ht: 5000 }], ventes: [{ mois: '2027-02', libelle: 'Ventes', ht: 2000 }] },
      'cas',
    );
    expect(EXERCICE_TRESORERIE.attendus(cas, null)).toMatchObject({ TRE_Tresorerie_Minimale: -5000, TRE_Mois_Decouvert: 3, TRE_Financement: 'Oui' });
  });

  test('8. parts arrondies au centime, la dernière prend le reste', () => {
    const r = budget({
      ventes: [
        {
          mois: '2027-01',
          libelle: 'V',
          ht: 1000.01,
          reglement: [
            { part: 33.33, delai: 0 },
            { part: 33.33, delai: 30 },
            { part: 33.34, delai: 60 },
          ],
        },
      ],
    });
    // TTC 1 200,01 € ; 33,33 % = 399,963… → 399,96 ; reste 400,09
    expect(ligne(r.encaissements, 'V')).toEqual(k(399.96, 399.96, 400.09));
  });

  test('9. créances du bilan encaissées sur deux mois', () => {
    const r = budget({
      soldeInitial: {
        creances: [
          { mois: '2027-01', libelle: 'Créances clients', montant: 3600 },
          { mois: '2027-02', libelle: 'Créances clients', montant: 3600 },
        ],
      },
    });
    expect(ligne(r.encaissements, 'Créances clients')).toEqual(k(3600, 3600, 0));
  });

  test('10. douze mois constants', () => {
    const mois = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);
    const r = budget({ mois: 12, ventes: mois.map((m) => ({ mois: m, libelle: 'Ventes', ht: 10000 })), achats: mois.map((m) => ({ mois: m, libelle: 'Achats', ht: 6000 })) });
    // par mois : + 12 000 − 7 200 ; TVA due 800 payée le mois suivant (11 fois dans l'horizon)
    expect(r.tresorerie.fin[11]).toBe(10000_00 + 144000_00 - 86400_00 - 8800_00);
    expect(r.finDePeriode.tvaADecaisser).toBe(800_00);
  });
});

describe('budget de trésorerie : cas invalides', () => {
  test('mois hors période, horizon trop long, parts qui ne font pas 100 %, délai inconnu', () => {
    expect(() => budget({ ventes: [{ mois: '2027-05', libelle: 'V', ht: 1 }] })).toThrow('champ « ventes[1].mois » : mai 2027 est hors de la période du budget (janvier 2027 à mars 2027)');
    expect(() => budget({ mois: 13 })).toThrow(/champ « mois » : le budget porte sur 3 à 12 mois/);
    expect(() => budget({ ventes: [{ mois: '2027-01', libelle: 'V', ht: 1, reglement: [{ part: 50, delai: 0 }] }] })).toThrow(
      /ventes\[1\]\.reglement » : les parts des règlements doivent totaliser 100 %/,
    );
    expect(() => budget({ ventes: [{ mois: '2027-01', libelle: 'V', ht: 1, reglement: [{ part: 100, delai: 45 }] }] })).toThrow(/délai de règlement attendu : 0 \(comptant\), 30, 60 ou 90 jours/);
  });
});

describe('budget de trésorerie : propriétés', () => {
  const facture = (n: number) =>
    fc.record({
      i: fc.integer({ min: 0, max: n - 1 }),
      ht: fc.integer({ min: 0, max: 5_000_000 }),
      taux: fc.constantFrom(20, 10, 5.5, 0),
      delais: fc.constantFrom(
        [[100, 0]],
        [[100, 30]],
        [
          [50, 0],
          [50, 60],
        ],
        [
          [30, 0],
          [30, 30],
          [40, 90],
        ],
      ),
    });
  test('fin de M = début de M+1 ; la trésorerie finale est la somme des flux ; rien ne se perd', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 12 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(facture(n), { maxLength: 12 }), fc.array(facture(n), { maxLength: 12 }), fc.integer({ min: -1_000_000, max: 1_000_000 }))),
        ([n, ventes, achats, initial]) => {
          const m = (i: number) => `2027-${String(i + 1).padStart(2, '0')}`;
          const f = (x: { i: number; ht: number; taux: number; delais: readonly (readonly number[])[] }) => ({
            mois: m(x.i),
            libelle: `Lot ${m(x.i)}`,
            ht: x.ht / 100,
            taux: x.taux,
            reglement: x.delais.map(([part, delai]) => ({ part, delai })),
          });
          const r = budget({ mois: n, tresorerieInitiale: initial / 100, ventes: ventes.map(f), achats: achats.map(f) });
          for (let i = 1; i < n; i++) expect(r.tresorerie.debut[i]).toBe(r.tresorerie.fin[i - 1]);
          const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
          expect(r.tresorerie.fin[n - 1]).toBe(initial + sum(r.encaissements.total) - sum(r.decaissements.total));
          // every TTC cent of a sale is either collected within the horizon or a receivable at the end
          const ttc = sum(r.tva.collectee) + sum(ventes.map((v) => v.ht));
          expect(sum(r.encaissements.total) + r.finDePeriode.creancesClients).toBe(ttc);
          // TVA: what is paid in the horizon plus what is due at the end equals the net of the months' TVA, when no credit remains
          const tvaPayee = sum(r.decaissements.lignes.find((l) => l.libelle === 'TVA à décaisser')?.montants ?? []);
          expect(tvaPayee + r.finDePeriode.tvaADecaisser - r.finDePeriode.creditTva).toBe(sum(r.tva.collectee) - sum(r.tva.deductibleBiensServices) - sum(r.tva.deductibleImmobilisations));
        },
      ),
      { numRuns: 300 },
    );
  });
});
