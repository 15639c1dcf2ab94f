import { classeurDesOctets, type ClasseurLu } from './classeurLu';
import { contenuZipDecompresse } from './zipNavigateur';

/** Opens a workbook the user picked in the task pane (its bytes from a File); nothing is written. */
export const lireClasseurOctets = (fichier: string, octets: Uint8Array): Promise<ClasseurLu> => classeurDesOctets(fichier, octets, contenuZipDecompresse);
