import { modeleDExercice } from '../src/app/exercices';
import { annoterCopieOuverte } from '../src/taskpane/annoterCopieOuverte';
import { consoliderLectures } from '../src/app/releverClasse';
import { attendusDesReponses, variantesDuCas } from '../src/app/verification';
import { exerciceDuClasseur } from '../src/app/modelesExercices';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire, LONGUEUR_GETRANGES } from '../src/io/memory/contexteExcel';
import { annoterClasseurOuvert } from '../src/io/office/annoterClasseurOuvert';
import { ConstructeurFeuille } from '../src/sheets/constructeur';
import { lettreColonne } from '../src/sheets/model';
import type { Annotations } from '../src/sheets/verification/annotations';
import { COULEURS_VERDICT } from '../src/sheets/verification/resultats';
import { COLONNES_SUIVI, FEUILLE_SUIVI, NOM_SUIVI } from '../src/sheets/verification/suivi';
import { remplirMemoire } from './aides/remplirMemoire';
import { cleDesTests } from './aides/cle';

const DATE = '2026-11-23';
const ELEVE = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };

/** A sealed TVA exercise inserted through Office.js as the pane does, answered with one wrong amount. */
async function copieOuverte(api = '1.18') {
  const cle = cleDesTests();
  const demande = { type: 'tva' as const, graine: 11, periode: '2026-10', date: DATE, cle };
  const m = modeleDExercice(demande, ELEVE);
  const c = ClasseurMemoire.nouveau();
  const ctx = new ContexteMemoire(c, { api });
  await insererClasseur(ctx as unknown as Excel.RequestContext, m.classeur, (v) => ctx.prend(v));
  const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
  const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
  const reponses = attendusDesReponses(x);
  // the answers of a typical error: its hint goes into a cell note
  const faux = Object.keys(reponses).find((n) => typeof reponses[n] === 'number' && variantesDuCas(x).some((e) => typeof e.attendus[n] === 'number' && e.attendus[n] !== reponses[n]))!;
  const erreur = variantesDuCas(x).find((e) => typeof e.attendus[faux] === 'number' && e.attendus[faux] !== reponses[faux])!;
  remplirMemoire(c, { ...reponses, [faux]: erreur.attendus[faux]! });
  return { c, cle, faux };
}

const annoter = async (c: ClasseurMemoire, api = '1.18') => {
  const ctx = new ContexteMemoire(c, { api });
  const res = await annoterCopieOuverte(ctx as unknown as Excel.RequestContext, { date: DATE, cle: cleDesTests() }, (v) => ctx.prend(v));
  return { ...res, ctx };
};

