import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { auMoins, versionExcelApi } from '../../src/io/memory/ensembles';

/**
 * The audit of the Office.js members the shipped add-in uses (the task pane's and the ribbon's
 * entries, and all they import), by the TypeScript compiler: each member with its requirement set
 * (the JSDoc « [Api set: …] » of @types/office-js) and whether a runtime check dominates each use —
 * `prend('x.y')` (the project's wrapper of isSetSupported) or isSetSupported itself, in the condition
 * of an `if`, a `?:` or a `&&` around the use, in a constant set from such a check, or at every call
 * of the function the use is in. Run in `npm run lint` (tests/office.audit.test.ts).
 */

export interface UsageOffice {
  membre: string; // « RangeFormat.shrinkToFit »
  ensemble: string; // « ExcelApi 1.9 », or what the types say
  fichier: string;
  ligne: number;
  garde: string | null; // the version a dominating check ensures, null when none
  deprecie: boolean;
}

export interface Audit {
  usages: UsageOffice[];
  /** what fails the lint, in French */
  problemes: string[];
}

const RACINE = path.join(__dirname, '..', '..');
export const ENTREES = ['src/taskpane/taskpane.ts', 'src/commands/commands.ts'].map((f) => path.join(RACINE, f));

/** The manifest's lowest ExcelApi set: what every Office.js member used without a check must be within. */
const MINIMUM = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\/>/.exec(readFileSync(path.join(RACINE, 'manifest.xml'), 'utf8'))![1]!;

/** The version a check ensures when `n` is true: prend('1.9'), isSetSupported('ExcelApi', '1.9'), or a constant set from one. */
function versionGardee(n: ts.Node, checker: ts.TypeChecker, vus = new Set<ts.Node>()): string | null {
  let meilleure: string | null = null;
  const retenir = (v: string | null) => {
    if (v && (!meilleure || auMoins(v, meilleure))) meilleure = v;
  };
  const visiter = (x: ts.Node): void => {
    if (ts.isCallExpression(x)) {
      const appel = x.expression;
      const nom = ts.isIdentifier(appel) ? appel.text : ts.isPropertyAccessExpression(appel) ? appel.name.text : '';
      const args = x.arguments.filter(ts.isStringLiteral).map((a) => a.text);
      if (nom === 'prend' && args[0]) retenir(args[0]);
      if (nom === 'isSetSupported' && args[0] === 'ExcelApi' && args[1]) retenir(args[1]);
    }
    // a constant, or an object's property, set from a check: `aires` of `{ aires }` where `const aires = fusions ? … : undefined`
    if (ts.isIdentifier(x) && !vus.has(x)) {
      vus.add(x);
      let d = checker.getSymbolAtLocation(x)?.valueDeclaration;
      if (d && ts.isShorthandPropertyAssignment(d)) d = checker.getShorthandAssignmentValueSymbol(d)?.valueDeclaration;
      const valeur = d && (ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d)) ? d.initializer : undefined;
      if (d && valeur && !vus.has(d)) {
        vus.add(d);
        retenir(versionGardee(valeur, checker, vus));
      }
    }
    ts.forEachChild(x, visiter);
  };
  visiter(n);
  return meilleure;
}

/**
 * A function whose calls are looked at: a declaration, a method, a function set to a constant. An
 * inline callback (`lots(p).map((a) => ws.getRanges(a))`) runs where it is written: the checks
 * around it hold inside it.
 */
const estFonctionNommee = (p: ts.Node) => ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p) || (ts.isFunctionLike(p) && ts.isVariableDeclaration(p.parent));

/** The version the checks around `n` in its own function ensure (null: none). */
function gardeLocale(n: ts.Node, checker: ts.TypeChecker): string | null {
  let v: string | null = null;
  for (let p = n.parent, enfant: ts.Node = n; p && !ts.isSourceFile(p); enfant = p, p = p.parent) {
    let g: string | null = null;
    if (ts.isIfStatement(p) && enfant === p.thenStatement) g = versionGardee(p.expression, checker);
    else if (ts.isConditionalExpression(p) && enfant === p.whenTrue) g = versionGardee(p.condition, checker);
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && enfant === p.right) g = versionGardee(p.left, checker);
    if (g && (!v || auMoins(g, v))) v = g;
    if (estFonctionNommee(p)) break;
  }
  return v;
}

