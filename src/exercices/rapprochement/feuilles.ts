import { ConstructeurFeuille, type Bloc as BlocLigne } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Valeur } from '../../sheets/model';
import { bandeau, calcul, entete, etiquette, note, saisie, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { dateFr } from '../../domain/dates';
import { calculerRapprochement, type ResultatRapprochement } from './calcul';
import type { EntreeRapprochement } from './entree';
import { FORMAT_DATE, FORMAT_EUROS, type Bloc, type Colonne } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  consigneSaisie,
  enSuite,
  FEUILLES,
  fondCorrige,
  montantTexte,
  sommeSaisie,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type SpecExercice,
  type ValeurAttendue,
  colonneDe,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/rapprochement.json';
import { versEuros } from '../../domain/monnaie';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'rapprochement');

/** The account a statement line is booked to, found from its words (« FRAIS » → 627), as a student would. */
export function compteDuLibelle(libelle: string): string | undefined {
  const l = libelle
    .toLocaleUpperCase('fr')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return GABARIT.comptes!.find((c) => c.mots.some((m) => l.includes(m)))?.compte;
}

const COLONNES_512: Colonne[] = [
  { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
  { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 2 },
  { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
  { cle: 'debit', entete: 'Débit', type: 'euros', largeur: 1 },
  { cle: 'credit', entete: 'Crédit', type: 'euros', largeur: 1 },
];
const COLONNES_RELEVE: Colonne[] = [...COLONNES_512, { cle: 'tva', entete: 'Dont TVA', type: 'euros', largeur: 1 }];

const euros = (c?: number) => (c === undefined ? undefined : versEuros(c));
const ligneEnEuros = (l: { debit?: number; credit?: number; tva?: number }) => ({ ...l, debit: euros(l.debit), credit: euros(l.credit), ...('tva' in l ? { tva: euros(l.tva) } : {}) });

function blocs(e: EntreeRapprochement): Bloc[] {
  return [
    {
      nom: 'RAP_Situation',
      titre: 'Situation',
      champs: [
        { nom: 'RAP_Date', cle: 'date', libelle: 'Date de l\u2019état de rapprochement', type: 'date', valeur: e.date },
        { nom: 'RAP_Banque', cle: 'banque', libelle: 'Banque', type: 'texte', valeur: e.banque },
        { nom: 'RAP_Solde512_Initial', cle: 'solde512', libelle: 'Solde du compte 512 en début de mois (débiteur : positif)', type: 'euros', valeur: euros(e.compte512.soldeInitial) },
        { nom: 'RAP_SoldeReleve_Initial', cle: 'soldeReleve', libelle: 'Solde du relevé en début de mois (créditeur : positif)', type: 'euros', valeur: euros(e.releve.soldeInitial) },
      ],
    },
    { nom: 'RAP_Suspens', titre: 'Opérations non pointées au rapprochement du mois précédent (compte 512)', colonnes: COLONNES_512, lignes: e.suspens.map(ligneEnEuros) },
    { nom: 'RAP_Compte512', titre: 'Compte 512 — Banque, tenu par l\u2019entreprise (extrait du grand livre)', colonnes: COLONNES_512, lignes: e.compte512.lignes.map(ligneEnEuros) },
    { nom: 'RAP_Releve', titre: `Relevé de compte envoyé par la banque (${e.banque})`, colonnes: COLONNES_RELEVE, lignes: e.releve.lignes.map(ligneEnEuros) },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const s = (l.get('RAP_Situation') ?? {}) as Record<string, unknown>;
  const t = (n: string) => (l.get(n) ?? []) as Record<string, unknown>[];
  return {
    date: s.date,
    banque: s.banque,
    compte512: { soldeInitial: s.solde512, lignes: t('RAP_Compte512') },
    releve: { soldeInitial: s.soldeReleve, lignes: t('RAP_Releve').map((x) => ({ ...x, ...(compteDuLibelle(String(x.libelle ?? '')) ? { compte: compteDuLibelle(String(x.libelle)) } : {}) })) },
    suspens: t('RAP_Suspens'),
  };
}

/** Rows the student fills: room to spare, so that the number of rows does not give the answer away. */
const lignesEtat = (r: ResultatRapprochement) => Math.max(8, r.entreprise.lignes.length + 3, r.banque.lignes.length + 3);
const lignesEcritures = (r: ResultatRapprochement) => Math.max(14, r.ecritures.reduce((a, x) => a + x.lignes.length, 0) + 4);

/** A teacher's case must name each statement line so that its account can be found from its words. */
function verifier(e: EntreeRapprochement): string[] {
  return e.releve.lignes.flatMap((l, i) => {
    if (!l.compte || compteDuLibelle(l.libelle) === l.compte) return [];
    const c = GABARIT.comptes!.find((x) => x.compte === l.compte);
    const mots = c?.mots.length ? `employez l\u2019un des mots ${c.mots.map((m) => `« ${m} »`).join(', ')}` : `ce compte n\u2019est pas prévu pour une ligne du relevé`;
    return [`champ « releve.lignes[${i + 1}].libelle » : « ${l.libelle} » ne permet pas de retrouver le compte ${l.compte} ; ${mots}`];
  });
}

export const NOMS_RAP = {
  solde512: 'RAP_Solde_512',
  soldeReleve: 'RAP_Solde_Releve',
  lignes512: 'RAP_Lignes_512',
  lignesReleve: 'RAP_Lignes_Releve',
  rapproche512: 'RAP_Rapproche_512',
  rapprocheReleve: 'RAP_Rapproche_Releve',
  ecritures: 'RAP_Ecritures',
} as const;

function attendus(e: EntreeRapprochement): Attendus {
  const r: ResultatRapprochement = calculerRapprochement(e);
  const mt = (c: number): ValeurAttendue => (c ? versEuros(c) : null);
  return {
    [NOMS_RAP.solde512]: versEuros(r.entreprise.soldeAvant),
    [NOMS_RAP.soldeReleve]: versEuros(r.banque.soldeAvant),
    [NOMS_RAP.lignes512]: r.entreprise.lignes.map((l) => [l.libelle, mt(l.debit), mt(l.credit)]),
    [NOMS_RAP.lignesReleve]: r.banque.lignes.map((l) => [l.libelle, mt(l.debit), mt(l.credit)]),
    [NOMS_RAP.rapproche512]: versEuros(r.entreprise.soldeRapproche),
    [NOMS_RAP.rapprocheReleve]: versEuros(r.banque.soldeRapproche),
    [NOMS_RAP.ecritures]: r.ecritures.flatMap((x) => x.lignes.map((l) => [x.date, l.compte, `${l.intitule} — ${x.libelle}`, mt(l.debit), mt(l.credit)])),
  };
}

function feuilleTravail(e: EntreeRapprochement, _p: null, remplie?: Attendus): FeuilleConstruite {
  const gab = GABARIT;
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [11, 9, 30, 13, 13, 2, 30, 13, 13]);
  const noms: NomDefini[] = [];
  const r = calculerRapprochement(e);
  const LIGNES_ETAT = lignesEtat(r);
  const LIGNES_ECRITURES = lignesEcritures(r);
  const fond = fondCorrige(remplie);
  const montant = { ...saisie, alignement: 'droite' as const, format: FORMAT_EUROS, ...fond };
  const texteSaisi = { ...saisie, ...fond };
  const val = (nom: string, i?: number, j?: number): Valeur => {
    const v = remplie?.[nom];
    if (v === undefined) return null;
    if (i === undefined) return v as Valeur;
    const ligne = (v as ValeurAttendue[][])[i];
    return ligne ? ((ligne[j!] ?? null) as Valeur) : null;
  };

  f.ligne([{ valeur: remplie ? `Corrigé — ${gab.titre}` : gab.titre, style: titre, colonnes: 9 }]);
  f.ligne([{ valeur: `État de rapprochement au ${dateFr(e.date)}. ${consigneSaisie(remplie)} ; montants en euros.`, style: sousTitre, colonnes: 9 }]);
  f.vide();
  f.ligne([{ valeur: '1. État de rapprochement', style: bandeau, colonnes: 9 }]);
  f.ligne([
    { valeur: 'Compte 512 — Banque (entreprise)', style: entete, colonnes: 5 },
    { valeur: '', style: {} },
    { valeur: 'Relevé de la banque', style: entete, colonnes: 3 },
  ]);
  f.ligne([
    { valeur: 'Libellé', style: entete, colonnes: 3 },
    { valeur: 'Débit', style: entete },
    { valeur: 'Crédit', style: entete },
    { valeur: '', style: {} },
    { valeur: 'Libellé', style: entete },
    { valeur: 'Débit', style: entete },
    { valeur: 'Crédit', style: entete },
  ]);
  let n = f.ligne([
    { valeur: `Solde au ${dateFr(e.date)} (débiteur : positif)`, style: etiquette, colonnes: 3 },
    { valeur: val(NOMS_RAP.solde512), style: montant, colonnes: 2 },
    { valeur: '', style: {} },
    { valeur: `Solde au ${dateFr(e.date)} (créditeur : positif)`, style: etiquette },
    { valeur: val(NOMS_RAP.soldeReleve), style: montant, colonnes: 2 },
  ]);
  noms.push({ nom: NOMS_RAP.solde512, feuille, plage: `D${n}` }, { nom: NOMS_RAP.soldeReleve, feuille, plage: `H${n}` });
  const premiere = f.nombreDeLignes + 1;
  for (let i = 0; i < LIGNES_ETAT; i++) {
    const blocs: BlocLigne[] = [
      { valeur: val(NOMS_RAP.lignes512, i, 0), style: texteSaisi, colonnes: 3 },
      { valeur: val(NOMS_RAP.lignes512, i, 1), style: montant },
      { valeur: val(NOMS_RAP.lignes512, i, 2), style: montant },
      { valeur: '', style: {} },
      { valeur: val(NOMS_RAP.lignesReleve, i, 0), style: texteSaisi },
      { valeur: val(NOMS_RAP.lignesReleve, i, 1), style: montant },
      { valeur: val(NOMS_RAP.lignesReleve, i, 2), style: montant },
    ];
    f.ligne(blocs);
  }
  const derniere = premiere + LIGNES_ETAT - 1;
  noms.push({ nom: NOMS_RAP.lignes512, feuille, plage: `A${premiere}:E${derniere}` }, { nom: NOMS_RAP.lignesReleve, feuille, plage: `G${premiere}:I${derniere}` });
  n = f.ligne([
    { valeur: 'Solde rapproché', style: etiquette, colonnes: 3 },
    { valeur: val(NOMS_RAP.rapproche512), style: montant, colonnes: 2 },
    { valeur: '', style: {} },
    { valeur: 'Solde rapproché', style: etiquette },
    { valeur: val(NOMS_RAP.rapprocheReleve), style: montant, colonnes: 2 },
  ]);
  noms.push({ nom: NOMS_RAP.rapproche512, feuille, plage: `D${n}` }, { nom: NOMS_RAP.rapprocheReleve, feuille, plage: `H${n}` });
  f.ligne([
    {
      valeur: {
        formule: `IF(COUNT(${NOMS_RAP.rapproche512},${NOMS_RAP.rapprocheReleve})<2,"",IF(ROUND(${NOMS_RAP.rapproche512}-${NOMS_RAP.rapprocheReleve},2)=0,"Les deux soldes rapprochés sont égaux.","Les soldes rapprochés diffèrent : reprenez le pointage."))`,
      },
      style: { ...texte, italique: true },
      colonnes: 9,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: '2. Écritures de régularisation (journal de banque)', style: bandeau, colonnes: 9 }]);
  f.ligne([
    { valeur: 'Date', style: entete },
    { valeur: 'Compte', style: entete },
    { valeur: 'Libellé', style: entete, colonnes: 5 },
    { valeur: 'Débit', style: entete },
    { valeur: 'Crédit', style: entete },
  ]);
  const e1 = f.nombreDeLignes + 1;
  for (let i = 0; i < LIGNES_ECRITURES; i++)
    f.ligne([
      { valeur: val(NOMS_RAP.ecritures, i, 0) === null ? null : { date: String(val(NOMS_RAP.ecritures, i, 0)) }, style: { ...saisie, ...fond, alignement: 'centre', format: FORMAT_DATE } },
      { valeur: val(NOMS_RAP.ecritures, i, 1), style: { ...texteSaisi, alignement: 'centre' } },
      { valeur: val(NOMS_RAP.ecritures, i, 2), style: texteSaisi, colonnes: 5 },
      { valeur: val(NOMS_RAP.ecritures, i, 3), style: montant },
      { valeur: val(NOMS_RAP.ecritures, i, 4), style: montant },
    ]);
  noms.push({ nom: NOMS_RAP.ecritures, feuille, plage: `A${e1}:I${e1 + LIGNES_ECRITURES - 1}` });
  return {
    feuille: { ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }), protegee: true },
    noms,
  };
}

