import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { ecrireCopieAnnotee, verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { grillesParEleve } from '../src/cli/casDUsage';
import { dossierTemporaire, lancer } from './aides/cli';
import { cleDesTests } from './aides/cle';
import { saisir } from './aides/modifierCopie';
import { lireClasseur } from '../src/io/xlsx/lireClasseur';
import { adresseDansPlage } from '../src/sheets/exercices/lecture';
import { corpusHostile, type CasHostile } from './aides/corpusHostile';

/**
 * What a student who wants to break the class's batch could hand in: every case ends as a French
 * message (exit 1) or an « Anomalies » row, in a process that is never killed and stays under 1 Go,
 * and the good files around it are still read. The CLI runs in child processes so that a crash or
 * an out-of-memory abort shows as a signal instead of taking Jest down.
 */

const DATE = '2026-11-23';
const d = dossierTemporaire('agora-hostiles-');
const RACINE = path.resolve(__dirname, '..');
const MO = 1024 * 1024;

/** The compiled CLI in a child process: exit code or signal, what it printed, its peak memory (Mo). */
function agora(args: string[]) {
  const script = `require(${JSON.stringify(path.join(RACINE, 'lib/src/cli/main.js'))}).main(${JSON.stringify(args)}).then((c) => { process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = c; })`;
  // Jest's sandbox has its own process.env: the key's path (AGORA_CLE) is passed on explicitly
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * MO, env: { ...process.env } });
  const rss = Number(/\nRSS (\d+)\n$/.exec(r.stderr)?.[1]) / 1024;
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr.replace(/\nRSS \d+\n$/, ''), rss };
}

const eleve = { nom: 'MARTIN', prenom: 'Léa', classe: '1re AGOrA B' };
let cas: CasHostile[] = [];
const hostiles: { cas: CasHostile; fichier: string }[] = [];
let bons: string[] = [];
const lot = path.join(d, 'lot');

beforeAll(async () => {
  mkdirSync(lot);
  const ex = path.join(d, 'exercice.xlsx');
  await ecrireExercice({ type: 'tva', graine: 5, periode: '2026-03', date: DATE, cle: cleDesTests() }, eleve, ex);
  const attendus = attendusDesReponses(await ouvrirExercice(ex));
  const copie = path.join(lot, 'bonne-copie.xlsx');
  writeFileSync(copie, await remplirClasseur(ex, attendus));
  const verifiee = path.join(lot, 'bonne-copie-verifiee.xlsx');
  await ecrireCopieAnnotee(await verifierCopie(copie, { date: DATE, cle: cleDesTests() }), verifiee);
  const g = path.join(d, 'grilles');
  mkdirSync(g);
  await grillesParEleve(
    [
      { nom: 'DUPONT', prenom: 'Jean', classe: 'TLE A' },
      { nom: 'BERNARD', prenom: 'Inès', classe: 'TLE A' },
    ],
    { types: ['pfmp', 'e31'], etablissement: 'Lycée', annee: '2026-2027', date: DATE },
    g,
  );
  const [g1, g2] = readdirSync(g).sort();
  writeFileSync(path.join(lot, 'bonne-grille.xlsx'), readFileSync(path.join(g, g1!)));
  bons = ['bonne-copie.xlsx', 'bonne-copie-verifiee.xlsx', 'bonne-grille.xlsx'].map((f) => path.join(lot, f));
  cas = corpusHostile({ copie: readFileSync(verifiee), nomReponse: 'TVA_L28', travail: 'Travail', grilles: readFileSync(path.join(g, g2!)) });
  for (const [i, c] of cas.entries()) {
    const fichier = path.join(lot, `hostile-${String(i + 1).padStart(2, '0')}.xlsx`);
    await c.ecrire(fichier);
    hostiles.push({ cas: c, fichier });
  }
  execFileSync('mkfifo', [path.join(lot, 'tube.xlsx')]);
  symlinkSync('/dev/zero', path.join(lot, 'zero.xlsx'));
}, 300_000);

/** Sheet and « D13 »: where a defined name points. */
const celluleDuNom = async (f: string, nom: string) => {
  const p = (await lireClasseur(f)).plage(nom)!;
  return { feuille: p.feuille, adresse: adresseDansPlage(p) };
};

const PAS_UN_FICHIER = /n'est pas un fichier ordinaire \(tube, périphérique ou lien vers l'un d'eux\) : il n'a pas été lu\./;

