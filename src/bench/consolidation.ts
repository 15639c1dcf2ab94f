/**
 * `npm run bench` (second part): consolidation of synthetic classes of 35, 1 000 and 3 000 students,
 * each with a grid workbook filled over five PFMP periods and the CCF, and a checked exercise copy.
 * Baseline, measured in the same run: exceljs merely loading the same files one after the other.
 * Each measure runs in its own child process, so that its peak resident memory is its own.
 */
import { lancerEnfant, mesurerEtEcrire, type MesureEnfant } from './enfant';
import { promises as fs, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { referentiel } from '../referentiel';
import { grillesParEleve } from '../cli/casDUsage';
import { ecrireExercice } from '../cli/casDUsage';
import { simulerCopie, simulerGrilles } from '../cli/casDUsage';
import { ecrireCopieAnnotee, verifierCopie } from '../cli/casDUsage';
import { consoliderClasseurs, releverFichier } from '../cli/casDUsage';
import { TYPES_GRILLE } from '../sheets/grilles/gabarit';
import { contexteReleve } from '../app/releverClasse';
import { choisirRemediation, resultatsDeLaClasse } from '../app/remediation';
import { portsNode } from '../io/portsNode';
import { cheminCle, cleOuNouvelle, lireCle } from '../io/cleEnseignant';
import { lireClasseur } from '../io/xlsx/lireClasseur';
import { sceller, type CleEnseignant } from '../domain/sceau';
import { champsSuivi, COLONNES_SUIVI, NOM_SUIVI, USAGE_SCEAU_SUIVI } from '../sheets/verification/suivi';
import { entreesZip } from '../io/xlsx/zip';
import { inflaterEntree } from '../io/xlsx/zipNode';
import type { ValeurLue } from '../sheets/exercices/lecture';
import type { Eleve } from '../sheets/eleve';

const TAILLES = (process.env.AGORA_BENCH_CLASSES ?? '35,1000,3000').split(',').map(Number);
const MODELES = 6; // distinct filled workbooks, copied under each student's name
const DATE = '2026-11-23';

interface Mesure extends MesureEnfant {
  eleves?: number;
  preuves?: number;
}

/** Child side: one measure, printed as JSON on stdout. */
type Mode = 'reference' | 'zlib' | 'lecture' | 'consolidation' | 'referenceClasse' | 'remediation';

async function mesurerEnfant(mode: Mode, liste: string): Promise<void> {
  const fichiers = (await fs.readFile(liste, 'utf8')).split('\n').filter(Boolean);
  await mesurerEtEcrire(async (): Promise<Partial<Mesure> | void> => {
    const classe = path.join(path.dirname(liste), `classe-${fichiers.length}.xlsx`);
    if (mode === 'referenceClasse') await new ExcelJS.Workbook().xlsx.readFile(classe);
    else if (mode === 'remediation') {
      // what `agora exercice --remediation` reads of the class workbook, and its choice for every student
      const p = portsNode();
      const r = resultatsDeLaClasse(await p.classeurs.lire(classe, await p.fichiers.lire(classe)), classe);
      const eleves = [...r.keys()].map((k) => ({ nom: k.slice(k.indexOf('\u0000') + 1), prenom: '', classe: k.slice(0, k.indexOf('\u0000')) }));
      return { eleves: choisirRemediation(r, eleves).filter((c) => c.exercices.length).length };
    } else if (mode === 'reference') {
      for (const f of fichiers) await new ExcelJS.Workbook().xlsx.readFile(f);
    } else if (mode === 'zlib') {
      // the floor of reading: every XML part of every file inflated by node:zlib, nothing parsed
      for (const f of fichiers) for (const [nom, e] of entreesZip(readFileSync(f))) if (/\.(xml|rels)$/.test(nom)) inflaterEntree(e);
    } else if (mode === 'lecture') {
      // reading alone: what consolidation keeps of each file, without writing the class workbook
      let n = 0;
      const ctx = contexteReleve(await lireCle(cheminCle()));
      for (const f of fichiers) n += (await releverFichier(f, ctx)).preuves.length;
      return { preuves: n };
    } else {
      const sortie = path.join(path.dirname(liste), `classe-${fichiers.length}.xlsx`);
      const cle = await lireCle(cheminCle());
      const res = await consoliderClasseurs(fichiers, { sortie, methode: 'recente', date: DATE, ...(cle ? { cle } : {}) });
      if (res.anomalies.length) throw new Error(`anomalies inattendues : ${res.anomalies[0]!.probleme}`);
      return { eleves: res.eleves, preuves: res.classe.preuves.nombre };
    }
  }, 10);
}

const lancer = (mode: Mode, liste: string) => lancerEnfant<Mesure>(__filename, [mode, liste]);

/** Replaces texts in every XML part (sheets, shared strings, `_agora`): a template student's name by another, and the seals that name. */
async function remplacer(modele: Buffer, remplacements: readonly (readonly [string, string])[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(modele);
  for (const [nom, entree] of Object.entries(zip.files)) {
    if (!nom.endsWith('.xml') || entree.dir) continue;
    const xml = await entree.async('string');
    const apres = remplacements.reduce((x, [ancien, nouveau]) => x.split(ancien).join(nouveau), xml);
    if (apres !== xml) zip.file(nom, apres);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The evidence rows of a checked copy sealed again for another student: a seal covers the student
 * it was made for, so a copy renamed without it would be refused by consolidation.
 */
const sceauxPour = (lignes: readonly { sceau: string; ligne: ValeurLue[] }[], cle: CleEnseignant, eleve: Eleve) =>
  lignes.map((l) => [l.sceau, sceller(cle, USAGE_SCEAU_SUIVI, champsSuivi(eleve, l.ligne))] as const);

interface Modele {
  nom: string;
  grilles: Buffer;
  copie: Buffer;
  /** the copy's evidence rows and their seals */
  suivi: { sceau: string; ligne: ValeurLue[] }[];
}

/** The template workbooks: a filled grid workbook and a checked TVA copy for each of MODELES students. */
async function modeles(d: string, cle: CleEnseignant): Promise<Modele[]> {
  const r = referentiel();
  const res: Modele[] = [];
  for (let k = 0; k < MODELES; k++) {
    const nom = `MODELENOM${String.fromCharCode(65 + k)}`;
    const eleve = { nom, prenom: 'Prénom', classe: 'Tle AGOrA' };
    const g = await grillesParEleve([eleve], { types: [...TYPES_GRILLE], etablissement: 'Lycée de mesure', annee: '2026-2027', date: DATE }, path.join(d, `g${k}`));
    const remplies = path.join(d, `remplies${k}.xlsx`);
    await simulerGrilles(g.fichiers[0]!.fichier, remplies, r, false);
    const exercice = path.join(d, `tva${k}.xlsx`);
    await ecrireExercice({ type: 'tva', graine: 100 + k, periode: '2026-10', date: DATE, cle }, eleve, exercice);
    const copie = path.join(d, `copie${k}.xlsx`);
    await simulerCopie(exercice, copie);
    const verifiee = path.join(d, `verifiee${k}.xlsx`);
    await ecrireCopieAnnotee(await verifierCopie(copie, { date: DATE, cle }), verifiee);
    const lignes = (await lireClasseur(verifiee)).lignesSous(NOM_SUIVI, COLONNES_SUIVI.length)?.valeurs ?? [];
    const suivi = lignes.map((ligne) => ({ sceau: String(ligne[COLONNES_SUIVI.indexOf('Sceau')]), ligne }));
    res.push({ nom, grilles: await fs.readFile(remplies), copie: await fs.readFile(verifiee), suivi });
  }
  return res;
}

async function principal(): Promise<void> {
  const d = mkdtempSync(path.join(os.tmpdir(), 'agora-bench-consolidation-'));
  const max = Math.max(...TAILLES);
  process.stdout.write(
    `\nBanc d'essai de la consolidation : classes de ${TAILLES.join(', ')} élèves, un classeur de grilles rempli (PFMP P1 à P5, attestation, CCF) et une copie de TVA vérifiée par élève\n`,
  );
  const t0 = Date.now();
  // the bench's own key: the children consolidate with it (AGORA_CLE)
  process.env.AGORA_CLE = path.join(d, 'cle-banc.txt');
  const { cle } = await cleOuNouvelle(process.env.AGORA_CLE);
  const m = await modeles(d, cle);
  const fichiers: string[] = [];
  await fs.mkdir(path.join(d, 'classe'));
  for (let i = 0; i < max; i++) {
    const x = m[i % m.length]!;
    const nom = `ELEVE${String(i + 1).padStart(4, '0')}`;
    const eleve = { nom, prenom: 'Prénom', classe: 'Tle AGOrA' };
    for (const [genre, octets, sceaux] of [
      ['grilles', x.grilles, []],
      ['tva', x.copie, sceauxPour(x.suivi, cle, eleve)],
    ] as const) {
      const f = path.join(d, 'classe', `${nom}-${genre}.xlsx`);
      await fs.writeFile(f, await remplacer(octets, [[x.nom, nom], ...sceaux]));
      fichiers.push(f);
    }
  }
  const taille = (await fs.stat(fichiers[0]!)).size / 1024;
  process.stdout.write(`${fichiers.length} classeurs préparés en ${((Date.now() - t0) / 1000).toFixed(0)} s (grilles : ${taille.toFixed(0)} Ko par classeur)\n\n`);
  process.stdout.write(
    `  ${'élèves'.padEnd(7)}${'fichiers'.padStart(9)}   ${'référence : exceljs charge'.padEnd(36)}${'lecture seule (relevés)'.padEnd(45)}${'agora consolider (tout compris)'.padEnd(45)}\n`,
  );
  let premiere: Mesure | undefined; // the smallest class: memory should stay flat from it
  for (const n of TAILLES) {
    const liste = path.join(d, `liste-${n}.txt`);
    await fs.writeFile(liste, fichiers.slice(0, 2 * n).join('\n'));
    const ref = await lancer('reference', liste);
    const zlib = await lancer('zlib', liste);
    const lecture = await lancer('lecture', liste);
    const c = await lancer('consolidation', liste);
    premiere ??= c;
    const fps = (x: Mesure) => ((2 * n) / (x.ms / 1000)).toFixed(0);
    const cellule = (x: Mesure) => `${(x.ms / 1000).toFixed(1).padStart(6)} s ${fps(x).padStart(4)} fichiers/s ${x.rssMaxMo.toFixed(0).padStart(5)} Mo`;
    const ratio = (x: Mesure) => `ratio ${(x.ms / ref.ms).toFixed(2)}`;
    process.stdout.write(
      `  ${String(n).padEnd(7)}${String(2 * n).padStart(9)}   ${cellule(ref).padEnd(36)}${`${cellule(lecture)}  ${ratio(lecture)}`.padEnd(45)}${cellule(c)}  ${ratio(c)}  ${c.preuves} pos.\n`,
    );
    const memoire = `mémoire / ${TAILLES[0]} élèves : ${(c.rssMaxMo / premiere.rssMaxMo).toFixed(2)} (objectif ≤ 1,2)`;
    if ((c.preuves ?? 0) < 60_000) {
      // the remediation reads the class workbook just written: against exceljs loading it
      const [refClasse, rem] = [await lancer('referenceClasse', liste), await lancer('remediation', liste)];
      process.stdout.write(
        `  ${''.padEnd(7)}${''.padStart(9)}   ${`exceljs charge la classe : ${(refClasse.ms / 1000).toFixed(2)} s`.padEnd(36)}${`remédiation (lecture, choix) : ${(rem.ms / 1000).toFixed(2)} s, ratio ${(rem.ms / refClasse.ms).toFixed(2)}, ${rem.eleves} élèves`.padEnd(45)}\n`,
      );
    }
    process.stdout.write(
      `  ${''.padEnd(7)}${''.padStart(9)}   ${`zlib seul : ${(zlib.ms / 1000).toFixed(2)} s`.padEnd(36)}${`lecture / zlib : ${(lecture.ms / zlib.ms).toFixed(2)}`.padEnd(45)}${memoire}\n`,
    );
  }
  process.stdout.write(`\n  (Mo : mémoire résidente maximale du processus de mesure ; pos. : positionnements lus et écrits dans « Détail »)\n`);
  if (process.env.AGORA_BENCH_GARDER) process.stdout.write(`  (fichiers gardés dans ${d})\n`);
  else rmSync(d, { recursive: true, force: true });
}

const i = process.argv.indexOf('--mesurer');
(i >= 0 ? mesurerEnfant(process.argv[i + 1] as Mode, process.argv[i + 2]!) : principal()).catch((e) => {
  process.stderr.write(`Erreur : ${(e as Error).message}\n`);
  process.exitCode = 1;
});
