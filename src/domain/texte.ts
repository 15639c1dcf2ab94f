/** « « A », « B », « C » et 11 autres »: a few items quoted, the rest counted, for a message that stays short. */
export function citer(elements: readonly string[], max = 3): string {
  const cites = elements.map((e) => `« ${e} »`);
  // one more than `max` is named rather than « et 1 autres »
  return cites.length > max + 1 ? `${cites.slice(0, max).join(', ')} et ${cites.length - max} autres` : cites.length > 1 ? `${cites.slice(0, -1).join(', ')} et ${cites.at(-1)}` : (cites[0] ?? '');
}

/** Names told apart where they repeat, whatever the case: « DUPONT_Jean », « DUPONT_Jean_2 ». */
export function distinguer(noms: readonly string[]): string[] {
  const pris = new Set<string>();
  return noms.map((nom) => {
    let n = nom;
    for (let k = 2; pris.has(n.toLowerCase()); k++) n = `${nom}_${k}`;
    pris.add(n.toLowerCase());
    return n;
  });
}

/** « 5,3 Mo », « 977 Ko »: a size in bytes as a French message writes it. */
export const tailleEnClair = (octets: number) => (octets >= 1024 * 1024 ? `${(octets / 1024 / 1024).toFixed(1).replace('.', ',')} Mo` : `${Math.ceil(octets / 1024)} Ko`);

/** « 17 179 869 184 »: a whole number with French digit grouping. */
export const entierEnClair = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

/**
 * « 1 classeur », « 3 classeurs lus », « 0 réponse juste »: a count and its noun with its adjectives,
 * each word taking a regular « s » in the plural (French keeps 0 and 1 singular).
 */
export const accorder = (n: number, mots: string) =>
  `${n} ${
    n > 1
      ? mots
          .split(' ')
          .map((m) => (/[sx]$/.test(m) ? m : `${m}s`))
          .join(' ')
      : mots
  }`;

/** A decimal number as French writes it: 12,15 ; 0,636. */
export const nombreFr = (x: number): string => String(x).replace('.', ',');

/** A percentage as French writes it: « 12,15 % » (non-breaking space). */
export const pourcentFr = (x: number): string => `${nombreFr(x)}\u00a0%`;
