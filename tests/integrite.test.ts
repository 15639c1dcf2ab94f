import { randomBytes } from 'node:crypto';
import { magasinEnMemoire } from '../src/consolidate/bandes';
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { corrigerClasseur, ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { ecrireCopieAnnotee, verifierCopie } from '../src/cli/casDUsage';
import { consoliderClasseurs } from '../src/cli/casDUsage';
import { SCEAU_EN_CLAIR } from '../src/app/verifierExercice';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { remplacerClesAgora } from '../src/io/exceljs/clesAgora';
import { cleDepuisOctets } from '../src/domain/sceau';
import { competences } from '../src/referentiel';
import { referentiel } from '../src/referentiel';
import { COLONNES_SUIVI, FEUILLE_SUIVI } from '../src/sheets/verification/suivi';
import { cellulesDuNom } from './aides/classeurs';
import { cleDesTests } from './aides/cle';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * Forged or edited evidence never reaches the livret: the énoncé and « Paramètres » are sealed with
 * the teacher's key (HMAC-SHA-256) when the exercise is made, each « Suivi des compétences » row
 * when a copy is checked, and consolidation counts only rows whose seal holds.
 */

const DATE = '2026-11-23';
const d = dossierTemporaire('agora-integrite-');
const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let n = 0;
const fichier = (nom: string) => path.join(d, `${++n}-${nom}`);

async function exerciceTva(): Promise<string> {
  const f = fichier('tva.xlsx');
  await ecrireExercice({ type: 'tva', graine: 7, periode: '2026-03', date: DATE, aleas: ['encaissement'], cle: cleDesTests() }, eleve, f);
  return f;
}

/** The student answers with the expected values of the workbook as it now stands (what a forged case gives). */
async function repondre(source: string): Promise<string> {
  const f = fichier('copie.xlsx');
  writeFileSync(f, await remplirClasseur(source, attendusDesReponses(await ouvrirExercice(source))));
  return f;
}

async function modifier(source: string, f: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  f(wb);
  const sortie = fichier('modifie.xlsx');
  await wb.xlsx.writeFile(sortie);
  return sortie;
}

/** What a student who knows the public fingerprint algorithm can do: put the edited case's fingerprints back in `_agora`. */
async function empreintesRefaites(source: string): Promise<string> {
  const x = await ouvrirExercice(source);
  const f = fichier('empreintes-refaites.xlsx');
  writeFileSync(f, await remplacerClesAgora(source, x.empreintes));
  expect((await ouvrirExercice(f)).enonceModifie).toEqual([]); // the public fingerprints no longer see the edit
  return f;
}

describe('énoncé et paramètres scellés', () => {
  test('la copie juste d’un exercice scellé : sceau vérifié, 100 %, et des lignes « Suivi des compétences » scellées', async () => {
    const v = await verifierCopie(await repondre(await exerciceTva()), { date: DATE, cle: cleDesTests() });
    expect([v.rapport.sceau, v.rapport.total.taux, v.rapport.enonceModifie]).toEqual(['valide', 1, false]);
    expect(v.scellerSuivi).toBeDefined();
  });

  test('énoncé retouché puis empreintes recalculées par l’élève : le sceau le voit, copie non notée, lignes non scellées', async () => {
    const f = await exerciceTva();
    const retouche = await modifier(f, (wb) => {
      const ht = cellulesDuNom(wb, 'TVA_Factures')[7]!; // first invoice, « Montant HT »
      const c = ht.feuille.getCell(ht.adresse);
      c.value = (c.value as number) + 1000;
    });
    const copie = await repondre(await empreintesRefaites(retouche));
    const v = await verifierCopie(copie, { date: DATE, cle: cleDesTests() });
    expect(v.rapport.sceau).toBe('invalide');
    expect(v.rapport.blocsModifies).toEqual(['sceau de l\u2019enseignant']);
    expect(v.rapport.total.taux).toBeNull();
    expect(v.scellerSuivi).toBeUndefined();
    const cli = await lancer(['verifier', copie]);
    expect(cli.out).toContain('Énoncé modifié (sceau de l\u2019enseignant) : copie non notée.');
    expect(cli.out).toContain(SCEAU_EN_CLAIR.invalide);
    // without the key the check still runs, scores, and says the seal was not checked
    const sansCle = await lancer(['verifier', copie, '--cle', path.join(d, 'aucune-cle.txt')]);
    expect(sansCle.code).toBe(0);
    expect(sansCle.out).toMatch(/: \d+\/\d+ \(100 %\)/);
    expect(sansCle.out).toContain(SCEAU_EN_CLAIR['sans clé']);
  });

  test('le taux de CSG de « Paramètres » changé par l’élève, qui y répond : « Paramètres » modifiés, non noté, même sans clé ; empreinte refaite : sceau invalide', async () => {
    const f = fichier('paie.xlsx');
    await ecrireExercice({ type: 'paie', graine: 7, periode: '2026-03', date: DATE, cle: cleDesTests() }, eleve, f);
    const avant = await corrigerClasseur(f);
    const retouche = await modifier(f, (wb) => {
      const c = cellulesDuNom(wb, 'PAIE_Parametres').find((x) => x.feuille.getCell(x.adresse).value === 'csg_deductible')!;
      c.feuille.getRow(Number(c.feuille.getCell(c.adresse).row)).getCell(3).value = 1;
    });
    expect((await corrigerClasseur(retouche)).reponses.PAIE_CSG_DEDUCTIBLE_SAL).not.toEqual(avant.reponses.PAIE_CSG_DEDUCTIBLE_SAL);
    const v = await verifierCopie(await repondre(retouche), { date: DATE });
    expect([v.rapport.blocsModifies, v.rapport.total.taux]).toEqual([['Paramètres'], null]);
    const refaite = await verifierCopie(await repondre(await empreintesRefaites(retouche)), { date: DATE, cle: cleDesTests() });
    expect([refaite.rapport.sceau, refaite.rapport.total.taux]).toEqual(['invalide', null]);
  });

  test('réglages changés dans _agora (sommatif → seuils abaissés) : sceau invalide', async () => {
    const f = await exerciceTva();
    const seuils = fichier('seuils.xlsx');
    writeFileSync(seuils, await remplacerClesAgora(f, { verification_seuils: '0.01;0.02;0.03' }));
    const v = await verifierCopie(await repondre(seuils), { date: DATE, cle: cleDesTests() });
    expect(v.rapport.sceau).toBe('invalide');
  });

  test('agora sceller : la retouche de l’enseignant fait partie de l’exercice ; l’original n’est pas modifié', async () => {
    const f = await exerciceTva();
    const retouche = await modifier(f, (wb) => {
      const s = cellulesDuNom(wb, 'TVA_Seuil_Remboursement')[0]!;
      s.feuille.getCell(s.adresse).value = 0;
    });
    const avant = await fs.readFile(retouche);
    const scelle = fichier('scelle.xlsx');
    const r = await lancer(['sceller', retouche, '--out', scelle]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(`Exercice scellé avec la clé ${cleDesTests().id} : ${scelle} ; vos modifications (Paramètres) font désormais partie de l'exercice.\n`);
    expect((await fs.readFile(retouche)).equals(avant)).toBe(true);
    const v = await verifierCopie(await repondre(scelle), { date: DATE, cle: cleDesTests() });
    expect([v.rapport.sceau, v.rapport.total.taux, v.rapport.blocsModifies]).toEqual(['valide', 1, []]);
    expect((await lancer(['sceller', retouche, '--out', retouche])).err).toBe(`Erreur : L'exercice scellé ne peut pas remplacer « ${retouche} » : choisissez un autre nom.\n`);
  });
});

describe('preuves de « Suivi des compétences »', () => {
  let verifiee: string;
  beforeAll(async () => {
    verifiee = fichier('verifiee.xlsx');
    await ecrireCopieAnnotee(await verifierCopie(await repondre(await exerciceTva()), { date: DATE, cle: cleDesTests() }), verifiee);
  });

  const suivi = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet(FEUILLE_SUIVI)!;
    return {
      wb,
      ws,
      lignes: ws
        .getSheetValues()
        .slice(3) // a title, then the header
        .map((l) => (l as ExcelJS.CellValue[]).slice(1)),
    };
  };

  test('la copie vérifiée porte une ligne scellée par compétence (colonne « Sceau »), comptée par la consolidation', async () => {
    const { ws, lignes } = await suivi(verifiee);
    const sceau = COLONNES_SUIVI.indexOf('Sceau');
    expect(ws.getRow(2).getCell(sceau + 1).value).toBe('Sceau');
    expect(lignes).toHaveLength(1);
    expect(String(lignes[0]![sceau])).toMatch(new RegExp(`^${cleDesTests().id}:[0-9a-f]{64}$`));
    const res = await consoliderClasseurs([verifiee], { sortie: fichier('classe.xlsx'), methode: 'recente', date: DATE, cle: cleDesTests(), magasin: magasinEnMemoire() });
    expect(res.anomalies).toEqual([]);
    expect([...res.classe.preuves].map((p) => [p.competence, p.degre])).toEqual([['2.2.4', 4]]);
  });

  test('36 lignes au degré 4 ajoutées à la main, un degré retouché, une ligne d’un autre élève collée : rien de cela n’est compté, chaque ligne en « Anomalies »', async () => {
    const { wb, ws, lignes } = await suivi(verifiee);
    const vraie = lignes[0]!;
    const codes = competences(referentiel())
      .map((c) => c.code)
      .filter((c) => c !== '2.2.4');
    expect(codes.length).toBe(36);
    // forged rows: the genuine row's look, another compétence, degree 4, its seal copied or left out
    codes.forEach((code, i) => ws.addRow([...vraie.slice(0, 4), code, vraie[5], 1, 4, 'Très bien maîtrisé', ...vraie.slice(9, 12), i % 2 ? vraie[12] : '']));
    const falsifiee = fichier('falsifiee.xlsx');
    ws.getRow(3).getCell(8).value = 3; // the genuine row's degree, edited
    await wb.xlsx.writeFile(falsifiee);
    // a genuine sealed row of MARTIN pasted into DUPONT's checked copy
    const dupont = fichier('dupont.xlsx');
    const exDupont = fichier('tva-dupont.xlsx');
    await ecrireExercice({ type: 'tva', graine: 7, periode: '2026-03', date: DATE, aleas: ['encaissement'], cle: cleDesTests() }, { nom: 'DUPONT', prenom: 'Jean', classe: '1re AGOrA B' }, exDupont);
    await ecrireCopieAnnotee(await verifierCopie(exDupont, { date: DATE, cle: cleDesTests() }), dupont); // nothing typed: NE, sealed
    const d2 = await suivi(dupont);
    d2.ws.getRow(3).values = vraie as ExcelJS.CellValue[];
    const collee = fichier('collee.xlsx');
    await d2.wb.xlsx.writeFile(collee);

    const res = await consoliderClasseurs([falsifiee, collee], { sortie: fichier('classe.xlsx'), methode: 'recente', date: DATE, cle: cleDesTests(), magasin: magasinEnMemoire() });
    expect([...res.classe.preuves]).toEqual([]);
    const de = (f: string) => res.anomalies.filter((a) => a.fichier === f).map((a) => a.probleme);
    expect(de(falsifiee)).toHaveLength(37);
    expect(new Set(de(falsifiee))).toEqual(
      new Set([
        'Ligne de « Suivi des compétences » modifiée ou ajoutée à la main : son sceau ne correspond pas à son contenu.',
        'Ligne de « Suivi des compétences » sans sceau (ajoutée à la main, ou vérification faite sans la clé de l\u2019enseignant).',
      ]),
    );
    expect(de(collee)).toEqual(['Ligne de « Suivi des compétences » modifiée ou ajoutée à la main : son sceau ne correspond pas à son contenu.']);
  });

  test('sans la clé, ou avec une autre : aucune ligne comptée, et la raison dite', async () => {
    const sans = await consoliderClasseurs([verifiee], { sortie: fichier('classe.xlsx'), methode: 'recente', date: DATE, magasin: magasinEnMemoire() });
    expect([...sans.classe.preuves]).toEqual([]);
    expect(sans.anomalies.map((a) => a.probleme)).toEqual(["1 ligne de « Suivi des compétences » non comptée : aucune clé de l'enseignant sur ce poste pour vérifier son sceau."]);
    const autre = await consoliderClasseurs([verifiee], { sortie: fichier('classe.xlsx'), methode: 'recente', date: DATE, cle: cleDepuisOctets(randomBytes(32)) });
    expect(autre.anomalies.map((a) => a.probleme)).toEqual(['Ligne de « Suivi des compétences » scellée avec une autre clé que celle de ce poste.']);
  });

  test('réenregistrée par LibreOffice, la copie vérifiée garde ses sceaux valides', async () => {
    const { convertirAvecLibreOffice } = await import('./aides/libreoffice');
    const lo = convertirAvecLibreOffice(verifiee, 'xlsx');
    const res = await consoliderClasseurs([lo], { sortie: fichier('classe.xlsx'), methode: 'recente', date: DATE, cle: cleDesTests(), magasin: magasinEnMemoire() });
    expect([res.anomalies, res.classe.preuves.nombre]).toEqual([[], 1]);
  });
});

describe('agora cle', () => {
  test('affiche le fichier et l’identifiant ; --texte donne la clé ; un fichier qui n’en est pas une : message français, code 1', async () => {
    const r = await lancer(['cle']);
    expect(r.out).toBe(`Clé de l'enseignant : ${process.env.AGORA_CLE} (identifiant ${cleDesTests().id}).\n`);
    expect((await lancer(['cle', '--texte'])).out.trim()).toBe(Buffer.from(cleDesTests().octets).toString('base64'));
    const nouvelle = path.join(d, 'nouvelle', 'cle.txt');
    const c = await lancer(['cle', '--cle', nouvelle]);
    expect(c.err).toMatch(new RegExp(`^Clé de l'enseignant créée : ${nouvelle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(identifiant [0-9a-f]{12}\\)\\.`));
    expect(((await fs.stat(nouvelle)).mode & 0o777).toString(8)).toBe('600');
    const fausse = path.join(d, 'fausse.txt');
    writeFileSync(fausse, 'pas une clé\n');
    const f = await lancer(['verifier', nouvelle, '--cle', fausse]);
    expect([f.code, f.err]).toEqual([1, `Erreur : « ${fausse} » n'est pas une clé AGOrA (une ligne de 44 caractères en base 64 attendue).\n`]);
  });
});
