/** A usage error: French message, exit code 2. */
export class ErreurUsage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurUsage';
  }
}

export interface Options {
  drapeaux: Set<string>;
  valeurs: Map<string, string>;
  positionnels: string[];
}

/**
 * Parses `--nom valeur`, `--nom=valeur` and `--drapeau` against what the command accepts;
 * anything else is refused with a message naming it.
 */
export function analyser(args: readonly string[], accepte: { drapeaux: readonly string[]; valeurs: readonly string[] }): Options {
  const o: Options = { drapeaux: new Set(), valeurs: new Map(), positionnels: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      o.positionnels.push(a);
      continue;
    }
    const [nom, egal] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (accepte.drapeaux.includes(nom)) {
      if (egal !== undefined) throw new ErreurUsage(`L'option ${nom} ne prend pas de valeur.`);
      o.drapeaux.add(nom);
    } else if (accepte.valeurs.includes(nom)) {
      const v = egal ?? args[++i];
      if (v === undefined || v === '' || (egal === undefined && v.startsWith('--'))) throw new ErreurUsage(`L'option ${nom} attend une valeur.`);
      o.valeurs.set(nom, v);
    } else {
      const proche = plusProche(nom, [...accepte.drapeaux, ...accepte.valeurs]);
      throw new ErreurUsage(`Option inconnue : ${nom}.${proche ? ` Vouliez-vous dire ${proche} ?` : ''} Tapez « agora aide » pour la liste des commandes et options.`);
    }
  }
  return o;
}

/** Levenshtein distance, for a mistyped command or option. */
function distance(a: string, b: string): number {
  let precedente = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const ligne = [i];
    for (let j = 1; j <= b.length; j++) ligne[j] = Math.min(precedente[j]! + 1, ligne[j - 1]! + 1, precedente[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    precedente = ligne;
  }
  return precedente[b.length]!;
}

/**
 * The candidate a mistyped word most likely meant, if one is close (two edits at most, case and
 * accents aside); `evident` says when a candidate is meant whatever the distance (a shared prefix).
 */
export function plusProche(texte: string, candidats: readonly string[], evident: (t: string, c: string) => boolean = () => false): string | undefined {
  const t = texte.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const [meilleure] = candidats.map((c) => ({ c, d: evident(t, c) ? 0 : distance(t, c) })).sort((a, b) => a.d - b.d);
  return meilleure && meilleure.d <= 2 ? meilleure.c : undefined;
}
