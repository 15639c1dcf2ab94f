import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The official texts, copied into the repository so that a clone passes alone (AGORA_SOURCES overrides). */
export const DOSSIER_SOURCES = process.env.AGORA_SOURCES ?? path.resolve(__dirname, '..', '..', 'sources', 'referentiel');

/** The team's shared folder beside the repo, which the copy must match when it is there. */
export const DOSSIER_PARTAGE = path.resolve(__dirname, '..', '..', '..', 'shared', 'referentiel');

export function lireSource(id: string): string {
  if (!existsSync(DOSSIER_SOURCES)) throw new Error(`Textes officiels introuvables : ${DOSSIER_SOURCES} (définir AGORA_SOURCES).`);
  const f = readFileSync(path.join(DOSSIER_SOURCES, 'README.md'), 'utf8').match(new RegExp(`${id}_[0-9a-f]+\\.txt`));
  if (!f) throw new Error(`Source ${id} absente du README de ${DOSSIER_SOURCES}`);
  return readFileSync(path.join(DOSSIER_SOURCES, f[0]), 'utf8');
}

/** Text as a reader sees it: no markup, one kind of apostrophe, no bullets, single spaces. */
export function normaliser(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[•▪·]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Is `texte` quoted from `source`? PDF extractions interleave table columns, so a quoted
 * paragraph may be cut by another column: it passes when it can be read as consecutive runs
 * of at least 5 words (or a whole short text), each found verbatim in the source.
 * A single mistyped word makes it fail.
 */
export function estCite(texte: string, sourceNormalisee: string): boolean {
  const mots = normaliser(texte).split(' ');
  let i = 0;
  while (i < mots.length) {
    let j = i;
    while (j < mots.length && sourceNormalisee.includes(mots.slice(i, j + 1).join(' '))) j++;
    const n = j - i;
    if (n === 0 || (n < 5 && n < mots.length)) return false;
    i = j;
  }
  return true;
}
