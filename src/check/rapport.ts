import { adresseDansPlage } from '../sheets/exercices/lecture';
import type { Degre } from './competences';
import type { EtatSceau } from '../domain/sceau';
import type { Controle, Statut } from './controle';
import { NOM_TABLEUR, type ResultatVerification } from './verification';
import { pourcent } from '../sheets/exercices/reglages';

/** What the checker says about one copy: the JSON of `agora verifier --json`, and what the « Résultats » sheet shows. */
export interface RapportCopie {
  fichier: string;
  eleve: string | null;
  classe: string | null;
  modele: string;
  titre: string; // the exercise's title
  graine: number | null;
  aleas: string[];
  date: string; // of the check, AAAA-MM-JJ
  mode: 'formatif' | 'sommatif';
  montrerAttendus: boolean;
  /** the success rates from which the degrees 2, 3 and 4 are given (the teacher's settings) */
  seuils: number[];
  enonceModifie: boolean;
  blocsModifies: string[];
  /** nothing typed: not scored, every compétence NE */
  vierge: boolean;
  /** the teacher's seal over the énoncé, parameters and settings, as checked with this computer's key */
  sceau: EtatSceau;
  controles: ControleRapporte[];
  competences: { code: string; libelle: string; critere: string; points: number; reussis: number; taux: number | null; niveau: Degre | null }[];
  total: ResultatVerification['total'];
  /**
   * « Feuille de calcul »: the cells where a formula is expected and something was typed, those made
   * by formulas that take the data from their cells, each remark (« Travail!E12 : valeur tapée… »),
   * and the critère it counts in (null: an indication only); null when the copy's formulas could not be read.
   */
  tableur: {
    attendues: number;
    formules: number;
    remarques: { cellule: string; texte: string }[];
    critere: string | null;
    /** the right formulas put to a second case: how many, how many do not follow the data, or why it was not done */
    robustesse?: { verifiees: number; nonSuivies: number; avis: string | null };
  } | null;
}

export interface ControleRapporte {
  nom: string;
  libelle: string;
  cellule: string | null; // « Travail!D12 », the first cell to correct (the answer's first cell when it is right), as the workbook now has it
  attendu: unknown;
  saisi: unknown;
  /** the number format of each column of the answer's cells (euros, dates, rates), to show values as they were typed */
  formats?: (string | null)[];
  statut: Statut;
  diagnostic: string | null;
  erreurs: string[]; // codes of the typical errors recognised
  competence: string;
  critere: string;
  points: number;
  reussis: number;
  /** its cells where a formula is expected, and those made by one */
  tableur?: { attendues: number; formules: number };
}

/** What a teacher and a student read about a copy where nothing was typed. */
export const COPIE_VIERGE = 'Copie vide : aucune réponse n\u2019est saisie ; chaque compétence est « NE » (non évalué), aucun degré n\u2019est retenu.';

export const celluleDe = (c: Controle) => (c.plage ? `${c.plage.feuille}!${adresseDansPlage(c.plage, c.aCorriger?.ligne, c.aCorriger?.colonne)}` : null);

export function rapporter(
  meta: Omit<RapportCopie, 'controles' | 'competences' | 'total' | 'enonceModifie' | 'vierge' | 'tableur'>,
  r: ResultatVerification,
  libelleCompetence: (code: string) => string,
): RapportCopie {
  return {
    ...meta,
    enonceModifie: meta.blocsModifies.length > 0,
    vierge: r.vierge,
    controles: r.controles.map((c) => ({
      nom: c.nom,
      libelle: c.libelle,
      cellule: celluleDe(c),
      attendu: c.attendu,
      saisi: c.saisi,
      statut: c.statut,
      diagnostic: c.diagnostic,
      erreurs: c.erreurs.map((e) => e.code),
      competence: c.competence,
      critere: c.critere,
      points: c.points,
      reussis: c.reussis,
      ...(c.tableur ? { tableur: { attendues: c.tableur.attendues, formules: c.tableur.formules } } : {}),
    })),
    competences: r.competences.map((c) => ({ code: c.code, libelle: libelleCompetence(c.code), critere: c.critere, points: c.points, reussis: c.reussis, taux: c.taux, niveau: c.niveau })),
    total: r.total,
    tableur: r.tableur && {
      attendues: r.tableur.attendues,
      formules: r.tableur.formules,
      remarques: r.tableur.remarques.map((m) => ({ cellule: m.cellule, texte: m.texte })),
      critere: r.controles.find((c) => c.nom === NOM_TABLEUR)?.critere ?? null,
    },
  };
}

/** « 12 calculs sur 20 faits par des formules… (60 %) ; indication sans effet sur le degré. », for « Résultats » and the task pane. */
export function phraseTableur(t: NonNullable<RapportCopie['tableur']>): string {
  const faits = `${t.formules} calcul${t.formules > 1 ? 's' : ''} sur ${t.attendues} ${t.formules > 1 ? 'faits' : 'fait'}`;
  const part = pourcent(t.formules / t.attendues);
  const r = t.robustesse;
  const epreuve = !r
    ? ''
    : r.avis
      ? ` ${r.avis}`
      : r.verifiees
        ? ` Mises à l\u2019épreuve d\u2019un second cas (autres valeurs dans l\u2019énoncé et « Paramètres ») : ${r.verifiees - r.nonSuivies} formule${r.verifiees - r.nonSuivies > 1 ? 's' : ''} sur ${r.verifiees} ${r.verifiees - r.nonSuivies > 1 ? 'suivent' : 'suit'} les données.`
        : '';
  const suivent = r && !r.avis && r.verifiees ? ' et les suivent' : '';
  return `${faits} par des formules qui prennent les données dans leurs cellules${suivent} (${part}) ; ${t.critere ? `compté dans le critère « ${t.critere} ».` : 'indication sans effet sur le degré.'}${epreuve}`;
}

/** The answers to correct first, in the order of « Travail »: the wrong ones (an answer « cohérent » follows them and is not one). */
export const aCorrigerDAbord = (r: RapportCopie) => r.controles.filter((c) => c.statut !== 'juste' && c.statut !== 'cohérent');

/** What the student does next, after this check, from what is left to correct and the lowest degree. */
export function prochaineEtape(r: RapportCopie): string | null {
  if (r.enonceModifie) return null;
  if (r.vierge) return 'Complétez les cellules jaunes de la feuille « Travail », puis vérifiez de nouveau.';
  const restent = aCorrigerDAbord(r).length;
  const plusBas = Math.min(...r.competences.map((c) => c.niveau?.code ?? 4));
  if (!restent && r.tableur?.remarques.length)
    return 'Vos valeurs sont justes : faites maintenant chaque calcul par une formule qui prend les données dans leurs cellules (voir « Feuille de calcul »), puis vérifiez de nouveau.';
  if (!restent) return 'Toutes vos réponses sont justes : demandez à votre professeur un cas avec d\u2019autres difficultés, ou l\u2019exercice suivant.';
  if (plusBas <= 2)
    return 'Corrigez d\u2019abord les réponses ci-dessus dans la feuille « Travail » en relisant la consigne citée, vérifiez de nouveau, puis demandez à votre professeur un autre cas de cet exercice pour vous entraîner.';
  if (plusBas === 3) return 'Corrigez les réponses signalées et vérifiez de nouveau ; un autre cas de cet exercice vous permettra ensuite de viser le degré 4.';
  return 'Corrigez les dernières réponses signalées ; vous pourrez ensuite demander à votre professeur un cas avec d\u2019autres difficultés.';
}
