import type { PlageLue } from '../sheets/exercices/lecture';
import { gabaritGrilles } from '../sheets/grilles/gabarit';
import { PARAMETRES, type EchelleGrille } from '../sheets/grilles/commun';
import type { Degre } from './preuves';

/** A level of a workbook's scale: the code typed in the grids, the livret degree it stands for, its value in the mark. */
export interface NiveauLu {
  code: string | number;
  degre: Degre | 'NE';
  valeur: number | null;
}

/** The livret degree of each level of the template's scale, by rank: PFMP codes are degrees, CCF codes go through the correspondence. */
function degresDuGabarit(e: EchelleGrille): (Degre | 'NE')[] {
  const g = gabaritGrilles();
  return g.echelles[e].niveaux.map((n) => {
    const d = e === 'pfmp' ? n.code : g.correspondance.find(([ccf]) => String(ccf) === String(n.code))?.[1];
    return d === 1 || d === 2 || d === 3 || d === 4 ? d : 'NE';
  });
}

const nomsEchelle = (e: EchelleGrille) => (e === 'ccf' ? [PARAMETRES.ccfCodes, PARAMETRES.ccfValeurs] : [PARAMETRES.pfmpCodes, PARAMETRES.pfmpValeurs]);

/**
 * The scale as the workbook's « Paramètres » has it (a teacher may rename a code or change a value):
 * the level at rank k keeps the meaning of the template's level k. Without a readable « Paramètres »,
 * the template's scale.
 */
export function echelleDuClasseur(e: EchelleGrille, plage: (nom: string) => PlageLue | undefined): NiveauLu[] {
  const modele = gabaritGrilles().echelles[e].niveaux;
  const degres = degresDuGabarit(e);
  const [nomCodes, nomValeurs] = nomsEchelle(e);
  const codes = plage(nomCodes!)?.valeurs.map((l) => l[0]);
  const valeurs = plage(nomValeurs!)?.valeurs.map((l) => l[0]);
  return modele.map((n, k) => {
    const c = codes?.[k];
    const v = valeurs?.[k];
    return {
      code: typeof c === 'string' && c.trim() ? c.trim() : typeof c === 'number' ? c : n.code,
      degre: degres[k]!,
      valeur: valeurs ? (typeof v === 'number' && v >= 0 && v <= 1 ? v : null) : n.valeur,
    };
  });
}

/** The level a typed value names (text compared without case or spaces, « 3 » as 3), or undefined. */
export function niveauDe(echelle: readonly NiveauLu[], lu: unknown): NiveauLu | undefined {
  const t = String(lu).trim().toLocaleUpperCase('fr');
  return echelle.find((n) => String(n.code).toLocaleUpperCase('fr') === t);
}
