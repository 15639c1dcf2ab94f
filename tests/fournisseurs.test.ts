import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerFournisseurs, FACON_JUSTE } from '../src/exercices/fournisseurs/calcul';
import { cleTva, ibanValide, tvaValide } from '../src/exercices/fournisseurs/controles';
import { luhnValide } from '../src/domain/identifiants';
import { EntreeFournisseurs } from '../src/exercices/fournisseurs/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand. SIREN 123 456 782: Luhn sum 40; SIRET 123 456 782 0001 + 0 (sum 40 without the key);
 * 123 456 782 mod 97 = 32, TVA key (12 + 3 × 32) mod 97 = 11; the whole SIRET mod 97 = 77, a key of
 * 49. The IBAN FR76 3000 6000 0112 3456 7890 189 is the banks' documented example. Quotes noted
 * by the consignes; supplies ordered within 300 € (the classeurs would make 305 €).
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  fournisseurs: [
    { nom: 'Distri Ouest', siret: '12345678200010', tva: 'FR11123456782', iban: 'FR76 3000 6000 0112 3456 7890 189' },
    { nom: 'Grossiste Dumas', siret: '12345678200011', tva: 'FR12123456782', iban: 'FR76 3000 6000 0112 3456 7890 188' },
    { nom: 'Papeteries Réunies', siret: '12345678200010', tva: 'FR11123456782', iban: 'FR76 3000 6000 0112 3456 7890 189' },
  ],
  criteres: { prix: 40, delai: 20, qualite: 25, paiement: 15 },
  devis: [
    { fournisseur: 'Distri Ouest', prix: 1000, delai: 5, qualite: 4, paiement: 30 },
    { fournisseur: 'Grossiste Dumas', prix: 1250, delai: 2, qualite: 5, paiement: 60 },
    { fournisseur: 'Papeteries Réunies', prix: 800, delai: 10, qualite: 3, paiement: 0 },
  ],
  budget: 300,
  tauxTva: 20,
  fournitures: [
    { article: 'Ramettes', quantite: 5, prixUnitaire: 24, priorite: 'indispensable' },
    { article: 'Toner', quantite: 1, prixUnitaire: 65, priorite: 'indispensable' },
    { article: 'Stylos', quantite: 2, prixUnitaire: 15, priorite: 'utile' },
    { article: 'Classeurs', quantite: 3, prixUnitaire: 30, priorite: 'utile' },
    { article: 'Agrafes', quantite: 4, prixUnitaire: 4.5, priorite: 'utile' },
  ],
};
const entree = (cas: unknown) => valider(EntreeFournisseurs, cas, 'cas');

describe('fournisseurs : calculé à la main', () => {
  test('clés du SIRET, du numéro de TVA et de l’IBAN', () => {
    expect([luhnValide('123456782'), luhnValide('12345678200010'), luhnValide('12345678200011')]).toEqual([true, true, false]);
    expect([cleTva('123456782'), cleTva('12345678200010')]).toEqual([11, 49]);
    expect([tvaValide('FR11123456782', '123456782'), tvaValide('FR12123456782', '123456782'), tvaValide('FR11123456782', '987654321')]).toEqual([true, false, false]);
    expect([ibanValide('FR76 3000 6000 0112 3456 7890 189'), ibanValide('FR76 3000 6000 0112 3456 7890 188')]).toEqual([true, false]);
  });

  test('contrôles, notes, scores et choix ; fournitures dans le budget ; écriture d’achat', () => {
    expect(calculerFournisseurs(entree(CAS))).toEqual({
      controles: [
        [true, true, true],
        [false, false, false],
        [true, true, true],
      ],
      notes: [
        [8, 4, 8, 5], // 10 × 800 / 1 000 ; 10 × 2 / 5 ; 10 × 4 / 5 ; 10 × 30 / 60
        [6.4, 10, 10, 10],
        [10, 2, 6, 0],
      ],
      scores: [6.75, 8.56, 5.9], // (40 × 8 + 20 × 4 + 25 × 8 + 15 × 5) / 100 …
      choix: 1,
      fournitures: [
        { montant: 12000, retenue: true },
        { montant: 6500, retenue: true },
        { montant: 3000, retenue: true }, // 215 €
        { montant: 9000, retenue: false }, // 305 € > 300 €
        { montant: 1800, retenue: true }, // 233 €
      ],
      total: 23300,
      tva: 4660,
    });
  });

  test('les erreurs types, calculées à la main', () => {
    const e = entree(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerFournisseurs(e, { ...FACON_JUSTE, ...f });
    expect(avec({ cleSurSiren: false }).controles.map((c) => c[1])).toEqual([false, false, false]); // key 49 expected, never 11 or 12
    expect(avec({ sensDesCriteres: false }).notes.map((n) => n.slice(0, 2))).toEqual([
      [8, 5],
      [10, 2],
      [6.4, 10],
    ]);
    expect(avec({ ponderation: false }).scores).toEqual([6.25, 9.1, 4.5]);
    expect(avec({ budget: false }).total).toBe(32300);
  });

  test('agora calcul fournisseurs ; refus en français, le champ nommé', async () => {
    const d = dossierTemporaire('agora-fournisseurs-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'fournisseurs', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ scores: [6.75, 8.56, 5.9], total: 233, tva: 46.6 });
    writeFileSync(f, JSON.stringify({ ...CAS, criteres: { ...CAS.criteres, prix: 50 } }));
    const x = await lancer(['calcul', 'fournisseurs', '--entree', f]);
    expect([x.code, x.err]).toEqual([1, expect.stringContaining('champ « criteres » : les poids des critères font 100 % en tout')]);
  });
});

test('fournisseurs : un identifiant généré est valide sauf celui que l’aléa fausse ; les notes vont de 0 à 10 ; la commande tient dans le budget', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['informations_erronees', 'budget_serre', 'urgence']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'fournisseurs', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeFournisseurs;
      const r = calculerFournisseurs(e);
      expect(r.controles.flat().filter((x) => !x).length).toBe(aleas.includes('informations_erronees') ? 3 : 1);
      for (const n of r.notes.flat()) expect(n >= 0 && n <= 10).toBe(true);
      expect(r.total).toBeLessThanOrEqual(e.budget);
      expect(r.scores[r.choix]).toBe(Math.max(...r.scores));
    }),
    { numRuns: 60 },
  );
});
