import { ErreurDonnees } from '../domain/validation';
import { competence } from '../referentiel';
import { verifierReponses, type ResultatVerification } from '../check/verification';
import type { Variante } from '../check/controle';
import { rapporter, type RapportCopie } from '../check/rapport';
import { ErreurFichier } from '../io/erreurFichier';
import { reglagesDepuisCles } from '../sheets/exercices/reglages';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import { entreesLues } from '../sheets/agora';
import { ANCRES, type Attendus } from '../sheets/exercices/commun';
import { nomComplet } from '../sheets/eleve';
import type { ExerciceOuvert } from './modelesExercices';

/** Checking an exercise already read, from a file or from the workbook open in Excel: no file is touched. */

export interface OptionsVerification {
  date: string; // AAAA-MM-JJ
  mode?: 'formatif' | 'sommatif'; // the teacher's choice at check time; the workbook's otherwise
}

/** The student the workbook was made for, from `_agora`'s table of generated sheets. */
function eleveDe(lignes: readonly string[][]): { eleve: string | null; classe: string | null } {
  const l = entreesLues(lignes).find((x) => x.ancre === ANCRES.travail);
  const eleve = { nom: l?.nom ?? '', prenom: l?.prenom ?? '', classe: l?.classe ?? '' };
  return { eleve: eleve.nom || eleve.prenom ? nomComplet(eleve) : null, classe: eleve.classe || null };
}

/** The expected values of the answer cells only (a budget's totals and balances are formulas, not answers). */
export function attendusDesReponses(x: ExerciceOuvert): Attendus {
  const a = x.spec.attendus(x.entree, x.parametres);
  return Object.fromEntries(x.spec.feuilleTravail(x.entree, x.parametres).reponses.flatMap((r) => (r.nom in a ? [[r.nom, a[r.nom]!]] : [])));
}

/** The template's typical errors this case can show; one that cannot be computed for it is left out. */
export function variantesDuCas(x: ExerciceOuvert): Variante[] {
  return x.spec.gabarit.erreursTypes.flatMap((t) => {
    try {
      const a = x.spec.variantes[t.code]?.(x.entree, x.parametres);
      return a ? [{ ...t, attendus: a }] : [];
    } catch {
      return [];
    }
  });
}

export interface CopieVerifiee {
  rapport: RapportCopie;
  resultat: ResultatVerification;
}

/** Checks an exercise read from a file or from the workbook open in Excel. */
export function verifierExercice(x: ExerciceOuvert, o: OptionsVerification): CopieVerifiee {
  const fichier = x.fichier;
  let reglages;
  try {
    reglages = reglagesDepuisCles(x.classeur.agora);
  } catch (e) {
    throw new ErreurFichier(`« ${fichier} » : ${(e as Error).message}.`, fichier);
  }
  let attendus;
  try {
    attendus = x.spec.attendus(x.entree, x.parametres);
  } catch (e) {
    // an énoncé edited into a case that no longer holds together (a payslip to check whose headcount changed)
    if (!(e instanceof ErreurDonnees)) throw e;
    const raison = e.problemes.length ? e.problemes.join(' ; ') : e.intitule;
    if (x.enonceModifie.length) throw new ErreurFichier(`Énoncé modifié dans « ${fichier} » (${x.enonceModifie.join(', ')}) : ce n'est plus un cas cohérent (${raison}) ; la copie n'est pas vérifiée. Redonnez à l'élève l'exercice d'origine.`, fichier);
    throw new ErreurFichier(`« ${fichier} » : ${e.intitule} (${raison}) ; la copie n'est pas vérifiée.`, fichier);
  }
  const resultat = verifierReponses({
    reponses: x.spec.feuilleTravail(x.entree, x.parametres).reponses,
    attendus,
    variantes: variantesDuCas(x),
    plage: (n) => x.classeur.plage(n),
    enonceModifie: x.enonceModifie,
    reglages,
    degres: degresDuLivret(),
  });
  const mode = o.mode ?? reglages.mode;
  const rapport = rapporter(
    { fichier, ...eleveDe(x.classeur.lignesAgora), modele: x.modele, titre: x.spec.gabarit.titre, graine: x.graine, aleas: x.aleas, date: o.date, mode, montrerAttendus: reglages.montrerAttendus, blocsModifies: x.enonceModifie },
    resultat,
    (code) => competence(code).libelle,
  );
  return { rapport, resultat };
}

