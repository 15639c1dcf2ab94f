import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeFacture } from './entree';
import { calculerFacture } from './calcul';
import { ALEAS, casFacture } from './cas';
import { EXERCICE_FACTURE } from './feuilles';

/** 1.2.2: a sales invoice from an order (remises, rabais, ristourne, escompte, port, several TVA rates) and its facture d'avoir. */
export const FACTURE = paquet({
  type: 'facture',
  aide: 'la facture de vente d\u2019une commande et sa facture d\u2019avoir',
  aleas: ALEAS,
  schema: EntreeFacture,
  generer: casFacture,
  spec: EXERCICE_FACTURE,
  calculer: (e) => resultatEnEuros(calculerFacture(e), new Set(['taux'])),
});
