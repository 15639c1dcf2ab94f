import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style, Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, note, saisie, saisieCentree, sousTitre, texte, titre } from '../../sheets/styles';
import { dateFr, moisEnLettres, deMois } from '../../domain/dates';
import { nombreFr } from '../../domain/texte';
import { versEuros } from '../../domain/monnaie';
import type { TablesDatees } from '../../domain/parametres/tables';
import { parametresConges, periodeDeReference, type ParametresConges } from '../../domain/parametres/conges';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  montantTexte,
  reponsesChangees,
  type Attendus,
  type FeuilleConstruite,
  type LectureBlocs,
  type SpecExercice,
  centimesSaisis,
  enSuite,
  type Enchainement,
  type Lu,
  colonneDe,
  colonnesDuBloc,
  type OuNom,
  ligneDeReponse,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/conges.json';
import { joursOuvrables } from '../../domain/joursFeries';
import { calculerConges, dixiemeDe, FACON_JUSTE, maintienDe, type Facon } from './calcul';
import type { EntreeConges } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'conges');

export const NOMS_CP = {
  acquis: 'CP_Jours_Acquis',
  remuneration: 'CP_Remuneration',
  dixieme: 'CP_Dixieme',
  maintien: 'CP_Maintien',
  regle: 'CP_Regle',
  indemnite: 'CP_Indemnite',
  solde: 'CP_Solde',
} as const;
const REGLES = { dixieme: 'Dixième', maintien: 'Maintien de salaire' } as const;
const SITUATIONS = {
  travail: 'Travail effectif',
  maladie: 'Arrêt maladie non professionnel (salaire qu\u2019il aurait perçu)',
  sans_solde: 'Congé sans solde',
  avant_entree: 'Pas encore embauché',
};
const MAINTIENS = { fixe: 'Salaire × jours pris / 26', jours_reels: 'Salaire × jours pris / jours ouvrables réels du mois' };
const PARAMETRES = [
  ['CP_Jours_Par_Mois', 'joursParMois', 'Jours ouvrables acquis par mois de travail effectif', '0.0#', (p: ParametresConges) => p.references.joursParMois],
  ['CP_Plafond', 'plafond', 'Congé annuel maximal (jours ouvrables)', '0', (p: ParametresConges) => p.references.plafond],
  ['CP_Taux_Dixieme', 'dixieme', 'Règle du dixième (% de la rémunération de la période)', '0.0#', (p: ParametresConges) => p.references.dixieme],
  [
    'CP_Diviseur_Maintien',
    'diviseurMaintien',
    'Maintien de salaire : jours ouvrables d\u2019un mois (méthode de l\u2019entreprise)',
    '0',
    () => 'Méthode de l\u2019entreprise (C. trav., art. L3141-24, II)',
  ],
] as const;
/** The sick-leave rules (loi n° 2024-364), in rows of their own: a workbook made before them has none. */
const MALADIE = [
  ['CP_Maladie_Jours_Par_Mois', 'joursParMois', 'Arrêt maladie non professionnel : jours ouvrables acquis par mois', '0.0#'],
  ['CP_Maladie_Plafond', 'plafond', 'Arrêt maladie non professionnel : jours acquis au plus sur la période', '0'],
  ['CP_Maladie_Part_Dixieme', 'partDixieme', 'Arrêt maladie non professionnel : part de son salaire comptée dans le dixième (%)', '0'],
] as const;

