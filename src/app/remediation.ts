import { ErreurFichier } from '../io/erreurFichier';
import type { ClasseurLu } from '../io/ports';
import { nomComplet, type Eleve } from '../sheets/eleve';
import { COLONNES_DETAIL, MODELE_CLASSE, NOM_DETAIL } from '../sheets/consolidation/classeurClasse';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import { EXERCICES, type TypeExercice } from '../exercices/registre';
import { accorder } from '../domain/texte';
import { serieExcel } from '../domain/dates';
import { exercicesPourLaClasse, type ExerciceDEleve } from './exercicesDeLaClasse';
import type { DemandeExercice } from './modelesExercices';

/**
 * Remediation (issue 36): from a class workbook (`agora consolider`), each student's next exercises
 * on their weakest compétences, each a new case of their own, with why they got it. Weakest: the
 * lowest mean degree of the student's retained positionings, then the lowest rate of success of
 * their checked copies. A weak compétence that no exercise works on is named, not skipped.
 */

/** What the class workbook says of one student in one compétence: its retained degrees (1 to 4) and the rates of its checked copies (0 to 1). */
export interface ResultatCompetence {
  degres: number[];
  taux: number[];
}

/** Each student's results by compétence, by « classe|NOM Prénom » as « Détail » writes them. */
export type ResultatsClasse = Map<string, Map<string, ResultatCompetence>>;

const majuscules = (x: string) => x.trim().replace(/\s+/g, ' ').toLocaleUpperCase('fr');
const cleEleve = (classe: string, nom: string) => `${majuscules(classe)}\u0000${majuscules(nom)}`;

/** The positionings « Détail » may hold for a remediation: a section of several classes, not a whole school's consolidation. */
const LIGNES_DETAIL_MAX = 60_000;

/** « Détail » of a class workbook read back: the retained rows only (a row left out of the aggregates is left out here too). */
export function resultatsDeLaClasse(c: ClasseurLu, fichier: string): ResultatsClasse {
  if (c.agora.get('modele') !== MODELE_CLASSE)
    throw new ErreurFichier(`« ${fichier} » n'est pas un classeur de la classe d'AGOrA : donnez celui que produit « agora consolider » (ou « Consolider » du volet).`, fichier);
  const p = c.lignesSous(NOM_DETAIL, COLONNES_DETAIL.length, LIGNES_DETAIL_MAX);
  if (!p)
    throw new ErreurFichier(`« ${fichier} » : la feuille « Détail » n'a pas d'en-tête reconnaissable (nom ${NOM_DETAIL}) ; refaites le classeur de la classe avec cette version d'AGOrA.`, fichier);
  if (p.valeurs.length >= LIGNES_DETAIL_MAX)
    throw new ErreurFichier(
      `« ${fichier} » : la feuille « Détail » a plus de ${LIGNES_DETAIL_MAX.toLocaleString('fr-FR')} positionnements ; faites la remédiation classe par classe (agora consolider sur les fichiers d'une classe).`,
      fichier,
    );
  const col = (nom: (typeof COLONNES_DETAIL)[number]) => COLONNES_DETAIL.indexOf(nom);
  const res: ResultatsClasse = new Map();
  for (const l of p.valeurs) {
    if (String(l[col('Retenu')] ?? '') !== 'Oui') continue;
    const cle = cleEleve(String(l[col('Classe')] ?? ''), String(l[col('Élève')] ?? ''));
    const code = String(l[col('Compétence')] ?? '');
    const parCompetence = res.get(cle) ?? res.set(cle, new Map()).get(cle)!;
    const r = parCompetence.get(code) ?? parCompetence.set(code, { degres: [], taux: [] }).get(code)!;
    const degre = l[col('Degré')];
    if (typeof degre === 'number' && degre >= 1 && degre <= 4) r.degres.push(degre);
    const taux = l[col('Réussite')];
    if (typeof taux === 'number') r.taux.push(taux);
  }
  return res;
}

/** The exercises that work on a compétence: those whose template scores it first, then those where it is another answer's compétence. */
export function exercicesDeLaCompetence(code: string): TypeExercice[] {
  const principal = EXERCICES.filter((p) => p.spec.gabarit.competence === code).map((p) => p.type);
  const autres = EXERCICES.filter((p) => p.spec.gabarit.competence !== code && (p.spec.gabarit.reponses.some((r) => r.preuve?.competence === code) || p.spec.gabarit.tableur?.competence === code)).map(
    (p) => p.type,
  );
  return [...principal, ...autres];
}

const moyenne = (x: readonly number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : null);
const nombreFr = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');

