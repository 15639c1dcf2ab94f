import donnees from './data/referentiel.json';
import { Referentiel, type Bloc, type Competence, type Epreuve } from './schema';

export * from './schema';

let cache: Referentiel | undefined;

/** The AGOrA référentiel, validated once against its zod schema (a bad data file fails loudly at start-up). */
export function referentiel(): Referentiel {
  cache ??= Referentiel.parse(donnees);
  return cache;
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
