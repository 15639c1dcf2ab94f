import { ouvrirPourModifier } from './ouvrirClasseur';
import { annoterCharge } from './annoter';
import type { Annotations } from '../../sheets/verification/annotations';

/** The annotated copy of a student's file read as `octets` (checked whole before exceljs loads it), as bytes: the caller writes them beside, never over, the original. */
export async function annoterClasseur(source: string, octets: Uint8Array, a: Annotations): Promise<Uint8Array> {
  return annoterCharge(await ouvrirPourModifier(source, octets), a);
}
