/**
 * `npm run bench` (third part): the task pane's budgets. Size of the JavaScript it loads (≤ 300 KB
 * gzipped), time until it is interactive in headless Chromium against a baseline page that loads
 * only office.js and the stylesheet (same server, same browser, same run), and the round trips
 * (`context.sync()`) and Office.js commands of each operation, counted by the in-memory context;
 * then the files the pane makes with exceljs for a class, timed in Chromium against Node.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { referentiel } from '../referentiel';
import { classeurGrilles } from '../sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../sheets/grilles/gabarit';
import { classeurClasse } from '../sheets/consolidation/classeurClasse';
import { consoliderClasse } from '../consolidate/classe';
import { releveVide, type Degre } from '../consolidate/preuves';
import { competences } from '../referentiel';
import { modeleDExercice } from '../app/modelesExercices';
import { TYPES_EXERCICE } from '../exercices/registre';
import { ecrireModele, insererClasseur, type Suivi } from '../io/office/insererClasseur';
import { chargeEstimee, CHARGE_EXCEL_WEB } from '../io/office/chargeDeRequete';
import { classeurEnBase64 } from '../io/exceljs/xlsxDuModele';
import { lireClasseurOuvert } from '../io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../io/memory/classeurMemoire';
import { ContexteMemoire } from '../io/memory/contexteExcel';
import type { Classeur } from '../sheets/model';
import { CHROMIUM, construireVolet, servirVolet, type ServeurVolet } from './serveurVolet';
import { anneeScolaire } from '../domain/dates';
import { accorder } from '../domain/texte';
import { archiveDeClasseurs } from '../io/exceljs/archiveDeClasseurs';
import { archivesDeLaClasse, exercicesPourLaClasse } from '../app/exercicesDeLaClasse';
import { insererParLots } from '../taskpane/insererParLots';
import { cleEleve, grillesPourLeClasseur } from '../app/grillesDuClasseur';

const BUDGET_KO = 300;
const ESSAIS = 5;
const DATE = '2026-11-23';
const ko = (o: number) => `${(o / 1024).toFixed(0)} Ko`;
const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function interactif(dist: string): Promise<void> {
  if (!existsSync(CHROMIUM)) return void process.stdout.write(`  Chromium absent (${CHROMIUM}) : temps d'ouverture non mesuré.\n`);
  // the baseline: what any pane pays before its own code (office.js from the « CDN », the stylesheet)
  writeFileSync(
    path.join(dist, 'reference.html'),
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="stylesheet" href="taskpane.css"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
      '<script>addEventListener("load", () => (document.body.dataset.pret = "oui"))</script></head><body></body></html>',
  );
  const serveur = await servirVolet(dist);
  const navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=fr-FR'] });
  try {
    const mesurer = async (page: string) => {
      const temps: number[] = [];
      for (let i = 0; i < ESSAIS; i++) {
        const p = await navigateur.newPage({ viewport: { width: 320, height: 900 } });
        await serveur.router(p);
        await p.goto(`${serveur.base}/${page}`);
        await p.waitForSelector('body[data-pret="oui"]', { state: 'attached' });
        temps.push(await p.evaluate(() => performance.now()));
        await p.close();
      }
      return mediane(temps);
    };
    const reference = await mesurer('reference.html');
    const volet = await mesurer('taskpane.html#grilles');
    process.stdout.write(`  référence (office.js et la feuille de style seuls)  ${reference.toFixed(0).padStart(5)} ms\n`);
    process.stdout.write(
      `  volet interactif (médiane de ${ESSAIS})                ${volet.toFixed(0).padStart(5)} ms   ratio ${(volet / reference).toFixed(2)} × la référence (objectif < 1 000 ms)\n`,
    );
    if (serveur.sorties.length) process.stdout.write(`  ATTENTION : requêtes hors du serveur du volet : ${serveur.sorties.join(', ')}\n`);
    await preparationDansLeNavigateur(navigateur, serveur);
  } finally {
    await navigateur.close();
    await serveur.fermer();
  }
}

const CLASSE = 35;
const listeDeClasse = (n: number) => Array.from({ length: n }, (_, i) => ({ nom: `Nom${i + 1}`, prenom: 'Léa', classe: 'Tle AGOrA' }));

/**
 * What exceljs costs in the pane, clicked as a teacher would, for a class of 35: the grids file
 * (7 types) and the class's exercise .zip, timed by the page itself (`performance` measures
 * « agora:fichier » and « agora:archive »), against the same work in Node in this process.
 */
