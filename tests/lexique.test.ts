import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { casGenere } from '../src/app/modelesExercices';
import { paquetExercice, TYPES_EXERCICE } from '../src/exercices/registre';
import { classeurCorrige, classeurExercice } from '../src/sheets/exercices/classeurExercice';
import { FEUILLES, type SpecExercice } from '../src/sheets/exercices/commun';
import { LEXIQUE, termesDe, textesDe } from '../src/sheets/exercices/lexique';

/** The student's workbook of a generated case, and the words « Énoncé » explains at its end. */
function classeur(type: (typeof TYPES_EXERCICE)[number], aleas: readonly string[], graine = 2) {
  const paquet = paquetExercice(type);
  const spec = paquet.spec as SpecExercice<unknown, unknown>;
  const x = casGenere({ type, graine, aleas: [...aleas], periode: '2026-03', date: '2026-03-31' }, null);
  const c = classeurExercice(spec, x.entree, spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES), { graine, aleas: x.aleas, eleve: null, date: '2026-03-31' });
  const enonce = c.feuilles.find((f) => f.nom === FEUILLES.enonce)!;
  const lignes = enonce.lignes.map((l) => l.cellules.map((k) => (typeof k?.valeur === 'string' ? k.valeur : '')));
  const debut = lignes.findIndex((l) => l[0] === 'Mots à connaître');
  const expliques = debut < 0 ? [] : lignes.slice(debut + 1).map((l) => l[0]!);
  const lus = c.feuilles.filter((f) => ([FEUILLES.enonce, FEUILLES.travail, FEUILLES.parametres] as string[]).includes(f.nom));
  return { expliques, lignes, debut, textes: lus.flatMap(textesDe) };
}

describe('mots à connaître (templates/lexique.json)', () => {
  test('un mot n\u2019est reconnu qu\u2019entier, quelle que soit la casse ou l\u2019apostrophe', () => {
    const termes = (t: string) => termesDe([t]).map((x) => x.terme);
    expect(termes('Vous pouvez avoir un doute.')).toEqual([]);
    expect(termes('Pied de l\u2019avoir, par taux de TVA')).toEqual(["Facture d'avoir", 'TVA collectée, TVA déductible'].slice(0, 1));
    expect(termes('ABCEF')).toEqual([]);
    expect(termes('taux de la bce majoré')).toEqual(["Taux de la BCE, taux de l'intérêt légal"]);
    expect(termes('Stock d\u2019alerte (quantité)')).toEqual(["Stock minimum, d'alerte, maximum"]);
  });

  test('paie : PMSS, écrêtements, CSG, net social et net imposable expliqués en français simple, à la fin de « Énoncé »', () => {
    const { expliques, lignes, debut } = classeur('paie', []);
    expect(debut).toBeGreaterThan(0);
    expect(expliques).toEqual(
      expect.arrayContaining(['Plafond de la sécurité sociale (PMSS)', 'Écrêtement, exonération, allègement', 'CSG et CRDS', 'Montant net social', 'Net imposable', 'Réduction générale (RGDU)']),
    );
    const pmss = lignes.find((l) => l[0] === 'Plafond de la sécurité sociale (PMSS)')!;
    expect(pmss.filter(Boolean).at(-1)).toBe(LEXIQUE.termes.find((t) => t.terme === 'Plafond de la sécurité sociale (PMSS)')!.definition);
  });

  test('paie : « Paramètres » montre les libellés ; la colonne des codes (rgdu_tdelta_moins_50…) est masquée, et relue', () => {
    for (const type of ['paie', 'paie-anomalies'] as const) {
      const spec = paquetExercice(type).spec as SpecExercice<unknown, unknown>;
      const x = casGenere({ type, graine: 2, aleas: [], periode: '2026-03', date: '2026-03-31' }, null);
      const p = spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES);
      const params = classeurExercice(spec, x.entree, p, { graine: 2, aleas: [], eleve: null, date: '2026-03-31' }).feuilles.find((f) => f.nom === FEUILLES.parametres)!;
      expect([type, params.colonnesMasquees]).toEqual([type, [0, 4]]);
      const codes = params.lignes.map((l) => l.cellules[0]?.valeur).filter((v) => v === 'rgdu_tdelta_moins_50');
      expect(codes).toHaveLength(1); // still there, for reading the sheet back
    }
  });

  test.each([
    ['paie', 4, 'Source', 'CSS, art. L. 834-1'],
    ['tva', 3, 'Référence', 'CGI, art. 278'],
    ['conges', 2, 'Référence', 'C. trav., art. L3141-3'],
  ] as const)('%s : les sources légales de « Paramètres » sont masquées pour l’élève, montrées dans le corrigé', (type, j, entete, source) => {
    const spec = paquetExercice(type).spec as SpecExercice<unknown, unknown>;
    const x = casGenere({ type, graine: 2, aleas: [], periode: '2026-03', date: '2026-03-31' }, null);
    const p = spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES);
    const o = { graine: 2, aleas: [], eleve: null, date: '2026-03-31' };
    const params = (c: { feuilles: { nom: string }[] }) => c.feuilles.find((f) => f.nom === FEUILLES.parametres) as ReturnType<typeof classeurExercice>['feuilles'][number];
    const [eleve, corrige] = [params(classeurExercice(spec, x.entree, p, o)), params(classeurCorrige(spec, x.entree, p, o))];
    const colonne = eleve.lignes.map((l) => l.cellules[j]?.valeur);
    expect(colonne).toContain(entete);
    expect(colonne).toContain(source);
    expect(eleve.colonnesMasquees).toContain(j);
    expect(corrige.colonnesMasquees ?? []).not.toContain(j);
    // what a student reads: no source, and the words of the sources are not explained for them
    expect(textesDe(eleve)).not.toContain(source);
    expect(textesDe(corrige)).toContain(source);
  });

  test('TVA avec une acquisition intracommunautaire : assujetti et autoliquidation expliqués', () => {
    expect(classeur('tva', ['intracommunautaire']).expliques).toEqual(expect.arrayContaining(['Assujetti', 'Autoliquidation', 'Acquisition intracommunautaire', 'Exigibilité']));
  });

  test.each(TYPES_EXERCICE)('%s : chaque mot expliqué figure dans les feuilles de l\u2019élève, et chaque mot du lexique qui y figure est expliqué', (type) => {
    for (const aleas of [[], [...paquetExercice(type).aleas]]) {
      let c;
      try {
        c = classeur(type, aleas);
      } catch {
        continue; // aléas that exclude each other
      }
      const sansLexique = c.debut < 0 ? c.textes : c.textes.filter((t) => !LEXIQUE.termes.some((x) => x.terme === t || x.definition === t) && t !== 'Mots à connaître');
      expect(c.expliques).toEqual(termesDe(sansLexique).map((t) => t.terme));
    }
  });

  test('chaque mot du lexique sert au moins à un exercice', () => {
    const servis = new Set<string>();
    for (const type of TYPES_EXERCICE)
      for (const aleas of [[], ...paquetExercice(type).aleas.map((a) => [a])]) {
        try {
          for (const t of classeur(type, aleas).expliques) servis.add(t);
        } catch {
          /* aléas that exclude each other */
        }
      }
    expect(LEXIQUE.termes.map((t) => t.terme).filter((t) => !servis.has(t))).toEqual([]);
  });
});
