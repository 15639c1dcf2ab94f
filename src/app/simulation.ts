import path from 'node:path';
import { creerDossier, ecrireAtomiquement } from '../io/fichiers';
import { remplirClasseur } from '../io/exceljs/remplirClasseur';
import { Hasard, graineDe } from '../domain/cas/hasard';
import { enEuros, versCentimes } from '../domain/monnaie';
import type { ValeurAttendue } from '../sheets/exercices/commun';
import { ouvrirExercice } from './exercices';
import { attendusDesReponses, variantesDuCas } from './verification';

/**
 * The demo's students at work: each copy is filled with the right answers, then, drawn from the
 * student's own seed, zero to two of the template's typical errors, sometimes a slip nobody can
 * explain and an answer left empty; some amounts are typed as French text (« 1 234,56 € »).
 */
export interface CopieSimulee {
  fichier: string;
  erreurs: string[]; // typical errors made, by code
}

const egaux = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function simulerCopie(exercice: string, sortie: string): Promise<CopieSimulee> {
  const x = await ouvrirExercice(exercice, false);
  const valeurs = attendusDesReponses(x);
  const noms = Object.keys(valeurs);
  const h = new Hasard(graineDe(path.basename(exercice), x.graine ?? 1));
  const possibles = variantesDuCas(x).flatMap((t) => {
    const changes = noms.filter((n) => n in t.attendus && !egaux(t.attendus[n], valeurs[n]));
    return changes.length ? [{ code: t.code, v: t.attendus, changes }] : [];
  });
  const tirage = h.suivant();
  const nombre = tirage < 0.3 ? 0 : tirage < 0.75 ? 1 : 2;
  const erreurs = h.tirer(possibles, Math.min(nombre, possibles.length));
  for (const e of erreurs)
    for (const n of e.changes) {
      const [juste, faux] = [valeurs[n], e.v[n]!];
      // in a list of Oui / Non, a student slips on one or two items, not on all of them
      if (Array.isArray(juste) && Array.isArray(faux) && juste.length === faux.length && !juste.some(Array.isArray)) {
        const differents = faux.flatMap((v, i) => (egaux(v, juste[i]) ? [] : [i]));
        const pris = new Set(h.tirer(differents, Math.min(differents.length, h.entier(1, 2))));
        valeurs[n] = juste.map((v, i) => (pris.has(i) ? faux[i]! : v)) as ValeurAttendue[];
      } else valeurs[n] = faux;
    }
  const simples = noms.filter((n) => typeof valeurs[n] === 'number' && valeurs[n] !== 0);
  if (simples.length && h.suivant() < 0.3) {
    const n = h.choisir(simples);
    valeurs[n] = Math.round(((valeurs[n] as number) + h.entier(1, 9) * 10) * 100) / 100; // a slip
  }
  if (noms.length > 3 && h.suivant() < 0.15) delete valeurs[h.choisir(noms)]; // left empty
  for (const n of simples) if (n in valeurs && typeof valeurs[n] === 'number' && h.suivant() < 0.15) valeurs[n] = enEuros(versCentimes(valeurs[n] as number));
  await ecrireAtomiquement(sortie, await remplirClasseur(exercice, valeurs));
  return { fichier: sortie, erreurs: erreurs.map((e) => e.code) };
}

/** One filled copy per student's workbook of a folder. */
export async function simulerClasse(exercices: readonly string[], dossier: string): Promise<CopieSimulee[]> {
  await creerDossier(dossier, true);
  const copies: CopieSimulee[] = [];
  for (const f of exercices) copies.push(await simulerCopie(f, path.join(dossier, path.basename(f))));
  return copies;
}
