import { ConstructeurFeuille } from '../constructeur';
import { avecTablesSolidaires } from '../pagination';
import { valeursDuModele, verifierNomsDefinis, type Classeur, type Feuille, type NomDefini } from '../model';
import { bandeau, etiquette, PARAMETRE, sousTitre, texte, titre, valeur } from '../styles';
import { CLES_VERIFICATION, CLES_VERIFICATION_D_ORIGINE, degresEnMots, reglagesEnCles, REGLAGES_PAR_DEFAUT, type ReglagesVerification } from './reglages';
import { degresDuLivret } from '../grilles/gabarit';
import { feuilleAgora, type EntreeAgora } from '../agora';
import { nomComplet, texteEnTete, type Eleve } from '../eleve';
import { referentiel, competence } from '../../referentiel';
import { ecrireBlocs, empreinte, empreinteParametres, type Bloc } from './blocs';
import { sceller, type CleEnseignant } from '../../domain/sceau';
import { ANCRES, avecFormules, FEUILLES, ouDesNoms, type SpecExercice } from './commun';
import { avecLexique } from './lexique';
import type { GabaritExercice } from './gabarit';

export interface OptionsExercice {
  graine: number | null; // null: a teacher's own case
  aleas: readonly string[];
  eleve: Eleve | null;
  date: string; // AAAA-MM-JJ
  reglages?: ReglagesVerification; // how copies are checked (the defaults otherwise)
  cle?: CleEnseignant; // the teacher's key: the workbook is sealed (unsealed without one)
  /** the case's month is past its dated table: the sentence that says so, on « Énoncé » and « Paramètres » */
  reconduction?: string;
  /** the dated values came from a teacher's parameters file: the sentence that says which, on « Paramètres » and sealed in `_agora` */
  origine?: string;
}

/**
 * « Paramètres » is the teacher's: its values are locked and grey, not the pale yellow of the
 * answers, and a line says how the teacher changes them. A student cannot change one by mistake
 * (a changed value would make the copy « énoncé modifié »).
 */
function verrouillee(f: Feuille): Feuille {
  const lignes = f.lignes.map((l) => ({
    ...l,
    cellules: l.cellules.map((c) => (c?.style?.saisie ? { ...c, style: { ...c.style, saisie: false, fond: PARAMETRE } } : c)),
  }));
  const c = new ConstructeurFeuille(f.nom, f.largeurs, { ...f, lignes });
  c.vide();
  c.ligne([
    {
      valeur:
        'Valeurs de l\u2019enseignant, protégées : ne pas modifier. Pour en changer une, l\u2019enseignant ôte la protection de la feuille (Révision, Ôter la protection), puis scelle de nouveau l\u2019exercice (agora sceller).',
      style: { ...texte, italique: true },
      colonnes: f.largeurs.length,
    },
  ]);
  return { ...f, ...c.feuille(f.miseEnPage, f.figer), protegee: true };
}

/** The student's « Paramètres » hides the legal sources: the teacher reads them in the corrigé. */
const sansSources = (f: Feuille): Feuille => (f.colonnesSources?.length ? { ...f, colonnesMasquees: [...new Set([...(f.colonnesMasquees ?? []), ...f.colonnesSources])] } : f);

/**
 * « Paramètres » says where its dated values come from when a teacher's file brought them, and which
 * were reconducted past the table's last known month, with their source.
 */
function avecOrigine(f: Feuille, o: OptionsExercice): Feuille {
  const bandes = [
    ['Valeurs fournies par l\u2019enseignant', o.origine],
    ['Valeurs reconduites', o.reconduction],
  ].filter((b): b is [string, string] => Boolean(b[1]));
  if (!bandes.length) return f;
  const n = f.largeurs.length;
  const c = new ConstructeurFeuille(f.nom, f.largeurs, f);
  for (const [titreBande, phrase] of bandes) {
    c.vide();
    c.ligne([{ valeur: titreBande, style: bandeau, colonnes: n }]);
    c.ligne([{ valeur: phrase, style: texte, colonnes: n }]);
  }
  return { ...f, ...c.feuille(f.miseEnPage, f.figer) };
}

