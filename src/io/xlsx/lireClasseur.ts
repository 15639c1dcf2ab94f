import { promises as fs } from 'node:fs';
import { ErreurFichier } from '../erreurFichier';
import { classeurDesOctets, TAILLE_MAXIMALE, tropVolumineux, type ClasseurLu } from './classeurLu';
import { contenuZip } from './zipNode';

export type { ClasseurLu };

/** Opens a workbook file to read it (the CLI); the file is never written. */
export async function lireClasseur(fichier: string): Promise<ClasseurLu> {
  let octets: Buffer;
  try {
    const st = await fs.stat(fichier);
    if (st.isDirectory()) throw new ErreurFichier(`« ${fichier} » est un dossier, pas un classeur.`, fichier);
    if (st.size > TAILLE_MAXIMALE) throw tropVolumineux(fichier, st.size);
    octets = await fs.readFile(fichier);
  } catch (e) {
    if (e instanceof ErreurFichier) throw e;
    throw new ErreurFichier(`Fichier introuvable ou illisible : « ${fichier} ».`, fichier);
  }
  return classeurDesOctets(fichier, octets, contenuZip);
}
