import fc from 'fast-check';
import { calculerRapprochement, type ResultatRapprochement } from '../src/exercices/rapprochement/calcul';
import { EntreeRapprochement } from '../src/exercices/rapprochement/entree';
import { ErreurDonnees, valider } from '../src/domain/validation';

/*
 * Reference cases worked by hand with the method of the état de rapprochement bancaire taught in
 * Bac Pro AGOrA (bloc 2, 2.2.1): pointage of the compte 512 against the relevé, each column
 * completed with what the other side holds and it does not, equal soldes rapprochés, then the
 * écritures de régularisation for the statement lines missing from the books (PCG accounts).
 */
type L = Record<string, unknown>;
const cas = (o: { s512?: number; sReleve?: number; compte?: L[]; releve?: L[]; suspens?: L[] }): ResultatRapprochement =>
  calculerRapprochement(
    valider(
      EntreeRapprochement,
      {
        date: '2026-03-31',
        compte512: { soldeInitial: o.s512 ?? 1000, lignes: o.compte ?? [] },
        releve: { soldeInitial: o.sReleve ?? o.s512 ?? 1000, lignes: o.releve ?? [] },
        suspens: o.suspens ?? [],
      },
      'test',
    ),
  );
const d = (date: string, libelle: string, debit: number, autres: L = {}): L => ({ date: `2026-03-${date}`, libelle, debit, ...autres });
const c = (date: string, libelle: string, credit: number, autres: L = {}): L => ({ date: `2026-03-${date}`, libelle, credit, ...autres });
const colonne = (r: ResultatRapprochement, cote: 'entreprise' | 'banque') => r[cote].lignes.map((l) => [l.libelle, l.debit, l.credit]);
const ecritures = (r: ResultatRapprochement) => r.ecritures.map((e) => e.lignes.map((l) => [l.compte, l.debit, l.credit]));

