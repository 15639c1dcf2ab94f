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
      throw new ErreurUsage(`Option inconnue : ${nom}. Tapez « agora aide » pour la liste des commandes et options.`);
    }
  }
  return o;
}
