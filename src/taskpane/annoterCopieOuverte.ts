import { exerciceDuClasseur, type ExerciceOuvert } from '../app/modelesExercices';
import { cellulesDesTours, conclureRobustesse, estPlan, nomsALire, planRobustesse, type Robustesse } from '../app/robustesse';
import { epreuveOuverte } from '../io/office/epreuveOuverte';
import { annotationsDeLaCopie, verifierExercice, type OptionsVerification } from '../app/verifierExercice';
import type { RapportCopie } from '../check/rapport';
import { annoterClasseurOuvert } from '../io/office/annoterClasseurOuvert';
import { lireClasseurOuvert } from '../io/office/lireClasseurOuvert';
import type { PriseEnCharge } from '../io/office/insererClasseur';
import { COLONNES_SUIVI, NOM_SUIVI } from '../sheets/verification/suivi';

const LIGNES_MAX = 500;

/**
 * The open copy's right formulas put to a second case, Excel recalculating (epreuveOuverte): null
 * when no right answer is made by a formula; a French avis when Excel could not play it.
 */
export async function robustesseOuverte(context: Excel.RequestContext, x: ExerciceOuvert, prend: PriseEnCharge): Promise<Robustesse | null> {
  const plan = planRobustesse(x);
  if (!estPlan(plan)) return plan;
  const { tours, retour } = cellulesDesTours(plan);
  try {
    return conclureRobustesse(plan, await epreuveOuverte(context, { tours, retour, noms: nomsALire(plan) }, prend));
  } catch (e) {
    return { verifiees: 0, nonSuivies: new Map(), avis: (e as Error).message };
  }
}

/**
 * « Annoter la copie » in the task pane: the open workbook checked again as it is now, then
 * annotated as `agora verifier --out-dir` annotates a file, so that the saved workbook is a checked
 * copy the consolidation counts. Four round trips: two to read, two to write; two more when a right
 * answer is made by a formula (its test on a second case).
 */
export async function annoterCopieOuverte(context: Excel.RequestContext, o: OptionsVerification, prend: PriseEnCharge): Promise<{ rapport: RapportCopie; lignes: number; avertissements: string[] }> {
  const lu = await lireClasseurOuvert(context, { listes: { [NOM_SUIVI]: COLONNES_SUIVI.length }, lignesMax: LIGNES_MAX }, prend);
  const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
  const v = verifierExercice(x, { ...o, robustesse: await robustesseOuverte(context, x, prend) });
  const a = annotationsDeLaCopie(v, lu.nom);
  const p = lu.classeur.lignesSous(NOM_SUIVI, COLONNES_SUIVI.length);
  if (p && p.valeurs.length >= LIGNES_MAX)
    throw new RangeError(`La feuille « ${p.feuille} » a déjà ${LIGNES_MAX} lignes de suivi ou plus : enregistrez cette copie sous un autre nom après en avoir retiré les plus anciennes.`);
  const suivi = p ? { feuille: p.feuille, entete: p.haut - 1, derniere: p.haut - 1 + p.valeurs.length } : undefined;
  const { avertissements } = await annoterClasseurOuvert(context, a, suivi, prend);
  return { rapport: v.rapport, lignes: a.suivi.lignes.length, avertissements };
}
