import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dossierTemporaire, lancer } from './aides/cli';
import { cellulesDuNom } from './aides/classeurs';
import { ecrireAtomiquement, FichierExistant } from '../src/io/fichiers';
import { referentiel } from '../src/referentiel';
import { classeurGrilles, typeDeGrille } from '../src/sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';

/**
 * Every writing command run twice on the same output, with values typed in between: nothing a
 * teacher filled is lost. A file already there is completed (grids), kept (a student's exercise, an
 * annotated copy) or the command stops before writing anything (one output), unless --remplacer.
 */

const empreinte = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const liste = (d: string, nom: string, eleves: string[]) => {
  const f = path.join(d, nom);
  writeFileSync(f, `nom;prenom\n${eleves.join('\n')}\n`);
  return f;
};

/** Types a value into the first cell of a defined name and saves, as a teacher does in Excel. */
async function taper(fichier: string, nom: string, valeur: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const [c] = cellulesDuNom(wb, nom);
  c!.feuille.getCell(c!.adresse).value = valeur;
  await wb.xlsx.writeFile(fichier);
}

async function lu(fichier: string, nom: string): Promise<ExcelJS.CellValue> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const [c] = cellulesDuNom(wb, nom);
  return c!.feuille.getCell(c!.adresse).value;
}

async function feuilles(fichier: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  return wb.worksheets.map((w) => w.name);
}

test('chaque grille se reconnaît à son modèle dans `_agora` (ce qui manque à un élève se compte ainsi)', () => {
  const { classeur } = classeurGrilles(referentiel(), [{ nom: 'Benali', prenom: 'Yasmine', classe: '' }], { types: TYPES_GRILLE, etablissement: '', annee: '2026-2027', date: '2026-12-06' }, 'eleve');
  const agora = classeur.feuilles.find((f) => f.nom === '_agora')!;
  const modeles = agora.lignes.map((l) => l.cellules[1]?.valeur).filter((v): v is string => typeof v === 'string' && /^[a-z]+(-[a-z0-9]+)+$/.test(v));
  expect(modeles.map((m) => [m, typeDeGrille(m)])).toEqual([
    ['parametres-grilles', undefined],
    ['grille-pfmp-pole1', 'pfmp'],
    ['grille-pfmp-pole2', 'pfmp'],
    ['grille-pfmp-pole3', 'pfmp'],
    ['grille-ccf-e31', 'e31'],
    ['grille-ccf-e32', 'e32'],
    ['grille-ccf-e2', 'e2'],
    ['etat-recapitulatif-e31', 'recap-e31'],
    ['etat-recapitulatif-e32', 'recap-e32'],
    ['attestation-pfmp', 'attestation'],
  ]);
});