function blocs(e: EntreeConges): Bloc[] {
  return [
    {
      nom: 'CP_Salarie',
      titre: 'Le salarié et son congé',
      champs: [
        { nom: 'CP_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'CP_Nom', cle: 'salarie', libelle: 'Salarié', type: 'texte', valeur: e.salarie },
        { nom: 'CP_Mois_Conge', cle: 'moisConge', libelle: 'Mois du congé', type: 'mois', valeur: e.conge.mois },
        { nom: 'CP_Jours_Pris', cle: 'jours', libelle: 'Jours ouvrables de congé pris', type: 'entier', valeur: e.conge.jours },
        { nom: 'CP_Salaire_Mensuel', cle: 'salaireMensuel', libelle: 'Salaire mensuel brut au moment du congé', type: 'euros', valeur: versEuros(e.conge.salaireMensuel) },
        { nom: 'CP_Methode_Maintien', cle: 'maintien', libelle: 'Maintien de salaire (méthode de l\u2019entreprise)', type: { choix: MAINTIENS }, valeur: e.conge.maintien, defaut: 'fixe' },
      ],
    },
    {
      nom: 'CP_Periode',
      titre: 'Période de référence (1er juin au 31 mai)',
      colonnes: [
        { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
        { cle: 'situation', entete: 'Situation', type: { choix: SITUATIONS }, largeur: 2 },
        { cle: 'brut', entete: 'Rémunération brute', type: 'euros', largeur: 1 },
        { cle: 'jours', entete: 'Mois incomplet : jours de travail', type: 'entier', largeur: 1, ajoutee: true },
      ],
      lignes: e.mois.map((m) => ({ ...m, brut: m.situation === 'travail' || m.situation === 'maladie' ? versEuros(m.brut) : undefined })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { moisConge, jours, salaireMensuel, maintien, ...s } = (l.get('CP_Salarie') ?? {}) as Record<string, unknown>;
  return { ...s, mois: l.get('CP_Periode') ?? [], conge: { mois: moisConge, jours, salaireMensuel, maintien } };
}

function feuilleParametres(p: ParametresConges): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [46, 12, 40]).masquables([2]);
  const noms: NomDefini[] = [];
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 3 }]);
  f.ligne([{ valeur: 'Règles en vigueur. L\u2019enseignant peut les modifier : le corrigé et la vérification utilisent toujours les valeurs de cette feuille.', style: sousTitre, colonnes: 3 }]);
  f.vide();
  f.ligne(['Paramètre', 'Valeur', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  for (const [nom, cle, libelle, format, reference] of PARAMETRES) {
    const n = f.ligne([
      { valeur: libelle, style: etiquette },
      { valeur: p[cle], style: { ...saisieCentree, format } },
      { valeur: reference(p), style: note },
    ]);
    noms.push({ nom, feuille: FEUILLES.parametres, plage: `B${n}` });
  }
  for (const [nom, cle, libelle, format] of p.maladie ? MALADIE : []) {
    const n = f.ligne([
      { valeur: libelle, style: etiquette },
      { valeur: p.maladie![cle], style: { ...saisieCentree, format } },
      { valeur: p.references.maladie?.[cle] ?? '', style: note },
    ]);
    noms.push({ nom, feuille: FEUILLES.parametres, plage: `B${n}` });
  }
  f.vide();
  f.ligne([
    {
      valeur: 'Fraction de jour : portée au nombre entier immédiatement supérieur (C. trav., art. L3141-7). Indemnité : la plus favorable du dixième et du maintien de salaire (art. L3141-24).',
      style: { ...texte, italique: true },
      colonnes: 3,
    },
  ]);
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, colonnesSources: [2] }, noms };
}

function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresConges {
  const lu = Object.fromEntries(
    PARAMETRES.map(([nom, cle, libelle]) => {
      const x = v(nom)?.[0]?.[0];
      if (typeof x !== 'number' || x <= 0) throw new Error(`Paramètres, « ${libelle} » : nombre positif attendu (nom ${nom}).`);
      return [cle, x];
    }),
  );
  const maladie = MALADIE.every(([nom]) => v(nom) !== undefined)
    ? Object.fromEntries(
        MALADIE.map(([nom, cle, libelle]) => {
          const x = v(nom)?.[0]?.[0];
          if (typeof x !== 'number' || x < 0) throw new Error(`Paramètres, « ${libelle} » : nombre positif ou nul attendu (nom ${nom}).`);
          return [cle, x];
        }),
      )
    : undefined;
  // the references are shown, not read back: the values alone price the case
  return { ...lu, ...(maladie ? { maladie } : {}), references: { joursParMois: '', plafond: '', dixieme: '' } } as unknown as ParametresConges;
}

function attendusDe(e: EntreeConges, p: ParametresConges, facon: Facon): Attendus {
  const r = calculerConges(e, p, facon);
  return {
    [NOMS_CP.acquis]: r.acquis,
    [NOMS_CP.solde]: r.solde,
    [NOMS_CP.remuneration]: versEuros(r.remuneration),
    [NOMS_CP.dixieme]: versEuros(r.dixieme),
    [NOMS_CP.maintien]: versEuros(r.maintien),
    [NOMS_CP.regle]: REGLES[r.regle],
    [NOMS_CP.indemnite]: versEuros(r.indemnite),
  };
}

