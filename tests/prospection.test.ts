import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerProspection, FACON_JUSTE } from '../src/exercices/prospection/calcul';
import { EntreeProspection } from '../src/exercices/prospection/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand from the consignes (template prospection.json): a mailing of 1 000 contacts in
 * France at 0,85 € and 200 in the EU at 1,75 €, fixed costs 500 + 300 €, 10 documentations sent on
 * request at 4,50 €; four orders, the third on the closing day (kept), the fourth two days after it
 * (not the operation's); taux de marque 40 %.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  operation: { nature: 'mailing', libelle: 'Mailing de rentrée', debut: '2026-05-04', cloture: '2026-06-03' },
  frais: [
    { libelle: 'Conception graphique', montant: 500 },
    { libelle: 'Location du fichier d\u2019adresses', montant: 300 },
  ],
  cibles: [
    { cible: 'Entreprises de la région', contacts: 1000, coutUnitaire: 0.85 },
    { cible: 'Entreprises de l\u2019Union européenne', contacts: 200, coutUnitaire: 1.75 },
  ],
  demandes: { nombre: 10, coutUnitaire: 4.5 },
  commandes: [
    { numero: 'C1', date: '2026-05-10', client: 'Cabinet Moreau', montant: 400 },
    { numero: 'C2', date: '2026-05-20', client: 'Hôtel du Parc', montant: 250 },
    { numero: 'C3', date: '2026-06-03', client: 'Boulangerie Roux', montant: 350 },
    { numero: 'C4', date: '2026-06-05', client: 'SARL Fontaine', montant: 500 },
  ],
  tauxMarque: 40,
  objectifs: { tauxRetour: 0.5, chiffreAffaires: 1000 },
};
const entree = (cas: unknown) => valider(EntreeProspection, cas, 'cas');

describe('prospection : bilan calculé à la main', () => {
  test('coût 2 045 €, 3 commandes sur 1 200 contacts (0,25 %), marge 400 €, résultat −1 645 €, seuil 16 commandes', () => {
    expect(calculerProspection(entree(CAS))).toEqual({
      fixes: 80000, // 500 + 300
      variables: 120000, // 1 000 × 0,85 + 200 × 1,75 = 850 + 350
      documentation: 4500, // 10 × 4,50
      coutTotal: 204500,
      contacts: 1200,
      coutContact: 170, // 2 045 / 1 200 = 1,7041…
      commandes: 3, // C4 arrives after the closing date
      tauxRetour: 0.25, // 3 / 1 200 × 100
      chiffreAffaires: 100000, // 400 + 250 + 350
      panierMoyen: 33333, // 1 000 / 3 = 333,333…
      marge: 40000, // 1 000 × 40 %
      resultat: -164500,
      coutCommande: 68167, // 2 045 / 3 = 681,666…
      seuil: 16, // 2 045 / (400 / 3) = 15,34 → 16
      objectifRetour: false, // 0,25 % < 0,5 %
      objectifChiffreAffaires: true, // 1 000 € = the objective: reached
    });
  });

  test('les erreurs types, calculées à la main : taux de marge, seuil sur le chiffre d\u2019affaires, commandes après la clôture, coûts oubliés', () => {
    const e = entree(CAS);
    // 1 000 × 40 / 140 = 285,714…
    expect(calculerProspection(e, { ...FACON_JUSTE, tauxDeMarque: false }).marge).toBe(28571);
    // 2 045 / (1 000 / 3) = 6,135 → 7
    expect(calculerProspection(e, { ...FACON_JUSTE, seuilSurMarge: false }).seuil).toBe(7);
    expect(calculerProspection(e, { ...FACON_JUSTE, cloture: false })).toMatchObject({ commandes: 4, chiffreAffaires: 150000 });
    expect(calculerProspection(e, { ...FACON_JUSTE, variables: false }).coutTotal).toBe(84500);
    expect(calculerProspection(e, { ...FACON_JUSTE, documentation: false }).coutTotal).toBe(200000);
  });

  test('agora calcul prospection --entree : montants en euros', async () => {
    const d = dossierTemporaire('agora-prospection-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'prospection', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ coutTotal: 2045, coutContact: 1.7, commandes: 3, tauxRetour: 0.25, panierMoyen: 333.33, resultat: -1645, seuil: 16 });
  });

  test('cas de l\u2019enseignant refusés en français, le champ nommé : clôture avant le début, commande avant le début, aucune commande avant la clôture', async () => {
    const d = dossierTemporaire('agora-prospection-');
    const f = path.join(d, 'cas.json');
    const refus = async (cas: unknown) => {
      writeFileSync(f, JSON.stringify(cas));
      const r = await lancer(['calcul', 'prospection', '--entree', f]);
      expect(r.code).toBe(1);
      return r.err;
    };
    expect(await refus({ ...CAS, operation: { ...CAS.operation, cloture: '2026-05-01' } })).toContain('champ « operation.cloture » : la date de clôture précède le début de l\u2019opération');
    expect(await refus({ ...CAS, commandes: [{ ...CAS.commandes[0], date: '2026-05-01' }, ...CAS.commandes.slice(1)] })).toContain(
      'champ « commandes[1].date » : une commande reçue avant le début de l\u2019opération ne vient pas d\u2019elle',
    );
    expect(await refus({ ...CAS, commandes: CAS.commandes.slice(3) })).toContain('champ « commandes » : aucune commande reçue avant la clôture');
    expect(await refus({ ...CAS, tauxMarque: 100 })).toContain('champ « tauxMarque »');
  });
});

test('prospection : coût = frais fixes + contacts + documentation ; commandes retenues reçues au plus tard à la clôture ; le seuil est le plus petit nombre de commandes dont la marge moyenne couvre le coût', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['salon', 'demandes_infos', 'hors_delai', 'ue']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'prospection', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeProspection;
      const r = calculerProspection(e);
      expect(r.coutTotal).toBe(r.fixes + r.variables + r.documentation);
      expect(r.commandes).toBe(e.commandes.filter((c) => c.date <= e.operation.cloture).length);
      expect(r.commandes).toBeLessThanOrEqual(e.commandes.length);
      expect(r.resultat).toBe(r.marge - r.coutTotal);
      // seuil × average margin ≥ cost > (seuil − 1) × average margin, exactly: × orders on both sides
      expect(r.seuil * r.marge).toBeGreaterThanOrEqual(r.coutTotal * r.commandes);
      expect((r.seuil - 1) * r.marge).toBeLessThan(r.coutTotal * r.commandes);
      expect(r.marge).toBeLessThan(r.chiffreAffaires);
    }),
    { numRuns: 80 },
  );
});
