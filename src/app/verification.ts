import path from 'node:path';
import { ErreurFichier, creerDossier, ecrireAtomiquement } from '../io/fichiers';
import { annoterClasseur } from '../io/exceljs/annoterClasseur';
import { competence } from '../referentiel';
import { verifierReponses, type ResultatVerification } from '../check/verification';
import type { Variante } from '../check/controle';
import { rapporter, type RapportCopie } from '../check/rapport';
import { reglagesDepuisCles } from '../sheets/exercices/reglages';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import { COLONNES_AGORA } from '../sheets/agora';
import { ANCRES, type Attendus } from '../sheets/exercices/commun';
import { feuilleResultats, COULEURS_VERDICT } from '../sheets/verification/resultats';
import { COLONNES_SUIVI, FEUILLE_SUIVI, FORMATS_SUIVI, lignesSuivi, NOM_SUIVI } from '../sheets/verification/suivi';
import { nomComplet } from '../sheets/eleve';
import { ouvrirExercice, type ExerciceOuvert } from './exercices';

export interface OptionsVerification {
  date: string; // AAAA-MM-JJ
  mode?: 'formatif' | 'sommatif'; // the teacher's choice at check time; the workbook's otherwise
}

/** The student the workbook was made for, from `_agora`'s table of generated sheets. */
function eleveDe(lignes: readonly string[][]): { eleve: string | null; classe: string | null } {
  const k = lignes.findIndex((l) => l[0] === COLONNES_AGORA[0] && l[1] === COLONNES_AGORA[1]);
  const l = k >= 0 ? lignes.slice(k + 1).find((x) => x[0] === ANCRES.travail) : undefined;
  const col = (c: (typeof COLONNES_AGORA)[number]) => l?.[COLONNES_AGORA.indexOf(c)]?.trim() ?? '';
  const eleve = { nom: col('nom'), prenom: col('prenom'), classe: col('classe') };
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

/** Checks one student's copy: the input file is only read. */
export async function verifierCopie(fichier: string, o: OptionsVerification): Promise<CopieVerifiee> {
  return verifierExercice(await ouvrirExercice(fichier, false), o);
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
  const attendus = x.spec.attendus(x.entree, x.parametres);
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

/** Writes the annotated copy (« Résultats », verdict colours in formative mode, evidence rows) to `sortie`, never over the input. */
export async function ecrireCopieAnnotee(v: CopieVerifiee, sortie: string): Promise<void> {
  const { rapport, resultat } = v;
  if (path.resolve(sortie) === path.resolve(rapport.fichier)) throw new ErreurFichier(`La copie annotée ne peut pas remplacer la copie de l'élève : choisissez un autre nom que « ${sortie} ».`, sortie);
  const formatif = rapport.mode === 'formatif';
  const couleurs = formatif
    ? resultat.controles.flatMap((c) =>
        c.plage
          ? c.marques.flatMap((m) => {
              const fond = m.juste ? COULEURS_VERDICT.juste : COULEURS_VERDICT.faux;
              const colonnes = m.colonne === null ? Array.from({ length: c.plage!.largeur }, (_, j) => j) : [m.colonne];
              return colonnes.map((j) => ({ feuille: c.plage!.feuille, ligne: c.plage!.haut + m.ligne, colonne: c.plage!.gauche + j, fond }));
            })
          : [],
      )
    : [];
  const notes = formatif ? resultat.controles.flatMap((c) => (c.plage && c.diagnostic && c.statut !== 'juste' ? [{ feuille: c.plage.feuille, ligne: c.plage.haut, colonne: c.plage.gauche, texte: c.diagnostic }] : [])) : [];
  const contenu = await annoterClasseur(rapport.fichier, {
    resultats: feuilleResultats(rapport),
    couleurs,
    notes,
    suivi: { feuille: FEUILLE_SUIVI, nom: NOM_SUIVI, entetes: COLONNES_SUIVI, formats: FORMATS_SUIVI, lignes: lignesSuivi(rapport, path.basename(rapport.fichier)) },
  });
  await ecrireAtomiquement(sortie, contenu);
}

export interface VerificationDeClasse {
  copies: RapportCopie[];
  erreurs: { fichier: string; message: string }[];
}

/** Checks every copy; a bad file is reported and the others are still checked. */
export async function verifierCopies(fichiers: readonly string[], o: OptionsVerification & { dossier?: string }): Promise<VerificationDeClasse> {
  if (o.dossier) await creerDossier(o.dossier, true);
  const copies: RapportCopie[] = [];
  const erreurs: { fichier: string; message: string }[] = [];
  for (const f of fichiers) {
    try {
      const v = await verifierCopie(f, o);
      if (o.dossier) await ecrireCopieAnnotee(v, path.join(o.dossier, `${path.basename(f, path.extname(f))}-verifie.xlsx`));
      copies.push(v.rapport);
    } catch (e) {
      erreurs.push({ fichier: f, message: e instanceof ErreurFichier ? e.message : `« ${f} » : erreur inattendue (${(e as Error).message}).` });
    }
  }
  return { copies, erreurs };
}