/** « Paramètres » ends with how copies are checked: read-only, the teacher sets it when creating the exercise. */
function avecReglages(f: Feuille, r: ReglagesVerification, g: GabaritExercice): Feuille {
  const n = f.largeurs.length;
  const c = new ConstructeurFeuille(f.nom, f.largeurs, f);
  c.vide();
  c.ligne([{ valeur: 'Vérification des copies (réglée par l\u2019enseignant à la création de l\u2019exercice)', style: bandeau, colonnes: n }]);
  const ligne = (titreLigne: string, texteLigne: string) =>
    c.ligne([
      { valeur: titreLigne, style: etiquette },
      { valeur: texteLigne, style: valeur, colonnes: n - 1 },
    ]);
  ligne(
    'Mode',
    r.mode === 'formatif'
      ? 'Formatif : chaque réponse reçoit un verdict et, si elle est fausse, une indication.'
      : 'Sommatif : seuls le taux de réussite et le niveau de chaque compétence sont communiqués.',
  );
  ligne('Valeurs attendues', r.montrerAttendus ? 'Montrées à l\u2019élève après la vérification.' : 'Non montrées à l\u2019élève.');
  for (const d of degresEnMots(r.seuils, degresDuLivret())) ligne(`Degré ${d.code}`, d.texte);
  ligne(
    'Feuille de calcul',
    g.tableur && r.tableur
      ? `Comptée dans le critère « ${g.tableur.critere} » (${g.tableur.competence}) : un calcul fait sans formule, ou avec une donnée tapée dans la formule au lieu de sa cellule, compte faux.`
      : 'Indiquée à l\u2019élève (calculs faits par des formules, valeurs tapées), sans effet sur le degré.',
  );
  return { ...f, ...c.feuille(f.miseEnPage, f.figer) };
}

/**
 * The `_agora` keys of an exercise: template, seed, aléas, one fingerprint per case block and one
 * for the parameters, and the teacher's seal over all of them.
 */
export const CLES_EXERCICE = {
  modele: 'modele',
  version: 'version_modele',
  graine: 'graine',
  aleas: 'aleas',
  empreinte: 'empreinte_',
  parametres: 'empreinte_parametres',
  origine: 'origine_parametres',
  sceau: 'sceau',
} as const;

export const USAGE_SCEAU_EXERCICE = 'agora-exercice-1';

/**
 * What the teacher's seal covers, in order: every `_agora` key that decides the expected answers or
 * how they are scored (template, seed, aléas, compétence, settings, the fingerprints of the case and
 * of the parameters), and the student it was made for. `valeur` reads a key (written or read back).
 */
export function champsScelles(spec: SpecExercice<unknown, unknown>, valeur: (cle: string) => string, eleve: Eleve | null): string[] {
  const cles = [
    CLES_EXERCICE.modele,
    CLES_EXERCICE.version,
    CLES_EXERCICE.graine,
    CLES_EXERCICE.aleas,
    'competence',
    'critere',
    ...CLES_VERIFICATION_D_ORIGINE,
    // written by every exercise since it exists; sealed when there, so that deleting it breaks the seal
    ...(valeur(CLES_VERIFICATION.tableur) ? [CLES_VERIFICATION.tableur] : []),
    ...spec.structure().map((b) => `${CLES_EXERCICE.empreinte}${b.nom}`),
    CLES_EXERCICE.parametres,
    // only when a teacher's file brought the values: the workbooks sealed before it existed stay valid
    ...(valeur(CLES_EXERCICE.origine) ? [CLES_EXERCICE.origine] : []),
  ];
  return [...cles.flatMap((k) => [k, valeur(k)]), eleve?.nom.trim() ?? '', eleve?.prenom.trim() ?? '', eleve?.classe.trim() ?? ''];
}

/** The teacher's seal of an exercise, from its `_agora` keys (as written, or as they now stand) and its student. */
export const sceauExercice = (cle: CleEnseignant, spec: SpecExercice<unknown, unknown>, valeur: (cle: string) => string, eleve: Eleve | null) =>
  sceller(cle, USAGE_SCEAU_EXERCICE, champsScelles(spec, valeur, eleve));

/** The footer of every printed page of an exercise, its checked copy's sheets included: the student (and class), the exercise, « Page n / N ». */
export const piedDExercice = (titreExercice: string, eleve: string | null) => `&L&8${texteEnTete(eleve ?? 'Exercice AGOrA')}&C&8${texteEnTete(titreExercice)}&R&8Page &P / &N`;

const pied = (titreExercice: string, eleve: Eleve | null) => piedDExercice(titreExercice, eleve ? `${nomComplet(eleve)}${eleve.classe ? ` — ${eleve.classe}` : ''}` : null);

/** Every printed page of an exercise names the student (a loose sheet still finds its owner), and no table is cut from its header. */
const avecPied = (f: Feuille, titreExercice: string, eleve: Eleve | null): Feuille => {
  const g = avecTablesSolidaires(f);
  return { ...g, miseEnPage: { ...g.miseEnPage, piedDePage: pied(titreExercice, eleve) } };
};

