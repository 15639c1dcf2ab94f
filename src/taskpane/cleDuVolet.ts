import { cleDepuisBase64, cleDepuisOctets, cleEnBase64, OCTETS_CLE, type CleEnseignant } from '../domain/sceau';
import { SaisieInvalide } from './commun';

/**
 * The teacher's key in the task pane: kept in this computer's storage for the add-in's own origin,
 * never in a workbook and never sent anywhere. A student's computer has none: their checks say the
 * seal was not verified, and only the teacher's consolidation counts sealed evidence.
 */
const STOCKAGE = 'agora-excel.cle-enseignant';

export function cleDuVolet(): CleEnseignant | undefined {
  try {
    const t = localStorage.getItem(STOCKAGE);
    return t ? cleDepuisBase64(t) : undefined;
  } catch {
    return undefined; // storage refused (private browsing): no key
  }
}

const garder = (cle: CleEnseignant) => {
  localStorage.setItem(STOCKAGE, cleEnBase64(cle));
  return cle;
};

/** A new key from the browser's cryptographic generator. */
export const creerCleDuVolet = (): CleEnseignant => garder(cleDepuisOctets(crypto.getRandomValues(new Uint8Array(OCTETS_CLE))));

/** The key the teacher pastes (`agora cle --texte`, or another computer's pane): replaces this computer's. */
export function importerCleDuVolet(texte: string): CleEnseignant {
  const cle = cleDepuisBase64(texte);
  if (!cle)
    throw new SaisieInvalide(
      `Ce texte n\u2019est pas une clé AGOrA : collez le fichier de la clé, ou la ligne de ${Math.ceil(OCTETS_CLE / 3) * 4} caractères que donne « agora cle --texte » ou « Afficher la clé » sur l\u2019autre poste.`,
    );
  return garder(cle);
}
