import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Style, type Valeur } from '../../sheets/model';
import { bandeau, calcul, entete, etiquette, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { moisEnLettres, deMois, ecartMois } from '../../domain/dates';
import { calculerTresorerie, LIBELLE_CHARGES_SOCIALES, LIBELLE_TVA_A_DECAISSER, type LigneBudget, type ResultatTresorerie } from './budget';
import type { EntreeTresorerie } from './entree';
import { FORMAT_EUROS, type Bloc, type Colonne, type TexteCode } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  enSuite,
  libelleDe,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  montantTexte,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type SpecExercice,
  type ValeurAttendue,
  colonneDe,
  colonnesDuBloc,
  celluleDeZone,
  type OuNom,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/tresorerie.json';
import { versEuros } from '../../domain/monnaie';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'tresorerie');

/** « 40 % comptant ; 60 % à 30 jours » ⇄ [{ part: 40, delai: 0 }, { part: 60, delai: 30 }]. */
export const REGLEMENT: TexteCode = {
  ecrire: (v) => (v as { part: number; delai: number }[]).map((r) => `${String(r.part).replace('.', ',')} % ${r.delai === 0 ? 'comptant' : `à ${r.delai} jours`}`).join(' ; '),
  lire: (s) => {
    const parts = s.split(';').map((x) => /^\s*(\d+(?:[.,]\d+)?)\s*%\s*(?:(comptant)|à\s*(\d+)\s*jours)\s*$/i.exec(x));
    if (!parts.length || parts.some((m) => !m)) return undefined;
    return parts.map((m) => ({ part: Number(m![1]!.replace(',', '.')), delai: m![2] ? 0 : Number(m![3]) }));
  },
  attendu: 'conditions de règlement attendues, par exemple « 40 % comptant ; 60 % à 30 jours »',
  nombres: (v) => (v as { part: number }[]).map((r) => r.part),
};

