import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeTresorerie } from './entree';
import { calculerTresorerie } from './budget';
import { ALEAS, casTresorerie } from './cas';
import { EXERCICE_TRESORERIE } from './feuilles';

const MOIS_PAR_DEFAUT = 4;

/** 2.2.5: the budget de trésorerie of 3 to 12 months, with its budget de TVA. */
export const TRESORERIE = paquet({
  type: 'tresorerie',
  aide: 'le budget de trésorerie de plusieurs mois',
  aleas: ALEAS,
  schema: EntreeTresorerie,
  generer: (graine, periode, aleas, mois) => casTresorerie(graine, periode, mois ?? MOIS_PAR_DEFAUT, aleas),
  spec: EXERCICE_TRESORERIE,
  calculer: (e) => resultatEnEuros(calculerTresorerie(e), new Set()),
  mois: true,
});
