import type { TablesDatees } from '../../domain/parametres/tables';
import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Valeur } from '../../sheets/model';
import { bandeau, entete, note, saisie, sousTitre, titre, valeur } from '../../sheets/styles';
import { dernierJour } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { avecSurcharges, estCodePaie, parametresPaie, type CodePaie, type ParametresPaie } from '../../domain/parametres/paie';
import type { EntreeBulletin } from './entree';
import { FORMAT_EUROS, FORMAT_HEURES, type Bloc } from '../../sheets/exercices/blocs';
import { FEUILLES, type FeuilleConstruite, type LectureBlocs } from '../../sheets/exercices/commun';

/**
 * The payroll case as both paie exercises show it (employee file, overtime by week, absence,
 * primes, deductions) and read it back, and their « Paramètres » sheet: the dated values in force
 * for the month, which a teacher may replace by a textbook's simplified rates.
 */

const STATUTS = { non_cadre: 'Non-cadre', cadre: 'Cadre' };
const MODES = { horaire: 'Taux horaire brut', mensuel: 'Salaire mensuel brut' };
const METHODES = { heures_reelles: 'Heures réelles du mois', horaire_mensuel: 'Horaire mensuel du contrat' };
const MAJORATIONS = { '25': '+25 %', '50': '+50 %' };
const NATURES = { prime: 'Prime', avantage: 'Avantage en nature' };

/** Names of « Énoncé » cells the bulletin's formulas point to. */
export const NOMS_ENONCE = { tauxAtmp: 'PAIE_Taux_Atmp', tauxMobilite: 'PAIE_Taux_Mobilite', tauxPas: 'PAIE_Taux_Pas' } as const;

const JJMM = (d: number, periode: string) => `${String(d).padStart(2, '0')}/${periode.slice(5, 7)}`;

