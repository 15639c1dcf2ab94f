import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { referentiel } from '../src/referentiel';
import { grillesParEleve } from '../src/cli/casDUsage';
import { lireListeEleves } from '../src/cli/casDUsage';
import { ecrireExercice, corrigerClasseur } from '../src/cli/casDUsage';
import { ecrireCopieAnnotee, verifierCopie } from '../src/cli/casDUsage';
import { consoliderClasseurs, releverFichier } from '../src/cli/casDUsage';
import { classeursNommes } from '../src/io/fichiers';
import { consoliderClasse, Consolidation } from '../src/consolidate/classe';
import { magasinEnMemoire } from '../src/consolidate/bandes';
import { magasinFichiers } from '../src/io/magasinFichiers';
import { classeurClasse, FEUILLES_CLASSE } from '../src/sheets/consolidation/classeurClasse';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { fragment } from '../src/sheets/grilles/commun';
import { TYPES_GRILLE, typesParDefaut } from '../src/sheets/grilles/gabarit';
import type { Eleve } from '../src/sheets/eleve';
import type { Attendus } from '../src/sheets/exercices/commun';
import { dossierTemporaire, lancer } from './aides/cli';
import { cleDesTests } from './aides/cle';
import { contexteReleve } from '../src/app/releverClasse';
import { renommerFeuille } from './aides/modifierCopie';
import { convertirAvecLibreOffice } from './aides/libreoffice';

jest.setTimeout(240_000);

