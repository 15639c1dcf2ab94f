import { fork } from 'node:child_process';

/** What a measuring child prints: time, peak resident memory of its process, and figures of its own. */
export interface MesureEnfant {
  ms: number;
  rssMaxMo: number;
}

/**
 * Child side: times `travail`, samples the process's resident memory every `intervalle` ms while it
 * runs, and prints the measure (with what `travail` returns) as JSON on stdout for the parent.
 */
export async function mesurerEtEcrire(travail: () => Promise<object | void>, intervalle: number): Promise<void> {
  let rssMax = process.memoryUsage().rss;
  const sonde = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), intervalle);
  const t0 = process.hrtime.bigint();
  const suite = (await travail()) ?? {};
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sonde);
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
  process.stdout.write(JSON.stringify({ ms, rssMaxMo: rssMax / 2 ** 20, ...suite }));
}

/** Parent side: runs `fichier --mesurer …args` in a process of its own and returns what it printed. */
export function lancerEnfant<M extends MesureEnfant>(fichier: string, args: readonly string[]): Promise<M> {
  return new Promise((resolve, reject) => {
    const p = fork(fichier, ['--mesurer', ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let sortie = '';
    p.stdout!.on('data', (x) => (sortie += x));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(sortie) as M) : reject(new Error(`mesure ${args[0]} : code ${code}`))));
  });
}