function feuilleParametres(): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [12, 50]);
  f.ligne([{ valeur: 'Extrait du plan de comptes', style: titre, colonnes: 2 }]);
  f.ligne([{ valeur: 'Comptes à utiliser pour les écritures de régularisation.', style: sousTitre, colonnes: 2 }]);
  f.ligne([
    { valeur: 'Compte', style: entete },
    { valeur: 'Intitulé', style: entete },
  ]);
  const premiere = f.nombreDeLignes + 1;
  const comptes = [...GABARIT.comptes!].sort((a, b) => a.compte.localeCompare(b.compte));
  for (const c of comptes)
    f.ligne([
      { valeur: c.compte, style: { ...calcul } },
      { valeur: c.intitule, style: valeur },
    ]);
  f.vide();
  f.ligne([{ valeur: 'Source des intitulés : plan comptable général (règlement ANC n° 2014-03).', style: note, colonnes: 2 }]);
  return {
    feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true },
    noms: [{ nom: 'RAP_Plan_Comptes', feuille: FEUILLES.parametres, plage: `A${premiere}:B${premiere + comptes.length - 1}` }],
  };
}

function justification(e: EntreeRapprochement): string[][] {
  const r = calculerRapprochement(e);
  const d = (l: { origine: string; index: number; libelle: string }) => `${l.origine === 'releve' ? 'relevé' : l.origine === 'suspens' ? 'suspens' : '512'} n° ${l.index} ${l.libelle}`;
  return [
    ['Étape', 'Montant', 'Détail'],
    ...r.pointages.map((p) => [
      'Pointé',
      montantTexte(p.livre.debit || p.livre.credit),
      `${d(p.livre)} ↔ ${d(p.releve)}${p.mode === 'montant' ? '' : ` (par ${p.mode === 'reference' ? 'la référence' : 'la date'})`}`,
    ]),
    ...r.erreursBanque.map((x) => ['Erreur de banque', montantTexte(x.ecart), `${d(x.livre)} ↔ ${d(x.releve)}`]),
    ...r.ambiguites.map((a) => ['Remarque', '', a]),
  ];
}

