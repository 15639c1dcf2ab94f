import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { referentiel } from '../src/referentiel';
import { classeurEnXlsx } from '../src/io/exceljs/ecrireClasseur';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { gabaritGrilles, type TypeGrille } from '../src/sheets/grilles/gabarit';
import { FEUILLE_AGORA } from '../src/sheets/agora';
import { grillesPourLeClasseur } from '../src/app/grillesDuClasseur';
import { modelePourFichier } from '../src/io/office/horsDuFichier';
import { zone } from '../src/sheets/model';
import { noteProposee, noteProposeeSituations, type NiveauEchelle, type Positionnement } from '../src/domain/notation';
import { aleatoire, cellulesDuNom, resultat } from './aides/classeurs';
import { convertirAvecLibreOffice } from './aides/libreoffice';

/**
 * The proposed mark is a spreadsheet formula; LibreOffice recalculates it and must find, for every
 * random draw (« NE », empty cells, lower-case codes, weights 0 to 3), the mark the core computes.
 */
const r = referentiel();
const codes = (bloc: string) => r.blocs.find((b) => b.code === bloc)!.activites.flatMap((a) => a.competences.map((c) => c.code));
const frag = (c: string) => c.replace(/\./g, '_');
const N = 24;
const eleves = Array.from({ length: N }, (_, i) => ({ nom: `Élève${i + 1}`, prenom: 'Test', classe: 'Tle AGOrA' }));
const TIRAGES: (string | null)[] = ['TI', 'I', 'S', 'TS', 'NE', null, 'ts', 's'];
const POIDS = [1, 1, 1, 2, 0.5, 3, 0];

/** The cell right of a named cell: the weight sits in the column after the positionings. */
const aDroite = (c: { feuille: ExcelJS.Worksheet; adresse: string }) => {
  const x = c.feuille.getCell(c.adresse);
  return c.feuille.getCell(Number(x.row), Number(x.col) + 1);
};

interface Tirage {
  e31: Positionnement[];
  e2: [Positionnement[], Positionnement[]];
}

async function remplir(fichier: string, graine: number, modifierParametres?: (wb: ExcelJS.Workbook) => void): Promise<Tirage[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  modifierParametres?.(wb);
  const hasard = aleatoire(graine);
  const tirer = <T>(t: readonly T[]) => t[Math.floor(hasard() * t.length)]!;
  const tirages: Tirage[] = [];
  for (let i = 0; i < N; i++) {
    const p = `Eleve${String(i + 1).padStart(2, '0')}_`;
    const e31: Positionnement[] = [];
    for (const c of codes('1')) {
      const [cel] = cellulesDuNom(wb, `${p}E31_C${frag(c)}`);
      const niveau = i === 0 ? 'NE' : tirer(TIRAGES); // the first student has only « NE »: no mark
      const poids = tirer(POIDS);
      cel!.feuille.getCell(cel!.adresse).value = niveau;
      aDroite(cel!).value = poids; // weight: the column after the positioning
      e31.push({ niveau, poids });
    }
    const e2: [Positionnement[], Positionnement[]] = [[], []];
    for (const c of codes('2')) {
      const [s1, s2] = cellulesDuNom(wb, `${p}E2_C${frag(c)}`);
      const poids = tirer(POIDS);
      const n1 = tirer(TIRAGES);
      const n2 = i === 1 ? null : tirer(TIRAGES); // the second student has an empty situation 2: no mark
      s1!.feuille.getCell(s1!.adresse).value = n1;
      s2!.feuille.getCell(s2!.adresse).value = n2;
      aDroite(s2!).value = poids;
      e2[0].push({ niveau: n1, poids });
      e2[1].push({ niveau: n2, poids });
    }
    tirages.push({ e31, e2 });
  }
  await wb.xlsx.writeFile(fichier);
  return tirages;
}

async function notesLibreOffice(fichier: string): Promise<{ e31: unknown[]; e2: unknown[] }> {
  const recalcule = convertirAvecLibreOffice(fichier, 'xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(recalcule);
  const note = (nom: string) => {
    const [c] = cellulesDuNom(wb, nom);
    const v = resultat(c!.feuille.getCell(c!.adresse));
    return v === '' || v === undefined || v === null ? null : v;
  };
  const ids = Array.from({ length: N }, (_, i) => `Eleve${String(i + 1).padStart(2, '0')}_`);
  return { e31: ids.map((p) => note(`${p}E31_Note`)), e2: ids.map((p) => note(`${p}E2_Note`)) };
}

async function classe(): Promise<string> {
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'agora-note-'));
  const fichier = path.join(dossier, 'classe.xlsx');
  const { classeur } = classeurGrilles(r, eleves, { types: ['e31', 'e2'], etablissement: 'Lycée test', annee: '2026-2027', date: '2026-11-23' }, 'classe');
  writeFileSync(fichier, await classeurEnXlsx(classeur));
  return fichier;
}

