import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dossierTemporaire, lancer } from './aides/cli';

const tmp = () => dossierTemporaire('agora-grilles-');
const empreinte = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function classeCsv(d: string, contenu = "nom;prenom\r\nDupont;Jean\r\nMartin;Léa\r\nN'Diaye;Awa\r\n", encodage: BufferEncoding = 'latin1'): string {
  const f = path.join(d, 'eleves.csv');
  writeFileSync(f, Buffer.from(contenu, encodage));
  return f;
}

describe('agora grilles', () => {
  test("--out : un classeur pour la classe, --json décrit fichiers, feuilles et élèves ; la liste n'est pas modifiée", async () => {
    const d = tmp();
    const csv = classeCsv(d);
    const avant = empreinte(csv);
    const f = path.join(d, 'classe.xlsx');
    const { code, out } = await lancer(['grilles', '--classe', csv, '--type', 'e31,pfmp', '--out', f, '--json', '--etablissement', 'LP Jean Moulin', '--nom-classe', '1re AGOrA']);
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.erreurs).toEqual([]);
    expect(j.fichiers).toHaveLength(1);
    expect(j.fichiers[0].eleves).toEqual(['DUPONT Jean', 'MARTIN Léa', "N'DIAYE Awa"]);
    expect(j.fichiers[0].feuilles).toHaveLength(2 + 3 * 4 + 1);
    expect(j.fichiers[0].feuilles).toContain('PFMP1 MARTIN Léa');
    // exceljs writes print titles as 'Sheet'!… without doubling a straight apostrophe: sheet names use ’
    expect(j.fichiers[0].feuilles).toContain('E31 N’DIAYE Awa');
    expect(empreinte(csv)).toBe(avant);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    expect(wb.getWorksheet('E31 MARTIN Léa')!.getCell('B3').value).toBe('MARTIN Léa');
    expect(wb.getWorksheet('E31 MARTIN Léa')!.getCell('B4').value).toBe('1re AGOrA');
    expect(readdirSync(d).sort()).toEqual(['classe.xlsx', 'eleves.csv']);
  });

  test("--par-eleve : un classeur par élève, nommé d'après l'élève ; dossier créé", async () => {
    const d = tmp();
    const csv = classeCsv(d);
    const dossier = path.join(d, 'grilles');
    const { code, out } = await lancer(['grilles', '--classe', csv, '--par-eleve', dossier, '--type', 'attestation']);
    expect(code).toBe(0);
    expect(out).toContain('3 élèves lus');
    expect(out).toContain('Windows-1252');
    expect(readdirSync(dossier).sort()).toEqual(['DUPONT_Jean.xlsx', 'MARTIN_Léa.xlsx', "N'DIAYE_Awa.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dossier, 'MARTIN_Léa.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Paramètres', 'Attestation PFMP', '_agora']);
  });

  test("un fichier impossible à écrire n'arrête pas le lot : les autres sont écrits, code 1", async () => {
    const d = tmp();
    const csv = classeCsv(d);
    const dossier = path.join(d, 'grilles');
    mkdirSync(path.join(dossier, 'MARTIN_Léa.xlsx'), { recursive: true }); // a folder where the file should go
    const { code, err } = await lancer(['grilles', '--classe', csv, '--par-eleve', dossier, '--type', 'e2']);
    expect(code).toBe(1);
    expect(err).toContain('MARTIN_Léa.xlsx');
    expect(readdirSync(dossier).sort()).toEqual(['DUPONT_Jean.xlsx', 'MARTIN_Léa.xlsx', "N'DIAYE_Awa.xlsx"]);
    expect(readdirSync(dossier).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('sans --type : pas de grille CCF de E2 (ponctuel écrit de 3 h 30 pour les scolaires et apprentis) ; --type e2 : la grille nomme son public, cité du règlement d’examen', async () => {
    const d = tmp();
    const csv = classeCsv(d);
    const defaut = await lancer(['grilles', '--classe', csv, '--out', path.join(d, 'classe.xlsx'), '--json']);
    expect(defaut.code).toBe(0);
    const feuilles: string[] = JSON.parse(defaut.out).fichiers[0].feuilles;
    expect(new Set(feuilles.map((f) => f.split(' ')[0]))).toEqual(new Set(['Sommaire', 'Paramètres', 'PFMP1', 'PFMP2', 'PFMP3', 'E31', 'E32', 'Récap', 'Attestation', '_agora']));
    expect(feuilles.filter((f) => f.startsWith('E2 '))).toEqual([]);
    const e2 = path.join(d, 'e2.xlsx');
    expect((await lancer(['grilles', '--classe', csv, '--out', e2, '--type', 'e2'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(e2);
    const ws = wb.worksheets.find((w) => w.name.startsWith('E2 '))!;
    expect(ws.getCell('A3').value).toBe(
      "Contrôle en cours de formation des candidats « Formation professionnelle continue dans un établissement public habilité » ; les autres candidats (scolaires, apprentis…) passent l'épreuve en « Ponctuel écrit » de 3 h 30.",
    );
    expect((await lancer(['grilles', '--help'])).out).toContain('Par défaut, tous les types sauf e2');
  });

  test.each([
    [['grilles', '--out', 'x.xlsx'], 2, 'Précisez la liste des élèves'],
    [['grilles', '--classe', 'e.csv'], 2, 'Précisez soit --out'],
    [['grilles', '--classe', 'e.csv', '--out', 'a.xlsx', '--par-eleve', 'd'], 2, 'Précisez soit --out'],
    [['grilles', '--classe', 'e.csv', '--out', 'a.xls'], 2, 'doit se terminer par .xlsx'],
    [['grilles', '--classe', 'e.csv', '--out', 'a.xlsx', '--type', 'e31,e4'], 2, 'Type de grille inconnu : « e4 ». Types possibles : pfmp, e31, e32, e2, recap-e31, recap-e32, attestation.'],
  ])('%j : code %d', async (args, attendu, message) => {
    const r = await lancer(args);
    expect(r.code).toBe(attendu);
    expect(r.err).toContain(message);
  });

  test("liste absente, vide ou malformée ; dossier de sortie inexistant : erreur claire, code 1, rien d'écrit", async () => {
    const d = tmp();
    let r = await lancer(['grilles', '--classe', path.join(d, 'absente.csv'), '--out', path.join(d, 'a.xlsx')]);
    expect([r.code, r.err]).toEqual([1, `Erreur : Impossible de lire la liste d'élèves « ${path.join(d, 'absente.csv')} » : ce fichier n'existe pas.\n`]);
    const vide = classeCsv(d, '');
    r = await lancer(['grilles', '--classe', vide, '--out', path.join(d, 'a.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('est vide');
    const csv = classeCsv(d, 'nom;prenom\nDupont;Jean\n', 'utf8');
    r = await lancer(['grilles', '--classe', csv, '--out', path.join(d, 'absent', 'a.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("n'existe pas");
    r = await lancer(['grilles', '--classe', csv, '--par-eleve', path.join(d, 'absent', 'sous-dossier')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Le dossier « ${path.join(d, 'absent')} » n'existe pas`);
    expect(existsSync(path.join(d, 'absent'))).toBe(false);
    expect(readdirSync(d).sort()).toEqual(['eleves.csv']);
  });
});
