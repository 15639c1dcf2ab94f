import type { Referentiel } from '../referentiel/schema';
import { normaliser } from '../consolidate/eleves';
import { citer } from '../domain/texte';
import { entreesLues, metadonneesAgora, versionMajeure } from '../sheets/agora';
import type { ValeurLue } from '../sheets/exercices/lecture';
import { classeurGrilles, type ClasseurGrilles, type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { gabaritGrilles } from '../sheets/grilles/gabarit';
import type { Eleve } from '../sheets/eleve';

/** A student as the class knows them: name, first name and class, accents, case and hyphens aside. */
export const cleEleve = (e: Eleve) => [e.nom, e.prenom, e.classe].map(normaliser).join('|');

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
  const { agora, lignesAgora } = metadonneesAgora(ouvert.agora);
  const version = agora.get('gabarit_grilles');
  if (!version) throw new RangeError('Ce classeur contient déjà des feuilles AGOrA qui ne sont pas des grilles (un exercice ou une classe consolidée) : insérez les grilles dans un classeur vide.');
  if (versionMajeure(version) > versionMajeure(gabaritGrilles().version))
    throw new RangeError(
      `Les grilles de ce classeur viennent d'une version plus récente d'AGOrA (modèle ${version} ; celle-ci écrit la ${gabaritGrilles().version}) : mettez AGOrA à jour avant d'en ajouter.`,
    );

  const deja = entreesLues(lignesAgora).filter((e) => e.nom || e.prenom);
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
