import type { Provenance, Referentiel } from './schema';

/**
 * The arrêté writes some capitals without their accent (« Etablir un état de rapprochement »); the
 * grids of 002 and the référentiel's own tables write « Établir ». French typography accents
 * capitals, so what the user sees takes the accent; the arrêté's spelling stays in `variantes`.
 * The list holds the words of the data that begin so (a test checks that it has every one an official
 * text accents) and the preposition « A l'issue » → « À l'issue ».
 */
export const CAPITALES_ACCENTUEES: Readonly<Record<string, string>> = { A: 'À', Ecart: 'Écart', Etablir: 'Établir', Etude: 'Étude', Evoluer: 'Évoluer' };

const MOT = new RegExp(`(?<![\\p{L}])(${Object.keys(CAPITALES_ACCENTUEES).join('|')})(?![\\p{L}])`, 'gu');

export const accentuerCapitales = (texte: string): string => texte.replace(MOT, (m) => CAPITALES_ACCENTUEES[m] ?? m);

// Identifiers and references, never shown as prose.
const NON_TEXTE = new Set(['code', 'source', 'section', 'fichier', 'provenance', 'variantes', 'sources', 'activite', 'epreuve', 'unite', 'bloc', 'mode']);

/**
 * The référentiel as shown: every text with its capitals accented. Where a `libelle` with
 * `variantes` changes, its cited spelling is added to them, with the source it was quoted from.
 */
export function referentielAffiche(cite: Referentiel): Referentiel {
  const accentuer = (v: unknown): unknown => {
    if (typeof v === 'string') return accentuerCapitales(v);
    if (Array.isArray(v)) return v.map(accentuer);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const copie = Object.fromEntries(Object.entries(o).map(([k, x]) => [k, NON_TEXTE.has(k) ? x : accentuer(x)]));
    if (typeof o.libelle === 'string' && Array.isArray(o.variantes) && copie.libelle !== o.libelle) {
      const provenance = o.provenance as Provenance[];
      const source = provenance.some((p) => p.source === '003') ? '003' : provenance[0]!.source;
      copie.variantes = [...(o.variantes as unknown[]), { source, texte: o.libelle }];
    }
    return copie;
  };
  return accentuer(cite) as Referentiel;
}
