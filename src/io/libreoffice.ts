import { spawn } from 'node:child_process';
import { promises as fs, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Recalcul } from './ports';

/**
 * LibreOffice headless as the command line's spreadsheet engine: each run has a profile of its own
 * (runs side by side never share an instance), set to recalculate every formula of an .xlsx on
 * load (by default LibreOffice keeps the results Excel saved, which would hide a formula that does
 * not follow new data). All the workbooks of a call are converted in one run.
 */

const MESSAGE_ABSENT =
  'LibreOffice n\u2019est pas installé sur ce poste : la robustesse des formules (suivent-elles les données quand elles changent ?) n\u2019a pas été vérifiée ; les valeurs l\u2019ont été. Installez LibreOffice (paquet libreoffice-calc) pour la vérifier.';

/** `soffice` on the PATH (or AGORA_SOFFICE), or null. */
async function soffice(): Promise<string | null> {
  const candidats = process.env.AGORA_SOFFICE
    ? [process.env.AGORA_SOFFICE]
    : (process.env.PATH ?? '').split(path.delimiter).flatMap((d) => (d ? [path.join(d, 'soffice'), path.join(d, 'soffice.exe')] : []));
  for (const c of candidats) {
    try {
      await fs.access(c, constants.X_OK);
      return c;
    } catch {
      /* not this one */
    }
  }
  return null;
}

/**
 * A profile that recalculates every .xlsx on load (Outils › Options › Calc › Formule › « Toujours
 * recalculer »), never updates a link to another file, and runs no macro.
 */
async function profil(dossier: string): Promise<string> {
  const utilisateur = path.join(dossier, 'profil', 'user');
  await fs.mkdir(utilisateur, { recursive: true });
  await fs.writeFile(
    path.join(utilisateur, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
`,
  );
  return path.join(dossier, 'profil');
}

function lancer(programme: string, args: string[], delai: number): Promise<{ code: number | null; erreur: string }> {
  return new Promise((resolve) => {
    const p = spawn(programme, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let erreur = '';
    p.stderr.on('data', (d: Buffer) => (erreur += d.toString()));
    const minuterie = setTimeout(() => p.kill('SIGKILL'), delai);
    p.on('error', (e) => {
      clearTimeout(minuterie);
      resolve({ code: -1, erreur: e.message });
    });
    p.on('close', (code) => {
      clearTimeout(minuterie);
      resolve({ code, erreur });
    });
  });
}

export function recalculLibreOffice(changer: Recalcul['changer']): Recalcul {
  return {
    changer,
    async recalculer(classeurs) {
      const programme = await soffice();
      if (!programme) throw new Error(MESSAGE_ABSENT);
      const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'agora-recalcul-'));
      try {
        const entree = path.join(dossier, 'entree');
        const sortie = path.join(dossier, 'sortie');
        await fs.mkdir(entree);
        await fs.mkdir(sortie);
        const fichiers = await Promise.all(
          classeurs.map(async (o, i) => {
            const f = path.join(entree, `c${i}.xlsx`);
            await fs.writeFile(f, o);
            return f;
          }),
        );
        const p = await profil(dossier);
        // a class's copies are small: three minutes is LibreOffice stuck, not working
        const r = await lancer(
          programme,
          [`-env:UserInstallation=file://${p.replace(/\\/g, '/')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', sortie, ...fichiers],
          180_000,
        );
        const lus = await Promise.all(fichiers.map((f) => fs.readFile(path.join(sortie, path.basename(f))).catch(() => null)));
        if (lus.some((x) => x === null))
          throw new Error(
            `LibreOffice n\u2019a pas pu recalculer la copie (code ${r.code ?? 'interrompu'}${r.erreur ? ` : ${r.erreur.trim().slice(0, 200)}` : ''}) ; la robustesse des formules n\u2019a pas été vérifiée.`,
          );
        return lus.map((x) => new Uint8Array(x!));
      } finally {
        await fs.rm(dossier, { recursive: true, force: true });
      }
    },
  };
}