test('agora verifier : chaque fichier hostile, seul, finit en message français (code 1), sans signal ni « Erreur inattendue », sous 1 Go', () => {
  const vus: string[] = [];
  for (const { cas: c, fichier } of [...hostiles, ...['tube.xlsx', 'zero.xlsx'].map((f) => ({ cas: { nom: f, verifier: PAS_UN_FICHIER } as CasHostile, fichier: path.join(lot, f) }))]) {
    const r = agora(['verifier', fichier, '--out-dir', path.join(d, 'annotees-seul')]);
    vus.push(`${c.nom} : code ${r.code}, signal ${r.signal}, ${Math.round(r.rss)} Mo`);
    expect(r.rss).toBeLessThan(1024);
    if (c.verifier === 'lu') {
      expect({ nom: c.nom, code: r.code, signal: r.signal, err: r.err }).toEqual({ nom: c.nom, code: 0, signal: null, err: '' });
      continue;
    }
    expect({ nom: c.nom, code: r.code, signal: r.signal }).toEqual({ nom: c.nom, code: 1, signal: null });
    expect(r.err).toMatch(c.verifier);
    expect(r.err).toContain(`« ${fichier} »`);
    expect(r.err).not.toMatch(/inattendue/i);
  }
  console.log(vus.join('\n'));
}, 900_000);

