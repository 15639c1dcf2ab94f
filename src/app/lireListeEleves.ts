import { promises as fs } from 'node:fs';
import { ErreurFichier } from '../io/erreurFichier';
import { elevesDepuisCsv, type ListeEleves } from './listeEleves';

/** Reads a class list file (CSV from Pronote, EDT, a spreadsheet…); the task pane parses an upload with `elevesDepuisCsv`. */
export async function lireListeEleves(fichier: string, classeParDefaut = ''): Promise<ListeEleves> {
  let octets: Buffer;
  try {
    octets = await fs.readFile(fichier);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const raison = code === 'ENOENT' ? "ce fichier n'existe pas" : code === 'EISDIR' ? "c'est un dossier" : code === 'EACCES' ? 'accès refusé' : (e as Error).message;
    throw new ErreurFichier(`Impossible de lire la liste d'élèves « ${fichier} » : ${raison}.`, fichier);
  }
  return elevesDepuisCsv(octets, fichier, classeParDefaut);
}
