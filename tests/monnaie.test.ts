import fc from 'fast-check';
import { arrondiEuro, diviserArrondi, enEuros, repartir, taxe, versCentimes } from '../src/domain/monnaie';

describe('monnaie en centimes entiers', () => {
  test('arrondi à l\u2019euro le plus proche, 0,50 € compté pour un euro (aussi pour un montant négatif)', () => {
    expect([arrondiEuro(149), arrondiEuro(150), arrondiEuro(151), arrondiEuro(-150), arrondiEuro(-149)]).toEqual([1, 2, 2, -2, -1]);
  });
  test('taxe au centime : 1 234,56 × 20 % = 246,91 ; 0,05 × 10 % = 0,01 (demi-centime arrondi vers le haut)', () => {
    expect([taxe(123456, 20), taxe(5, 10), taxe(85000, 5.5), taxe(10000, 2.1)]).toEqual([24691, 1, 4675, 210]);
  });
  test('saisie en euros : 0,1 + 0,2 ne devient pas 30,000000000000004 centimes ; trois décimales refusées', () => {
    expect(versCentimes(0.1 + 0.2)).toBe(30);
    expect(versCentimes(1234.56)).toBe(123456);
    expect(() => versCentimes(12.345)).toThrow(RangeError);
  });
  test('format français', () => {
    expect(enEuros(123456789)).toBe('1\u202f234\u202f567,89\u00a0€');
  });
  test('répartition : les parts font toujours le total', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom([100], [40, 60], [33.33, 33.33, 33.34], [25, 25, 25, 25]), (total, parts) => {
        expect(repartir(total, parts).reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
    expect(() => repartir(100, [50, 40])).toThrow(/totaliser 100 %/);
  });
  test('diviserArrondi : égal à l\u2019arrondi exact, demi vers l\u2019extérieur', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = diviserArrondi(n, d);
        expect(Math.abs(n - q * d) * 2).toBeLessThanOrEqual(d);
        if (Math.abs(n - q * d) * 2 === d) expect(Math.abs(q * d)).toBeGreaterThan(Math.abs(n));
      }),
    );
  });
});
