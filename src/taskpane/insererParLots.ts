import { ChargeTropLourde } from '../io/office/chargeDeRequete';
import type { ResultatInsertion } from '../io/office/insererClasseur';

export interface InsertionParLots extends ResultatInsertion {
  /** how many insertions it took: 1 unless Excel on the web would have refused one request for all */
  lots: number;
}

/** A lot after the first failed: the lots before it are in the workbook, whole; `restants` are not. */
export class InsertionInterrompue<T> extends Error {
  constructor(
    readonly motif: unknown,
    readonly faits: number,
    readonly restants: readonly T[],
  ) {
    super((motif as Error)?.message ?? String(motif));
  }
}

/** The first `taille` elements, and those further on sharing a key with one of them (homonyms of a class stay together). */
function lotSuivant<T>(restants: readonly T[], taille: number, cle: (e: T) => string): T[] {
  const cles = new Set(restants.slice(0, taille).map(cle));
  return restants.filter((e, i) => i < taille || cles.has(cle(e)));
}

/**
 * Inserts for every element of a list in as few insertions as Excel takes: all at once, or, when the
 * request would be too big for Excel on the web (ChargeTropLourde, refused before anything is
 * written), in lots sized from the estimate. Each lot is one insertion, all or nothing; later lots
 * are made from what the workbook holds after the earlier ones (`inserer` reads it each time).
 */
export async function insererParLots<T>(
  elements: readonly T[],
  cle: (e: T) => string,
  inserer: (lot: readonly T[]) => Promise<ResultatInsertion>,
  progression?: (faits: number) => void,
): Promise<InsertionParLots> {
  let restants = [...elements];
  let taille = restants.length;
  const feuilles: string[] = [];
  const avertissements = new Set<string>();
  let lots = 0;
  while (restants.length) {
    const lot = lotSuivant(restants, taille, cle);
    try {
      const res = await inserer(lot);
      feuilles.push(...res.feuilles);
      for (const a of res.avertissements) avertissements.add(a);
      lots++;
      restants = restants.filter((e) => !lot.includes(e));
      progression?.(elements.length - restants.length);
    } catch (e) {
      if (e instanceof ChargeTropLourde && taille > 1) {
        // sized from the estimate, with a margin; `taille` (not the lot, which homonyms lengthen) is
        // smaller each time, so this ends
        const capacite = Math.floor((lot.length * e.maximum * 0.95) / e.charge);
        taille = Math.max(1, Math.min(taille - 1, capacite));
        while (taille > 1 && lotSuivant(restants, taille, cle).length > capacite) taille--; // homonyms included
        continue;
      }
      if (!lots) throw e;
      throw new InsertionInterrompue(e, elements.length - restants.length, restants);
    }
  }
  return { feuilles, avertissements: [...avertissements], lots };
}
