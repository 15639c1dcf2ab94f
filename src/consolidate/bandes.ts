/**
 * Long sequences of records written once, then read in order: the evidence of a class. In memory for
 * the task pane and small classes; on disk for the command line, so that consolidating 3 000 students
 * holds no more evidence at once than consolidating 35.
 */

/** A record as stored: JSON values only (the disk form is one JSON line per record). */
export type Enregistrement = readonly (string | number | boolean | null)[];

export interface Bande {
  ajouter(x: Enregistrement): void;
  /** the writing is over: nothing of it need stay in memory */
  clore(): void;
  readonly nombre: number;
  /** every record added, in order; may be read several times, once the writing is over */
  lire(): Iterable<Enregistrement>;
}

/** Records sorted by their first field, an integer key that `comparer` orders; equal keys keep their order. */
export interface Tri {
  ajouter(x: Enregistrement): void;
  trie(): Iterable<Enregistrement>;
}

/** Where bandes and sorts are kept; `fermer` forgets them all (and removes their files). */
export interface Magasin {
  bande(): Bande;
  tri(comparer: (a: number, b: number) => number): Tri;
  fermer(): void;
}

class BandeEnMemoire implements Bande {
  private readonly x: Enregistrement[] = [];
  ajouter(e: Enregistrement): void {
    this.x.push(e);
  }
  clore(): void {}
  get nombre(): number {
    return this.x.length;
  }
  lire(): Iterable<Enregistrement> {
    return this.x;
  }
}

/** Everything in memory, sorted in one go: the task pane, and the tests. */
export const magasinEnMemoire = (): Magasin => ({
  bande: () => new BandeEnMemoire(),
  tri(comparer) {
    let x: Enregistrement[] = [];
    return {
      ajouter: (e) => void x.push(e),
      trie() {
        const tout = x.sort((a, b) => comparer(a[0] as number, b[0] as number)); // stable
        x = [];
        return tout;
      },
    };
  },
  fermer: () => undefined,
});

/** Merges sorted runs (first field compared by `comparer`, ties to the earlier run): k runs in n log k. */
export function* fusionner(series: readonly Iterable<Enregistrement>[], comparer: (a: number, b: number) => number): Generator<Enregistrement> {
  // a binary heap of the runs' heads
  const tetes: { x: Enregistrement; rang: number; suite: Iterator<Enregistrement> }[] = [];
  const avant = (i: number, j: number) => (comparer(tetes[i]!.x[0] as number, tetes[j]!.x[0] as number) || tetes[i]!.rang - tetes[j]!.rang) < 0;
  const descendre = (i: number) => {
    for (;;) {
      const g = 2 * i + 1;
      let m = i;
      if (g < tetes.length && avant(g, m)) m = g;
      if (g + 1 < tetes.length && avant(g + 1, m)) m = g + 1;
      if (m === i) return;
      [tetes[i], tetes[m]] = [tetes[m]!, tetes[i]!];
      i = m;
    }
  };
  series.forEach((s, rang) => {
    const suite = s[Symbol.iterator]();
    const r = suite.next();
    if (!r.done) tetes.push({ x: r.value, rang, suite });
  });
  for (let i = (tetes.length >> 1) - 1; i >= 0; i--) descendre(i);
  while (tetes.length) {
    const t = tetes[0]!;
    yield t.x;
    const r = t.suite.next();
    if (r.done) {
      tetes[0] = tetes[tetes.length - 1]!;
      tetes.pop();
    } else t.x = r.value;
    if (tetes.length) descendre(0);
  }
}