const attendus = (e: EntreeConges, p: ParametresConges): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreeConges, _p: ParametresConges, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [52, 18]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const jours: Style = { ...saisieCentree, format: '0.##', ...fond };
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  const { du, au } = periodeDeReference(e.conge.mois);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 2 }]);
  f.ligne([
    {
      valeur: `${e.salarie}, congé de ${e.conge.jours} jours ouvrables en ${moisEnLettres(e.conge.mois)} ; période de référence du ${dateFr(du)} au ${dateFr(au)}. ${consigneSaisie(remplie)}.`,
      style: sousTitre,
      colonnes: 2,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: '1. Droits à congés', style: bandeau, colonnes: 2 }]);
  ligne(NOMS_CP.acquis, jours);
  ligne(NOMS_CP.solde, jours);
  f.vide();
  f.ligne([{ valeur: '2. Indemnité de congés payés', style: bandeau, colonnes: 2 }]);
  ligne(NOMS_CP.remuneration, montant);
  ligne(NOMS_CP.dixieme, montant);
  ligne(NOMS_CP.maintien, montant);
  const n = ligne(NOMS_CP.regle, { ...saisieCentree, ...fond });
  ligne(NOMS_CP.indemnite, montant);
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [{ plage: `B${n}`, liste: { elements: Object.values(REGLES) }, message: 'Répondez « Dixième » ou « Maintien de salaire ».' }],
    },
    noms,
  };
}

function justification(e: EntreeConges, p: ParametresConges): string[][] {
  const r = calculerConges(e, p);
  const eur = montantTexte;
  const avant = e.mois.filter((m) => m.situation === 'avant_entree').length;
  const exclus = [...(avant ? [`${avant} mois avant l\u2019embauche`] : []), ...e.mois.filter((m) => m.situation === 'sans_solde').map((m) => `${moisEnLettres(m.mois)} en congé sans solde`)];
  const maladie = p.maladie ?? { joursParMois: 0, plafond: 0, partDixieme: 0 };
  const parts = [
    `${r.moisTravailles} mois de travail effectif${exclus.length ? ` (sans ${exclus.join(', ')})` : ''} × ${nombreFr(p.joursParMois)} = ${nombreFr(r.moisTravailles * p.joursParMois)}`,
    ...(r.joursMoisIncomplets ? [`mois incomplets, ${r.joursMoisIncomplets} jours de travail / 24 × ${nombreFr(p.joursParMois)} = ${nombreFr((r.joursMoisIncomplets * p.joursParMois) / 24)}`] : []),
    ...(r.moisMaladie
      ? [
          `${r.moisMaladie} mois d\u2019arrêt maladie × ${nombreFr(maladie.joursParMois)} = ${nombreFr(r.moisMaladie * maladie.joursParMois)}${r.joursMaladie < r.moisMaladie * maladie.joursParMois ? `, ${maladie.plafond} au plus` : ''}`,
        ]
      : []),
  ];
  const jours = Math.min(e.conge.jours, r.acquis);
  const payes = e.mois.filter((m) => m.situation === 'travail').reduce((a, m) => a + m.brut, 0);
  const salairesMaladie = e.mois.filter((m) => m.situation === 'maladie').reduce((a, m) => a + m.brut, 0);
  return [
    ['Étape', 'Résultat', 'Comment on l\u2019obtient'],
    [
      'Jours acquis',
      String(r.acquis),
      `${parts.join(' ; ')}${parts.length > 1 ? ` ; en tout ${nombreFr(Math.round(r.acquisBruts * 100) / 100)}` : ''} jours${r.acquisBruts !== r.acquis ? `, ${r.acquisBruts > p.plafond ? `plafonné à ${p.plafond}` : `arrondi à ${r.acquis}`}` : ''}.`,
    ],
    ['Solde', String(r.solde), `${r.acquis} − ${jours} jours pris = ${r.solde}.`],
    [
      'Rémunération',
      montantTexte(r.remuneration),
      salairesMaladie
        ? `Rémunérations des mois de travail ${eur(payes)} + ${nombreFr(maladie.partDixieme)} % des salaires des mois d\u2019arrêt maladie (${eur(salairesMaladie)}) = ${eur(r.remuneration)}.`
        : `Somme des rémunérations brutes des mois de la période : ${eur(r.remuneration)}.`,
    ],
    ['Dixième', montantTexte(r.dixieme), `${eur(r.remuneration)} × ${nombreFr(p.dixieme)} % × ${jours} / ${r.acquis} = ${eur(r.dixieme)}.`],
    [
      'Maintien',
      montantTexte(r.maintien),
      `${eur(e.conge.salaireMensuel)} × ${jours} / ${r.diviseurMaintien}${e.conge.maintien === 'jours_reels' ? ` (jours ouvrables ${deMois(moisEnLettres(e.conge.mois))} : ni dimanches ni jours fériés)` : ''} = ${eur(r.maintien)}.`,
    ],
    ['Indemnité', montantTexte(r.indemnite), `La plus favorable : ${REGLES[r.regle].toLowerCase()} (${eur(r.dixieme)} contre ${eur(r.maintien)}).`],
  ];
}

