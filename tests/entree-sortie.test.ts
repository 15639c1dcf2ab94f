import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { calculerEntreeSortie, FACON_JUSTE } from '../src/exercices/entree-sortie/calcul';
import { EntreeEntreeSortie } from '../src/exercices/entree-sortie/entree';
import { casGenere } from '../src/app/modelesExercices';
import { parametresPersonnel, TABLE_PERSONNEL } from '../src/domain/parametres/personnel';
import { ajouterMois, dateDansMois, moisComplets } from '../src/domain/dates';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Worked by hand from the Code du travail: DPAE at the earliest 8 days before the hiring (R1221-5);
 * a cadre's trial period of 4 months, renewed by 3 (8 at most: L1221-19, L1221-21), counted from
 * date to date; a CDD of 12 480 € gross, 10 % at its end (L1243-8), 10 % of paid leave on both
 * (L1242-16); a dismissal notified on 10 March 2026 after 145 months (2 months' notice, L1234-1),
 * 147 months at the contract's end; a bonus in January makes the last three months' average win
 * (R1234-4); a quarter of a month for ten years, a third beyond (R1234-2).
 */
const SALAIRES = Array.from({ length: 12 }, (_, i) => ({ mois: ajouterMois('2025-03', i), brut: i === 10 ? 4000 : 2500 }));
const CAS = {
  entreprise: 'Bureau Plus SARL',
  embauche: { salarie: 'Julie Marchand', categorie: 'cadre', date: '2026-03-16', renouvellement: 3 },
  cdd: { salarie: 'Karim Haddad', debut: '2025-10-01', fin: '2026-03-31', brut: 12480, motif: 'terme' },
  licenciement: { salarie: 'Sophie Lemoine', entree: '2014-01-20', notification: '2026-03-10', salaires: SALAIRES, conges: 12, salaireMensuel: 2500 },
};
const P = parametresPersonnel('2026-03-10');
const entree = (cas: unknown) => valider(EntreeEntreeSortie, cas, 'cas');

describe('entrée et sortie du personnel : calculé à la main', () => {
  test('les valeurs légales datées, avec leurs articles', () => {
    expect(P).toMatchObject({
      dpaeJoursAvant: 8,
      essaiCadres: 4,
      essaiMaxCadres: 8,
      preavis1: 1,
      preavis2: 2,
      ancienneteIndemnite: 8,
      diviseurAvant: 4,
      seuilAnnees: 10,
      diviseurApres: 3,
      precarite: 10,
      iccp: 10,
    });
    expect(P.references).toMatchObject({ ancienneteIndemnite: 'C. trav., art. L1234-9 (ordonnance n° 2017-1387)', diviseurApres: 'C. trav., art. R1234-2, 2° (décret n° 2017-1398)' });
    expect(() => parametresPersonnel('2017-06-01')).toThrow(/Date avant les règles connues d’entrée et de sortie du personnel/);
    expect(TABLE_PERSONNEL.couverture).toEqual({ du: '2017-10', au: '2026-12' });
  });

  test('DPAE, période d’essai et son renouvellement ; indemnités du CDD ; préavis, ancienneté, salaire de référence, indemnité légale, congés non pris', () => {
    expect([dateDansMois('2026-03-16', 4), moisComplets('2014-01-20', '2026-03-10'), moisComplets('2014-01-20', '2026-05-10')]).toEqual(['2026-07-16', 145, 147]);
    expect(calculerEntreeSortie(entree(CAS), P)).toEqual({
      dpae: '2026-03-08',
      finEssai: '2026-07-15', // the day before 16 July
      finRenouvellement: '2026-10-15', // 4 + 3 = 7 months
      precarite: 124800,
      iccpCdd: 137280, // 10 % × (12 480 + 1 248)
      totalCdd: 262080,
      preavis: 2,
      finContrat: '2026-05-10',
      anciennete: 147,
      salaireReference: 300000, // (2 500 + 4 000 + 2 500) / 3 = 3 000 > 31 500 / 12 = 2 625
      indemnite: 975000, // 3 000 × (120 / 48 + 27 / 36) = 7 500 + 2 250
      iccp: 115385, // 12 × 2 500 / 26 = 1 153,846…
      solde: 1090385,
    });
  });

  test('les erreurs types, calculées à la main ; le refus d’un CDI supprime l’indemnité de fin de contrat', () => {
    const e = entree(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerEntreeSortie(e, P, { ...FACON_JUSTE, ...f });
    expect(avec({ dpaeAvant: false }).dpae).toBe('2026-03-24');
    expect(avec({ veille: false })).toMatchObject({ finEssai: '2026-07-16', finRenouvellement: '2026-10-16' });
    expect(avec({ iccpAvecPrecarite: false }).iccpCdd).toBe(124800);
    expect(avec({ preavisDeuxMois: false }).preavis).toBe(1);
    expect(avec({ plusFavorable: false }).salaireReference).toBe(262500);
    expect(avec({ tiersAuDela: false }).indemnite).toBe(918750); // 3 000 × 147 / 48
    const refus = entree({ ...CAS, cdd: { ...CAS.cdd, motif: 'refus_cdi' } });
    expect(calculerEntreeSortie(refus, P)).toMatchObject({ precarite: 0, iccpCdd: 124800, totalCdd: 124800 });
    expect(calculerEntreeSortie(refus, P, { ...FACON_JUSTE, exclusionCdi: false }).precarite).toBe(124800);
  });

  test('agora calcul entree-sortie ; refus en français : renouvellement au-delà du maximum légal, moins de six mois d’ancienneté', async () => {
    const d = dossierTemporaire('agora-entree-sortie-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = await lancer(['calcul', 'entree-sortie', '--entree', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ indemnite: 9750, iccp: 1153.85, solde: 10903.85, anciennete: 147 });
    const refus = async (cas: unknown) => {
      writeFileSync(f, JSON.stringify(cas));
      const x = await lancer(['exercice', 'entree-sortie', '--donnees', f, '--out', path.join(d, 'x.xlsx'), '--cle', path.join(d, 'cle.txt')]);
      expect(x.code).toBe(1);
      return x.err;
    };
    expect(await refus({ ...CAS, embauche: { ...CAS.embauche, categorie: 'ouvrier', renouvellement: 3 } })).toContain(
      'champ « embauche.renouvellement » : 2 mois d’essai et 3 de renouvellement dépassent les 4 mois que la loi permet, renouvellement compris, pour la catégorie « Ouvrier ou employé » (C. trav., art. L1221-21)',
    );
    expect(await refus({ ...CAS, licenciement: { ...CAS.licenciement, entree: '2025-11-01' } })).toContain('champ « licenciement.entree » : moins de six mois d’ancienneté');
  });
});

test('entrée et sortie : la période d’essai finit la veille du même jour ; le préavis suit l’ancienneté ; l’indemnité croît avec l’ancienneté et vaut au moins un quart de mois par année', () => {
  const cas = fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), k: fc.integer({ min: 0, max: 47 }), aleas: fc.subarray(['renouvellement', 'refus_cdi', 'longue_anciennete', 'prime']) });
  fc.assert(
    fc.property(cas, ({ graine, k, aleas }) => {
      const periode = ajouterMois('2025-01', k);
      const e = casGenere({ type: 'entree-sortie', graine, periode, date: `${periode}-28`, aleas }, null).entree as EntreeEntreeSortie;
      const p = parametresPersonnel(e.licenciement.notification);
      const r = calculerEntreeSortie(e, p);
      expect(r.finEssai < dateDansMois(e.embauche.date, 12)).toBe(true);
      expect(r.preavis).toBe(moisComplets(e.licenciement.entree, e.licenciement.notification) >= 24 ? 2 : 1);
      const plusLongue = calculerEntreeSortie({ ...e, licenciement: { ...e.licenciement, entree: dateDansMois(e.licenciement.entree, -12) } }, p);
      expect(plusLongue.indemnite).toBeGreaterThan(r.indemnite);
      expect(r.indemnite * 48).toBeGreaterThanOrEqual(r.salaireReference * r.anciennete - 24);
      expect(r.precarite === 0).toBe(e.cdd.motif === 'refus_cdi');
    }),
    { numRuns: 60 },
  );
});
