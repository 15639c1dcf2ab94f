import { referentiel } from '../src/referentiel';
import { modeleDExercice } from '../src/app/exercices';
import { attendusDesReponses, variantesDuCas, verifierExercice } from '../src/app/verification';
import { exerciceDuClasseur } from '../src/app/modelesExercices';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { CHARGE_EXCEL_WEB } from '../src/io/office/chargeDeRequete';
import { classeurEnBase64 } from '../src/io/exceljs/xlsxDuModele';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire, type OptionsContexte } from '../src/io/memory/contexteExcel';
import { annoterCopieOuverte } from '../src/taskpane/annoterCopieOuverte';
import type { Classeur } from '../src/sheets/model';
import { remplirMemoire } from './aides/remplirMemoire';
import { cleDesTests } from './aides/cle';

/**
 * The pane's main flows at each level the add-in supports, one column each: Excel 2019 (ExcelApi
 * 1.8), 1.9, 1.13, 1.18, and Excel on the web (1.18, its 5 MB requests, its sheets inserted locked:
 * OfficeDev/office-js#1565). The in-memory Excel refuses at sync what its level lacks (office.ensembles),
 * and each flow runs through the functions the pane calls.
 */
const NIVEAUX: [string, OptionsContexte, number | undefined][] = [
  ['Excel 2019 (ExcelApi 1.8)', { api: '1.8' }, undefined],
  ['ExcelApi 1.9', { api: '1.9' }, undefined],
  ['ExcelApi 1.13', { api: '1.13' }, undefined],
  ['ExcelApi 1.18', { api: '1.18' }, undefined],
  ['Excel sur le web', { api: '1.18', web: true }, CHARGE_EXCEL_WEB],
];
const DATE = '2026-11-23';
const ELEVE = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };

const inserer = async (c: ClasseurMemoire, m: Classeur, o: OptionsContexte, charge: number | undefined) => {
  const ctx = new ContexteMemoire(c, o);
  const r = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), classeurEnBase64, charge);
  return { ...r, ctx };
};

describe.each(NIVEAUX)('%s', (_, o, charge) => {
  const parFichier = o.api !== '1.8' && o.api !== '1.9';
  // before ExcelApi 1.9 no print setup can be written, and the teacher is told so
  const miseEnPage =
    o.api === '1.8' ? ["Mise en page d'impression non appliquée : elle demande Excel 2021, Microsoft 365 ou Excel sur le web (les feuilles s'impriment avec les réglages par défaut)."] : [];

  test('grilles PFMP et E31 de trois élèves : insérées, chaque nom défini retrouvé à la relecture', async () => {
    const m = classeurGrilles(
      referentiel(),
      [1, 2, 3].map((i) => ({ nom: `Élève${i}`, prenom: 'Léa', classe: 'Tle A' })),
      { etablissement: 'LP de test', annee: '2026-2027', date: DATE, types: ['pfmp', 'e31'] },
      'classe',
    ).classeur;
    const c = ClasseurMemoire.nouveau();
    const { ctx, avertissements } = await inserer(c, m, o, charge);
    expect(avertissements).toEqual(miseEnPage);
    expect(ctx.journal.some((j) => j.startsWith('workbook.insertWorksheetsFromBase64'))).toBe(parFichier);
    expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1', ...m.feuilles.map((f) => f.nom)]);
    for (const n of m.noms ?? []) expect([n.nom, c.cibleDuNom(n.nom)?.feuille]).toEqual([n.nom, n.feuille]);
  });

  test('exercice de TVA : inséré, relu sans « énoncé modifié », juste à 100 % ; une réponse fausse annotée dans le classeur (indication en note de cellule à partir de 1.18, sinon dite)', async () => {
    const cle = cleDesTests();
    const m = modeleDExercice({ type: 'tva', graine: 11, periode: '2026-10', date: DATE, cle }, ELEVE).classeur;
    const c = ClasseurMemoire.nouveau();
    await inserer(c, m, o, charge);
    const lire = async () => {
      const ctx = new ContexteMemoire(c, o);
      const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
      return exerciceDuClasseur(lu.classeur, lu.nom, false);
    };
    const x = await lire();
    expect(x.enonceModifie).toEqual([]);
    const reponses = attendusDesReponses(x);
    remplirMemoire(c, reponses);
    expect(verifierExercice(await lire(), { date: DATE, cle }).rapport.total.taux).toBe(1);
    // one answer of a typical error: its hint is a note where notes exist (ExcelApi 1.18)
    const erreur = variantesDuCas(x).find((e) => Object.entries(e.attendus).some(([n, v]) => typeof v === 'number' && v !== reponses[n]))!;
    const [faux, valeur] = Object.entries(erreur.attendus).find(([n, v]) => typeof v === 'number' && v !== reponses[n])!;
    remplirMemoire(c, { ...reponses, [faux]: valeur! });
    const annotation = new ContexteMemoire(c, o);
    const { rapport, avertissements } = await annoterCopieOuverte(annotation as unknown as Excel.RequestContext, { date: DATE, cle }, (v) => annotation.prend(v));
    expect(rapport.total.taux).toBeLessThan(1);
    expect(c.feuilles.map((f) => f.nom)).toEqual(expect.arrayContaining(['Résultats', 'Suivi des compétences']));
    const notes = o.api === '1.18';
    expect(annotation.journal.some((j) => j.startsWith('notes.add'))).toBe(notes);
    expect(avertissements).toEqual([
      ...miseEnPage,
      ...(notes ? [] : ['Indications non écrites en notes de cellule (il faut Microsoft 365 ou Excel sur le web, à jour) : elles sont dans la feuille « Résultats ».']),
    ]);
  });
});