const DATE = '2026-11-23';
const r = referentiel();
const OPTIONS = { types: [...TYPES_GRILLE], etablissement: 'LP de test', annee: '2026-2027', date: DATE };
const DUPONT: Eleve = { nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' };
const MARTIN_A: Eleve = { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' };
const MARTIN_B: Eleve = { nom: 'Martin', prenom: 'Léa', classe: 'Tle B' };
const bloc1 = r.blocs[0]!.activites.flatMap((a) => a.competences.map((c) => c.code));

/** One student's grid workbook, filled by name as a teacher would; returns its path. */
async function grilles(dossier: string, e: Eleve, valeurs: Attendus, nom: string): Promise<string> {
  const tmp = dossierTemporaire('agora-grille-');
  const res = await grillesParEleve([e], OPTIONS, tmp);
  const f = path.join(dossier, nom);
  await fs.writeFile(f, await remplirClasseur(res.fichiers[0]!.fichier, valeurs));
  return f;
}

const periodes = (semaines: number[]) =>
  [
    ['2025-01-13', '2025-02-07'],
    ['2025-05-19', '2025-06-13'],
    ['2025-11-17', '2025-12-12'],
    ['2026-03-02', '2026-04-03'],
    ['2026-05-18', '2026-06-12'],
  ]
    .slice(0, semaines.length)
    .map(([du, au], k) => [`P${k + 1}`, du!, au!, 'Organisation', 'Tuteur', 'Activités', semaines[k]!, 'Oui']);

/** Dupont: 1.1.1 at 1, 2, NE, 4 over P1–P4 then S (degree 3) at the E31 CCF; six TS and six S in E31. */
const valeursDupont = (): Attendus => ({
  PFMP_Periodes: periodes([4, 4, 4, 5]),
  [`PFMP1_C${fragment('1.1.1')}`]: [1, 2, 'NE', 4, null, null],
  [`PFMP1_C${fragment('1.1.2')}`]: [null, 3, null, null, null, null],
  E31_Date: '2026-10-15',
  ...Object.fromEntries(bloc1.map((c, i) => [`E31_C${fragment(c)}`, c === '1.1.1' || i >= 7 ? 'S' : 'TS'])),
});

let classe: string;
let fichiersClasse: string[];

beforeAll(async () => {
  classe = dossierTemporaire('agora-classe-');
  await fs.mkdir(path.join(classe, 'M. Durand'));
  fichiersClasse = [
    await grilles(classe, DUPONT, valeursDupont(), 'DUPONT_Jean.xlsx'),
    await grilles(path.join(classe, 'M. Durand'), MARTIN_A, { PFMP_Periodes: periodes([4, 4, 4, 5, 5]), [`PFMP2_C${fragment('2.2.4')}`]: [null, null, 2, null, 4, null] }, 'MARTIN_Lea_A.xlsx'),
    await grilles(classe, MARTIN_B, { PFMP_Periodes: periodes([4, 3]), E2_Date: ['2026-10-08', '2026-11-19'], [`E2_C${fragment('2.2.4')}`]: ['TI', 'I'] }, 'MARTIN_Lea_B.xlsx'),
  ];
  // Dupont's TVA copy, all answers right, checked on DATE: 2.2.4 at degree 4 in « Suivi des compétences ».
  const tmp = dossierTemporaire('agora-tva-');
  const exercice = path.join(tmp, 'tva.xlsx');
  await ecrireExercice({ type: 'tva', graine: 12, periode: '2026-10', date: DATE, cle: cleDesTests() }, DUPONT, exercice);
  const copie = path.join(tmp, 'copie.xlsx');
  await fs.writeFile(copie, await remplirClasseur(exercice, (await corrigerClasseur(exercice)).reponses));
  const verifiee = path.join(classe, 'DUPONT_Jean_tva.xlsx');
  await ecrireCopieAnnotee(await verifierCopie(copie, { date: DATE, cle: cleDesTests() }), verifiee);
  fichiersClasse.push(verifiee);
});

const releves = () => Promise.all(fichiersClasse.map((f) => releverFichier(f, contexteReleve(cleDesTests()))));

test("les classeurs d'un dossier et de ses sous-dossiers, sans les fichiers de verrou ni la sortie", async () => {
  await fs.writeFile(path.join(classe, '~$DUPONT_Jean.xlsx'), 'verrou');
  const trouves = await classeursNommes([classe], [path.join(classe, 'classe.xlsx')]);
  expect(trouves.map((f) => path.relative(classe, f)).sort()).toEqual(['DUPONT_Jean.xlsx', 'DUPONT_Jean_tva.xlsx', 'M. Durand/MARTIN_Lea_A.xlsx', 'MARTIN_Lea_B.xlsx']);
  await fs.rm(path.join(classe, '~$DUPONT_Jean.xlsx'));
});

test('petite classe faite à la main : agrégats exacts pour chaque méthode', async () => {
  const lus = await releves();
  expect(lus.every((x) => x.lu && x.anomalies.length === 0)).toBe(true);
  const attendu = { derniere: [3, 3], moyenne: [2.5, 3], recente: [3, 3], meilleure: [4, 4] } as const;
  for (const [m, [valeur, degre]] of Object.entries(attendu)) {
    const c = consoliderClasse(lus, r, m as keyof typeof attendu);
    expect(c.eleves.map((e) => `${e.nom} ${e.prenom} (${e.classe})`)).toEqual(['Dupont Jean (Tle A)', 'Martin Léa (Tle A)', 'Martin Léa (Tle B)']);
    const dupont = c.eleves[0]!;
    expect(dupont.competences['1.1.1']).toEqual({ valeur, degre, positionnements: 4 });
    // 2.2.4 de Dupont : l'exercice vérifié (degré 4) ; de Martin (Tle A) : 2 en P3 puis 4 en P5
    expect(dupont.competences['2.2.4']).toEqual({ valeur: 4, degre: 4, positionnements: 1 });
    const martinA = c.eleves[1]!.competences['2.2.4']!;
    expect([martinA.valeur, martinA.degre]).toEqual({ derniere: [4, 4], moyenne: [3, 3], recente: [10 / 3, 3], meilleure: [4, 4] }[m as keyof typeof attendu]);
  }
  const c = consoliderClasse(lus, r, 'recente');
  const dupont = c.eleves[0]!;
  // « Feuille de calcul »: Dupont's TVA copy holds typed values only (0 % of its calculations by formulas); the grids give none
  expect(c.eleves.map((e) => e.tableur)).toEqual([0, null, null]);
  // E31 : six TS (1) et six S (2/3) → 20 × 10 / 12 = 16,67, arrondi au demi-point : 16,5
  expect(dupont.notes.E31).toEqual({ note: 16.5, positionnees: 12, competences: 12, vide: false, fichier: fichiersClasse[0] });
  // E2 de Martin (Tle B) : situation 1 TI (0), situation 2 I (1/3), une seule compétence positionnée → (0 + 20/3) / 2 = 3,33 → 3,5
  expect(c.eleves[2]!.notes.E2).toMatchObject({ note: 3.5, positionnees: 1 });
  expect(dupont.semaines).toEqual({ cycle: '3 ans', periodes: [4, 4, 4, 5, null, null], total: 17, requis: 22, manque: 5 });
  expect(c.eleves[1]!.semaines).toMatchObject({ total: 22, manque: 0 });
  // 1.1.1 : 3 ; 1.1.2 : P2 = 3 puis TS → 4 ; cinq TS → 4 ; cinq S → 3
  expect(dupont.blocs[0]).toEqual({ code: '1', evaluees: 12, total: 12, moyenne: (3 + 4 + 4 * 5 + 3 * 5) / 12 });
  const p111 = [...c.preuves].filter((p) => p.eleveId === dupont.id && p.competence === '1.1.1');
  expect(p111.map((p) => `${p.libelle}=${p.niveauLu}@${p.date}`)).toEqual(['PFMP P1=1@2025-02-07', 'PFMP P2=2@2025-06-13', 'PFMP P3=NE@2025-12-12', 'PFMP P4=4@2026-04-03', 'CCF E31=S@2026-10-15']);
  expect(p111[0]!.source).toEqual({ fichier: fichiersClasse[0], feuille: 'PFMP pôle 1', cellule: expect.stringMatching(/^E\d+$/) });
  const couverture = c.couverture.find((x) => x.code === '1.1.1')!;
  expect(couverture).toMatchObject({ evalues: 1, degres: [0, 0, 1, 0], positionnements: 4 });
  expect(c.couverture.find((x) => x.code === '3.1.1')).toMatchObject({ evalues: 0, positionnements: 0 });
});

test("sur disque (tri externe en séries de 7 positionnements, lus 64 octets à la fois), la consolidation donne la même classe qu'en mémoire, puis efface ses fichiers", async () => {
  const lus = await releves();
  const enMemoire = consoliderClasse(lus, r, 'recente');
  const avant = new Set(readdirSync(os.tmpdir()).filter((f) => f.startsWith('agora-consolidation-')));
  const magasin = magasinFichiers(64, 7);
  const k = new Consolidation(r, 'recente', magasin);
  for (const x of [...lus].reverse()) k.ajouter(x);
  const surDisque = k.terminer();
  const dossiers = readdirSync(os.tmpdir()).filter((f) => f.startsWith('agora-consolidation-') && !avant.has(f));
  expect(dossiers).toHaveLength(1);
  // 7 per run: the evidence went to disk as several sorted runs, merged
  expect(readdirSync(path.join(os.tmpdir(), dossiers[0]!)).length).toBeGreaterThan(3);
  expect(surDisque.preuves.nombre).toBe(enMemoire.preuves.nombre);
  expect(surDisque.preuves.nombre).toBe(22); // four runs of 7 or fewer
  expect(surDisque.preuves.retenues).toBe([...enMemoire.preuves].filter((p) => p.retenue).length);
  expect([...surDisque.preuves]).toEqual([...enMemoire.preuves]);
  expect(JSON.stringify(classeurClasse(r, surDisque, { date: DATE }))).toBe(JSON.stringify(classeurClasse(r, enMemoire, { date: DATE })));
  magasin.fermer();
  expect(existsSync(path.join(os.tmpdir(), dossiers[0]!))).toBe(false);
  expect(() => [...surDisque.preuves]).toThrow('Bande de consolidation déjà effacée.');
});

test("les mêmes fichiers dans n'importe quel ordre donnent le même classeur de classe", async () => {
  const lus = await releves();
  const modele = (x: typeof lus) => JSON.stringify(classeurClasse(r, consoliderClasse(x, r, 'recente'), { date: DATE }));
  const reference = modele(lus);
  expect(modele([...lus].reverse())).toBe(reference);
  expect(modele([lus[2]!, lus[0]!, lus[3]!, lus[1]!])).toBe(reference);
});

test('feuilles renommées : les grilles sont retrouvées par leurs noms définis', async () => {
  const d = dossierTemporaire('agora-renomme-');
  const f = path.join(d, 'renomme.xlsx');
  await renommerFeuille(fichiersClasse[0]!, f, 'PFMP pôle 1', 'Mon suivi PFMP');
  const x = await releverFichier(f);
  expect(x.anomalies).toEqual([]);
  const p = x.preuves.filter((q) => q.competence === '1.1.1' && q.nature === 'PFMP');
  expect(p.map((q) => q.source.feuille)).toEqual(['Mon suivi PFMP', 'Mon suivi PFMP', 'Mon suivi PFMP', 'Mon suivi PFMP']);
});

/** The values of a sheet of the written class workbook, row by row. */
async function feuille(fichier: string, nom: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const ws = wb.getWorksheet(nom)!;
  const lignes: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => lignes.push((row.values as unknown[]).slice(1)));
  return lignes;
}

test('classeur de la classe écrit : Synthèse, Détail (tableau Excel), PFMP, Notes CCF ; le livret en CSV', async () => {
  const d = dossierTemporaire('agora-sortie-');
  const sortie = path.join(d, 'classe.xlsx');
  const lsl = path.join(d, 'livret.csv');
  const avant = fichiersClasse.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
  const suivis: number[] = [];
  const res = await consoliderClasseurs(fichiersClasse, { sortie, lsl, methode: 'moyenne', date: DATE, cle: cleDesTests(), progression: (p) => suivis.push(p.fait) });
  expect(suivis).toEqual([1, 2, 3, 4]);
  expect(fichiersClasse.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))).toEqual(avant);
  expect(res).toMatchObject({ fichiers: 4, eleves: 3, competences: 37, anomalies: [] });
  expect((await fs.readdir(d)).sort()).toEqual(['classe.xlsx', 'livret.csv']); // no temporary file left

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  expect(wb.worksheets.map((w) => w.name)).toEqual([...Object.values(FEUILLES_CLASSE), '_agora']);
  // the students' list behind the drop-down of « Profil »: the last column of « Synthèse », hidden
  const ws = wb.getWorksheet(FEUILLES_CLASSE.synthese)!;
  expect([ws.getColumn(ws.columnCount).hidden, ws.getColumn(ws.columnCount - 1).hidden]).toEqual([true, false]);
  expect(ws.getCell(5, ws.columnCount).value).toBe('Élèves (liste de choix de « Profil »)');
  expect(ws.getCell(6, ws.columnCount).value).toBe('DUPONT Jean (Tle A)');
  // the title in the two columns printed on every page (class, student), never cut on the pages to the right
  expect([ws.getCell('A1').value, ws.getCell('A1').isMerged, ws.getCell('B1').master.address]).toEqual(['Synthèse des compétences de la classe', true, 'A1']);
  // « Détail » prints its heading only (a class's thousands of rows are for the screen), with a word on how to print it all
  // (absolute rows: exceljs alone writes « $A1:$M4 », a relative area that LibreOffice ignores)
  const classeur = await (await JSZip.loadAsync(await fs.readFile(sortie))).file('xl/workbook.xml')!.async('string');
  expect(classeur).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;Détail&apos;!$A$1:$O$4</definedName>');
  expect(wb.getWorksheet('_agora')!.state).toBe('veryHidden');
  const synthese = await feuille(sortie, FEUILLES_CLASSE.synthese);
  const entete = synthese.find((l) => l[0] === 'Classe')!;
  const dupont = synthese.find((l) => l[1] === 'DUPONT Jean')!;
  // each column is headed by its compétence, code and label (printed bottom to top)
  const colonne = (code: string) => entete.findIndex((x) => typeof x === 'string' && x.startsWith(`${code} `));
  expect(entete[colonne('2.2.1')]).toBe('2.2.1 Établir un état de rapprochement');
  expect(dupont[colonne('1.1.1')]).toBe(2.5);
  expect(dupont[colonne('2.2.4')]).toBe(4);
  expect(dupont[colonne('3.1.1')]).toBeUndefined(); // non évaluée : cellule vide
  expect(entete.filter((x) => typeof x === 'string' && /^\d\.\d\.\d /.test(x))).toHaveLength(37);
  const impression = wb.getWorksheet(FEUILLES_CLASSE.synthese)!.pageSetup;
  expect([impression.fitToPage, impression.scale, impression.printTitlesColumn]).toEqual([false, 80, 'A:B']);
  const detail = wb.getWorksheet(FEUILLES_CLASSE.detail)!;
  const table = (detail as unknown as { getTables(): [{ table: { name: string; columns: { name: string }[]; rows: unknown[] } }] }).getTables()[0]!.table;
  expect(table.name).toBe('Detail');
  expect(table.columns.map((c) => c.name)).toEqual([
    'Classe',
    'Élève',
    'Bloc',
    'Compétence',
    'Date',
    'Nature',
    'Positionnement',
    'Niveau saisi',
    'Degré',
    'Retenu',
    'Fichier',
    'Feuille',
    'Cellule',
    'Feuille de calcul',
    'Réussite',
  ]);
  const lignesDetail = (await feuille(sortie, FEUILLES_CLASSE.detail)).filter((l) => l[1] === 'DUPONT Jean' && l[3] === '1.1.1');
  expect(lignesDetail.map((l) => [l[6], l[7], l[8]])).toEqual([
    ['PFMP P1', '1', 1],
    ['PFMP P2', '2', 2],
    ['PFMP P3', 'NE', 'NE'],
    ['PFMP P4', '4', 4],
    ['CCF E31', 'S', 3],
  ]);
  const pfmp = await feuille(sortie, FEUILLES_CLASSE.pfmp);
  expect(pfmp.find((l) => l[1] === 'DUPONT Jean')!.slice(2)).toEqual(['3 ans', 4, 4, 4, 5, undefined, undefined, 17, 22, 5, 'Il manque 5 semaines']);
  expect(pfmp.find((l) => l[1] === 'MARTIN Léa' && l[0] === 'Tle A')!.at(-1)).toBe('Durée atteinte');
  const notes = await feuille(sortie, FEUILLES_CLASSE.notes);
  expect(notes.find((l) => l[1] === 'DUPONT Jean')!.slice(2, 4)).toEqual([16.5, '12 / 12 positionnées']);
  // MARTIN Léa (Tle A) has her E31 grid, left empty: « grille vide », not « pas de grille »
  expect(notes.find((l) => l[1] === 'MARTIN Léa' && l[0] === 'Tle A')!.slice(2, 4)).toEqual([undefined, 'Grille vide (0 / 12)']);
  // MARTIN Léa (Tle B) has an E2 grid: the E2 columns are there; without any, « Notes CCF » has none
  expect(notes.find((l) => l[0] === 'Classe')).toEqual(['Classe', 'Élève', 'E31 : note', 'E31 : compétences', 'E32 : note', 'E32 : compétences', 'E2 : note', 'E2 : compétences']);
  const sansE2 = path.join(d, 'sans-e2.xlsx');
  const grillesSansE2 = await grillesParEleve([DUPONT], { ...OPTIONS, types: typesParDefaut(r) }, dossierTemporaire('agora-sans-e2-'));
  await consoliderClasseurs([grillesSansE2.fichiers[0]!.fichier], { sortie: sansE2, methode: 'recente', date: DATE, cle: cleDesTests() });
  expect((await feuille(sansE2, FEUILLES_CLASSE.notes)).find((l) => l[0] === 'Classe')).toEqual(['Classe', 'Élève', 'E31 : note', 'E31 : compétences', 'E32 : note', 'E32 : compétences']);

  const csv = readFileSync(lsl);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lignes = csv.toString('utf8').slice(1).split('\r\n');
  expect(lignes[0]).toBe('Année scolaire;Classe;Nom;Prénom;INE;Semaines de PFMP;Bloc;Code;Compétence;Degré;Libellé du degré;Positionnements');
  expect(lignes).toHaveLength(1 + 3 * 37 + 1);
  // DATE is in November 2026: school year 2026-2027; no INE in this list; the 17 weeks of Dupont's attestation
  expect(lignes).toContain('2026-2027;Tle A;Dupont;Jean;;17;1;1.1.1;Identifier les caractéristiques de la demande;3;Maîtrisé;4');
  expect(lignes).toContain(`2026-2027;Tle A;Dupont;Jean;;17;3;3.1.1;${r.blocs[2]!.activites[0]!.competences[0]!.libelle};;Non évalué;0`);
});

