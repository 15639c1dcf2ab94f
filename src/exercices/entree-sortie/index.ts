import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { parametresPersonnel } from '../../domain/parametres/personnel';
import { EntreeEntreeSortie } from './entree';
import { calculerEntreeSortie } from './calcul';
import { ALEAS, casEntreeSortie } from './cas';
import { EXERCICE_ENTREE_SORTIE } from './feuilles';

/** 3.1.1: a hiring (DPAE, trial period), the end of a CDD (indemnities), a dismissal (notice, seniority, legal severance pay, solde de tout compte), by dated legal values. */
export const ENTREE_SORTIE = paquet({
  type: 'entree-sortie',
  aide: 'l\u2019entrée et la sortie du personnel : DPAE, période d\u2019essai, fin de CDD, préavis et indemnité de licenciement',
  aleas: ALEAS,
  schema: EntreeEntreeSortie,
  generer: (graine, periode, aleas, _mois, t) => casEntreeSortie(graine, periode, aleas, t),
  spec: EXERCICE_ENTREE_SORTIE,
  couverture: { table: 'personnel', mois: (e) => e.licenciement.notification.slice(0, 7) },
  calculer: (e, t) => resultatEnEuros(calculerEntreeSortie(e, parametresPersonnel(e.licenciement.notification, t.personnel)), new Set(['preavis', 'anciennete'])),
});
