import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process and captures what it prints. */
export async function lancer(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

export const dossierTemporaire = (prefixe = 'agora-') => mkdtempSync(path.join(os.tmpdir(), prefixe));
