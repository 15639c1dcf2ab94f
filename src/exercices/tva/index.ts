import { paquet } from '../paquet';
import { dernierJour } from '../../domain/dates';
import { parametresTva } from '../../domain/parametres/tva';
import { EntreeCa3 } from './entree';
import { calculerCa3 } from './ca3';
import { ALEAS, casTva } from './cas';
import { EXERCICE_TVA } from './feuilles';

/** 2.2.4: the CA3 return of a month from its invoices. CA3 amounts are already whole euros. */
export const TVA = paquet({
  type: 'tva',
  aide: 'la déclaration de TVA (CA3) du mois',
  aleas: ALEAS,
  schema: EntreeCa3,
  generer: casTva,
  spec: EXERCICE_TVA,
  couverture: { table: 'tva', mois: (e) => e.periode },
  calculer: (e, t) => calculerCa3(e, parametresTva(dernierJour(e.periode), t.tva)),
});
