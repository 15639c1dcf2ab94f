import { cheminCle, cleOuNouvelle } from '../io/cleEnseignant';
import { type CleEnseignant } from '../domain/sceau';
import type { Sorties } from './sorties';

/** The key that seals exercises on this computer, created on first use (the teacher is told where, on stderr). */
export async function cleDuPoste(option: string | undefined, s: Sorties): Promise<CleEnseignant> {
  const chemin = cheminCle(option);
  const { cle, creee } = await cleOuNouvelle(chemin);
  if (creee) s.err(`Clé de l'enseignant créée : ${chemin} (identifiant ${cle.id}). Elle scelle vos exercices et vos vérifications : gardez-la, ne la donnez pas aux élèves.\n`);
  return cle;
}
