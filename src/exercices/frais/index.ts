import { paquet } from '../paquet';
import { resultatEnEuros } from '../../domain/monnaie';
import { parametresFrais } from '../../domain/parametres/frais';
import { EntreeFrais } from './entree';
import { calculerFrais } from './calcul';
import { ALEAS, casFrais } from './cas';
import { EXERCICE_FRAIS } from './feuilles';

/** 3.2.3: an expense report checked against the kilometric scale, the company's ceilings and the TVA rules. */
export const FRAIS = paquet({
  type: 'frais',
  aide: 'le contrôle d\u2019un état de frais : barème kilométrique, plafonds, TVA',
  aleas: ALEAS,
  schema: EntreeFrais,
  generer: (graine, periode, aleas, _mois, t) => casFrais(graine, periode, aleas, t),
  spec: EXERCICE_FRAIS,
  couverture: { table: 'frais', mois: (e) => e.mois },
  calculer: (e, t) => resultatEnEuros(calculerFrais(e, parametresFrais(e.mois, t.frais)), new Set()),
});
