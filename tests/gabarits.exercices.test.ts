import { competence } from '../src/referentiel';
import { ALEAS, TYPES_EXERCICE } from '../src/domain/cas/aleas';
import { gabaritExercice } from '../src/sheets/exercices/gabarit';
import { LIGNES_CA3 } from '../src/domain/tva/ca3';
import type { TypeExercice } from '../src/domain/cas/aleas';
import { EXERCICE_TVA } from '../src/sheets/exercices/tva';
import { EXERCICE_RAPPROCHEMENT } from '../src/sheets/exercices/rapprochement';
import { EXERCICE_TRESORERIE } from '../src/sheets/exercices/tresorerie';
import { EXERCICE_PAIE } from '../src/sheets/exercices/paie';
import { EXERCICE_PAIE_CONTROLE } from '../src/sheets/exercices/paieControle';

const SPECS: Record<TypeExercice, { variantes: Record<string, unknown> }> = { tva: EXERCICE_TVA, rapprochement: EXERCICE_RAPPROCHEMENT, tresorerie: EXERCICE_TRESORERIE, paie: EXERCICE_PAIE, 'paie-anomalies': EXERCICE_PAIE_CONTROLE };

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

  test.each(TYPES_EXERCICE)('%s : au moins trois erreurs types, chacune calculée par le module de la feuille, et rien d\u2019autre', (type) => {
    const g = gabaritExercice(type);
    expect(g.erreursTypes.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(SPECS[type].variantes).sort()).toEqual(g.erreursTypes.map((t) => t.code).sort());
    for (const t of g.erreursTypes) expect(t.indice).toMatch(/^[A-ZÀ-Ý].*\.$/);
  });

  test('TVA : les lignes demandées existent dans le calculateur', () => {
    const codes = LIGNES_CA3.map((l) => l.code);
    for (const l of gabaritExercice('tva').lignes!) expect(codes).toContain(l);
  });
});