type Rangee = ValeurAttendue[];
/** [libellé, débit, crédit] → [libellé, crédit, débit]; an entry row [date, compte, libellé, débit, crédit] likewise. */
const inverser = (l: Rangee): Rangee => [...l.slice(0, -2), l[l.length - 1]!, l[l.length - 2]!];
const rangees = (a: Attendus, nom: string) => a[nom] as Rangee[];

const variantes: SpecExercice<EntreeRapprochement, null>['variantes'] = {
  // a book line copied into the 512 column as the book shows it, a statement line into the bank column as the statement shows it
  colonne: (e) => {
    const a = attendus(e);
    return { [NOMS_RAP.lignes512]: rangees(a, NOMS_RAP.lignesReleve).map(inverser), [NOMS_RAP.lignesReleve]: rangees(a, NOMS_RAP.lignes512).map(inverser) };
  },
  sens: (e) => {
    const a = attendus(e);
    return { [NOMS_RAP.lignes512]: rangees(a, NOMS_RAP.lignes512).map(inverser), [NOMS_RAP.lignesReleve]: rangees(a, NOMS_RAP.lignesReleve).map(inverser) };
  },
  // bank charges booked TTC to the expense account, no 44566
  tva_frais: (e) =>
    e.releve.lignes.some((l) => l.tva)
      ? { [NOMS_RAP.ecritures]: rangees(attendus({ ...e, releve: { ...e.releve, lignes: e.releve.lignes.map(({ tva: _t, ...l }) => l) } }), NOMS_RAP.ecritures) }
      : null,
  ecriture_sens: (e) => ({ [NOMS_RAP.ecritures]: rangees(attendus(e), NOMS_RAP.ecritures).map(inverser) }),
};

