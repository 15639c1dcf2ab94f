import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerConges, FACON_JUSTE } from '../src/exercices/conges/calcul';
import { ALEAS, casConges } from '../src/exercices/conges/cas';
import { EntreeConges } from '../src/exercices/conges/entree';
import { parametresConges, periodeDeReference } from '../src/domain/parametres/conges';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/**
 * Worked by hand: 2 000 € a month from June 2024 to May 2025, but February unpaid (congé sans
 * solde); 12 days taken in August 2025 after a raise to 2 080 €.
 */
const MOIS = ['2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
const CAS = {
  salarie: 'Julie Marchand',
  mois: MOIS.map((mois) => (mois === '2025-02' ? { mois, situation: 'sans_solde' } : { mois, situation: 'travail', brut: 2000 })),
  conge: { mois: '2025-08', jours: 12, salaireMensuel: 2080 },
};
const conges = (cas: unknown) => valider(EntreeConges, cas, 'cas');
const P = parametresConges('2025-08-01');

describe('congés payés : un congé plus long que les jours acquis', () => {
  test('24 jours pris pour 15 acquis (6 mois travaillés × 2,5) : refusé, en disant les deux nombres, en ligne de commande comme pour le cas de l\u2019enseignant', async () => {
    // hired on 1 December: June to November before the hiring, December to May worked (6 × 2,5 = 15 days)
    const cas = {
      salarie: 'Julie Marchand',
      mois: MOIS.map((mois, i) => (i < 6 ? { mois, situation: 'avant_entree' } : { mois, situation: 'travail', brut: 2000 })),
      conge: { mois: '2025-08', jours: 24, salaireMensuel: 2000 },
    };
    expect(calculerConges(conges(cas), P).acquis).toBe(15);
    const d = dossierTemporaire('agora-conges-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(cas));
    const message =
      'champ « conge.jours » : 24 jours de congés payés pour 15 jours acquis sur la période de référence ; un congé payé ne dépasse pas les jours acquis (les 9 jours de plus seraient un congé sans solde, à part)';
    const calcul = await lancer(['calcul', 'conges', '--entree', f]);
    expect([calcul.code, calcul.err]).toEqual([1, expect.stringContaining(message)]);
    const exercice = await lancer(['exercice', 'conges', '--donnees', f, '--out', path.join(d, 'x.xlsx'), '--cle', path.join(d, 'cle.txt')]);
    expect([exercice.code, exercice.err]).toEqual([1, expect.stringContaining(message)]);
    // 15 days taken: accepted, nothing left
    writeFileSync(f, JSON.stringify({ ...cas, conge: { ...cas.conge, jours: 15 } }));
    expect(JSON.parse((await lancer(['calcul', 'conges', '--entree', f])).out).solde).toBe(0);
  });
});

describe('congés payés : calcul', () => {
  test('période de référence du 1er juin au 31 mai (C. trav., R3141-4) ; 2,5 jours par mois, 30 au plus, 10 %', () => {
    expect(periodeDeReference('2025-08')).toEqual({ du: '2024-06-01', au: '2025-05-31' });
    expect(periodeDeReference('2026-03')).toEqual({ du: '2024-06-01', au: '2025-05-31' });
    expect(periodeDeReference('2026-06')).toEqual({ du: '2025-06-01', au: '2026-05-31' });
    expect(P).toEqual({
      joursParMois: 2.5,
      plafond: 30,
      dixieme: 10,
      diviseurMaintien: 26,
      maladie: { joursParMois: 2, plafond: 24, partDixieme: 80 },
      references: {
        joursParMois: 'C. trav., art. L3141-3',
        plafond: 'C. trav., art. L3141-3',
        dixieme: 'C. trav., art. L3141-24, I',
        maladie: {
          joursParMois: 'C. trav., art. L3141-5-1 (loi n° 2024-364 du 22 avril 2024)',
          plafond: 'C. trav., art. L3141-5-1 (loi n° 2024-364 du 22 avril 2024)',
          partDixieme: 'C. trav., art. L3141-24, I (loi n° 2024-364 du 22 avril 2024)',
        },
      },
    });
    // before the loi n° 2024-364 (in force on 24 April 2024), a sick month gave nothing
    expect(parametresConges('2024-04-01').maladie).toEqual({ joursParMois: 0, plafond: 0, partDixieme: 0 });
  });

  test('11 mois × 2,5 = 27,5 → 28 jours ; dixième 942,86 € contre maintien 960,00 € : maintien retenu', () => {
    const r = calculerConges(conges(CAS), P);
    // dixième : 22 000,00 × 10 % × 12 / 28 = 942,857 ; maintien : 2 080,00 × 12 / 26 = 960,00
    expect(r).toEqual({
      moisTravailles: 11,
      joursMoisIncomplets: 0,
      moisMaladie: 0,
      joursMaladie: 0,
      acquisBruts: 27.5, // 11 × 2,5, before the rounding up
      acquis: 28,
      remuneration: 2200000,
      dixieme: 94286,
      diviseurMaintien: 26,
      maintien: 96000,
      regle: 'maintien',
      indemnite: 96000,
      solde: 16,
    });
  });

  test('douze mois : 30 jours (le plafond) ; sans augmentation le dixième l\u2019emporte', () => {
    const r = calculerConges(conges({ ...CAS, mois: MOIS.map((mois) => ({ mois, situation: 'travail', brut: 2000 })), conge: { ...CAS.conge, salaireMensuel: 2000 } }), P);
    // 24 000,00 × 10 % × 12 / 30 = 960,00 ; 2 000,00 × 12 / 26 = 923,08
    expect([r.acquis, r.dixieme, r.maintien, r.regle, r.indemnite]).toEqual([30, 96000, 92308, 'dixieme', 96000]);
  });

  test('les façons fautives', () => {
    const e = conges(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerConges(e, P, { ...FACON_JUSTE, ...f });
    expect([avec({ arrondiSuperieur: false }).acquis, avec({ arrondiSuperieur: false }).dixieme]).toEqual([27.5, 96000]); // 2 200 × 12 / 27,5
    expect([avec({ sansSoldeExclu: false }).acquis, avec({ sansSoldeExclu: false }).dixieme]).toEqual([30, 88000]);
    expect([avec({ dixiemeAuProrata: false }).dixieme, avec({ dixiemeAuProrata: false }).indemnite]).toEqual([220000, 220000]);
    expect([avec({ plusFavorable: false }).regle, avec({ plusFavorable: false }).indemnite]).toEqual(['dixieme', 94286]);
  });

  test('arrêt maladie non professionnel, octobre à décembre : 2 jours par mois, 80 % du salaire dans le dixième (L3141-5-1, L3141-24)', () => {
    const cas = { ...CAS, mois: MOIS.map((mois, i) => ({ mois, situation: i >= 4 && i <= 6 ? 'maladie' : 'travail', brut: 2000 })) };
    const r = calculerConges(conges(cas), P);
    // 9 × 2,5 + 3 × 2 = 28,5 → 29 ; 9 × 2 000 + 80 % × 3 × 2 000 = 22 800,00 ; dixième 22 800 × 10 % × 12 / 29 = 943,448 → 943,45
    expect([r.moisTravailles, r.moisMaladie, r.joursMaladie, r.acquisBruts, r.acquis, r.remuneration, r.dixieme, r.maintien, r.regle]).toEqual([9, 3, 6, 28.5, 29, 2280000, 94345, 96000, 'maintien']);
    // the rule before 2024, still in old textbooks: 9 × 2,5 = 22,5 → 23 ; 18 000 × 10 % × 12 / 23 = 939,13
    const avant = calculerConges(conges(cas), P, { ...FACON_JUSTE, maladieComptee: false });
    expect([avant.acquis, avant.remuneration, avant.dixieme]).toEqual([23, 1800000, 93913]);
    // the sick months give 24 days at most: a whole year of sick leave gives 12 × 2 = 24
    const annee = { ...CAS, mois: MOIS.map((mois) => ({ mois, situation: 'maladie', brut: 2000 })) };
    expect(calculerConges(conges(annee), { ...P, maladie: { ...P.maladie!, joursParMois: 2.5 } }).acquis).toBe(24);
  });

  test('embauché en juin avec 14 jours de travail : 24 jours valent un mois (L3141-4), en deçà au prorata', () => {
    const cas = {
      ...CAS,
      mois: MOIS.map((mois, i) => (i ? { mois, situation: 'travail', brut: 2000 } : { mois, situation: 'travail', brut: 1076.92, jours: 14 })),
      conge: { ...CAS.conge, salaireMensuel: 2000 },
    };
    const r = calculerConges(conges(cas), P);
    // 11 × 2,5 + 2,5 × 14 / 24 = 27,5 + 1,458 = 28,958 → 29 ; 23 076,92 × 10 % × 12 / 29 = 954,907 → 954,91 ; maintien 2 000 × 12 / 26 = 923,08
    expect([r.moisTravailles, r.joursMoisIncomplets, r.acquis, r.remuneration, r.dixieme, r.maintien, r.regle]).toEqual([11, 14, 29, 2307692, 95491, 92308, 'dixieme']);
    // the incomplete month forgotten: 27,5 → 28 ; 2 307,692 × 12 / 28 = 989,01
    const oublie = calculerConges(conges(cas), P, { ...FACON_JUSTE, moisIncompletAuProrata: false });
    expect([oublie.acquis, oublie.dixieme]).toEqual([28, 98901]);
  });

  test('maintien sur les jours ouvrables réels d\u2019août 2025 : 31 jours − 5 dimanches − le 15 août = 25', () => {
    const cas = { ...CAS, conge: { ...CAS.conge, maintien: 'jours_reels' } };
    const r = calculerConges(conges(cas), P);
    // 2 080,00 × 12 / 25 = 998,40, more than the tenth's 942,86
    expect([r.diviseurMaintien, r.maintien, r.regle, r.indemnite]).toEqual([25, 99840, 'maintien', 99840]);
    expect(calculerConges(conges(cas), P, { ...FACON_JUSTE, joursReels: false }).maintien).toBe(96000);
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeConges, cas);
    expect(erreur({ ...CAS, mois: CAS.mois.map((m, i) => (i === 3 ? { mois: m.mois, situation: 'maladie' } : m)) })).toContain(
      'un mois d\u2019arrêt maladie donne le salaire que le salarié aurait perçu',
    );
    expect(erreur({ ...CAS, mois: CAS.mois.map((m, i) => (i === 3 ? { ...m, jours: 24 } : m)) })).toContain('24 jours de travail valent un mois entier');
    expect(erreur({ ...CAS, mois: CAS.mois.map((m, i) => (i === 8 ? { ...m, jours: 10 } : m)) })).toContain('des jours de travail seulement pour un mois de travail incomplet');
    expect(erreur({ ...CAS, mois: CAS.mois.slice(1) })).toContain('les douze mois de la période de référence');
    expect(erreur({ ...CAS, mois: CAS.mois.map((m, i) => (i === 8 ? { ...m, brut: 100 } : m)) })).toContain('pas de rémunération un mois sans travail');
  });
});

describe('congés payés : cas tirés d\u2019une graine', () => {
  test('150 graines : cas valides, chaque aléa a son effet', () => {
    for (let g = 1; g <= 150; g++) {
      const base = conges(casConges(g, '2026-08', []));
      expect(base.mois.every((m) => m.situation === 'travail')).toBe(true);
      expect(calculerConges(base, P).acquis).toBe(30);
      const entree = conges(casConges(g, '2026-08', ['entree_en_cours', 'sans_solde']));
      expect(entree.mois[0]!.situation).toBe('avant_entree');
      expect(entree.mois.filter((m) => m.situation === 'sans_solde')).toHaveLength(1);
      expect(calculerConges(entree, P).acquis).toBeLessThan(30);
      const hausse = conges(casConges(g, '2026-08', ['augmentation']));
      expect(hausse.conge.salaireMensuel).toBeGreaterThan(hausse.mois[11]!.brut);
      const variable = conges(casConges(g, '2026-08', ['variable']));
      expect(variable.mois[11]!.brut).toBeGreaterThan(variable.conge.salaireMensuel);
    }
    for (let g = 1; g <= 150; g++) {
      const tout = conges(casConges(g, '2026-08', ['entree_en_cours', 'maladie', 'mois_incomplet', 'jours_reels']));
      const r = calculerConges(tout, P);
      expect([r.moisMaladie >= 1 && r.moisMaladie <= 3, r.joursMoisIncomplets >= 4 && r.joursMoisIncomplets <= 20]).toEqual([true, true]);
      expect([tout.conge.maintien, r.diviseurMaintien]).toEqual(['jours_reels', 25]); // August 2026: 31 − 5 Sundays − the 15th (a Saturday)
      expect(tout.conge.jours).toBeLessThanOrEqual(r.acquis);
    }
    expect(ALEAS).toEqual(['entree_en_cours', 'sans_solde', 'variable', 'augmentation', 'maladie', 'mois_incomplet', 'jours_reels']);
  });
});

describe('agora calcul conges', () => {
  test('jours et règle tels quels, montants en euros', async () => {
    const f = path.join(dossierTemporaire('agora-conges-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'conges', '--entree', f])).out);
    expect([r.acquis, r.dixieme, r.maintien, r.regle, r.indemnite, r.solde]).toEqual([28, 942.86, 960, 'maintien', 960, 16]);
    // days, months and the divisor stay as they are: only amounts are in euros
    writeFileSync(
      f,
      JSON.stringify({
        ...CAS,
        mois: CAS.mois.map((m, i) => (i === 1 ? { mois: m.mois, situation: 'maladie', brut: 2000 } : i === 0 ? { ...m, jours: 14 } : m)),
        conge: { ...CAS.conge, maintien: 'jours_reels' },
      }),
    );
    const x = JSON.parse((await lancer(['calcul', 'conges', '--entree', f])).out);
    expect([x.moisTravailles, x.joursMoisIncomplets, x.moisMaladie, x.diviseurMaintien]).toEqual([9, 14, 1, 25]);
  });
});
