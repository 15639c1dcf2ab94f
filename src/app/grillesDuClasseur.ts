import type { Referentiel } from '../referentiel/schema';
import { normaliser } from '../consolidate/eleves';
import { citer } from '../domain/texte';
import { entreesLues, metadonneesAgora, versionMajeure, type EntreeLue } from '../sheets/agora';
import type { ValeurLue } from '../sheets/exercices/lecture';
import { classeurGrilles, typeDeGrille, type ClasseurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import type { Classeur } from '../sheets/model';
import { gabaritGrilles } from '../sheets/grilles/gabarit';
import type { Eleve } from '../sheets/eleve';

/** A student as the class knows them: name, first name and class, accents, case and hyphens aside. */
export const cleEleve = (e: Eleve) => [e.nom, e.prenom, e.classe].map(normaliser).join('|');

/** The students' rows of a grids workbook's `_agora`; refused (RangeError, in French) when it holds another kind of AGOrA workbook or grids from a newer template. */
export function entreesDeGrilles(lignes: readonly ValeurLue[][]): EntreeLue[] {
  const { agora, lignesAgora } = metadonneesAgora(lignes);
  const version = agora.get('gabarit_grilles');
  if (!version) throw new RangeError('Ce classeur contient déjà des feuilles AGOrA qui ne sont pas des grilles (un exercice ou une classe consolidée) : insérez les grilles dans un classeur vide.');
  if (versionMajeure(version) > versionMajeure(gabaritGrilles().version))
    throw new RangeError(
      `Les grilles de ce classeur viennent d'une version plus récente d'AGOrA (modèle ${version} ; celle-ci écrit la ${gabaritGrilles().version}) : mettez AGOrA à jour avant d'en ajouter.`,
    );
  return entreesLues(lignesAgora).filter((e) => e.nom || e.prenom);
}

/**
 * The grids to insert into the workbook open in Excel, given its sheets and `_agora` rows: a whole
 * grids workbook when it has no AGOrA sheet; when it holds grids already, an addition (its
 * « Paramètres » kept with the teacher's settings, a student already there keeping their prefix).
 * Refused with a French reason (RangeError) when it holds another kind of AGOrA workbook, grids from
 * a newer template, or a grid the list asks for a second time. `pourLaClasse`: names prefixed per
 * student, as for a class (a class inserted in several lots is a class from its first lot).
 */
export function grillesPourLeClasseur(
  r: Referentiel,
  eleves: readonly Eleve[],
  o: OptionsGrilles,
  ouvert: { feuilles: readonly string[]; agora: readonly ValeurLue[][] | null },
  pourLaClasse = eleves.length > 1,
): ClasseurGrilles & { ajout: boolean } {
  if (!ouvert.agora) return { ...classeurGrilles(r, eleves, o, pourLaClasse ? 'classe' : 'eleve'), ajout: false };
  const deja = entreesDeGrilles(ouvert.agora);
  const prefixes = new Map<string, string>();
  const feuilleDe = new Map<string, string>(); // student and template → the sheet already made
  for (const e of deja) {
    if (!prefixes.has(cleEleve(e))) prefixes.set(cleEleve(e), e.prefixe);
    feuilleDe.set(`${cleEleve(e)}|${e.modele}`, e.feuille_initiale);
  }
  const g = classeurGrilles(r, eleves, o, 'classe', { feuilles: ouvert.feuilles, prefixeDe: (e) => prefixes.get(cleEleve(e)), prefixes: deja.map((e) => e.prefixe) });
  // the rows the addition brings, in COLONNES_AGORA order: model 1, student 4 to 6
  const redites = (g.classeur.ajoutAgora ?? []).flatMap((l) => feuilleDe.get(`${cleEleve({ nom: l[4]!, prenom: l[5]!, classe: l[6]! })}|${l[1]}`) ?? []);
  if (redites.length)
    throw new RangeError(`Ce classeur a déjà ${redites.length > 1 ? 'les grilles' : 'la grille'} ${citer(redites)} : décochez ces grilles ou retirez ces élèves de la liste ; rien n'a été modifié.`);
  return { ...g, ajout: true };
}

/** What a file of grids receives when the command is run again with a list: the missing grids of each student, nothing twice. */
export interface AjoutDeGrilles {
  /** the sheets to add, or null when every student has every grid asked for */
  classeur: Classeur | null;
  /** the students who get grids, and those who had them all already */
  completes: Eleve[];
  dejaLa: Eleve[];
}

/**
 * The grids a workbook of grids lacks for these students: a new student gets every type asked
 * for, a student already there the types they do not have (the E31 grids after the PFMP ones),
 * each keeping their prefix; a student with every type is left as they are. The additions for
 * students missing different types are made one after the other, each seeing the sheets and rows
 * of the previous one, and given as one model.
 */
export function ajoutDeGrilles(r: Referentiel, eleves: readonly Eleve[], o: OptionsGrilles, ouvert: { feuilles: readonly string[]; agora: readonly ValeurLue[][] }): AjoutDeGrilles {
  const typesDe = new Map<string, Set<string>>();
  for (const e of entreesDeGrilles(ouvert.agora)) {
    const t = typeDeGrille(e.modele);
    if (t) typesDe.set(cleEleve(e), (typesDe.get(cleEleve(e)) ?? new Set()).add(t));
  }
  const groupes = new Map<string, Eleve[]>();
  const dejaLa: Eleve[] = [];
  for (const e of eleves) {
    const manquants = o.types.filter((t) => !typesDe.get(cleEleve(e))?.has(t));
    if (!manquants.length) dejaLa.push(e);
    else groupes.set(manquants.join(','), [...(groupes.get(manquants.join(',')) ?? []), e]);
  }
  const feuilles = [...ouvert.feuilles];
  const agora = [...ouvert.agora];
  const ajout: Required<Pick<Classeur, 'feuilles' | 'noms' | 'ajoutAgora'>> = { feuilles: [], noms: [], ajoutAgora: [] };
  for (const [types, groupe] of groupes) {
    const g = grillesPourLeClasseur(r, groupe, { ...o, types: types.split(',') as OptionsGrilles['types'] }, { feuilles, agora });
    feuilles.push(...g.classeur.feuilles.map((f) => f.nom));
    agora.push(...(g.classeur.ajoutAgora ?? []));
    ajout.feuilles.push(...g.classeur.feuilles);
    ajout.noms.push(...(g.classeur.noms ?? []));
    ajout.ajoutAgora.push(...(g.classeur.ajoutAgora ?? []));
  }
  const completes = [...groupes.values()].flat();
  const n = completes.length;
  return { classeur: n ? { titre: `Grilles AGOrA — ajout pour ${n} élève${n > 1 ? 's' : ''}`, ...ajout } : null, completes, dejaLa };
}
