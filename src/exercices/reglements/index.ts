import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeReglements } from './entree';
import { calculerReglements } from './calcul';
import { ALEAS, casReglements } from './cas';
import { EXERCICE_REGLEMENTS } from './feuilles';

/** 2.2.2: supplier invoices checked against order and delivery, their due dates, escomptes and payments of the day. */
export const REGLEMENTS = paquet({
  type: 'reglements',
  aide: 'le règlement des fournisseurs : contrôle des factures, échéancier, escompte',
  aleas: ALEAS,
  schema: EntreeReglements,
  generer: casReglements,
  spec: EXERCICE_REGLEMENTS,
  calculer: (e) => resultatEnEuros(calculerReglements(e), new Set()),
});