export function auditerOffice(entrees = ENTREES, remplacer: Record<string, string> = {}): Audit {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    types: ['office-js'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const hote = ts.createCompilerHost(options);
  const lire = hote.readFile.bind(hote);
  // a test can audit a changed source (an unguarded member put back) without writing it
  hote.readFile = (f) => remplacer[path.resolve(f)] ?? lire(f);
  const programme = ts.createProgram(entrees, options, hote);
  const checker = programme.getTypeChecker();
  const sources = programme.getSourceFiles().filter((s) => s.fileName.startsWith(path.join(RACINE, 'src')) && !s.isDeclarationFile);

  // every call of every function of the bundle: a use in a function is guarded when all its calls are
  const appels = new Map<ts.Node, ts.Node[]>();
  for (const s of sources)
    ts.forEachChild(s, function visiter(x: ts.Node): void {
      if (ts.isCallExpression(x)) {
        const d = checker.getSymbolAtLocation(x.expression)?.valueDeclaration;
        const f = d && (ts.isFunctionLike(d) ? d : ts.isVariableDeclaration(d) && d.initializer && ts.isFunctionLike(d.initializer) ? d.initializer : undefined);
        if (f) (appels.get(f) ?? appels.set(f, []).get(f)!).push(x);
      }
      ts.forEachChild(x, visiter);
    });
  const garde = (n: ts.Node, profondeur = 0): string | null => {
    const locale = gardeLocale(n, checker);
    if (locale || profondeur > 8) return locale;
    let f: ts.Node | undefined = n.parent;
    while (f && !estFonctionNommee(f)) f = f.parent;
    const sites = f && appels.get(f);
    if (!sites?.length) return null;
    const gardes = sites.map((s) => garde(s, profondeur + 1));
    return gardes.every((g) => g) ? gardes.reduce((a, b) => (auMoins(a!, b!) ? b : a)) : null;
  };

  const usages: UsageOffice[] = [];
  for (const s of sources)
    ts.forEachChild(s, function visiter(x: ts.Node): void {
      if (ts.isPropertyAccessExpression(x)) {
        const d = checker.getSymbolAtLocation(x.name)?.declarations?.[0];
        if (
          d &&
          d.getSourceFile().fileName.includes(`${path.sep}@types${path.sep}office-js${path.sep}`) &&
          (ts.isPropertyDeclaration(d) || ts.isMethodDeclaration(d) || ts.isPropertySignature(d) || ts.isMethodSignature(d))
        ) {
          const doc = ts
            .getJSDocCommentsAndTags(d)
            .map((j) => j.getText())
            .join('\n');
          const parent = d.parent as ts.ClassDeclaration | ts.InterfaceDeclaration;
          const ensemble = /\[Api set: ([^\]]+)\]/.exec(doc)?.[1]?.trim() ?? '';
          usages.push({
            membre: `${parent.name?.getText() ?? '?'}.${x.name.text}`,
            ensemble,
            fichier: path.relative(RACINE, s.fileName),
            ligne: s.getLineAndCharacterOfPosition(x.name.getStart()).line + 1,
            garde: garde(x),
            deprecie: /@deprecated/.test(doc),
          });
        }
      }
      ts.forEachChild(x, visiter);
    });

  const problemes: string[] = [];
  for (const u of usages) {
    const ou = `${u.fichier}:${u.ligne} ${u.membre}`;
    if (u.deprecie) problemes.push(`${ou} : membre déprécié`);
    if (/beta|preview|online|desktop/i.test(u.ensemble)) problemes.push(`${ou} : ensemble ${u.ensemble} (bêta, préversion, web ou bureau seulement)`);
    const v = u.ensemble ? versionExcelApi(u.ensemble) : null;
    if (v && !auMoins(MINIMUM, v) && !(u.garde && auMoins(u.garde, v))) problemes.push(`${ou} : ExcelApi ${v}, au-dessus du minimum du manifeste (${MINIMUM}), sans vérification qui le précède`);
    // a common API (Office.*) with a requirement set the manifest does not declare
    if (u.ensemble && !u.ensemble.startsWith('ExcelApi') && !/beta|preview|online|desktop/i.test(u.ensemble)) problemes.push(`${ou} : ensemble ${u.ensemble} non déclaré dans le manifeste`);
  }
  return { usages, problemes };
}
