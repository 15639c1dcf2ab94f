import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/**
 * Microsoft's Excel JavaScript runtime — the very file Excel on the web loads, from
 * @microsoft/office-js — run in a sandbox with no Excel behind it. It builds the request a batch of
 * Office.js calls makes (and throws on a method its API does not have); the request is captured
 * instead of sent, so a test can measure it. No network: the runtime only sees the executor below.
 */
let runtime: typeof Excel | undefined;
function excel(): typeof Excel {
  if (runtime) return runtime;
  const bac: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    Promise,
    performance,
    navigator: { userAgent: 'node' },
    document: { createElement: () => ({}), getElementsByTagName: () => [], addEventListener() {} },
    location: { href: 'https://localhost/', search: '', hash: '' },
    addEventListener() {},
  };
  bac.window = bac;
  bac.self = bac;
  vm.createContext(bac);
  vm.runInContext(readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'), 'utf8'), bac, { filename: 'excel-web-16.00.js' });
  runtime = bac.Excel as typeof Excel;
  return runtime;
}

/**
 * The JSON body of the first request `f`'s Office.js calls make, as Excel's runtime builds it. `f`
 * either only queues calls (they are synced here) or syncs itself: its first sync then fails with
 * code « Capture », as a refusal of Excel would, after the request is captured.
 */
export async function requeteDExcel(f: (context: Excel.RequestContext) => unknown): Promise<string> {
  let corps: string | undefined;
  const capture = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://capture.invalid/', headers: {} }),
    _createRequestExecutorOrNull: () => ({
      executeAsync: (_donnees: unknown, _drapeaux: unknown, message: { Body: unknown }) => {
        corps ??= JSON.stringify(message.Body);
        return Promise.resolve({ ErrorCode: 'Capture', ErrorMessage: 'requête capturée', Headers: {}, Body: null });
      },
    }),
  };
  const context = new (excel().RequestContext)(capture as unknown as string);
  const enAttente = f(context);
  await Promise.resolve(enAttente instanceof Promise ? enAttente : context.sync()).catch((e: { code?: string }) => {
    if (e.code !== 'Capture') throw e;
  });
  if (corps === undefined) throw new Error('Aucune requête construite.');
  return corps;
}

/** The names of the methods called and properties set or loaded in a request, in order, each once. */
export function appelsDe(corps: string): string[] {
  const r = JSON.parse(corps) as { Actions: { Name: string; ArgumentInfo?: { Arguments?: unknown[] } }[]; ObjectPaths: Record<string, { Name: string }> };
  return [...new Set([...Object.values(r.ObjectPaths).map((p) => p.Name), ...r.Actions.map((a) => a.Name)].filter(Boolean))];
}