/**
 * The answers a mistake changes, among `noms`, or null when the case cannot show it. The rule
 * retained and the indemnity paid belong to « moins_favorable » alone: a wrong choice between the two
 * rules points to one hint, whatever led to it.
 */
const siDifferent = (e: EntreeConges, p: ParametresConges, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p), noms);

const { acquis, solde, remuneration, dixieme, maintien, regle, indemnite } = NOMS_CP;
const variantes: SpecExercice<EntreeConges, ParametresConges>['variantes'] = {
  sans_arrondi: (e, p) => siDifferent(e, p, { arrondiSuperieur: false }, [acquis, solde, dixieme]),
  sans_solde_compte: (e, p) => siDifferent(e, p, { sansSoldeExclu: false }, [acquis, solde, dixieme]),
  dixieme_annuel: (e, p) => siDifferent(e, p, { dixiemeAuProrata: false }, [dixieme]),
  moins_favorable: (e, p) => siDifferent(e, p, { plusFavorable: false }, [regle, indemnite]),
  maladie_non_comptee: (e, p) => siDifferent(e, p, { maladieComptee: false }, [acquis, solde, remuneration, dixieme]),
  mois_incomplet_oublie: (e, p) => siDifferent(e, p, { moisIncompletAuProrata: false }, [acquis, solde, dixieme]),
  maintien_forfaitaire: (e, p) => siDifferent(e, p, { joursReels: false }, [maintien]),
};

/**
 * A leave never takes more days than the period acquired: beyond them the days are a congé sans
 * solde, not paid leave, and a case that asks for them is refused with both numbers.
 */
function verifier(e: EntreeConges, t: TablesDatees): string[] {
  const { acquis } = calculerConges(e, parametresConges(`${e.conge.mois}-01`, t.conges));
  const ouvrables = joursOuvrables(e.conge.mois);
  return [
    ...(e.conge.jours > acquis
      ? [
          `champ « conge.jours » : ${e.conge.jours} jours de congés payés pour ${acquis} jours acquis sur la période de référence ; un congé payé ne dépasse pas les jours acquis (les ${e.conge.jours - acquis} jours de plus seraient un congé sans solde, à part)`,
        ]
      : []),
    ...(e.conge.maintien === 'jours_reels' && e.conge.jours > ouvrables
      ? [
          `champ « conge.jours » : ${e.conge.jours} jours de congé dans ${moisEnLettres(e.conge.mois)}, qui n\u2019a que ${ouvrables} jours ouvrables ; le maintien sur les jours réels se calcule mois par mois (donnez la part du congé prise dans ce mois)`,
        ]
      : []),
  ];
}

