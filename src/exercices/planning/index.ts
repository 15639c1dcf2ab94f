import { paquet } from '../paquet';
import { EntreePlanning } from './entree';
import { calculerPlanning } from './calcul';
import { ALEAS, casPlanning } from './cas';
import { EXERCICE_PLANNING } from './feuilles';

/** 2.1.5: a project's schedule in jours ouvrés (French public holidays), marges and critical path, each person's weekly load against capacity. */
export const PLANNING = paquet({
  type: 'planning',
  aide: 'le planning d\u2019un projet en jours ouvrés : dates au plus tôt et au plus tard, marges, chemin critique, charges',
  aleas: ALEAS,
  schema: EntreePlanning,
  generer: casPlanning,
  spec: EXERCICE_PLANNING,
  calculer: (e) => calculerPlanning(e, EXERCICE_PLANNING.parametresParDefaut(e, undefined as never)),
});
