import type { RapportCopie } from '../../check/rapport';

/**
 * « Suivi des compétences »: one row per compétence each time a copy is checked — the evidence the
 * class consolidation reads. Its header starts at the defined name `AGORA_Suivi`, so a renamed
 * sheet is still found; rows are appended below, never rewritten.
 */
export const FEUILLE_SUIVI = 'Suivi des compétences';
export const NOM_SUIVI = 'AGORA_Suivi';
export const COLONNES_SUIVI = ['Date', 'Exercice', 'Modèle', 'Cas n°', 'Compétence', 'Critère', 'Taux de réussite', 'Degré', 'Niveau', 'Mode', 'Fichier source', 'Remarque'] as const;
export const FORMATS_SUIVI: readonly (string | null)[] = ['dd/mm/yyyy', null, null, null, null, null, '0.0 %', null, null, null, null, null];

export function lignesSuivi(r: RapportCopie, source: string): (string | number | null)[][] {
  return r.competences.map((c) => [
    r.date,
    r.titre,
    r.modele,
    r.graine,
    c.code,
    c.critere,
    c.taux,
    c.niveau?.code ?? 'NE',
    c.niveau?.libelle ?? 'Non évalué',
    r.mode,
    source,
    r.enonceModifie ? `Énoncé modifié (${r.blocsModifies.join(', ')}) : non noté` : '',
  ]);
}
