import type { Style } from './model';

/** The house style of every printed sheet: one palette, 9-pt body text so that a grid fits A4. */
export const BLEU = '1F3864';
export const BLEU_CLAIR = 'D9E2F3';
export const GRIS = 'F2F2F2';
export const SAISIE = 'FFF8E1'; // pale yellow: where the student types
export const PARAMETRE = 'EDEDED'; // light grey: a value of « Paramètres », the teacher's, locked
export const T = 9;

export const titre: Style = { gras: true, taille: 14, couleur: BLEU };
export const sousTitre: Style = { italique: true, taille: T, couleur: '595959', retourLigne: true };
export const entete: Style = { gras: true, taille: T, couleur: 'FFFFFF', fond: BLEU, alignement: 'centre', vertical: 'milieu', retourLigne: true, bordure: true };
export const bandeau: Style = { gras: true, taille: T + 1, fond: BLEU_CLAIR, vertical: 'milieu', retourLigne: true, bordure: true };
export const corps: Style = { taille: T, vertical: 'haut', retourLigne: true, bordure: true };
export const code: Style = { ...corps, gras: true, alignement: 'centre' };
export const note: Style = { taille: T, italique: true, fond: GRIS, vertical: 'haut', retourLigne: true, bordure: true };
export const etiquette: Style = { taille: T, gras: true, vertical: 'milieu', retourLigne: true, bordure: true, fond: GRIS };
export const valeur: Style = { taille: T, vertical: 'milieu', retourLigne: true, bordure: true };
export const saisie: Style = { taille: T, vertical: 'milieu', retourLigne: true, bordure: true, fond: SAISIE, saisie: true };
export const saisieCentree: Style = { ...saisie, alignement: 'centre', gras: true };
export const saisieDate: Style = { ...saisie, alignement: 'centre', format: 'dd/mm/yyyy' };
export const calcul: Style = { taille: T, vertical: 'milieu', alignement: 'centre', bordure: true, gras: true };
export const alerte: Style = { taille: T, gras: true, couleur: 'C00000', retourLigne: true };
export const texte: Style = { taille: T, retourLigne: true, vertical: 'haut' };
export const lien: Style = { taille: T, couleur: '0563C1', souligne: true, alignement: 'centre', vertical: 'milieu', bordure: true };
