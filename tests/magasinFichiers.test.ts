import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// the compiled module (`npm test` builds lib/ first), in a process of its own to interrupt
const MODULE = path.join(__dirname, '..', 'lib', 'src', 'io', 'magasinFichiers.js');

/** A process that writes evidence to disk, prints its folder, then is stopped by `signal` (or ends). */
function magasinInterrompu(signal: 'SIGINT' | 'SIGTERM' | null) {
  const script = `
    const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
    const { magasinFichiers } = require(${JSON.stringify(MODULE)});
    const dossiers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('agora-consolidation-'));
    const avant = new Set(dossiers());
    const b = magasinFichiers(64, 7).bande();
    for (let i = 0; i < 50; i++) b.ajouter(['Élève ' + i, i]);
    process.stdout.write(dossiers().filter((f) => !avant.has(f)).map((f) => path.join(os.tmpdir(), f)).join(',') + '\\n');
    ${signal ? `process.kill(process.pid, '${signal}'); setTimeout(() => {}, 5000);` : ''}
  `;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

test.each(['SIGINT', 'SIGTERM', null] as const)('dossier temporaire de la consolidation effacé quand le processus est arrêté (%s) ou finit sans fermer', (signal) => {
  const r = magasinInterrompu(signal);
  const dossier = r.stdout.trim();
  expect(dossier).toMatch(/agora-consolidation-/);
  expect(existsSync(dossier)).toBe(false);
  // the signal still ends the process as it would have
  expect(r.signal).toBe(signal);
});