async function preparationDansLeNavigateur(navigateur: Browser, serveur: ServeurVolet): Promise<void> {
  const page = await navigateur.newPage({ viewport: { width: 320, height: 900 } });
  await serveur.router(page);
  const liste = listeDeClasse(CLASSE);
  const texte = liste.map((e) => `${e.nom}\t${e.prenom}\t${e.classe}`).join('\n');
  const mesure = (nom: string) =>
    page.evaluate(
      (n) =>
        performance
          .getEntriesByName(n)
          .map((e) => e.duration)
          .at(-1) ?? NaN,
      nom,
    );
  const ligne = (quoi: string, navigateurMs: number, nodeMs: number, taille: string) =>
    process.stdout.write(
      `  ${quoi.padEnd(52)}${navigateurMs.toFixed(0).padStart(6)} ms dans Chromium, ${nodeMs.toFixed(0).padStart(5)} ms dans Node (ratio ${(navigateurMs / nodeMs).toFixed(2)}) ; ${taille}\n`,
    );
  try {
    await page.goto(`${serveur.base}/taskpane.html#grilles`);
    await page.waitForSelector('body[data-pret="oui"]', { state: 'attached' });
    for (const c of await page.locator('#grilles-types input').all()) await c.check();
    await page.locator('#grilles-eleves').fill(texte);
    await page.locator('#grilles-inserer').click();
    await page.waitForSelector('#grilles-message.succes', { timeout: 600_000 });
    const grillesNavigateur = await mesure('agora:fichier');
    const options = { types: [...TYPES_GRILLE], etablissement: '', annee: anneeScolaire(DATE), date: DATE };
    const debut = performance.now();
    const base64 = await classeurEnBase64(classeurGrilles(referentiel(), liste, options, 'classe').classeur);
    ligne(`fichier des grilles, ${CLASSE} élèves, ${TYPES_GRILLE.length} types`, grillesNavigateur, performance.now() - debut, `${ko(base64.length)} en base64`);

    await page.goto(`${serveur.base}/taskpane.html#exercices`);
    await page.waitForSelector('body[data-pret="oui"]', { state: 'attached' });
    await page.locator('#exercices-modele').selectOption('tva');
    await page.locator('#exercices-periode').fill('2026-10');
    await page.locator('#exercices-pour-classe').check();
    await page.locator('#exercices-eleves').fill(texte);
    await page.locator('#exercices-creer').click();
    await page.waitForSelector('#exercices-message.succes', { timeout: 600_000 });
    const archiveNavigateur = await mesure('agora:archive');
    const debutNode = performance.now();
    const archives = archivesDeLaClasse(exercicesPourLaClasse({ type: 'tva', graine: 1, periode: '2026-10', date: DATE }, liste));
    const octets = (await archiveDeClasseurs(archives.eleves)).length + (await archiveDeClasseurs(archives.enseignant)).length;
    ligne(`.zip des exercices de TVA, ${CLASSE} élèves, et celui des corrigés`, archiveNavigateur, performance.now() - debutNode, `${ko(octets)}`);
  } finally {
    await page.close();
  }
}

/** A class of `n` students, each positioned three times on every compétence. */
function classeSynthetique(n: number): Classeur {
  const r = referentiel();
  const releve = releveVide('classe.xlsx');
  for (let i = 0; i < n; i++) {
    const eleve = { nom: `Nom${i + 1}`, prenom: 'Léa', classe: 'Tle AGOrA' };
    releve.eleves.push(eleve);
    for (const c of competences(r))
      for (let k = 0; k < 3; k++) {
        const degre = (((i + k) % 4) + 1) as Degre;
        releve.preuves.push({
          eleve,
          competence: c.code,
          nature: 'PFMP',
          libelle: `PFMP P${k + 1}`,
          creneau: `PFMP P${k + 1}`,
          date: `2026-0${k + 1}-15`,
          rang: k,
          niveauLu: String(degre),
          degre,
          source: { fichier: 'classe.xlsx', feuille: 'PFMP', cellule: 'A1' },
        });
      }
  }
  return classeurClasse(r, consoliderClasse([releve], r, 'recente'), { date: DATE });
}

