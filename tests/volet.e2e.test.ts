import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { exercicesPourLaClasse } from '../src/app/exercicesDeLaClasse';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { cleDesTests } from './aides/cle';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cleDepuisOctets, cleEnBase64 } from '../src/domain/sceau';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dossierTemporaire } from './aides/cli';
import { CHROMIUM, construireVolet, servirVolet, type ServeurVolet } from '../src/bench/serveurVolet';
import { remplirMemoire } from './aides/remplirMemoire';
import { exerciceDuClasseur, modeleDExercice, type DemandeExercice } from '../src/app/modelesExercices';
import { paquetExercice, TYPES_EXERCICE } from '../src/exercices/registre';
import { attendusDesReponses, SCEAU_EN_CLAIR } from '../src/app/verifierExercice';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { grillesParEleve } from '../src/cli/casDUsage';
import { consoliderClasseurs } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { referentiel } from '../src/referentiel';
import { classeurClasse, FEUILLES_CLASSE } from '../src/sheets/consolidation/classeurClasse';
import { fragment } from '../src/sheets/grilles/commun';
import { lignesLivret } from '../src/consolidate/livret';
import { ecrireCsv } from '../src/io/csv';
import { aujourdhui, dateFr } from '../src/domain/dates';
import { lettreColonne } from '../src/sheets/model';

/**
 * The task pane in headless Chromium, without Office: the page picks the in-memory workbook. office.js
 * is served from the @microsoft/office-js package instead of Microsoft's CDN; any other request
 * outside the pane's own server is refused and recorded (the pane must not make one).
 */

jest.setTimeout(300_000);

const CAPTURES = path.join(process.env.AGORA_CAPTURES ?? '/tmp', 'agora-e2e');

let serveur: ServeurVolet;
let base = '';
let navigateur: Browser;
let sorties: string[] = [];

beforeAll(async () => {
  const dist = dossierTemporaire('agora-volet-');
  construireVolet(dist);
  serveur = await servirVolet(dist);
  ({ base, sorties } = serveur);
  navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=fr-FR'] });
  mkdirSync(CAPTURES, { recursive: true });
});

afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

/** Goes to the pane at `adresse` (« taskpane.html#grilles ») and waits until it is ready. */
/** Ticks exactly these grid types (by their template ids) in the Grilles section. */
async function cocher(page: Page, types: string[]): Promise<void> {
  for (const c of await page.locator('#grilles-types input[type=checkbox]').all()) {
    if (types.includes((await c.getAttribute('value'))!)) await c.check();
    else await c.uncheck();
  }
}

async function aller(page: Page, adresse: string): Promise<void> {
  await page.goto(`${base}/${adresse}`);
  await page.waitForSelector('body[data-pret="oui"]');
}

/** A new page on the pane, ready; its script errors and the files it fetched are recorded from the start. */
async function ouvrir(adresse: string, largeur = 320): Promise<{ page: Page; erreurs: string[]; fichiers: string[] }> {
  const page = await navigateur.newPage({ viewport: { width: largeur, height: 900 }, locale: 'fr-FR' });
  await serveur.router(page);
  const erreurs: string[] = [];
  const fichiers: string[] = [];
  page.on('pageerror', (e) => erreurs.push(e.message));
  page.on('request', (q) => fichiers.push(path.basename(new URL(q.url()).pathname)));
  await aller(page, adresse);
  return { page, erreurs, fichiers };
}

