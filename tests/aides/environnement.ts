import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each test file gets its own teacher's key, so no test reads or writes the user's (~/.config/agora-excel);
// the CLI run in child processes inherits it through AGORA_CLE.
const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'agora-cle-')), 'cle-enseignant.txt');
writeFileSync(f, `${randomBytes(32).toString('base64')}\n`);
process.env.AGORA_CLE = f;
