import { agreger, METHODES } from '../src/consolidate/agregation';
import { identifierEleves, normaliser } from '../src/consolidate/eleves';

describe('agrégation des positionnements', () => {
  test('chaque méthode, valeurs exactes (ordre chronologique)', () => {
    const d = [1, 2, 'NE', 4, 3] as const;
    expect(agreger(d, 'derniere')).toEqual({ valeur: 3, degre: 3, positionnements: 4 });
    expect(agreger(d, 'meilleure')).toEqual({ valeur: 4, degre: 4, positionnements: 4 });
    // 10 / 4 = 2,5 : arrondi au degré supérieur
    expect(agreger(d, 'moyenne')).toEqual({ valeur: 2.5, degre: 3, positionnements: 4 });
    // quatre positionnements : poids 2, 4, 8, 16 → (2 + 8 + 32 + 48) / 30 = 3
    expect(agreger(d, 'recente')).toEqual({ valeur: 3, degre: 3, positionnements: 4 });
  });

  test('récence : seuls les cinq derniers comptent, le plus récent pèse 16', () => {
    // six positionnements : le premier (4) sort ; (1×1 + 1×2 + 1×4 + 1×8 + 4×16) / 31 = 79 / 31
    const a = agreger([4, 1, 1, 1, 1, 4], 'recente')!;
    expect(a.valeur).toBeCloseTo(79 / 31, 12);
    expect(a.degre).toBe(3); // 2,548… → 3
    expect(agreger([4, 1, 1, 1, 1, 1], 'recente')).toEqual({ valeur: 1, degre: 1, positionnements: 6 });
    // 2 × 1 + 3 × 2 = 8 / 3 = 2,67
    expect(agreger([2, 3], 'recente')!.valeur).toBeCloseTo(8 / 3, 12);
  });

  test("« NE » n'est jamais compté comme zéro ; sans positionnement, pas de niveau", () => {
    for (const m of METHODES) {
      expect(agreger(['NE', 'NE'], m)).toBeNull();
      expect(agreger([], m)).toBeNull();
      expect(agreger(['NE', 2, 'NE'], m)).toEqual({ valeur: 2, degre: 2, positionnements: 1 });
    }
  });

  test("arrondi au degré : 2,5 → 3, 2,49 → 2 (calcul en fraction, sans erreur d'arrondi)", () => {
    expect(agreger([2, 3], 'moyenne')!.degre).toBe(3);
    expect(agreger([1, 2, 2, 4], 'moyenne')!.degre).toBe(2); // 9 / 4 = 2,25
    expect(agreger([1, 4, 4], 'moyenne')!.degre).toBe(3); // 3
    expect(agreger([1, 1, 4, 4, 2, 3], 'moyenne')!.degre).toBe(3); // 15 / 6 = 2,5
  });
});

describe('rapprochement des élèves', () => {
  test('accents, casse, tirets et espaces ignorés', () => {
    expect(normaliser(' Lé-Gall  Éloïse ')).toBe('LE GALL ELOISE');
    expect(normaliser("N'Diaye")).toBe(normaliser('NDIAYE'.replace('ND', 'N D')));
  });

  test('même nom dans deux classes : un fichier sans classe est ambigu, pas deviné', () => {
    const { eleves, rattacher } = identifierEleves([
      { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' },
      { nom: 'MARTIN', prenom: 'Lea', classe: 'tle a' },
      { nom: 'Martin', prenom: 'Léa', classe: 'Tle B' },
      { nom: 'Martin', prenom: 'Léa', classe: '' },
      { nom: 'Durand', prenom: 'Chloé', classe: '' },
      { nom: 'Durand', prenom: 'Chloé', classe: 'Tle A' },
    ]);
    expect(eleves.map((e) => `${e.nom} ${e.prenom} ${e.classe}`)).toEqual(['Durand Chloé Tle A', 'MARTIN Lea tle a', 'Martin Léa Tle B']);
    expect(rattacher({ nom: 'martin', prenom: 'LÉA', classe: '' })).toEqual({ ambigu: ['Tle B', 'tle a'] });
    expect(rattacher({ nom: 'Durand', prenom: 'Chloe', classe: '' })).toEqual({ id: eleves[0]!.id });
    expect(rattacher({ nom: 'Martin', prenom: 'Léa', classe: 'TLE A' })).toEqual({ id: eleves[1]!.id });
  });
});