const regles = () => gabaritGrilles().note;
const echelleParDefaut = (): NiveauEchelle[] => gabaritGrilles().echelles.ccf.niveaux.map((n) => ({ code: n.code, valeur: n.valeur }));

test('LibreOffice recalcule la note proposée E31 et E2 comme le cœur, pour 24 tirages avec « NE » et cellules vides', async () => {
  const fichier = await classe();
  const tirages = await remplir(fichier, 20261123);
  const lo = await notesLibreOffice(fichier);
  const echelle = echelleParDefaut();
  const attenduE31 = tirages.map((t) => noteProposee(echelle, t.e31, regles()));
  const attenduE2 = tirages.map((t) =>
    noteProposeeSituations(
      echelle,
      [
        { ponderation: 0.5, lignes: t.e2[0] },
        { ponderation: 0.5, lignes: t.e2[1] },
      ],
      regles(),
    ),
  );
  expect(lo.e31).toEqual(attenduE31);
  expect(lo.e2).toEqual(attenduE2);
  // The draws are not degenerate: most students have a mark, marks differ, and the two « no mark » cases exist.
  expect(attenduE31[0]).toBeNull();
  expect(attenduE2[1]).toBeNull();
  expect(attenduE31.filter((n) => n !== null).length).toBeGreaterThanOrEqual(20);
  expect(new Set(attenduE31).size).toBeGreaterThan(5);
  for (const n of attenduE31) if (n !== null) expect(Number.isInteger(n * 2)).toBe(true); // rounded to the half point
}, 240_000);

test('Paramètres modifiés (niveau renommé, valeur changée, pas de 0,25) : les formules suivent', async () => {
  const fichier = await classe();
  const renommer = (wb: ExcelJS.Workbook) => {
    const [codeTS] = cellulesDuNom(wb, 'Echelle_CCF_Codes').slice(3);
    const [valS] = cellulesDuNom(wb, 'Echelle_CCF_Valeurs').slice(2);
    const [pas] = cellulesDuNom(wb, 'Note_Pas');
    codeTS!.feuille.getCell(codeTS!.adresse).value = 'A+';
    valS!.feuille.getCell(valS!.adresse).value = 0.75;
    pas!.feuille.getCell(pas!.adresse).value = 0.25;
  };
  const tirages = await remplir(fichier, 7, renommer);
  // « TS » no longer exists in the scale: cells still holding it count as not positioned.
  const echelle: NiveauEchelle[] = [
    { code: 'TI', valeur: 0 },
    { code: 'I', valeur: 1 / 3 },
    { code: 'S', valeur: 0.75 },
    { code: 'A+', valeur: 1 },
    { code: 'NE', valeur: null },
  ];
  const lo = await notesLibreOffice(fichier);
  const attendu = tirages.map((t) => noteProposee(echelle, t.e31, { maximum: 20, pas: 0.25 }));
  expect(lo.e31).toEqual(attendu);
  expect(attendu.some((n) => n !== null && !Number.isInteger(n * 2))).toBe(true); // quarter points do occur
}, 240_000);