async function allersRetours(): Promise<void> {
  const r = referentiel();
  const eleves = listeDeClasse;
  const options = { types: [...TYPES_GRILLE], etablissement: 'Lycée de mesure', annee: '2026-2027', date: DATE };
  const modeles: { nom: string; m: () => Classeur | Promise<Classeur> }[] = [];
  for (const n of [1, 35, 500])
    modeles.push({ nom: `grilles, ${n} élève${n > 1 ? 's' : ''}, ${TYPES_GRILLE.length} types`, m: () => classeurGrilles(r, eleves(n), options, n > 1 ? 'classe' : 'eleve').classeur });
  for (const type of TYPES_EXERCICE) modeles.push({ nom: `exercice ${type}`, m: async () => (await modeleDExercice({ type, graine: 7, periode: '2026-10', date: DATE }, eleves(1)[0]!)).classeur });
  for (const n of [35, 300]) modeles.push({ nom: `classe consolidée, ${n} élèves`, m: () => classeSynthetique(n) });
  process.stdout.write(`  ${'opération'.padEnd(58)}${'synchro.'.padStart(9)}${'commandes'.padStart(11)}${'budget'.padStart(8)}${'requête web'.padStart(13)}   fichier : sa préparation\n`);
  // the request on Excel on the web (ExcelApi 1.13 and later), where it is refused above 5 MB: for range
  // writes — an addition to grids already there — estimated (within 7 % of what Excel's own runtime
  // builds, see tests/office.requete), for a file its base64
  const ligne = (nom: string, ctx: ContexteMemoire, budget: number, requete: number | null, suite = '') =>
    process.stdout.write(
      `  ${nom.padEnd(58)}${String(ctx.syncs).padStart(9)}${String(ctx.journal.length).padStart(11)}${`≤ ${budget}`.padStart(8)}${(requete === null ? '' : ko(requete)).padStart(13)}${ctx.syncs > budget ? '   DÉPASSÉ' : ''}${suite}${requete !== null && requete > CHARGE_EXCEL_WEB ? '   au-delà des 4,5 Mo permis sur Excel sur le web' : ''}\n`,
    );
  for (const o of modeles) {
    const m = await o.m();
    // range writes (Excel 2019, ExcelApi 1.8–1.12)
    const c = ClasseurMemoire.nouveau();
    const ctx = new ContexteMemoire(c, { api: '1.12' });
    await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v));
    ligne(
      `insertion par plages : ${o.nom}`,
      ctx,
      3,
      chargeEstimee((wb) => ecrireModele(wb, m, () => true, new Set(), undefined)),
    );
    // one file (ExcelApi 1.13): what the pane sends, and how long exceljs takes to make it
    let [base64, preparation] = ['', 0];
    const parFichier = new ContexteMemoire(ClasseurMemoire.nouveau());
    await insererClasseur(
      parFichier as unknown as Excel.RequestContext,
      m,
      (v) => parFichier.prend(v),
      async (x) => {
        const debut = performance.now();
        base64 = await classeurEnBase64(x);
        preparation = performance.now() - debut;
        return base64;
      },
    );
    ligne(`insertion par fichier : ${o.nom}`, parFichier, 3, base64.length, `   en ${preparation.toFixed(0)} ms`);
    if (o.nom.startsWith('exercice')) {
      const lecture = new ContexteMemoire(c);
      await lireClasseurOuvert(lecture as unknown as Excel.RequestContext, {}, (v) => lecture.prend(v));
      ligne(`vérification : lecture de l'${o.nom}`, lecture, 2, null);
    }
  }
}

/**
 * A class of `n` students inserted as the pane does on Excel on the web: in lots that each fit the
 * 4.5 MB a request may carry, each lot one insertion made from what the workbook holds. The baseline:
 * range writes (Excel without ExcelApi 1.13), each lot reading the workbook first; with 1.13 every
 * lot is a file, additions included, and each starts from what the lot before left.
 */