test('Grilles : trois élèves collés, grilles PFMP et E31 insérées dans le classeur de démonstration, noms en texte ; les mêmes grilles redemandées refusées en français, un élève arrivé en cours d\u2019année ajouté à côté', async () => {
  const { page, erreurs, fichiers } = await ouvrir('taskpane.html#grilles');
  const pret = await page.evaluate(() => performance.now());
  expect(fichiers).not.toContain('exceljs.js'); // loaded only when a file is written
  process.stdout.write(`volet interactif en ${pret.toFixed(0)} ms (Chromium sans tête)\n`);
  await expect(page.locator('#hote').textContent()).resolves.toContain('Aucun Excel détecté');
  await expect(page.locator('#resume').textContent()).resolves.toBe('Bac pro AGOrA — 37 compétences (Arrêté du 18 février 2020).');

  // the grid types come from the template; ticked by default, the command line's (all but E2)
  await expect(page.locator('#grilles-types input[type=checkbox]').count()).resolves.toBe(7);
  await expect(page.locator('#grilles-types input:checked').evaluateAll((cs) => cs.map((c) => (c as HTMLInputElement).value))).resolves.toEqual([
    'pfmp',
    'e31',
    'e32',
    'recap-e31',
    'recap-e32',
    'attestation',
  ]);
  await cocher(page, ['pfmp', 'e31']);
  await page.getByLabel(/^Élèves/).fill('DUPONT\tJean\tTle AGOrA A\n=HYPERLINK("http://x","y")\tLéa\tTle AGOrA A\nMARTIN\tÉloïse\tTle AGOrA A');
  await page.locator('#section-grilles').getByLabel('Établissement', { exact: true }).fill('LP de test');
  await page.screenshot({ path: path.join(CAPTURES, 'grilles-formulaire.png'), fullPage: true });
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.succes').textContent({ timeout: 120_000 })).resolves.toMatch(/^Grilles insérées pour 3 élèves : \d+ feuilles\.$/);

  // the in-memory workbook plays ExcelApi 1.13: the grids went in as one .xlsx file written by exceljs, fetched then
  expect(fichiers).toEqual(expect.arrayContaining(['exceljs.js', 'xlsx.js']));
  const onglets = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(onglets[0]).toBe('Feuil1');
  expect(onglets).toContain('Paramètres');
  expect(onglets.filter((o) => /PFMP/.test(o)).length).toBe(9); // three pôles for each of the three students
  expect(onglets.filter((o) => /E31/.test(o)).length).toBe(3);
  // the student named like a formula: the identity band of one of the PFMP sheets shows the name as typed
  let trouve = '';
  for (const o of onglets.filter((x) => /PFMP/.test(x))) {
    await page.locator('.onglets-feuilles [role=tab]', { hasText: o }).first().click();
    // (names are written in capitals, as on the official grids)
    if ((await page.locator('table.grille td').allTextContents()).some((t) => t.includes('=HYPERLINK("HTTP://X","Y")'))) {
      trouve = o;
      break;
    }
  }
  expect(trouve).not.toBe('');
  await expect(page.locator('table.grille a').count()).resolves.toBe(0); // rendered as text, never as HTML
  await page.screenshot({ path: path.join(CAPTURES, 'grilles-inserees.png'), fullPage: true });

  // the same grids again: refused, nothing written; then a late student added beside the others
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.erreur').textContent()).resolves.toBe(
    "Ce classeur a déjà les grilles « PFMP1 DUPONT Jean », « PFMP2 DUPONT Jean », « PFMP3 DUPONT Jean » et 9 autres : décochez ces grilles ou retirez ces élèves de la liste ; rien n'a été modifié.",
  );
  await expect(page.locator('.onglets-feuilles [role=tab]').count()).resolves.toBe(onglets.length);
  await page.getByLabel(/^Élèves/).fill('PETIT\tNoé\tTle AGOrA A');
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.succes').textContent({ timeout: 120_000 })).resolves.toBe(
    'Grilles ajoutées à celles du classeur pour 1 élève : 4 feuilles ; la feuille « Paramètres » du classeur est gardée telle quelle.',
  );
  const apres = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(apres).toEqual([...onglets, 'PFMP1 PETIT Noé', 'PFMP2 PETIT Noé', 'PFMP3 PETIT Noé', 'E31 PETIT Noé']);

  // Paramètres: read from the workbook just filled, one value refused with its field named, then saved
  await page.locator('#onglet-parametres').click();
  await page.getByRole('button', { name: 'Lire les paramètres du classeur' }).click();
  await expect(page.locator('#parametres-message.succes').textContent()).resolves.toBe('Paramètres lus : note sur 20, 5 niveaux CCF, 5 degrés PFMP.');
  await expect(page.locator('#section-parametres').getByLabel('Établissement', { exact: true }).inputValue()).resolves.toBe('LP de test');
  await expect(page.getByLabel(/^Pas d'arrondi/).inputValue()).resolves.toBe('0,5');
  const niveaux = await page.locator('#parametres-ccf label').allTextContents();
  expect(niveaux[0]).toBe('TI — Très insuffisant');
  await page.locator('#parametres-ccf input').first().fill('1,5');
  await page.getByRole('button', { name: 'Enregistrer dans le classeur' }).click();
  await expect(page.locator('#parametres-message.erreur').textContent()).resolves.toBe(
    "Échelle CCF, niveau « TI » (Très insuffisant) : « 1,5 » n'est pas une valeur entre 0 et 1 (laissez vide pour un niveau non compté dans la moyenne).",
  );
  await page.locator('#parametres-ccf input').first().fill('0,1');
  await page.getByLabel(/^Pas d'arrondi/).fill('0,25');
  await page.locator('#section-parametres').getByLabel('Établissement', { exact: true }).fill('=HYPERLINK("http://x","y")');
  await page.getByRole('button', { name: 'Enregistrer dans le classeur' }).click();
  await expect(page.locator('#parametres-message.succes').textContent()).resolves.toBe('Paramètres enregistrés dans la feuille « Paramètres » : les grilles du classeur les appliquent.');
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Paramètres' }).first().click();
  const cellules = await page.locator('table.grille td').allTextContents();
  expect(cellules).toContain('=HYPERLINK("http://x","y")'); // typed in the pane: text, never a formula
  expect(cellules).toContain('0.25');
  expect(cellules).toContain('0.1');
  await page.screenshot({ path: path.join(CAPTURES, 'parametres.png'), fullPage: true });
  expect(erreurs).toEqual([]);
});

test('Grilles sur Excel sur le web (limite de taille des requêtes, ici 120 Ko) : six élèves ajoutés d\u2019un coup passent en plusieurs insertions par fichier, chacune complète', async () => {
  const { page, erreurs } = await ouvrir('taskpane.html?charge=120#grilles');
  await cocher(page, ['pfmp']);
  await page.getByLabel(/^Élèves/).fill('DUPONT\tJean\tTle A\nMARTIN\tÉloïse\tTle A');
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.succes').textContent({ timeout: 120_000 })).resolves.toBe('Grilles insérées pour 2 élèves : 8 feuilles.'); // with « Sommaire »
  const avant = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  await page.getByLabel("Grille d'évaluation CCF de la sous-épreuve E31").check();
  const nouveaux = ['ARNAUD', 'BERNARD', 'CHEVALIER', 'DIALLO', 'ÉTIENNE', 'FAURE'];
  await page.getByLabel(/^Élèves/).fill(nouveaux.map((n) => `${n}\tCamille\tTle A`).join('\n'));
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  const message = await page.locator('#grilles-message.succes').textContent({ timeout: 120_000 });
  expect(message).toMatch(
    /^Grilles ajoutées à celles du classeur pour 6 élèves : 24 feuilles ; la feuille « Paramètres » du classeur est gardée telle quelle\. Excel sur le web limite la taille d'une insertion : elle s'est faite en 2 fois, chacune complète\.$/,
  );
  const apres = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(apres).toEqual([...avant, ...nouveaux.flatMap((n) => [1, 2, 3].map((k) => `PFMP${k} ${n} Camille`).concat(`E31 ${n} Camille`))]);
  await page.screenshot({ path: path.join(CAPTURES, 'grilles-en-plusieurs-fois.png'), fullPage: true });
  expect(erreurs).toEqual([]);
});

test('clavier et largeur : les onglets se parcourent aux flèches, chaque champ a son étiquette, rien ne déborde à 320 px ; aucune requête hors du serveur du volet', async () => {
  const { page } = await ouvrir('taskpane.html#verifier');
  await expect(page.locator('#section-verifier').isVisible()).resolves.toBe(true);
  await page.locator('#onglet-verifier').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#section-consolider').isVisible()).resolves.toBe(true);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('onglet-consolider');
  await aller(page, 'taskpane.html#grilles');
  const sansEtiquette = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#section-grilles input, #section-grilles textarea'))
      .filter((x) => !(x as HTMLInputElement).labels?.length)
      .map((x) => x.id),
  );
  expect(sansEtiquette).toEqual([]);
  const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(largeur).toBeLessThanOrEqual(320);
  // in each of the five sections: every tab whole on screen, and no horizontal scroll bar anywhere
  for (const section of ['grilles', 'exercices', 'verifier', 'consolider', 'parametres']) {
    await aller(page, `taskpane.html#${section}`);
    const mesure = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      onglets: Array.from(document.querySelectorAll('.onglets [role=tab]')).filter((o) => {
        const r = o.getBoundingClientRect();
        return r.left < 0 || r.right > document.documentElement.clientWidth || o.scrollWidth > o.clientWidth + 1;
      }).length,
      defilements: Array.from(document.querySelectorAll('body *'))
        .filter((x) => ['auto', 'scroll'].includes(getComputedStyle(x).overflowX) && x.scrollWidth > x.clientWidth + 1 && (x as HTMLElement).offsetParent !== null && !x.closest('.apercu'))
        .map((x) => x.id || x.className),
    }));
    expect([section, mesure]).toEqual([section, { page: 320, onglets: 0, defilements: [] }]);
  }
  await aller(page, 'taskpane.html#grilles');
  // a pasted list without a first name: the message names the line
  await page.getByLabel(/^Élèves/).fill('DUPONT\tJean\nMARTIN');
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.erreur').textContent()).resolves.toBe("Liste d'élèves « liste collée », ligne 2 : le prénom est vide.");
  await page.screenshot({ path: path.join(CAPTURES, 'grilles-erreur.png'), fullPage: true });
  expect(sorties).toEqual([]);
});

test('Grilles : la liste des élèves tapée dans une feuille du classeur, prise par la sélection d\u2019une de ses cellules, puis les grilles insérées', async () => {
  const { page, erreurs } = await ouvrir('taskpane.html#grilles');
  await cocher(page, ['pfmp']);
  // an empty selection first: the message says what to do
  await page.getByRole('button', { name: 'Prendre la liste sélectionnée dans le classeur' }).click();
  await expect(page.locator('#grilles-message.erreur').textContent()).resolves.toBe(
    'La sélection Feuil1!A1 est vide : sélectionnez la liste des élèves (nom, prénom, classe) dans une feuille, puis recommencez.',
  );
  // the list typed in Feuil1 as in Excel: a cell, its content, Entrée
  const liste = [
    ['Nom', 'Prénom', 'Classe'],
    ['DUPONT', 'Jean', 'Tle AGOrA A'],
    ["N'DIAYE", 'Awa', 'Tle AGOrA A'],
    ['=1+1', 'Léa', 'Tle AGOrA B'],
  ];
  for (const [i, ligne] of liste.entries())
    for (const [j, v] of ligne.entries()) {
      await page.locator(`table.grille td[data-adresse="${'BCD'[j]}${i + 3}"]`).click();
      await page.locator('#apercu-saisie').fill(v === '=1+1' ? "'=1+1" : v);
      await page.locator('#apercu-saisie').press('Enter');
    }
  await page.locator('table.grille td[data-adresse="C4"]').click();
  await page.getByRole('button', { name: 'Prendre la liste sélectionnée dans le classeur' }).click();
  await expect(page.locator('#grilles-message.succes').textContent()).resolves.toBe('3 élèves lus dans Feuil1!B3:D6 : vérifiez la liste, puis insérez les grilles.');
  await expect(page.getByLabel(/^Élèves/).inputValue()).resolves.toBe(liste.map((l) => l.join('\t')).join('\n'));
  await page.screenshot({ path: path.join(CAPTURES, 'grilles-selection.png'), fullPage: true });
  await page.getByRole('button', { name: 'Insérer les grilles' }).click();
  await expect(page.locator('#grilles-message.succes').textContent({ timeout: 120_000 })).resolves.toBe('Grilles insérées pour 3 élèves : 11 feuilles.');
  const onglets = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(onglets.filter((o) => /^PFMP1 /.test(o))).toEqual(['PFMP1 DUPONT Jean', 'PFMP1 N’DIAYE Awa', 'PFMP1 =1+1 Léa']); // sheet names take a typographic apostrophe
  expect(erreurs).toEqual([]);
});

