import { paquet } from '../paquet';
import { EntreeControlePaie } from './controle';
import { ALEAS, casControlePaie } from './cas';
import { EXERCICE_PAIE_CONTROLE } from './feuilles';

/** 3.2.5: a completed bulletin to check, with anomalies slipped in. */
export const PAIE_ANOMALIES = paquet({
  type: 'paie-anomalies',
  aide: 'un bulletin de paie à contrôler',
  aleas: ALEAS,
  schema: EntreeControlePaie,
  generer: (graine, periode, aleas, _mois, t) => casControlePaie(graine, periode, aleas, t),
  spec: EXERCICE_PAIE_CONTROLE,
  couverture: { table: 'paie', mois: (e) => e.cas.periode },
});
