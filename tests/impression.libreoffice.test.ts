import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoliderClasseurs, ecrireExercice, grillesParEleve, simulerGrilles } from '../src/cli/casDUsage';
import { classeursNommes } from '../src/io/fichiers';
import { referentiel } from '../src/referentiel';
import type { TypeGrille } from '../src/sheets/grilles/gabarit';
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

test('classeur de la classe imprimé : ce que lit un conseil de classe — « Détail » réduit à son en-tête, le titre de la « Synthèse » entier sur chaque page', async () => {
  const grilles = path.join(d, 'grilles');
  const remplies = path.join(d, 'remplies');
  mkdirSync(remplies);
  const eleves = ['BENALI', 'MARTIN', 'PETIT', 'DIALLO'].map((nom) => ({ nom, prenom: 'Léa', classe: 'Tle A' }));
  const options = { types: ['pfmp', 'e31', 'e32', 'attestation'] as TypeGrille[], etablissement: 'LP', annee: '2026-2027', date: '2026-12-06' };
  const res = await grillesParEleve(eleves, options, grilles);
  for (const [i, f] of res.fichiers.entries()) await simulerGrilles(f.fichier, path.join(remplies, path.basename(f.fichier)), referentiel(), i === 0, options.types);
  const sortie = path.join(d, 'classe.xlsx');
  await consoliderClasseurs(await classeursNommes([remplies]), { sortie, methode: 'recente', date: '2026-12-06' });
  const pdf = convertirAvecLibreOffice(sortie, 'pdf', path.join(d, 'pdf-classe'));
  const pages = pagesDuPdf(pdf);
  const pied = (p: string) =>
    p
      .split('\n')
      .filter((l) => l.trim())
      .at(-1)!;
  const detail = pages.filter((p) => pied(p).includes('Détail'));
  expect(detail).toHaveLength(1);
  expect(detail[0]).toMatch(/seul cet en-tête s'imprime/);
  // (the compétences' headers are printed bottom to top: poppler then gives a page's lines in no useful order)
  const synthese = pages.filter((p) => p.includes('Synthèse des compétences de la'));
  expect(synthese.length).toBe(2); // the 37 compétences on two pages wide
  // the title wraps within the columns repeated on each page: « classe » on a line of its own, on both
  for (const p of synthese) expect(p.split('\n').map((l) => l.trim())).toContain('classe');
  expect(enImages(pdf, 'classe')).toBe(pages.length);
}, 300_000);