async function classeSurLeWeb(n: number): Promise<void> {
  const r = referentiel();
  const eleves = listeDeClasse(n);
  const options = { types: [...TYPES_GRILLE], etablissement: 'Lycée de mesure', annee: '2026-2027', date: DATE };
  const mesures: { lots: number; syncs: number; ms: number }[] = [];
  for (const [quoi, api, suivre] of [
    ['par plages, chaque lot relisant le classeur (référence)', '1.12', false],
    ['par fichiers, ajouts compris, sans relire le classeur', '1.13', true],
  ] as const) {
    const classeur = ClasseurMemoire.nouveau();
    let syncs = 0;
    const suivi: Suivi | undefined = suivre ? {} : undefined;
    const debut = performance.now();
    const res = await insererParLots(eleves, cleEleve, async (lot) => {
      const ctx = new ContexteMemoire(classeur, { api });
      try {
        return await insererClasseur(
          ctx as unknown as Excel.RequestContext,
          (o) => grillesPourLeClasseur(r, lot, options, o, true).classeur,
          (v) => ctx.prend(v),
          classeurEnBase64,
          CHARGE_EXCEL_WEB,
          suivi,
        );
      } finally {
        syncs += ctx.syncs;
      }
    });
    const ms = performance.now() - debut;
    mesures.push({ lots: res.lots, syncs, ms });
    process.stdout.write(
      `  ${`grilles, ${n} élèves, ${quoi}`.padEnd(78)}${String(syncs).padStart(9)}${accorder(res.lots, 'lot').padStart(11)}   ${res.feuilles.length} feuilles en ${(ms / 1000).toFixed(1)} s (Node, Excel simulé)\n`,
    );
  }
  const [plages, fichiers] = mesures as [(typeof mesures)[0], (typeof mesures)[0]];
  process.stdout.write(
    `  allers-retours par fichiers / par plages : ${fichiers.syncs} / ${plages.syncs} = ratio ${(fichiers.syncs / plages.syncs).toFixed(2)} ; ${n >= 500 ? `objectif ≤ 15 pour ${n} élèves : ${fichiers.syncs <= 15 ? 'atteint' : 'NON ATTEINT'}` : 'objectif fixé pour 500 élèves'}\n`,
  );
}

async function surLeWeb(): Promise<void> {
  process.stdout.write(`\nExcel sur le web : une classe insérée en plusieurs fois sous la limite de 4,5 Mo par requête\n`);
  process.stdout.write(`  ${'opération'.padEnd(78)}${'synchro.'.padStart(9)}${'insertions'.padStart(11)}\n`);
  for (const n of (process.env.AGORA_BENCH_WEB ?? '500').split(',').map(Number)) await classeSurLeWeb(n);
}

/** `--web`: only the class inserted on Excel on the web. */
async function principal(): Promise<void> {
  if (process.argv.includes('--web')) return surLeWeb();
  process.stdout.write(`\nBanc d'essai du volet (complément Excel)\n`);
  const dist = mkdtempSync(path.join(os.tmpdir(), 'agora-bench-volet-'));
  try {
    construireVolet(dist);
    const js = readFileSync(path.join(dist, 'taskpane.js'));
    const gz = gzipSync(js, { level: 9 }).length;
    const exceljs = js.includes('ExcelJS');
    process.stdout.write(
      `  taskpane.js : ${ko(js.length)}, ${ko(gz)} compressé (gzip) — budget ${BUDGET_KO} Ko : ratio ${(gz / 1024 / BUDGET_KO).toFixed(2)} ; exceljs ${exceljs ? 'PRÉSENT' : 'absent'} du volet\n`,
    );
    const paresseux = readFileSync(path.join(dist, 'exceljs.js'));
    process.stdout.write(`  exceljs.js (chargé à la première insertion par fichier ou lecture d'un classeur) : ${ko(paresseux.length)}, ${ko(gzipSync(paresseux, { level: 9 }).length)} compressé\n`);
    await interactif(dist);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  process.stdout.write(`\nAllers-retours vers Excel (contexte simulé, ExcelApi 1.13)\n`);
  await allersRetours();
  await surLeWeb();
}

principal().catch((e) => {
  process.stderr.write(`Erreur : ${(e as Error).message}\n`);
  process.exitCode = 1;
});
