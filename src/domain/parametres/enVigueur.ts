/**
 * Dated parameters (the way OpenFisca keeps them): a value applies from its `depuis` (AAAA-MM-JJ)
 * until the next one.
 */

/** The value in force on `date`: the last one whose `depuis` is not after it, if any. */
export function derniereEnVigueur<V extends { depuis: string }>(valeurs: readonly V[], date: string): V | undefined {
  return [...valeurs]
    .sort((a, b) => a.depuis.localeCompare(b.depuis))
    .filter((x) => x.depuis <= date)
    .pop();
}

/** The same, for a value that must exist on that date. */
export function enVigueur<V extends { depuis: string }>(valeurs: readonly V[], date: string): V {
  const v = derniereEnVigueur(valeurs, date);
  if (!v) throw new RangeError(`Aucune valeur en vigueur le ${date} (première valeur : ${valeurs[0]?.depuis}).`);
  return v;
}