function feuilleEnonce<E, P>(spec: SpecExercice<E, P>, blocs: readonly Bloc[], e: E, o: OptionsExercice): { feuille: Feuille; noms: NomDefini[] } {
  const g = spec.gabarit;
  const n = spec.largeursEnonce.length;
  const f = new ConstructeurFeuille(FEUILLES.enonce, spec.largeursEnonce);
  const c = competence(g.competence);
  // a case that describes its organisation as { nom, activite } (TVA) gets a line for it; one that names it in a block does not
  const lue = (e as { entreprise?: unknown }).entreprise;
  const entreprise = lue && typeof lue === 'object' ? (lue as { nom: string; activite?: string }) : undefined;
  f.ligne([{ valeur: g.titre, style: titre, colonnes: n }]);
  f.ligne([{ valeur: `Compétence ${c.code} « ${c.libelle} » — critère : « ${g.critere} »`, style: sousTitre, colonnes: n }]);
  // every compétence the check scores is announced, the answers that prove another one named
  // (one line per compétence and critère, its answers listed)
  const preuves = new Map<string, { code: string; critere: string; libelles: string[] }>();
  for (const r of g.reponses.filter((x) => x.preuve)) {
    const cle = `${r.preuve!.competence}|${r.preuve!.critere}`;
    const p = preuves.get(cle) ?? { code: r.preuve!.competence, critere: r.preuve!.critere, libelles: [] };
    preuves.set(cle, { ...p, libelles: [...p.libelles, r.libelle] });
  }
  for (const p of preuves.values()) {
    const autre = competence(p.code);
    f.ligne([{ valeur: `${p.libelles.join(' ; ')} : compétence ${autre.code} « ${autre.libelle} » — critère : « ${p.critere} »`, style: sousTitre, colonnes: n }]);
  }
  // Spans fit any sheet of at least 6 columns: label, name (2), label, class, then the case number.
  f.ligne([
    { valeur: 'Élève', style: etiquette },
    { valeur: o.eleve ? nomComplet(o.eleve) : '', style: { ...valeur, gras: true }, colonnes: 2 },
    { valeur: 'Classe', style: etiquette },
    { valeur: o.eleve?.classe ?? '', style: valeur },
    { valeur: o.graine === null ? 'Cas de l\u2019enseignant' : `Cas n° ${o.graine}`, style: { ...valeur, alignement: 'droite' }, colonnes: n - 5 },
  ]);
  if (o.reconduction) f.ligne([{ valeur: o.reconduction, style: { ...texte, italique: true }, colonnes: n }]);
  if (entreprise)
    f.ligne([
      { valeur: 'Entreprise', style: etiquette },
      { valeur: `${entreprise.nom}${entreprise.activite ? ` — ${entreprise.activite}` : ''}`, style: valeur, colonnes: n - 1 },
    ]);
  f.vide();
  f.ligne([{ valeur: 'Travail à faire', style: bandeau, colonnes: n }]);
  for (const consigne of g.consignes) f.ligne([{ valeur: consigne, style: texte, colonnes: n }]);
  const noms = ecrireBlocs(f, FEUILLES.enonce, blocs, n);
  const feuille: Feuille = { ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }), protegee: true };
  return { feuille, noms };
}

/**
 * The parameters as `lireParametres` will read them back from « Paramètres » (what the file keeps of
 * them: not every field of `p` is written), so that their fingerprint can be compared when checking.
 */
function parametresRelus<E, P>(spec: SpecExercice<E, P>, p: P): P {
  const { feuille, noms } = spec.feuilleParametres(p);
  return spec.lireParametres((nom) => {
    const n = noms.find((x) => x.nom === nom);
    return n && valeursDuModele(feuille, n.plage);
  });
}

function agora<E, P>(spec: SpecExercice<E, P>, blocs: readonly Bloc[], p: P, o: OptionsExercice, modele: string, feuilles: Feuille[]): Feuille {
  const g = spec.gabarit;
  const cles: [string, string][] = [
    [CLES_EXERCICE.modele, modele],
    [CLES_EXERCICE.version, g.version],
    [CLES_EXERCICE.graine, o.graine === null ? '' : String(o.graine)],
    [CLES_EXERCICE.aleas, o.aleas.join(',')],
    ['competence', g.competence],
    ['critere', g.critere],
    ...reglagesEnCles(o.reglages ?? REGLAGES_PAR_DEFAUT),
    ...blocs.map((b): [string, string] => [`${CLES_EXERCICE.empreinte}${b.nom}`, empreinte(b)]),
    [CLES_EXERCICE.parametres, empreinteParametres(parametresRelus(spec, p))],
    ...(o.origine ? [[CLES_EXERCICE.origine, o.origine] as [string, string]] : []),
  ];
  const valeurs = new Map(cles);
  // always written, empty without a key, so that `agora sceller` has its row to fill
  cles.push([CLES_EXERCICE.sceau, o.cle ? sceauExercice(o.cle, spec as SpecExercice<unknown, unknown>, (k) => valeurs.get(k) ?? '', o.eleve) : '']);
  const ancres: Record<string, string> = { [FEUILLES.enonce]: ANCRES.enonce, [FEUILLES.travail]: ANCRES.travail, [FEUILLES.parametres]: ANCRES.parametres };
  const entrees: EntreeAgora[] = feuilles.filter((f) => ancres[f.nom]).map((f) => ({ ancre: ancres[f.nom]!, modele, eleve: o.eleve, prefixe: '', feuille: f.nom }));
  return feuilleAgora({ cles, versionGabarit: g.version, versionReferentiel: referentiel().version, date: o.date, entrees });
}

