import { reponsesDuCas } from '../src/sheets/exercices/commun';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TYPES_EXERCICE } from '../src/exercices/registre';
import { modeleDExercice, exerciceDuClasseur } from '../src/app/exercices';
import { ouvrirExercice, corrigerClasseur, ecrireExercice } from '../src/cli/casDUsage';
import { attendusDesReponses, verifierExercice } from '../src/app/verification';
import { verifierCopie } from '../src/cli/casDUsage';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { lireSelection } from '../src/io/office/lireSelection';
import { ClasseurMemoire, zone } from '../src/io/memory/classeurMemoire';
import { CLES_EXERCICE } from '../src/sheets/exercices/classeurExercice';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import type { ValeurLue } from '../src/sheets/exercices/lecture';
import { dossierTemporaire } from './aides/cli';
import { remplirMemoire } from './aides/remplirMemoire';

const DATE = '2026-11-23';
const ELEVE = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };

/** A workbook with the exercise inserted through Office.js, as the task pane does. */
async function classeurAvecExercice(type: (typeof TYPES_EXERCICE)[number], api = '1.13') {
  const demande = { type, graine: 11, periode: '2026-10', date: DATE };
  const m = await modeleDExercice(demande, ELEVE);
  const c = ClasseurMemoire.nouveau();
  const ctx = new ContexteMemoire(c, { api });
  await insererClasseur(ctx as unknown as Excel.RequestContext, m.classeur, (v) => ctx.prend(v));
  return { c, demande };
}

const enSerie = (v: ValeurLue) => (v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v);

