import { ConstructeurFeuille } from '../src/sheets/constructeur';
import { avecTablesSolidaires, tablesDe } from '../src/sheets/pagination';
import { entete, valeur } from '../src/sheets/styles';
import { EXERCICES } from '../src/exercices/registre';
import { casGenere, modeleDExercice } from '../src/app/modelesExercices';
import type { Feuille } from '../src/sheets/model';
import { texteValeur } from '../src/sheets/verification/resultats';
import { FORMAT_DATE, FORMAT_EUROS, FORMAT_EUROS_ENTIERS, FORMAT_EUROS_PRECIS, FORMAT_TAUX } from '../src/sheets/exercices/blocs';

/**
 * On paper, a table is read whole: it never continues on another page without its header rows. The
 * page breaks of every sheet of every exercise (student's workbook and corrigé) are checked against
 * the tables they hold; a table longer than a page repeats its header.
 */
const coupeeSansEntete = (f: Feuille) =>
  tablesDe(f.lignes).filter(([debut, h, fin]) => {
    const repetees = f.miseEnPage.lignesRepetees;
    const repete = repetees !== undefined && repetees[0] === debut && repetees[1] === h;
    return !repete && (f.miseEnPage.sautsDePage ?? []).some((s) => s > h + 1 && s <= fin);
  });

describe.each(EXERCICES.map((p) => [p.type] as const))('%s : aucun tableau coupé sans son en-tête', (type) => {
  test.each([3, 11, 19])('graine %i', (graine) => {
    const d = { type, graine, periode: '2026-10', date: '2026-10-31' };
    const m = modeleDExercice(d, { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' }, casGenere(d, null));
    for (const f of [...m.classeur.feuilles, ...m.corrige().feuilles]) expect([f.nom, coupeeSansEntete(f)]).toEqual([f.nom, []]);
  });
});

test('un tableau plus long qu’une page : ses lignes d’en-tête se répètent en haut des pages où il continue ; un tableau court change de page en entier', () => {
  const f = new ConstructeurFeuille('Essai', [12, 12, 12]);
  f.ligne([{ valeur: 'Titre', style: valeur }]);
  f.ligne([{ valeur: 'Petit tableau', style: valeur }]);
  f.ligne(['A', 'B', 'C'].map((v) => ({ valeur: v, style: entete })));
  for (let i = 0; i < 5; i++) f.ligne([1, 2, 3].map((v) => ({ valeur: v * i, style: valeur })));
  for (let i = 0; i < 40; i++) f.vide(); // 40 rows of 8 pt: the small table comes near the bottom of page 1
  for (let i = 0; i < 22; i++) f.ligne([{ valeur: `ligne ${i}`, style: { taille: 10 } }]);
  f.ligne([{ valeur: 'Long tableau', style: valeur }]);
  f.ligne(['X', 'Y', 'Z'].map((v) => ({ valeur: v, style: entete })));
  for (let i = 0; i < 120; i++) f.ligne([1, 2, 3].map((v) => ({ valeur: v + i, style: valeur })));
  const g = avecTablesSolidaires(f.feuille({ orientation: 'portrait', ajusterLargeur: true }));
  const [petit, long] = tablesDe(g.lignes);
  expect(petit).toEqual([3, 3, 8]);
  expect(long).toEqual([72, 72, 192]);
  expect(g.miseEnPage.lignesRepetees).toEqual([72, 72]);
  expect(coupeeSansEntete(g)).toEqual([]);
  // the long table does continue on other pages: its header repeats there
  expect((g.miseEnPage.sautsDePage ?? []).some((s) => s > 73 && s <= 192)).toBe(true);
});

test('« Résultats » montre chaque valeur dans le format de sa cellule : euros, dates, taux', () => {
  expect(texteValeur(1200.95, [FORMAT_EUROS])).toBe('1\u202f200,95\u00a0€');
  expect(texteValeur(58.1, [FORMAT_EUROS])).toBe('58,10\u00a0€');
  expect(texteValeur(1419, [FORMAT_EUROS_ENTIERS])).toBe('1\u202f419\u00a0€');
  expect(texteValeur(9.4567, [FORMAT_EUROS_PRECIS])).toBe('9,4567\u00a0€');
  expect(texteValeur(20, [FORMAT_TAUX])).toBe('20,0\u00a0%');
  expect(texteValeur(46113, [FORMAT_DATE])).toBe('01/04/2026'); // 2026-01-01 is 46023; + 31 + 28 + 31 = 46113
  expect(texteValeur('2026-03-31', [])).toBe('31/03/2026');
  expect(
    texteValeur(
      [
        ['FV-1', 120.5],
        ['FV-2', 0],
      ],
      [null, FORMAT_EUROS],
    ),
  ).toBe('FV-1 ; 120,50\u00a0€ | FV-2 ; 0,00\u00a0€');
  expect(texteValeur([3, 4.5], [FORMAT_EUROS])).toBe('3,00\u00a0€ | 4,50\u00a0€');
  expect(texteValeur(12, [])).toBe('12');
});
