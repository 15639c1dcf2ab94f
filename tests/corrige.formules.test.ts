import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ecrireExercice, ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { portsNode } from '../src/io/portsNode';
import { reponsesDuCas, type Attendus } from '../src/sheets/exercices/commun';
import { celluleJuste } from '../src/check/controle';
import { cellulesDeLaReponse } from '../src/check/tableur';
import { dossierTemporaire } from './aides/cli';
import type { ExerciceOuvert } from '../src/app/modelesExercices';

/**
 * The corrigé's model (issue 37, point 1): the formulas of the corrigé, recalculated by LibreOffice,
 * give the expected answers on every case; written into a student's copy, they pass the test of a
 * second case. Facture first: the other exercises keep their values until they have their model.
 */

jest.setTimeout(600_000);
const DATE = '2026-11-23';
const d = dossierTemporaire('agora-corrige-formules-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

const CAS: [number, string[]][] = [
  [5, []],
  [7, ['rabais', 'ristourne', 'escompte']],
  [11, ['plusieurs_taux', 'port']],
  [13, ['plusieurs_taux', 'rabais', 'escompte', 'port']],
  [17, ['plusieurs_taux', 'ristourne', 'retour']],
];

/** Where each defined name of an opened workbook lies. */
const ouDuClasseur = (x: ExerciceOuvert) => (nom: string) => {
  const p = x.classeur.plage(nom);
  return p && { feuille: p.feuille, haut: p.haut, gauche: p.gauche, bas: p.haut + p.valeurs.length - 1, droite: p.gauche + (p.valeurs[0]?.length ?? 1) - 1 };
};

test.each(CAS)('facture, cas %i %j : le modèle du corrigé, recalculé par LibreOffice, donne chaque réponse attendue', async (graine, aleas) => {
  const [f, corrige] = [fichier('facture.xlsx'), fichier('corrige.xlsx')];
  await ecrireExercice({ type: 'facture', graine, periode: '2026-03', date: DATE, aleas }, eleve, f, corrige);
  const x = await ouvrirExercice(f);
  const a = attendusDesReponses(x);
  const ports = portsNode();
  const [recalcule] = await ports.classeurs.recalcul!.recalculer([await ports.classeurs.octets(corrige)]);
  const lu = await ports.classeurs.lire('corrige.xlsx', recalcule!);
  const avant = await ports.classeurs.lire('corrige.xlsx', await ports.classeurs.octets(corrige));
  let formules = 0;
  for (const r of reponsesDuCas(x.spec, x.entree, x.parametres, a)) {
    const p = lu.plage(r.nom)!;
    const modele = avant.plage(r.nom)!;
    for (const c of cellulesDeLaReponse(r, a[r.nom]!, p)) {
      const v = p.valeurs[c.ligne]![c.colonne]!;
      if (modele.formules?.[c.ligne]?.[c.colonne]) formules++;
      expect([r.nom, c.cellule, celluleJuste(c.attendue, v, r)]).toEqual([r.nom, c.cellule, true]);
    }
  }
  // every answer of the invoice is a formula of the model; the avoir's keep their values
  const cellulesFacture = (a.FAC_Lignes_Montants as unknown[][]).length * 3 + (a.FAC_Pied as unknown[][]).flat().length + 3;
  expect(formules).toBe(cellulesFacture);
});

test('les formules du corrigé écrites dans la copie de l’élève : justes, et elles suivent le second cas (LibreOffice)', async () => {
  const f = fichier('facture.xlsx');
  await ecrireExercice({ type: 'facture', graine: 13, periode: '2026-03', date: DATE, aleas: ['plusieurs_taux', 'rabais', 'escompte', 'port'] }, eleve, f);
  const x = await ouvrirExercice(f);
  const a = attendusDesReponses(x);
  const formules = x.spec.formulesDuCorrige!(x.entree, x.parametres, ouDuClasseur(x));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const valeurs: Attendus = { ...a };
  for (const [nom, m] of Object.entries(formules)) {
    const z = ouDuClasseur(x)(nom)!;
    const ws = wb.getWorksheet(z.feuille)!;
    const attendu = a[nom]!;
    m.forEach((l, i) =>
      l.forEach((formule, j) => {
        if (formule === null) return;
        const v = Array.isArray(attendu) ? (Array.isArray(attendu[i]) ? (attendu[i] as unknown[])[j] : attendu[i]) : attendu;
        ws.getCell(z.haut + i, z.gauche + j).value = { formula: formule, result: v as number };
      }),
    );
    delete valeurs[nom];
  }
  expect(Object.keys(valeurs)).toEqual([]); // no avoir in this case: every answer is a formula
  const copie = fichier('copie.xlsx');
  writeFileSync(copie, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const v = await verifierCopie(copie, { date: DATE });
  expect(v.resultat.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)).toEqual([]);
  const t = v.rapport.tableur!;
  expect(t.remarques).toEqual([]);
  expect(t.formules).toBe(t.attendues);
  expect(t.robustesse).toMatchObject({ nonSuivies: 0, avis: null });
  expect(t.robustesse!.verifiees).toBeGreaterThan(10);
});
