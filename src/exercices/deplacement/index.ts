import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { tauxKilometriques } from '../../domain/parametres/frais';
import { EntreeDeplacement } from './entree';
import { calculerDeplacement } from './calcul';
import { ALEAS, casDeplacement } from './cas';
import { EXERCICE_DEPLACEMENT } from './feuilles';

/** 3.2.2: a mission's transports compared (train, plane, the employee's car at the barème, a rental car), the choice by the company's criterion, hotel and meals within its limits. */
export const DEPLACEMENT = paquet({
  type: 'deplacement',
  aide: 'l\u2019organisation d\u2019un déplacement : transports comparés, choix, hébergement et repas dans les limites',
  aleas: ALEAS,
  schema: EntreeDeplacement,
  generer: casDeplacement,
  spec: EXERCICE_DEPLACEMENT,
  couverture: { table: 'frais', mois: (e) => e.mois },
  calculer: (e, t) => resultatEnEuros(calculerDeplacement(e, tauxKilometriques(e.mois, t.frais)), new Set(['mode', 'duree', 'choisi'])),
});
