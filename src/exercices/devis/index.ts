import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeDevis } from './entree';
import { calculerDevis, ECARTS, SUITES } from './calcul';
import { ALEAS, casDevis } from './cas';
import { EXERCICE_DEVIS } from './feuilles';

/** 1.1.2 and 1.2.1: a devis from the tarif (discount tiers, franco, validity, acompte), then the client's bon de commande controlled against it. */
export const DEVIS = paquet({
  type: 'devis',
  aide: 'le devis d\u2019une demande (paliers de remise, franco de port, acompte) et le contrôle du bon de commande',
  aleas: ALEAS,
  schema: EntreeDevis,
  generer: casDevis,
  spec: EXERCICE_DEVIS,
  calculer: (e) => {
    const r = calculerDevis(e);
    return resultatEnEuros(
      { ...r, ecarts: r.ecarts.map((x) => ECARTS[x]), suite: SUITES[r.suite] },
      new Set(['quantite', 'taux', 'validite', 'ecarts', 'valable', 'conditions', 'suite', 'reference', 'designation']),
    );
  },
});
