import { classeurEndommage, classeurLu, verifierOctets, type ClasseurLu } from './classeurLu';
import { contenuZipDecompresse } from './zipNavigateur';

/** Opens a workbook the user picked in the task pane (its bytes from a File); nothing is written. */
export async function lireClasseurOctets(fichier: string, octets: Uint8Array): Promise<ClasseurLu> {
  verifierOctets(fichier, octets);
  let contenu: Awaited<ReturnType<typeof contenuZipDecompresse>>;
  try {
    contenu = await contenuZipDecompresse(octets);
  } catch {
    throw classeurEndommage(fichier);
  }
  return classeurLu(fichier, contenu);
}