test('attestation PFMP recalculée par LibreOffice : vierge, un texte neutre sans rouge ; puis « il manque 1 semaine », « 2 semaines », « durée atteinte »', async () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'agora-attestation-'));
  const semaines: (number[] | null)[] = [null, [5, 5, 5, 6], [5, 5, 5, 5], [5, 5, 6, 6]];
  const { classeur } = classeurGrilles(
    r,
    semaines.map((_, i) => ({ nom: `Élève${i + 1}`, prenom: 'Test', classe: 'Tle AGOrA' })),
    { types: ['attestation'], etablissement: 'LP', annee: '2026-2027', date: '2026-11-23' },
    'classe',
  );
  const f = path.join(d, 'attestations.xlsx');
  writeFileSync(f, await classeurEnXlsx(classeur));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  semaines.forEach((s, i) => cellulesDuNom(wb, `Eleve${String(i + 1).padStart(2, '0')}_PFMP_Semaines`).forEach((c, k) => (c.feuille.getCell(c.adresse).value = s?.[k] ?? null)));
  await wb.xlsx.writeFile(f);
  const lu = new ExcelJS.Workbook();
  await lu.xlsx.readFile(convertirAvecLibreOffice(f, 'xlsx'));
  const bilans = semaines.map((_, i) => {
    const [c] = cellulesDuNom(lu, `Eleve${String(i + 1).padStart(2, '0')}_PFMP_Bilan`);
    return resultat(c!.feuille.getCell(c!.adresse));
  });
  expect(bilans).toEqual([
    'Aucune semaine saisie : la durée requise est de 22 semaines.',
    'Durée de PFMP insuffisante : il manque 1 semaine sur les 22 requises.',
    'Durée de PFMP insuffisante : il manque 2 semaines sur les 22 requises.',
    'Durée de PFMP atteinte : 22 semaines sur les 22 requises.',
  ]);
  // red only once weeks are typed and short
  const rouges = classeur.feuilles.filter((x) => x.nom.startsWith('Attestation ')).map((x) => x.misesEnForme!.find((m) => m.fond === 'F8CBAD')!.formule);
  expect(rouges).toHaveLength(4);
  for (const formule of rouges) expect(formule).toMatch(/^AND\(COUNT\(G\d+:G\d+\)>0,G\d+<E\d+\)$/);
}, 300_000);

/** The text of each page of a PDF, as poppler lays it out. */
function pagesDuPdf(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext a échoué : ${r.stderr}`);
  return r.stdout.split('\f').filter((p) => p.trim() !== '');
}

test("impression par LibreOffice : une bande d'activité n'est jamais seule en bas de page, les périodes PFMP sous le titre, E31 et E32 sur deux pages", () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'agora-impression-'));
  const etablissement = 'Lycée professionnel de démonstration Jean-Baptiste de La Salle';
  const { classeur } = classeurGrilles(
    r,
    [{ nom: 'Benali', prenom: 'Yasmine', classe: 'Tle AGOrA A' }],
    { types: ['pfmp', 'e31', 'e32', 'e2', 'recap-e31', 'recap-e32', 'attestation'], etablissement, annee: '2026-2027', date: '2026-11-23' },
    'eleve',
  );
  const f = path.join(d, 'grilles.xlsx');
  return classeurEnXlsx(classeur).then((octets) => {
    writeFileSync(f, octets);
    const pages = pagesDuPdf(convertirAvecLibreOffice(f, 'pdf'));
    const lignes = (p: string) => p.split('\n').filter((l) => l.trim() !== '');
    const dePied = (p: string) => lignes(p).at(-1)!; // « BENALI Yasmine — Tle AGOrA A   Grille d'évaluation E31   Page 8 / 17 »
    const pagesDe = (intitule: string) => pages.filter((p) => dePied(p).includes(intitule));
    for (const p of pages) {
      const corps = lignes(p).slice(0, -1);
      // The last printed line above the footer is never an activité band (« 1.3 - Actualisation … »).
      expect({ page: dePied(p).trim(), fin: corps.at(-1)!.trim() }).not.toEqual({ page: dePied(p).trim(), fin: expect.stringMatching(/^\d\.\d - /) });
    }
    for (const pole of ['1', '2', '3']) {
      const pfmp = pagesDe(`Suivi PFMP — pôle ${pole}`);
      expect(pfmp).toHaveLength(2);
      // The periods table sits on the first page, under the title, never under the repeated grid header.
      expect(pfmp[0]).toMatch(/Grilles de suivi des compétences[\s\S]*Périodes de formation en milieu professionnel[\s\S]*Activités +Code +Compétences/);
      expect(pfmp[1]).not.toMatch(/Organisation d'accueil/);
    }
    for (const e of ['E31', 'E32']) {
      const ccf = pagesDe(`Grille d'évaluation ${e}`);
      expect(ccf).toHaveLength(2);
      expect(ccf[0]).toContain(`Établissement : ${etablissement}`);
      expect(ccf[1]).toMatch(/Note proposée \(sur 20\)[\s\S]*Appréciation de la commission[\s\S]*Commission d'évaluation[\s\S]*Signature/);
    }
    for (const e of ['E31', 'E32']) {
      const recap = pagesDe(`État récapitulatif ${e}`);
      expect(recap).toHaveLength(1);
      expect(recap[0]).toMatch(/Activité couverte par au moins un travail[\s\S]*Activités non couvertes/);
    }
  });
}, 240_000);

