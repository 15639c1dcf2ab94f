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
      references: { joursParMois: 'C. trav., art. L3141-3', plafond: 'C. trav., art. L3141-3', dixieme: 'C. trav., art. L3141-24, I' },
    });
  });

  test('11 mois × 2,5 = 27,5 → 28 jours ; dixième 942,86 € contre maintien 960,00 € : maintien retenu', () => {
    const r = calculerConges(conges(CAS), P);
    // dixième : 22 000,00 × 10 % × 12 / 28 = 942,857 ; maintien : 2 080,00 × 12 / 26 = 960,00
    expect(r).toEqual({ moisTravailles: 11, acquis: 28, remuneration: 2200000, dixieme: 94286, maintien: 96000, regle: 'maintien', indemnite: 96000, solde: 16 });
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

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeConges, cas);
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
    expect(ALEAS).toEqual(['entree_en_cours', 'sans_solde', 'variable', 'augmentation']);
  });
});

describe('agora calcul conges', () => {
  test('jours et règle tels quels, montants en euros', async () => {
    const f = path.join(dossierTemporaire('agora-conges-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'conges', '--entree', f])).out);
    expect([r.acquis, r.dixieme, r.maintien, r.regle, r.indemnite, r.solde]).toEqual([28, 942.86, 960, 'maintien', 960, 16]);
  });
});
