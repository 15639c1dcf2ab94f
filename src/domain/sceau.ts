import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/**
 * The teacher's seal: HMAC-SHA-256 with a secret key that never enters a student's workbook. A
 * fingerprint (cyrb53, see sheets/exercices/blocs.ts) notices an accidental edit, but its algorithm
 * is public: a student can edit the énoncé and recompute it. Without the key, nobody can recompute
 * a seal. @noble/hashes (audited, no dependency) hashes synchronously in the CLI and the task pane
 * alike, where WebCrypto's HMAC is asynchronous; checked against node:crypto in the tests.
 */

export { sha256 };

/** HMAC-SHA-256 (RFC 2104) of a text, in hex. */
export const hmacSha256 = (cle: Uint8Array, texte: string): string => hex(hmac(sha256, cle, new TextEncoder().encode(texte)));

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

/**
 * A key from its text: one line of base64, as `agora cle --texte` prints it, or the whole key file as
 * pasted (its « # » comment lines skipped); undefined when it is not one.
 */
export function cleDepuisBase64(texte: string): CleEnseignant | undefined {
  const t =
    texte
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('#')) ?? '';
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
