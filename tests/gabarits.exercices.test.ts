import { competence } from '../src/referentiel';
import { ALEAS, TYPES_EXERCICE } from '../src/domain/cas/aleas';
import { gabaritExercice } from '../src/sheets/exercices/gabarit';
import { LIGNES_CA3 } from '../src/domain/tva/ca3';

describe('modèles d\u2019exercices (templates/exercices)', () => {
  test.each(TYPES_EXERCICE)('%s : compétence et critère cités du référentiel, aléas du générateur, textes du référentiel exacts', (type) => {
    const g = gabaritExercice(type);
    const c = competence(g.competence);
    expect(c.criteres.map((x) => x.libelle)).toContain(g.critere);
    if (g.ecritures) expect(competence(g.ecritures.competence).criteres.map((x) => x.libelle)).toContain(g.ecritures.critere);
    expect(g.aleas.map((a) => a.code)).toEqual([...ALEAS[type]]);
    for (const a of g.aleas) {
      if (!a.referentiel) continue;
      const situations = competence(a.referentiel.competence).situations;
      expect([a.code, situations.some((s) => [...s.complexite, ...s.aleas].includes(a.referentiel!.texte))]).toEqual([a.code, true]);
    }
  });

  test('TVA : les lignes demandées existent dans le calculateur', () => {
    const codes = LIGNES_CA3.map((l) => l.code);
    for (const l of gabaritExercice('tva').lignes!) expect(codes).toContain(l);
  });
});
