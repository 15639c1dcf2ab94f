import donnees from './data/referentiel.json';
import { Referentiel, type Bloc, type Competence, type Epreuve } from './schema';
import { referentielAffiche } from './typographie';

export * from './schema';

let cite: Referentiel | undefined;
let affiche: Referentiel | undefined;

/** The référentiel exactly as quoted from the official texts, validated once against its zod schema (a bad data file fails loudly at start-up). */
export function referentielCite(): Referentiel {
  cite ??= Referentiel.parse(donnees);
  return cite;
}

/** The AGOrA référentiel as every screen and sheet shows it: the quoted texts with accented capitals (typographie.ts). */
export function referentiel(): Referentiel {
  affiche ??= referentielAffiche(referentielCite());
  return affiche;
}

export function competences(r: Referentiel = referentiel()): Competence[] {
  return r.blocs.flatMap((b) => b.activites.flatMap((a) => a.competences));
}

export function competence(code: string, r: Referentiel = referentiel()): Competence {
  const c = competences(r).find((x) => x.code === code);
  if (!c) throw new Error(`Compétence inconnue : « ${code} ».`);
  return c;
}

export function blocDeCompetence(code: string, r: Referentiel = referentiel()): Bloc {
  const b = r.blocs.find((x) => code.startsWith(x.code + '.'));
  if (!b) throw new Error(`Compétence inconnue : « ${code} ».`);
  return b;
}

export function epreuve(code: string, r: Referentiel = referentiel()): Epreuve {
  const e = r.epreuves.find((x) => x.code === code);
  if (!e) throw new Error(`Épreuve inconnue : « ${code} ».`);
  return e;
}

/** The épreuve that evaluates a compétence: the one attached to its bloc. */
export function epreuveDeCompetence(code: string, r: Referentiel = referentiel()): Epreuve {
  return epreuve(blocDeCompetence(code, r).epreuve, r);
}

export function compter(r: Referentiel = referentiel()): { blocs: number; activites: number; competences: number } {
  const activites = r.blocs.flatMap((b) => b.activites);
  return { blocs: r.blocs.length, activites: activites.length, competences: activites.flatMap((a) => a.competences).length };
}
