import { bulletinDe } from '../src/exercices/paie/bulletin';
import { ALEAS, casPaie, heuresOuvreesDuMois } from '../src/exercices/paie/cas';
import { EntreeBulletin } from '../src/exercices/paie/entree';
import { valider } from '../src/domain/validation';

const bulletin = (cas: unknown) => bulletinDe(valider(EntreeBulletin, cas, 'cas'));

describe('cas de paie tirés d\u2019une graine', () => {
  test('la même graine donne le même cas, 150 graines donnent 150 cas valides et distincts', () => {
    expect(casPaie(7, '2026-03', ['prime'])).toEqual(casPaie(7, '2026-03', ['prime']));
    const cas = Array.from({ length: 150 }, (_, i) => casPaie(i, '2026-03', ['majorations', 'absence']));
    expect(new Set(cas.map((c) => JSON.stringify(c))).size).toBe(150);
    for (const c of cas) {
      const b = bulletin(c);
      expect(b.netPaye).toBeGreaterThan(0);
      expect(b.avertissements).toEqual([]); // never below the SMIC
    }
  });

  test('chaque aléa a son effet sur 150 graines', () => {
    for (let g = 0; g < 150; g++) {
      const sans = bulletin(casPaie(g, '2025-11', []));
      expect(sans.elements.map((e) => e.code)).toEqual(['salaire_base']);
      const b = bulletin(casPaie(g, '2025-11', [...ALEAS]));
      const codes = b.elements.map((e) => e.code);
      expect(codes).toEqual(expect.arrayContaining(['hs25', 'hs50', 'absence', 'prime1', 'retenue1', 'retenue2']));
    }
  });

  test('heures réelles du mois : jours du lundi au vendredi × 7 h', () => {
    expect(heuresOuvreesDuMois('2026-03')).toBe(22 * 7);
    expect(heuresOuvreesDuMois('2026-02')).toBe(20 * 7);
  });

  test('acompte et titres-restaurant diminuent le net à payer, pas le net imposable', () => {
    const sans = bulletin(casPaie(3, '2026-03', []));
    const avec = bulletin({ ...casPaie(3, '2026-03', []), retenues: [{ libelle: 'Acompte', montant: 300 }] });
    expect(sans.netAPayerAvantImpot - avec.netAPayerAvantImpot).toBe(30000);
    expect(avec.netImposable).toBe(sans.netImposable);
    expect(avec.elements.at(-1)).toEqual({ code: 'retenue1', libelle: 'Acompte', nombre: null, taux: null, montant: -30000 });
  });
});
