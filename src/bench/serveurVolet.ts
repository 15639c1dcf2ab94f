/**
 * The built task pane served as Excel would load it, for the E2E test and the bench: `dist/` over
 * local HTTP, office.js answered from the @microsoft/office-js package in place of Microsoft's CDN,
 * every other request refused and recorded (the pane must make none).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';

const RACINE = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'lib' ? ['..'] : []));
const OFFICE = path.join(RACINE, 'node_modules', '@microsoft', 'office-js', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

export const CHROMIUM = process.env.AGORA_CHROMIUM ?? '/usr/bin/chromium';

/** Builds the add-in for production into `dist` (webpack, as `npm run build`, the manifest left on localhost). */
export function construireVolet(dist: string): void {
  execFileSync(process.execPath, [path.join(RACINE, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', 'local', '--output-path', dist], { cwd: RACINE, stdio: 'pipe' });
}

export interface ServeurVolet {
  base: string;
  /** requests refused because they left the pane's server */
  sorties: string[];
  /** routes a page's requests: the pane's files, office.js locally, nothing else */
  router(page: Page): Promise<void>;
  fermer(): Promise<void>;
}

export async function servirVolet(dist: string): Promise<ServeurVolet> {
  const serveur = http.createServer((req, res) => {
    const f = path.join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!f.startsWith(dist) || !existsSync(f)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(f)] ?? 'application/octet-stream' }).end(readFileSync(f));
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  const sorties: string[] = [];
  return {
    base,
    sorties,
    router: async (page) => {
      await page.route('**/*', (route) => {
        const u = new URL(route.request().url());
        if (u.origin === base) return route.continue();
        if (u.hostname === 'appsforoffice.microsoft.com') {
          const f = path.join(OFFICE, u.pathname.replace(/^\/lib\/1\/hosted\//, ''));
          if (f.startsWith(OFFICE) && existsSync(f)) return route.fulfill({ path: f, contentType: 'text/javascript' });
          return route.fulfill({ status: 404 });
        }
        sorties.push(u.href);
        return route.abort();
      });
    },
    fermer: () => new Promise((ok) => serveur.close(() => ok())),
  };
}
