import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerDeplacement, FACON_JUSTE } from '../src/exercices/deplacement/calcul';
import { EntreeDeplacement } from '../src/exercices/deplacement/entree';
import { casGenere } from '../src/app/modelesExercices';
import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { tauxKilometriques } from '../src/domain/parametres/frais';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand from the consignes (template deplacement.json) and the barème kilométrique of May
 * 2024 (arrêté du 27 mars 2023, BOI-BAREME-000001 : 0,636 €/km for 5 CV, up to 5 000 km): two
 * employees, one night, three meals each, 450 km; the cheapest transport is asked.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  salarie: 'Julie Marchand',
  mois: '2024-05',
  depart: 'Angers',
  destination: 'Lyon',
  personnes: 2,
  nuits: 1,
  repas: 3,
  distance: 450,
  critere: 'cout',
  hotel: { prixNuit: 115, plafond: 100 },
  restauration: { prixRepas: 19.5, plafond: 20 },
  offres: [{ mode: 'train', billet: 180, transferts: 20, duree: 3.25 }],
  voiture: { puissance: 5, peages: 60.4, parking: 12, duree: 4.75 },
  location: { parJour: 55, consommation: 6.5, prixLitre: 1.859 },
};
const P = tauxKilometriques('2024-05', TABLES_OFFICIELLES.frais);
const entree = (cas: unknown) => valider(EntreeDeplacement, cas, 'cas');

describe('déplacement : calculé à la main', () => {
  test('train, voiture personnelle, location comparés ; la location est la moins coûteuse ; hôtel au plafond', () => {
    expect(P.km['5']).toBe(0.636);
    const r = calculerDeplacement(entree(CAS), P);
    expect(r.transports.map((t) => [t.mode, t.cout, t.duree])).toEqual([
      ['Train', 40000, 6.5], // (180 + 20) × 2
      ['Voiture personnelle', 65680, 9.5], // 900 × 0,636 = 572,40 + 60,40 + 12 × 2
      ['Voiture de location', 30315, 9.5], // 55 × 2 + 900 × 6,5 / 100 × 1,859 = 108,75 + 60,40 + 24
    ]);
    expect(r).toMatchObject({ choisi: 2, hebergement: 20000, repas: 11700, total: 62015 }); // 2 × 100 ; 2 × 3 × 19,50
  });

  test('les erreurs types, calculées à la main', () => {
    const e = entree(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerDeplacement(e, P, { ...FACON_JUSTE, ...f });
    expect(avec({ uneVoiture: false }).transports.map((t) => t.cout)).toEqual([40000, 131360, 60630]);
    // 450 × 0,636 = 286,20 + 84,40 ; 110 + 450 × 0,065 × 1,859 = 54,37575 → 54,38 + 84,40
    expect(avec({ allerRetour: false }).transports.map((t) => t.cout)).toEqual([40000, 37060, 24878]);
    expect(avec({ billetsParPersonne: false }).transports[0]!.cout).toBe(20000);
    expect(avec({ carburant: false }).transports[2]!.cout).toBe(19440);
    expect(avec({ critere: false }).choisi).toBe(0); // the fastest: the train
    expect(avec({ plafonds: false })).toMatchObject({ hebergement: 23000, repas: 11700 });
  });

  test('agora calcul deplacement --entree ; refus en français, le champ nommé', async () => {
    const d = dossierTemporaire('agora-deplacement-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'deplacement', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ hebergement: 200, repas: 117, total: 620.15 });
    writeFileSync(f, JSON.stringify({ ...CAS, location: { ...CAS.location, prixLitre: 1.8595 } }));
    const x = await lancer(['calcul', 'deplacement', '--entree', f]);
    expect([x.code, x.err]).toEqual([1, expect.stringContaining('champ « location.prixLitre » : trois décimales au plus')]);
  });
});

test('déplacement : le transport retenu est le moins coûteux (ou le plus rapide) ; une voiture coûte autant pour un que pour trois ; total = transport + hébergement + repas', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['avion', 'equipe', 'critere_temps', 'hotel_cher']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'deplacement', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeDeplacement;
      const p = tauxKilometriques(periode, TABLES_OFFICIELLES.frais);
      const r = calculerDeplacement(e, p);
      const choisi = r.transports[r.choisi]!;
      if (e.critere === 'cout') expect(r.transports.every((t) => t.cout >= choisi.cout)).toBe(true);
      else expect(r.transports.every((t) => t.duree > choisi.duree || (t.duree === choisi.duree && t.cout >= choisi.cout))).toBe(true);
      const seul = calculerDeplacement({ ...e, personnes: 1 }, p);
      expect(seul.transports.slice(-2).map((t) => t.cout)).toEqual(r.transports.slice(-2).map((t) => t.cout));
      expect(r.total).toBe(choisi.cout + r.hebergement + r.repas);
      expect(r.hebergement).toBeLessThanOrEqual(e.personnes * e.nuits * e.hotel.plafond);
    }),
    { numRuns: 60 },
  );
});
