import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { competence, competences } from '../src/referentiel';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIGNES_CA3 } from '../src/exercices/tva/ca3';
import { EXERCICES, paquetExercice, TYPES_EXERCICE, type TypeExercice } from '../src/exercices/registre';
import { casGenere } from '../src/app/modelesExercices';
import { FEUILLES, reponsesDuCas, type SpecExercice } from '../src/sheets/exercices/commun';
import { classeurExercice } from '../src/sheets/exercices/classeurExercice';

/** What only a teacher's case has (the generator never draws it): a payslip with a benefit in kind. */
const CAS_DE_L_ENSEIGNANT: Partial<Record<TypeExercice, (e: unknown) => unknown>> = {
  paie: (e) => ({ ...(e as object), avantagesNature: [{ libelle: 'Logement', montant: 120 }] }),
};

/** Named cells of « Travail » that the sheet computes by formulas from the answers: expected values, not answers. */
const CALCULEES: Partial<Record<TypeExercice, string[]>> = { tresorerie: ['TRE_Decaissements_Total', 'TRE_Encaissements_Total', 'TRE_Tresorerie_Debut', 'TRE_Tresorerie_Fin'] };

describe('modèles d\u2019exercices (templates/exercices)', () => {
  test.each(TYPES_EXERCICE)('%s : les réponses vérifiées sont les données du modèle, cellules nommées de « Travail » dans son ordre, et chacune sert', (type) => {
    const paquet = paquetExercice(type);
    const spec = paquet.spec as SpecExercice<unknown, unknown>;
    const g = spec.gabarit;
    const servies = new Set<string>();
    const combinaisons = [[], ...paquet.aleas.map((a) => [a]), [...paquet.aleas]];
    let cas = 0;
    for (let graine = 1; graine <= 6; graine++)
      for (const aleas of combinaisons) {
        let x;
        try {
          x = casGenere({ type, graine, aleas, periode: '2026-03', date: '2026-03-31' }, null);
        } catch {
          continue; // aléas that exclude each other
        }
        const enseignant = CAS_DE_L_ENSEIGNANT[type];
        for (const e of [x.entree, ...(enseignant ? [paquet.schema.parse(enseignant(paquet.generer(graine, '2026-03', x.aleas, undefined, TABLES_OFFICIELLES)))] : [])]) {
          cas++;
          const p = spec.parametresParDefaut(e, TABLES_OFFICIELLES);
          const reponses = reponsesDuCas(spec, e, p, spec.attendus(e, p)).map((r) => r.nom + ' : ' + r.libelle);
          const noms = spec.feuilleTravail(e, p).noms.map((n) => n.nom);
          const nomsDesReponses = reponses.map((r) => r.split(' : ')[0]!);
          expect(noms.filter((n) => nomsDesReponses.includes(n))).toEqual(nomsDesReponses);
          // a named cell the case gives a value to is an answer, unless the sheet computes it (an answer dropped from the template would go unchecked)
          const a = spec.attendus(e, p);
          expect(noms.filter((n) => n in a && !nomsDesReponses.includes(n)).sort()).toEqual(CALCULEES[type] ?? []);
          for (const d of g.reponses) {
            const motif = new RegExp(`^${d.nom ?? '[A-Z0-9_]+'} : ${d.libelle.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{ligne}', '.+')}$`);
            if (reponses.some((r) => motif.test(r))) servies.add(d.nom ?? d.famille!);
          }
        }
      }
    expect(cas).toBeGreaterThan(6);
    expect(g.reponses.map((d) => d.nom ?? d.famille).filter((k) => !servies.has(k!))).toEqual([]);
  });

  test('« Feuille de calcul » : seul le critère 3.2.3 « Efficacité dans l\u2019utilisation d\u2019un tableur » (frais) porte sur le tableur ; les colonnes saisies sont des colonnes de la réponse', () => {
    const tableurs = TYPES_EXERCICE.flatMap((t) => {
      const g = paquetExercice(t).spec.gabarit;
      return g.tableur ? [[t, g.tableur.competence, g.tableur.critere]] : [];
    });
    expect(tableurs).toEqual([['frais', '3.2.3', "Efficacité dans l'utilisation d'un tableur"]]);
    // no other compétence of the référentiel names the spreadsheet: 3.2.3 is the only one to score it
    expect(
      competences()
        .filter((c) => c.criteres.some((k) => /tableur/i.test(k.libelle)))
        .map((c) => c.code),
    ).toEqual(['3.2.3']);
    for (const t of TYPES_EXERCICE) {
      const x = casGenere({ type: t, graine: 3, aleas: [], periode: '2026-03', date: '2026-03-31' }, null);
      const spec = paquetExercice(t).spec as SpecExercice<unknown, unknown>;
      const p = spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES);
      const a = spec.attendus(x.entree, p);
      for (const r of spec.gabarit.reponses.filter((y) => y.colonnesSaisies)) {
        const v = a[r.nom!] as unknown[][];
        expect([t, r.nom, r.colonnesSaisies!.every((j) => j < v[0]!.length)]).toEqual([t, r.nom, true]);
      }
    }
  });

  test.each(TYPES_EXERCICE)('%s : compétence et critère cités du référentiel, aléas du générateur, textes du référentiel exacts', (type) => {
    const g = paquetExercice(type).spec.gabarit;
    const c = competence(g.competence);
    expect(c.criteres.map((x) => x.libelle)).toContain(g.critere);
    for (const r of g.reponses) if (r.preuve) expect([r.nom, competence(r.preuve.competence).criteres.map((x) => x.libelle)]).toEqual([r.nom, expect.arrayContaining([r.preuve.critere])]);
    // the spreadsheet critère, where there is one, quoted from the référentiel under the template's compétence
    if (g.tableur) expect([g.tableur.competence, competence(g.tableur.competence).criteres.map((x) => x.libelle)]).toEqual([g.competence, expect.arrayContaining([g.tableur.critere])]);
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

  test.each(TYPES_EXERCICE)('%s : chaque réponse cite les phrases qui fixent sa convention, et l\u2019élève les lit dans son classeur, pour chaque aléa', (type) => {
    const paquet = paquetExercice(type);
    const spec = paquet.spec as SpecExercice<unknown, unknown>;
    const lues = [FEUILLES.enonce, FEUILLES.travail, FEUILLES.parametres];
    const absentes = new Set<string>();
    let reponses = 0;
    for (const aleas of [[], ...paquet.aleas.map((a) => [a]), [...paquet.aleas]])
      for (const graine of [1, 2]) {
        let x;
        try {
          x = casGenere({ type, graine, aleas, periode: '2026-03', date: '2026-03-31' }, null);
        } catch {
          continue; // aléas that exclude each other
        }
        const p = spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES);
        const classeur = classeurExercice(spec, x.entree, p, { graine, aleas: x.aleas, eleve: null, date: '2026-03-31' });
        // what the student reads: the texts of the three sheets, not the formulas
        const texte = classeur.feuilles
          .filter((f) => (lues as readonly string[]).includes(f.nom))
          .flatMap((f) => f.lignes.flatMap((l) => l.cellules.map((c) => (typeof c?.valeur === 'string' ? c.valeur : ''))))
          .join('\n');
        for (const r of reponsesDuCas(spec, x.entree, p, spec.attendus(x.entree, p))) {
          reponses++;
          expect([r.nom, r.convention.length]).toEqual([r.nom, expect.any(Number)]);
          expect(r.convention.length).toBeGreaterThan(0);
          for (const phrase of r.convention) {
            expect(phrase.length).toBeGreaterThanOrEqual(15); // a sentence, not a word that happens to be there
            if (!texte.includes(phrase)) absentes.add(`${r.nom} : « ${phrase} »`);
          }
        }
      }
    expect(reponses).toBeGreaterThan(0);
    expect([...absentes]).toEqual([]);
  });

  test('paie : l\u2019énoncé annonce chaque compétence notée, l\u2019écriture de paie sous 3.2.5', () => {
    const spec = paquetExercice('paie').spec as SpecExercice<unknown, unknown>;
    const x = casGenere({ type: 'paie', graine: 4, aleas: [], periode: '2026-03', date: '2026-03-31' }, null);
    const p = spec.parametresParDefaut(x.entree, TABLES_OFFICIELLES);
    const enonce = classeurExercice(spec, x.entree, p, { graine: 4, aleas: [], eleve: null, date: '2026-03-31' }).feuilles.find((f) => f.nom === FEUILLES.enonce)!;
    const lignes = enonce.lignes.slice(0, 4).map((l) => String(l.cellules[0]?.valeur ?? ''));
    const notees = new Set(reponsesDuCas(spec, x.entree, p, spec.attendus(x.entree, p)).map((r) => r.competence));
    expect([...notees].sort()).toEqual(['3.2.4', '3.2.5']);
    for (const c of notees) expect(lignes.some((l) => l.includes(`ompétence ${c} « ${competence(c).libelle} »`))).toBe(true);
    expect(lignes).toContain(
      `Écriture de paie (débit, crédit de chaque compte) : compétence 3.2.5 « ${competence('3.2.5').libelle} » — critère : « ${competence('3.2.5').criteres.find((k) => spec.gabarit.reponses.some((r) => r.preuve?.critere === k.libelle))!.libelle} »`,
    );
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
