import { FACTURE } from './facture';
import { RELANCES } from './relances';
import { REGLEMENTS } from './reglements';
import { STOCKS } from './stocks';
import { TVA } from './tva';
import { RAPPROCHEMENT } from './rapprochement';
import { TRESORERIE } from './tresorerie';
import { PAIE } from './paie';
import { PAIE_ANOMALIES } from './paie-anomalies';
import { CONGES } from './conges';
import { FRAIS } from './frais';
import { FORMATION } from './formation';
import { DEPLACEMENT } from './deplacement';
import { ENTREE_SORTIE } from './entree-sortie';
import { TABLEAU_SOCIAL } from './tableau-social';
import { FOURNISSEURS } from './fournisseurs';
import { CLIENTS } from './clients';
import { VENTES } from './ventes';
import { PLANNING } from './planning';
import { PROSPECTION } from './prospection';
import { DEVIS } from './devis';
import type { PaquetExercice } from './paquet';

/**
 * THE list of exercises, one line per package, in the order the command line, the task pane and the
 * demo show them. Adding an exercise: its folder `src/exercices/<type>/`, its template
 * `templates/exercices/<type>.json`, and one line here.
 */
export const EXERCICES = [
  FACTURE,
  RELANCES,
  VENTES,
  DEVIS,
  PROSPECTION,
  CLIENTS,
  STOCKS,
  TVA,
  RAPPROCHEMENT,
  REGLEMENTS,
  FOURNISSEURS,
  PLANNING,
  TRESORERIE,
  PAIE,
  PAIE_ANOMALIES,
  CONGES,
  FRAIS,
  FORMATION,
  DEPLACEMENT,
  ENTREE_SORTIE,
  TABLEAU_SOCIAL,
] as const;

export type TypeExercice = (typeof EXERCICES)[number]['type'];
export const TYPES_EXERCICE: readonly TypeExercice[] = EXERCICES.map((p) => p.type);

/** A package as the generic machinery sees it: the case and parameters are whatever its schema says. */
export type Paquet = PaquetExercice<TypeExercice, unknown, unknown>;
const PAR_TYPE = new Map<string, Paquet>(EXERCICES.map((p) => [p.type, p as unknown as Paquet]));

export const estTypeExercice = (t: string): t is TypeExercice => PAR_TYPE.has(t);

export function paquetExercice(type: TypeExercice): Paquet {
  return PAR_TYPE.get(type)!;
}

/** The package whose template has this id (`_agora` records it); undefined for an unknown template. */
export const paquetDuModele = (id: string): Paquet | undefined => EXERCICES.find((p) => p.spec.gabarit.id === id) as Paquet | undefined;

/** The exercises `agora calcul` knows: those with a calculator of their own. */
export const CALCULS = EXERCICES.filter((p) => p.calculer).map((p) => p.type);
