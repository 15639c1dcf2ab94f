import { execFileSync } from 'node:child_process';
import path from 'node:path';

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
});
