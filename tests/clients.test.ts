import fc from 'fast-check';
import { calculerClients, FACON_JUSTE, emailValide } from '../src/exercices/clients/calcul';
import { EntreeClients } from '../src/exercices/clients/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';

/**
 * Worked by hand from the consignes (template clients.json) and the rules of « Paramètres »: SIRET
 * 123 456 782 0001 0, 0002 8 and 0003 6 pass Luhn (sums 40, 50, 50), 0001 1 does not; C4 repeats C1's
 * SIRET; C3's code postal of four digits is corrected by a change, its e-mail has no dot; C5 has no
 * e-mail. Three months of sales, two families.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  clients: [
    { code: 'C1', raisonSociale: 'Alpha', siret: '12345678200010', codePostal: '49000', ville: 'Angers', email: 'alpha@alpha.fr' },
    { code: 'C2', raisonSociale: 'Beta', siret: '12345678200011', codePostal: '44000', ville: 'Nantes', email: 'beta@beta.fr' },
    { code: 'C3', raisonSociale: 'Gamma', siret: '12345678200028', codePostal: '4900', ville: 'Angers', email: 'gamma@gamma' },
    { code: 'C4', raisonSociale: 'ALPHA', siret: '12345678200010', codePostal: '35000', ville: 'Rennes', email: 'delta@delta.fr' },
    { code: 'C5', raisonSociale: 'Epsilon', siret: '12345678200036', codePostal: '72000', ville: 'Le Mans', email: '' },
  ],
  modifications: [
    { code: 'C3', champ: 'codePostal', valeur: '49100' },
    { code: 'C1', champ: 'email', valeur: 'compta@alpha.fr' },
  ],
  ventes: [
    { mois: '2026-01', n: 1000, n1: 800 },
    { mois: '2026-02', n: 900, n1: 1000 },
    { mois: '2026-03', n: 1200, n1: 1200 },
  ],
  familles: [
    { famille: 'Fournitures', ca: 2000 },
    { famille: 'Mobilier', ca: 1100 },
  ],
  commandes: 20,
  devisEnvoyes: 40,
  devisAcceptes: 12,
};
const entree = (cas: unknown) => valider(EntreeClients, cas, 'cas');

test('clients : fichier à jour, anomalies, cumuls, variations, parts, panier, transformation — calculés à la main', () => {
  expect(['a@b.fr', 'contact@sarl-fontaine.fr', 'gamma@gamma', 'a b@c.fr', 'a@@b.fr', '@b.fr'].map(emailValide)).toEqual([true, true, false, false, false, false]);
  expect(calculerClients(entree(CAS))).toEqual({
    fichier: [
      { codePostal: '49000', email: 'compta@alpha.fr' },
      { codePostal: '44000', email: 'beta@beta.fr' },
      { codePostal: '49100', email: 'gamma@gamma' },
      { codePostal: '35000', email: 'delta@delta.fr' },
      { codePostal: '72000', email: '' },
    ],
    anomalies: ['aucune', 'siret', 'email', 'doublon', 'manquant'],
    cumuls: [100000, 190000, 310000],
    variations: [25, -10, 0], // 200 / 800 ; −100 / 1 000 ; 0
    variationAnnuelle: 3.33, // 100 / 3 000
    parts: [64.52, 35.48], // 2 000 / 3 100 = 64,516… %
    panier: 15500, // 3 100 / 20
    conversion: 30, // 12 / 40
  });
});

test('clients : les erreurs types, calculées à la main', () => {
  const e = entree(CAS);
  const avec = (f: Partial<typeof FACON_JUSTE>) => calculerClients(e, { ...FACON_JUSTE, ...f });
  expect(avec({ modifications: false })).toMatchObject({
    fichier: [{ email: 'alpha@alpha.fr' }, {}, { codePostal: '4900' }, {}, {}],
    anomalies: ['aucune', 'siret', 'codePostal', 'doublon', 'manquant'],
  });
  expect(avec({ doublonSuivant: false }).anomalies).toEqual(['doublon', 'siret', 'email', 'aucune', 'manquant']);
  expect(avec({ surN1: false }).variations).toEqual([20, -11.11, 0]);
  expect(avec({ conversion: false }).conversion).toBe(333.33);
});

test('clients : le dernier cumul fait le chiffre d’affaires de l’année ; les parts font 100 % à l’arrondi près ; un client n’a qu’une anomalie', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['doublon', 'champ_manquant', 'baisse']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'clients', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeClients;
      const r = calculerClients(e);
      expect(r.cumuls.at(-1)).toBe(e.ventes.reduce((a, v) => a + v.n, 0));
      expect(Math.abs(r.parts.reduce((a, p) => a + p, 0) - 100)).toBeLessThanOrEqual(0.01 * r.parts.length);
      expect(r.anomalies.filter((a) => a === 'doublon').length).toBe(aleas.includes('doublon') ? 1 : 0);
      expect(r.anomalies.filter((a) => a === 'manquant').length).toBe(aleas.includes('champ_manquant') ? 1 : 0);
    }),
    { numRuns: 60 },
  );
});
