import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { parametresRelances } from '../../domain/parametres/relances';
import { EntreeRelances } from './entree';
import { calculerRelances } from './calcul';
import { ALEAS, casRelances } from './cas';
import { EXERCICE_RELANCES } from './feuilles';

/** 1.2.4: a client's account on the day of the follow-up: aged balance, reminder levels, late-payment penalties and indemnities. */
export const RELANCES = paquet({
  type: 'relances',
  aide: 'le suivi des relances d\u2019un client : balance âgée, pénalités de retard',
  aleas: ALEAS,
  schema: EntreeRelances,
  generer: (graine, periode, aleas, _mois, t) => casRelances(graine, periode, aleas, t),
  spec: EXERCICE_RELANCES,
  couverture: { table: 'relances', mois: (e) => e.date.slice(0, 7) },
  calculer: (e, t) => resultatEnEuros(calculerRelances(e, parametresRelances(e.date, t.relances, e.tauxContractuel !== undefined)), new Set(['jours', 'niveau', 'tranche', 'taux'])),
});
