import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dossierTemporaire } from './aides/cli';

/**
 * The layers of DESIGN.md, checked on every import of src/: the pure core (référentiel, domain,
 * sheets, check, consolidate, and the exercise packages above them) imports only itself, zod,
 * @noble/hashes (the seal) and @borgar/fx (reading a formula's tokens), and
 * nothing below the packages reaches up to one; io/ never reaches up to app/ or a host;
 * app/ reaches the outside only through the ports (io/ports, with the error and CSV codecs beside
 * it), never an adapter, Node or a host; each host keeps to its side. tsconfig.coeur.json checks
 * the other half: the core and app/ compile without Node's, the DOM's or Office.js's types.
 */

const SRC = path.join(__dirname, '..', 'src');
const PURES = ['referentiel', 'domain', 'sheets', 'check', 'consolidate', 'exercices'];
/** What app/ may import of io/: the ports, and the codecs that are plain text work. */
const IO_DE_APP = ['io/ports', 'io/erreurFichier', 'io/csv', 'io/json'];

function fichiers(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    return statSync(p).isDirectory() ? fichiers(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** « io/office », « app », « domain »…: the layer a path under `src` belongs to. */
function couche(p: string, src: string): string {
  const [a, b] = path.relative(src, p).split(path.sep);
  return a === 'io' && b ? `io/${b.replace(/\.ts$/, '')}` : a!;
}

/** Every module a file imports (static, dynamic, require): a layer of src/, or a package's name. */
function imports(f: string, src: string): string[] {
  const t = readFileSync(f, 'utf8');
  return [...t.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\)|require\('([^']+)'\)/g)].map((m) => {
    const mod = (m[1] ?? m[2] ?? m[3])!;
    if (!mod.startsWith('.')) return mod.startsWith('node:') ? 'node' : mod.startsWith('@') ? mod.split('/').slice(0, 2).join('/') : mod.split('/')[0]!;
    const cible = path.resolve(path.dirname(f), mod);
    return cible.startsWith(src) ? couche(cible, src) : `hors de src : ${path.relative(path.join(src, '..'), cible).split(path.sep)[0]}`;
  });
}

const INTERDITS: Record<string, (cible: string) => boolean> = {
  pur: (c) => !PURES.includes(c) && !['zod', '@noble/hashes', '@borgar/fx'].includes(c) && c !== 'hors de src : templates',
  socle: (c) => INTERDITS.pur!(c) || c === 'exercices',
  io: (c) => ['app', 'cli', 'taskpane', 'commands', 'bench'].includes(c),
  app: (c) => INTERDITS.pur!(c) && c !== 'app' && !IO_DE_APP.includes(c),
  cli: (c) => ['taskpane', 'commands', 'bench', 'io/office', 'io/memory'].includes(c),
  volet: (c) => ['cli', 'bench'].includes(c),
};
const regle = (c: string) => (c === 'exercices' ? 'pur' : PURES.includes(c) ? 'socle' : c.startsWith('io') ? 'io' : c === 'taskpane' || c === 'commands' ? 'volet' : c);

/** Every import a layer must not make, as « file → layer or package ». */
function ecarts(src: string): string[] {
  return fichiers(src).flatMap((f) => {
    const r = INTERDITS[regle(couche(f, src))];
    return r
      ? imports(f, src)
          .filter(r)
          .map((c) => `${path.relative(src, f).split(path.sep).join('/')} → ${c}`)
      : [];
  });
}

test("chaque couche n'importe que ce que DESIGN.md lui permet", () => {
  expect(fichiers(SRC).length).toBeGreaterThan(100);
  expect(ecarts(SRC)).toEqual([]);
});

test("un import interdit est relevé, qu'il soit statique, dynamique ou require", () => {
  const src = path.join(dossierTemporaire('agora-couches-'), 'src');
  const ecrire = (f: string, texte: string) => {
    mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
    writeFileSync(path.join(src, f), texte);
  };
  ecrire('domain/a.ts', "import { readFileSync } from 'node:fs';\nimport type { B } from '../app/b';\nexport const e = () => import('exceljs');\n");
  ecrire('domain/permis.ts', "import { z } from 'zod';\nimport { f } from '../sheets/f';\nimport gabarit from '../../templates/x.json';\n");
  ecrire('io/xlsx/c.ts', "const b = require('../../app/b');\n");
  ecrire('app/b.ts', "export { d } from '../io/office/d';\nimport { lire } from '../io/xlsx/c';\nimport type { Ports } from '../io/ports';\nimport { readFile } from 'node:fs';\n");
  ecrire('cli/g.ts', "import { h } from '../taskpane/h';\n");
  ecrire('sheets/s.ts', "import { TVA } from '../exercices/tva';\n");
  ecrire('exercices/tva/index.ts', "import { f } from '../../sheets/f';\nimport { lire } from '../../io/xlsx/c';\n");
  expect(ecarts(src).sort()).toEqual([
    'app/b.ts → io/office',
    'app/b.ts → io/xlsx',
    'app/b.ts → node',
    'cli/g.ts → taskpane',
    'domain/a.ts → app',
    'domain/a.ts → exceljs',
    'domain/a.ts → node',
    'exercices/tva/index.ts → io/xlsx',
    'io/xlsx/c.ts → app',
    'sheets/s.ts → exercices',
  ]);
});
