import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { ErreurFichier } from '../erreurFichier';
import { classeurDesOctets, TAILLE_MAXIMALE, tropVolumineux, type ClasseurLu } from './classeurLu';
import { contenuZip } from './zipNode';

export type { ClasseurLu };

/** Opens a workbook file to read it (the CLI): a regular file only, its size checked before it is read; it is never written. */
export async function lireClasseur(fichier: string): Promise<ClasseurLu> {
  return classeurDesOctets(fichier, lireOctets(fichier), contenuZip);
}

/**
 * The file's bytes, read synchronously: a class is read one file at a time, and the thread pool's
 * round trips of an asynchronous read were a quarter of the reading time. Opened without blocking
 * and checked on the open descriptor, so that a named pipe or a device (a link to /dev/zero) is
 * refused, never read forever, even if it replaced the file in between.
 */
export function lireOctets(fichier: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(fichier, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ErreurFichier(`« ${fichier} » est un dossier, pas un classeur.`, fichier);
    if (!st.isFile()) throw new ErreurFichier(`« ${fichier} » n'est pas un fichier ordinaire (tube, périphérique ou lien vers l'un d'eux) : il n'a pas été lu.`, fichier);
    if (st.size > TAILLE_MAXIMALE) throw tropVolumineux(fichier, st.size);
    return readFileSync(fd);
  } catch (e) {
    if (e instanceof ErreurFichier) throw e;
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ErreurFichier(`« ${fichier} » est un dossier, pas un classeur.`, fichier);
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
