import { citer } from '../src/domain/texte';
import { deMois } from '../src/domain/dates';
import { casGenere } from '../src/app/modelesExercices';

test('citer : trois noms et le nombre des autres ; un seul de plus est nommé, jamais « et 1 autres »', () => {
  expect(citer(['A'])).toBe('« A »');
  expect(citer(['A', 'B'])).toBe('« A » et « B »');
  expect(citer(['Énoncé', 'Travail', 'Paramètres', '_agora'])).toBe('« Énoncé », « Travail », « Paramètres » et « _agora »');
  expect(citer(['A', 'B', 'C', 'D', 'E'])).toBe('« A », « B », « C » et 2 autres');
});

test('« de » élidé devant un mois qui commence par une voyelle : « Ventes d’avril », jamais « Ventes de avril »', () => {
  expect([deMois('avril 2026'), deMois('août'), deMois('octobre 2026'), deMois('mars 2026'), deMois('janvier')]).toEqual(['d’avril 2026', 'd’août', 'd’octobre 2026', 'de mars 2026', 'de janvier']);
  // a budget over the whole year: every label of the case says it right
  const cas = JSON.stringify(casGenere({ type: 'tresorerie', graine: 3, periode: '2026-01', date: '2026-01-05', mois: 12 }, null).entree);
  expect(cas).toMatch(/Ventes d’avril/);
  expect(cas).not.toMatch(/\bde (avril|août|octobre)\b/);
});