describe('lecture du classeur ouvert par Office.js (vérifier)', () => {
  test.each(TYPES_EXERCICE.map((t) => [t]))('%s : 2 synchronisations ; mêmes valeurs, cellules couvertes et _agora que la lecture du fichier ; copie juste vérifiée à 100 %%', async (type) => {
    const { c, demande } = await classeurAvecExercice(type);
    // the same exercise as a file, checked by the CLI, gives the expected answers
    const d = dossierTemporaire('agora-office-lecture-');
    const fichier = path.join(d, 'exercice.xlsx');
    await ecrireExercice(demande, ELEVE, fichier);
    const reponses = attendusDesReponses(await ouvrirExercice(fichier));
    remplirMemoire(c, reponses);
    const copie = path.join(d, 'copie.xlsx');
    await fs.writeFile(copie, await remplirClasseur(fichier, reponses));

    const ctx = new ContexteMemoire(c);
    const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
    expect(ctx.syncs).toBe(2);
    expect(lu.nom).toBe('Classeur1');
    const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
    const duFichier = await ouvrirExercice(copie, false);
    expect(x.enonceModifie).toEqual([]);
    expect(x.entree).toEqual(duFichier.entree);
    expect(lu.classeur.agora).toEqual(duFichier.classeur.agora);
    for (const nom of reponsesDuCas(x.spec, x.entree, x.parametres, x.spec.attendus(x.entree, x.parametres)).map((r) => r.nom)) {
      const [a, b] = [lu.classeur.plage(nom)!, duFichier.classeur.plage(nom)!];
      expect({ nom, feuille: a.feuille, haut: a.haut, gauche: a.gauche, valeurs: a.valeurs.map((l) => l.map(enSerie)), couvertes: a.couvertes, formules: a.formules }).toEqual({
        nom,
        feuille: b.feuille,
        haut: b.haut,
        gauche: b.gauche,
        valeurs: b.valeurs.map((l) => l.map(enSerie)),
        couvertes: b.couvertes,
        formules: b.formules,
      });
    }
    const v = verifierExercice(x, { date: DATE });
    const f = await verifierCopie(copie, { date: DATE });
    expect(v.resultat.competences.map((k) => [k.code, k.taux])).toEqual(f.resultat.competences.map((k) => [k.code, k.taux]));
    expect(v.resultat.competences.every((k) => k.taux === 1)).toBe(true);
  });

  test('une réponse fausse tapée dans le classeur ouvert est relevée ; un énoncé retouché est signalé ; ExcelApi 1.8 : sans cellules fusionnées', async () => {
    const { c, demande } = await classeurAvecExercice('tva', '1.8');
    const d = dossierTemporaire('agora-office-lecture-');
    const fichier = path.join(d, 'exercice.xlsx');
    await ecrireExercice(demande, ELEVE, fichier);
    const corrige = await corrigerClasseur(fichier);
    const reponses = attendusDesReponses(await ouvrirExercice(fichier));
    remplirMemoire(c, reponses);
    const [nom] = Object.keys(reponses).filter((n) => typeof reponses[n] === 'number');
    remplirMemoire(c, { [nom!]: (reponses[nom!] as number) + 100 });
    const ctx = new ContexteMemoire(c, { api: '1.8' });
    const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
    expect(ctx.syncs).toBe(2);
    expect(ctx.journal.some((j) => j.startsWith('range.getMergedAreasOrNullObject'))).toBe(false);
    const v = verifierExercice(exerciceDuClasseur(lu.classeur, lu.nom, false), { date: DATE });
    expect(v.resultat.competences.some((k) => k.taux !== null && k.taux < 1)).toBe(true);
    expect(corrige.reponses[nom!]).toBe(reponses[nom!]);
    // a block of the énoncé retyped in Excel: its fingerprint no longer matches `_agora`, the check says which
    // (a table block: its rows are one defined name)
    const bloc = [...lu.classeur.agora.keys()]
      .filter((k) => k.startsWith(CLES_EXERCICE.empreinte))
      .map((k) => k.slice(CLES_EXERCICE.empreinte.length))
      .find((b) => c.cibleDuNom(b))!;
    const cible = c.cibleDuNom(bloc)!;
    const f = c.feuille(cible.feuille)!;
    const [adresseTexte] = [...f.cellules.entries()].find(([a, x]) => {
      const z = zone(a)!;
      return typeof x.valeur === 'string' && z.haut >= cible.z.haut && z.haut <= cible.z.bas && z.gauche >= cible.z.gauche && z.gauche <= cible.z.droite;
    })!;
    c.taper(cible.feuille, adresseTexte, 'texte changé');
    const ctx2 = new ContexteMemoire(c, { api: '1.8' });
    const lu2 = await lireClasseurOuvert(ctx2 as unknown as Excel.RequestContext, {}, (v) => ctx2.prend(v));
    const x2 = exerciceDuClasseur(lu2.classeur, lu2.nom, false);
    expect(x2.enonceModifie).toEqual([bloc]);
    const v2 = verifierExercice(x2, { date: DATE });
    expect(v2.resultat.competences.every((k) => k.taux === null)).toBe(true);
  });

  test('un nom défini étiré sur toute la feuille n’est pas chargé (Excel enverrait 17 milliards de cellules) : refusé en le nommant, en 2 synchronisations', async () => {
    const { c } = await classeurAvecExercice('tva');
    const ref = c.noms.get('TVA_L28')!;
    c.noms.set('TVA_L28', { ...ref, reference: "'Travail'!$A$1:$XFD$1048576" });
    const ctx = new ContexteMemoire(c);
    const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
    expect(ctx.syncs).toBe(2);
    expect(ctx.journal.filter((j) => j.endsWith('nom TVA_L28'))).toEqual([]);
    expect(ctx.journal.filter((j) => j.endsWith('nom TVA_L27'))).toHaveLength(2); // the others are read (values, merged areas)
    expect(() => verifierExercice(exerciceDuClasseur(lu.classeur, lu.nom, false), { date: DATE })).toThrow(
      `« ${lu.nom} » a été modifié : le nom défini « TVA_L28 » couvre 17\u202f179\u202f869\u202f184 cellules de la feuille « Travail », bien plus que ce que prévoit le modèle (10\u202f000 au plus) ; il n'a pas été lu.`,
    );
  });

  test('liste des élèves prise dans une feuille : la sélection dans la plage utilisée, ou toute la liste autour d\u2019une cellule ; une synchronisation', async () => {
    const c = ClasseurMemoire.nouveau();
    c.ajouterFeuille('Élèves');
    [
      ['Nom', 'Prénom', 'Classe'],
      ['DUPONT', 'Jean', 'Tle A'],
      ['MARTIN', 'Éloïse', 'Tle A'],
    ].forEach((l, i) => l.forEach((v, j) => c.taper('Élèves', `${'ABC'[j]}${i + 2}`, v)));
    c.active = 'Élèves';
    const lire = async (selection: string) => {
      c.selection = selection;
      const ctx = new ContexteMemoire(c);
      const lu = await lireSelection(ctx as unknown as Excel.RequestContext);
      return { ...lu, syncs: ctx.syncs };
    };
    const liste = [
      ['Nom', 'Prénom', 'Classe'],
      ['DUPONT', 'Jean', 'Tle A'],
      ['MARTIN', 'Éloïse', 'Tle A'],
    ];
    await expect(lire('B3')).resolves.toEqual({ adresse: "'Élèves'!A2:C4", valeurs: liste, syncs: 1 });
    await expect(lire('A1:B1048576')).resolves.toEqual({ adresse: "'Élèves'!A2:B4", valeurs: liste.map((l) => l.slice(0, 2)), syncs: 1 });
    await expect(lire('E1:F9')).resolves.toEqual({ adresse: "'Élèves'!E1:F9", valeurs: [], syncs: 1 });
    c.active = 'Feuil1';
    await expect(lire('A1')).resolves.toEqual({ adresse: 'Feuil1!A1', valeurs: [], syncs: 1 });
  });
});