test("le CSV du livret s'ouvre dans LibreOffice avec les accents (UTF-8 reconnu par son BOM)", async () => {
  const d = dossierTemporaire('agora-lsl-');
  const lsl = path.join(d, 'livret.csv');
  await consoliderClasseurs(fichiersClasse.slice(0, 1), { sortie: path.join(d, 'c.xlsx'), lsl, methode: 'recente', date: DATE });
  const { spawnSync } = await import('node:child_process');
  const profil = dossierTemporaire('agora-lo-profil-');
  const sortie = dossierTemporaire('agora-lo-csv-');
  const x = spawnSync('soffice', [`-env:UserInstallation=file://${profil}`, '--headless', '--infilter=CSV:59,34', '--convert-to', 'xlsx', '--outdir', sortie, lsl], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(x.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(sortie, 'livret.xlsx'));
  const ws = wb.worksheets[0]!;
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Année scolaire',
    'Classe',
    'Nom',
    'Prénom',
    'INE',
    'Semaines de PFMP',
    'Bloc',
    'Code',
    'Compétence',
    'Degré',
    'Libellé du degré',
    'Positionnements',
  ]);
  expect((ws.getRow(2).values as unknown[]).slice(1, 12)).toEqual(['2026-2027', 'Tle A', 'Dupont', 'Jean', undefined, 17, 1, '1.1.1', 'Identifier les caractéristiques de la demande', 3, 'Maîtrisé']);
});

