import type { z } from 'zod';
import { ErreurDonnees, valider } from '../../src/domain/validation';

/** The French message a case gets from its schema, or '' when it is valid (any other error is thrown). */
export function messageDErreur(schema: z.ZodType, cas: unknown): string {
  try {
    valider(schema, cas, 'cas');
  } catch (e) {
    if (e instanceof ErreurDonnees) return e.message;
    throw e;
  }
  return '';
}
