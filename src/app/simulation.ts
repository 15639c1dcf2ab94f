import { ErreurFichier } from '../io/erreurFichier';
import { ouvrirClasseur, type Ports } from '../io/ports';
import { COLONNES_SUIVI, NOM_SUIVI } from '../sheets/verification/suivi';
import { Hasard, graineDe } from '../domain/cas/hasard';
import { enEuros, versCentimes } from '../domain/monnaie';
import type { Attendus, ValeurAttendue } from '../sheets/exercices/commun';
import type { Referentiel } from '../referentiel/schema';
import { fragment } from '../sheets/grilles/commun';
import { degresDuLivret, gabaritGrilles, TYPES_GRILLE, type TypeGrille } from '../sheets/grilles/gabarit';
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

export async function simulerCopie(p: Ports, exercice: string, sortie: string, remplacer = false): Promise<CopieSimulee> {
  const x = await ouvrirExercice(p, exercice, false);
  const valeurs = attendusDesReponses(x);
  const noms = Object.keys(valeurs);
  const h = new Hasard(graineDe(p.fichiers.nom(exercice), x.graine ?? 1));
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
  await p.fichiers.ecrire(sortie, await p.classeurs.remplir(exercice, valeurs), remplacer);
  return { fichier: sortie, erreurs: erreurs.map((e) => e.code) };
}

/** One filled copy per student's workbook of a folder. */
export async function simulerClasse(p: Ports, exercices: readonly string[], dossier: string, remplacer = false): Promise<CopieSimulee[]> {
  await p.fichiers.creerDossier(dossier, true);
  const copies: CopieSimulee[] = [];
  for (const f of exercices) copies.push(await simulerCopie(p, f, p.fichiers.joindre(dossier, p.fichiers.nom(f)), remplacer));
  return copies;
}

/** The demo's PFMP periods already done (P6 is still to come), with their weeks. */
const PERIODES_FAITES = [
  { du: '2025-01-13', au: '2025-02-07', semaines: 4, organisation: 'Mairie de Villeneuve', activites: 'Accueil, courrier, agenda du service' },
  { du: '2025-05-19', au: '2025-06-13', semaines: 4, organisation: 'Cabinet comptable Martin & associés', activites: 'Saisie des pièces, relances clients' },
  { du: '2025-11-17', au: '2025-12-12', semaines: 4, organisation: 'SARL Transports Girard', activites: 'Factures, rapprochement bancaire' },
  { du: '2026-03-02', au: '2026-04-03', semaines: 5, organisation: 'Association Les Jardins partagés', activites: 'Adhérents, budget, communication' },
  { du: '2026-05-18', au: '2026-06-12', semaines: 4, organisation: 'Clinique vétérinaire du Parc', activites: 'Planning, paie, déclarations' },
];

/**
 * A student's grids as their teachers filled them over two years: PFMP levels on the periods done
 * (about half of the compétences each time, rising with time around the student's own level), the
 * attestation's weeks, and the CCF positionings of the épreuves that have a grid (`types`) for most students. One student
 * typed « acquis » in a level cell, as happens when a grid is filled outside Excel.
 */
export async function simulerGrilles(p: Ports, grilles: string, sortie: string, r: Referentiel, maladroit: boolean, types: readonly TypeGrille[] = TYPES_GRILLE, remplacer = false): Promise<void> {
  const h = new Hasard(graineDe(p.fichiers.nom(grilles), 7));
  const aisance = 1.6 + 1.8 * h.suivant();
  const degre = (k: number) => Math.max(1, Math.min(4, Math.round(aisance + 0.25 * k + (h.suivant() - 0.5) * 1.6)));
  const valeurs: Attendus = {};
  const faites = PERIODES_FAITES.slice(0, h.suivant() < 0.2 ? 4 : 5);
  valeurs.PFMP_Periodes = faites.map((p, k) => [`P${k + 1}`, p.du, p.au, p.organisation, 'M. ou Mme le tuteur', p.activites, k === 4 && h.suivant() < 0.6 ? 5 : p.semaines, 'Oui']);
  for (const b of r.blocs)
    for (const a of b.activites)
      for (const c of a.competences) valeurs[`PFMP${b.pole.code}_C${fragment(c.code)}`] = gabaritGrilles().periodesPfmp.map((_, k) => (k < faites.length && h.suivant() < 0.5 ? degre(k) : null));
  if (maladroit) valeurs[`PFMP1_C${fragment(r.blocs[0]!.activites[0]!.competences[0]!.code)}`] = ['acquis', 3, null, 4, null, null];
  const ccf = gabaritGrilles().echelles.ccf.niveaux.map((n) => String(n.code));
  for (const e of r.epreuves) {
    if (!types.includes(e.code.toLowerCase() as TypeGrille)) continue; // no grid for it in the workbook
    if (h.suivant() < 0.25) continue; // not evaluated yet
    const b = r.blocs.find((x) => x.code === e.bloc)!;
    const ns = e.ccf.situations;
    valeurs[`${e.code}_Date`] = ns === 1 ? '2026-10-15' : ['2026-10-08', '2026-11-19'].slice(0, ns);
    for (const a of b.activites)
      for (const c of a.competences) {
        const positions = Array.from({ length: ns }, () => (h.suivant() < 0.08 ? 'NE' : ccf[degre(3) - 1]!));
        valeurs[`${e.code}_C${fragment(c.code)}`] = ns === 1 ? positions[0]! : positions;
      }
  }
  await p.fichiers.ecrire(sortie, await p.classeurs.remplir(grilles, valeurs), remplacer);
}

/**
 * A student who cheats: rows typed by hand under « Suivi des compétences » of their checked copy,
 * one per compétence of `codes`, at the top degree, copying the look (and the seal) of the genuine
 * row. Written to `sortie`; returns how many rows were added. The demo shows them refused.
 */
export async function falsifierSuivi(p: Ports, copieVerifiee: string, sortie: string, codes: readonly string[], remplacer = false): Promise<number> {
  const suivi = (await ouvrirClasseur(p.classeurs, copieVerifiee)).lignesSous(NOM_SUIVI, COLONNES_SUIVI.length);
  const vraie = suivi?.valeurs[0];
  if (!suivi || !vraie) throw new ErreurFichier(`« ${copieVerifiee} » n'a pas de ligne dans « Suivi des compétences ».`, copieVerifiee);
  const col = (c: (typeof COLONNES_SUIVI)[number]) => COLONNES_SUIVI.indexOf(c);
  const haut = degresDuLivret().at(-1)!;
  const fausses = codes.map((code) =>
    vraie.map((v, j) => (j === col('Compétence') ? code : j === col('Taux de réussite') ? 1 : j === col('Degré') ? haut.code : j === col('Niveau') ? haut.libelle : v)),
  );
  await p.fichiers.ecrire(sortie, await p.classeurs.remplir(copieVerifiee, { [NOM_SUIVI]: [[...COLONNES_SUIVI], ...suivi.valeurs, ...fausses] as Attendus[string] }), remplacer);
  return fausses.length;
}
