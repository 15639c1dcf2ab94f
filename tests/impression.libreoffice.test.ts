import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ecrireExercice } from '../src/cli/casDUsage';
import { classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { ConstructeurFeuille } from '../src/sheets/constructeur';
import { avecTablesSolidaires } from '../src/sheets/pagination';
import { entete, valeur } from '../src/sheets/styles';
import { dossierTemporaire } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

/**
 * Printed by LibreOffice (PDF, then PNG pages to look at in /tmp/agora-impression/): a table never
 * continues on a page without its header rows.
 */
const d = dossierTemporaire('agora-impression-');

function pagesDuPdf(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext a échoué : ${r.stderr}`);
  return r.stdout.split('\f').filter((p) => p.trim() !== '');
}

/** The PDF's pages as PNG images, for a person to look at; returns how many were made. */
function enImages(pdf: string, nom: string): number {
  const dossier = path.join(os.tmpdir(), 'agora-impression');
  mkdirSync(dossier, { recursive: true });
  const r = spawnSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(dossier, nom)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm a échoué : ${r.stderr}`);
  const images = readdirSync(dossier).filter((f) => f.startsWith(`${nom}-`) && f.endsWith('.png'));
  for (const i of images) expect(statSync(path.join(dossier, i)).size).toBeGreaterThan(1000);
  return images.length;
}

test('stocks : les mouvements de l’énoncé et les fiches de stock de « Travail » s’impriment chacun avec leur en-tête', async () => {
  const f = path.join(d, 'stocks.xlsx');
  await ecrireExercice({ type: 'stocks', graine: 3, periode: '2026-12', date: '2026-12-06' }, { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' }, f);
  const pdf = convertirAvecLibreOffice(f, 'pdf', path.join(d, 'pdf'));
  const pages = pagesDuPdf(pdf);
  const mouvements = pages.filter((p) => /\d\d\/\d\d\/\d{4} +B[RS]-\d+ +(Entrée|Sortie) {3,}\S/.test(p)); // the énoncé: the movement, then its label
  const fiches = pages.filter((p) => /B[RS]-\d+ +(Entrée|Sortie) de \d+/.test(p));
  expect(mouvements.length).toBeGreaterThan(0);
  expect(fiches.length).toBeGreaterThan(0);
  for (const p of mouvements) expect(p).toMatch(/Date +Pièce +Mouvement +Libellé +Quantité +Coût unitaire HT/);
  for (const p of fiches) expect(p).toMatch(/Quantité en stock/);
  expect(enImages(pdf, 'stocks')).toBe(pages.length);
}, 300_000);

test('un tableau plus long qu’une page : LibreOffice répète ses lignes d’en-tête sur chaque page où il continue', async () => {
  const c = new ConstructeurFeuille('Long', [14, 14, 14]);
  c.ligne([{ valeur: 'Relevé', style: valeur }]);
  c.ligne(['Numéro', 'Montant', 'Contrôle'].map((v) => ({ valeur: v, style: entete })));
  for (let i = 1; i <= 150; i++) c.ligne([`L${i}`, i, 'ok'].map((v) => ({ valeur: v, style: valeur })));
  const f = path.join(d, 'long.xlsx');
  writeFileSync(f, await classeurEnXlsx({ titre: 'Essai', feuilles: [avecTablesSolidaires(c.feuille({ orientation: 'portrait', ajusterLargeur: true }))] }));
  const pages = pagesDuPdf(convertirAvecLibreOffice(f, 'pdf', path.join(d, 'pdf-long')));
  expect(pages.length).toBeGreaterThan(1);
  for (const p of pages) expect(p).toMatch(/Numéro +Montant +Contrôle/);
  expect(pages.at(-1)).toContain('L150');
}, 300_000);