describe('« Annoter la copie » dans le classeur ouvert (volet)', () => {
  test('Résultats, couleurs sur la feuille protégée (déprotégée puis reprotégée), notes, Suivi créé : 4 synchronisations ; la consolidation compte la ligne scellée', async () => {
    const { c, faux } = await copieOuverte();
    const { rapport, lignes, ctx, avertissements } = await annoter(c);
    expect(ctx.syncs).toBe(4);
    expect(avertissements).toEqual([]);
    expect(rapport.competences.map((k) => k.code)).toEqual(['2.2.4']);
    expect(rapport.competences[0]!.taux!).toBeLessThan(1);
    expect(c.feuilles.map((f) => f.nom)).toEqual(expect.arrayContaining(['Résultats', FEUILLE_SUIVI]));
    expect(c.active).toBe('Résultats');
    // the wrong answer in red, a right one in green, on « Travail », still protected
    const cible = c.cibleDuNom(faux)!;
    const travail = c.feuille(cible.feuille)!;
    const adresse = `${String.fromCharCode(65 + cible.z.gauche - 1)}${cible.z.haut}`;
    expect(travail.cellules.get(adresse)!.style['fill.color']).toBe(`#${COULEURS_VERDICT.faux}`);
    expect([...travail.cellules.values()].some((x) => x.style['fill.color'] === `#${COULEURS_VERDICT.juste}`)).toBe(true);
    expect(travail.protegee).toBe(true);
    expect(ctx.journal.filter((j) => j.startsWith('protection.'))).toEqual(expect.arrayContaining([expect.stringMatching(/^protection\.unprotect/), expect.stringMatching(/^protection\.protect/)]));
    const indication = rapport.controles.find((k) => k.nom === faux)!.diagnostic;
    expect(indication).toBeTruthy();
    // the hint of the typical error, as in a file, then how the cell was made (typed: no formula)
    expect(travail.notes.get(adresse)).toBe(`${indication}\n${cible.feuille}!${adresse} : valeur tapée ; écrivez le calcul (une formule à partir des cellules de l\u2019énoncé et de « Paramètres »).`);
    // the evidence sheet: its name on the header, one sealed row
    const suivi = c.feuille(FEUILLE_SUIVI)!;
    // a title (whose copy, which exercise) above the header the name points to
    expect(String(suivi.cellules.get('A1')!.valeur)).toMatch(/^Suivi des compétences — .+ — Déclaration de TVA/);
    expect(c.noms.get(NOM_SUIVI.toUpperCase())!.reference).toBe(`='${FEUILLE_SUIVI}'!$A$2`);
    expect(COLONNES_SUIVI.map((_, j) => suivi.cellules.get(`${String.fromCharCode(65 + j)}2`)?.valeur)).toEqual([...COLONNES_SUIVI]);
    expect(lignes).toBe(1);
    expect(suivi.cellules.get('E3')!.valeur).toBe('2.2.4');
    expect(String(suivi.cellules.get('M3')!.valeur)).toMatch(/^[0-9a-f]{12}:[0-9a-f]{64}$/);

    // checked again: « Résultats » replaced, a second row below the first
    const deux = await annoter(c);
    expect(deux.ctx.syncs).toBe(4);
    expect(c.feuilles.filter((f) => f.nom === 'Résultats')).toHaveLength(1);
    expect([suivi.cellules.get('E4')!.valeur, suivi.cellules.get('E5')?.valeur]).toEqual(['2.2.4', undefined]);

    // the saved workbook is a checked copy the consolidation counts (the rows' seals hold under the key)
    const lecture = new ContexteMemoire(c);
    const lu = await lireClasseurOuvert(lecture as unknown as Excel.RequestContext, { listes: { [NOM_SUIVI]: COLONNES_SUIVI.length } }, (v) => lecture.prend(v));
    const classe = await consoliderLectures([{ nom: 'copie.xlsx', ouvrir: async () => lu.classeur }], 'recente', undefined, cleDesTests());
    expect(classe.anomalies).toEqual([]);
    // two checks of the same copy the same day, at the same degree: one positioning (as two identical files)
    expect(classe.eleves.map((e) => [e.nom, e.competences['2.2.4']?.positionnements, e.competences['2.2.4']?.degre])).toEqual([['Martin', 1, rapport.competences[0]!.niveau!.code]]);
  });

  test('Excel 2019 (ExcelApi 1.8) : couleurs cellule par cellule, indications laissées dans « Résultats » (pas de notes), avec un avertissement', async () => {
    const { c } = await copieOuverte('1.8');
    const { ctx, avertissements } = await annoter(c, '1.8');
    expect(ctx.journal.some((j) => j.startsWith('notes.add'))).toBe(false);
    expect(avertissements).toContain('Indications non écrites en notes de cellule (il faut Microsoft 365 ou Excel sur le web, à jour) : elles sont dans la feuille « Résultats ».');
    expect([...c.feuilles.flatMap((f) => [...f.notes.values()])]).toEqual([]);
    expect(ctx.journal.some((j) => j.startsWith('worksheet.getRanges'))).toBe(false);
  });
});

describe('OfficeDev/office-js#5198 : getRanges refuse une liste d’adresses trop longue', () => {
  test('2 000 cellules à colorer : en lots de moins de 8 200 caractères, toutes colorées ; l’Excel en mémoire refuse un seul appel trop long, comme Excel', async () => {
    const c = ClasseurMemoire.nouveau();
    const ctx = new ContexteMemoire(c, { api: '1.18' });
    ctx.workbook.worksheets.add('Travail');
    await ctx.sync();
    // every other cell of 40 columns × 100 rows: 2 000 addresses, about 9 000 characters joined
    const couleurs = Array.from({ length: 2000 }, (_, i) => ({ feuille: 'Travail', ligne: 1 + Math.floor(i / 20), colonne: 1 + 2 * (i % 20), fond: 'FFC7CE' }));
    const feuille = (nom: string) => new ConstructeurFeuille(nom, [20]).feuille({ orientation: 'portrait', ajusterLargeur: true });
    const a: Annotations = {
      resultats: feuille('Résultats'),
      couleurs,
      notes: [],
      suivi: { nom: NOM_SUIVI, entetes: [], lignes: [], nouvelle: { feuille: feuille('Suivi'), nom: { nom: 'Essai_Suivi', feuille: 'Suivi', plage: 'A1' } } },
    };
    const annotation = new ContexteMemoire(c, { api: '1.18' });
    await annoterClasseurOuvert(annotation as unknown as Excel.RequestContext, a, undefined, (v) => annotation.prend(v));
    const travail = c.feuille('Travail')!;
    expect(couleurs.filter((x) => travail.cellules.get(`${lettreColonne(x.colonne - 1)}${x.ligne}`)?.style['fill.color'] !== '#FFC7CE')).toEqual([]);
    const appels = annotation.journal.filter((j) => j.startsWith('format.fill.color Travail!'));
    expect(appels.length).toBeGreaterThanOrEqual(5); // 9 000 characters in lots of 2 000 at most
    // the same list in one call: refused at sync, as Excel does
    const adresses = couleurs.map((x) => `${lettreColonne(x.colonne - 1)}${x.ligne}`).join(',');
    expect(adresses.length).toBeGreaterThan(LONGUEUR_GETRANGES);
    const seul = new ContexteMemoire(c, { api: '1.18' });
    (seul.workbook.worksheets.getItem('Travail').getRanges(adresses).format as unknown as { fill: { color: string } }).fill.color = '#FFC7CE';
    await expect(seul.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
