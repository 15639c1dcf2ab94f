/** « « A », « B », « C » et 11 autres »: a few items quoted, the rest counted, for a message that stays short. */
export function citer(elements: readonly string[], max = 3): string {
  const cites = elements.map((e) => `« ${e} »`);
  return cites.length > max ? `${cites.slice(0, max).join(', ')} et ${cites.length - max} autres` : cites.length > 1 ? `${cites.slice(0, -1).join(', ')} et ${cites.at(-1)}` : (cites[0] ?? '');
}
