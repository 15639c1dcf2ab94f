/**
 * Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not « History »
 * (reserved), unique without regard to case. Names built from a class list (student names) go
 * through here. The straight apostrophe becomes the typographic one (N'Diaye → N’Diaye): exceljs
 * writes print titles and print areas as 'Sheet'!… without doubling it, which Excel would reject.
 */
const LONGUEUR_MAX = 31;
const RESERVES = new Set(['history', 'historique']);

export function nettoyerNomFeuille(nom: string): string {
  let s = nom
    .replace(/[\u0000-\u001f:\\/?*[\]]/g, ' ')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) s = 'Feuille';
  if (RESERVES.has(s.toLowerCase())) s = `${s} (1)`;
  return [...s].slice(0, LONGUEUR_MAX).join('').trim();
}

/** Hands out unique sheet names: a taken name gets « (2) », « (3) »…, truncated to stay within 31 characters. */
export class NomsDeFeuilles {
  private readonly pris = new Set<string>();

  reserver(souhaite: string): string {
    const propre = nettoyerNomFeuille(souhaite);
    let nom = propre;
    for (let k = 2; this.pris.has(nom.toLocaleLowerCase('fr')); k++) {
      const suffixe = ` (${k})`;
      nom =
        [...propre]
          .slice(0, LONGUEUR_MAX - suffixe.length)
          .join('')
          .trimEnd() + suffixe;
    }
    this.pris.add(nom.toLocaleLowerCase('fr'));
    return nom;
  }
}
