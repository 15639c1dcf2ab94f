import type * as Ecrire from './ecrireClasseur';
import type * as Remplir from './remplirClasseur';
import type * as Annoter from './annoterClasseur';
import type * as Cles from './clesAgora';
import type * as Ajout from './ajouterAuClasseur';

/**
 * The exceljs writers, loaded on first use: exceljs takes a seventh of a second to load, which
 * `agora calcul`, `agora cle` or a check without annotated copies need not pay.
 */
export const classeurEnXlsx: typeof Ecrire.classeurEnXlsx = async (...a) => (await import('./ecrireClasseur')).classeurEnXlsx(...a);
export const classeurEnFlux: typeof Ecrire.classeurEnFlux = async (...a) => (await import('./ecrireClasseur')).classeurEnFlux(...a);
export const remplirClasseur: typeof Remplir.remplirClasseur = async (...a) => (await import('./remplirClasseur')).remplirClasseur(...a);
export const changerCellules: typeof Remplir.changerCellules = async (...a) => (await import('./remplirClasseur')).changerCellules(...a);
export const annoterClasseur: typeof Annoter.annoterClasseur = async (...a) => (await import('./annoterClasseur')).annoterClasseur(...a);
export const remplacerClesAgora: typeof Cles.remplacerClesAgora = async (...a) => (await import('./clesAgora')).remplacerClesAgora(...a);
export const classeurPourAjout: typeof Ajout.classeurPourAjout = async (...a) => (await import('./ajouterAuClasseur')).classeurPourAjout(...a);