/** Knock-on errors: each reconciled balance from the student's own balance before and lines of its column. */
function enchainements(lu: Lu): Enchainement[] {
  const colonne = (solde: string, lignes: string, plus: number, moins: number) => {
    const avant = centimesSaisis(lu(solde));
    const [p, m] = [sommeSaisie(lu, lignes, plus), sommeSaisie(lu, lignes, moins)];
    return avant === null || p === null || m === null ? null : avant + p - m;
  };
  // in the 512 column a debit adds to the balance; on the statement, a credit
  return [
    ...enSuite(NOMS_RAP.rapproche512, colonne(NOMS_RAP.solde512, NOMS_RAP.lignes512, 1, 2), [NOMS_RAP.solde512, NOMS_RAP.lignes512]),
    ...enSuite(NOMS_RAP.rapprocheReleve, colonne(NOMS_RAP.soldeReleve, NOMS_RAP.lignesReleve, 2, 1), [NOMS_RAP.soldeReleve, NOMS_RAP.lignesReleve]),
  ];
}

/**
 * The corrigé's model: each balance before the rapprochement from the month's opening balance and
 * the month's lines (in the 512, a debit adds; on the statement, a credit adds), each rapproché
 * balance from the student's balance and lines of its column. The lines and entries are copied
 * from the documents: they stay typed.
 */
