import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeStocks } from './entree';
import { calculerStocks } from './calcul';
import { ALEAS, casStocks } from './cas';
import { EXERCICE_STOCKS } from './feuilles';

/** 2.1.1: the stock card of an article (CMUP after each entry, PEPS) and the reorder decision. */
export const STOCKS = paquet({
  type: 'stocks',
  aide: 'la fiche de stock d\u2019un article (CMUP et PEPS) et sa commande',
  aleas: ALEAS,
  schema: EntreeStocks,
  generer: casStocks,
  spec: EXERCICE_STOCKS,
  calculer: (e) => resultatEnEuros(calculerStocks(e), new Set(['quantite', 'stockAlerte', 'stockFinal', 'quantiteACommander'])),
});