/** Knock-on errors of the leave: the balance and both indemnities from the typed days acquired and pay, the rule and the amount paid from the typed indemnities. */
function enchainements(lu: Lu, e: EntreeConges, p: ParametresConges): Enchainement[] {
  const r = calculerConges(e, p, FACON_JUSTE);
  const res: Enchainement[] = [];
  const lus = lu(NOMS_CP.acquis);
  const acquis = typeof lus === 'number' && lus > 0 ? lus : null;
  const remuneration = centimesSaisis(lu(NOMS_CP.remuneration));
  if (acquis !== null) {
    const pris = Math.min(e.conge.jours, acquis);
    res.push({ nom: NOMS_CP.solde, valeur: Math.round((acquis - pris) * 100) / 100, depuis: [NOMS_CP.acquis] });
    res.push(...enSuite(NOMS_CP.maintien, maintienDe(e.conge.salaireMensuel, pris, r.diviseurMaintien), [NOMS_CP.acquis]));
    if (remuneration !== null) res.push(...enSuite(NOMS_CP.dixieme, dixiemeDe(remuneration, p.dixieme, pris, acquis), [NOMS_CP.acquis, NOMS_CP.remuneration]));
  }
  const [dixieme, maintien] = [centimesSaisis(lu(NOMS_CP.dixieme)), centimesSaisis(lu(NOMS_CP.maintien))];
  if (dixieme !== null && maintien !== null) {
    res.push({ nom: NOMS_CP.regle, valeur: REGLES[dixieme > maintien ? 'dixieme' : 'maintien'], depuis: [NOMS_CP.dixieme, NOMS_CP.maintien] });
    res.push(...enSuite(NOMS_CP.indemnite, Math.max(dixieme, maintien), [NOMS_CP.dixieme, NOMS_CP.maintien]));
  }
  return res;
}

/**
 * The corrigé's model: the days acquired counted from the period's situations (whole months of work,
 * the days of incomplete ones over 24, the sick months within their ceiling), rounded up, at most
 * the annual ceiling; the pay of the months worked, plus the part of the sick months' salaries; both
 * indemnities for the days taken, the more favourable one paid. The situations are matched by their
 * exact text, as the énoncé writes them. With the actual days of the month, the student counts them
 * on a calendar: that count is typed into the formula (`comptes` admits it).
 */
function formulesDuCorrige(e: EntreeConges, p: ParametresConges, ou: OuNom): Record<string, (string | null)[][]> {
  const z = ou('CP_Periode');
  if (!z || !e.mois.length) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'CP_Periode');
  const [situation, brut, jours] = (['situation', 'brut', 'jours'] as const).map((c) => colonneDe(z, colonnes, c).plage);
  const texte = (s: keyof typeof SITUATIONS) => `"${SITUATIONS[s]}"`;
  const maladie = p.maladie !== undefined;
  const travail = `CP_Jours_Par_Mois*(COUNTIF(${situation},${texte('travail')})-COUNT(${jours})+SUM(${jours})/24)`;
  const malades = maladie ? `+MIN(CP_Maladie_Jours_Par_Mois*COUNTIF(${situation},${texte('maladie')}),CP_Maladie_Plafond)` : '';
  const pris = `MIN(CP_Jours_Pris,${NOMS_CP.acquis})`;
  return {
    [NOMS_CP.acquis]: [[`MIN(ROUNDUP(${travail}${malades},0),CP_Plafond)`]],
    [NOMS_CP.solde]: [[`${NOMS_CP.acquis}-${pris}`]],
    [NOMS_CP.remuneration]: [[`SUMIF(${situation},${texte('travail')},${brut})${maladie ? `+ROUND(SUMIF(${situation},${texte('maladie')},${brut})*CP_Maladie_Part_Dixieme/100,2)` : ''}`]],
    [NOMS_CP.dixieme]: [[`ROUND(${NOMS_CP.remuneration}*CP_Taux_Dixieme/100*${pris}/${NOMS_CP.acquis},2)`]],
    [NOMS_CP.maintien]: [[`ROUND(CP_Salaire_Mensuel*${pris}/${e.conge.maintien === 'jours_reels' ? joursOuvrables(e.conge.mois) : 'CP_Diviseur_Maintien'},2)`]],
    [NOMS_CP.indemnite]: [[`MAX(${NOMS_CP.dixieme},${NOMS_CP.maintien})`]],
  };
}

export const EXERCICE_CONGES: SpecExercice<EntreeConges, ParametresConges> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 14, 14, 16, 14, 12, 12],
  blocs,
  structure: () => blocs({ entreprise: '', salarie: '', mois: [], conge: { mois: '2000-01', jours: 1, salaireMensuel: 0, maintien: 'fixe' } }),
  donnees,
  parametresParDefaut: (e, t) => parametresConges(`${e.conge.mois}-01`, t.conges),
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  attendus,
  enchainements,
  formulesDuCorrige,
  // the jours ouvrables of the leave's month, counted on a calendar
  comptes: (e) => (e.conge.maintien === 'jours_reels' ? [joursOuvrables(e.conge.mois)] : []),
  variantes,
  justification,
  verifier,
  largeursJustification: [16, 14, 100],
};
