import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dossierTemporaire as tmp, lancer } from './aides/cli';

describe('agora referentiel', () => {
  test('--json : 3 blocs, 9 activités, 37 compétences, clés du contrat', async () => {
    const { code, out } = await lancer(['referentiel', '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(typeof j.version).toBe('string');
    expect(j.blocs).toHaveLength(3);
    expect(j.blocs.map((b: { epreuve: string }) => b.epreuve)).toEqual(['E31', 'E2', 'E32']);
    const acts = j.blocs.flatMap((b: { activites: unknown[] }) => b.activites);
    expect(acts).toHaveLength(9);
    const comps = acts.flatMap((a: { competences: { code: string; libelle: string; criteres: unknown[] }[] }) => a.competences);
    expect(comps).toHaveLength(37);
    const c224 = comps.find((c: { code: string }) => c.code === '2.2.4');
    expect(c224.libelle).toBe("Déterminer les éléments nécessaires à l'élaboration de la déclaration de TVA");
    expect(c224.criteres[0].libelle).toBe('Pertinence et exactitude des éléments retenus pour la déclaration de TVA');
  });

  test('--out écrit un classeur lisible : feuilles, codes, volets figés, mise en page A4 paysage', async () => {
    const f = path.join(tmp(), 'ref.xlsx');
    const { code, out } = await lancer(['referentiel', '--out', f]);
    expect(code).toBe(0);
    expect(out).toContain('Référentiel écrit dans');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Bloc 1', 'Bloc 2', 'Bloc 3', 'Épreuves']);
    const textes = (w: ExcelJS.Worksheet) => {
      const t: string[] = [];
      w.eachRow((r) => r.eachCell((c) => t.push(String(c.value ?? ''))));
      return t;
    };
    const b2 = wb.getWorksheet('Bloc 2')!;
    const codesB2 = textes(b2).filter((t) => /^2\.\d\.\d$/.test(t));
    expect(codesB2).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.1.5', '2.2.1', '2.2.2', '2.2.3', '2.2.4', '2.2.5', '2.2.6', '2.3.1', '2.3.2']);
    expect(textes(b2).some((t) => t.includes('• Crédit de TVA à reporter'))).toBe(true);
    expect(textes(wb.getWorksheet('Synthèse')!).filter((t) => /^\d\.\d\.\d$/.test(t))).toHaveLength(37);
    for (const w of wb.worksheets) {
      expect(w.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(w.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(w.views[0]).toMatchObject({ state: 'frozen' });
      expect(w.headerFooter.oddFooter).toContain('Page &P / &N');
    }
    // a header cell: wrapped text, bold
    const h = b2.getRow(4).getCell(1);
    expect(h.value).toBe('Code');
    expect(h.font?.bold).toBe(true);
  });

  test('commande ou option inconnue : message en français, code 2', async () => {
    let r = await lancer(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Commande inconnue : « frobnicate »');
    r = await lancer(['referentiel', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Option inconnue : --jsn');
    r = await lancer(['referentiel', '--out']);
    expect([r.code, r.err]).toEqual([2, "Erreur : L'option --out attend une valeur.\n"]);
    r = await lancer(['referentiel']);
    expect(r.code).toBe(2);
  });

  test('sortie impossible : erreur claire, code 1, aucun fichier partiel', async () => {
    const d = tmp();
    let r = await lancer(['referentiel', '--out', path.join(d, 'absent', 'ref.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("n'existe pas");
    if (process.getuid?.() !== 0) {
      chmodSync(d, 0o500);
      r = await lancer(['referentiel', '--out', path.join(d, 'ref.xlsx')]);
      expect(r.code).toBe(1);
      chmodSync(d, 0o700);
    }
    // the target is a folder: rename fails after the temporary file was written
    const cible = path.join(d, 'dossier.xlsx');
    execFileSync('mkdir', [cible]);
    writeFileSync(path.join(cible, 'garde'), 'x');
    r = await lancer(['referentiel', '--out', cible]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Impossible d'écrire « ${cible} »`);
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('le binaire du paquet répond (bin/agora.js)', () => {
    const bin = path.resolve(__dirname, '..', 'bin', 'agora.js');
    expect(existsSync(path.resolve(__dirname, '..', 'lib', 'src', 'cli', 'main.js'))).toBe(true);
    const ok = spawnSync(process.execPath, [bin, 'referentiel', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).blocs).toHaveLength(3);
    const ko = spawnSync(process.execPath, [bin, 'inconnue'], { encoding: 'utf8' });
    expect(ko.status).toBe(2);
    expect(ko.stderr).toContain('Commande inconnue');
  });
});