/**
 * What the pane will build for `demande`, computed here too: the cells a student types (sheet,
 * address, value) and the expected answers.
 */
async function saisiesDe(demande: DemandeExercice, eleve: { nom: string; prenom: string; classe: string }) {
  const modele = modeleDExercice(demande, eleve).classeur;
  const c = ClasseurMemoire.nouveau();
  const ctx = new ContexteMemoire(c);
  await insererClasseur(ctx as unknown as Excel.RequestContext, modele, (v) => ctx.prend(v));
  const avant = new Map(c.feuilles.flatMap((f) => [...f.cellules].map(([a, x]) => [`${f.nom}!${a}`, x.valeur])));
  const ctx2 = new ContexteMemoire(c);
  const lu = await lireClasseurOuvert(ctx2 as unknown as Excel.RequestContext, {}, (v) => ctx2.prend(v));
  const attendus = attendusDesReponses(exerciceDuClasseur(lu.classeur, lu.nom, false));
  remplirMemoire(c, attendus);
  const saisies = c.feuilles.flatMap((f) =>
    [...f.cellules].filter(([a, x]) => x.valeur !== null && avant.get(`${f.nom}!${a}`) !== x.valeur).map(([a, x]) => ({ feuille: f.nom, adresse: a, valeur: x.valeur! })),
  );
  return { modele, attendus, saisies };
}

/** The student types each answer into its cell, as in Excel: click the cell, type, Enter. */
async function taper(page: Page, saisies: { feuille: string; adresse: string; valeur: string | number | boolean }[]): Promise<void> {
  for (const s of saisies) {
    await page.locator('.onglets-feuilles [role=tab]', { hasText: s.feuille }).first().click();
    await page.locator(`table.grille td[data-adresse="${s.adresse}"]`).click();
    await page.locator('#apercu-saisie').fill(typeof s.valeur === 'number' ? String(s.valeur).replace('.', ',') : String(s.valeur));
    await page.locator('#apercu-saisie').press('Enter');
  }
}

