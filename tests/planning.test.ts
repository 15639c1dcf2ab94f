import fc from 'fast-check';
import { calculerPlanning, FACON_JUSTE } from '../src/exercices/planning/calcul';
import { EntreePlanning } from '../src/exercices/planning/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { joursFeries } from '../src/domain/joursFeries';
import { valider } from '../src/domain/validation';

/**
 * Worked by hand on a calendar of May 2026 (C. trav., art. L3133-1: Friday 1 May and Friday 8 May
 * are public holidays): the project may start on Thursday 30 April; A (2 days) → B (3 days) and C
 * (1 day) → D (2 days, after B and C). Julie does A, C and D; Karim, available 14 hours a week, does B.
 */
const CAS = {
  projet: 'Salon',
  debut: '2026-04-30',
  heuresParJour: 7,
  taches: [
    { code: 'A', tache: 'Réserver', duree: 2, responsable: 'Julie' },
    { code: 'B', tache: 'Concevoir', duree: 3, anteriorites: ['A'], responsable: 'Karim' },
    { code: 'C', tache: 'Inviter', duree: 1, anteriorites: ['A'], responsable: 'Julie' },
    { code: 'D', tache: 'Monter', duree: 2, anteriorites: ['B', 'C'], responsable: 'Julie' },
  ],
  equipe: [
    { personne: 'Julie', capacite: 35 },
    { personne: 'Karim', capacite: 14 },
  ],
};
const FERIES = [...joursFeries(2026), ...joursFeries(2027)];
const entree = (cas: unknown) => valider(EntreePlanning, cas, 'cas');

test('planning : dates au plus tôt et au plus tard autour des 1er et 8 mai, marges, chemin critique, charges — calculés à la main', () => {
  expect(FERIES).toEqual(expect.arrayContaining(['2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25']));
  expect(calculerPlanning(entree(CAS), FERIES)).toEqual({
    taches: [
      { debut: '2026-04-30', fin: '2026-05-04', debutTard: '2026-04-30', finTard: '2026-05-04', marge: 0, critique: true }, // 1 May is not worked
      { debut: '2026-05-05', fin: '2026-05-07', debutTard: '2026-05-05', finTard: '2026-05-07', marge: 0, critique: true },
      { debut: '2026-05-05', fin: '2026-05-05', debutTard: '2026-05-07', finTard: '2026-05-07', marge: 2, critique: false },
      { debut: '2026-05-11', fin: '2026-05-12', debutTard: '2026-05-11', finTard: '2026-05-12', marge: 0, critique: true }, // 8 May is not worked
    ],
    fin: '2026-05-12',
    semaines: ['2026-04-27', '2026-05-04', '2026-05-11', '2026-05-18'],
    charges: [
      [7, 14, 14, 0], // A on 30 April; A on 4 May and C on 5 May; D on 11 and 12 May
      [0, 21, 0, 0], // B, three days
    ],
    surcharges: [0, 1], // 21 h > 14 h
  });
});

test('planning : les erreurs types, calculées à la main', () => {
  const e = entree(CAS);
  const avec = (f: Partial<typeof FACON_JUSTE>) => calculerPlanning(e, FERIES, { ...FACON_JUSTE, ...f });
  expect(avec({ feries: false }).taches.map((t) => [t.debut, t.fin])).toEqual([
    ['2026-04-30', '2026-05-01'],
    ['2026-05-04', '2026-05-06'],
    ['2026-05-04', '2026-05-04'],
    ['2026-05-07', '2026-05-08'],
  ]);
  expect(avec({ lendemain: false }).taches[1]).toMatchObject({ debut: '2026-05-04', fin: '2026-05-06' });
  expect(avec({ dureeIncluse: false }).taches[0]).toMatchObject({ fin: '2026-05-05' });
  expect(avec({ charges: false }).charges).toEqual([
    [14, 7, 14, 0],
    [0, 21, 0, 0],
  ]);
});

test('planning : une tâche commence après ses antériorités ; la fin au plus tard n’est jamais avant la fin au plus tôt ; une tâche au moins est critique', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['ferie', 'surcharge', 'temps_partiel']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'planning', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreePlanning;
      const annee = Number(e.debut.slice(0, 4));
      const r = calculerPlanning(e, [...joursFeries(annee), ...joursFeries(annee + 1)]);
      e.taches.forEach((t, i) => {
        for (const a of t.anteriorites) expect(r.taches[i]!.debut > r.taches[e.taches.findIndex((x) => x.code === a)]!.fin).toBe(true);
        expect(r.taches[i]!.finTard >= r.taches[i]!.fin).toBe(true);
        expect(r.taches[i]!.marge).toBeGreaterThanOrEqual(0);
      });
      expect(r.taches.some((t) => t.critique)).toBe(true);
      if (aleas.includes('surcharge')) expect(r.surcharges.some((s) => s > 0)).toBe(true);
    }),
    { numRuns: 300 },
  );
});
