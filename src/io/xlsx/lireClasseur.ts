import { promises as fs } from 'node:fs';
import { ErreurFichier } from '../erreurFichier';
import { classeurDesOctets, TAILLE_MAXIMALE, tropVolumineux, type ClasseurLu } from './classeurLu';
import { contenuZip } from './zipNode';

export type { ClasseurLu };

/** Opens a workbook file to read it (the CLI): a regular file only, its size checked before it is read; it is never written. */
export async function lireClasseur(fichier: string): Promise<ClasseurLu> {
  let octets: Buffer;
  try {
    const st = await fs.stat(fichier);
    if (st.isDirectory()) throw new ErreurFichier(`« ${fichier} » est un dossier, pas un classeur.`, fichier);
    // a named pipe or a device (a link to /dev/zero) would be read forever
    if (!st.isFile()) throw new ErreurFichier(`« ${fichier} » n'est pas un fichier ordinaire (tube, périphérique ou lien vers l'un d'eux) : il n'a pas été lu.`, fichier);
    if (st.size > TAILLE_MAXIMALE) throw tropVolumineux(fichier, st.size);
    octets = await fs.readFile(fichier);
  } catch (e) {
    if (e instanceof ErreurFichier) throw e;
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
  return classeurDesOctets(fichier, octets, contenuZip);
}
