import { Hasard } from './hasard';

/**
 * The aléas of a case among those its generator knows (`possibles`): those asked for, none for
 * « aucun », or — when the teacher says nothing — two drawn from the seed, so that every student's
 * case has its own twist.
 */
export function aleasDuCas(type: string, possibles: readonly string[], demandes: readonly string[] | undefined, h: Hasard): string[] {
  if (demandes === undefined) return h.tirer(possibles, 2).sort((a, b) => possibles.indexOf(a) - possibles.indexOf(b));
  verifierAleas(type, possibles, demandes);
  return demandes.length === 1 && demandes[0] === 'aucun' ? [] : [...new Set(demandes)];
}

/** A teacher's aléas, checked: « aucun » alone, or codes of the exercise (the others are refused with the list). */
export function verifierAleas(type: string, possibles: readonly string[], demandes: readonly string[]): void {
  if (demandes.length === 1 && demandes[0] === 'aucun') return;
  const inconnus = demandes.filter((a) => !possibles.includes(a));
  if (inconnus.length) throw new RangeError(`Aléa inconnu pour l\u2019exercice ${type} : « ${inconnus.join(', ')} ». Aléas possibles : ${possibles.join(', ')} (ou « aucun »).`);
}