const facturees = (nom: string, titreBloc: string, lignes: Record<string, unknown>[]): Bloc => ({
  nom,
  titre: titreBloc,
  colonnes: [
    { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
    { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 1 },
    { cle: 'ht', entete: 'Montant HT', type: 'euros', largeur: 1 },
    { cle: 'taux', entete: 'Taux de TVA', type: 'taux', largeur: 1 },
    { cle: 'reglement', entete: 'Conditions de règlement', type: REGLEMENT, largeur: 2 },
  ],
  lignes,
});
const montants = (nom: string, titreBloc: string, lignes: Record<string, unknown>[]): Bloc => ({
  nom,
  titre: titreBloc,
  colonnes: [
    { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
    { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 2 },
    { cle: 'montant', entete: 'Montant', type: 'euros', largeur: 1 },
  ] as Colonne[],
  lignes,
});

function blocs(e: EntreeTresorerie): Bloc[] {
  const ht = <T extends { ht: number }>(l: T) => ({ ...l, ht: versEuros(l.ht) });
  const mt = <T extends { montant: number }>(l: T) => ({ ...l, montant: versEuros(l.montant) });
  return [
    {
      nom: 'TRE_Situation',
      titre: 'Situation de départ',
      champs: [
        { nom: 'TRE_Debut', cle: 'debut', libelle: 'Premier mois du budget', type: 'mois', valeur: e.debut },
        { nom: 'TRE_Nombre_Mois', cle: 'mois', libelle: 'Nombre de mois', type: 'entier', valeur: e.mois },
        { nom: 'TRE_Tresorerie_Initiale', cle: 'tresorerieInitiale', libelle: 'Trésorerie au début du premier mois', type: 'euros', valeur: versEuros(e.tresorerieInitiale) },
        { nom: 'TRE_TVA_Initiale', cle: 'tvaADecaisser', libelle: 'TVA à décaisser du mois précédent (payée le premier mois)', type: 'euros', valeur: versEuros(e.soldeInitial.tvaADecaisser) },
        { nom: 'TRE_Credit_TVA_Initial', cle: 'creditTva', libelle: 'Crédit de TVA reporté au premier mois', type: 'euros', valeur: versEuros(e.soldeInitial.creditTva) },
      ],
    },
    montants('TRE_Creances', 'Créances clients du bilan (mois d\u2019encaissement)', e.soldeInitial.creances.map(mt)),
    montants('TRE_Dettes', 'Dettes du bilan (mois de paiement)', e.soldeInitial.dettes.map(mt)),
    facturees('TRE_Ventes', 'Ventes prévues', e.ventes.map(ht)),
    facturees('TRE_Achats', 'Achats prévus', e.achats.map(ht)),
    facturees('TRE_Charges', 'Autres charges facturées avec TVA', e.autresDecaissements.map(ht)),
    {
      nom: 'TRE_Investissements',
      titre: 'Investissements (payés comptant)',
      colonnes: [
        { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
        { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 2 },
        { cle: 'ht', entete: 'Montant HT', type: 'euros', largeur: 1 },
        { cle: 'taux', entete: 'Taux de TVA', type: 'taux', largeur: 1 },
      ],
      lignes: e.investissements.map(ht),
    },
    {
      nom: 'TRE_Salaires',
      titre: 'Salaires (nets payés dans le mois, cotisations sociales payées le mois suivant)',
      colonnes: [
        { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
        { cle: 'net', entete: 'Salaires nets', type: 'euros', largeur: 1 },
        { cle: 'charges', entete: 'Cotisations sociales', type: 'euros', largeur: 1 },
      ],
      lignes: e.salaires.map((s) => ({ ...s, net: versEuros(s.net), charges: versEuros(s.charges) })),
    },
    montants('TRE_Emprunts', 'Remboursements d\u2019emprunt', e.emprunts.map(mt)),
    montants('TRE_Autres_Encaissements', 'Autres encaissements (sans TVA)', e.autresEncaissements.map(mt)),
  ];
}

function donnees(l: LectureBlocs): unknown {
  const s = (l.get('TRE_Situation') ?? {}) as Record<string, unknown>;
  const t = (n: string) => (l.get(n) ?? []) as Record<string, unknown>[];
  return {
    debut: s.debut,
    mois: s.mois,
    tresorerieInitiale: s.tresorerieInitiale,
    ventes: t('TRE_Ventes'),
    achats: t('TRE_Achats'),
    autresDecaissements: t('TRE_Charges'),
    investissements: t('TRE_Investissements'),
    salaires: t('TRE_Salaires'),
    emprunts: t('TRE_Emprunts'),
    autresEncaissements: t('TRE_Autres_Encaissements'),
    soldeInitial: { creances: t('TRE_Creances'), dettes: t('TRE_Dettes'), tvaADecaisser: s.tvaADecaisser ?? 0, creditTva: s.creditTva ?? 0 },
  };
}

export const NOMS_TRE = {
  tva: [
    ['TRE_TVA_Collectee', 'TVA collectée', 'collectee'],
    ['TRE_TVA_Deductible_BS', 'TVA déductible sur biens et services', 'deductibleBiensServices'],
    ['TRE_TVA_Deductible_Immo', 'TVA déductible sur immobilisations', 'deductibleImmobilisations'],
    ['TRE_TVA_Credit_Anterieur', 'Crédit de TVA du mois précédent', 'creditAnterieur'],
    ['TRE_TVA_A_Decaisser', 'TVA à décaisser', 'aDecaisser'],
    ['TRE_TVA_Credit_A_Reporter', 'Crédit de TVA à reporter', 'creditAReporter'],
  ] as const,
  encaissements: 'TRE_Encaissements',
  encaissementsTotal: 'TRE_Encaissements_Total',
  decaissements: 'TRE_Decaissements',
  decaissementsTotal: 'TRE_Decaissements_Total',
  debut: 'TRE_Tresorerie_Debut',
  fin: 'TRE_Tresorerie_Fin',
  minimale: 'TRE_Tresorerie_Minimale',
  moisDecouvert: 'TRE_Mois_Decouvert',
  financement: 'TRE_Financement',
} as const;

/** The answers of budget `r`, its tables' rows in the order of the sheet's rows (`lignes`, by label; a missing one is all zeros). */
function attendusDe(r: ResultatTresorerie, lignes: ResultatTresorerie): Attendus {
  const ligne = (v: number[]): ValeurAttendue[] => v.map(versEuros);
  const aligner = (t: LigneBudget[], modele: LigneBudget[]) => modele.map((m) => ligne(t.find((l) => l.libelle === m.libelle)?.montants ?? m.montants.map(() => 0)));
  const a: Attendus = {};
  for (const [nom, , cle] of NOMS_TRE.tva) a[nom] = ligne(r.tva[cle]);
  a[NOMS_TRE.encaissements] = aligner(r.encaissements.lignes, lignes.encaissements.lignes);
  a[NOMS_TRE.encaissementsTotal] = ligne(r.encaissements.total);
  a[NOMS_TRE.decaissements] = aligner(r.decaissements.lignes, lignes.decaissements.lignes);
  a[NOMS_TRE.decaissementsTotal] = ligne(r.decaissements.total);
  a[NOMS_TRE.debut] = ligne(r.tresorerie.debut);
  a[NOMS_TRE.fin] = ligne(r.tresorerie.fin);
  // the appraisal: the lowest month, the months in overdraft, whether a financing is needed
  a[NOMS_TRE.minimale] = versEuros(Math.min(...r.tresorerie.fin));
  a[NOMS_TRE.moisDecouvert] = r.tresorerie.fin.filter((x) => x < 0).length;
  a[NOMS_TRE.financement] = r.tresorerie.fin.some((x) => x < 0) ? 'Oui' : 'Non';
  return a;
}

function attendus(e: EntreeTresorerie): Attendus {
  const r = calculerTresorerie(e);
  return attendusDe(r, r);
}

/** The answers of a mistaken reading `x` of case `e`, laid out on the rows of `e`'s sheet. */
const variante = (e: EntreeTresorerie, x: EntreeTresorerie) => attendusDe(calculerTresorerie(x), calculerTresorerie(e));

function feuilleTravail(e: EntreeTresorerie, _p: null, remplie?: Attendus): FeuilleConstruite {
  const gab = GABARIT;
  const r = calculerTresorerie(e);
  const n = r.mois.length;
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [40, ...r.mois.map(() => 14)]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant = { ...saisie, alignement: 'droite' as const, format: FORMAT_EUROS, ...fond };
  const formule = { ...calcul, alignement: 'droite' as const, format: FORMAT_EUROS };
  const derniere = lettreColonne(n);
  const rempli = (nom: string, i: number, k?: number): Valeur => {
    const v = remplie?.[nom];
    if (v === undefined) return null;
    return (k === undefined ? (v as ValeurAttendue[])[i] : (v as ValeurAttendue[][])[k]?.[i]) ?? null;
  };
  const entetesMois = () => f.ligne([{ valeur: '', style: entete }, ...r.mois.map((m) => ({ valeur: moisEnLettres(m), style: entete }))]);

  f.ligne([{ valeur: remplie ? `Corrigé — ${gab.titre}` : gab.titre, style: titre, colonnes: n + 1 }]);
  f.ligne([
    {
      valeur: `De ${moisEnLettres(r.mois[0]!)} à ${moisEnLettres(r.mois[n - 1]!)}. ${consigneSaisie(remplie)} ; les totaux et la trésorerie se calculent d\u2019eux-mêmes.`,
      style: sousTitre,
      colonnes: n + 1,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: '1. Budget de TVA', style: bandeau, colonnes: n + 1 }]);
  entetesMois();
  for (const [nom, libelle] of NOMS_TRE.tva) {
    const l = f.ligne([{ valeur: libelle, style: etiquette }, ...r.mois.map((_, i) => ({ valeur: rempli(nom, i), style: montant }))]);
    noms.push({ nom, feuille, plage: `B${l}:${derniere}${l}` });
  }
  const tableau = (numero: string, intitule: string, lignes: { libelle: string }[], nom: string, nomTotal: string) => {
    f.vide();
    f.ligne([{ valeur: `${numero}. ${intitule}`, style: bandeau, colonnes: n + 1 }]);
    entetesMois();
    const premiere = f.nombreDeLignes + 1;
    lignes.forEach((l, k) => f.ligne([{ valeur: l.libelle, style: valeur }, ...r.mois.map((_, i) => ({ valeur: rempli(nom, i, k), style: montant }))]));
    const der = premiere + lignes.length - 1;
    noms.push({ nom, feuille, plage: `B${premiere}:${derniere}${der}` });
    const t = f.ligne([
      { valeur: `Total des ${intitule.replace('Budget des ', '')}`, style: etiquette },
      ...r.mois.map((_, i) => ({ valeur: { formule: `SUM(${lettreColonne(i + 1)}${premiere}:${lettreColonne(i + 1)}${der})` }, style: formule })),
    ]);
    noms.push({ nom: nomTotal, feuille, plage: `B${t}:${derniere}${t}` });
    return t;
  };
  const tEnc = tableau('2', 'Budget des encaissements', r.encaissements.lignes, NOMS_TRE.encaissements, NOMS_TRE.encaissementsTotal);
  const tDec = tableau('3', 'Budget des décaissements', r.decaissements.lignes, NOMS_TRE.decaissements, NOMS_TRE.decaissementsTotal);
  f.vide();
  f.ligne([{ valeur: '4. Budget de trésorerie', style: bandeau, colonnes: n + 1 }]);
  entetesMois();
  const lDebut = f.nombreDeLignes + 1;
  const lFin = lDebut + 3;
  const col = (i: number) => lettreColonne(i + 1);
  f.ligne([
    { valeur: 'Trésorerie en début de mois', style: etiquette },
    ...r.mois.map((_, i) => ({ valeur: { formule: i === 0 ? 'TRE_Tresorerie_Initiale' : `${col(i - 1)}${lFin}` }, style: formule })),
  ]);
  f.ligne([{ valeur: '+ Encaissements', style: valeur }, ...r.mois.map((_, i) => ({ valeur: { formule: `${col(i)}${tEnc}` }, style: formule }))]);
  f.ligne([{ valeur: '− Décaissements', style: valeur }, ...r.mois.map((_, i) => ({ valeur: { formule: `${col(i)}${tDec}` }, style: formule }))]);
  f.ligne([
    { valeur: 'Trésorerie en fin de mois', style: etiquette },
    ...r.mois.map((_, i) => ({ valeur: { formule: `${col(i)}${lDebut}+${col(i)}${lDebut + 1}-${col(i)}${lDebut + 2}` }, style: formule })),
  ]);
  noms.push({ nom: NOMS_TRE.debut, feuille, plage: `B${lDebut}:${derniere}${lDebut}` }, { nom: NOMS_TRE.fin, feuille, plage: `B${lFin}:${derniere}${lFin}` });
  f.vide();
  f.ligne([{ valeur: '5. Appréciation de la situation de trésorerie', style: bandeau, colonnes: n + 1 }]);
  const appreciation = (nom: string, style: Style) => {
    const l = f.ligne([
      { valeur: libelleDe(gab, nom), style: etiquette },
      { valeur: (remplie?.[nom] as ValeurAttendue | undefined) ?? null, style },
    ]);
    noms.push({ nom, feuille, plage: `B${l}` });
    return l;
  };
  appreciation(NOMS_TRE.minimale, { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond });
  appreciation(NOMS_TRE.moisDecouvert, { ...saisieCentree, format: '0', ...fond });
  const lFinancement = appreciation(NOMS_TRE.financement, { ...saisieCentree, ...fond });
  const fi = f.feuille({ orientation: 'paysage', ajusterLargeur: true });
  return {
    feuille: {
      ...fi,
      protegee: true,
      misesEnForme: [{ plage: `B${lFin}:${derniere}${lFin}`, formule: `B${lFin}<0`, fond: 'F8CBAD', couleur: '9C0006' }],
      validations: [validationOuiNon(`B${lFinancement}`)],
    },
    noms,
  };
}

function feuilleParametres(): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [50, 14]);
  f.ligne([{ valeur: 'Règles du budget de trésorerie', style: titre, colonnes: 2 }]);
  f.ligne([{ valeur: 'Règles appliquées par le corrigé (méthode du budget de trésorerie).', style: sousTitre, colonnes: 2 }]);
  for (const [regle, v] of [
    ['Montants des budgets d\u2019encaissements et de décaissements', 'TTC'],
    ['TVA due au titre du mois M', 'payée en M+1'],
    ['Cotisations sociales du mois M', 'payées en M+1'],
    ['Délai de 30, 60 ou 90 jours', '1, 2 ou 3 mois'],
    ['Arrondi des règlements partiels', 'au centime, reste sur la dernière part'],
  ] as [string, string][])
    f.ligne([
      { valeur: regle, style: etiquette },
      { valeur: v, style: valeur },
    ]);
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms: [] };
}

function justification(e: EntreeTresorerie): string[][] {
  const r = calculerTresorerie(e);
  return [
    ['Élément', 'Montant', 'Commentaire'],
    ...r.moisDeficitaires.map((m) => ['Découvert', montantTexte(r.tresorerie.fin[r.mois.indexOf(m)]!), `trésorerie négative en fin ${deMois(moisEnLettres(m))}`]),
    ['Créances clients en fin de période', montantTexte(r.finDePeriode.creancesClients), 'encaissées après le dernier mois'],
    ['Dettes fournisseurs en fin de période', montantTexte(r.finDePeriode.dettesFournisseurs), 'payées après le dernier mois'],
    ['TVA à décaisser en fin de période', montantTexte(r.finDePeriode.tvaADecaisser), 'payée le mois suivant'],
    ['Cotisations sociales en fin de période', montantTexte(r.finDePeriode.chargesSociales), 'payées le mois suivant'],
  ];
}

type Facturees = EntreeTresorerie['ventes'];
const touteFacture = (e: EntreeTresorerie, f: (x: Facturees[number]) => Facturees[number]): EntreeTresorerie => ({
  ...e,
  ventes: e.ventes.map(f),
  achats: e.achats.map(f),
  autresDecaissements: e.autresDecaissements.map(f),
});

/** The budget's answers with one row of the décaissements as the student paid it; null when the row is not in the budget. */
function ligneRemplacee(r: ResultatTresorerie, libelle: string, montants: number[]): Attendus | null {
  const a = attendusDe(r, r);
  const k = r.decaissements.lignes.findIndex((l) => l.libelle === libelle);
  if (k < 0) return null;
  (a[NOMS_TRE.decaissements] as ValeurAttendue[][])[k] = montants.map(versEuros);
  return a;
}

const variantes: SpecExercice<EntreeTresorerie, null>['variantes'] = {
  hors_taxes: (e) => variante(e, { ...touteFacture(e, (x) => ({ ...x, taux: 0 })), investissements: e.investissements.map((x) => ({ ...x, taux: 0 })) }),
  delais: (e) =>
    variante(
      e,
      touteFacture(e, (x) => ({ ...x, reglement: x.reglement.map((r) => ({ ...r, delai: 0 as const })) })),
    ),
  // the month's cotisations paid with the net, in the salary's month
  charges_sociales: (e) => {
    const r = calculerTresorerie(e);
    return ligneRemplacee(
      r,
      LIBELLE_CHARGES_SOCIALES,
      r.mois.map((m) => e.salaires.filter((s) => s.mois === m).reduce((t, s) => t + s.charges, 0)),
    );
  },
  // each month's TVA à décaisser paid in that month
  tva_decalage: (e) => {
    const r = calculerTresorerie(e);
    return ligneRemplacee(r, LIBELLE_TVA_A_DECAISSER, r.tva.aDecaisser);
  },
};

/**
 * Knock-on errors of the budget de TVA: each month's crédit antérieur is the student's crédit à
 * reporter of the month before; TVA à décaisser and crédit à reporter follow from the student's
 * four lines of the month; the TVA à décaisser is paid the month after, in the décaissements.
 */
function enchainements(lu: Lu, e: EntreeTresorerie, _p: null, a: Attendus): Enchainement[] {
  const noms = NOMS_TRE.tva.map(([nom]) => nom);
  const [col, bs, immo, anterieur, aDecaisser, report] = noms.map((nom) => {
    const v = lu(nom);
    return (i: number) => (Array.isArray(v) ? centimesSaisis(v[i]) : null);
  }) as ((i: number) => number | null)[];
  const solde = (i: number) => {
    const v = [col!(i), bs!(i), immo!(i), anterieur!(i)];
    return v.every((x) => x !== null) ? v[0]! - v[1]! - v[2]! - v[3]! : null;
  };
  const suite = (nom: string, f: (i: number) => number | null, depuis: string[]): Enchainement => ({
    nom,
    valeur: (a[nom] as ValeurAttendue[]).map((juste, i) => {
      const c = f(i);
      return c === null ? juste : versEuros(c);
    }),
    depuis,
  });
  const s = (signe: number) => (i: number) => {
    const x = solde(i);
    return x === null ? null : Math.max(0, signe * x);
  };
  const res = [suite(noms[3]!, (i) => (i ? report!(i - 1) : null), [noms[5]!]), suite(noms[4]!, s(1), noms.slice(0, 4)), suite(noms[5]!, s(-1), noms.slice(0, 4))];
  const budget = calculerTresorerie(e);
  const k = budget.decaissements.lignes.findIndex((l) => l.libelle === LIBELLE_TVA_A_DECAISSER);
  if (k >= 0) {
    const lignes = (a[NOMS_TRE.decaissements] as ValeurAttendue[][]).map((l) => [...l]);
    for (let i = 1; i < lignes[k]!.length; i++) {
      const c = aDecaisser!(i - 1);
      if (c !== null) lignes[k]![i] = versEuros(c);
    }
    res.push({ nom: NOMS_TRE.decaissements, valeur: lignes, depuis: [noms[4]!] });
  }
  // the appraisal from the month-end positions the sheet computes out of the student's own budgets
  const [enc, dec] = [lu(NOMS_TRE.encaissements), lu(NOMS_TRE.decaissements)];
  const n = a[NOMS_TRE.minimale] === undefined ? 0 : budget.mois.length; // none in a workbook made before the appraisal
  const parMois = (t: unknown, i: number) => (Array.isArray(t) ? t.reduce<number>((x, l) => x + (Array.isArray(l) ? (centimesSaisis(l[i]) ?? 0) : 0), 0) : null);
  if (n && Array.isArray(enc) && Array.isArray(dec)) {
    const fins: number[] = [];
    for (let i = 0, t = e.tresorerieInitiale; i < n; i++) fins.push((t += parMois(enc, i)! - parMois(dec, i)!));
    const budgets = [NOMS_TRE.encaissements, NOMS_TRE.decaissements];
    res.push(...enSuite(NOMS_TRE.minimale, Math.min(...fins), budgets));
    res.push({ nom: NOMS_TRE.moisDecouvert, valeur: fins.filter((x) => x < 0).length, depuis: budgets });
  }
  const decouvert = lu(NOMS_TRE.moisDecouvert);
  if (typeof decouvert === 'number' && Number.isInteger(decouvert) && decouvert >= 0) res.push({ nom: NOMS_TRE.financement, valeur: decouvert > 0 ? 'Oui' : 'Non', depuis: [NOMS_TRE.moisDecouvert] });
  return res;
}

/**
 * The corrigé's model, cell by cell of each month: the TVA of the month's invoices, each rounded to
 * the cent (collectée on the sales; déductible on the purchases and charges, and on the
 * investments); the credit carried from the month before; the TVA à décaisser and the credit to
 * carry. Each budget line adds, in the month it falls, what reaches it: an opening receivable or
 * debt, each part of an invoice's TTC (a part rounded to the cent, the last one the rest of the
 * TTC; 30, 60 or 90 days later is 1, 2 or 3 months later), an investment's TTC, the month's net
 * salaries, the cotisations of the month before, a loan's instalment, the TVA à décaisser of the
 * month before. The parts are typed into the formulas: the énoncé gives them in a text.
 */
function formulesDuCorrige(e: EntreeTresorerie, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const r = calculerTresorerie(e);
  const b = blocs(e);
  /** the cell of column `cle` of row k of the énoncé's table `nom` */
  const enonce = (nom: string, cle: string, k: number) => colonneDe(ou(nom)!, colonnesDuBloc(b, nom), cle).cellule(k);
  const mois = (m: string) => ecartMois(e.debut, m);
  const tva = (nom: string, k: number) => `ROUND(${enonce(nom, 'ht', k)}*${enonce(nom, 'taux', k)}/100,2)`;
  const ttc = (nom: string, k: number) => `(${enonce(nom, 'ht', k)}+${tva(nom, k)})`;
  const somme = (termes: string[]) => (termes.length ? termes.join('+') : null);
  /** the TVA of the invoices of tables `noms` dated in month i */
  const tvaDuMois = (noms: [string, { mois: string }[]][], i: number) => somme(noms.flatMap(([nom, l]) => l.flatMap((x, k) => (mois(x.mois) === i ? [tva(nom, k)] : []))));
  /** the cell of month i (its column) and row k of answer `nom` */
  const cellule = (nom: string, i: number, k = 0) => celluleDeZone(ou(nom)!, k, i);
  if (![...NOMS_TRE.tva.map(([x]) => x), NOMS_TRE.encaissements, NOMS_TRE.decaissements].every((x) => ou(x))) return {};
  const [collectee, bs, immo, anterieur, aDecaisser, aReporter] = NOMS_TRE.tva.map(([x]) => x);
  const res: Record<string, (string | null)[][]> = {};
  const parMois = (f: (i: number) => string | null) => [r.mois.map((_, i) => f(i))];
  res[collectee!] = parMois((i) => tvaDuMois([['TRE_Ventes', e.ventes]], i));
  res[bs!] = parMois((i) =>
    tvaDuMois(
      [
        ['TRE_Achats', e.achats],
        ['TRE_Charges', e.autresDecaissements],
      ],
      i,
    ),
  );
  res[immo!] = parMois((i) => tvaDuMois([['TRE_Investissements', e.investissements]], i));
  res[anterieur!] = parMois((i) => (i === 0 ? 'TRE_Credit_TVA_Initial' : cellule(aReporter!, i - 1)));
  const avant = (i: number) => [collectee, bs, immo, anterieur].map((x, j) => `${j ? '-' : ''}${cellule(x!, i)}`).join('');
  res[aDecaisser!] = parMois((i) => `MAX(0,${avant(i)})`);
  res[aReporter!] = parMois((i) => `MAX(0,-(${avant(i)}))`);
  // each budget line, month by month: the terms that reach it
  const budget = (lignes: LigneBudget[], termes: [string, number, string][]) =>
    lignes.map((l) => r.mois.map((_, i) => somme(termes.filter(([libelle, m]) => libelle === l.libelle && m === i).map(([, , t]) => t))));
  const factures = (nom: string, liste: EntreeTresorerie['ventes']): [string, number, string][] =>
    liste.flatMap((v, k) => {
      const parts = v.reglement.map((x) => `ROUND(${ttc(nom, k)}*${x.part}/100,2)`);
      return v.reglement.map((x, j): [string, number, string] => [v.libelle, mois(v.mois) + x.delai / 30, j < parts.length - 1 ? parts[j]! : [ttc(nom, k), ...parts.slice(0, -1)].join('-')]);
    });
  const montants = (nom: string, liste: { mois: string; libelle: string }[]): [string, number, string][] => liste.map((x, k) => [x.libelle, mois(x.mois), enonce(nom, 'montant', k)]);
  res[NOMS_TRE.encaissements] = budget(r.encaissements.lignes, [
    ...montants('TRE_Creances', e.soldeInitial.creances),
    ...factures('TRE_Ventes', e.ventes),
    ...montants('TRE_Autres_Encaissements', e.autresEncaissements),
  ]);
  res[NOMS_TRE.decaissements] = budget(r.decaissements.lignes, [
    ...montants('TRE_Dettes', e.soldeInitial.dettes),
    ...factures('TRE_Achats', e.achats),
    ...factures('TRE_Charges', e.autresDecaissements),
    ...e.investissements.map((x, k): [string, number, string] => [x.libelle, mois(x.mois), ttc('TRE_Investissements', k)]),
    ...e.salaires.flatMap((x, k): [string, number, string][] => [
      ['Salaires nets', mois(x.mois), enonce('TRE_Salaires', 'net', k)],
      [LIBELLE_CHARGES_SOCIALES, mois(x.mois) + 1, enonce('TRE_Salaires', 'charges', k)],
    ]),
    ...montants('TRE_Emprunts', e.emprunts),
    ...(e.soldeInitial.tvaADecaisser ? [[LIBELLE_TVA_A_DECAISSER, 0, 'TRE_TVA_Initiale'] as [string, number, string]] : []),
    ...r.mois.slice(1).map((_, i): [string, number, string] => [LIBELLE_TVA_A_DECAISSER, i + 1, cellule(aDecaisser!, i)]),
  ]);
  // the appraisal, from the month-end cash position the sheet computes; whether to finance is a reading
  res[NOMS_TRE.minimale] = [[`MIN(${NOMS_TRE.fin})`]];
  res[NOMS_TRE.moisDecouvert] = [[`COUNTIF(${NOMS_TRE.fin},"<0")`]];
  return res;
}

export const EXERCICE_TRESORERIE: SpecExercice<EntreeTresorerie, null> = {
  gabarit: GABARIT,
  largeursEnonce: [16, 34, 14, 12, 18, 18],
  blocs,
  structure: () =>
    blocs({
      debut: '2000-01',
      mois: 3,
      tresorerieInitiale: 0,
      ventes: [],
      achats: [],
      autresDecaissements: [],
      investissements: [],
      salaires: [],
      emprunts: [],
      autresEncaissements: [],
      soldeInitial: { creances: [], dettes: [], tvaADecaisser: 0, creditTva: 0 },
    }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  formulesDuCorrige,
  unites: (e) => {
    const r = calculerTresorerie(e);
    const mois = r.mois.map(moisEnLettres);
    return {
      ...Object.fromEntries(NOMS_TRE.tva.map(([nom]) => [nom, mois])),
      [NOMS_TRE.encaissements]: r.encaissements.lignes.map((l) => l.libelle),
      [NOMS_TRE.decaissements]: r.decaissements.lignes.map((l) => l.libelle),
    };
  },
  attendus,
  enchainements,
  variantes,
  justification,
};
