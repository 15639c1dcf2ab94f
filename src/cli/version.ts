import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The version of package.json, found beside the compiled or the TypeScript sources. */
function lireVersion(): string {
  for (let d = __dirname, i = 0; i < 5; i++, d = path.dirname(d)) {
    try {
      const p = JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (p.name === 'agora-excel' && p.version) return p.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'inconnue';
}

export const VERSION = lireVersion();
