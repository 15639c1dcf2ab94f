import { ErreurFichier } from '../io/erreurFichier';
import { FichierIllisible, type Fichiers } from '../io/ports';
import { elevesDepuisCsv, type ListeEleves } from './listeEleves';

/** Reads a class list file (CSV from Pronote, EDT, a spreadsheet…); the task pane parses an upload with `elevesDepuisCsv`. */
export async function lireListeEleves(f: Fichiers, fichier: string, classeParDefaut = ''): Promise<ListeEleves> {
  let octets: Uint8Array;
  try {
    octets = await f.lire(fichier);
  } catch (e) {
    const raison = e instanceof FichierIllisible ? e.raison : (e as Error).message;
    throw new ErreurFichier(`Impossible de lire la liste d'élèves « ${fichier} » : ${raison}.`, fichier);
  }
  return elevesDepuisCsv(octets, fichier, classeParDefaut);
}