test('Exercices puis Vérifier : exercice de TVA créé, réponses tapées dans le classeur, vérification à 100 %, puis une réponse fausse relevée et sa cellule sélectionnée', async () => {
  // what the pane will build, computed here too: the cells to type and the expected answers
  const demande = { type: 'tva' as const, graine: 12, periode: '2026-10', date: '2026-11-23' };
  const eleve = { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle AGOrA A' };
  const { modele, attendus, saisies } = await saisiesDe(demande, eleve);
  expect(saisies.length).toBeGreaterThan(5);

  // as Excel 2019 (ExcelApi 1.8): the exercise is written range by range, exceljs is never fetched
  const { page, fichiers } = await ouvrir('taskpane.html?excelapi=1.8#exercices', 420);
  // the list is the registry's: every exercise, in its order, its aléas drawn from its template
  await expect(page.locator('#exercices-modele option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual([...TYPES_EXERCICE]);
  await page.getByLabel("Modèle d'exercice").selectOption('facture');
  await expect(page.locator('#exercices-aleas label').allTextContents()).resolves.toEqual(paquetExercice('facture').spec.gabarit.aleas.map((a) => a.libelle));
  await page.getByLabel("Modèle d'exercice").selectOption('tva');
  await page.getByLabel(/^N° de cas/).fill('12');
  // a month the pane cannot read: the message repeats it, the field is marked invalid and gets the focus
  await page.getByLabel(/^Mois du cas/).fill('13/2026');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.erreur').textContent()).resolves.toBe('Mois « 13/2026 » non reconnu : écrivez par exemple « 2026-03 », « 03/2026 » ou « mars 2026 ».');
  await expect(page.getByLabel(/^Mois du cas/).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('exercices-periode');
  await page.getByLabel(/^Mois du cas/).fill('octobre 2026'); // as teachers write it
  await expect(page.getByLabel(/^Mois du cas/).getAttribute('aria-invalid')).resolves.toBeNull();
  await page.getByLabel('Nom', { exact: true }).fill(eleve.nom);
  await page.getByLabel('Prénom', { exact: true }).fill(eleve.prenom);
  await page.getByLabel('Classe', { exact: true }).fill(eleve.classe);
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.succes').textContent()).resolves.toMatch(
    /^Exercice « .+ » inséré pour DUPONT Jean : cas n° \d+, aléas : .+\. Mise en page d'impression non appliquée : elle demande Excel 2021, Microsoft 365 ou Excel sur le web.* Clé de l’enseignant créée sur ce poste \(identifiant [0-9a-f]{12}\) : elle scelle vos exercices ; voyez l’onglet Paramètres pour la partager avec vos collègues\.$/,
  );

  // a date shows as Excel shows it (« 03/10/2026 »), not as its serial number
  const dates = modele.feuilles.flatMap((f) =>
    f.lignes.flatMap((l, i) =>
      l.cellules.flatMap((x, j) => (x?.valeur && typeof x.valeur === 'object' && 'date' in x.valeur ? [{ feuille: f.nom, adresse: `${lettreColonne(j)}${i + 1}`, date: x.valeur.date }] : [])),
    ),
  );
  expect(dates.length).toBeGreaterThan(2);
  for (const d of dates.slice(0, 3)) {
    await page.locator('.onglets-feuilles [role=tab]', { hasText: d.feuille }).first().click();
    await expect(page.locator(`table.grille td[data-adresse="${d.adresse}"]`).textContent()).resolves.toBe(dateFr(d.date));
  }

  await taper(page, saisies);
  await page.screenshot({ path: path.join(CAPTURES, 'exercice-rempli.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Vérifier' }).click();
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(page.locator('#verifier-total').textContent()).resolves.toMatch(/^Ensemble de la copie : (\d+) réponses justes sur \1 \(100 %\)\.$/);
  await expect(page.locator('#verifier-sceau').count()).resolves.toBe(0); // sealed by this computer's key, and the seal holds

  // one answer changed: the check names it, and its button selects the cell
  const fausse = saisies.find((s) => typeof s.valeur === 'number')!;
  await page.locator('.onglets-feuilles [role=tab]', { hasText: fausse.feuille }).first().click();
  await page.locator(`table.grille td[data-adresse="${fausse.adresse}"]`).click();
  await page.locator('#apercu-saisie').fill(String((fausse.valeur as number) + 1000));
  await page.locator('#apercu-saisie').press('Enter');
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Feuil1' }).click();
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(page.locator('#verifier-total').textContent()).resolves.not.toContain('(100 %)');
  const faux = page.locator('ul.reponses li.verdict-faux');
  await expect(faux.count()).resolves.toBeGreaterThan(0);
  await faux.first().locator('button.lien').click();
  await expect(page.locator('#apercu-adresse').textContent()).resolves.toBe(`${fausse.feuille}!${fausse.adresse}`);
  await page.screenshot({ path: path.join(CAPTURES, 'verification.png'), fullPage: true });

  // « Annoter la copie »: « Résultats » and a sealed evidence row are added to the open workbook, which the consolidation will read
  await page.getByRole('button', { name: 'Annoter la copie' }).click();
  await expect(page.locator('#verifier-message.succes').textContent()).resolves.toMatch(
    /^Copie annotée : feuille « Résultats », couleurs des réponses, 1 ligne scellée ajoutée à « Suivi des compétences »\. Enregistrez le classeur\. Mise en page d'impression non appliquée/, // Excel 2019 here
  );
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verifier-message'); // focus on the result
  const ongletsAnnotes = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(ongletsAnnotes).toEqual(expect.arrayContaining(['Résultats', 'Suivi des compétences']));
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Suivi des compétences' }).click();
  // a title, the header, then the sealed row
  await expect(page.locator('table.grille td[data-adresse="E3"]').textContent()).resolves.toBe('2.2.4');
  await expect(page.locator('table.grille td[data-adresse="M3"]').textContent()).resolves.toMatch(/^[0-9a-f]{12}:[0-9a-f]{64}$/);
  await page.screenshot({ path: path.join(CAPTURES, 'copie-annotee.png'), fullPage: true });

  // the exercise was sealed with the key the pane made on this computer; another key cannot vouch for it
  await page.locator('#onglet-parametres').click();
  const id = /^Clé de ce poste : identifiant ([0-9a-f]{12})\.$/.exec((await page.locator('#cle-etat').textContent()) ?? '')?.[1];
  expect(id).toBeDefined();
  await page.getByLabel(/^Clé à importer/).fill('pas une clé');
  await page.getByRole('button', { name: 'Importer la clé' }).click();
  await expect(page.locator('#cle-message.erreur').textContent()).resolves.toMatch(/^Ce texte n’est pas une clé AGOrA/);
  const autre = cleDepuisOctets(randomBytes(32));
  await page.getByLabel(/^Clé à importer/).fill(Buffer.from(autre.octets).toString('base64'));
  await page.getByRole('button', { name: 'Importer la clé' }).click();
  await expect(page.locator('#cle-message.succes').textContent()).resolves.toBe(`Clé importée : identifiant ${autre.id}. Elle remplace celle de ce poste.`);
  await page.screenshot({ path: path.join(CAPTURES, 'cle-enseignant.png'), fullPage: true });
  await page.locator('#onglet-verifier').click();
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(page.locator('#verifier-sceau').textContent()).resolves.toBe(SCEAU_EN_CLAIR['autre clé']);
  expect(fichiers).toContain('taskpane.js');
  expect(fichiers.filter((f) => f === 'exceljs.js' || f === 'xlsx.js')).toEqual([]);

  // the teacher saves the corrigé of this student's case (exceljs fetched only now): the same expected answers
  await page.locator('#onglet-exercices').click();
  const [corrige] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer le corrigé (.xlsx)' }).click()]);
  expect(corrige.suggestedFilename()).toBe('corrige-tva-DUPONT_Jean.xlsx');
  await page.locator('#section-exercices').screenshot({ path: path.join(CAPTURES, 'exercice-corrige.png') });
  await expect(page.locator('#exercices-message.succes').textContent()).resolves.toBe(
    'Corrigé prêt : corrige-tva-DUPONT_Jean.xlsx, avec la justification de chaque réponse. Ne le laissez pas dans le classeur de l’élève.',
  );
  const f = path.join(dossierTemporaire('agora-volet-corrige-'), 'corrige.xlsx');
  await corrige.saveAs(f);
  const ouvert = await ouvrirExercice(f);
  expect(ouvert.modele).toBe('exercice-tva-ca3');
  expect(attendusDesReponses(ouvert)).toEqual(attendus);
  expect(fichiers.filter((x) => x === 'xlsx.js' || x === 'exceljs.js').length).toBeGreaterThan(0);
  expect(sorties).toEqual([]);
});

/** The levels the add-in supports, one column each: the exercise flow through the pane's own buttons. */
test.each([
  ['Excel 2019 (ExcelApi 1.8)', 'excelapi=1.8'],
  ['ExcelApi 1.9', 'excelapi=1.9'],
  ['ExcelApi 1.13', 'excelapi=1.13'],
  ['ExcelApi 1.18', 'excelapi=1.18'],
  ['Excel sur le web (requêtes de 5 Mo, feuilles insérées verrouillées)', 'excelapi=1.18&web=1'],
])('%s : exercice de stocks créé dans le volet, réponses tapées dans les cellules, vérification à 100 %%', async (_, niveau) => {
  const eleve = { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle AGOrA A' };
  const { saisies } = await saisiesDe({ type: 'stocks', graine: 12, periode: '2026-10', date: '2026-11-23' }, eleve);
  const { page, erreurs } = await ouvrir(`taskpane.html?${niveau}#exercices`, 420);
  await page.getByLabel("Modèle d'exercice").selectOption('stocks');
  await page.getByLabel(/^N° de cas/).fill('12');
  await page.getByLabel(/^Mois du cas/).fill('octobre 2026');
  await page.getByLabel('Nom', { exact: true }).fill(eleve.nom);
  await page.getByLabel('Prénom', { exact: true }).fill(eleve.prenom);
  await page.getByLabel('Classe', { exact: true }).fill(eleve.classe);
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.succes').textContent()).resolves.toMatch(/^Exercice « .+ » inséré pour DUPONT Jean : cas n° \d+/);
  await taper(page, saisies);
  await page.getByRole('tab', { name: 'Vérifier' }).click();
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(page.locator('#verifier-total').textContent()).resolves.toMatch(/^Ensemble de la copie : (\d+) réponses justes sur \1 \(100 %\)\.$/);
  expect(erreurs).toEqual([]);
  await page.close();
});

test('Exercices en mode sommatif : l\u2019enseignant règle la vérification à la création ; Paramètres la montre, Vérifier l\u2019applique sans que l\u2019élève puisse la changer', async () => {
  const { page } = await ouvrir('taskpane.html#exercices');
  await page.getByLabel("Modèle d'exercice").selectOption('rapprochement');
  // the settings are folded under their summary, which tells them
  await expect(page.locator('#exercices-reglages summary').textContent()).resolves.toBe(
    "Vérification des copies (l'élève ne peut pas la changer) : formative, degrés 2, 3 et 4 à partir de 40 %, 65 % et 90 %",
  );
  await expect(page.getByLabel(/^Formative/).isVisible()).resolves.toBe(false);
  await page.locator('#exercices-reglages summary').click();
  await expect(page.getByLabel(/^Formative/).isChecked()).resolves.toBe(true); // templates/verification.json
  await expect(page.getByLabel(/^Degré 2 /).inputValue()).resolves.toBe('40');
  await page.getByLabel(/^Sommative/).check();
  await page.getByLabel(/^Montrer à l'élève/).check();
  await page.getByLabel(/^Degré 2 /).fill('50');
  await page.getByLabel(/^Degré 3 /).fill('45');
  await page.getByLabel(/^Degré 4 /).fill('85');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.erreur').textContent()).resolves.toBe(
    'Degrés de la vérification : trois pourcentages croissants entre 0 et 100 (exclus), par exemple 40, 65, 90 : « 50 ; 45 ; 85 ».',
  );
  await expect(page.locator('.onglets-feuilles [role=tab]').allTextContents()).resolves.toEqual(['Feuil1']);
  await expect(page.locator('#exercices-reglages-resume').textContent()).resolves.toBe('à corriger');
  await page.getByLabel(/^Degré 3 /).fill('62,5');
  await expect(page.locator('#exercices-reglages-resume').textContent()).resolves.toBe('sommative, degrés 2, 3 et 4 à partir de 50 %, 62,5 % et 85 %');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.succes').textContent({ timeout: 120_000 })).resolves.toMatch(/^Exercice « .+ » inséré : cas n° 1/);
  await page.screenshot({ path: path.join(CAPTURES, 'exercice-sommatif.png'), fullPage: true });

  await page.locator('#onglet-parametres').click();
  await page.getByRole('button', { name: 'Lire les paramètres du classeur' }).click();
  await expect(page.locator('#parametres-message.succes').textContent()).resolves.toMatch(
    /^Exercice « .+ » : vérification sommative, valeurs attendues montrées à l’élève, degré 2 à partir de 50 %, degré 3 à partir de 62,5 %, degré 4 à partir de 85 % de réponses justes\. Ces réglages ont été fixés à la création de l’exercice \(section Exercices\) ; pour les changer, recréez-le\.$/,
  );
  await expect(page.locator('#parametres-formulaire').isHidden()).resolves.toBe(true);

  await page.locator('#onglet-verifier').click();
  await expect(page.locator('#section-verifier select, #section-verifier input:not([type=file])').count()).resolves.toBe(0); // no way to switch to formative (the only input chooses copy files)
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  // nothing typed yet: not scored (NE), and said so
  await expect(page.locator('#verifier-total').textContent()).resolves.toMatch(/^Ensemble de la copie : aucune réponse saisie sur \d+ ; copie non notée\.$/);
  const resultats = (await page.locator('#verifier-resultats').textContent())!;
  expect(resultats).toContain('Copie vide : aucune réponse n\u2019est saisie ; chaque compétence est « NE » (non évalué), aucun degré n\u2019est retenu.');
  expect(resultats).toContain('mode sommatif.');
  expect(resultats).toContain('Évaluation sommative : le détail des réponses n’est pas communiqué.');
  await expect(page.locator('#verifier-resultats ul.reponses').count()).resolves.toBe(0);
  await page.screenshot({ path: path.join(CAPTURES, 'verification-sommative.png'), fullPage: true });
});

test('Exercices pour la classe : un classeur par élève (chacun son cas) dans un .zip à distribuer, les corrigés dans un autre, pour l\u2019enseignant', async () => {
  const eleves = [
    { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle AGOrA A' },
    { nom: "N'DIAYE", prenom: 'Awa', classe: 'Tle AGOrA A' },
    { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle AGOrA B' }, // a homonym in another class: a file of his own
  ];
  const { page, erreurs } = await ouvrir('taskpane.html#exercices');
  await page.getByLabel("Modèle d'exercice").selectOption('rapprochement');
  await page.getByLabel(/^N° de cas/).fill('5');
  await page.getByLabel(/^Mois du cas/).fill('2026-10');
  await page.getByLabel(/^La classe/).check();
  await expect(page.locator('#exercices-eleve').isHidden()).resolves.toBe(true);
  await page.getByLabel(/^Collez la liste/).fill(eleves.map((e) => [e.nom, e.prenom, e.classe].join('\t')).join('\n'));
  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Préparer les classeurs de la classe' }).click()]);
  // this computer had no key yet: the first exercise made one, and says so
  await expect(page.locator('#exercices-message.succes').textContent()).resolves.toMatch(
    /^3 classeurs d'exercice « État de rapprochement bancaire » préparés, un cas par élève : exercices-rapprochement\.zip, à distribuer\. Les corrigés et la répartition des cas \(repartition\.csv\) sont à part, pour vous seul : corriges-rapprochement\.zip\. Clé de l’enseignant créée sur ce poste \(identifiant [0-9a-f]{12}\) : elle scelle vos exercices ; voyez l’onglet Paramètres pour la partager avec vos collègues\.$/,
  );
  expect(telechargement.suggestedFilename()).toBe('exercices-rapprochement.zip');
  await expect(page.locator('#exercices-progression').evaluate((p: HTMLProgressElement) => [p.value, p.max])).resolves.toEqual([7, 7]);
  await page.screenshot({ path: path.join(CAPTURES, 'exercices-classe.png'), fullPage: true });
  const d = dossierTemporaire('agora-volet-zip-');
  const zipFichier = path.join(d, 'classe.zip');
  await telechargement.saveAs(zipFichier);
  const zip = await JSZip.loadAsync(readFileSync(zipFichier));
  const [corriges] = await Promise.all([page.waitForEvent('download'), page.locator('#exercices-telechargement-corriges').click()]);
  expect(corriges.suggestedFilename()).toBe('corriges-rapprochement.zip');
  const zipCorriges = path.join(d, 'corriges.zip');
  await corriges.saveAs(zipCorriges);
  const zipEnseignant = await JSZip.loadAsync(readFileSync(zipCorriges));
  // the oracle: the same class computed here, with the names the CLI gives its files
  const attendus = exercicesPourLaClasse({ type: 'rapprochement', graine: 5, periode: '2026-10', date: '2026-11-23' }, eleves);
  const fichiers = (z: JSZip) =>
    Object.keys(z.files)
      .filter((f) => !f.endsWith('/'))
      .sort();
  // nothing of the answers in what is handed out
  expect(fichiers(zip)).toEqual(attendus.map((x) => x.fichier).sort());
  expect(fichiers(zipEnseignant)).toEqual([...attendus.map((x) => `corriges/${x.corrige}`), 'repartition.csv'].sort());
  expect(attendus.map((x) => x.fichier)).toEqual(['rapprochement-DUPONT_Jean.xlsx', "rapprochement-N'DIAYE_Awa.xlsx", 'rapprochement-DUPONT_Jean_2.xlsx']);
  const repartition = (await zipEnseignant.file('repartition.csv')!.async('string'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(';'));
  expect(repartition.slice(1).map((l) => [l[3], l[5]])).toEqual(attendus.map((x) => [x.fichier, String(x.graine)]));
  for (const x of attendus) {
    const f = path.join(d, x.fichier);
    writeFileSync(f, await zip.file(x.fichier)!.async('nodebuffer'));
    const ouvert = await ouvrirExercice(f);
    expect([x.fichier, ouvert.graine, ouvert.modele]).toEqual([x.fichier, x.graine, 'exercice-rapprochement']);
  }
  // each student their own case, drawn from the seed and their name: the homonym of the other class has the same one
  const [a, b, c] = attendus.map((x) => x.graine);
  expect([a !== b, c]).toEqual([true, a]);
  expect(erreurs).toEqual([]);
  expect(sorties).toEqual([]);
});

test('Exercices pour la classe, selon les résultats : le classeur de la classe consolidé choisi et lu dans la page ; à chaque élève l’exercice de sa compétence la plus faible, les motifs dans repartition.csv, comme la ligne de commande', async () => {
  // a class of two: Léa's relances all wrong, Jean's TVA all wrong, each the other exercise right; consolidated by the CLI
  const d = dossierTemporaire('agora-volet-remediation-');
  const { classeAuxResultats } = await import('./aides/classeAuxResultats');
  const { lancer } = await import('./aides/cli');
  const { liste, classe } = await classeAuxResultats(d, ['Martin;Léa;Tle A', 'Dupont;Jean;Tle A']);
  // the CLI's remediation of the same class, the oracle
  const cli = path.join(d, 'cli');
  expect((await lancer(['exercice', '--classe', liste, '--remediation', classe, '--out-dir', cli, '--periode', '2026-10'])).code).toBe(0);
  const { analyserCsv } = await import('../src/io/csv');
  const lignes = (t: string) => analyserCsv(t.replace(/^\uFEFF/, '')).lignes.map((l) => l.champs);
  const attendue = lignes(readFileSync(path.join(cli, 'repartition.csv'), 'utf8'));

  const { page, erreurs } = await ouvrir('taskpane.html#exercices');
  await page.getByLabel(/^Mois du cas/).fill('2026-10');
  await page.getByLabel(/^Pour la classe : selon les résultats/).check();
  await expect(page.locator('#exercices-resultats').isHidden()).resolves.toBe(false);
  // no class workbook chosen: said in French, on the field
  await page.getByLabel(/^Collez la liste/).fill('Martin\tLéa\tTle A\nDupont\tJean\tTle A');
  await page.getByRole('button', { name: 'Préparer les exercices selon les résultats' }).click();
  await expect(page.locator('#exercices-message.erreur').textContent()).resolves.toBe('Choisissez le classeur de la classe consolidé (produit par « Consolider » ou agora consolider).');
  await page.locator('#exercices-classe-consolidee').setInputFiles(classe);
  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Préparer les exercices selon les résultats' }).click()]);
  await expect(page.locator('#exercices-message.succes').textContent()).resolves.toMatch(
    /^2 classeurs préparés d’après « classe\.xlsx », chaque élève l’exercice de sa compétence la plus faible, un cas nouveau : remediation-Tle_A\.zip, à distribuer\. Les corrigés et la répartition \(repartition\.csv, avec le motif de chaque choix\) sont à part, pour vous seul : corriges-remediation-Tle_A\.zip\./,
  );
  const zip = await JSZip.loadAsync(readFileSync(await telechargement.path()));
  expect(Object.keys(zip.files).sort()).toEqual(['relances-MARTIN_Léa.xlsx', 'tva-DUPONT_Jean.xlsx']);
  const [corriges] = await Promise.all([page.waitForEvent('download'), page.locator('#exercices-telechargement-corriges').click()]);
  const zipEnseignant = await JSZip.loadAsync(readFileSync(await corriges.path()));
  const repartition = lignes(await zipEnseignant.file('repartition.csv')!.async('string'));
  // the same choices, cases and motifs as the command line's (the corrigés' folder aside)
  const sansCorrige = (t: string[][]) => t.map((l) => [...l.slice(0, 4), ...l.slice(5)]);
  expect(sansCorrige(repartition)).toEqual(sansCorrige(attendue));
  expect(repartition.map((l) => l[7])).toEqual(['Motif', expect.stringMatching(/^1\.2\.4 : \d+ % de réussite sur 1 copie$/), expect.stringMatching(/^2\.2\.4 : \d+ % de réussite sur 1 copie$/)]);
  expect(erreurs).toEqual([]);
  expect(sorties).toEqual([]);
});

test("Consolider : trois classeurs d'élèves et un faux classeur choisis, lus dans le navigateur avec une barre de progression ; feuilles de la classe insérées, identiques à celles de la ligne de commande ; anomalie listée", async () => {
  const d = dossierTemporaire('agora-volet-classe-');
  const options = { types: ['pfmp' as const], etablissement: 'LP de test', annee: '2026-2027', date: '2026-11-23' };
  const positionnements: [string, (number | string | null)[]][] = [
    ['DUPONT', [1, 2, 'NE', 4, null, null]],
    ['MARTIN', [3, null, null, null, null, null]],
    ["N'DIAYE", [null, null, null, null, null, null]],
  ];
  const fichiers: string[] = [];
  for (const [nom, niveaux] of positionnements) {
    const res = await grillesParEleve([{ nom, prenom: 'Léa', classe: 'Tle AGOrA A' }], options, dossierTemporaire('agora-volet-grille-'));
    const f = path.join(d, `${nom}.xlsx`);
    writeFileSync(f, await remplirClasseur(res.fichiers[0]!.fichier, { [`PFMP1_C${fragment('1.1.1')}`]: niveaux }));
    fichiers.push(f);
  }
  const faux = path.join(d, 'notes.xlsx');
  writeFileSync(faux, 'nom;prenom\nDUPONT;Léa\n');
  fichiers.push(faux);
  // the oracle: the CLI's consolidation of the same files (named as the browser names them)
  const cli = await consoliderClasseurs(fichiers, { sortie: path.join(d, 'classe.xlsx'), methode: 'recente', date: '2026-11-23' });
  const couverture = classeurClasse(referentiel(), cli.classe, { date: '2026-11-23' }).feuilles.find((f) => f.nom === FEUILLES_CLASSE.couverture)!;
  const ligne111 = couverture.lignes.find((l) => l.cellules[1]?.valeur === '1.1.1')!.cellules.map((c) => (c?.valeur == null ? '' : String(c.valeur)));
  expect([cli.eleves, cli.anomalies.length]).toEqual([3, 1]); // N'DIAYE's blank grid still names a student of the class
  expect(ligne111.slice(3, 9)).toEqual(['2', '0', '0', '2', '0', '4']); // two students evaluated: Dupont 1, 2, NE, 4 weighted by recency (21/7 = 3) and Martin 3; NE is not a positionnement

  const { page, erreurs } = await ouvrir('taskpane.html#consolider');
  await page.getByRole('button', { name: 'Consolider' }).click();
  await expect(page.locator('#consolider-message.erreur').textContent()).resolves.toBe('Choisissez les classeurs des élèves (.xlsx) : plusieurs à la fois avec Ctrl ou Maj.');
  // no student in what was chosen: said plainly, nothing inserted (not seven empty sheets)
  const avantRien = await page.locator('.onglets-feuilles [role=tab]').count();
  await page.getByLabel(/^Classeurs des élèves/).setInputFiles([faux]);
  await page.getByRole('button', { name: 'Consolider' }).click();
  await expect(page.locator('#consolider-message.erreur').textContent({ timeout: 120_000 })).resolves.toBe(
    'Aucun élève dans le classeur choisi : choisissez les grilles remplies et les copies vérifiées de la classe (voir les anomalies ci-dessous). Rien n\u2019a été inséré.',
  );
  await expect(page.locator('.onglets-feuilles [role=tab]').count()).resolves.toBe(avantRien);
  await expect(page.locator('#consolider-livret').isHidden()).resolves.toBe(true);
  await page.getByLabel(/^Classeurs des élèves/).setInputFiles(fichiers);
  await page.getByRole('button', { name: 'Consolider' }).click();
  await expect(page.locator('#consolider-message.succes').textContent({ timeout: 120_000 })).resolves.toBe(
    `Classe consolidée : 4 classeurs lus, 3 élèves, 1 anomalie. Feuilles insérées : « Synthèse », « Profil », « Détail », « Couverture », « PFMP », « Notes CCF », « Anomalies ». Le livret scolaire (CSV, un degré par élève et compétence) est à enregistrer par le lien ci-dessous.`,
  );
  // the livret scolaire: byte for byte the CLI's --lsl file, made in the page and saved by the browser
  const livret = page.locator('#consolider-livret');
  await expect(livret.textContent()).resolves.toMatch(/^Enregistrer livret-scolaire-Tle_AGOrA_A\.csv \(\d+ Ko\)$/);
  const [telechargement] = await Promise.all([page.waitForEvent('download'), livret.click()]);
  expect(telechargement.suggestedFilename()).toBe('livret-scolaire-Tle_AGOrA_A.csv');
  expect(readFileSync((await telechargement.path())!).equals(Buffer.from(ecrireCsv(lignesLivret(referentiel(), cli.classe, aujourdhui())), 'utf8'))).toBe(true);
  await expect(page.locator('#consolider-progression').evaluate((p: HTMLProgressElement) => [p.value, p.max])).resolves.toEqual([4, 4]);
  const anomalies = await page.locator('ul.anomalies li').allTextContents();
  expect(anomalies.length).toBe(1);
  expect(anomalies.some((a) => a.startsWith('notes.xlsx') && a.includes("Le fichier n'est pas un classeur Excel (.xlsx).") && a.includes('Fichier ignoré.'))).toBe(true);

  // the class sheets in the workbook: the same « Couverture » row as the CLI's file
  const onglets = await page.locator('.onglets-feuilles [role=tab]').allTextContents();
  expect(onglets).toEqual(['Feuil1', ...Object.values(FEUILLES_CLASSE)]);
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Couverture' }).click();
  const lignes = await page.locator('table.grille tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  expect(lignes.find((l) => l[1] === '1.1.1')).toEqual(ligne111);
  await expect(page.locator('p.graphique').textContent()).resolves.toMatch(
    /^Graphique « Répartition des degrés par compétence \(nombre d'élèves\) » \(barres empilées\) : données E\d+:H\d+, catégories B\d+:B\d+, placé en L\d+:U\d+\.$/,
  );
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Profil' }).click();
  await expect(page.locator('p.graphique').textContent()).resolves.toMatch(/^Graphique « Niveau agrégé par compétence » \(histogramme\)/);
  await expect(page.locator('table.grille td[data-adresse="B4"]').textContent()).resolves.toBe('DUPONT Léa (Tle AGOrA A)');
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Synthèse' }).click();
  const synthese = (await page.locator('table.grille td').allTextContents()).join('|');
  for (const nom of ['DUPONT Léa', 'MARTIN Léa', "N'DIAYE Léa"]) expect(synthese).toContain(nom);
  await page.screenshot({ path: path.join(CAPTURES, 'consolidation.png'), fullPage: true });
  expect(erreurs).toEqual([]);
  expect(sorties).toEqual([]);
});

test('Vérifier des copies enregistrées : deux copies et un faux fichier choisis, vérifiées et annotées dans la page ; le .zip (copies annotées, resultats.csv) est consolidé comme les copies du CLI', async () => {
  const d = dossierTemporaire('agora-volet-lot-');
  const cle = cleDesTests();
  const copies: string[] = [];
  for (const [i, eleve] of [
    { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' },
    { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' },
  ].entries()) {
    const f = path.join(d, `tva-${eleve.nom}.xlsx`);
    await ecrireExercice({ type: 'tva', graine: 20 + i, periode: '2026-10', date: '2026-11-23', cle }, eleve, f);
    const reponses = attendusDesReponses(await ouvrirExercice(f));
    const [nombre] = Object.keys(reponses).filter((n) => typeof reponses[n] === 'number');
    const copie = path.join(d, `copie-${eleve.nom}.xlsx`);
    writeFileSync(copie, await remplirClasseur(f, i === 0 ? reponses : { ...reponses, [nombre!]: (reponses[nombre!] as number) + 100 }));
    copies.push(copie);
  }
  const faux = path.join(d, 'notes.xlsx');
  writeFileSync(faux, 'pas un classeur');

  const { page, erreurs } = await ouvrir('taskpane.html#parametres', 350);
  // at 350 px the five sections' tabs hold on one line, none cut
  await expect(page.locator('nav.onglets').evaluate((n) => [n.scrollWidth - n.clientWidth, getComputedStyle(n.querySelector('button')!).fontSize])).resolves.toEqual([0, '13px']);
  await page.getByLabel(/^Clé à importer/).fill(cleEnBase64(cle));
  await page.getByRole('button', { name: 'Importer la clé' }).click();
  await page.locator('#onglet-verifier').click();
  // the teacher's part is folded away from a student's eyes
  await expect(page.getByRole('button', { name: 'Vérifier ces copies' }).isVisible()).resolves.toBe(false);
  await page.locator('#verifier-enseignant > summary').click();
  await page.getByRole('button', { name: 'Vérifier ces copies' }).click();
  await expect(page.locator('#verifier-lot-message.erreur').textContent()).resolves.toBe('Choisissez d’abord les copies à vérifier (fichiers .xlsx).');
  await page.getByLabel('Copies des élèves (.xlsx)').setInputFiles([...copies, faux]);
  await page.getByRole('button', { name: 'Vérifier ces copies' }).click();
  await expect(page.locator('#verifier-lot-message.succes').textContent({ timeout: 120_000 })).resolves.toBe(
    '2 copies vérifiées et annotées ; 1 fichier refusé, voir le tableau. Enregistrez « copies-verifiees.zip » (lien ci-dessous) : les copies annotées et resultats.csv.',
  );
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('verifier-lot-message');
  await expect(page.locator('#verifier-progression').evaluate((p: HTMLProgressElement) => [p.value, p.max])).resolves.toEqual([3, 3]);
  const rangees = await page.locator('#verifier-lot-resultats tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  expect(rangees.slice(1).map((r) => r.slice(0, 2))).toEqual([
    ['copie-DUPONT.xlsx', 'DUPONT Jean'],
    ['copie-MARTIN.xlsx', 'MARTIN Léa'],
    ['notes.xlsx', '—'],
  ]);
  // the answers typed as values: none made by a formula
  expect(rangees[1]![2]).toBe('2.2.4 : 100 %, degré 4 — Bien maîtrisé ; feuille de calcul : 0 %');
  expect(rangees[3]![2]).toMatch(/notes\.xlsx.*n'est pas un classeur/);
  await page.screenshot({ path: path.join(CAPTURES, 'verifier-lot.png'), fullPage: true });

  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.locator('#verifier-telechargement').click()]);
  expect(telechargement.suggestedFilename()).toBe('copies-verifiees.zip');
  const zip = await JSZip.loadAsync(readFileSync((await telechargement.path())!));
  expect(Object.keys(zip.files).sort()).toEqual(['copie-DUPONT-verifie.xlsx', 'copie-MARTIN-verifie.xlsx', 'resultats.csv']);
  const csv = (await zip.file('resultats.csv')!.async('string')).split('\r\n');
  expect(csv[0]).toBe('\ufeffFichier;Élève;Classe;Compétence;Réussite (%);Degré;Remarque');
  expect(csv[1]).toBe('copie-DUPONT.xlsx;DUPONT Jean;Tle A;2.2.4;100;4 Bien maîtrisé;');
  // the annotated copies made in the page count in the consolidation as the CLI's: their rows are sealed
  const annotees = await Promise.all(
    ['copie-DUPONT-verifie.xlsx', 'copie-MARTIN-verifie.xlsx'].map(async (n) => {
      const f = path.join(d, n);
      writeFileSync(f, await zip.file(n)!.async('uint8array'));
      return f;
    }),
  );
  const classe = await consoliderClasseurs(annotees, { sortie: path.join(d, 'classe.xlsx'), methode: 'recente', date: '2026-11-23', cle });
  expect([classe.eleves, classe.anomalies.length]).toEqual([2, 0]);
  expect(erreurs).toEqual([]);
}, 300_000);

test('Vérifier des copies sans la clé de l\u2019enseignant : « Sceau non vérifié » dit une fois au-dessus du tableau, rien ne déborde à 320 px ; un nouveau lot efface le précédent', async () => {
  const d = dossierTemporaire('agora-volet-lot-');
  const copies: string[] = [];
  for (const [i, nom] of ['DUPONT', 'MARTIN', 'PETIT'].entries()) {
    const f = path.join(d, `copie-${nom}.xlsx`);
    await ecrireExercice({ type: 'tva', graine: 30 + i, periode: '2026-10', date: '2026-11-23', cle: cleDesTests() }, { nom, prenom: 'Léa', classe: 'Tle A' }, f);
    writeFileSync(f, await remplirClasseur(f, attendusDesReponses(await ouvrirExercice(f))));
    copies.push(f);
  }
  const { page, erreurs } = await ouvrir('taskpane.html#verifier', 320);
  await page.locator('#verifier-enseignant > summary').click();
  await page.getByLabel('Copies des élèves (.xlsx)').setInputFiles(copies);
  await page.getByRole('button', { name: 'Vérifier ces copies' }).click();
  await expect(page.locator('#verifier-lot-message.succes').textContent({ timeout: 120_000 })).resolves.toMatch(/^3 copies vérifiées et annotées\./);
  await expect(page.locator('#verifier-lot-sceau').textContent()).resolves.toBe(
    'Sceau non vérifié sur ce poste (pas de clé de l\u2019enseignant) : seule la vérification faite avec la clé de l\u2019enseignant compte pour le livret.',
  );
  const rangees = async () => page.locator('#verifier-lot-resultats tr').evaluateAll((trs) => trs.slice(1).map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  expect((await rangees()).map((r) => r[2])).toEqual(Array(3).fill('2.2.4 : 100 %, degré 4 — Bien maîtrisé ; feuille de calcul : 0 %'));
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  // a second batch of one copy: the table holds it alone, the link is the new batch's
  const lienAvant = await page.locator('#verifier-telechargement').getAttribute('href');
  await page.getByLabel('Copies des élèves (.xlsx)').setInputFiles([copies[2]!]);
  await page.getByRole('button', { name: 'Vérifier ces copies' }).click();
  await expect(page.locator('#verifier-lot-message.succes').textContent({ timeout: 120_000 })).resolves.toMatch(/^1 copie vérifiée et annotée\./);
  expect((await rangees()).map((r) => r[0])).toEqual(['copie-PETIT.xlsx']);
  await expect(page.locator('#verifier-telechargement').getAttribute('href')).resolves.not.toBe(lienAvant);
  expect(erreurs).toEqual([]);
}, 300_000);

test('Exercices : le mois demandé est celui du cas, même après la dernière valeur connue d\u2019une table (barème reconduit et dit) ; avant la première, refusé en la nommant', async () => {
  const { page, erreurs } = await ouvrir('taskpane.html#exercices');
  await page.getByLabel("Modèle d'exercice").selectOption('frais');
  await page.getByLabel(/^Mois du cas/).fill('juin 2028');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  const message = (await page.locator('#exercices-message.succes').textContent({ timeout: 120_000 }))!;
  expect(message).toMatch(/^Exercice « .+ » inséré : cas n° \d+/);
  expect(message).toContain(
    'Attention : Valeurs du barème kilométrique connues jusqu\u2019en décembre 2024 : pour juin 2028, les dernières sont reconduites (source : Arrêté du 27 mars 2023 ; BOI-BAREME-000001). L\u2019énoncé et la feuille « Paramètres » le disent.',
  );
  // the case is June 2028's, never another month's
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Énoncé' }).click();
  const enonce = (await page.locator('table.grille').textContent())!;
  expect(enonce).toContain('Valeurs du barème kilométrique connues jusqu\u2019en décembre 2024 : pour juin 2028');
  await page.getByLabel(/^Mois du cas/).fill('2021-06');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  await expect(page.locator('#exercices-message.erreur').textContent()).resolves.toBe('Impossible de créer ce cas : juin 2021 précède les premières valeurs du barème kilométrique (janvier 2022).');
  expect(erreurs).toEqual([]);
}, 300_000);

test('Paramètres : un fichier de valeurs légales de l’enseignant s’importe (refusé en français s’il est faux) ; l’exercice créé ensuite est chiffré avec lui, sans reconduction, et le dit', async () => {
  const { page, erreurs } = await ouvrir('taskpane.html#parametres');
  const d = dossierTemporaire('agora-volet-valeurs-');
  await expect(page.locator('#valeurs-etat').textContent()).resolves.toContain('Valeurs d\u2019AGOrA : les tables de paie (de janvier 2025 à décembre 2026) ;');
  // AGOrA's tables are offered to download, then completed as the notice says (a made-up 2025 barème)
  const telechargement = page.waitForEvent('download');
  await page.locator('#valeurs-modele').click();
  const telecharge = await telechargement;
  expect(telecharge.suggestedFilename()).toBe('parametres-agora.json');
  const exporte = JSON.parse(readFileSync((await telecharge.path())!, 'utf8')) as {
    frais: { couverture: { au: string }; source: string; baremeKilometrique: { valeurs: { depuis: string; reference: string; bareme: Record<string, unknown> }[] } };
  };
  const frais = exporte.frais;
  const derniere = frais.baremeKilometrique.valeurs.at(-1)!;
  frais.baremeKilometrique.valeurs.push({ ...derniere, depuis: '2025-01-01', reference: 'Valeur d\u2019essai', bareme: { ...derniere.bareme, '5': { a: 0.65, b: 0.36, c: 1400, e: 0.43 } } });
  frais.couverture.au = '2030-12';
  const faux = path.join(d, 'faux.json');
  writeFileSync(faux, JSON.stringify({ frais: { ...frais, couverture: { du: '2022-01', au: '2030-13' } } }));
  await page.getByLabel('Fichier de paramètres à importer (.json)').setInputFiles(faux);
  await page.getByRole('button', { name: 'Importer ce fichier' }).click();
  await expect(page.locator('#valeurs-message.erreur').textContent()).resolves.toBe(
    'Données invalides dans le fichier de paramètres « faux.json » :\n  - champ « frais.couverture.au » : mois attendu au format AAAA-MM (par exemple 2026-03)',
  );
  const bon = path.join(d, 'bareme-2025.json');
  writeFileSync(bon, JSON.stringify({ frais }));
  await page.getByLabel('Fichier de paramètres à importer (.json)').setInputFiles(bon);
  await page.getByRole('button', { name: 'Importer ce fichier' }).click();
  await expect(page.locator('#valeurs-message.succes').textContent()).resolves.toBe(
    'Fichier « bareme-2025.json » importé : le barème kilométrique (de janvier 2022 à décembre 2030). Les prochains exercices créés sur ce poste l\u2019utilisent.',
  );
  await page.locator('#onglet-exercices').click();
  await page.getByLabel("Modèle d'exercice").selectOption('frais');
  await page.getByLabel(/^Mois du cas/).fill('juin 2028');
  await page.getByRole('button', { name: "Créer l'exercice" }).click();
  const message = (await page.locator('#exercices-message.succes').textContent({ timeout: 120_000 }))!;
  expect(message).toContain('Valeurs du barème kilométrique fournies par l\u2019enseignant, fichier « bareme-2025.json » (de janvier 2022 à décembre 2030) ; source : Barème forfaitaire');
  expect(message).not.toContain('reconduites');
  await page.locator('.onglets-feuilles [role=tab]', { hasText: 'Paramètres' }).click();
  const feuille = (await page.locator('table.grille').textContent())!;
  expect(feuille).toContain('Valeur d\u2019essai');
  expect(feuille).toContain('5 CV0.650.3614000.43'); // the row of 5 CV: a, b, c, e of the teacher's file
  // back to AGOrA's values for the next exercises
  await page.locator('#onglet-parametres').click();
  await page.getByRole('button', { name: 'Revenir aux valeurs d\u2019AGOrA' }).click();
  await expect(page.locator('#valeurs-message.succes').textContent()).resolves.toBe('Les prochains exercices utiliseront les valeurs d\u2019AGOrA.');
  await expect(page.locator('#valeurs-etat').textContent()).resolves.toMatch(/^Valeurs d’AGOrA : .*le barème kilométrique \(de janvier 2022 à décembre 2024\)/);
  await expect(page.evaluate(() => localStorage.getItem('agora-excel.tables-enseignant'))).resolves.toBeNull();
  expect(erreurs).toEqual([]);
}, 300_000);