describe('rapprochement : cas de référence calculés à la main', () => {
  test('1. tout est pointé : aucun ajustement, soldes égaux', () => {
    const r = cas({ s512: 5000, compte: [d('04', 'Remise de chèques', 1200), c('06', 'Chèque n° 101', 800)], releve: [c('05', 'Remise', 1200), d('09', 'Chèque 101', 800)] });
    expect([r.entreprise.soldeAvant, r.banque.soldeAvant, r.entreprise.soldeRapproche, r.banque.soldeRapproche]).toEqual([540000, 540000, 540000, 540000]);
    expect(r.pointages.map((p) => p.mode)).toEqual(['montant', 'montant']);
    expect(r.ecritures).toEqual([]);
  });

  test('2. chèque émis non encaissé : au débit de la colonne banque', () => {
    const r = cas({ s512: 3000, compte: [c('03', 'Chèque n° 2045', 450), d('12', 'Virement client', 2000)], releve: [c('13', 'Virement client', 2000)] });
    expect([r.entreprise.soldeAvant, r.banque.soldeAvant]).toEqual([455000, 500000]);
    expect(colonne(r, 'banque')).toEqual([['Chèque n° 2045', 45000, 0]]);
    expect(colonne(r, 'entreprise')).toEqual([]);
    expect(r.banque.soldeRapproche).toBe(455000);
  });

  test('3. frais de tenue de compte soumis à TVA : 627, 44566 et 512', () => {
    const r = cas({ releve: [d('31', 'Frais de tenue de compte', 14.4, { compte: '627', tva: 2.4 })] });
    expect(colonne(r, 'entreprise')).toEqual([['Frais de tenue de compte', 0, 1440]]);
    expect(r.entreprise.soldeRapproche).toBe(98560);
    expect(ecritures(r)).toEqual([
      [
        ['627', 1200, 0],
        ['44566', 240, 0],
        ['512', 0, 1440],
      ],
    ]);
    expect(r.ecritures[0]!.lignes.map((l) => l.intitule)).toEqual(['Services bancaires et assimilés', 'TVA sur autres biens et services', 'Banques']);
  });

  test('4. agios et intérêts créditeurs : 661 et 768', () => {
    const r = cas({ releve: [d('31', 'Agios', 37.85, { compte: '661' }), c('31', 'Intérêts créditeurs', 5.12, { compte: '768' })] });
    expect(r.entreprise.soldeRapproche).toBe(100000 - 3785 + 512);
    expect(ecritures(r)).toEqual([
      [
        ['661', 3785, 0],
        ['512', 0, 3785],
      ],
      [
        ['512', 512, 0],
        ['768', 0, 512],
      ],
    ]);
  });

  test('5. prélèvement d\u2019assurance et virement d\u2019un client non enregistrés', () => {
    const r = cas({ s512: 2500, releve: [d('15', 'Prélèvement MAAF assurance', 320, { compte: '616' }), c('20', 'Virement client Durand', 1500, { compte: '411' })] });
    expect(colonne(r, 'entreprise')).toEqual([
      ['Prélèvement MAAF assurance', 0, 32000],
      ['Virement client Durand', 150000, 0],
    ]);
    expect(r.entreprise.soldeRapproche).toBe(250000 - 32000 + 150000);
    expect(ecritures(r)).toEqual([
      [
        ['616', 32000, 0],
        ['512', 0, 32000],
      ],
      [
        ['512', 150000, 0],
        ['411', 0, 150000],
      ],
    ]);
  });

  test('6. chèque impayé : la remise est pointée, l\u2019impayé est régularisé au 411', () => {
    const r = cas({
      compte: [d('05', 'Remise chèque Martin', 600, { reference: 'REM12' })],
      releve: [c('06', 'Remise', 600, { reference: 'REM12' }), d('18', 'Chèque impayé Martin', 600, { compte: '411' })],
    });
    expect(r.pointages).toHaveLength(1);
    expect(r.pointages[0]!.livre.origine).toBe('compte');
    expect(ecritures(r)).toEqual([
      [
        ['411', 60000, 0],
        ['512', 0, 60000],
      ],
    ]);
    expect(r.entreprise.soldeRapproche).toBe(100000);
  });

  test('7. remise de chèques du dernier jour non encore créditée', () => {
    const r = cas({ compte: [d('31', 'Remise de chèques n° 88', 980)] });
    expect(colonne(r, 'banque')).toEqual([['Remise de chèques n° 88', 0, 98000]]);
    expect([r.entreprise.soldeRapproche, r.banque.soldeRapproche]).toEqual([198000, 198000]);
  });

  test('8. erreur de la banque : chèque de 1 250 € débité pour 1 520 €', () => {
    const r = cas({ s512: 4000, compte: [c('08', 'Chèque n° 4512', 1250, { reference: '4512' })], releve: [d('11', 'Chèque 4512', 1520, { reference: '4512' })] });
    expect(r.erreursBanque.map((e) => e.ecart)).toEqual([27000]);
    expect(colonne(r, 'banque')).toEqual([['Erreur de la banque : Chèque 4512 (1\u202f520,00\u00a0€ au lieu de 1\u202f250,00\u00a0€)', 0, 27000]]);
    expect([r.entreprise.soldeRapproche, r.banque.soldeRapproche]).toEqual([275000, 275000]);
    expect(r.ecritures).toEqual([]);
  });

  test('9. montants égaux : la référence départage, sinon la date (signalé)', () => {
    const parReference = cas({
      compte: [c('02', 'Chèque n° 201', 150, { reference: '201' }), c('10', 'Chèque n° 202', 150, { reference: '202' })],
      releve: [d('12', 'Chèque 202', 150, { reference: '202' })],
    });
    expect(parReference.pointages.map((p) => [p.livre.libelle, p.mode])).toEqual([['Chèque n° 202', 'reference']]);
    expect(colonne(parReference, 'banque')).toEqual([['Chèque n° 201', 15000, 0]]);
    expect(parReference.ambiguites).toEqual([]);

    const parDate = cas({ compte: [d('20', 'Remise B', 200), d('05', 'Remise A', 200)], releve: [c('07', 'Remise', 200)] });
    expect(parDate.pointages.map((p) => [p.livre.libelle, p.mode])).toEqual([['Remise A', 'date']]);
    expect(parDate.ambiguites).toEqual(['200,00\u00a0€ encaissés : 2 lignes au compte 512 et 1 au relevé ; appariées par date faute de référence commune (05/03/2026 ↔ 07/03/2026).']);
  });

  test('10. suspens du rapprochement précédent : chèque de février encaissé en mars', () => {
    const r = cas({ s512: 2700, sReleve: 3000, suspens: [{ date: '2026-02-26', libelle: 'Chèque n° 99', credit: 300, reference: '99' }], releve: [d('03', 'Chèque 99', 300, { reference: '99' })] });
    expect(r.pointages[0]!.livre.origine).toBe('suspens');
    expect([r.entreprise.soldeAvant, r.banque.soldeAvant, r.banque.soldeRapproche]).toEqual([270000, 270000, 270000]);
  });

  test('11. découvert : soldes négatifs', () => {
    const r = cas({ s512: -500, releve: [d('31', 'Agios', 12, { compte: '661' })] });
    expect([r.entreprise.soldeRapproche, r.banque.soldeRapproche]).toEqual([-51200, -51200]);
  });
});

