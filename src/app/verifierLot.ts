import type { RapportCopie } from '../check/rapport';
import { messageDuFichier } from '../io/erreurFichier';
import { erreurDeLecture } from '../io/xlsx/classeurLu';
import { lireClasseurOctets } from '../io/xlsx/lireClasseurNavigateur';
import { verifierPaquetNavigateur } from '../io/xlsx/zipNavigateur';
import { exerciceDuClasseur } from './modelesExercices';
import { annotationsDeLaCopie, nomsDesCopiesAnnotees, SCEAU_EN_CLAIR, verifierExercice, type OptionsVerification } from './verifierExercice';

export interface CopieVerifieeDuLot {
  fichier: string;
  annotee: string; // its annotated copy's file name
  rapport: RapportCopie;
  octets: Uint8Array;
}

/**
 * The task pane's « Vérifier des copies »: each copy chosen is checked as `agora verifier --out-dir`
 * checks it and annotated in memory (exceljs fetched from the add-in's files only now); a bad file
 * is reported and the others are still checked. The files are only read.
 */
export async function verifierLot(
  copies: readonly { nom: string; octets: () => Promise<Uint8Array> }[],
  o: OptionsVerification,
  progression?: (faites: number, total: number, fichier: string) => void,
): Promise<{ verifiees: CopieVerifieeDuLot[]; erreurs: { fichier: string; message: string }[] }> {
  const { annoterOctets } = await import(/* webpackChunkName: "xlsx" */ '../io/exceljs/annoter');
  const noms = nomsDesCopiesAnnotees(copies.map((c) => c.nom));
  const verifiees: CopieVerifieeDuLot[] = [];
  const erreurs: { fichier: string; message: string }[] = [];
  for (const [i, c] of copies.entries()) {
    try {
      const octets = await c.octets();
      const lu = await lireClasseurOctets(c.nom, octets);
      const v = verifierExercice(exerciceDuClasseur(lu, c.nom, false), o);
      // exceljs loads every part: the whole package is checked first, as the command line does
      await verifierPaquetNavigateur(octets).catch((e: unknown) => Promise.reject(erreurDeLecture(c.nom, e)));
      verifiees.push({ fichier: c.nom, annotee: `${noms[i]}.xlsx`, rapport: v.rapport, octets: await annoterOctets(octets, annotationsDeLaCopie(v, c.nom)) });
    } catch (e) {
      erreurs.push({ fichier: c.nom, message: messageDuFichier(c.nom, e) });
    }
    progression?.(i + 1, copies.length, c.nom);
  }
  return { verifiees, erreurs };
}

/** The batch's summary for the teacher (resultats.csv): one row per copy and compétence, one per refused file. */
export function lignesDuLot(verifiees: readonly CopieVerifieeDuLot[], erreurs: readonly { fichier: string; message: string }[]): (string | number | null)[][] {
  return [
    ['Fichier', 'Élève', 'Classe', 'Compétence', 'Réussite (%)', 'Degré', 'Remarque'],
    ...verifiees.flatMap((v) =>
      v.rapport.competences.map((c) => [v.fichier, v.rapport.eleve ?? '', v.rapport.classe ?? '', c.code, c.taux === null ? null : Math.round(c.taux * 1000) / 10, c.niveau ? `${c.niveau.code} ${c.niveau.libelle}` : 'Non évalué', v.rapport.sceau === 'valide' ? '' : SCEAU_EN_CLAIR[v.rapport.sceau]]),
    ),
    ...erreurs.map((e) => [e.fichier, '', '', '', null, '', e.message]),
  ];
}
