import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { parametresConges } from '../../domain/parametres/conges';
import { EntreeConges } from './entree';
import { calculerConges } from './calcul';
import { ALEAS, casConges } from './cas';
import { EXERCICE_CONGES } from './feuilles';

/** 3.2.1: paid leave: days acquired over the reference period, indemnity by the tenth or the pay kept. */
export const CONGES = paquet({
  type: 'conges',
  aide: 'les congés payés d\u2019un salarié : jours acquis, dixième ou maintien de salaire',
  aleas: ALEAS,
  schema: EntreeConges,
  generer: casConges,
  spec: EXERCICE_CONGES,
  couverture: { table: 'conges', mois: (e) => e.conge.mois },
  calculer: (e, t) =>
    resultatEnEuros(
      calculerConges(e, parametresConges(`${e.conge.mois}-01`, t.conges)),
      new Set(['moisTravailles', 'joursMoisIncomplets', 'moisMaladie', 'joursMaladie', 'acquisBruts', 'acquis', 'diviseurMaintien', 'regle', 'solde']),
    ),
});
