import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeProspection } from './entree';
import { calculerProspection } from './calcul';
import { ALEAS, casProspection } from './cas';
import { EXERCICE_PROSPECTION } from './feuilles';

/** 1.1.4: the results of a prospection operation (mailing or trade fair) against its objectives: cost, taux de retour, margin, seuil de rentabilité. */
export const PROSPECTION = paquet({
  type: 'prospection',
  aide: 'le bilan d\u2019une opération de prospection : coût, taux de retour, marge, seuil de rentabilité',
  aleas: ALEAS,
  schema: EntreeProspection,
  generer: casProspection,
  spec: EXERCICE_PROSPECTION,
  calculer: (e) => resultatEnEuros(calculerProspection(e), new Set(['contacts', 'commandes', 'tauxRetour', 'seuil', 'objectifRetour', 'objectifChiffreAffaires'])),
});
