import { z } from 'zod';
import donnees from '../../../templates/lexique.json';
import { ConstructeurFeuille } from '../constructeur';
import type { Feuille } from '../model';
import { bandeau, etiquette, texte } from '../styles';

/**
 * The technical words of the exercises in plain French (templates/lexique.json): a word a student
 * reads in « Énoncé », « Travail » or « Paramètres » is explained at the end of « Énoncé ».
 */
const Lexique = z.object({
  version: z.string(),
  description: z.string(),
  termes: z.array(z.object({ terme: z.string().min(1), formes: z.array(z.string().min(1)).min(1), definition: z.string().regex(/^[A-ZÀ-Ý].*\.$/) })).min(1),
});
export const LEXIQUE = Lexique.parse(donnees);
export type Terme = (typeof LEXIQUE.termes)[number];

const apostrophes = (s: string) => s.replace(/\u2019/g, "'");
const motif = (forme: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${apostrophes(forme).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu');
const MOTIFS = LEXIQUE.termes.map((t) => ({ t, motifs: t.formes.map(motif) }));

/** The terms one of whose forms appears in the texts (a whole word, any case, either apostrophe), in the lexicon's order. */
export function termesDe(textes: readonly string[]): Terme[] {
  const tout = apostrophes(textes.join('\n'));
  return MOTIFS.filter(({ motifs }) => motifs.some((m) => m.test(tout))).map(({ t }) => t);
}

/** Every text of a sheet as a reader sees it (not formulas, not in a hidden column). */
export function textesDe(f: Feuille): string[] {
  const masquees = new Set(f.colonnesMasquees ?? []);
  return f.lignes.flatMap((l) => l.cellules.flatMap((c, j) => (typeof c?.valeur === 'string' && !masquees.has(j) ? [c.valeur] : [])));
}

/** « Énoncé » ends with the words of the exercise's sheets a student may not know, each with its plain-French meaning. */
export function avecLexique(enonce: Feuille, feuilles: readonly Feuille[]): Feuille {
  const termes = termesDe(feuilles.flatMap(textesDe));
  if (!termes.length) return enonce;
  const n = enonce.largeurs.length;
  const c = new ConstructeurFeuille(enonce.nom, enonce.largeurs, enonce);
  c.vide();
  c.ligne([{ valeur: 'Mots à connaître', style: bandeau, colonnes: n }]);
  for (const t of termes)
    c.ligne([
      { valeur: t.terme, style: { ...etiquette, retourLigne: true }, colonnes: 2 },
      { valeur: t.definition, style: texte, colonnes: n - 2 },
    ]);
  return { ...enonce, ...c.feuille(enonce.miseEnPage, enonce.figer) };
}
