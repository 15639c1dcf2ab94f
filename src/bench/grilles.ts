/**
 * `npm run bench`: time and memory of grid generation for a class of 500, with ratios against a
 * baseline run in the same process (the same number of sheets and cells written by exceljs as bare
 * values, without styles, names, validations or protection).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { referentiel } from '../referentiel';
import { grillesDeLaClasse, grillesParEleve } from '../app/grilles';
import { classeurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../sheets/grilles/gabarit';
import type { Eleve } from '../sheets/grilles/commun';
import type { Classeur } from '../sheets/model';

const N = Number(process.env.AGORA_BENCH_ELEVES ?? 500);
const eleves: Eleve[] = Array.from({ length: N }, (_, i) => ({ nom: `Nom${i + 1}`, prenom: `Prénom${i + 1}`, classe: 'Tle AGOrA' }));
const options: OptionsGrilles = { types: [...TYPES_GRILLE], etablissement: 'Lycée de mesure', annee: '2026-2027', date: '2026-11-23' };

interface Mesure {
  ms: number;
  tasMo: number; // heap growth at the end, MB
  rssMaxMo: number; // peak resident memory sampled during the run, MB
}

async function mesurer(f: () => Promise<void>): Promise<Mesure> {
  global.gc?.();
  const tas0 = process.memoryUsage().heapUsed;
  let rssMax = process.memoryUsage().rss;
  const sonde = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  await f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sonde);
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
  return { ms, tasMo: (process.memoryUsage().heapUsed - tas0) / 2 ** 20, rssMaxMo: rssMax / 2 ** 20 };
}

/** The same cells as the model, values only: what exceljs costs before anything we add. */
async function ecrireBrut(c: Classeur, fichier: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const f of c.feuilles) {
    const ws = wb.addWorksheet(f.nom);
    f.lignes.forEach((l, i) => {
      const row = ws.getRow(i + 1);
      l.cellules.forEach((cel, j) => {
        if (cel && cel.valeur !== null && typeof cel.valeur !== 'object') row.getCell(j + 1).value = cel.valeur;
      });
    });
  }
  await wb.xlsx.writeFile(fichier);
}

const fmt = (m: Mesure) => `${(m.ms / 1000).toFixed(2).padStart(7)} s   tas +${m.tasMo.toFixed(0).padStart(5)} Mo   RSS max ${m.rssMaxMo.toFixed(0).padStart(5)} Mo`;

async function principal(): Promise<void> {
  const d = mkdtempSync(path.join(os.tmpdir(), 'agora-bench-'));
  const r = referentiel();
  process.stdout.write(`Banc d'essai des grilles : ${N} élèves, ${TYPES_GRILLE.length} types (${TYPES_GRILLE.join(', ')}), Node ${process.version}\n\n`);
  let modele: Classeur | undefined;
  const mModele = await mesurer(async () => {
    modele = classeurGrilles(r, eleves, options, 'classe').classeur;
  });
  const feuilles = modele!.feuilles.length;
  const cellules = modele!.feuilles.reduce((n, f) => n + f.lignes.reduce((k, l) => k + l.cellules.filter(Boolean).length, 0), 0);
  const base = await mesurer(() => ecrireBrut(modele!, path.join(d, 'brut.xlsx')));
  modele = undefined; // let the baseline's model go before measuring the real runs
  const classe = await mesurer(async () => void (await grillesDeLaClasse(eleves, options, path.join(d, 'classe.xlsx'))));
  const parEleve = await mesurer(async () => void (await grillesParEleve(eleves, options, path.join(d, 'par-eleve'))));
  const taille = statSync(path.join(d, 'classe.xlsx')).size / 2 ** 20;
  process.stdout.write(`Classeur de classe : ${feuilles} feuilles, ${cellules} cellules, ${taille.toFixed(1)} Mo\n`);
  const ligne = (libelle: string, m: Mesure, suite = '') => process.stdout.write(`  ${libelle.padEnd(44)}${fmt(m)}${suite}\n`);
  ligne('modèle en mémoire (cœur pur)', mModele);
  ligne('référence : exceljs, valeurs seules', base);
  ligne('agora grilles --out (tout compris)', classe, `   ratio ${(classe.ms / base.ms).toFixed(2)} × la référence`);
  ligne(`agora grilles --par-eleve (${N} fichiers)`, parEleve, `   ratio ${(parEleve.ms / base.ms).toFixed(2)} × la référence, ${(parEleve.ms / N).toFixed(0)} ms par élève`);
  rmSync(d, { recursive: true, force: true });
}

principal().catch((e) => {
  process.stderr.write(`Erreur : ${(e as Error).message}\n`);
  process.exitCode = 1;
});
