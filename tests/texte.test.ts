import { citer } from '../src/domain/texte';

test('citer : trois noms et le nombre des autres ; un seul de plus est nommé, jamais « et 1 autres »', () => {
  expect(citer(['A'])).toBe('« A »');
  expect(citer(['A', 'B'])).toBe('« A » et « B »');
  expect(citer(['Énoncé', 'Travail', 'Paramètres', '_agora'])).toBe('« Énoncé », « Travail », « Paramètres » et « _agora »');
  expect(citer(['A', 'B', 'C', 'D', 'E'])).toBe('« A », « B », « C » et 2 autres');
});
