import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { EntreeBulletin } from './entree';
import { bulletinDe } from './bulletin';
import { ALEAS, casPaie } from './cas';
import { EXERCICE_PAIE } from './feuilles';

/** 3.2.4: the bulletin de paie of the month, to the cent; 3.2.5: its payroll entry. */
export const PAIE = paquet({
  type: 'paie',
  aide: 'le bulletin de paie du mois à établir',
  aleas: ALEAS,
  schema: EntreeBulletin,
  generer: (graine, periode, aleas, _mois, t) => casPaie(graine, periode, aleas, t),
  spec: EXERCICE_PAIE,
  couverture: { table: 'paie', mois: (e) => e.periode },
  calculer: (e, t) => resultatEnEuros(bulletinDe(e, t), new Set(['nombre', 'taux', 'tauxSalarial', 'tauxPatronal', 'tauxPas', 'coefficient'])),
});