test('grilles ajoutées par fichier : leurs mises en forme et listes qui nomment « Paramètres » par INDIRECT("Nom") valent, recalculées par LibreOffice, les mêmes que par le nom', async () => {
  const options = { types: ['pfmp', 'e31'] as TypeGrille[], etablissement: 'Lycée test', annee: '2026-2027', date: '2026-11-23' };
  const premier = classeurGrilles(
    r,
    [
      { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' },
      { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' },
    ],
    options,
    'classe',
  ).classeur;
  const agora = premier.feuilles.find((f) => f.nom === FEUILLE_AGORA)!;
  const ouvert = { feuilles: premier.feuilles.map((f) => f.nom), agora: agora.lignes.map((l) => l.cellules.map((x) => (x?.valeur ?? null) as string | null)) };
  const ajout = grillesPourLeClasseur(r, [{ nom: 'NOUVEAU', prenom: 'Paul', classe: 'Tle A' }], options, ouvert).classeur;
  const { fichier, formules } = modelePourFichier(ajout)!;
  const niveau = (formule: string) => gabaritGrilles().echelles[formule.includes('Echelle_CCF') ? 'ccf' : 'pfmp'].niveaux[1]!.code;
  const controles: { feuille: string; ligne: number; quoi: string }[] = [];
  // the added sheets as Excel would hold them: from the file, their formulas written after it; then,
  // under each, a row per rule: the rule as the file carries it, and as the model wrote it
  const ajoutees = fichier.feuilles.map((f, k) => {
    const lignes = f.lignes.map((l) => ({ ...l, cellules: [...l.cellules] }));
    for (const b of formules.filter((x) => x.feuille === f.nom)) {
      const z = zone(b.adresse)!;
      b.formules.forEach((l, i) => l.forEach((formule, j) => (lignes[z.haut - 1 + i]!.cellules[z.gauche - 1 + j] = { valeur: { formule: formule.slice(1) } })));
    }
    const modele = ajout.feuilles[k]!;
    const controle = (quoi: string, indirect: string, direct: string) => {
      lignes.push({ cellules: [{ valeur: { formule: `IFERROR(${indirect},"erreur")` } }, { valeur: { formule: `IFERROR(${direct},"erreur")` } }] });
      controles.push({ feuille: f.nom, ligne: lignes.length, quoi });
    };
    (f.misesEnForme ?? []).forEach((m, i) => {
      const coin = zone(m.plage.split(':')[0]!)!;
      lignes[coin.haut - 1]!.cellules[coin.gauche - 1] = { valeur: niveau(m.formule) };
      controle(`${f.nom}!${m.plage} ${m.formule}`, m.formule, modele.misesEnForme![i]!.formule);
    });
    (f.validations ?? []).forEach((v, i) => {
      const avant = modele.validations![i]!;
      if ('liste' in v && 'formule' in v.liste && 'liste' in avant && 'nom' in avant.liste) controle(`${f.nom}!${v.plage} liste`, `ROWS(${v.liste.formule})`, `ROWS(${avant.liste.nom})`);
    });
    return { ...f, lignes, protegee: false };
  });
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'agora-indirect-'));
  const f = path.join(dossier, 'ajout.xlsx');
  writeFileSync(f, await classeurEnXlsx({ titre: 'ajout', feuilles: [...premier.feuilles, ...ajoutees], noms: [...(premier.noms ?? []), ...(ajout.noms ?? [])] }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(convertirAvecLibreOffice(f, 'xlsx'));
  const lus = controles.map((c) => {
    const ws = wb.getWorksheet(c.feuille)!;
    return { quoi: c.quoi, indirect: resultat(ws.getCell(c.ligne, 1)), direct: resultat(ws.getCell(c.ligne, 2)) };
  });
  expect(lus.length).toBeGreaterThan(40);
  for (const l of lus) expect(l).toEqual({ quoi: l.quoi, indirect: l.direct, direct: l.direct });
  expect(lus.filter((l) => l.quoi.endsWith('liste')).map((l) => l.direct)).toEqual(expect.arrayContaining([gabaritGrilles().echelles.ccf.niveaux.length]));
  // each rule's cell holds the second level: the rule of the second level is true, the others false
  expect(lus.filter((l) => l.direct === true).length).toBe(lus.filter((l) => /,0\)=2$/.test(l.quoi)).length);
  expect(lus.filter((l) => l.direct === true).length).toBeGreaterThan(5);
});