function formulesDuCorrige(_e: EntreeRapprochement, _p: null, ou: Parameters<NonNullable<SpecExercice<EntreeRapprochement, null>['formulesDuCorrige']>>[2]): Record<string, (string | null)[][]> {
  const [compte, releve, lignes512, lignesReleve] = ['RAP_Compte512', 'RAP_Releve', NOMS_RAP.lignes512, NOMS_RAP.lignesReleve].map(ou);
  if (!compte || !releve || !lignes512 || !lignesReleve) return {};
  const colonne = (z: NonNullable<typeof compte>, cle: 'debit' | 'credit') => colonneDe(z, COLONNES_512, cle).plage;
  // the état's columns: the label, then Débit and Crédit, its last two
  const etat = (z: NonNullable<typeof compte>, j: 0 | 1) => `${lettreColonne(z.droite - 2 + j)}${z.haut}:${lettreColonne(z.droite - 2 + j)}${z.bas}`;
  return {
    [NOMS_RAP.solde512]: [[`RAP_Solde512_Initial+SUM(${colonne(compte, 'debit')})-SUM(${colonne(compte, 'credit')})`]],
    [NOMS_RAP.soldeReleve]: [[`RAP_SoldeReleve_Initial+SUM(${colonne(releve, 'credit')})-SUM(${colonne(releve, 'debit')})`]],
    [NOMS_RAP.rapproche512]: [[`${NOMS_RAP.solde512}+SUM(${etat(lignes512, 0)})-SUM(${etat(lignes512, 1)})`]],
    [NOMS_RAP.rapprocheReleve]: [[`${NOMS_RAP.soldeReleve}+SUM(${etat(lignesReleve, 1)})-SUM(${etat(lignesReleve, 0)})`]],
  };
}

export const EXERCICE_RAPPROCHEMENT: SpecExercice<EntreeRapprochement, null> = {
  gabarit: GABARIT,
  largeursEnonce: [11, 22, 22, 12, 13, 13, 12],
  blocs,
  structure: () => blocs({ date: '2000-01-31', banque: '', compte512: { soldeInitial: 0, lignes: [] }, releve: { soldeInitial: 0, lignes: [] }, suspens: [] }),
  donnees,
  verifier,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  attendus,
  enchainements,
  formulesDuCorrige,
  variantes,
  justification,
};
