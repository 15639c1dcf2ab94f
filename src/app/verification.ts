import { ErreurFichier } from '../io/erreurFichier';
import { sortiesLibres, type Ports } from '../io/ports';
import type { RapportCopie } from '../check/rapport';
import { exerciceDuClasseur } from './modelesExercices';
import { robustesseDesCopies } from './robustesse';
import { annotationsDeLaCopie, verifierExercice, type CopieVerifiee, type OptionsVerification } from './verifierExercice';
import { verifierLot } from './verifierLot';

export { attendusDesReponses, variantesDuCas, verifierExercice, type CopieVerifiee, type OptionsVerification } from './verifierExercice';

/** Checks one student's copy: the input file is only read. */
export async function verifierCopie(p: Ports, fichier: string, o: OptionsVerification & { sansRobustesse?: boolean }): Promise<CopieVerifiee> {
  const octets = await p.classeurs.octets(fichier);
  const x = exerciceDuClasseur(await p.classeurs.lire(fichier, octets), fichier, false);
  return verifierExercice(x, { ...o, robustesse: o.sansRobustesse ? null : ((await robustesseDesCopies([{ x, octets }], p.classeurs))[0] ?? null) });
}

/** Writes the annotated copy (« Résultats », verdict colours in formative mode, evidence rows) to `sortie`, never over the input. */
export async function ecrireCopieAnnotee(p: Ports, v: CopieVerifiee, sortie: string, remplacer = false): Promise<void> {
  const { fichier } = v.rapport;
  if (p.fichiers.meme(sortie, fichier)) throw new ErreurFichier(`La copie annotée ne peut pas remplacer la copie de l'élève : choisissez un autre nom que « ${sortie} ».`, sortie);
  await sortiesLibres(p.fichiers, [sortie], remplacer);
  const octets = await p.classeurs.annoter(fichier, await p.classeurs.octets(fichier), annotationsDeLaCopie(v, p.fichiers.nom(fichier)));
  await p.fichiers.ecrire(sortie, octets, remplacer);
}

export interface VerificationDeClasse {
  copies: RapportCopie[];
  /** annotated copies already in the folder, kept as they were */
  gardees: string[];
  erreurs: { fichier: string; message: string }[];
}

/**
 * Checks every copy file (annotated copies into `dossier` when given); a bad file is reported and
 * the others are still checked. An annotated copy already in `dossier` is kept, and reported, unless `remplacer`.
 */
export async function verifierCopies(
  p: Ports,
  fichiers: readonly string[],
  o: OptionsVerification & { dossier?: string; remplacer?: boolean; sansRobustesse?: boolean },
): Promise<VerificationDeClasse> {
  const { dossier } = o;
  if (dossier) await p.fichiers.creerDossier(dossier, true);
  const { verifiees, erreurs } = await verifierLot(
    fichiers.map((f) => ({ nom: f, octets: () => p.classeurs.octets(f) })),
    o,
    p.classeurs,
    dossier ? { annoter: true, rendre: (c) => p.fichiers.ecrire(p.fichiers.joindre(dossier, c.annotee), c.octets, o.remplacer) } : {},
  );
  return { copies: verifiees.map((v) => v.rapport), gardees: verifiees.flatMap((v) => (v.dejaLa && dossier ? [p.fichiers.joindre(dossier, v.annotee)] : [])), erreurs };
}
