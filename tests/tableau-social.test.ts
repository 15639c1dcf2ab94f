import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerTableauSocial, FACON_JUSTE } from '../src/exercices/tableau-social/calcul';
import { EntreeTableauSocial } from '../src/exercices/tableau-social/entree';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterMois } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand from the consignes (template tableau-social.json), year 2025: A present all year;
 * B leaves on 30 June; C enters on 1 January (the first day); D, a CDD from 1 April to 31 July; E
 * leaves on 31 December (the last day: present that day); F left in 2024. A turns 30, E 40.
 */
const CAS = {
  entreprise: 'Bureau Plus SARL',
  debut: '2025-01-01',
  fin: '2025-12-31',
  joursTheoriques: 220,
  salaries: [
    { matricule: 'M1', nom: 'A', sexe: 'F', naissance: '1995-06-10', entree: '2018-03-01', emploi: 'Comptable', contrat: 'CDI' },
    { matricule: 'M2', nom: 'B', sexe: 'H', naissance: '1980-02-02', entree: '2010-09-15', sortie: '2025-06-30', emploi: 'Technicien', contrat: 'CDI' },
    { matricule: 'M3', nom: 'C', sexe: 'F', naissance: '1970-12-31', entree: '2025-01-01', emploi: 'Commerciale', contrat: 'CDI' },
    { matricule: 'M4', nom: 'D', sexe: 'H', naissance: '2001-04-20', entree: '2025-04-01', sortie: '2025-07-31', emploi: 'Magasinier', contrat: 'CDD' },
    { matricule: 'M5', nom: 'E', sexe: 'H', naissance: '1985-11-11', entree: '2015-05-05', sortie: '2025-12-31', emploi: 'Technicien', contrat: 'CDI' },
    { matricule: 'M6', nom: 'F', sexe: 'F', naissance: '1990-01-15', entree: '2012-01-10', sortie: '2024-08-31', emploi: 'Assistante', contrat: 'CDI' },
  ],
  absences: [
    { nom: 'A', motif: 'Maladie', jours: 10 },
    { nom: 'E', motif: 'Accident du travail', jours: 5 },
  ],
};
const entree = (cas: unknown) => valider(EntreeTableauSocial, cas, 'cas');

describe('tableau de bord social : calculé à la main', () => {
  test('présences, âges et anciennetés au 31/12 ; effectifs ; rotation 62,50 % ; absentéisme 1,78 % ; pyramide ; ancienneté 5,7 ; 66,67 % de femmes', () => {
    expect(calculerTableauSocial(entree(CAS))).toEqual({
      registre: [
        { present: true, age: 30, anciennete: 7 },
        { present: false, age: 45, anciennete: 15 },
        { present: true, age: 55, anciennete: 0 }, // born on 31 December: 55 that day
        { present: false, age: 24, anciennete: 0 },
        { present: true, age: 40, anciennete: 10 },
        { present: false, age: 35, anciennete: 13 },
      ],
      debut: 4, // A, B, C (entered that day), E
      fin: 3, // A, C, E (leaving that day)
      mensuels: [4, 4, 4, 5, 5, 5, 4, 3, 3, 3, 3, 3], // D from April to July, B until 30 June
      moyen: 3.83, // 46 / 12
      entrees: 2, // C, D
      sorties: 3, // B, D, E
      rotation: 62.5, // (2 + 3) / 2 / 4 × 100
      absenteisme: 1.78, // 15 / (3,83 × 220) × 100 = 1,780…
      pyramide: [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 0],
      ],
      ancienneteMoyenne: 5.7, // (7 + 0 + 10) / 3
      partFemmes: 66.67,
    });
  });

  test('les erreurs types, calculées à la main', () => {
    const e = entree(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerTableauSocial(e, { ...FACON_JUSTE, ...f });
    expect(avec({ sortisExclus: false }).fin).toBe(6);
    expect(avec({ dernierJourInclus: false }).fin).toBe(2);
    expect(avec({ moyenneMensuelle: false }).moyen).toBe(3.5);
    expect(avec({ moitie: false }).rotation).toBe(125);
    expect(avec({ effectifMoyen: false }).absenteisme).toBe(2.27); // 15 / (3 × 220) × 100
    expect(avec({ bornesIncluses: false }).pyramide).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
  });

  test('agora calcul tableau-social ; refus en français, le champ nommé', async () => {
    const d = dossierTemporaire('agora-tableau-social-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'tableau-social', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ debut: 4, fin: 3, moyen: 3.83, rotation: 62.5 });
    writeFileSync(f, JSON.stringify({ ...CAS, absences: [{ nom: 'Z', motif: 'Maladie', jours: 2 }] }));
    const x = await lancer(['calcul', 'tableau-social', '--entree', f]);
    expect([x.code, x.err]).toEqual([1, expect.stringContaining('champ « absences[1].nom » : « Z » absent du registre')]);
  });
});

test('tableau de bord social : l’effectif de chaque jour compte les présents ; les effectifs mensuels restent entre le plus petit et le plus grand ; la pyramide compte les présents du dernier jour', () => {
  const cas = fc.record({
    graine: fc.integer({ min: 1, max: 999_999 }),
    k: fc.integer({ min: 0, max: 47 }),
    aleas: fc.subarray(['cdd', 'absence_longue', 'dates_limites', 'sortie_anterieure', 'age_limite']),
  });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'tableau-social', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeTableauSocial;
      const r = calculerTableauSocial(e);
      expect(r.fin).toBe(r.registre.filter((x) => x.present).length);
      expect(r.pyramide.flat().reduce((a, b) => a + b, 0)).toBe(r.fin);
      expect(r.mensuels[11]).toBe(r.fin);
      // the balance of the year: one entered on the first day is in both the first headcount and the
      // entries; one leaving on the last day in both the exits and the last headcount
      const [lePremier, leDernier] = [e.salaries.filter((s) => s.entree === e.debut).length, e.salaries.filter((s) => s.sortie === e.fin).length];
      expect(r.debut - lePremier + r.entrees - r.sorties + leDernier).toBe(r.fin);
      expect(r.moyen).toBeGreaterThanOrEqual(Math.min(...r.mensuels));
      expect(r.moyen).toBeLessThanOrEqual(Math.max(...r.mensuels));
    }),
    { numRuns: 60 },
  );
});
