import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const RACINE = path.resolve(__dirname, '..');
const XML = readFileSync(path.join(RACINE, 'manifest.xml'), 'utf8');
const attributs = (balise: string) => Object.fromEntries([...balise.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const balises = (nom: string, xml = XML) => [...xml.matchAll(new RegExp(`<${nom}\\b[^>]*>`, 'g'))].map((m) => attributs(m[0]));
/** Width and height from a PNG's IHDR chunk. */
const taillePng = (f: string) => {
  const b = readFileSync(f);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

// office-addin-manifest pulls ESM-only modules that jest cannot require: read it in plain Node.
function lireManifeste(fichier: string): { id: string; defaultLocale: string; displayName: string; hosts: string[] } {
  const js = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(fichier)}).then((m) => process.stdout.write(JSON.stringify(m)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', js], { encoding: 'utf8', cwd: path.resolve(__dirname, '..') }));
}

describe('manifest.xml (contrôles hors ligne)', () => {
  test('se lit, cible Excel en français, permission minimale, URL en https', () => {
    const m = lireManifeste(path.resolve(__dirname, '..', 'manifest.xml'));
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.defaultLocale).toBe('fr-FR');
    expect(m.displayName).toBe('AGOrA pour Excel');
    expect(m.hosts).toEqual(['Workbook']);
    const xml = require('node:fs').readFileSync(path.resolve(__dirname, '..', 'manifest.xml'), 'utf8') as string;
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    const urls = [...xml.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((x) => x[1]!);
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test('ExcelApi 1.8 au minimum (Excel 2019), et rien d\u2019autre que la lecture-écriture du document', () => {
    expect(balises('Set')).toEqual([{ Name: 'ExcelApi', MinVersion: '1.8' }]);
    expect(XML.match(/<Permissions>(\w+)<\/Permissions>/g)).toEqual(['<Permissions>ReadWriteDocument</Permissions>']);
  });

  test('ruban : un groupe AGOrA dans l\u2019onglet Accueil, un bouton par section, tous vers le même volet', () => {
    expect(balises('OfficeTab')).toEqual([{ id: 'TabHome' }]);
    const boutons = balises('Control');
    expect(boutons.map((b) => b.id)).toEqual(['Agora.Grilles', 'Agora.Exercices', 'Agora.Verifier', 'Agora.Consolider', 'Agora.Parametres']);
    const libelle = (id: string) => new RegExp(`<bt:String id="${id.replace('.', '\\.')}" DefaultValue="([^"]+)"`).exec(XML)?.[1];
    expect(boutons.map((b) => libelle(`${b.id!.split('.')[1]}.Label`))).toEqual(['Grilles', 'Exercices', 'Vérifier', 'Consolider', 'Paramètres']);
    expect(new Set([...XML.matchAll(/<TaskpaneId>([^<]+)<\/TaskpaneId>/g)].map((m) => m[1]))).toEqual(new Set(['Agora.Volet']));
    const sections = balises('bt:Url')
      .filter((u) => u.DefaultValue!.includes('taskpane.html#'))
      .map((u) => u.DefaultValue!.split('#')[1]);
    expect(sections).toEqual(['grilles', 'exercices', 'verifier', 'consolider', 'parametres']);
  });

  test('identifiants uniques, chaque resid défini, chaque texte traduit en en-US et dans les limites de longueur', () => {
    const ids = [...XML.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    const definis = new Set(
      ['bt:Image', 'bt:Url', 'bt:String'].flatMap((b) =>
        balises(b)
          .map((x) => x.id)
          .filter(Boolean),
      ),
    );
    const utilises = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
    for (const r of utilises) expect({ resid: r, defini: definis.has(r) }).toEqual({ resid: r, defini: true });
    for (const r of utilises) expect(r.length).toBeLessThanOrEqual(32);
    for (const [bloc, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      const xml = new RegExp(`<bt:${bloc}>([\\s\\S]*?)</bt:${bloc}>`).exec(XML)![1]!;
      const chaines = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>\s*<\/bt:String>/g)];
      expect(chaines.length).toBe(balises('bt:String', xml).length);
      for (const m of chaines) for (const t of [m[2]!, m[3]!]) expect(t.length).toBeLessThanOrEqual(max);
    }
  });

  test('icônes 16, 32, 64, 80 et 128 px présentes dans assets/ à la bonne taille ; celles du manifeste en font partie', () => {
    for (const n of [16, 32, 64, 80, 128]) expect(taillePng(path.join(RACINE, 'assets', `icon-${n}.png`))).toEqual([n, n]);
    for (const i of [...balises('bt:Image').filter((x) => x.id), ...balises('IconUrl'), ...balises('HighResolutionIconUrl')]) {
      const fichier = /assets\/icon-(\d+)\.png$/.exec(i.DefaultValue!);
      expect(fichier).not.toBeNull();
      if (i.id) expect(i.id).toBe(`Icone.${fichier![1]}`);
    }
  });

  test('la construction de production remplace toutes les URL localhost par l\u2019URL de production, en https', async () => {
    process.env.AGORA_URL_PRODUCTION = 'https://agora.lycee-exemple.fr/complement/';
    try {
      jest.resetModules();
      const config = await require('../webpack.config.js')({}, { mode: 'production' });
      const copie = config.plugins.find((p: { patterns?: unknown }) => p.patterns) as { patterns: { from: string; transform?: (c: Buffer) => string }[] };
      const production = copie.patterns.find((p) => p.from === 'manifest.xml')!.transform!(Buffer.from(XML));
      const urls = [...production.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBe([...XML.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].length);
      for (const u of urls) expect(u).toMatch(/^https:\/\/agora\.lycee-exemple\.fr\/complement\//);
      expect(Object.keys(config.entry)).toEqual(['taskpane', 'commands']);
    } finally {
      delete process.env.AGORA_URL_PRODUCTION;
    }
  });

  test('sans AGORA_URL_PRODUCTION, la construction de production s\u2019arrête sur un message en français (jamais de manifeste vers une adresse inventée) ; une adresse http est refusée', async () => {
    delete process.env.AGORA_URL_PRODUCTION;
    const construire = () => require('../webpack.config.js')({}, { mode: 'production' });
    await expect(construire()).rejects.toThrow("Indiquez l'adresse HTTPS où le lycée publiera le complément, par exemple :\n  AGORA_URL_PRODUCTION=https://serveur.lycee.fr/agora/ npm run build");
    process.env.AGORA_URL_PRODUCTION = 'http://serveur.lycee.fr/agora/';
    try {
      await expect(construire()).rejects.toThrow('AGORA_URL_PRODUCTION doit être une adresse https:// qui finit par « / »');
    } finally {
      delete process.env.AGORA_URL_PRODUCTION;
    }
    // the tests' own builds keep localhost
    const local = await require('../webpack.config.js')({ local: true }, { mode: 'production' });
    const copie = local.plugins.find((p: { patterns?: unknown }) => p.patterns) as { patterns: { from: string; transform?: (c: Buffer) => string }[] };
    expect(copie.patterns.find((p) => p.from === 'manifest.xml')!.transform!(Buffer.from(XML))).toBe(XML);
  });

  test('le serveur de développement démarre quand même si son certificat ne peut pas être installé (« sudo: not found »), et dit quoi faire', async () => {
    jest.resetModules();
    jest.doMock('office-addin-dev-certs', () => ({ getHttpsServerOptions: () => Promise.reject(new Error('sudo: not found')) }));
    const avertissements: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((m: string) => void avertissements.push(m));
    try {
      const config = await require('../webpack.config.js')({ WEBPACK_SERVE: true }, { mode: 'development' });
      expect(config.devServer.server).toBe('https');
      expect(avertissements.join('')).toContain("le certificat de développement n'a pas pu être installé (sudo: not found)");
      expect(avertissements.join('')).toContain('npx office-addin-dev-certs install');
    } finally {
      warn.mockRestore();
      jest.dontMock('office-addin-dev-certs');
    }
  });
});