/** « Semaine du 02/03 au 06/03 »: the i-th Monday-to-Friday week that starts in the month. */
export function libelleSemaine(periode: string, i: number): string {
  const fin = Number(dernierJour(periode).slice(8));
  const jourSemaine = new Date(`${periode}-01T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const lundi = 1 + ((8 - jourSemaine) % 7) + 7 * i;
  return lundi > fin ? `Semaine ${i + 1}` : `Semaine du ${JJMM(lundi, periode)} au ${JJMM(Math.min(lundi + 4, fin), periode)}`;
}

export function blocsPaie(e: EntreeBulletin): Bloc[] {
  const hs = e.heuresSupplementaires;
  const heuresSup = hs?.semaines
    ? hs.semaines.map((h, i) => ({ periode: libelleSemaine(e.periode, i), heures: h / 100 }))
    : [...(hs?.a25 ? [{ periode: 'Mois', heures: hs.a25 / 100, majoration: '25' }] : []), ...(hs?.a50 ? [{ periode: 'Mois', heures: hs.a50 / 100, majoration: '50' }] : [])];
  const a = e.absence;
  return [
    {
      nom: 'PAIE_Entreprise',
      titre: 'Entreprise',
      champs: [
        { nom: 'PAIE_Entreprise_Nom', cle: 'nom', libelle: 'Raison sociale', type: 'texte', valeur: e.entreprise.nom },
        { nom: 'PAIE_Effectif', cle: 'effectif', libelle: 'Effectif (nombre de salariés)', type: 'entier', valeur: e.entreprise.effectif },
        { nom: NOMS_ENONCE.tauxAtmp, cle: 'tauxAtmp', libelle: 'Taux accidents du travail – maladies professionnelles', type: 'taux', valeur: e.entreprise.tauxAtmp },
        {
          nom: NOMS_ENONCE.tauxMobilite,
          cle: 'tauxVersementMobilite',
          libelle: 'Taux du versement mobilité (commune de l\u2019établissement)',
          type: 'taux',
          valeur: e.entreprise.tauxVersementMobilite,
        },
        { nom: 'PAIE_Reduction_Generale', cle: 'reductionGenerale', libelle: 'Réduction générale des cotisations patronales appliquée', type: 'ouiNon', valeur: e.reductionGenerale },
      ],
    },
    {
      nom: 'PAIE_Salarie',
      titre: 'Fiche du salarié',
      champs: [
        { nom: 'PAIE_Periode', cle: 'periode', libelle: 'Mois de paie', type: 'mois', valeur: e.periode },
        { nom: 'PAIE_Salarie_Nom', cle: 'nom', libelle: 'Salarié(e)', type: 'texte', valeur: e.salarie.nom },
        { nom: 'PAIE_Emploi', cle: 'emploi', libelle: 'Emploi', type: 'texte', valeur: e.salarie.emploi },
        { nom: 'PAIE_Statut', cle: 'statut', libelle: 'Statut', type: { choix: STATUTS }, valeur: e.salarie.statut },
        { nom: 'PAIE_Horaire', cle: 'horaireMensuel', libelle: 'Horaire mensuel du contrat (heures)', type: 'heures', valeur: e.horaireMensuel / 100 },
        { nom: 'PAIE_Mode', cle: 'mode', libelle: 'Rémunération de base', type: { choix: MODES }, valeur: e.tauxHoraire !== undefined ? 'horaire' : 'mensuel' },
        {
          nom: 'PAIE_Remuneration',
          cle: 'remuneration',
          libelle: 'Montant de la rémunération de base',
          type: 'eurosPrecis',
          valeur: e.tauxHoraire !== undefined ? e.tauxHoraire / 10000 : versEuros(e.salaireBase!),
        },
        { nom: 'PAIE_Sante_Salarie', cle: 'santeSalarie', libelle: 'Complémentaire santé : part salariale (par mois)', type: 'euros', valeur: versEuros(e.complementaireSante.salarie) },
        { nom: 'PAIE_Sante_Employeur', cle: 'santeEmployeur', libelle: 'Complémentaire santé : part patronale (par mois)', type: 'euros', valeur: versEuros(e.complementaireSante.employeur) },
        { nom: NOMS_ENONCE.tauxPas, cle: 'tauxPas', libelle: 'Taux du prélèvement à la source (transmis par l\u2019administration fiscale)', type: 'taux', valeur: e.tauxPas },
      ],
    },
    {
      nom: 'PAIE_Heures_Sup',
      titre: 'Relevé des heures supplémentaires du mois',
      colonnes: [
        { cle: 'periode', entete: 'Période', type: 'texte', largeur: 2 },
        { cle: 'heures', entete: 'Heures supplémentaires', type: 'heures', largeur: 2 },
        { cle: 'majoration', entete: 'Majoration (si déjà connue)', type: { choix: MAJORATIONS }, largeur: 2 },
      ],
      lignes: heuresSup,
    },
    {
      nom: 'PAIE_Absences',
      titre: 'Absence du mois',
      colonnes: [
        { cle: 'motif', entete: 'Motif', type: 'texte', largeur: 2 },
        { cle: 'heures', entete: 'Heures d\u2019absence', type: 'heures', largeur: 1 },
        { cle: 'heuresDuMois', entete: 'Heures prévues dans le mois', type: 'heures', largeur: 1 },
        { cle: 'methode', entete: 'Méthode de calcul de la retenue', type: { choix: METHODES }, largeur: 2 },
      ],
      lignes: a ? [{ motif: a.motif, heures: a.heures / 100, heuresDuMois: a.heuresDuMois === undefined ? undefined : a.heuresDuMois / 100, methode: a.methode }] : [],
    },
    {
      nom: 'PAIE_Elements',
      titre: 'Primes et avantages en nature du mois',
      colonnes: [
        { cle: 'nature', entete: 'Nature', type: { choix: NATURES }, largeur: 1 },
        { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 3 },
        { cle: 'montant', entete: 'Montant', type: 'euros', largeur: 1 },
        { cle: 'soumise', entete: 'Soumis à cotisations', type: 'ouiNon', largeur: 1 },
      ],
      lignes: [
        ...e.primes.map((x) => ({ nature: 'prime', libelle: x.libelle, montant: versEuros(x.montant), soumise: x.soumise })),
        ...e.avantagesNature.map((x) => ({ nature: 'avantage', libelle: x.libelle, montant: versEuros(x.montant), soumise: true })),
      ],
    },
    {
      nom: 'PAIE_Retenues',
      titre: 'Retenues sur le net à payer',
      colonnes: [
        { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 4 },
        { cle: 'montant', entete: 'Montant', type: 'euros', largeur: 2 },
      ],
      lignes: e.retenues.map((x) => ({ libelle: x.libelle, montant: versEuros(x.montant) })),
    },
  ];
}

/** Any valid case: what gives the blocks' shape to a reader. */
export const CAS_VIDE: EntreeBulletin = {
  periode: '2000-01',
  entreprise: { nom: '', effectif: 1, tauxVersementMobilite: 0 },
  salarie: { nom: '', emploi: '', statut: 'non_cadre' },
  horaireMensuel: 15167,
  tauxHoraire: 10000,
  primes: [],
  avantagesNature: [],
  retenues: [],
  complementaireSante: { salarie: 0, employeur: 0 },
  tauxPas: 0,
  reductionGenerale: true,
  parametres: {},
};
export const structurePaie = (): Bloc[] => blocsPaie(CAS_VIDE);

type Lignes = Record<string, unknown>[];

/** The blocks read back → the calculator's JSON input (euros, hours). */
export function donneesPaie(l: LectureBlocs): Record<string, unknown> {
  const en = (l.get('PAIE_Entreprise') ?? {}) as Record<string, unknown>;
  const { periode, mode, remuneration, santeSalarie, santeEmployeur, tauxPas, horaireMensuel, ...salarie } = (l.get('PAIE_Salarie') ?? {}) as Record<string, unknown>;
  const hs = (l.get('PAIE_Heures_Sup') ?? []) as Lignes;
  const absences = (l.get('PAIE_Absences') ?? []) as Lignes;
  const elements = (l.get('PAIE_Elements') ?? []) as Lignes;
  const { reductionGenerale, ...entreprise } = en;
  const somme = (m: string) => hs.filter((x) => x.majoration === m).reduce((s, x) => s + Number(x.heures ?? 0), 0);
  const heuresSupplementaires = !hs.length
    ? undefined
    : hs.some((x) => x.majoration !== undefined)
      ? { a25: somme('25'), a50: somme('50'), ...(hs.some((x) => x.majoration === undefined) ? { semaines: hs.filter((x) => x.majoration === undefined).map((x) => x.heures) } : {}) }
      : { semaines: hs.map((x) => x.heures) };
  return {
    periode,
    entreprise,
    salarie,
    horaireMensuel,
    ...(mode === 'mensuel' ? { salaireBase: remuneration } : { tauxHoraire: remuneration }),
    ...(heuresSupplementaires ? { heuresSupplementaires } : {}),
    ...(absences.length ? { absence: absences.length === 1 ? absences[0] : absences } : {}),
    primes: elements.filter((x) => x.nature === 'prime').map(({ nature: _n, ...x }) => x),
    avantagesNature: elements.filter((x) => x.nature === 'avantage').map(({ libelle, montant }) => ({ libelle, montant })),
    retenues: l.get('PAIE_Retenues') ?? [],
    complementaireSante: { salarie: santeSalarie ?? 0, employeur: santeEmployeur ?? 0 },
    tauxPas,
    reductionGenerale,
  };
}

/** The official values of the month, with the teacher's own values of the case file in their place. */
export const parametresDuCas = (e: EntreeBulletin, t: TablesDatees): ParametresPaie => avecSurcharges(parametresPaie(e.periode, t.paie), e.parametres);

export const NOM_PARAMETRES = 'PAIE_Parametres';
/** Row of a parameter in the named range, for `INDEX(PAIE_Parametres; k; 3)`. */
export const indexParametre = (p: ParametresPaie, code: string): number => Object.keys(p).indexOf(code) + 1;

const FORMATS_UNITE: Record<string, string> = { '€': FORMAT_EUROS, '€/h': FORMAT_EUROS, h: FORMAT_HEURES };

export function feuilleParametresPaie(p: ParametresPaie): FeuilleConstruite {
  // the codes stay for reading the sheet back, hidden; a student reads the labels. The sources are the teacher's.
  const f = new ConstructeurFeuille(FEUILLES.parametres, [30, 46, 11, 11, 52]).masquables([0, 4]);
  const noms: NomDefini[] = [];
  f.ligne([{ valeur: 'Paramètres de paie du mois', style: titre, colonnes: 5 }]);
  f.ligne([
    {
      valeur:
        'Valeurs en vigueur le premier jour du mois de paie (leurs sources légales figurent dans le corrigé). L\u2019enseignant peut les modifier (taux simplifiés d\u2019un manuel, par exemple) : les taux du bulletin, le corrigé et la vérification suivent toujours les valeurs de cette feuille. Une valeur vide : la mesure n\u2019existe pas à cette date.',
      style: sousTitre,
      colonnes: 5,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: 'SMIC, plafond de la sécurité sociale, taux des cotisations et contributions', style: bandeau, colonnes: 5 }]);
  f.ligne(['Code', 'Paramètre', 'Valeur', 'Unité', 'Source'].map((v) => ({ valeur: v, style: entete })));
  const parametres = Object.values(p);
  const premiere = f.nombreDeLignes + 1;
  for (const x of parametres) {
    f.ligne([
      { valeur: x.code, style: { ...valeur, taille: 8 } },
      { valeur: x.libelle, style: valeur },
      { valeur: x.valeur, style: { ...saisie, alignement: 'droite', format: FORMATS_UNITE[x.unite] ?? '0.00##' } },
      { valeur: x.unite === 'SMIC' ? 'fois le SMIC' : x.unite, style: { ...valeur, alignement: 'centre' } },
      { valeur: x.reference, style: note },
    ]);
  }
  const derniere = premiere + parametres.length - 1;
  noms.push({ nom: NOM_PARAMETRES, feuille: FEUILLES.parametres, plage: `A${premiere}:D${derniere}` });
  return {
    feuille: {
      ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }, { lignes: premiere - 1, colonnes: 0 }),
      protegee: true,
      colonnesMasquees: [0],
      colonnesSources: [4],
      validations: [{ plage: `C${premiere}:C${derniere}`, minimum: 0, maximum: 1_000_000, message: 'Saisissez un nombre positif, ou laissez vide si la mesure n\u2019existe pas.' }],
    },
    noms,
  };
}

export function lireParametresPaie(v: (nom: string) => Valeur[][] | undefined): ParametresPaie {
  const lignes = v(NOM_PARAMETRES);
  if (!lignes) throw new Error(`Paramètres de paie introuvables (nom ${NOM_PARAMETRES}).`);
  const p: ParametresPaie = {};
  lignes.forEach((l, i) => {
    const [code, libelle, x, unite] = l;
    if (x !== null && x !== '' && (typeof x !== 'number' || x < 0)) throw new Error(`Paramètres, ligne n° ${i + 1} (${String(code)}) : nombre positif attendu, ou une cellule vide.`);
    if (estCodePaie(String(code)))
      p[String(code) as CodePaie] = { code: String(code) as CodePaie, libelle: String(libelle ?? ''), unite: String(unite ?? ''), valeur: typeof x === 'number' ? x : null, reference: '' };
  });
  return p;
}