test('agora consolider : les fichiers hostiles deviennent des lignes « Anomalies », les bons sont tous lus, sous 1 Go', () => {
  const sortie = path.join(d, 'classe.xlsx');
  const r = agora(['consolider', lot, '--out', sortie, '--json']);
  expect({ code: r.code, signal: r.signal, err: r.err }).toEqual({ code: 0, signal: null, err: '' });
  expect(r.rss).toBeLessThan(1024);
  const res = JSON.parse(r.out) as { fichiers: number; eleves: number; anomalies: { fichier: string; probleme: string }[] };
  expect(res.fichiers).toBe(bons.length + hostiles.length + 2);
  // the verified copy positions MARTIN; the grid, DUPONT; the copies read safely position MARTIN again
  expect({ eleves: res.eleves, anomalies: res.anomalies.filter((a) => bons.includes(a.fichier) && !/n'a pas été vérifiée/.test(a.probleme)) }).toEqual({ eleves: 2, anomalies: [] });
  for (const { cas: c, fichier } of hostiles) {
    const siennes = res.anomalies.filter((a) => a.fichier === fichier);
    if (c.consolider === 'lu') expect({ nom: c.nom, siennes: siennes.filter((a) => /^Le fichier/.test(a.probleme)) }).toEqual({ nom: c.nom, siennes: [] });
    else {
      expect({ nom: c.nom, n: siennes.length }).toEqual({ nom: c.nom, n: 1 });
      expect(siennes[0]!.probleme).toMatch(/^Le fichier /);
      expect(siennes[0]!.probleme).toMatch(c.consolider);
    }
  }
  for (const f of ['tube.xlsx', 'zero.xlsx']) expect(res.anomalies.filter((a) => a.fichier === path.join(lot, f)).map((a) => a.probleme)).toEqual([expect.stringMatching(PAS_UN_FICHIER)]);
  expect(JSON.stringify(res)).not.toMatch(/inattendue|pas pu être lu/);
}, 900_000);

test('agora verifier DOSSIER : les bonnes copies sont toutes vérifiées et annotées malgré les fichiers hostiles du lot', () => {
  const sortie = path.join(d, 'annotees-lot');
  const r = agora(['verifier', lot, '--out-dir', sortie, '--json']);
  expect({ code: r.code, signal: r.signal }).toEqual({ code: 1, signal: null });
  expect(r.rss).toBeLessThan(1024);
  expect(r.err).not.toMatch(/inattendue/i);
  const res = JSON.parse(r.out) as { copies: { fichier: string; total: { taux: number | null } }[]; erreurs: { fichier: string; message: string }[] };
  const copies = Object.fromEntries(res.copies.map((c) => [path.basename(c.fichier), c.total.taux]));
  expect(copies['bonne-copie.xlsx']).toBe(1);
  expect(copies['bonne-copie-verifiee.xlsx']).toBe(1);
  expect(readdirSync(sortie)).toEqual(expect.arrayContaining(['bonne-copie-verifie.xlsx', 'bonne-copie-verifiee-verifie.xlsx']));
  // every file is accounted for: checked, or refused with its reason
  expect(res.copies.length + res.erreurs.length).toBe(bons.length + hostiles.length + 2);
  for (const { cas: c, fichier } of hostiles) {
    const e = res.erreurs.find((x) => x.fichier === fichier);
    if (c.verifier === 'lu') expect({ nom: c.nom, e }).toEqual({ nom: c.nom, e: undefined });
    else expect({ nom: c.nom, message: e?.message }).toEqual({ nom: c.nom, message: expect.stringMatching(c.verifier) });
  }
}, 900_000);

test('le volet (DecompressionStream) refuse les mêmes bombes, sans dépasser la taille annoncée ; le bon classeur s’ouvre', async () => {
  const { lireClasseurOctets } = await import('../src/io/xlsx/lireClasseurNavigateur');
  const avant = process.memoryUsage().rss;
  for (const { cas: c, fichier } of hostiles.filter((h) => /^bombe/.test(h.cas.nom))) await expect(lireClasseurOctets(fichier, readFileSync(fichier))).rejects.toThrow(c.consolider as RegExp);
  expect((process.memoryUsage().rss - avant) / MO).toBeLessThan(512);
  expect((await lireClasseurOctets(bons[1]!, readFileSync(bons[1]!))).agora.get('modele')).toBe('exercice-tva-ca3');
});

describe('énoncés et noms de fichiers hostiles', () => {
  test('paie-anomalies dont l’effectif a été changé dans l’Énoncé : « Énoncé modifié », code 1, jamais « erreur inattendue »', async () => {
    const f = path.join(d, 'paie-anomalies.xlsx');
    await ecrireExercice({ type: 'paie-anomalies', graine: 5, periode: '2026-03', date: DATE, cle: cleDesTests() }, eleve, f);
    const g = path.join(d, 'paie-anomalies-60-salaries.xlsx');
    // 60 salariés : le FNAL passe au taux de 50 salariés et plus, le bulletin affiché n'a plus les lignes du cas
    const c = await celluleDuNom(f, 'PAIE_Effectif');
    await saisir(f, g, c.feuille, c.adresse, 60);
    const r = await lancer(['verifier', g]);
    expect(r.code).toBe(1);
    const m =
      /^Erreur : Énoncé modifié dans « (.+) » \(PAIE_Entreprise\) : ce n'est plus un cas cohérent \((\d+) lignes affichées, (\d+) lignes dans le bulletin calculé à partir du cas\) ; la copie n'est pas vérifiée\. Redonnez à l'élève l'exercice d'origine\.\n$/.exec(
        r.err,
      );
    expect(m?.[1]).toBe(g);
    expect(Number(m![3]) - Number(m![2])).toBe(1);
  });

  test('grilles --par-eleve : nom de 500 caractères, emojis, CON.txt, NUL, contrôle bidi : toute la classe est écrite, noms de 255 octets au plus, sans nom réservé de Windows ni caractère bidi', async () => {
    const liste = path.join(d, 'noms-hostiles.csv');
    writeFileSync(liste, ['nom;prenom', `${'A'.repeat(500)};Jean`, `${'😀'.repeat(100)};Emoji`, 'CON.txt;Con', 'lpt1.doc;Z', 'NUL;Nul', '\u202eDUPONT;Bidi', 'MARTIN;Léa'].join('\n'));
    const dossier = path.join(d, 'par-eleve');
    const r = await lancer(['grilles', '--classe', liste, '--par-eleve', dossier, '--type', 'pfmp']);
    expect(r.code).toBe(0);
    const noms = readdirSync(dossier).sort();
    expect(noms).toHaveLength(7);
    // « NUL_Nul » is not reserved: Windows looks at the name before its first dot
    expect(noms).toEqual(
      expect.arrayContaining([`${'A'.repeat(120)}.xlsx`, `${'😀'.repeat(30)}.xlsx`, '_CON.TXT_Con.xlsx', '_LPT1.DOC_Z.xlsx', 'NUL_Nul.xlsx', 'DUPONT_Bidi.xlsx', 'MARTIN_Léa.xlsx']),
    );
    for (const n of noms) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
  });

  test('verifier --out-dir : une copie au nom de 250 octets donne une copie annotée au nom raccourci, sans ENAMETOOLONG', async () => {
    const long = path.join(d, `${'é'.repeat(120)}.xlsx`);
    writeFileSync(long, readFileSync(bons[0]!));
    const sortie = path.join(d, 'annotees-longues');
    const r = await lancer(['verifier', long, bons[0]!, '--out-dir', sortie]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(readdirSync(sortie).sort()).toEqual(['bonne-copie-verifie.xlsx', `${'é'.repeat(100)}-verifie.xlsx`]);
  });
});