/** The student's workbook: « Énoncé » (locked case), « Travail » (named answer cells), « Paramètres », `_agora`. No answer key. */
export function classeurExercice<E, P>(spec: SpecExercice<E, P>, e: E, p: P, o: OptionsExercice): Classeur {
  const blocs = spec.blocs(e); // shown in « Énoncé » and fingerprinted in `_agora`
  const enonce = feuilleEnonce(spec, blocs, e, o);
  const travail = spec.feuilleTravail(e, p);
  const parametres = spec.feuilleParametres(p);
  const params = sansSources(verrouillee(avecOrigine(avecReglages(parametres.feuille, o.reglages ?? REGLAGES_PAR_DEFAUT, spec.gabarit), o)));
  const feuilles = [avecLexique(enonce.feuille, [enonce.feuille, travail.feuille, params]), travail.feuille, params].map((f) => avecPied(f, spec.gabarit.titre, o.eleve));
  const noms = [
    ...enonce.noms,
    ...travail.noms,
    ...parametres.noms,
    { nom: ANCRES.enonce, feuille: FEUILLES.enonce, plage: 'A1' },
    { nom: ANCRES.travail, feuille: FEUILLES.travail, plage: 'A1' },
    { nom: ANCRES.parametres, feuille: FEUILLES.parametres, plage: 'A1' },
  ];
  verifierNomsDefinis(noms);
  feuilles.push(agora(spec, blocs, p, o, spec.gabarit.id, feuilles));
  const titreClasseur = `${spec.gabarit.titre}${o.eleve ? ` — ${nomComplet(o.eleve)}` : ''}`;
  return { titre: titreClasseur, feuilles, noms };
}

/** The teacher's corrigé: the same case, the answer sheet filled with the expected values, and the justification. */
export function classeurCorrige<E, P>(spec: SpecExercice<E, P>, e: E, p: P, o: OptionsExercice): Classeur {
  const blocs = spec.blocs(e);
  const enonce = feuilleEnonce(spec, blocs, e, o);
  const corrige = spec.feuilleTravail(e, p, spec.attendus(e, p));
  const parametres = spec.feuilleParametres(p);
  const j = new ConstructeurFeuille(FEUILLES.justification, spec.largeursJustification ?? [12, 30, 70]);
  j.ligne([{ valeur: `Justification du corrigé — ${spec.gabarit.titre}`, style: titre, colonnes: 3 }]);
  spec.justification(e, p).forEach((l, i) => j.ligne(l.map((v) => ({ valeur: v, style: i === 0 ? { ...etiquette } : { ...valeur } }))));
  const params = verrouillee(avecOrigine(parametres.feuille, o));
  // the model: each answer's formula where the exercise gives it, the expected value elsewhere
  const ou = ouDesNoms([...enonce.noms, ...corrige.noms, ...parametres.noms]);
  const modele = spec.formulesDuCorrige ? avecFormules(corrige.feuille, ou, spec.formulesDuCorrige(e, p, ou)) : corrige.feuille;
  const feuilles = [avecLexique(enonce.feuille, [enonce.feuille, modele, params]), modele, j.feuille({ orientation: 'portrait', ajusterLargeur: true }), params].map((f) =>
    avecPied(f, spec.gabarit.titre, o.eleve),
  );
  const noms = [...enonce.noms, ...corrige.noms, ...parametres.noms];
  verifierNomsDefinis(noms);
  feuilles.push(agora(spec, blocs, p, o, `corrige-${spec.gabarit.id}`, feuilles));
  return { titre: `Corrigé — ${spec.gabarit.titre}${o.eleve ? ` — ${nomComplet(o.eleve)}` : ''}`, feuilles, noms };
}
