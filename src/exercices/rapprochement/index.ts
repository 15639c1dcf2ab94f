import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeRapprochement } from './entree';
import { calculerRapprochement } from './calcul';
import { ALEAS, casRapprochement } from './cas';
import { EXERCICE_RAPPROCHEMENT } from './feuilles';

/** 2.2.1: the état de rapprochement of the 512 account and the bank statement, with its entries. */
export const RAPPROCHEMENT = paquet({
  type: 'rapprochement',
  aide: 'l\u2019état de rapprochement bancaire et ses écritures',
  aleas: ALEAS,
  schema: EntreeRapprochement,
  generer: casRapprochement,
  spec: EXERCICE_RAPPROCHEMENT,
  calculer: (e) => resultatEnEuros(calculerRapprochement(e), new Set(['index'])),
});
