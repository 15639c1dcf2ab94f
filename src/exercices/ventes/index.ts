import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeVentes } from './entree';
import { calculerVentes } from './calcul';
import { ALEAS, casVentes } from './cas';
import { EXERCICE_VENTES } from './feuilles';

/** 1.2.3: the sales invoices and the payments recorded (journal des ventes, journal de banque with an escompte), the lettrage of 411 and each client's balance. */
export const VENTES = paquet({
  type: 'ventes',
  aide: 'les factures de vente et les encaissements enregistrés, le lettrage et le solde de chaque client',
  aleas: ALEAS,
  schema: EntreeVentes,
  generer: casVentes,
  spec: EXERCICE_VENTES,
  calculer: (e) => resultatEnEuros(calculerVentes(e), new Set(['lettrees'])),
});
