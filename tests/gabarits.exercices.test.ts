import { competence } from '../src/referentiel';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIGNES_CA3 } from '../src/exercices/tva/ca3';
import { EXERCICES, paquetExercice, TYPES_EXERCICE } from '../src/exercices/registre';

describe('modèles d\u2019exercices (templates/exercices)', () => {
  test.each(TYPES_EXERCICE)('%s : compétence et critère cités du référentiel, aléas du générateur, textes du référentiel exacts', (type) => {
    const g = paquetExercice(type).spec.gabarit;
    const c = competence(g.competence);
    expect(c.criteres.map((x) => x.libelle)).toContain(g.critere);
    if (g.ecritures) expect(competence(g.ecritures.competence).criteres.map((x) => x.libelle)).toContain(g.ecritures.critere);
    expect(g.aleas.map((a) => a.code)).toEqual([...paquetExercice(type).aleas]);
    for (const a of g.aleas) {
      if (!a.referentiel) continue;
      const situations = competence(a.referentiel.competence).situations;
      expect([a.code, situations.some((s) => [...s.complexite, ...s.aleas].includes(a.referentiel!.texte))]).toEqual([a.code, true]);
    }
  });

  test.each(TYPES_EXERCICE)('%s : au moins trois erreurs types, chacune calculée par le module de la feuille, et rien d\u2019autre', (type) => {
    const g = paquetExercice(type).spec.gabarit;
    expect(g.erreursTypes.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(paquetExercice(type).spec.variantes).sort()).toEqual(g.erreursTypes.map((t) => t.code).sort());
    for (const t of g.erreursTypes) expect(t.indice).toMatch(/^[A-ZÀ-Ý].*\.$/);
  });

  test('TVA : les lignes demandées existent dans le calculateur', () => {
    const codes = LIGNES_CA3.map((l) => l.code);
    for (const l of paquetExercice('tva').spec.gabarit.lignes!) expect(codes).toContain(l);
  });

  test('le registre : un paquet par dossier de src/exercices, chacun avec son modèle templates/exercices/<type>.json, types et modèles uniques', () => {
    const racine = path.join(__dirname, '..', 'src', 'exercices');
    const dossiers = readdirSync(racine).filter((d) => statSync(path.join(racine, d)).isDirectory());
    expect([...TYPES_EXERCICE].sort()).toEqual(dossiers.sort());
    expect(new Set(EXERCICES.map((p) => p.spec.gabarit.id)).size).toBe(EXERCICES.length);
    for (const p of EXERCICES) expect([p.type, p.spec.gabarit.type]).toEqual([p.type, p.type]);
  });
});
