import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeFournisseurs } from './entree';
import { calculerFournisseurs } from './calcul';
import { ALEAS, casFournisseurs } from './cas';
import { EXERCICE_FOURNISSEURS } from './feuilles';

/** 2.1.3, 2.3.1 and 2.1.2: the supplier base checked (SIRET, TVA number, IBAN), quotes compared by weighted criteria, supplies ordered within a budget, the purchase invoice recorded. */
export const FOURNISSEURS = paquet({
  type: 'fournisseurs',
  aide: 'la base fournisseurs contrôlée, trois devis comparés, une commande de fournitures dans le budget et son écriture',
  aleas: ALEAS,
  schema: EntreeFournisseurs,
  generer: casFournisseurs,
  spec: EXERCICE_FOURNISSEURS,
  calculer: (e) => resultatEnEuros(calculerFournisseurs(e), new Set(['controles', 'notes', 'scores', 'choix', 'retenue'])),
});
