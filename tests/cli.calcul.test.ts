import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dossierTemporaire, lancer } from './aides/cli';
import { CALCULS } from '../src/exercices/registre';

const fichier = (contenu: unknown, nom = 'cas.json') => {
  const f = path.join(dossierTemporaire('agora-calcul-'), nom);
  writeFileSync(f, typeof contenu === 'string' ? contenu : JSON.stringify(contenu));
  return f;
};

describe('agora calcul', () => {
  test('tva : lignes en euros entiers et pièces retenues ; le fichier n\u2019est pas modifié', async () => {
    const cas = {
      periode: '2026-03',
      operations: [{ piece: 'FV1', sens: 'vente', date: '2026-03-04', tiers: 'Dupuis', libelle: 'Marchandises', nature: 'bien', zone: 'france', ht: 1250.4, taux: 20 }],
    };
    const f = fichier(cas);
    const avant = readFileSync(f, 'utf8');
    const { code, out } = await lancer(['calcul', 'tva', '--entree', f]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const l = (c: string) => r.lignes.find((x: { code: string }) => x.code === c);
    expect([l('A1').montant, l('08').base, l('08').montant, l('28').montant]).toEqual([1250, 1250, 250, 250]);
    expect(l('08').operations).toEqual(['FV1']);
    expect(readFileSync(f, 'utf8')).toBe(avant);
  });

  test('rapprochement et trésorerie : montants en euros', async () => {
    const rap = await lancer([
      'calcul',
      'rapprochement',
      '--entree',
      fichier({
        date: '2026-03-31',
        compte512: { soldeInitial: 100, lignes: [] },
        releve: { soldeInitial: 100, lignes: [{ date: '2026-03-31', libelle: 'Frais', debit: 14.4, compte: '627', tva: 2.4 }] },
      }),
    ]);
    expect(rap.code).toBe(0);
    const r = JSON.parse(rap.out);
    expect([r.entreprise.soldeRapproche, r.banque.soldeRapproche]).toEqual([85.6, 85.6]);
    expect(r.ecritures[0].lignes.map((x: { compte: string; debit: number }) => [x.compte, x.debit])).toEqual([
      ['627', 12],
      ['44566', 2.4],
      ['512', 0],
    ]);
    expect(r.ecritures[0].source.index).toBe(1);
    const tre = await lancer(['calcul', 'tresorerie', '--entree', fichier({ debut: '2027-01', mois: 3, tresorerieInitiale: 1000, ventes: [{ mois: '2027-01', libelle: 'Ventes', ht: 100 }] })]);
    expect(JSON.parse(tre.out).tresorerie.fin).toEqual([1120, 1100, 1100]);
  });

  test('--schema : schéma JSON des données, avec les descriptions', async () => {
    const { code, out } = await lancer(['calcul', 'tva', '--schema']);
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.required).toEqual(['periode', 'operations']);
    expect(s.properties.operations.items.properties.zone.enum).toEqual(['france', 'ue', 'hors_ue']);
    expect(s.properties.operations.items.properties.ht.description).toBe('Montant hors taxes en euros');
  });

  test('données invalides, JSON illisible, fichier absent : code 1 et message qui nomme le fichier et le champ', async () => {
    const f = fichier({ periode: '2026-03', operations: [{ piece: 'X', sens: 'vente', date: '2026-03-01', tiers: 'T', libelle: 'L', nature: 'bien', zone: 'france', ht: 10, taux: 19.6 }] });
    const taux = await lancer(['calcul', 'tva', '--entree', f]);
    expect(taux.code).toBe(1);
    expect(taux.err).toBe(`Erreur : Cas de TVA invalide dans « ${f} » :\n  - opération 1 (pièce X) : taux de TVA inconnu 19,6 % (taux possibles : 20 %, 5,5 %, 10 %, 2,1 %)\n`);
    const manque = await lancer(['calcul', 'tresorerie', '--entree', fichier({ debut: '2027-01', mois: 3 })]);
    expect(manque.err).toMatch(/champ « tresorerieInitiale » : champ obligatoire manquant/);
    const json = await lancer(['calcul', 'tva', '--entree', fichier('{"periode": "2026-03",\n "operations": [,]}')]);
    expect(json.code).toBe(1);
    expect(json.err).toMatch(/n'est pas un fichier JSON valide/);
    const absent = await lancer(['calcul', 'tva', '--entree', '/nulle/part.json']);
    expect([absent.code, absent.err]).toEqual([1, 'Erreur : Fichier introuvable ou illisible : « /nulle/part.json ».\n']);
  });

  test('montants bornés : 1 000 000 000 € HT se calcule au centime près ; 1e15 est refusé en français, champ nommé, jamais « Division non entière »', async () => {
    const operation = (piece: string, ht: number) => ({ piece, sens: 'vente', date: '2026-03-04', tiers: 'Dupuis', libelle: 'Marchandises', nature: 'bien', zone: 'france', ht, taux: 5.5 });
    const max = await lancer(['calcul', 'tva', '--entree', fichier({ periode: '2026-03', operations: [operation('FV1', 1_000_000_000), operation('FV2', 999_999_999.99)] })]);
    expect(max.code).toBe(0);
    const l = (c: string) => JSON.parse(max.out).lignes.find((x: { code: string }) => x.code === c);
    // 1 999 999 999,99 € à 5,5 % : base 2 000 000 000 € (arrondie à l'euro), TVA 109 999 999,99 → 110 000 000 €
    expect([l('A1').montant, l('09').base, l('09').montant]).toEqual([2_000_000_000, 2_000_000_000, 110_000_000]);
    for (const [ht, champ] of [
      [1e15, 'operations[1].ht'],
      [-1e15, 'operations[1].ht'],
    ] as const) {
      const r = await lancer(['calcul', 'tva', '--entree', fichier({ periode: '2026-03', operations: [operation('FV1', ht)] })]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`champ « ${champ.replace(/[[\]]/g, '\\$&')} » : (montant de 1 000 000 000 € au plus en valeur absolue|le montant ne peut pas être négatif)`));
    }
    const tre = await lancer([
      'calcul',
      'tresorerie',
      '--entree',
      fichier({ debut: '2027-01', mois: 3, tresorerieInitiale: -1e12, ventes: [{ mois: '2027-01', libelle: 'Ventes', ht: 100, taux: 300 }] }),
    ]);
    expect(tre.err).toMatch(/champ « tresorerieInitiale » : montant de 1 000 000 000 € au plus en valeur absolue/);
    expect(tre.err).toMatch(/champ « ventes\[1\]\.taux » : taux de 100 % au plus/);
  });

  test('calcul inconnu ou options incompatibles : code 2', async () => {
    expect((await lancer(['calcul', 'salaire', '--schema'])).err).toBe(`Erreur : Précisez le calcul : ${CALCULS.join(', ')} (et non « salaire »).\n`);
    expect(CALCULS).toEqual([
      'facture',
      'relances',
      'ventes',
      'devis',
      'prospection',
      'clients',
      'stocks',
      'tva',
      'rapprochement',
      'reglements',
      'fournisseurs',
      'planning',
      'tresorerie',
      'paie',
      'conges',
      'frais',
      'formation',
      'deplacement',
      'entree-sortie',
      'tableau-social',
    ]); // paie-anomalies has no calculator of its own
    expect((await lancer(['calcul', 'tva'])).code).toBe(2);
    expect((await lancer(['calcul', 'tva', '--schema', '--entree', 'x.json'])).code).toBe(2);
  });
});
