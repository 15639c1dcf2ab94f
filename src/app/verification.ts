import { annoterClasseur } from '../io/exceljs/aLaDemande';
import path from 'node:path';
import { ErreurFichier, creerDossier, ecrireAtomiquement } from '../io/fichiers';
import { messageDuFichier } from '../io/erreurFichier';
import type { RapportCopie } from '../check/rapport';
import { ouvrirExercice } from './exercices';
import { annotationsDeLaCopie, nomsDesCopiesAnnotees, verifierExercice, type CopieVerifiee, type OptionsVerification } from './verifierExercice';

export { attendusDesReponses, variantesDuCas, verifierExercice, type CopieVerifiee, type OptionsVerification } from './verifierExercice';

/** Checks one student's copy: the input file is only read. */
export async function verifierCopie(fichier: string, o: OptionsVerification): Promise<CopieVerifiee> {
  return verifierExercice(await ouvrirExercice(fichier, false), o);
}

/** Writes the annotated copy (« Résultats », verdict colours in formative mode, evidence rows) to `sortie`, never over the input. */
export async function ecrireCopieAnnotee(v: CopieVerifiee, sortie: string): Promise<void> {
  const { rapport } = v;
  if (path.resolve(sortie) === path.resolve(rapport.fichier)) throw new ErreurFichier(`La copie annotée ne peut pas remplacer la copie de l'élève : choisissez un autre nom que « ${sortie} ».`, sortie);
  const octets = await annoterClasseur(rapport.fichier, annotationsDeLaCopie(v, path.basename(rapport.fichier)));
  await ecrireAtomiquement(sortie, Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength));
}

export interface VerificationDeClasse {
  copies: RapportCopie[];
  erreurs: { fichier: string; message: string }[];
}

/** Checks every copy; a bad file is reported and the others are still checked. */
export async function verifierCopies(fichiers: readonly string[], o: OptionsVerification & { dossier?: string }): Promise<VerificationDeClasse> {
  if (o.dossier) await creerDossier(o.dossier, true);
  const copies: RapportCopie[] = [];
  const erreurs: { fichier: string; message: string }[] = [];
  // copies of the same name from two sub-folders get two annotated copies; a name near the 255-byte limit is cut
  const annotees = nomsDesCopiesAnnotees(fichiers);
  for (const [i, f] of fichiers.entries()) {
    try {
      const v = await verifierCopie(f, o);
      if (o.dossier) await ecrireCopieAnnotee(v, path.join(o.dossier, `${annotees[i]}.xlsx`));
      copies.push(v.rapport);
    } catch (e) {
      erreurs.push({ fichier: f, message: messageDuFichier(f, e) });
    }
  }
  return { copies, erreurs };
}