test("le classeur de la classe s'ouvre dans LibreOffice (tableaux, mises en forme) ; « Profil » reprend de « Synthèse » les niveaux de l'élève choisi, vide où rien n'est évalué", async () => {
  const d = dossierTemporaire('agora-lo-classe-');
  const sortie = path.join(d, 'classe.xlsx');
  await consoliderClasseurs(fichiersClasse, { sortie, methode: 'recente', date: DATE, cle: cleDesTests() });
  const pdf = convertirAvecLibreOffice(sortie, 'pdf');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  // the list's default student, then another one chosen in B4 as a coordinator would
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  const ws = wb.getWorksheet(FEUILLES_CLASSE.profil)!;
  expect(ws.getCell('B4').value).toBe('DUPONT Jean (Tle A)');
  expect(ws.getCell('B4').dataValidation).toMatchObject({ type: 'list', formulae: ['Classe_ListeEleves'] });
  ws.getCell('B4').value = 'MARTIN Léa (Tle B)';
  const autre = path.join(d, 'classe-martin.xlsx');
  await wb.xlsx.writeFile(autre);
  // a formula's cached result; LibreOffice caches an empty text as <v></v>, which exceljs reads as no result
  const resultat = (v: unknown) => (v !== null && typeof v === 'object' && 'formula' in v ? ((v as { result?: unknown }).result ?? '') : v);
  for (const [fichier, eleve, classe] of [
    [sortie, 'DUPONT Jean', 'Tle A'],
    [autre, 'MARTIN Léa', 'Tle B'],
  ] as const) {
    const recalcule = convertirAvecLibreOffice(fichier, 'xlsx', dossierTemporaire('agora-lo-profil-'));
    const synthese = await feuille(recalcule, FEUILLES_CLASSE.synthese);
    const entete = synthese.find((l) => l[0] === 'Classe')!;
    const ligne = synthese.find((l) => l[1] === eleve && l[0] === classe)!;
    const profil = (await feuille(recalcule, FEUILLES_CLASSE.profil)).filter((l) => typeof l[1] === 'string' && /^\d\.\d\.\d$/.test(l[1]));
    expect(profil).toHaveLength(37);
    const lus = profil.map((l) => [l[1], resultat(l[3]) ?? '']);
    expect(lus).toEqual(profil.map((l) => [l[1], ligne[entete.findIndex((x) => typeof x === 'string' && x.startsWith(`${l[1]} `))] ?? '']));
    expect(lus.filter(([, v]) => typeof v === 'number').length).toBeGreaterThan(0);
    expect(lus.filter(([, v]) => v === '').length).toBeGreaterThan(0); // not evaluated: empty, never 0
  }
});

