/**
 * The teacher's seal: HMAC-SHA-256 with a secret key that never enters a student's workbook. A
 * fingerprint (cyrb53, see sheets/exercices/blocs.ts) notices an accidental edit, but its algorithm
 * is public: a student can edit the énoncé and recompute it. Without the key, nobody can recompute
 * a seal. Written in plain TypeScript so that the CLI and the task pane seal alike and synchronously
 * (WebCrypto's HMAC is asynchronous); checked against node:crypto in the tests.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4) of some bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  const longueur = message.length;
  const blocs = Math.ceil((longueur + 9) / 64);
  const m = new Uint8Array(blocs * 64);
  m.set(message);
  m[longueur] = 0x80;
  const d = new DataView(m.buffer);
  d.setUint32(m.length - 8, Math.floor(longueur / 0x20000000));
  d.setUint32(m.length - 4, (longueur * 8) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < blocs; b++) {
    for (let i = 0; i < 16; i++) w[i] = d.getUint32(b * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, bb, c, dd, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & bb!) ^ (a! & c!) ^ (bb! & c!))) >>> 0;
      [hh, g, f, e, dd, c, bb, a] = [g, f, e, (dd! + t1) >>> 0, c, bb, a, (t1 + t2) >>> 0];
    }
    [a, bb, c, dd, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x!) >>> 0));
  }
  const sortie = new Uint8Array(32);
  const ds = new DataView(sortie.buffer);
  h.forEach((x, i) => ds.setUint32(i * 4, x));
  return sortie;
}

/** HMAC-SHA-256 (RFC 2104) of a text, in hex. */
export function hmacSha256(cle: Uint8Array, texte: string): string {
  const k = new Uint8Array(64);
  k.set(cle.length > 64 ? sha256(cle) : cle);
  const message = new TextEncoder().encode(texte);
  const interieur = new Uint8Array(64 + message.length);
  const exterieur = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    interieur[i] = k[i]! ^ 0x36;
    exterieur[i] = k[i]! ^ 0x5c;
  }
  interieur.set(message, 64);
  exterieur.set(sha256(interieur), 64);
  return hex(sha256(exterieur));
}

const hex = (o: Uint8Array) => Array.from(o, (x) => x.toString(16).padStart(2, '0')).join('');

/** A teacher's (or an établissement's) key: 32 random bytes, and a short public identifier that names it in workbooks. */
export interface CleEnseignant {
  octets: Uint8Array;
  /** 12 hex digits derived from the key: tells which key sealed a workbook without revealing it */
  id: string;
}

export const OCTETS_CLE = 32;

export function cleDepuisOctets(octets: Uint8Array): CleEnseignant {
  if (octets.length !== OCTETS_CLE) throw new RangeError(`une clé AGOrA fait ${OCTETS_CLE} octets (${octets.length} lus)`);
  return { octets, id: hex(sha256(new Uint8Array([...new TextEncoder().encode('agora-cle-1:'), ...octets]))).slice(0, 12) };
}

/** A key's text: one line of base64, what `agora cle --texte` prints and the task pane imports. */
export const cleEnBase64 = (cle: CleEnseignant) => btoa(String.fromCharCode(...cle.octets));

/** A key from its text (one line of base64, as `agora cle --texte` prints it); undefined when it is not one. */
export function cleDepuisBase64(texte: string): CleEnseignant | undefined {
  const t = texte.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return undefined;
  let binaire: string;
  try {
    binaire = atob(t);
  } catch {
    return undefined;
  }
  return binaire.length === OCTETS_CLE ? cleDepuisOctets(Uint8Array.from(binaire, (c) => c.charCodeAt(0))) : undefined;
}

/**
 * A seal over ordered fields: the key's id and the HMAC of their JSON, « id:hex ». The fields are
 * texts, so what is sealed when writing is exactly what is compared when reading.
 */
export const sceller = (cle: CleEnseignant, usage: string, champs: readonly string[]) => `${cle.id}:${hmacSha256(cle.octets, JSON.stringify([usage, ...champs]))}`;

export type EtatSceau = 'valide' | 'invalide' | 'autre clé' | 'absent' | 'sans clé';

/** What a seal read from a workbook is worth, with this key (or none on this computer). */
export function controlerSceau(cle: CleEnseignant | undefined, lu: string, usage: string, champs: readonly string[]): EtatSceau {
  if (!lu.trim()) return 'absent';
  if (!cle) return 'sans clé';
  if (!lu.startsWith(`${cle.id}:`)) return 'autre clé';
  return lu.trim() === sceller(cle, usage, champs) ? 'valide' : 'invalide';
}
