import { formatsDuModele } from '../sheets/model';
import { ErreurDonnees } from '../domain/validation';
import { competence } from '../referentiel';
import { verifierReponses, type ResultatVerification } from '../check/verification';
import type { Variante } from '../check/controle';
import { rapporter, type RapportCopie } from '../check/rapport';
import { ErreurFichier } from '../io/erreurFichier';
import { reglagesDepuisCles } from '../sheets/exercices/reglages';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import { constantesDuCas, reponsesDuCas, type Attendus, type Lu } from '../sheets/exercices/commun';
import { nomComplet, tronquerEnOctets } from '../sheets/eleve';
import { distinguer } from '../domain/texte';
import { controlerSceau, sceller, type CleEnseignant, type EtatSceau } from '../domain/sceau';
import { USAGE_SCEAU_EXERCICE } from '../sheets/exercices/classeurExercice';
import { champsSuivi, USAGE_SCEAU_SUIVI } from '../sheets/verification/suivi';
import { adresseDansPlage, type ValeurLue } from '../sheets/exercices/lecture';
import type { DonneeDuCas } from '../check/tableur';
import type { Robustesse } from './robustesse';
import { nomsDuCas, type ExerciceOuvert } from './modelesExercices';
import type { Annotations } from '../sheets/verification/annotations';
import { COULEURS_VERDICT, feuilleResultats, piedDuRapport } from '../sheets/verification/resultats';
import { COLONNES_SUIVI, feuilleSuivi, lignesDuSuivi, lignesSuivi, NOM_SUIVI } from '../sheets/verification/suivi';

/** Checking an exercise already read, from a file or from the workbook open in Excel: no file is touched. */

export interface OptionsVerification {
  date: string; // AAAA-MM-JJ
  mode?: 'formatif' | 'sommatif'; // the teacher's choice at check time; the workbook's otherwise
  cle?: CleEnseignant; // the teacher's key: checks the exercise's seal and seals the evidence rows
  /** the copy's formulas put to a second case (robustesseDeLaCopie), when it was done */
  robustesse?: Robustesse | null;
}

/** The student's name and class as the report shows them. */
function eleveDe({ eleve: e }: ExerciceOuvert): { eleve: string | null; classe: string | null } {
  return { eleve: e.nom || e.prenom ? nomComplet(e) : null, classe: e.classe || null };
}

/** What the report says of a seal that could not be relied on, by state. */
export const SCEAU_EN_CLAIR: Record<EtatSceau, string> = {
  valide: 'Sceau de l\u2019enseignant vérifié.',
  invalide: 'Sceau de l\u2019enseignant invalide : l\u2019énoncé, les paramètres ou les réglages ont été modifiés après la création de l\u2019exercice ; copie non notée.',
  'autre clé': 'Sceau non vérifié : l\u2019exercice a été scellé avec une autre clé que celle de ce poste ; résultats non repris par la consolidation.',
  absent: 'Exercice sans sceau de l\u2019enseignant (créé sans clé, ou sceau effacé) : résultats non repris par la consolidation.',
  'sans clé': 'Sceau non vérifié sur ce poste (pas de clé de l\u2019enseignant) : seule la vérification faite avec la clé de l\u2019enseignant compte pour le livret.',
};

/** The expected values of the answer cells only (a budget's totals and balances are formulas, not answers). */
export function attendusDesReponses(x: ExerciceOuvert): Attendus {
  const a = x.spec.attendus(x.entree, x.parametres);
  return Object.fromEntries(reponsesDuCas(x.spec, x.entree, x.parametres, a).map((r) => [r.nom, a[r.nom]!]));
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

/**
 * The case's numbers as the copy shows them, and where (« Paramètres!C6 »): the énoncé's blocks and
 * the parameters, read by their names. A constant of a formula equal to one of them was typed from it.
 */
export function donneesDuCas(x: ExerciceOuvert): DonneeDuCas[] {
  return nomsDuCas(x).flatMap((nom) => {
    const p = x.classeur.plage(nom);
    if (!p) return [];
    return p.valeurs.flatMap((l, i) => l.flatMap((v, j) => (typeof v === 'number' ? [{ valeur: v, adresse: `${p.feuille}!${adresseDansPlage(p, i, j)}` }] : [])));
  });
}

export interface CopieVerifiee {
  rapport: RapportCopie;
  resultat: ResultatVerification;
  /** seals an evidence row: only when the exercise's own seal held under the teacher's key */
  scellerSuivi?: (ligne: readonly ValeurLue[]) => string;
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
    if (x.enonceModifie.length)
      throw new ErreurFichier(
        `Énoncé modifié dans « ${fichier} » (${x.enonceModifie.join(', ')}) : ce n'est plus un cas cohérent (${raison}) ; la copie n'est pas vérifiée. Redonnez à l'élève l'exercice d'origine.`,
        fichier,
      );
    throw new ErreurFichier(`« ${fichier} » : ${e.intitule} (${raison}) ; la copie n'est pas vérifiée.`, fichier);
  }
  // a valid seal under the teacher's key, or the copy is not scored when it is invalid
  const sceau = controlerSceau(o.cle, x.sceau.lu, USAGE_SCEAU_EXERCICE, x.sceau.champs);
  const modifies = sceau === 'invalide' ? [...x.enonceModifie, 'sceau de l\u2019enseignant'] : x.enonceModifie;
  const resultat = verifierReponses({
    reponses: reponsesDuCas(x.spec, x.entree, x.parametres, attendus),
    attendus,
    variantes: variantesDuCas(x),
    plage: (n) => x.classeur.plage(n),
    ...(x.spec.enchainements ? { enchainements: (lu: Lu, a: Attendus) => x.spec.enchainements!(lu, x.entree, x.parametres, a) } : {}),
    enonceModifie: modifies,
    reglages,
    degres: degresDuLivret(),
    tableur: {
      donnees: donneesDuCas(x),
      admises: constantesDuCas(x.spec, x.entree, x.parametres),
      ...(x.spec.gabarit.tableur ? { critere: x.spec.gabarit.tableur } : {}),
      ...(o.robustesse ? { nonSuivies: o.robustesse.nonSuivies } : {}),
    },
  });
  const mode = o.mode ?? reglages.mode;
  const rapport = rapporter(
    {
      fichier,
      ...eleveDe(x),
      modele: x.modele,
      titre: x.spec.gabarit.titre,
      graine: x.graine,
      aleas: x.aleas,
      date: o.date,
      mode,
      montrerAttendus: reglages.montrerAttendus,
      seuils: reglages.seuils,
      blocsModifies: modifies,
      sceau,
    },
    resultat,
    (code) => competence(code).libelle,
  );
  if (rapport.tableur && o.robustesse) rapport.tableur.robustesse = { verifiees: o.robustesse.verifiees, nonSuivies: o.robustesse.nonSuivies.size, avis: o.robustesse.avis };
  // each answer's values shown in its cells' number format (« Travail » as the template makes it for this case)
  const travail = x.spec.feuilleTravail(x.entree, x.parametres);
  const plages = new Map(travail.noms.map((n) => [n.nom, n.plage]));
  rapport.controles = rapport.controles.map((c) => {
    const plage = plages.get(c.nom);
    return plage ? { ...c, formats: formatsDuModele(travail.feuille, plage) } : c;
  });
  const cle = o.cle;
  return { rapport, resultat, ...(cle && sceau === 'valide' ? { scellerSuivi: (ligne: readonly ValeurLue[]) => sceller(cle, USAGE_SCEAU_SUIVI, champsSuivi(x.eleve, ligne)) } : {}) };
}

