import type { RapportCopie } from '../check/rapport';
import { FichierExistant, messageDuFichier } from '../io/erreurFichier';
import type { Copies } from '../io/ports';
import { exerciceDuClasseur } from './modelesExercices';
import { robustesseDeLaCopie } from './robustesse';
import { annotationsDeLaCopie, nomsDesCopiesAnnotees, SCEAU_EN_CLAIR, sansDossier, verifierExercice, type OptionsVerification } from './verifierExercice';

export interface CopieVerifieeDuLot {
  fichier: string;
  annotee: string; // its annotated copy's file name
  rapport: RapportCopie;
  octets?: Uint8Array; // the annotated copy, when kept
  /** an annotated copy of that name was already there and was kept as it is */
  dejaLa?: boolean;
}

export interface OptionsLot {
  /** annotate each copy (« Résultats », colours, evidence rows) */
  annoter?: boolean;
  /** receives each annotated copy as soon as it is made (the command line writes it and lets it go); the copies are kept otherwise */
  rendre?: (c: CopieVerifieeDuLot & { octets: Uint8Array }) => Promise<void>;
  progression?: (faites: number, total: number, fichier: string) => void;
}

/**
 * A batch of copies checked, the same for `agora verifier` and the task pane's « Vérifier des
 * copies »: each copy is read from its bytes, checked and, if asked, annotated; a bad file (or an
 * annotated copy that cannot be written) is reported and the others are still checked. The copies
 * are only read.
 */
export async function verifierLot(
  copies: readonly { nom: string; octets: () => Promise<Uint8Array> }[],
  o: OptionsVerification & { sansRobustesse?: boolean },
  lecteur: Copies,
  l: OptionsLot = {},
): Promise<{ verifiees: CopieVerifieeDuLot[]; erreurs: { fichier: string; message: string }[] }> {
  const noms = nomsDesCopiesAnnotees(copies.map((c) => c.nom));
  const verifiees: CopieVerifieeDuLot[] = [];
  const erreurs: { fichier: string; message: string }[] = [];
  for (const [i, c] of copies.entries()) {
    try {
      const octets = await c.octets();
      const x = exerciceDuClasseur(await lecteur.lire(c.nom, octets), c.nom, false);
      const v = verifierExercice(x, { ...o, robustesse: o.sansRobustesse ? null : await robustesseDeLaCopie(x, octets, lecteur) });
      const copie: CopieVerifieeDuLot = { fichier: c.nom, annotee: `${noms[i]}.xlsx`, rapport: v.rapport };
      if (l.annoter) {
        const annotee = await lecteur.annoter(c.nom, octets, annotationsDeLaCopie(v, sansDossier(c.nom)));
        if (!l.rendre) copie.octets = annotee;
        else
          await l.rendre({ ...copie, octets: annotee }).catch((e: unknown) => {
            if (!(e instanceof FichierExistant)) throw e;
            copie.dejaLa = true;
          });
      }
      verifiees.push(copie);
    } catch (e) {
      erreurs.push({ fichier: c.nom, message: messageDuFichier(c.nom, e) });
    }
    l.progression?.(i + 1, copies.length, c.nom);
  }
  return { verifiees, erreurs };
}

/** The batch's summary for the teacher (resultats.csv): one row per copy and compétence, one per refused file. */
export function lignesDuLot(verifiees: readonly CopieVerifieeDuLot[], erreurs: readonly { fichier: string; message: string }[]): (string | number | null)[][] {
  return [
    ['Fichier', 'Élève', 'Classe', 'Compétence', 'Réussite (%)', 'Degré', 'Remarque'],
    ...verifiees.flatMap((v) =>
      v.rapport.competences.map((c) => [
        v.fichier,
        v.rapport.eleve ?? '',
        v.rapport.classe ?? '',
        c.code,
        c.taux === null ? null : Math.round(c.taux * 1000) / 10,
        c.niveau ? `${c.niveau.code} ${c.niveau.libelle}` : 'Non évalué',
        v.rapport.sceau === 'valide' ? '' : SCEAU_EN_CLAIR[v.rapport.sceau],
      ]),
    ),
    ...erreurs.map((e) => [e.fichier, '', '', '', null, '', e.message]),
  ];
}
