/**
 * A seeded pseudo-random generator (mulberry32): the same seed always gives the same case, on
 * every machine and Node version, which Math.random cannot promise.
 */
export class Hasard {
  private etat: number;

  constructor(graine: number) {
    this.etat = graine >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  suivant(): number {
    this.etat = (this.etat + 0x6d2b79f5) >>> 0;
    let t = this.etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  entier(min: number, max: number): number {
    return min + Math.floor(this.suivant() * (max - min + 1));
  }

  choisir<T>(liste: readonly T[]): T {
    if (!liste.length) throw new RangeError('Liste vide');
    return liste[this.entier(0, liste.length - 1)]!;
  }

  /** A plausible amount in euros: `min`–`max`, rounded to `pas` euros (0.01 for cents). */
  montant(min: number, max: number, pas = 1): number {
    const n = this.entier(Math.ceil(min / pas), Math.floor(max / pas));
    return Math.round(n * pas * 100) / 100;
  }

  melanger<T>(liste: readonly T[]): T[] {
    const l = [...liste];
    for (let i = l.length - 1; i > 0; i--) {
      const j = this.entier(0, i);
      [l[i], l[j]] = [l[j]!, l[i]!];
    }
    return l;
  }

  /** `n` distinct items. */
  tirer<T>(liste: readonly T[], n: number): T[] {
    return this.melanger(liste).slice(0, n);
  }
}

/** A seed from a student's name, so that `--classe` gives each student their own case, reproducibly. */
export function graineDe(texte: string, base = 0): number {
  let h = 2166136261 ^ base;
  for (const c of texte) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return (h >>> 0) % 1_000_000;
}
