import { entreesZip, type ContenuZip } from './zip';

async function inflater(brut: Uint8Array): Promise<Uint8Array> {
  const flux = new Blob([brut.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(flux).arrayBuffer());
}

/**
 * The task pane's view of a zip: the browser's DecompressionStream is asynchronous, so every XML part
 * is inflated up front (a student's workbook is a few tens of kilobytes; images and other binaries
 * are skipped). Rejects when the bytes are not a zip or a part is damaged.
 */
export async function contenuZipDecompresse(z: Uint8Array): Promise<ContenuZip> {
  const parties = new Map<string, Uint8Array>();
  for (const [nom, e] of entreesZip(z)) {
    if (!/\.(xml|rels)$/i.test(nom)) continue;
    const brut = e.brut();
    parties.set(nom, e.methode === 8 ? await inflater(brut) : brut);
  }
  return (chemin) => parties.get(chemin);
}
