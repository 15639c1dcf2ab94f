import type { Attendus, Enchainement, Lu, Reponse } from '../sheets/exercices/commun';
import type { PlageLue } from '../sheets/exercices/lecture';
import { evaluerCompetences, type Degre, type ResultatCompetence } from './competences';
import { controler, valeursSaisies, varianteSigne, type Controle, type Variante } from './controle';
import { VERIFICATION, type ReglagesVerification } from '../sheets/exercices/reglages';
import { feuilleDeCalcul, type DonneeDuCas, type FeuilleDeCalcul } from './tableur';

export interface DonneesVerification {
  reponses: readonly Reponse[];
  attendus: Attendus; // computed from the workbook's own case and « Paramètres »
  variantes: readonly Variante[]; // the template's typical errors that this case can show
  plage: (nom: string) => PlageLue | undefined;
  enonceModifie: readonly string[]; // blocks whose fingerprint no longer matches `_agora`
  reglages: ReglagesVerification;
  degres: readonly Degre[];
  /** the exercise's knock-on computations (SpecExercice.enchainements), on the student's values */
  enchainements?: (lu: Lu, attendus: Attendus) => Enchainement[];
  /** how the cells were made: the case's numbers and where they sit, the template's admitted constants, and the critère that scores it (if any) */
  tableur?: { donnees: readonly DonneeDuCas[]; admises: readonly number[]; critere?: { competence: string; critere: string }; nonSuivies?: ReadonlyMap<string, string> };
}

export interface ResultatVerification {
  controles: Controle[];
  competences: ResultatCompetence[];
  notee: boolean;
  /** nothing at all typed: every compétence « non évalué » (NE), never a degree 1 sealed for a copy not yet begun */
  vierge: boolean;
  total: { points: number; reussis: number; taux: number | null };
  /** « Feuille de calcul »: the cells where a formula is expected, those made by one; null when the copy's formulas are not known */
  tableur: FeuilleDeCalcul | null;
}

/** The « Feuille de calcul » control: where a critère of the référentiel names the use of a spreadsheet, and the teacher chose to count it. */
export const NOM_TABLEUR = 'Feuille_de_calcul';

/** The knock-on computations on what a student typed; values no computation bears (a huge number…) give none: they only help, never stop a check. */
function suites(d: DonneesVerification, lu: Lu): Enchainement[] {
  try {
    return d.enchainements?.(lu, d.attendus) ?? [];
  } catch {
    return [];
  }
}

/**
 * Checks every answer of a copy. A copy where nothing at all was typed is « non renseigné »
 * everywhere, even where the expected amount is 0, and not scored (NE). A copy whose case was
 * modified is checked against the case as it now stands but not scored.
 */
export function verifierReponses(d: DonneesVerification): ResultatVerification {
  const variantes = [...d.variantes, varianteSigne(d.attendus, VERIFICATION.signe.libelle, VERIFICATION.signe.indice)];
  // each answer read once, however many computations follow from it
  const lus = new Map<string, Attendus[string] | undefined>();
  const lu: Lu = (nom) => {
    if (!lus.has(nom)) lus.set(nom, nom in d.attendus ? valeursSaisies(d.attendus[nom]!, d.plage(nom)) : undefined);
    return lus.get(nom);
  };
  const enchaines = new Map(suites(d, lu).map((x) => [x.nom, x]));
  const libelle = (nom: string) => d.reponses.find((r) => r.nom === nom)?.libelle ?? nom;
  let controles = d.reponses
    .filter((r) => r.nom in d.attendus)
    .map((r) => {
      const x = enchaines.get(r.nom);
      const plage = d.plage(r.nom);
      const c = controler(r, d.attendus[r.nom]!, plage, variantes, x && { valeur: x.valeur, depuis: x.depuis.map(libelle) });
      const t = d.tableur && feuilleDeCalcul(r, d.attendus[r.nom]!, plage, d.tableur.donnees, d.tableur.admises, d.tableur.nonSuivies);
      return t ? { ...c, tableur: t } : c;
    });
  const faites = controles.flatMap((c) => (c.tableur ? [c.tableur] : []));
  const tableur: FeuilleDeCalcul | null = faites.length
    ? { attendues: faites.reduce((a, t) => a + t.attendues, 0), formules: faites.reduce((a, t) => a + t.formules, 0), remarques: faites.flatMap((t) => t.remarques) }
    : null;
  const critere = d.tableur?.critere;
  if (critere && d.reglages.tableur && tableur?.attendues)
    controles.push({
      nom: NOM_TABLEUR,
      libelle: 'Feuille de calcul : calculs faits par des formules qui prennent les données dans leurs cellules',
      competence: critere.competence,
      critere: critere.critere,
      attendu: tableur.attendues,
      saisi: tableur.formules,
      statut: tableur.formules === tableur.attendues ? 'juste' : 'faux',
      diagnostic:
        tableur.formules === tableur.attendues
          ? null
          : `${tableur.attendues - tableur.formules} calcul(s) sur ${tableur.attendues} sans formule ou avec une donnée tapée : voir les notes des cellules.`,
      erreurs: [],
      points: tableur.attendues,
      reussis: tableur.formules,
      rempli: true,
      plage: null,
      marques: [],
      aCorriger: null,
    });
  const vierge = !controles.some((c) => c.rempli);
  if (vierge)
    controles = controles.map((c) =>
      c.statut === 'introuvable' ? c : { ...c, statut: 'non renseigné', reussis: 0, diagnostic: null, erreurs: [], marques: c.marques.map((m) => ({ ...m, juste: false })) },
    );
  const notee = d.enonceModifie.length === 0 && !vierge;
  const points = controles.reduce((a, c) => a + c.points, 0);
  const reussis = controles.reduce((a, c) => a + c.reussis, 0);
  return {
    controles,
    competences: evaluerCompetences(controles, d.reglages.seuils, d.degres, notee),
    notee,
    vierge,
    total: { points, reussis, taux: notee && points ? Math.round((reussis / points) * 10000) / 10000 : null },
    tableur,
  };
}
