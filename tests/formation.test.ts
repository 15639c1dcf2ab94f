import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerFormation, FACON_JUSTE } from '../src/exercices/formation/calcul';
import { parametresFormation } from '../src/exercices/formation/cas';
import { EntreeFormation } from '../src/exercices/formation/entree';
import { casGenere } from '../src/app/modelesExercices';
import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand from the consignes (template formation.json) and the barème kilométrique of June
 * 2024 (arrêté du 27 mars 2023, BOI-BAREME-000001 : 0,606 €/km for 4 CV, 0,636 €/km for 5 CV, up to
 * 5 000 km): charges 40 %, meals 18 €; F4 is cancelled.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  mois: '2024-06',
  budget: 3000,
  tauxCharges: 40,
  repas: 18,
  salaries: [
    { nom: 'Alice Martin', poste: 'Assistante' },
    { nom: 'Bruno Petit', poste: 'Comptable' },
    { nom: 'Chloé Durand', poste: 'Commerciale' },
  ],
  actions: [
    { code: 'F1', intitule: 'SST', organisme: 'Croix-Blanche', priorite: 3, coutPedagogique: 600, heures: 14, jours: 2, distance: 25, puissance: 5 },
    { code: 'F2', intitule: 'Tableur', organisme: 'Numérique Formation', priorite: 1, coutPedagogique: 400, heures: 7, jours: 1 },
    { code: 'F3', intitule: 'Anglais', organisme: 'Langues & Co', priorite: 2, coutPedagogique: 1500, heures: 21, jours: 3, distance: 40, puissance: 4 },
    { code: 'F4', intitule: 'Gestes et postures', organisme: 'Prévention Santé', priorite: 4, statut: 'annulee', coutPedagogique: 300, heures: 7, jours: 1 },
  ],
  participants: [
    { action: 'F1', salarie: 'Alice Martin', tauxHoraire: 12 },
    { action: 'F1', salarie: 'Bruno Petit', tauxHoraire: 15.5 },
    { action: 'F2', salarie: 'Bruno Petit', tauxHoraire: 15.5 },
    { action: 'F2', salarie: 'Chloé Durand', tauxHoraire: 20 },
    { action: 'F3', salarie: 'Chloé Durand', tauxHoraire: 20 },
    { action: 'F4', salarie: 'Alice Martin', tauxHoraire: 12 },
  ],
};
const P = parametresFormation('2024-06', TABLES_OFFICIELLES);
const entree = (cas: unknown) => valider(EntreeFormation, cas, 'cas');

describe('plan de formation : calculé à la main', () => {
  test('coût de chaque action, total contre le budget, choix par priorité (F3 passée, F1 retenue), heures par salarié', () => {
    expect(P.km).toMatchObject({ '4': 0.606, '5': 0.636 });
    const r = calculerFormation(entree(CAS), P);
    expect(r.actions.map((a) => [a.salarial, a.deplacement, a.repas, a.total])).toEqual([
      [53900, 6360, 7200, 127460], // (12 + 15,50) × 14 = 385 + 40 % ; 25 × 2 × 2 × 0,636 ; 2 × 2 × 18 ; + 600
      [34790, 0, 0, 74790], // (15,50 + 20) × 7 = 248,50 + 40 % ; on site
      [58800, 14544, 5400, 228744], // 20 × 21 = 420 + 40 % ; 40 × 2 × 3 × 0,606 ; 1 × 3 × 18 ; + 1 500
      [0, 0, 0, 0], // cancelled
    ]);
    expect(r).toMatchObject({
      total: 430994,
      ecart: -130994,
      respecte: false,
      // F2 (747,90), then F3 would make 3 035,34 > 3 000: passed over; F1 makes 2 022,50
      retenues: [true, true, false, false],
      totalRetenu: 202250,
      heures: [14, 21, 7],
    });
  });

  test('les erreurs types, calculées à la main', () => {
    const e = entree(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerFormation(e, P, { ...FACON_JUSTE, ...f });
    expect(avec({ charges: false }).actions[0]!.salarial).toBe(38500);
    expect(avec({ allerRetour: false }).actions.map((a) => a.deplacement)).toEqual([3180, 0, 7272, 0]);
    expect(avec({ repasParJour: false }).actions.map((a) => a.repas)).toEqual([3600, 0, 1800, 0]);
    expect(avec({ annuleeExclue: false }).actions[3]).toMatchObject({ salarial: 11760, total: 41760 }); // 12 × 7 = 84 + 40 % ; + 300
    expect(avec({ passerOutre: false })).toMatchObject({ retenues: [false, true, false, false], totalRetenu: 74790, heures: [0, 7, 7] });
    expect(avec({ heuresRetenues: false }).heures).toEqual([14, 21, 28]);
  });

  test('agora calcul formation --entree ; refus en français, le champ nommé', async () => {
    const d = dossierTemporaire('agora-formation-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'formation', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ total: 4309.94, ecart: -1309.94, totalRetenu: 2022.5, heures: [14, 21, 7] });
    const refus = async (cas: unknown) => {
      writeFileSync(f, JSON.stringify(cas));
      const x = await lancer(['calcul', 'formation', '--entree', f]);
      expect(x.code).toBe(1);
      return x.err;
    };
    expect(await refus({ ...CAS, participants: [...CAS.participants, { action: 'F9', salarie: 'Alice Martin', tauxHoraire: 12 }] })).toContain(
      'champ « participants[7].action » : action « F9 » absente du plan',
    );
    expect(await refus({ ...CAS, actions: CAS.actions.map((a) => (a.code === 'F1' ? { ...a, puissance: undefined } : a)) })).toContain(
      'champ « actions[1].puissance » : formation hors de l\u2019entreprise : la puissance fiscale du véhicule manque',
    );
  });
});

test('formation : les actions retenues tiennent dans le budget ; une action non retenue et non annulée ne tenait pas quand son tour est venu ; une annulée ne coûte rien', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['depassement', 'annulee', 'demande_hors_plan', 'plusieurs_jours']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'formation', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeFormation;
      const r = calculerFormation(e, parametresFormation(periode, TABLES_OFFICIELLES));
      expect(r.totalRetenu).toBeLessThanOrEqual(e.budget);
      expect(r.total).toBe(r.actions.reduce((s, a) => s + a.total, 0));
      let cumul = 0;
      for (const i of e.actions.map((_, j) => j).sort((x, y) => e.actions[x]!.priorite - e.actions[y]!.priorite)) {
        if (e.actions[i]!.statut === 'annulee') {
          expect([r.actions[i]!.total, r.retenues[i]]).toEqual([0, false]);
          continue;
        }
        expect(r.retenues[i]).toBe(cumul + r.actions[i]!.total <= e.budget);
        if (r.retenues[i]) cumul += r.actions[i]!.total;
      }
      if (!aleas.includes('depassement')) expect(r.retenues.filter(Boolean).length).toBe(e.actions.filter((a) => a.statut !== 'annulee').length);
    }),
    { numRuns: 60 },
  );
});
