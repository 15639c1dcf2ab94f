import { parse, type ParseError } from 'jsonc-parser';

/**
 * A JSON text a teacher wrote (a case, a parameters file): its value, or the line where it breaks.
 * Node's JSON.parse no longer says where it stopped; jsonc-parser, strict here, does.
 */
export function analyserJson(texte: string): { valeur: unknown } | { ligne?: number } {
  const t = texte.replace(/^\uFEFF/, '');
  try {
    return { valeur: JSON.parse(t) };
  } catch {
    const erreurs: ParseError[] = [];
    parse(t, erreurs, { disallowComments: true, allowTrailingComma: false });
    const o = erreurs[0]?.offset;
    return o === undefined ? {} : { ligne: t.slice(0, o).split('\n').length };
  }
}
