import type { IdentiteEleve } from './preuves';

/** « Lé-Gall  Éloïse » and « LE GALL Eloise » are the same: accents, case, hyphens, apostrophes and spaces ignored. */
export const normaliser = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleUpperCase('fr')
    .replace(/[\s\-'’.]+/g, ' ')
    .trim();

/** A name as identification compares it: the first part of every student's id. */
export const cleDuNom = (e: IdentiteEleve, norme: (s: string) => string = normaliser) => `${norme(e.nom)}|${norme(e.prenom)}`;

export interface EleveClasse extends IdentiteEleve {
  id: string; // normalised name + class
}

export type Rattachement = { id: string } | { ambigu: string[] };

/**
 * The students of the class, from every identity the files give. A student is a normalised name and
 * class. A file that names a student without a class joins the only student of that name; when
 * several classes have a student of that name, it is ambiguous and reported, not guessed.
 */
export function identifierEleves(identites: readonly IdentiteEleve[]): { eleves: EleveClasse[]; rattacher: (e: IdentiteEleve) => Rattachement } {
  // every piece of evidence names its student: a few distinct spellings, normalised once each
  const normalises = new Map<string, string>();
  const norme = (s: string) => normalises.get(s) ?? normalises.set(s, normaliser(s)).get(s)!;
  const cleNom = (e: IdentiteEleve) => cleDuNom(e, norme);
  const parNom = new Map<string, Map<string, IdentiteEleve>>(); // name → class → the spelling shown
  const ines = new Map<string, string>(); // name|class → INE, the smallest when files disagree
  for (const e of identites) {
    const classes = parNom.get(cleNom(e)) ?? new Map<string, IdentiteEleve>();
    parNom.set(cleNom(e), classes);
    const k = norme(e.classe);
    const vu = classes.get(k);
    // the same spelling whatever the order of the files: the smallest in code-point order
    if (!vu || `${e.nom}|${e.prenom}|${e.classe}` < `${vu.nom}|${vu.prenom}|${vu.classe}`) classes.set(k, e);
    const id = `${cleNom(e)}|${k}`;
    if (e.ine && (!ines.has(id) || e.ine < ines.get(id)!)) ines.set(id, e.ine);
  }
  const eleves: EleveClasse[] = [];
  for (const [nom, classes] of parNom) {
    const avecClasse = [...classes.keys()].filter(Boolean);
    for (const [k, e] of classes) {
      const ine = ines.get(`${nom}|${k}`);
      if (k || avecClasse.length === 0) eleves.push({ nom: e.nom, prenom: e.prenom, classe: e.classe, ...(ine ? { ine } : {}), id: `${nom}|${k}` });
    }
  }
  eleves.sort((a, b) => (norme(a.classe) + '|' + a.id < norme(b.classe) + '|' + b.id ? -1 : 1));
  const rattacher = (e: IdentiteEleve): Rattachement => {
    const nom = cleNom(e);
    const k = norme(e.classe);
    if (k) return { id: `${nom}|${k}` };
    const candidats = [...(parNom.get(nom)?.entries() ?? [])].filter(([c]) => c).map(([, x]) => x.classe);
    if (candidats.length > 1) return { ambigu: candidats.sort() };
    return { id: `${nom}|${candidats.length ? norme(candidats[0]!) : ''}` };
  };
  return { eleves, rattacher };
}
