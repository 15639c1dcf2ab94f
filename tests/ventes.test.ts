import fc from 'fast-check';
import { calculerVentes, FACON_JUSTE } from '../src/exercices/ventes/calcul';
import { EntreeVentes } from '../src/exercices/ventes/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';

/**
 * Worked by hand from the consignes (template ventes.json) and the plan comptable général: F1 to A,
 * 1 000 € less 10 % plus 25 € of port; F2 to B, 500 €; F3 to A, 2 000 € less 5 %; TVA 20 %. B pays F2;
 * A pays F1 less a 2 % escompte, and 1 000 € on F3.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  tauxTva: 20,
  factures: [
    { numero: 'F1', date: '2026-03-02', client: 'A', brut: 1000, remise: 10, port: 25 },
    { numero: 'F2', date: '2026-03-05', client: 'B', brut: 500 },
    { numero: 'F3', date: '2026-03-08', client: 'A', brut: 2000, remise: 5 },
  ],
  encaissements: [
    { date: '2026-03-10', facture: 'F2', client: 'B', mode: 'solde' },
    { date: '2026-03-12', facture: 'F1', client: 'A', mode: 'escompte', escompte: 2 },
    { date: '2026-03-20', facture: 'F3', client: 'A', mode: 'partiel', montant: 1000 },
  ],
};
const entree = (cas: unknown) => valider(EntreeVentes, cas, 'cas');

test('ventes : journal des ventes, journal de banque avec escompte et règlement partiel, lettrage, soldes — calculés à la main', () => {
  expect(calculerVentes(entree(CAS))).toEqual({
    ventes: [
      { client: 111000, ventes: 90000, port: 2500, tva: 18500 }, // (900 + 25) × 20 %
      { client: 60000, ventes: 50000, port: 0, tva: 10000 },
      { client: 228000, ventes: 190000, port: 0, tva: 38000 },
    ],
    encaissements: [
      { banque: 60000, escompte: null, tva: null, client: 60000 },
      { banque: 108840, escompte: 1800, tva: 360, client: 111000 }, // 900 × 2 % ; its TVA ; 1 110 − 18 − 3,60
      { banque: 100000, escompte: null, tva: null, client: 100000 },
    ],
    lettrees: [true, true, false],
    soldes: [
      { client: 'A', solde: 128000 }, // 1 110 + 2 280 − 1 110 − 1 000
      { client: 'B', solde: 0 },
    ],
  });
});

test('ventes : les erreurs types, calculées à la main', () => {
  const e = entree(CAS);
  const avec = (f: Partial<typeof FACON_JUSTE>) => calculerVentes(e, { ...FACON_JUSTE, ...f });
  expect(avec({ tvaSurPort: false }).ventes[0]).toEqual({ client: 110500, ventes: 90000, port: 2500, tva: 18000 });
  expect(avec({ portA7085: false }).ventes[0]).toMatchObject({ ventes: 92500, port: 0 });
  expect(avec({ tvaEscompte: false }).encaissements[1]).toEqual({ banque: 108840, escompte: 2160, tva: null, client: 111000 });
  expect(avec({ creditTtc: false })).toMatchObject({
    lettrees: [false, true, false],
    soldes: [
      { client: 'A', solde: 130160 },
      { client: 'B', solde: 0 },
    ],
  });
});

test('ventes : chaque écriture est équilibrée ; une facture lettrée ne laisse rien à son client ; la somme des soldes est celle des factures moins les règlements', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['remise', 'port', 'escompte', 'reglement_partiel']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'ventes', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeVentes;
      const r = calculerVentes(e);
      for (const v of r.ventes) expect(v.client).toBe(v.ventes + v.port + v.tva);
      for (const l of r.encaissements) expect(l.banque + (l.escompte ?? 0) + (l.tva ?? 0)).toBe(l.client);
      const total = r.ventes.reduce((s, v) => s + v.client, 0) - r.encaissements.reduce((s, l) => s + l.client, 0);
      expect(r.soldes.reduce((s, x) => s + x.solde, 0)).toBe(total);
      expect(r.lettrees.filter((x) => !x).length).toBeGreaterThanOrEqual(1);
    }),
    { numRuns: 60 },
  );
});
