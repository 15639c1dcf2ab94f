import { verifierPartie } from './paquet';
import { entreesZip, ClasseurSuspect, type ContenuZip, type EntreeZip } from './zip';

/** One entry inflated by the browser, read chunk by chunk and stopped as soon as it outgrows its declared size. */
async function inflater(e: EntreeZip): Promise<Uint8Array> {
  const brut = e.brut();
  if (e.methode !== 8) return brut;
  const lecteur = new Blob([brut.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const morceaux: Uint8Array[] = [];
  let taille = 0;
  for (;;) {
    const { done, value } = await lecteur.read();
    if (done) break;
    taille += value.length;
    if (taille > e.taille) {
      await lecteur.cancel();
      throw new ClasseurSuspect("une partie dépasse la taille qu'elle annonce");
    }
    morceaux.push(value);
  }
  const tout = new Uint8Array(taille);
  let i = 0;
  for (const m of morceaux) {
    tout.set(m, i);
    i += m.length;
  }
  return tout;
}

/**
 * The task pane's view of a zip: the browser's DecompressionStream is asynchronous, so every XML part
 * is inflated up front (a student's workbook is a few tens of kilobytes; images and other binaries
 * are skipped), within the budget `entreesZip` checked. Rejects when the bytes are not a zip, a part
 * is damaged, or the zip is suspect.
 */
export async function contenuZipDecompresse(z: Uint8Array): Promise<ContenuZip> {
  const parties = new Map<string, Uint8Array>();
  for (const [nom, e] of entreesZip(z)) if (/\.(xml|rels)$/i.test(nom)) parties.set(nom, await inflater(e));
  return (chemin) => parties.get(chemin);
}

/** `verifierPaquet` for the task pane: every part, images included, inflated by the browser before exceljs loads the file. */
export async function verifierPaquetNavigateur(z: Uint8Array): Promise<void> {
  const compte = { cellules: 0 };
  for (const [nom, e] of entreesZip(z)) verifierPartie(nom, e, await inflater(e), compte);
}
