import type { RapportCopie } from '../check/rapport';
import { FichierExistant, messageDuFichier } from '../io/erreurFichier';
import type { Copies } from '../io/ports';
import { exerciceDuClasseur, type ExerciceOuvert } from './modelesExercices';
import { robustesseDesCopies } from './robustesse';
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

/** Copies read, put to the test and checked together: one start of LibreOffice for their formulas, few copies in memory. */
const COPIES_PAR_GROUPE = 6;

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
  lo: OptionsLot = {},
): Promise<{ verifiees: CopieVerifieeDuLot[]; erreurs: { fichier: string; message: string }[] }> {
  const noms = nomsDesCopiesAnnotees(copies.map((c) => c.nom));
  const verifiees: CopieVerifieeDuLot[] = [];
  const erreurs: { fichier: string; message: string }[] = [];
  // by groups: their formulas put to the test together (one start of the engine), a few copies in memory at a time
  for (let debut = 0; debut < copies.length; debut += COPIES_PAR_GROUPE) {
    const groupe = copies.slice(debut, debut + COPIES_PAR_GROUPE);
    type Lue = { octets: Uint8Array; x: ExerciceOuvert } | { erreur: unknown };
    // read one after the other: a hostile file's reading keeps its memory budget alone
    const lues: Lue[] = [];
    for (const c of groupe) {
      try {
        const octets = await c.octets();
        lues.push({ octets, x: exerciceDuClasseur(await lecteur.lire(c.nom, octets), c.nom, false) });
      } catch (e) {
        lues.push({ erreur: e });
      }
    }
    const ouvertes = lues.flatMap((l) => ('x' in l ? [l] : []));
    const robustesses = o.sansRobustesse ? [] : await robustesseDesCopies(ouvertes, lecteur);
    for (const [k, c] of groupe.entries()) {
      const i = debut + k;
      const l = lues[k]!;
      try {
        if (!('x' in l)) throw l.erreur;
        const v = verifierExercice(l.x, { ...o, robustesse: robustesses[ouvertes.indexOf(l)] ?? null });
        const copie: CopieVerifieeDuLot = { fichier: c.nom, annotee: `${noms[i]}.xlsx`, rapport: v.rapport };
        if (lo.annoter) {
          const annotee = await lecteur.annoter(c.nom, l.octets, annotationsDeLaCopie(v, sansDossier(c.nom)));
          if (!lo.rendre) copie.octets = annotee;
          else
            await lo.rendre({ ...copie, octets: annotee }).catch((e: unknown) => {
              if (!(e instanceof FichierExistant)) throw e;
              copie.dejaLa = true;
            });
        }
        verifiees.push(copie);
      } catch (e) {
        erreurs.push({ fichier: c.nom, message: messageDuFichier(c.nom, e) });
      }
      lo.progression?.(i + 1, copies.length, c.nom);
    }
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
