import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ErreurFichier, FichierExistant } from './erreurFichier';

export { ErreurFichier, FichierExistant };
import path from 'node:path';

/**
 * Creates an output folder (its parents too when `parents`), with a French error naming what is
 * missing or in the way; an existing folder is fine.
 */
export async function creerDossier(dossier: string, parents = false): Promise<void> {
  try {
    await fs.mkdir(dossier, { recursive: parents });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ErreurFichier(`Le dossier « ${path.dirname(path.resolve(dossier))} » n'existe pas : impossible de créer « ${dossier} ».`, dossier);
    if (code !== 'EEXIST') throw new ErreurFichier(`Impossible de créer le dossier « ${dossier} » : ${(e as Error).message}.`, dossier);
    if (!(await fs.stat(dossier)).isDirectory()) throw new ErreurFichier(`« ${dossier} » existe et n'est pas un dossier.`, dossier);
  }
}

/** Whether something other than a folder is at this path (writing over a folder fails with its own message). */
export const existe = (chemin: string): Promise<boolean> =>
  fs.lstat(chemin).then(
    (st) => !st.isDirectory(),
    () => false,
  );

/**
 * Puts a complete temporary file at `cible` without ever replacing what is there: a hard link is
 * atomic and fails when the target exists; where the file system has no hard links (a FAT key, some
 * network shares), a check just before the rename.
 */
async function poserSansRemplacer(temporaire: string, cible: string): Promise<void> {
  try {
    await fs.link(temporaire, cible);
    await fs.rm(temporaire, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FichierExistant([cible]);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    if (await existe(cible)) throw new FichierExistant([cible]);
    await fs.rename(temporaire, cible);
  }
}

/**
 * Writes a file so that nothing half-written is ever left: the bytes go to a temporary file
 * in the same folder, which is renamed onto the target only once complete. An existing target is
 * replaced only when `remplacer`; otherwise it stays as it is and a `FichierExistant` says so.
 */
export async function ecrireAtomiquement(cible: string, contenu: Uint8Array | string | AsyncIterable<Uint8Array>, remplacer = false): Promise<void> {
  const dossier = path.dirname(path.resolve(cible));
  try {
    const st = await fs.stat(dossier);
    if (!st.isDirectory()) throw new ErreurFichier(`« ${dossier} » n'est pas un dossier : impossible d'écrire « ${cible} ».`, cible);
  } catch (e) {
    if (e instanceof ErreurFichier) throw e;
    throw new ErreurFichier(`Le dossier « ${dossier} » n'existe pas : impossible d'écrire « ${cible} ».`, cible);
  }
  const deja = await fs.lstat(cible).catch(() => null);
  if (deja?.isDirectory()) throw new ErreurFichier(`Impossible d'écrire « ${cible} » : c'est un dossier.`, cible);
  if (deja && !remplacer) throw new FichierExistant([cible]); // before the bytes are made
  const temporaire = path.join(dossier, `.${path.basename(cible)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (typeof contenu === 'string' || contenu instanceof Uint8Array) await fs.writeFile(temporaire, contenu);
    else await pipeline(contenu, createWriteStream(temporaire));
    if (remplacer) await fs.rename(temporaire, cible);
    else await poserSansRemplacer(temporaire, cible);
  } catch (e) {
    await fs.rm(temporaire, { force: true });
    if (e instanceof ErreurFichier) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const raison =
      code === 'EACCES' || code === 'EPERM'
        ? 'accès refusé'
        : code === 'EISDIR'
          ? "c'est un dossier"
          : code === 'ENOSPC'
            ? 'disque plein'
            : code === 'EROFS'
              ? 'système de fichiers en lecture seule'
              : (e as Error).message;
    throw new ErreurFichier(`Impossible d'écrire « ${cible} » : ${raison}.`, cible);
  }
}

/**
 * The workbooks named on a command line: the files named, and every .xlsx/.xlsm under the folders
 * named (sub-folders too: one per teacher is common), Excel's « ~$ » lock files and hidden « . »
 * files (our temporaries, macOS « ._ » copies) left out, as are the paths `exclus` (a file or a
 * folder: what the command writes), each file once.
 */
export async function classeursNommes(entrees: readonly string[], exclus: readonly string[] = []): Promise<string[]> {
  const ecartes = new Set(exclus.map((f) => path.resolve(f)));
  const fichiers: string[] = [];
  const parcourir = async (p: string, nomme: boolean): Promise<void> => {
    if (ecartes.has(path.resolve(p))) return;
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      for (const f of (await fs.readdir(p)).sort()) await parcourir(path.join(p, f), false);
    } else if (nomme || (/\.xls[xm]$/i.test(p) && !path.basename(p).startsWith('~$') && !path.basename(p).startsWith('.'))) fichiers.push(p);
  };
  for (const e of entrees) await parcourir(e, true);
  return [...new Set(fichiers)];
}
