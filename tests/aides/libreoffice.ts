import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * LibreOffice headless as a real spreadsheet engine: converting an .xlsx recalculates its formulas
 * (exceljs writes them without cached results). Each call uses its own profile so that test files
 * running in parallel do not share a LibreOffice instance.
 */
export function convertirAvecLibreOffice(fichier: string, format: 'xlsx' | 'pdf', dossier = mkdtempSync(path.join(os.tmpdir(), 'agora-lo-'))): string {
  const profil = mkdtempSync(path.join(os.tmpdir(), 'agora-lo-profil-'));
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profil}`, '--headless', '--convert-to', format, '--outdir', dossier, fichier], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.error) throw new Error(`LibreOffice (soffice) introuvable ou bloqué : ${r.error.message}. Installez libreoffice-calc-nogui (voir .ci/run).`);
  const sortie = path.join(dossier, `${path.basename(fichier, path.extname(fichier))}.${format}`);
  if (r.status !== 0) throw new Error(`LibreOffice a échoué (${r.status}) : ${r.stderr}`);
  return sortie;
}