/** Why a compétence is among the student's weakest, in the teacher's words: « 2.2.4 : 45 % de réussite sur 3 copies ». */
function motifDe(code: string, r: ResultatCompetence): string {
  const taux = moyenne(r.taux);
  if (taux !== null) return `${code} : ${Math.round(taux * 100)} % de réussite sur ${accorder(r.taux.length, 'copie')}`;
  const d = moyenne(r.degres)!;
  const libelle = Number.isInteger(d) ? ` (${degresDuLivret().find((x) => x.code === d)?.libelle ?? ''})` : '';
  return `${code} : degré ${Number.isInteger(d) ? '' : 'moyen '}${nombreFr(d)}${libelle} sur ${accorder(r.degres.length, 'positionnement')}`;
}

export interface ChoixRemediation {
  eleve: Eleve;
  /** the exercises chosen, weakest compétence first, each with why */
  exercices: { type: TypeExercice; competence: string; motif: string }[];
  /** the weak compétences met before the last one chosen that no exercise works on yet */
  sansExercice: { competence: string; motif: string }[];
  /** why the student gets nothing (no result in the class workbook) */
  aucun?: string;
}

/**
 * For each student of the list, `nombre` exercises of different kinds on their weakest compétences
 * with an exercise: the compétences ranked by mean degree, then mean rate, then code. A student the
 * class workbook does not know (by class and name, or by name alone when it is unique) gets none,
 * and the reason.
 */
export function choisirRemediation(resultats: ResultatsClasse, eleves: readonly Eleve[], nombre = 1): ChoixRemediation[] {
  // by name alone, for a list without classes: only a name that one student bears
  const parNom = new Map<string, Map<string, ResultatCompetence>[]>();
  for (const [cle, r] of resultats) {
    const nom = cle.slice(cle.indexOf('\u0000') + 1);
    parNom.set(nom, [...(parNom.get(nom) ?? []), r]);
  }
  const seul = (nom: string) => {
    const x = parNom.get(majuscules(nom));
    return x?.length === 1 ? x[0] : undefined;
  };
  return eleves.map((eleve) => {
    const nom = nomComplet(eleve);
    const r = resultats.get(cleEleve(eleve.classe, nom)) ?? seul(nom);
    if (!r) return { eleve, exercices: [], sansExercice: [], aucun: `aucun résultat de ${nom} dans le classeur de la classe` };
    const classees = [...r.entries()]
      .filter(([, x]) => x.degres.length || x.taux.length)
      .map(([code, x]) => ({ code, x, degre: moyenne(x.degres) ?? 5, taux: moyenne(x.taux) ?? 2 }))
      .sort((a, b) => a.degre - b.degre || a.taux - b.taux || a.code.localeCompare(b.code, 'fr', { numeric: true }));
    const exercices: ChoixRemediation['exercices'] = [];
    const sansExercice: ChoixRemediation['sansExercice'] = [];
    for (const c of classees) {
      if (exercices.length >= nombre) break;
      const types = exercicesDeLaCompetence(c.code);
      const type = types.find((t) => !exercices.some((e) => e.type === t));
      if (!types.length) sansExercice.push({ competence: c.code, motif: `${motifDe(c.code, c.x)} ; aucun exercice ne la travaille encore` });
      else if (type) exercices.push({ type, competence: c.code, motif: motifDe(c.code, c.x) });
    }
    return { eleve, exercices, sansExercice, ...(classees.length ? {} : { aucun: `aucune compétence évaluée pour ${nom} dans le classeur de la classe` }) };
  });
}

/** The rows of repartition.csv without a file: each weak compétence no exercise works on yet, each student without a result. */
export const lignesSansExercice = (choix: readonly ChoixRemediation[]): { eleve: Eleve; motif: string }[] =>
  choix.flatMap((c) => [...c.sansExercice.map((s) => ({ eleve: c.eleve, motif: s.motif })), ...(c.aucun ? [{ eleve: c.eleve, motif: c.aucun }] : [])]);

/** The weak compétences no exercise works on yet, over the class, each once, in the référentiel's order. */
export const competencesSansExercice = (choix: readonly ChoixRemediation[]): string[] =>
  [...new Set(choix.flatMap((c) => c.sansExercice.map((x) => x.competence)))].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));

/**
 * The workbooks of the choices: by kind of exercise, each student a new case of their own (their
 * name varies the seed, and the day of the remediation its base: not the case of a class made
 * without --graine, whose base is 1), and why.
 */
export function exercicesDeRemediation(d: Omit<DemandeExercice, 'type'>, choix: readonly ChoixRemediation[]): (ExerciceDEleve & { motif: string })[] {
  const res: (ExerciceDEleve & { motif: string })[] = [];
  d = { ...d, graine: d.graine ?? serieExcel(d.date) };
  const types = [...new Set(choix.flatMap((c) => c.exercices.map((e) => e.type)))];
  for (const type of types) {
    const qui = choix.flatMap((c) => c.exercices.filter((e) => e.type === type).map((e) => ({ eleve: c.eleve, motif: e.motif })));
    exercicesPourLaClasse(
      { ...d, type },
      qui.map((q) => q.eleve),
    ).forEach((x, i) => res.push({ ...x, motif: qui[i]!.motif }));
  }
  return res;
}
