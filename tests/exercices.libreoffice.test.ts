import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { calculerReglements } from '../src/exercices/reglements/calcul';
import { CONTROLE_JUSTE } from '../src/exercices/facture/feuilles';
import type { EntreeReglements } from '../src/exercices/reglements/entree';
import { versEuros } from '../src/domain/monnaie';
import { cellulesDuNom, resultat } from './aides/classeurs';
import { dossierTemporaire } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

/** The formulas of the new exercises, recalculated by LibreOffice and compared with the core. */
const d = dossierTemporaire('agora-lo-exercices-');
const lire = async (f: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
};
const textes = (ws: ExcelJS.Worksheet) => {
  const t: unknown[] = [];
  ws.eachRow((r) => r.eachCell((c) => t.push(resultat(c))));
  return t;
};

test('facture : le contrôle de « Travail » dit juste sur le corrigé, et relève un net à payer faux', async () => {
  const f = path.join(d, 'facture.xlsx');
  const c = path.join(d, 'facture-corrige.xlsx');
  await ecrireExercice({ type: 'facture', graine: 9, periode: '2026-10', date: '2026-11-23', aleas: ['plusieurs_taux', 'port'] }, null, f, c);
  expect(textes((await lire(convertirAvecLibreOffice(c, 'xlsx', path.join(d, 'lo1')))).getWorksheet('Corrigé')!)).toContain(CONTROLE_JUSTE);
  const attendus = attendusDesReponses(await ouvrirExercice(f));
  const faux = path.join(d, 'facture-faux.xlsx');
  writeFileSync(faux, await remplirClasseur(f, { ...attendus, FAC_Net_A_Payer: (attendus.FAC_Net_A_Payer as number) + 10 }));
  expect(textes((await lire(convertirAvecLibreOffice(faux, 'xlsx', path.join(d, 'lo2')))).getWorksheet('Travail')!)).toContain("Le net à payer n'est pas égal au total hors taxes augmenté de la TVA.");
}, 120_000);

test('règlements : le montant TTC de chaque facture de l\u2019énoncé, recalculé par LibreOffice, est celui du cœur', async () => {
  const f = path.join(d, 'reglements.xlsx');
  await ecrireExercice({ type: 'reglements', graine: 9, periode: '2026-03', date: '2026-11-23', aleas: ['ecart_prix', 'escompte'] }, null, f);
  const x = await ouvrirExercice(f);
  const attendu = calculerReglements(x.entree as EntreeReglements).reglements.map((r) => versEuros(r.facture));
  const wb = await lire(convertirAvecLibreOffice(f, 'xlsx', path.join(d, 'lo3')));
  const cellules = cellulesDuNom(wb, 'REG_Factures').map((c) => c.feuille.getCell(c.adresse));
  const ttc = cellules.filter((c) => Number(c.col) === 13).map((c) => Math.round((resultat(c) as number) * 100) / 100);
  expect(ttc).toEqual(attendu);
  expect(ttc.length).toBe((x.entree as EntreeReglements).factures.length);
}, 120_000);
