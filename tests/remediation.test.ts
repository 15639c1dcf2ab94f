import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { choisirRemediation, exercicesDeLaCompetence, type ResultatCompetence, type ResultatsClasse } from '../src/app/remediation';
import { analyserCsv } from '../src/io/csv';
import { dossierTemporaire, lancer } from './aides/cli';
import { classeAuxResultats } from './aides/classeAuxResultats';

/**
 * Remediation (issue 36): each student's next exercise on their weakest compétence, from the class
 * workbook's « Détail », with why; the compétences without an exercise named.
 */

jest.setTimeout(600_000);

const LEA = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };
const JEAN = { nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' };
const r = (degres: number[], taux: number[] = []): ResultatCompetence => ({ degres, taux });
const resultats = (x: Record<string, Record<string, ResultatCompetence>>): ResultatsClasse => new Map(Object.entries(x).map(([cle, c]) => [cle.toLocaleUpperCase('fr'), new Map(Object.entries(c))]));

describe('le choix des exercices', () => {
  test('les compétences qu’un exercice travaille : son modèle d’abord, puis celles d’une de ses réponses', () => {
    expect(exercicesDeLaCompetence('2.2.4')).toEqual(['tva']);
    // the payroll entry of the payslip (3.2.5, another answer's compétence) after the exercise whose compétence it is
    expect(exercicesDeLaCompetence('3.2.5')).toEqual(['paie-anomalies', 'paie']);
    expect(exercicesDeLaCompetence('1.1.1')).toEqual([]);
  });

  test('la compétence au degré moyen le plus bas, puis au taux de réussite le plus bas ; une compétence sans exercice rencontrée avant est nommée', () => {
    const c = choisirRemediation(
      resultats({
        'Tle A\u0000MARTIN Léa': {
          // degrees 2 and 3: mean 2,5; two copies at 40 % and 50 %: 45 %
          '2.2.4': r([2, 3], [0.4, 0.5]),
          // degree 2 from one copy at 60 %: weaker by degree (2 < 2,5)
          '2.2.1': r([2], [0.6]),
          // degree 1 from the grids, no exercise works on it: named, then skipped
          '1.1.1': r([1, 1]),
          // degree 4: strong
          '1.2.2': r([4], [0.95]),
        },
      }),
      [LEA, JEAN],
      2,
    );
    expect(c[0]!.exercices).toEqual([
      { type: 'rapprochement', competence: '2.2.1', motif: '2.2.1 : 60 % de réussite sur 1 copie' },
      { type: 'tva', competence: '2.2.4', motif: '2.2.4 : 45 % de réussite sur 2 copies' },
    ]);
    expect(c[0]!.sansExercice).toEqual([{ competence: '1.1.1', motif: '1.1.1 : degré 1 (Non maîtrisé) sur 2 positionnements ; aucun exercice ne la travaille encore' }]);
    // Jean is in the list, not in the class workbook: named, nothing made up
    expect(c[1]).toEqual({ eleve: JEAN, exercices: [], sansExercice: [], aucun: 'aucun résultat de DUPONT Jean dans le classeur de la classe' });
  });

  test('à degré égal, le taux le plus bas ; sans taux (grilles seules), le degré moyen dit avec sa décimale', () => {
    const c = choisirRemediation(
      resultats({
        'Tle A\u0000MARTIN Léa': {
          '2.2.5': r([2, 3, 2], []), // 7 / 3 = 2,33…: « degré moyen 2,3 sur 3 positionnements »
          '1.2.4': r([2, 2, 3], [0.7]), // 2,33… too, with a rate: ranked first
        },
      }),
      [LEA],
      2,
    );
    expect(c[0]!.exercices.map((e) => e.motif)).toEqual(['1.2.4 : 70 % de réussite sur 1 copie', '2.2.5 : degré moyen 2,3 sur 3 positionnements']);
  });

  test('une liste sans classe retrouve l’élève par son nom, s’il est seul à le porter', () => {
    const x = resultats({ 'Tle A\u0000MARTIN Léa': { '2.2.4': r([1], [0.2]) } });
    expect(choisirRemediation(x, [{ ...LEA, classe: '' }])[0]!.exercices.map((e) => e.type)).toEqual(['tva']);
    const deux = resultats({ 'Tle A\u0000MARTIN Léa': { '2.2.4': r([1], [0.2]) }, 'Tle B\u0000MARTIN Léa': { '2.2.1': r([1], [0.2]) } });
    expect(choisirRemediation(deux, [{ ...LEA, classe: '' }])[0]!.aucun).toMatch(/^aucun résultat de MARTIN Léa/);
  });
});

test('agora exercice --remediation : depuis le classeur consolidé de la classe, un exercice par élève sur sa compétence la plus faible, repartition.csv dit pourquoi', async () => {
  const d = dossierTemporaire('agora-remediation-');
  // Léa's TVA right and her relances wrong, Jean the other way round; Paul in the list only
  const { liste: eleves, classe } = await classeAuxResultats(d, ['Martin;Léa;Tle A', 'Dupont;Jean;Tle A', 'Nouveau;Paul;Tle A']);
  const copies = path.join(d, 'copies');
  const sortie = path.join(d, 'remediation');
  const res = await lancer(['exercice', '--classe', eleves, '--remediation', classe, '--out-dir', sortie, '--corrige', path.join(sortie, 'corriges'), '--periode', '2026-03']);
  expect({ code: res.code, err: res.err }).toEqual({ code: 0, err: '' });
  // Léa failed her relances (1.2.4), Jean his TVA (2.2.4): each gets a new case of that exercise; Paul has no result
  expect(existsSync(path.join(sortie, 'relances-MARTIN_Léa.xlsx'))).toBe(true);
  expect(existsSync(path.join(sortie, 'tva-DUPONT_Jean.xlsx'))).toBe(true);
  expect(existsSync(path.join(sortie, 'corriges', 'corrige-tva-DUPONT_Jean.xlsx'))).toBe(true);
  const lignes = analyserCsv(readFileSync(path.join(sortie, 'repartition.csv'), 'utf8').replace(/^\uFEFF/, '')).lignes.map((l) => l.champs);
  expect(lignes[0]).toEqual(['Nom', 'Prénom', 'Classe', 'Fichier', 'Corrigé', 'Cas n°', 'Aléas', 'Motif']);
  const motif = (nom: string) => lignes.find((l) => l[0] === nom)?.[7];
  // every number wrong: degree 1 (the choices Oui / Non of the TVA stay right: its rate is not 0)
  expect(motif('Martin')).toMatch(/^1\.2\.4 : \d+ % de réussite sur 1 copie$/);
  expect(motif('Dupont')).toMatch(/^2\.2\.4 : \d+ % de réussite sur 1 copie$/);
  expect(lignes.find((l) => l[0] === 'Nouveau')).toEqual(['Nouveau', 'Paul', 'Tle A', '', '', '', '', 'aucun résultat de NOUVEAU Paul dans le classeur de la classe']);
  // a new case: not the seed of the first exercise
  const premiere = analyserCsv(readFileSync(path.join(d, 'relances', 'repartition.csv'), 'utf8').replace(/^\uFEFF/, '')).lignes.map((l) => l.champs);
  expect(lignes.find((l) => l[0] === 'Martin')![5]).not.toBe(premiere.find((l) => l[0] === 'Martin')![5]);
  expect(res.out).toMatch(/^2 exercices écrits dans .* d'après /);
  // run again: the workbooks already there are kept
  const encore = await lancer(['exercice', '--classe', eleves, '--remediation', classe, '--out-dir', sortie, '--periode', '2026-03']);
  expect(encore.out).toMatch(/2 exercices déjà dans le dossier, gardés tels quels \(--remplacer pour les refaire\) : MARTIN Léa, DUPONT Jean\./);
  // and repartition.csv says the same, once
  expect(readFileSync(path.join(sortie, 'repartition.csv'), 'utf8').replace(/^\uFEFF/, '')).toBe(
    lignes.map((l) => l.map((x) => (/[;"]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(';')).join('\r\n') + '\r\n',
  );
  // a file that is not a class workbook: a French error naming it
  const mauvais = await lancer(['exercice', '--classe', eleves, '--remediation', eleves.replace('.csv', '.xlsx'), '--out-dir', path.join(d, 'x')]);
  expect(mauvais.code).not.toBe(0);
  const pasUneClasse = await lancer(['exercice', '--classe', eleves, '--remediation', path.join(copies, 'tva-MARTIN_Léa-verifie.xlsx'), '--out-dir', path.join(d, 'y')]);
  expect(pasUneClasse.err).toMatch(/n'est pas un classeur de la classe d'AGOrA/);
  // a type named with --remediation: refused
  expect((await lancer(['exercice', 'tva', '--classe', eleves, '--remediation', classe, '--out-dir', path.join(d, 'z')])).err).toMatch(/ne nommez pas d'exercice/);
});
