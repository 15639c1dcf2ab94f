/** Base64 without Node's Buffer, for the task pane as for the command line (btoa/atob exist in both). */

const MORCEAU = 0x8000; // String.fromCharCode takes its arguments on the stack

export function enBase64(octets: Uint8Array): string {
  let binaire = '';
  for (let i = 0; i < octets.length; i += MORCEAU) binaire += String.fromCharCode(...octets.subarray(i, i + MORCEAU));
  return btoa(binaire);
}

export function depuisBase64(texte: string): Uint8Array {
  const binaire = atob(texte);
  const octets = new Uint8Array(binaire.length);
  for (let i = 0; i < binaire.length; i++) octets[i] = binaire.charCodeAt(i);
  return octets;
}
