import { Referentiel, competences, competence, epreuveDeCompetence, referentiel, referentielCite } from '../src/referentiel';
import donnees from '../src/referentiel/data/referentiel.json';

describe('référentiel AGOrA : données validées', () => {
  const r = referentiel();

  test('le fichier de données passe le schéma zod', () => {
    expect(Referentiel.safeParse(donnees).success).toBe(true);
  });

  test('3 blocs, 9 activités, 37 compétences, codes uniques', () => {
    expect(r.blocs.map((b) => b.code)).toEqual(['1', '2', '3']);
    expect(r.blocs.flatMap((b) => b.activites.map((a) => a.code))).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
    const codes = competences(r).map((c) => c.code);
    expect(codes).toHaveLength(37);
    expect(new Set(codes).size).toBe(37);
    expect(r.blocs.map((b) => b.activites.flatMap((a) => a.competences).length)).toEqual([12, 13, 12]);
  });

  test('chaque compétence a au moins un critère, une situation, et une seule épreuve', () => {
    for (const c of competences(r)) {
      expect(c.criteres.length).toBeGreaterThan(0);
      expect(c.situations.length).toBeGreaterThan(0);
      const porteuses = r.epreuves.filter((e) => c.code.startsWith(e.bloc + '.'));
      expect(porteuses).toHaveLength(1);
      expect(epreuveDeCompetence(c.code).code).toBe(porteuses[0]!.code);
    }
  });

  test('une schéma invalide est refusé (le schéma peut échouer)', () => {
    const abime = JSON.parse(JSON.stringify(donnees));
    abime.blocs[0].activites[0].competences[1].code = '1.1.1';
    const res = Referentiel.safeParse(abime);
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error?.issues)).toContain('code de compétence en double : 1.1.1');
  });

  test("épreuves : unités, coefficients et CCF du règlement d'examen", () => {
    const e = Object.fromEntries(r.epreuves.map((x) => [x.code, x]));
    expect([e.E31?.unite, e.E31?.coefficient, e.E31?.bloc]).toEqual(['U31', 4, '1']);
    expect([e.E2?.unite, e.E2?.coefficient, e.E2?.bloc]).toEqual(['U2', 4, '2']);
    expect([e.E32?.unite, e.E32?.coefficient, e.E32?.bloc]).toEqual(['U32', 3, '3']);
    expect(e.E2?.ccf.situations).toBe(2);
    expect(e.E2?.ccf.ponderation).toEqual([0.5, 0.5]);
    expect(e.E2?.ccf.couverture).toEqual(['2.1', '2.2', '2.3']);
    expect(e.E31?.ccf.noteNonCommuniquee).toBe(true);
    expect(e.E31?.modalites.find((m) => m.mode !== 'CCF')).toMatchObject({ mode: 'Ponctuel oral et pratique', duree: '45 min' });
    expect(e.E32?.modalites.find((m) => m.mode !== 'CCF')).toMatchObject({ mode: 'Ponctuel oral', duree: '30 min' });
  });

  test('PFMP : 22 semaines, 16 en cycle de deux ans, 10 / 8 pour les positionnés', () => {
    expect(r.pfmp).toMatchObject({ dureeSemaines: 22, dureeCycleDeuxAnsSemaines: 16, minimumPositionnesScolaireSemaines: 10, minimumPositionnesFormationContinueSemaines: 8 });
  });

  test("les variantes connues sont gardées : libellé de l'arrêté retenu, autre texte noté", () => {
    const c221 = competence('2.2.1', referentielCite());
    expect(c221.libelle).toBe('Etablir un état de rapprochement');
    expect(c221.variantes).toContainEqual({ source: '002', texte: 'Établir un état de rapprochement' });
    const a11 = r.blocs[0]!.activites[0]!;
    expect(a11.libelle).toContain("l'utilisateur");
    expect(a11.variantes[0]?.texte).toContain("l'usager");
    // 2.1.4 has no critère in 002: they come from 001
    expect(competence('2.1.4').criteres.map((k) => k.provenance.map((p) => p.source))).toEqual([
      ['003', '001'],
      ['003', '001'],
    ]);
    // 2.3.1 groups four situations in 001
    expect(competence('2.3.1').situations.map((s) => s.code)).toEqual(['2.3.1.1', '2.3.1.2', '2.3.1.3', '2.3.1.4']);
  });

  test("affiché, le libellé prend sa capitale accentuée et l'orthographe de l'arrêté reste en variante", () => {
    const c221 = competence('2.2.1');
    expect(c221.libelle).toBe('Établir un état de rapprochement');
    expect(c221.variantes).toContainEqual({ source: '003', texte: 'Etablir un état de rapprochement' });
    expect(competence('2.2.5').libelle).toBe('Établir un état périodique de trésorerie');
    expect(r.epreuves.find((e) => e.code === 'E2')!.libelle).toMatch(/^Étude de situations professionnelles/);
    expect(r.blocs[0]!.activites[0]!.pix.map((p) => p.libelle)).toContain('Évoluer dans un environnement numérique');
    // Codes and provenance are never touched; the quoted data is unchanged.
    expect(c221.provenance).toEqual(competence('2.2.1', referentielCite()).provenance);
    expect(competence('2.2.1', referentielCite()).libelle).toBe('Etablir un état de rapprochement');
    expect(r.pfmp.textes['attestation']).toMatch(/^À l'issue de chaque PFMP/);
    expect(r.diplome.sigle).toBe('AGOrA');
    const libelles = (x: Referentiel) => JSON.stringify(x, (k, v: unknown) => (k === 'variantes' ? undefined : v));
    expect(libelles(r)).not.toMatch(/"(A|Etablir|Evoluer|Etude|Ecart) /);
    expect(libelles(referentielCite())).toMatch(/"Etablir /);
  });

  test('une compétence inconnue donne une erreur en français', () => {
    expect(() => competence('9.9.9')).toThrow('Compétence inconnue : « 9.9.9 ».');
  });
});
