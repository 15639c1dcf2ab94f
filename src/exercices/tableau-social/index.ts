import { paquet } from '../paquet';
import { EntreeTableauSocial } from './entree';
import { calculerTableauSocial } from './calcul';
import { ALEAS, casTableauSocial } from './cas';
import { EXERCICE_TABLEAU_SOCIAL } from './feuilles';

/** 3.1.2 and 3.3.1: a registre unique du personnel kept up to date, and the social dashboard drawn from it: headcounts, turnover, absenteeism, age pyramid, seniority, women's share. */
export const TABLEAU_SOCIAL = paquet({
  type: 'tableau-social',
  aide: 'le tableau de bord social d\u2019une année : effectifs, rotation, absentéisme, pyramide des âges',
  aleas: ALEAS,
  schema: EntreeTableauSocial,
  generer: casTableauSocial,
  spec: EXERCICE_TABLEAU_SOCIAL,
  calculer: (e) => calculerTableauSocial(e),
});
