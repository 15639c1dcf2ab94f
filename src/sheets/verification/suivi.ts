import type { RapportCopie } from '../../check/rapport';
import { texteLu, type ValeurLue } from '../exercices/lecture';

/**
 * « Suivi des compétences »: one row per compétence each time a copy is checked — the evidence the
 * class consolidation reads. Its header starts at the defined name `AGORA_Suivi`, so a renamed
 * sheet is still found; rows are appended below, never rewritten.
 */
export const FEUILLE_SUIVI = 'Suivi des compétences';
export const NOM_SUIVI = 'AGORA_Suivi';
export const COLONNES_SUIVI = ['Date', 'Exercice', 'Modèle', 'Cas n°', 'Compétence', 'Critère', 'Taux de réussite', 'Degré', 'Niveau', 'Mode', 'Fichier source', 'Remarque', 'Sceau'] as const;
export const FORMATS_SUIVI: readonly (string | null)[] = ['dd/mm/yyyy', null, null, null, null, null, '0.0 %', null, null, null, null, null, null];
/** Column widths (characters); the template id and the seal, for the software, are hidden. */
export const LARGEURS_SUIVI: readonly number[] = [11, 34, 18, 10, 11, 40, 10, 7, 16, 10, 24, 26, 14];
export const MASQUEES_SUIVI: readonly number[] = [COLONNES_SUIVI.indexOf('Modèle'), COLONNES_SUIVI.indexOf('Sceau')];

export const USAGE_SCEAU_SUIVI = 'agora-suivi-1';

/**
 * What a row's seal covers: the student the workbook was made for, then the row's cells as texts
 * (a date as AAAA-MM-JJ, a number to 12 significant digits, so that LibreOffice re-saving a rate as
 * 15 digits keeps it), the seal's own cell left out. The same for the row written and the row read.
 */
export function champsSuivi(eleve: { nom: string; prenom: string; classe: string }, ligne: readonly ValeurLue[]): string[] {
  const cellules = ligne.slice(0, COLONNES_SUIVI.length - 1).map((v) => (typeof v === 'number' ? String(Number(v.toPrecision(12))) : texteLu(v)));
  return [eleve.nom.trim(), eleve.prenom.trim(), eleve.classe.trim(), ...cellules];
}

/** The rows a check adds, each sealed by `sceller` when the exercise's own seal held (left empty otherwise: consolidation will not count it). */
export function lignesSuivi(r: RapportCopie, source: string, sceller?: (ligne: readonly ValeurLue[]) => string): (string | number | null)[][] {
  return r.competences.map((c) => {
    const ligne = [
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
    ];
    return [...ligne, sceller ? sceller(ligne) : ''];
  });
}