/** Sets `_agora` cells (key/value rows or a column of the sheets table) and saves elsewhere. */
async function modifierAgora(source: string, sortie: string, f: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  f(wb.getWorksheet('_agora')!);
  await wb.xlsx.writeFile(sortie);
}

test("mauvaises entrées : chaque problème devient une ligne d'« Anomalies », le reste est consolidé", async () => {
  const d = dossierTemporaire('agora-mauvais-');
  const bon = path.join(d, 'bon.xlsx');
  await fs.copyFile(fichiersClasse[0]!, bon);
  await fs.writeFile(path.join(d, 'corrompu.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  await fs.writeFile(path.join(d, 'vide.xlsx'), '');
  const docx = new JSZip();
  docx.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  docx.file('word/document.xml', '<w:document/>');
  await fs.writeFile(path.join(d, 'lettre.xlsx'), await docx.generateAsync({ type: 'nodebuffer' }));
  await fs.writeFile(path.join(d, 'chiffre.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  const etranger = new ExcelJS.Workbook();
  etranger.addWorksheet('Notes').getCell('A1').value = 'Notes du trimestre';
  await etranger.xlsx.writeFile(path.join(d, 'etranger.xlsx'));
  await modifierAgora(fichiersClasse[0]!, path.join(d, 'referentiel-inconnu.xlsx'), (ws) =>
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'referentiel') row.getCell(2).value = '2099-01-01';
    }),
  );
  await modifierAgora(fichiersClasse[1]!, path.join(d, 'version-future.xlsx'), (ws) =>
    ws.eachRow((row) => {
      if (typeof row.getCell(2).value === 'string' && String(row.getCell(2).value).startsWith('grille-pfmp')) row.getCell(3).value = '9.0.0';
    }),
  );
  // same student as « bon.xlsx », another teacher, disagreeing on P2 for 1.1.1 and on P4's weeks
  await grilles(
    d,
    { nom: 'DUPONT', prenom: 'jean', classe: 'TLE A' },
    { PFMP_Periodes: periodes([4, 4, 4, 3]), [`PFMP1_C${fragment('1.1.1')}`]: [1, 3, null, null, null, null] },
    'autre-enseignant.xlsx',
  );
  await grilles(d, { nom: 'Petit', prenom: 'Zoé', classe: 'Tle A' }, { [`PFMP1_C${fragment('1.1.2')}`]: ['A+', 'acquis', 3, null, null, null] }, 'hors-echelle.xlsx');
  await grilles(d, { nom: '=HYPERLINK("http://exemple.invalid","clic")', prenom: 'Eve', classe: 'Tle A' }, { [`PFMP1_C${fragment('1.1.2')}`]: [2, null, null, null, null, null] }, 'formule.xlsx');
  await grilles(d, { nom: 'Martin', prenom: 'Léa', classe: '' }, { [`PFMP1_C${fragment('1.1.2')}`]: [2, null, null, null, null, null] }, 'sans-classe.xlsx');
  await fs.copyFile(fichiersClasse[1]!, path.join(d, 'martin-a.xlsx'));
  await fs.copyFile(fichiersClasse[2]!, path.join(d, 'martin-b.xlsx'));

  const sortie = path.join(d, 'sortie', 'classe.xlsx');
  await fs.mkdir(path.dirname(sortie));
  const fichiers = await classeursNommes([d]);
  const res = await consoliderClasseurs(fichiers, { sortie, methode: 'recente', date: DATE, cle: cleDesTests(), magasin: magasinEnMemoire() });
  const probleme = (nom: string) => res.anomalies.filter((a) => path.basename(a.fichier) === nom).map((a) => a.probleme);
  expect(probleme('corrompu.xlsx')).toEqual([expect.stringMatching(/endommagé ou illisible/)]);
  expect(probleme('vide.xlsx')).toEqual([expect.stringMatching(/n'est pas un classeur Excel/)]);
  expect(probleme('lettre.xlsx')).toEqual([expect.stringMatching(/n'est pas un classeur Excel : aucune feuille \(document Word/)]);
  expect(probleme('chiffre.xlsx')).toEqual([expect.stringMatching(/protégé par un mot de passe/)]);
  expect(probleme('etranger.xlsx')).toEqual([expect.stringMatching(/n'a pas été créé par AGOrA pour Excel/)]);
  expect(probleme('referentiel-inconnu.xlsx')).toEqual([expect.stringMatching(/Référentiel « 2099-01-01 », inconnu/)]);
  expect(probleme('version-future.xlsx')).toEqual(Array(3).fill(expect.stringMatching(/version plus récente du modèle « grille-pfmp-pole\d » \(9\.0\.0/)));
  expect(probleme('hors-echelle.xlsx')).toEqual([expect.stringMatching(/Niveau « A\+ » hors de l'échelle/), expect.stringMatching(/Niveau « acquis » hors de l'échelle/)]);
  expect(probleme('formule.xlsx')).toEqual([expect.stringMatching(/commence comme une formule/)]);
  expect(probleme('sans-classe.xlsx')).toEqual([expect.stringMatching(/n'a pas de classe et plusieurs élèves portent ce nom \(Tle A, Tle B\)/)]);
  const conflits = res.anomalies.filter((a) => /contradictoires/.test(a.probleme)).map((a) => a.probleme);
  expect(conflits).toEqual([
    expect.stringMatching(/Positionnements contradictoires de .* en 1\.1\.1, PFMP P2 : 3 dans .*autre-enseignant.*, 2 dans .*bon/),
    expect.stringMatching(/Semaines de PFMP contradictoires pour .*période P4 : 3 dans .*autre-enseignant.xlsx.*, 5 dans .*bon.xlsx/),
  ]);

  // the good files are consolidated: Dupont from two files, Martin twice, Petit, the « formula » student
  expect(res.eleves).toBe(5);
  const c = res.classe;
  const dupont = c.eleves.find((e) => e.nom.toUpperCase() === 'DUPONT')!;
  expect(dupont.semaines!.periodes).toEqual([4, 4, 4, null, null, null]); // P4 left out
  // 1.1.1: P1 = 1 in both files (counted once), P2 contradictory (left out), P4 = 4, CCF S → 1, 4, 3
  expect(dupont.competences['1.1.1']).toMatchObject({ positionnements: 3 });
  expect([...c.preuves].filter((p) => p.eleveId === dupont.id && p.competence === '1.1.1' && !p.retenue).map((p) => p.motif)).toEqual([
    expect.stringMatching(/^Doublon de/),
    'Contradictoire : non retenu',
    'Contradictoire : non retenu',
  ]);
  expect(c.eleves.find((e) => e.nom === 'Petit')!.competences['1.1.2']).toEqual({ valeur: 3, degre: 3, positionnements: 1 });

  // nothing from a file is ever written as a formula: the only formulas are « Profil »'s look-ups, one per compétence
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  const formules: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formules.push(`${ws.name}!${cell.formula}`))));
  expect(formules).toHaveLength(37);
  expect(formules.every((f) => f.startsWith(`${FEUILLES_CLASSE.profil}!IFERROR(IF(INDEX('${FEUILLES_CLASSE.synthese}'!`))).toBe(true);
  const synthese = await feuille(sortie, FEUILLES_CLASSE.synthese);
  expect(synthese.some((l) => l[1] === '=HYPERLINK("HTTP://EXEMPLE.INVALID","CLIC") Eve')).toBe(true);
  const anomalies = await feuille(sortie, FEUILLES_CLASSE.anomalies);
  expect(anomalies.filter((l) => typeof l[0] === 'string' && l[0].startsWith(d))).toHaveLength(res.anomalies.length);
});

test('agora consolider : contrat JSON, options refusées, dossier de sortie absent', async () => {
  const d = dossierTemporaire('agora-cli-consolider-');
  const sortie = path.join(d, 'classe.xlsx');
  const ok = await lancer(['consolider', classe, '--out', sortie, '--methode', 'meilleure', '--json']);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.out)).toEqual({ fichiers: 4, eleves: 3, competences: 37, anomalies: [] });
  const texte = await lancer(['consolider', ...fichiersClasse.slice(0, 2), '--out', sortie, '--remplacer', '--lsl', path.join(d, 'l.csv')]);
  expect(texte.out).toMatch(/2 classeurs lus, 2 élèves, 37 compétences — méthode : moyenne pondérée par la récence/);
  expect((await lancer(['consolider', classe, '--out', sortie, '--methode', 'mediane'])).err).toMatch(/--methode attend derniere, moyenne, recente, meilleure : « mediane »/);
  expect((await lancer(['consolider', classe])).code).toBe(2);
  expect((await lancer(['consolider', d + '/rien', '--out', sortie])).code).toBe(1); // a missing folder is a file error
  const absent = await lancer(['consolider', classe, '--out', path.join(d, 'absent', 'classe.xlsx')]);
  expect(absent).toMatchObject({ code: 1, err: expect.stringMatching(/Le dossier « .*absent » n'existe pas/) });
});

test("l'INE de la liste de classe (export Pronote) suit l'élève : `_agora` des grilles, « Synthèse » et livret", async () => {
  const d = dossierTemporaire('agora-ine-');
  const liste = path.join(d, 'export.csv');
  await fs.writeFile(liste, 'Élève;Né(e) le;Classe;INE\r\nDUPONT Jean;01/02/2009;Tle A;123456789AB\r\nMARTIN Léa;03/04/2009;Tle A;\r\n', 'latin1');
  const { eleves } = await lireListeEleves(liste);
  expect(eleves).toEqual([
    { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A', ine: '123456789AB' },
    { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' },
  ]);
  const fichiers = await Promise.all(eleves.map((e, i) => grilles(d, e, { [`PFMP1_C${fragment('1.1.1')}`]: [3, null, null, null, null, null] }, `g${i}.xlsx`)));
  const agora = await feuille(fichiers[0]!, '_agora');
  const h = agora.findIndex((l) => l[0] === 'ancre');
  expect(
    agora
      .slice(h + 1)
      .filter((l) => l[0])
      .map((l) => l[10]),
  ).toEqual([undefined, ...Array(9).fill('123456789AB')]); // « Paramètres » belongs to no student: no cell
  const sortie = path.join(d, 'classe.xlsx');
  const lsl = path.join(d, 'livret.csv');
  await consoliderClasseurs(fichiers, { sortie, lsl, methode: 'recente', date: DATE });
  const synthese = await feuille(sortie, FEUILLES_CLASSE.synthese);
  const entete = synthese.find((l) => l[0] === 'Classe')!;
  expect(entete.slice(-2)).toEqual(['INE', 'Élèves (liste de choix de « Profil »)']);
  expect(synthese.filter((l) => l[0] === 'Tle A').map((l) => [l[1], l[entete.length - 2] ?? null])).toEqual([
    ['DUPONT Jean', '123456789AB'],
    ['MARTIN Léa', null],
  ]);
  const csv = readFileSync(lsl, 'utf8').split('\r\n');
  expect(csv).toContain('2026-2027;Tle A;DUPONT;Jean;123456789AB;;1;1.1.1;Identifier les caractéristiques de la demande;3;Maîtrisé;1');
  expect(csv).toContain('2026-2027;Tle A;MARTIN;Léa;;;1;1.1.1;Identifier les caractéristiques de la demande;3;Maîtrisé;1');
});

test('« Feuille de calcul » d’un élève : la moyenne de ses exercices, chacun compté une fois quel que soit le nombre de ses compétences', () => {
  const eleve = { nom: 'Durand', prenom: 'Inès', classe: 'Tle A' };
  const preuve = (fichier: string, competence: string, libelle: string, tableur: number, rang: number) => ({
    eleve,
    competence,
    nature: 'Exercice' as const,
    libelle,
    creneau: null,
    date: '2026-11-20',
    rang,
    niveauLu: '3',
    degre: 3 as const,
    source: { fichier, feuille: 'Suivi des compétences', cellule: `A${rang + 3}` },
    tableur,
  });
  const releve = (fichier: string, preuves: ReturnType<typeof preuve>[]) => ({ fichier, lu: true, eleves: [eleve], preuves, semaines: [], notes: [], anomalies: [] });
  // a payslip (two compétences, one copy: 50 %) and an invoice (100 %): (50 + 100) / 2 = 75 %, not (50 + 50 + 100) / 3
  const c = consoliderClasse(
    [
      releve('paie.xlsx', [preuve('paie.xlsx', '3.2.4', 'Bulletin de paie, cas n° 3', 0.5, 0), preuve('paie.xlsx', '3.2.5', 'Bulletin de paie, cas n° 3', 0.5, 1)]),
      releve('facture.xlsx', [preuve('facture.xlsx', '1.2.2', 'Facture, cas n° 8', 1, 0)]),
    ],
    r,
    'recente',
  );
  expect(c.eleves.map((e) => [e.nom, e.tableur])).toEqual([['Durand', 0.75]]);
});