describe('rapprochement : cas invalides', () => {
  test('soldes initiaux incohérents : erreur qui donne l\u2019écart', () => {
    expect(() => cas({ s512: 1000, sReleve: 1200 })).toThrow(
      'Les soldes initiaux ne concordent pas : compte 512 1\u202f000,00\u00a0€, relevé 1\u202f200,00\u00a0€, soit un écart de -200,00\u00a0€ alors que les suspens du rapprochement précédent en expliquent 0,00\u00a0€.',
    );
  });

  test('ligne du relevé non pointée sans compte de contrepartie : le champ est nommé', () => {
    expect(() => cas({ releve: [c('02', 'Virement', 10, { compte: '411' }), d('04', 'Prélèvement inconnu', 45)] })).toThrow(
      /relevé, ligne 2 \(04\/03\/2026 Prélèvement inconnu\) : non pointée ; indiquez le compte de contrepartie de sa régularisation \(champ « releve\.lignes\[2\]\.compte »\)/,
    );
  });

  test('ligne au débit et au crédit à la fois, TVA sur un crédit : refusées', () => {
    expect(() => cas({ compte: [{ date: '2026-03-02', libelle: 'X', debit: 10, credit: 10 }] })).toThrow(/compte512\.lignes\[1\] » : indiquez un montant au débit ou au crédit/);
    expect(() => cas({ releve: [c('02', 'Intérêts', 10, { compte: '768', tva: 2 })] })).toThrow(ErreurDonnees);
  });
});

describe('rapprochement : propriétés', () => {
  // A world of true movements, each known to the books, to the bank, or to both; statement-only
  // lines carry their counterpart. Whatever the mix, both columns end on the true balance.
  const mouvement = fc.record({
    montant: fc.integer({ min: 1, max: 300_000 }),
    entree: fc.boolean(),
    connu: fc.constantFrom('deux', 'deux', 'livre', 'banque'),
    jour: fc.integer({ min: 1, max: 31 }),
  });
  const jour = (j: number) => String(j).padStart(2, '0');
  const rapprocher = (initial: number, mvts: { montant: number; entree: boolean; connu: string; jour: number }[]) =>
    cas({
      s512: initial / 100,
      compte: mvts.filter((m) => m.connu !== 'banque').map((m, i) => (m.entree ? d(jour(m.jour), `L${i}`, m.montant / 100) : c(jour(m.jour), `L${i}`, m.montant / 100))),
      releve: mvts
        .filter((m) => m.connu !== 'livre')
        .map((m, i) => (m.entree ? c(jour(m.jour), `R${i}`, m.montant / 100, { compte: '411' }) : d(jour(m.jour), `R${i}`, m.montant / 100, { compte: '627' }))),
    });

  test('montants distincts : les deux soldes rapprochés égalent le solde réel ; écritures équilibrées', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500_000, max: 500_000 }), fc.uniqueArray(mouvement, { selector: (m) => m.montant, maxLength: 30 }), (initial, mvts) => {
        const r = rapprocher(initial, mvts);
        const reel = initial + mvts.reduce((a, m) => a + (m.entree ? m.montant : -m.montant), 0);
        expect(r.entreprise.soldeRapproche).toBe(reel);
        expect(r.banque.soldeRapproche).toBe(reel);
        for (const e of r.ecritures) expect(e.lignes.reduce((a, l) => a + l.debit, 0)).toBe(e.lignes.reduce((a, l) => a + l.credit, 0));
      }),
      { numRuns: 300 },
    );
  });

  test('montants répétés : les soldes rapprochés restent égaux entre eux', () => {
    // A book-only and a bank-only movement of the same amount look like one shared movement:
    // no method can tell them apart, but both columns still agree.
    const repete = fc.record({
      montant: fc.integer({ min: 1, max: 4 }).map((x) => x * 1000),
      entree: fc.boolean(),
      connu: fc.constantFrom('deux', 'livre', 'banque'),
      jour: fc.integer({ min: 1, max: 31 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: -500_000, max: 500_000 }), fc.array(repete, { maxLength: 30 }), (initial, mvts) => {
        const r = rapprocher(initial, mvts);
        expect(r.entreprise.soldeRapproche).toBe(r.banque.soldeRapproche);
      }),
      { numRuns: 300 },
    );
  });
});
