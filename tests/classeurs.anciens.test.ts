import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { cleDepuisTexte } from '../src/io/cleEnseignant';
import { cellulesDuNom, resultat } from './aides/classeurs';
import { dossierTemporaire } from './aides/cli';

/**
 * Workbooks a teacher already gave out stay readable when a template gains data: the files in
 * classeurs-anciens/ were written by AGOrA at commit 2c1c7b1 (templates 1.0.0, before the stock
 * card's réintégrations and CMUP de période, and the other inputs added since), with their corrigés
 * and the teacher's key they were sealed with; tresorerie-1.0.0 at commit 6858ccd (before the
 * appraisal of the cash position, answers its template gained in 1.1.0). Each copy, answered with its old corrigé's values,
 * is read without « énoncé modifié », its seal holds, and it checks at 100 %.
 */
const ICI = path.join(__dirname, 'classeurs-anciens');
const cle = () => cleDepuisTexte(readFileSync(path.join(ICI, 'cle-enseignant.txt'), 'utf8'), 'cle-enseignant.txt');
const d = dossierTemporaire('agora-anciens-');

/** An answer's cells in the old corrigé, in reading order (the values that release computed). */
async function valeursDuCorrige(f: string, noms: string[]): Promise<Record<string, unknown[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return Object.fromEntries(
    noms.map((n) => [
      n,
      cellulesDuNom(wb, n)
        .map((c) => c.feuille.getCell(c.adresse))
        .filter((c) => !c.isMerged || c.master === c)
        .map((c) => resultat(c) ?? null),
    ]),
  );
}
const aplatir = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(aplatir) : [v]);

test.each(['stocks', 'conges', 'frais', 'relances', 'tresorerie'])('%s 1.0.0 : lu, scellé, mêmes réponses, vérifié à 100 %', async (type) => {
  const source = path.join(d, `${type}.xlsx`);
  copyFileSync(path.join(ICI, `${type}-1.0.0.xlsx`), source);
  const x = await ouvrirExercice(source);
  expect(x.enonceModifie).toEqual([]);
  const attendus = attendusDesReponses(x);
  const anciens = await valeursDuCorrige(path.join(ICI, `${type}-1.0.0-corrige.xlsx`), Object.keys(attendus));
  for (const [nom, v] of Object.entries(attendus)) expect([nom, aplatir(v)]).toEqual([nom, anciens[nom]!.slice(0, aplatir(v).length)]);
  const copie = path.join(d, `copie-${type}.xlsx`);
  writeFileSync(copie, await remplirClasseur(source, attendus));
  const v = await verifierCopie(copie, { date: '2026-11-02', cle: cle() });
  expect([v.rapport.total.taux, v.rapport.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)]).toEqual([1, []]);
  expect(v.scellerSuivi).toBeDefined(); // the seal held under the key it was made with
});
