import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeClients } from './entree';
import { ANOMALIES, calculerClients } from './calcul';
import { ALEAS, casClients } from './cas';
import { EXERCICE_CLIENTS } from './feuilles';

/** 1.3.1 and 1.3.2: a client file updated and its anomalies reported, then the commercial dashboard: cumulative turnover, variations on N−1, family shares, panier moyen, conversion of devis. */
export const CLIENTS = paquet({
  type: 'clients',
  aide: 'le fichier clients mis à jour et ses anomalies, puis le tableau de bord commercial',
  aleas: ALEAS,
  schema: EntreeClients,
  generer: casClients,
  spec: EXERCICE_CLIENTS,
  calculer: (e) => {
    const r = calculerClients(e);
    return resultatEnEuros({ ...r, anomalies: r.anomalies.map((a) => ANOMALIES[a]) }, new Set(['fichier', 'anomalies', 'variations', 'variationAnnuelle', 'parts', 'conversion']));
  },
});