describe("une sortie qui existe n'est jamais remplacée sans --remplacer", () => {
  test("l'écriture atomique ne remplace pas un fichier apparu entre-temps, et ne laisse pas de fichier temporaire", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const f = path.join(d, 'a.txt');
    writeFileSync(f, 'rempli par l’enseignant');
    await expect(ecrireAtomiquement(f, 'nouveau')).rejects.toThrow(FichierExistant);
    await expect(ecrireAtomiquement(f, 'nouveau')).rejects.toThrow(`« ${f} » existe déjà : rien n'a été écrit. Ajoutez --remplacer pour le remplacer, ou choisissez un autre nom.`);
    expect(readFileSync(f, 'utf8')).toBe('rempli par l’enseignant');
    await ecrireAtomiquement(f, 'nouveau', true);
    expect(readFileSync(f, 'utf8')).toBe('nouveau');
    expect(readdirSync(d)).toEqual(['a.txt']);
  });

  test("grilles --out : un élève arrivé en cours d'année est ajouté au classeur de la classe, chaque niveau saisi gardé ; relancée, rien ne change", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const classe = path.join(d, 'classe.xlsx');
    expect((await lancer(['grilles', '--classe', liste(d, 'a.csv', ['Benali;Yasmine', 'Martin;Léa']), '--out', classe, '--type', 'pfmp'])).code).toBe(0);
    await taper(classe, 'Eleve01_PFMP1_C1_1_1', 3);
    await taper(classe, 'Eleve02_PFMP2_C2_1_1', 4);

    const avecLeNouveau = liste(d, 'b.csv', ['Benali;Yasmine', 'Martin;Léa', 'Nouveau;Paul']);
    const r = await lancer(['grilles', '--classe', avecLeNouveau, '--out', classe, '--type', 'pfmp,e31', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 3 PFMP sheets for Paul, an E31 grid for each of the three
    expect(j.fichiers).toEqual([{ fichier: classe, ajout: true, eleves: ['BENALI Yasmine', 'MARTIN Léa', 'NOUVEAU Paul'], feuilles: expect.any(Array) }]);
    expect([...j.fichiers[0].feuilles].sort()).toEqual(['E31 BENALI Yasmine', 'E31 MARTIN Léa', 'E31 NOUVEAU Paul', 'PFMP1 NOUVEAU Paul', 'PFMP2 NOUVEAU Paul', 'PFMP3 NOUVEAU Paul']);
    expect(await lu(classe, 'Eleve01_PFMP1_C1_1_1')).toBe(3);
    expect(await lu(classe, 'Eleve02_PFMP2_C2_1_1')).toBe(4);
    expect(await lu(classe, 'Eleve03_PFMP1_C1_1_1')).toBeNull();
    // a student already there keeps their prefix; « _agora » stays last
    expect(await lu(classe, 'Eleve01_E31_C1_1_1')).toBeNull();
    const noms = await feuilles(classe);
    expect(noms.at(-1)).toBe('_agora');
    expect(noms.slice(0, 2)).toEqual(['Sommaire', 'Paramètres']);

    // the completed workbook is a class of three for the consolidation, the levels typed counted
    const c = await lancer(['consolider', classe, '--out', path.join(d, 'consolidee.xlsx'), '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).eleves).toBe(3);

    const avant = empreinte(classe);
    const encore = await lancer(['grilles', '--classe', avecLeNouveau, '--out', classe, '--type', 'pfmp,e31']);
    expect(encore.code).toBe(0);
    expect(encore.out).toContain(`gardé tel quel : ${classe} (ces élèves y ont déjà toutes les grilles demandées ; --remplacer pour le refaire)`);
    expect(empreinte(classe)).toBe(avant);

    expect((await lancer(['grilles', '--classe', avecLeNouveau, '--out', classe, '--type', 'pfmp', '--remplacer'])).code).toBe(0);
    expect(await lu(classe, 'Eleve01_PFMP1_C1_1_1')).toBeNull();
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test("grilles --out : les sauts de page des grilles déjà là sont gardés (exceljs ne les relit pas d'un fichier)", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const classe = path.join(d, 'classe.xlsx');
    await lancer(['grilles', '--classe', liste(d, 'a.csv', ['Benali;Yasmine']), '--out', classe, '--type', 'pfmp']);
    const sauts = async () => {
      const z = await JSZip.loadAsync(readFileSync(classe));
      const xml = await Promise.all(
        Object.keys(z.files)
          .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
          .map((n) => z.file(n)!.async('string')),
      );
      return xml.map((x) => /<rowBreaks[\s\S]*?<\/rowBreaks>/.exec(x)?.[0] ?? '').filter(Boolean).length;
    };
    expect(await sauts()).toBe(3); // one per PFMP pôle
    await lancer(['grilles', '--classe', liste(d, 'b.csv', ['Benali;Yasmine', 'Nouveau;Paul']), '--out', classe, '--type', 'pfmp']);
    expect(await sauts()).toBe(6);
  });

  test("grilles --out : un classeur qu'exceljs ne saurait pas réécrire (un graphique) est refusé, et laissé tel quel", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const classe = path.join(d, 'classe.xlsx');
    await lancer(['grilles', '--classe', liste(d, 'a.csv', ['Benali;Yasmine']), '--out', classe, '--type', 'attestation']);
    const z = await JSZip.loadAsync(readFileSync(classe));
    z.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    writeFileSync(classe, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const avant = empreinte(classe);
    const r = await lancer(['grilles', '--classe', liste(d, 'b.csv', ['Benali;Yasmine', 'Nouveau;Paul']), '--out', classe, '--type', 'attestation']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`« ${classe} » contient des graphiques, qu'AGOrA ne sait pas recopier : ajoutez ces élèves depuis le volet AGOrA dans Excel`);
    expect(empreinte(classe)).toBe(avant);
  });

  test('grilles --out : un classeur ouvert dans Excel (« ~$ » à côté) ou qui ne contient pas de grilles est laissé tel quel', async () => {
    const d = dossierTemporaire('agora-sorties-');
    const classe = path.join(d, 'classe.xlsx');
    const a = liste(d, 'a.csv', ['Benali;Yasmine']);
    await lancer(['grilles', '--classe', a, '--out', classe, '--type', 'attestation']);
    writeFileSync(path.join(d, '~$classe.xlsx'), '');
    const ouvert = await lancer(['grilles', '--classe', liste(d, 'b.csv', ['Benali;Yasmine', 'Nouveau;Paul']), '--out', classe]);
    expect(ouvert.code).toBe(1);
    expect(ouvert.err).toContain('semble ouvert dans Excel');
    const tva = path.join(d, 'tva.xlsx');
    await lancer(['exercice', 'tva', '--graine', '3', '--out', tva, '--cle', path.join(d, 'cle.txt')]);
    const avant = empreinte(tva);
    const r = await lancer(['grilles', '--classe', a, '--out', tva]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ce classeur contient déjà des feuilles AGOrA qui ne sont pas des grilles');
    expect(empreinte(tva)).toBe(avant);
  });

  test("grilles --par-eleve : le classeur rempli d'un élève est gardé ou complété, jamais remplacé ; le nouvel élève a le sien", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const dossier = path.join(d, 'grilles');
    await lancer(['grilles', '--classe', liste(d, 'a.csv', ['Benali;Yasmine', 'Martin;Léa']), '--par-eleve', dossier, '--type', 'pfmp']);
    const benali = path.join(dossier, 'BENALI_Yasmine.xlsx');
    for (let p = 1; p <= 3; p++) await taper(benali, `PFMP${p}_C${p}_1_1`, p + 1);
    const avant = empreinte(benali);
    const b = liste(d, 'b.csv', ['Benali;Yasmine', 'Martin;Léa', 'Nouveau;Paul']);
    const r = await lancer(['grilles', '--classe', b, '--par-eleve', dossier, '--type', 'pfmp']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`gardé tel quel : ${benali} (l'élève y a déjà toutes les grilles demandées ; --remplacer pour le refaire)`);
    expect(r.out).toContain(`écrit : ${path.join(dossier, 'NOUVEAU_Paul.xlsx')}`);
    expect(empreinte(benali)).toBe(avant);
    expect(readdirSync(dossier).sort()).toEqual(['BENALI_Yasmine.xlsx', 'MARTIN_Léa.xlsx', 'NOUVEAU_Paul.xlsx']);

    // the E31 grids later: added to each student's own file, the levels kept
    const e31 = await lancer(['grilles', '--classe', b, '--par-eleve', dossier, '--type', 'pfmp,e31']);
    expect(e31.code).toBe(0);
    expect(e31.out).toContain(`complété : ${benali} — 1 feuille ajoutée pour 1 élève`);
    expect(await feuilles(benali)).toEqual(['Paramètres', 'PFMP pôle 1', 'PFMP pôle 2', 'PFMP pôle 3', 'CCF E31', '_agora']);
    for (let p = 1; p <= 3; p++) expect(await lu(benali, `PFMP${p}_C${p}_1_1`)).toBe(p + 1);
    expect(await lu(benali, 'E31_C1_1_1')).toBeNull();

    // a file of that name holding someone else's grids is left alone
    const autre = path.join(d, 'autre');
    mkdirSync(autre);
    await lancer(['grilles', '--classe', liste(d, 'c.csv', ['Benali;Yasmine']), '--par-eleve', autre, '--type', 'attestation', '--nom-classe', '2de A']);
    const x = await lancer(['grilles', '--classe', liste(d, 'e.csv', ['Benali;Yasmine']), '--par-eleve', autre, '--type', 'attestation,e31', '--nom-classe', 'Tle B']);
    expect(x.out).toContain('il contient les grilles de BENALI Yasmine, pas celles de cet élève');

    expect((await lancer(['grilles', '--classe', b, '--par-eleve', dossier, '--type', 'pfmp', '--remplacer'])).code).toBe(0);
    expect(await lu(benali, 'PFMP1_C1_1_1')).toBeNull();
  });

  test("exercice --out : la copie d'un élève n'est pas remplacée ; le message nomme le fichier et --remplacer", async () => {
    const d = dossierTemporaire('agora-sorties-');
    const copie = path.join(d, 'facture.xlsx');
    const corrige = path.join(d, 'corrige.xlsx');
    const cle = ['--cle', path.join(d, 'cle.txt')];
    expect((await lancer(['exercice', 'facture', '--graine', '4', '--out', copie, ...cle])).code).toBe(0);
    await taper(copie, 'FAC_Net_A_Payer', 1200.95);
    const avant = empreinte(copie);
    const r = await lancer(['exercice', 'facture', '--graine', '5', '--out', copie, '--corrige', corrige, ...cle]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Erreur : « ${copie} » existe déjà : rien n'a été écrit. Ajoutez --remplacer pour le remplacer, ou choisissez un autre nom.\n`);
    expect(empreinte(copie)).toBe(avant);
    expect(existsSync(corrige)).toBe(false); // nothing written, not even the other output
    expect((await lancer(['exercice', 'facture', '--graine', '5', '--out', copie, ...cle, '--remplacer'])).code).toBe(0);
    expect(empreinte(copie)).not.toBe(avant);
  });

  test('exercice --classe --par-eleve : relancé avec un élève de plus, les copies déjà là et repartition.csv gardent tout', async () => {
    const d = dossierTemporaire('agora-sorties-');
    const dossier = path.join(d, 'stocks');
    const corriges = path.join(d, 'corriges');
    const cle = ['--cle', path.join(d, 'cle.txt')];
    await lancer(['exercice', 'stocks', '--classe', liste(d, 'a.csv', ['Benali;Yasmine', 'Martin;Léa']), '--par-eleve', dossier, '--corrige', corriges, '--graine', '7', ...cle]);
    const benali = path.join(dossier, 'stocks-BENALI_Yasmine.xlsx');
    const avant = empreinte(benali);
    const corrigeAvant = empreinte(path.join(corriges, 'corrige-stocks-BENALI_Yasmine.xlsx'));
    const repartitionAvant = readFileSync(path.join(dossier, 'repartition.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const r = await lancer([
      'exercice',
      'stocks',
      '--classe',
      liste(d, 'b.csv', ['Benali;Yasmine', 'Martin;Léa', 'Nouveau;Paul']),
      '--par-eleve',
      dossier,
      '--corrige',
      corriges,
      '--graine',
      '8',
      ...cle,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 exercice écrit');
    expect(r.out).toContain('2 exercices déjà dans le dossier, gardés tels quels (--remplacer pour les refaire) : BENALI Yasmine, MARTIN Léa.');
    expect(empreinte(benali)).toBe(avant);
    expect(empreinte(path.join(corriges, 'corrige-stocks-BENALI_Yasmine.xlsx'))).toBe(corrigeAvant);
    const repartition = readFileSync(path.join(dossier, 'repartition.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(repartition.slice(0, 3)).toEqual(repartitionAvant);
    expect(repartition).toHaveLength(4);
    expect(repartition[3]).toMatch(/^Nouveau;Paul;;stocks-NOUVEAU_Paul\.xlsx;/);
  });

  test('verifier --out-dir relancé garde les copies annotées ; consolider, referentiel et sceller ne remplacent rien', async () => {
    const d = dossierTemporaire('agora-sorties-');
    const cle = ['--cle', path.join(d, 'cle.txt')];
    const copie = path.join(d, 'copies', 'tva.xlsx');
    mkdirSync(path.dirname(copie));
    await lancer(['exercice', 'tva', '--graine', '2', '--out', copie, ...cle]);
    const verifiees = path.join(d, 'verifiees');
    expect((await lancer(['verifier', path.dirname(copie), '--out-dir', verifiees, ...cle])).code).toBe(0);
    const [annotee] = readdirSync(verifiees);
    const avant = empreinte(path.join(verifiees, annotee!));
    const encore = await lancer(['verifier', path.dirname(copie), '--out-dir', verifiees, ...cle]);
    expect(encore.code).toBe(0);
    expect(encore.out).toContain(`1 copie annotée déjà dans ${verifiees}, gardée telle quelle (--remplacer pour les refaire) : ${annotee}.`);
    expect(empreinte(path.join(verifiees, annotee!))).toBe(avant);
    const une = await lancer(['verifier', copie, '--out', path.join(verifiees, annotee!), ...cle]);
    expect(une.code).toBe(1);
    expect(empreinte(path.join(verifiees, annotee!))).toBe(avant);

    const classe = path.join(d, 'classe.xlsx');
    const livret = path.join(d, 'livret.csv');
    writeFileSync(livret, 'notes du coordonnateur');
    const c = await lancer(['consolider', verifiees, '--out', classe, '--lsl', livret, ...cle]);
    expect(c.code).toBe(1);
    expect(c.err).toContain(`« ${livret} » existe déjà`);
    expect(existsSync(classe)).toBe(false); // stopped before writing anything
    expect(readFileSync(livret, 'utf8')).toBe('notes du coordonnateur');
    expect((await lancer(['consolider', verifiees, '--out', classe, '--lsl', livret, '--remplacer', ...cle])).code).toBe(0);

    const ref = path.join(d, 'ref.xlsx');
    expect((await lancer(['referentiel', '--out', ref])).code).toBe(0);
    expect((await lancer(['referentiel', '--out', ref])).code).toBe(1);
    const scelle = path.join(d, 'scelle.xlsx');
    writeFileSync(scelle, 'x');
    const s = await lancer(['sceller', copie, '--out', scelle, ...cle]);
    expect(s.code).toBe(1);
    expect(readFileSync(scelle, 'utf8')).toBe('x');
  });

  test("demo : un dossier qui contient d'autres fichiers que ceux de la démonstration est refusé", async () => {
    const d = dossierTemporaire('agora-sorties-');
    writeFileSync(path.join(d, 'notes.xlsx'), 'à moi');
    const r = await lancer(['demo', '--dossier', d]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('contient déjà des fichiers qui ne viennent pas de la démonstration');
    expect(readdirSync(d)).toEqual(['notes.xlsx']);
  });
});
