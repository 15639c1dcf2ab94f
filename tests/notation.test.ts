import { arrondirAuPas, noteProposee, noteProposeeSituations, valeurDuNiveau, type NiveauEchelle } from '../src/domain/notation';

const ccf: NiveauEchelle[] = [
  { code: 'TI', valeur: 0 },
  { code: 'I', valeur: 1 / 3 },
  { code: 'S', valeur: 2 / 3 },
  { code: 'TS', valeur: 1 },
  { code: 'NE', valeur: null },
];
const regles = { maximum: 20, pas: 0.5 };

describe('note proposée', () => {
  test('« NE » et cellule vide sont exclus de la moyenne, pas comptés comme zéro', () => {
    expect(
      noteProposee(
        ccf,
        [
          { niveau: 'TS', poids: 1 },
          { niveau: 'NE', poids: 1 },
          { niveau: null, poids: 1 },
        ],
        regles,
      ),
    ).toBe(20);
    expect(
      noteProposee(
        ccf,
        [
          { niveau: 'TS', poids: 1 },
          { niveau: 'TI', poids: 1 },
        ],
        regles,
      ),
    ).toBe(10);
  });

  test('poids : moyenne pondérée, un poids nul retire la compétence', () => {
    // (2 × 1 + 1 × 1/3) / 3 × 20 = 15,555… → 15,5
    expect(
      noteProposee(
        ccf,
        [
          { niveau: 'TS', poids: 2 },
          { niveau: 'I', poids: 1 },
          { niveau: 'TI', poids: 0 },
        ],
        regles,
      ),
    ).toBe(15.5);
  });

  test('aucun positionnement : pas de note (null), et non zéro', () => {
    expect(
      noteProposee(
        ccf,
        [
          { niveau: 'NE', poids: 1 },
          { niveau: null, poids: 2 },
        ],
        regles,
      ),
    ).toBeNull();
  });

  test('codes comparés comme MATCH : sans casse pour le texte, nombre contre nombre', () => {
    expect(valeurDuNiveau(ccf, 'ts')).toBe(1);
    expect(valeurDuNiveau([{ code: 3, valeur: 0.5 }], 3)).toBe(0.5);
    expect(valeurDuNiveau([{ code: 3, valeur: 0.5 }], '3')).toBeNull();
    expect(valeurDuNiveau(ccf, 'X')).toBeNull();
  });

  test('arrondi au pas comme un tableur : demi arrondi vers le haut, sans erreur binaire', () => {
    expect(arrondirAuPas(13.25, 0.5)).toBe(13.5);
    expect(arrondirAuPas(13.24, 0.5)).toBe(13);
    expect(arrondirAuPas(20 * (2 / 3), 0.5)).toBe(13.5);
    expect(arrondirAuPas(1.005 * 10, 0.1)).toBe(10.1); // 10.049999… in binary, 10.05 for a spreadsheet
    expect(arrondirAuPas(12.345, 0)).toBe(12.345);
    expect(arrondirAuPas(12.3, 0.25)).toBe(12.25);
  });

  test("E2 : moyenne des deux situations d'égale importance, arrondie une seule fois", () => {
    const s1 = [
      { niveau: 'TS', poids: 1 },
      { niveau: 'I', poids: 1 },
    ]; // 13,33…
    const s2 = [{ niveau: 'S', poids: 1 }]; // 13,33…
    expect(
      noteProposeeSituations(
        ccf,
        [
          { ponderation: 0.5, lignes: s1 },
          { ponderation: 0.5, lignes: s2 },
        ],
        regles,
      ),
    ).toBe(13.5);
    const a = [
      { niveau: 'TS', poids: 1 },
      { niveau: 'I', poids: 2 },
    ]; // 11,11…
    const b = [
      { niveau: 'TS', poids: 1 },
      { niveau: 'TI', poids: 4 },
    ]; // 4
    expect(
      noteProposeeSituations(
        ccf,
        [
          { ponderation: 0.5, lignes: a },
          { ponderation: 0.5, lignes: b },
        ],
        regles,
      ),
    ).toBe(7.5); // 7,555… → 7,5
    expect(
      noteProposeeSituations(
        ccf,
        [
          { ponderation: 0.5, lignes: a },
          { ponderation: 0.5, lignes: [{ niveau: 'NE', poids: 1 }] },
        ],
        regles,
      ),
    ).toBeNull();
  });
});