/**
 * What the check adds to the copy, for a file (`agora verifier --out-dir`) or for the workbook open in
 * Excel (« Annoter la copie »): « Résultats », verdict colours and hints in formative mode, and the
 * evidence rows, sealed when the exercise's seal held. `source`: the copy's file name, recorded in the rows.
 */
export function annotationsDeLaCopie(v: CopieVerifiee, source: string): Annotations {
  const { rapport, resultat } = v;
  const formatif = rapport.mode === 'formatif';
  const couleurs = formatif
    ? resultat.controles.flatMap((c) =>
        c.plage
          ? c.marques.flatMap((m) => {
              const fond = m.juste ? COULEURS_VERDICT.juste : m.coherent ? COULEURS_VERDICT.coherent : COULEURS_VERDICT.faux;
              const colonnes = m.colonne === null ? Array.from({ length: c.plage!.largeur }, (_, j) => j) : [m.colonne];
              return colonnes.map((j) => ({ feuille: c.plage!.feuille, ligne: c.plage!.haut + m.ligne, colonne: c.plage!.gauche + j, fond }));
            })
          : [],
      )
    : [];
  const notes = formatif
    ? fusionnerNotes(
        resultat.controles.flatMap((c) => [
          // on the first cell to correct, not on the answer's first cell
          ...(c.plage && c.diagnostic && c.statut !== 'juste'
            ? [{ feuille: c.plage.feuille, ligne: c.plage.haut + (c.aCorriger?.ligne ?? 0), colonne: c.plage.gauche + (c.aCorriger?.colonne ?? 0), texte: c.diagnostic }]
            : []),
          // how a cell was made (a typed value, a typed datum…), on that cell
          ...(c.plage ? (c.tableur?.remarques ?? []).map((m) => ({ feuille: c.plage!.feuille, ligne: c.plage!.haut + m.ligne, colonne: c.plage!.gauche + m.colonne, texte: m.texte })) : []),
        ]),
      )
    : [];
  const lignes = lignesDuSuivi(lignesSuivi(rapport, source, v.scellerSuivi));
  return {
    resultats: feuilleResultats(rapport),
    couleurs,
    notes,
    suivi: {
      nom: NOM_SUIVI,
      entetes: COLONNES_SUIVI,
      lignes,
      nouvelle: feuilleSuivi(lignes, `Suivi des compétences — ${rapport.eleve ?? 'élève non indiqué'} — ${rapport.titre}`, piedDuRapport(rapport)),
    },
  };
}

/** One note per cell: a hint and a remark on how the cell was made, on the same cell, are one note of two paragraphs. */
function fusionnerNotes<T extends { feuille: string; ligne: number; colonne: number; texte: string }>(notes: T[]): T[] {
  const parCellule = new Map<string, T>();
  for (const n of notes) {
    const cle = `${n.feuille}\u0000${n.ligne}\u0000${n.colonne}`;
    const deja = parCellule.get(cle);
    parCellule.set(cle, deja ? { ...deja, texte: `${deja.texte}\n${n.texte}` } : n);
  }
  return [...parCellule.values()];
}

/** A path's last part, whatever the system's separator: the name a copy's evidence rows record. */
export const sansDossier = (f: string) => f.replace(/^.*[\\/]/, '');

/** The annotated copies' file names (without « .xlsx »): « copie-verifie », two of the same name told apart, a name near the 255-byte limit cut. */
export function nomsDesCopiesAnnotees(fichiers: readonly string[]): string[] {
  return distinguer(fichiers.map((f) => `${tronquerEnOctets(sansDossier(f).replace(/\.[^.]*$/, ''), 200)}-verifie`));
}
