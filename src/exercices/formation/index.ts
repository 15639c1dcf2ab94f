import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeFormation } from './entree';
import { calculerFormation } from './calcul';
import { ALEAS, casFormation, parametresFormation } from './cas';
import { EXERCICE_FORMATION } from './feuilles';

/** 3.1.3: the cost of each training action (pay kept with charges, trip at the barème, meals), the plan against its budget, the choice by priority, hours per employee. */
export const FORMATION = paquet({
  type: 'formation',
  aide: 'le coût d\u2019un plan de formation, le choix des actions dans le budget, les heures par salarié',
  aleas: ALEAS,
  schema: EntreeFormation,
  generer: (graine, periode, aleas, _mois, t) => casFormation(graine, periode, aleas, t),
  spec: EXERCICE_FORMATION,
  couverture: { table: 'frais', mois: (e) => e.mois },
  calculer: (e, t) => resultatEnEuros(calculerFormation(e, parametresFormation(e.mois, t)), new Set(['participants', 'respecte', 'retenues', 'heures', 'code'])),
});
