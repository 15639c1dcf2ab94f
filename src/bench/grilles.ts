/**
 * `npm run bench`: time and memory of grid generation for classes of 24 and 500, with ratios against
 * a baseline measured in the same run (the same number of sheets and cells written by exceljs as
 * bare values, without styles, names, validations or protection). Each measure runs in its own
 * child process, so that its peak resident memory is its own.
 */
import { lancerEnfant, mesurerEtEcrire, type MesureEnfant } from './enfant';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referentiel } from '../referentiel';
import { grillesDeLaClasse, grillesParEleve } from '../cli/casDUsage';
import { classeurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../sheets/grilles/gabarit';
import type { Eleve } from '../sheets/grilles/commun';
import type { Classeur } from '../sheets/model';

const TAILLES = (process.env.AGORA_BENCH_ELEVES ?? '24,500').split(',').map(Number);
const eleves = (n: number): Eleve[] => Array.from({ length: n }, (_, i) => ({ nom: `Nom${i + 1}`, prenom: `Prénom${i + 1}`, classe: 'Tle AGOrA' }));
const options: OptionsGrilles = { types: [...TYPES_GRILLE], etablissement: 'Lycée de mesure', annee: '2026-2027', date: '2026-11-23' };

interface Mesure extends MesureEnfant {
  feuilles?: number;
  cellules?: number;
  octets?: number;
}

/** The same cells as the model, values only: what exceljs costs before anything we add (its loading too, as the CLI loads it when it first writes). */
async function ecrireBrut(c: Classeur, fichier: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
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

type Mode = 'modele' | 'reference' | 'classe' | 'par-eleve';

/** Child side: one measure in a fresh process (its peak memory is its own), printed as JSON. */
async function mesurerEnfant(mode: Mode, n: number, d: string): Promise<void> {
  const r = referentiel();
  const liste = eleves(n);
  // the baseline writes a model built beforehand, outside its time (its memory counts it, as ours does)
  const modele = mode === 'reference' ? classeurGrilles(r, liste, options, 'classe').classeur : undefined;
  await mesurerEtEcrire(async (): Promise<Partial<Mesure> | void> => {
    if (mode === 'modele') {
      const c = classeurGrilles(r, liste, options, 'classe').classeur;
      return { feuilles: c.feuilles.length, cellules: c.feuilles.reduce((k, f) => k + f.lignes.reduce((x, l) => x + l.cellules.filter(Boolean).length, 0), 0) };
    }
    if (mode === 'reference') return ecrireBrut(modele!, path.join(d, `brut-${n}.xlsx`));
    if (mode === 'classe') {
      const f = path.join(d, `classe-${n}.xlsx`);
      await grillesDeLaClasse(liste, options, f);
      return { octets: statSync(f).size };
    }
    await grillesParEleve(liste, options, path.join(d, `par-eleve-${n}`));
  }, 20);
}

const lancer = (mode: Mode, n: number, d: string) => lancerEnfant<Mesure>(__filename, [mode, String(n), d]);

const fmt = (m: Mesure) => `${(m.ms / 1000).toFixed(2).padStart(7)} s   RSS max ${m.rssMaxMo.toFixed(0).padStart(5)} Mo`;

async function principal(): Promise<void> {
  const d = mkdtempSync(path.join(os.tmpdir(), 'agora-bench-'));
  process.stdout.write(
    `Banc d'essai des grilles : classes de ${TAILLES.join(' et ')} élèves, ${TYPES_GRILLE.length} types (${TYPES_GRILLE.join(', ')}), Node ${process.version} ; chaque mesure dans son propre processus\n`,
  );
  for (const n of TAILLES) {
    const modele = await lancer('modele', n, d);
    const base = await lancer('reference', n, d);
    const classe = await lancer('classe', n, d);
    const parEleve = await lancer('par-eleve', n, d);
    process.stdout.write(`\n${n} élèves — classeur de classe : ${modele.feuilles} feuilles, ${modele.cellules} cellules, ${(classe.octets! / 2 ** 20).toFixed(1)} Mo\n`);
    const ligne = (libelle: string, m: Mesure, suite = '') => process.stdout.write(`  ${libelle.padEnd(44)}${fmt(m)}${suite}\n`);
    ligne('modèle en mémoire (cœur pur)', modele);
    ligne('référence : exceljs, valeurs seules', base);
    ligne('agora grilles --out (tout compris)', classe, `   ratio ${(classe.ms / base.ms).toFixed(2)} × la référence`);
    ligne(`agora grilles --par-eleve (${n} fichiers)`, parEleve, `   ratio ${(parEleve.ms / base.ms).toFixed(2)} × la référence, ${(parEleve.ms / n).toFixed(0)} ms par élève`);
  }
  process.stdout.write(`\n  (objectifs : 24 élèves sous 1,3 × la référence ; 500 élèves sous 2,5 × et 900 Mo)\n`);
  rmSync(d, { recursive: true, force: true });
}

const i = process.argv.indexOf('--mesurer');
(i >= 0 ? mesurerEnfant(process.argv[i + 1] as Mode, Number(process.argv[i + 2]), process.argv[i + 3]!) : principal()).catch((e) => {
  process.stderr.write(`Erreur : ${(e as Error).message}\n`);
  process.exitCode = 1;
});
