import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Zone } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { dateFr } from '../../domain/dates';
import { somme, taxe, versEuros } from '../../domain/monnaie';
import { pourcentFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  libelleDe,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  montantTexte,
  reponsesChangees,
  valeurRemplie,
  feuilleDeRegles,
  centimesSaisis,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type SpecExercice,
  type ValeurAttendue,
  colonneDe,
  colonnesDuBloc,
  celluleDeZone,
  type OuNom,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/facture.json';
import { calculerFacture, FACON_JUSTE, prorata, type Facon, type Montants, type PiedParTaux } from './calcul';
import type { EntreeFacture } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'facture');

export const NOMS_FAC = {
  lignes: 'FAC_Lignes_Montants',
  pied: 'FAC_Pied',
  totalHt: 'FAC_Total_HT',
  totalTva: 'FAC_Total_TVA',
  netAPayer: 'FAC_Net_A_Payer',
  avoirPied: 'FAC_Avoir_Pied',
  avoirTotalHt: 'FAC_Avoir_Total_HT',
  avoirTotalTva: 'FAC_Avoir_Total_TVA',
  avoirNet: 'FAC_Avoir_Net',
} as const;

export const CONTROLE_JUSTE = 'Le net à payer est égal au total hors taxes augmenté de la TVA.';

function blocs(e: EntreeFacture): Bloc[] {
  return [
    {
      nom: 'FAC_Facture',
      titre: 'Commande à facturer et conditions de vente',
      champs: [
        { nom: 'FAC_Numero', cle: 'numero', libelle: 'Numéro de la facture', type: 'texte', valeur: e.numero },
        { nom: 'FAC_Date', cle: 'date', libelle: 'Date de la facture', type: 'date', valeur: e.date },
        { nom: 'FAC_Vendeur', cle: 'vendeur', libelle: 'Vendeur', type: 'texte', valeur: e.vendeur },
        { nom: 'FAC_Client', cle: 'client', libelle: 'Client', type: 'texte', valeur: e.client },
        { nom: 'FAC_Rabais', cle: 'rabais', libelle: 'Rabais (retard de livraison), sur le net des lignes', type: 'taux', valeur: e.rabais },
        { nom: 'FAC_Ristourne', cle: 'ristourne', libelle: 'Ristourne (chiffre d\u2019affaires de l\u2019année atteint)', type: 'taux', valeur: e.ristourne },
        { nom: 'FAC_Escompte', cle: 'escompte', libelle: 'Escompte pour paiement comptant', type: 'taux', valeur: e.escompte },
        { nom: 'FAC_Port', cle: 'port', libelle: 'Frais de port hors taxes', type: 'euros', valeur: versEuros(e.port) },
      ],
    },
    {
      nom: 'FAC_Commande',
      titre: 'Articles livrés',
      colonnes: [
        { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
        { cle: 'designation', entete: 'Désignation', type: 'texte', largeur: 2 },
        { cle: 'quantite', entete: 'Quantité', type: 'entier', largeur: 1 },
        { cle: 'prixUnitaire', entete: 'Prix unitaire HT', type: 'euros', largeur: 1 },
        { cle: 'remise', entete: 'Remise', type: 'taux', largeur: 1 },
        { cle: 'taux', entete: 'Taux de TVA', type: 'taux', largeur: 1 },
      ],
      lignes: e.lignes.map((l) => ({ ...l, prixUnitaire: versEuros(l.prixUnitaire) })),
    },
    {
      nom: 'FAC_Retours',
      titre: 'Articles retournés par le client après la livraison (facture d\u2019avoir)',
      colonnes: [
        { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
        { cle: 'quantite', entete: 'Quantité retournée', type: 'entier', largeur: 1 },
      ],
      lignes: e.retours,
      vide: '(aucun article retourné : pas de facture d\u2019avoir)',
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const s = (l.get('FAC_Facture') ?? {}) as Record<string, unknown>;
  return { ...s, lignes: l.get('FAC_Commande') ?? [], retours: l.get('FAC_Retours') ?? [] };
}

/** The rows of an invoice foot, each with its label, for the reductions the case has (a rate per column). */
function etapes(e: EntreeFacture, avecPort: boolean): { libelle: string; cle: keyof PiedParTaux }[] {
  return [
    { libelle: 'Total net HT des lignes', cle: 'netLignes' as const },
    ...(e.rabais ? [{ libelle: `Rabais ${pourcentFr(e.rabais)}`, cle: 'rabais' as const }] : []),
    ...(e.ristourne ? [{ libelle: `Ristourne ${pourcentFr(e.ristourne)}`, cle: 'ristourne' as const }] : []),
    ...(e.rabais || e.ristourne ? [{ libelle: 'Net commercial', cle: 'netCommercial' as const }] : []),
    ...(e.escompte
      ? [
          { libelle: `Escompte ${pourcentFr(e.escompte)}`, cle: 'escompte' as const },
          { libelle: 'Net financier', cle: 'netFinancier' as const },
        ]
      : []),
    ...(avecPort && e.port ? [{ libelle: 'Frais de port', cle: 'port' as const }] : []),
    { libelle: 'Base hors taxes', cle: 'base' as const },
    { libelle: 'TVA', cle: 'tva' as const },
  ];
}

const tauxDe = (e: EntreeFacture, references?: readonly string[]) => [...new Set(e.lignes.filter((l) => !references || references.includes(l.reference)).map((l) => l.taux))].sort((a, b) => b - a);

/** An invoice foot as answers: one row per step, one column per rate (the rates of `modele`, a missing one at 0). */
function pied(m: Montants, lignes: ReturnType<typeof etapes>, rates: number[]): ValeurAttendue[][] {
  return lignes.map((s) => rates.map((t) => versEuros((m.pied.find((p) => p.taux === t)?.[s.cle] as number | undefined) ?? 0)));
}

function attendusDe(e: EntreeFacture, facon: Facon): Attendus {
  const r = calculerFacture(e, facon);
  const a: Attendus = {
    [NOMS_FAC.lignes]: r.facture.lignes.map((l) => [versEuros(l.brut), versEuros(l.remise), versEuros(l.net)]),
    [NOMS_FAC.pied]: pied(r.facture, etapes(e, true), tauxDe(e)),
    [NOMS_FAC.totalHt]: versEuros(r.facture.totalHt),
    [NOMS_FAC.totalTva]: versEuros(r.facture.totalTva),
    [NOMS_FAC.netAPayer]: versEuros(r.facture.netAPayer),
  };
  if (r.avoir) {
    a[NOMS_FAC.avoirPied] = pied(
      r.avoir,
      etapes(e, false),
      tauxDe(
        e,
        e.retours.map((x) => x.reference),
      ),
    );
    a[NOMS_FAC.avoirTotalHt] = versEuros(r.avoir.totalHt);
    a[NOMS_FAC.avoirTotalTva] = versEuros(r.avoir.totalTva);
    a[NOMS_FAC.avoirNet] = versEuros(r.avoir.netAPayer);
  }
  return a;
}

const attendus = (e: EntreeFacture): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeFacture, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const rates = tauxDe(e);
  const largeur = Math.max(5, 2 + rates.length);
  const f = new ConstructeurFeuille(feuille, [16, 40, ...Array.from({ length: largeur - 2 }, () => 15)]);
  const noms: NomDefini[] = [];
  const montant = { ...saisie, alignement: 'droite' as const, format: FORMAT_EUROS, ...fondCorrige(remplie) };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const seule = (nom: string) => {
    const n = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: largeur - 1 },
      { valeur: rempli(nom), style: montant },
    ]);
    noms.push({ nom, feuille, plage: `${lettreColonne(largeur - 1)}${n}` });
  };
  /** An invoice foot: a row per step, a column per rate, answers in C.. */
  const tableauPied = (nom: string, lignes: ReturnType<typeof etapes>, tauxPied: number[]) => {
    f.ligne([{ valeur: '', style: entete, colonnes: 2 }, ...tauxPied.map((t) => ({ valeur: `TVA ${pourcentFr(t)}`, style: entete }))]);
    const premiere = f.nombreDeLignes + 1;
    lignes.forEach((s, i) => f.ligne([{ valeur: s.libelle, style: etiquette, colonnes: 2 }, ...tauxPied.map((_, j) => ({ valeur: rempli(nom, i, j), style: montant }))]));
    noms.push({ nom, feuille, plage: `C${premiere}:${lettreColonne(1 + tauxPied.length)}${premiere + lignes.length - 1}` });
  };

  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: largeur }]);
  f.ligne([{ valeur: `Facture ${e.numero} du ${dateFr(e.date)} à ${e.client}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: largeur }]);
  f.vide();
  f.ligne([{ valeur: '1. Lignes de la facture', style: bandeau, colonnes: largeur }]);
  f.ligne(['Référence', 'Désignation', 'Montant brut HT', 'Remise', 'Net HT'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  e.lignes.forEach((l, i) =>
    f.ligne([
      { valeur: l.reference, style: { ...valeur, alignement: 'centre' } },
      { valeur: `${l.designation} (${l.quantite} × ${montantTexte(l.prixUnitaire)}${l.remise ? `, remise ${pourcentFr(l.remise)}` : ''})`, style: { ...valeur, retourLigne: true } },
      ...[0, 1, 2].map((j) => ({ valeur: rempli(NOMS_FAC.lignes, i, j), style: montant })),
    ]),
  );
  noms.push({ nom: NOMS_FAC.lignes, feuille, plage: `C${premiere}:E${premiere + e.lignes.length - 1}` });
  f.vide();
  f.ligne([{ valeur: '2. Pied de facture, par taux de TVA', style: bandeau, colonnes: largeur }]);
  tableauPied(NOMS_FAC.pied, etapes(e, true), rates);
  f.vide();
  f.ligne([{ valeur: '3. Totaux de la facture', style: bandeau, colonnes: largeur }]);
  seule(NOMS_FAC.totalHt);
  seule(NOMS_FAC.totalTva);
  seule(NOMS_FAC.netAPayer);
  // a self-check the student sees as soon as the three totals are typed (it gives no answer away)
  const { totalHt: ht, totalTva: tva, netAPayer: net } = NOMS_FAC;
  f.ligne([
    {
      valeur: { formule: `IF(COUNT(${ht},${tva},${net})<3,"",IF(ROUND(${ht}+${tva}-${net},2)=0,"${CONTROLE_JUSTE}","Le net à payer n'est pas égal au total hors taxes augmenté de la TVA."))` },
      style: { ...texte, italique: true },
      colonnes: largeur,
    },
  ]);
  if (e.retours.length) {
    f.vide();
    f.ligne([{ valeur: '4. Facture d\u2019avoir : articles retournés', style: bandeau, colonnes: largeur }]);
    f.ligne([{ valeur: e.retours.map((r) => `${r.reference} : ${r.quantite} retourné${r.quantite > 1 ? 's' : ''}`).join(' ; '), style: texte, colonnes: largeur }]);
    tableauPied(
      NOMS_FAC.avoirPied,
      etapes(e, false),
      tauxDe(
        e,
        e.retours.map((r) => r.reference),
      ),
    );
    seule(NOMS_FAC.avoirTotalHt);
    seule(NOMS_FAC.avoirTotalTva);
    seule(NOMS_FAC.avoirNet);
  }
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms };
}

/** « Paramètres »: the invoicing rules and their references (the TVA rate of each article is in the énoncé; nothing to change). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Règles de facturation', 'Rappels pour établir la facture ; le taux de TVA de chaque article est donné dans l\u2019énoncé.', [
    ['Réductions commerciales', 'Remise, rabais, ristourne : appliquées en cascade, chacune sur le net qui précède, arrondie au centime.'],
    ['Escompte', 'Accordé sur la facture pour un paiement comptant : il diminue la base de la TVA (CGI, art. 267, II-1°).'],
    [
      'Frais de port',
      'Compris dans la base d\u2019imposition (CGI, art. 267, I-2°), au taux de TVA des marchandises livrées ; sur une facture à plusieurs taux, répartis au prorata des nets financiers.',
    ],
    ['Facture d\u2019avoir', 'Reprend les articles retournés aux prix, remises et réductions de la facture (CGI, art. 272, 1 : la TVA d\u2019une vente annulée est imputée).'],
  ]);

/** How each amount is obtained: each line, then each rate's cascade, the port's share, the totals. */
function justification(e: EntreeFacture): string[][] {
  const r = calculerFacture(e, FACON_JUSTE);
  const eur = montantTexte;
  const lignes: string[][] = [['Étape', 'Montant', 'Comment on l\u2019obtient']];
  const document = (m: Montants, quoi: string, quantites: (ref: string) => number) => {
    for (const l of m.lignes) {
      const source = e.lignes.find((x) => x.reference === l.reference)!;
      lignes.push([
        `${quoi} ${l.reference}`,
        montantTexte(l.net),
        `${quantites(l.reference)} × ${eur(source.prixUnitaire)} = ${eur(l.brut)}${source.remise ? ` ; remise ${pourcentFr(source.remise)} : ${eur(l.remise)}` : ''} ; net ${eur(l.net)}.`,
      ]);
    }
    for (const p of m.pied) {
      const etapesTexte = [
        `net des lignes ${eur(p.netLignes)}`,
        ...(e.rabais ? [`rabais ${pourcentFr(e.rabais)} : ${eur(p.rabais)}`] : []),
        ...(e.ristourne ? [`ristourne ${pourcentFr(e.ristourne)} de ${eur(p.netLignes - p.rabais)} : ${eur(p.ristourne)}`] : []),
        ...(e.rabais || e.ristourne ? [`net commercial ${eur(p.netCommercial)}`] : []),
        ...(e.escompte ? [`escompte ${pourcentFr(e.escompte)} : ${eur(p.escompte)}`, `net financier ${eur(p.netFinancier)}`] : []),
        ...(p.port ? [`frais de port ${eur(p.port)}`] : []),
        `base ${eur(p.base)}`,
        `TVA ${pourcentFr(p.taux)} : ${eur(p.tva)}`,
      ];
      lignes.push([`${quoi} : TVA ${pourcentFr(p.taux)}`, montantTexte(p.base), `${etapesTexte.join(' ; ')}.`]);
    }
    lignes.push([`${quoi} : totaux`, montantTexte(m.netAPayer), `Total HT ${eur(m.totalHt)} + TVA ${eur(m.totalTva)} = ${eur(m.netAPayer)}.`]);
  };
  document(r.facture, 'Facture', (ref) => e.lignes.find((l) => l.reference === ref)!.quantite);
  if (e.port && r.facture.pied.length > 1)
    lignes.push([
      'Frais de port',
      montantTexte(e.port),
      `Répartis au prorata des nets financiers : ${r.facture.pied.map((p) => `${pourcentFr(p.taux)} : ${eur(p.port)}`).join(' ; ')} (le dernier taux reçoit le reste de l\u2019arrondi).`,
    ]);
  if (r.avoir) document(r.avoir, 'Avoir', (ref) => e.retours.find((x) => x.reference === ref)!.quantite);
  return lignes;
}

/** The answers of a mistaken way of computing, or null when the case cannot show it (they equal the right ones). */
const siDifferent = (e: EntreeFacture, facon: Partial<Facon>) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e));

const variantes: SpecExercice<EntreeFacture, null>['variantes'] = {
  remise_oubliee: (e) => siDifferent(e, { remiseDesLignes: false }),
  // only whole rates: 2,5 % typed as 0,025 € is no amount in cents
  // a few cents of remise: an answer that comes out as without remise is left to remise_oubliee's hint
  remise_en_taux: (e) => {
    if (!e.lignes.some((l) => l.remise) || !e.lignes.every((l) => Number.isInteger(l.remise))) return null;
    const v = siDifferent(e, { remiseEnEuros: false });
    const oubliee = siDifferent(e, { remiseDesLignes: false }) ?? {};
    const propres = v && Object.entries(v).filter(([n, x]) => JSON.stringify(x) !== JSON.stringify(oubliee[n]));
    return propres?.length ? Object.fromEntries(propres) : null;
  },
  tva_avant_reductions: (e) => (e.rabais || e.ristourne ? siDifferent(e, { tvaApresReductions: false }) : null),
  reductions_additionnees: (e) => (e.rabais && e.ristourne ? siDifferent(e, { cascade: false }) : null),
  escompte_hors_base: (e) => (e.escompte ? siDifferent(e, { escompteDansLaBase: false }) : null),
  port_sans_tva: (e) => (e.port ? siDifferent(e, { portDansLaBase: false }) : null),
  avoir_prix_brut: (e) => (e.retours.length ? siDifferent(e, { avoirAuPrixFacture: false }) : null),
};

type Lu = (nom: string) => Attendus[string] | undefined;
const lignesLues = (lu: Lu, nom: string) => {
  const v = lu(nom);
  return Array.isArray(v) ? (v as unknown[]) : [];
};

/**
 * An invoice foot recomputed from the student's own values: each step from the steps typed before it
 * (the expected value where a cell is empty), the net of the lines from `netsDesLignes` (by rate),
 * the port shared on the typed nets financiers.
 */
function piedEnSuite(e: EntreeFacture, lu: Lu, nom: string, lignes: ReturnType<typeof etapes>, rates: number[], attendu: ValeurAttendue[][], netsDesLignes: (number | null)[]): ValeurAttendue[][] {
  const tapees = lignesLues(lu, nom);
  const valeurs = rates.map((_, j) => {
    const valeur = (cle: keyof PiedParTaux): number => {
      const k = lignes.findIndex((l) => l.cle === cle);
      if (k >= 0) return centimesSaisis((tapees[k] as unknown[] | undefined)?.[j]) ?? Math.round(Number(attendu[k]![j]) * 100);
      if (cle === 'netCommercial') return valeur('netLignes') - valeur('rabais') - valeur('ristourne');
      if (cle === 'netFinancier') return valeur('netCommercial') - valeur('escompte');
      return 0; // a reduction or a port the invoice does not have
    };
    return valeur;
  });
  const financiers = valeurs.map((v) => v('netFinancier'));
  const total = somme(financiers);
  const parts = financiers.map((f, j) => (j < rates.length - 1 ? prorata(e.port, f, total) : 0));
  parts[rates.length - 1] = e.port - somme(parts.slice(0, -1));
  const colonne = (j: number) => {
    const valeur = valeurs[j]!;
    const suite: Partial<Record<keyof PiedParTaux, number>> = {
      port: parts[j]!,
      rabais: taxe(valeur('netLignes'), e.rabais),
      ristourne: taxe(valeur('netLignes') - valeur('rabais'), e.ristourne),
      netCommercial: valeur('netLignes') - valeur('rabais') - valeur('ristourne'),
      escompte: taxe(valeur('netCommercial'), e.escompte),
      netFinancier: valeur('netCommercial') - valeur('escompte'),
      base: valeur('netFinancier') + valeur('port'),
      tva: taxe(valeur('base'), rates[j]!),
    };
    if (netsDesLignes[j] !== null) suite.netLignes = netsDesLignes[j]!;
    return lignes.map((l, k) => (suite[l.cle] === undefined ? attendu[k]![j]! : versEuros(suite[l.cle]!)));
  };
  const colonnes = rates.map((_, j) => colonne(j));
  return lignes.map((_, k) => colonnes.map((c) => c[k]!));
}

/** The totals of a foot from the student's own foot: bases and TVA summed, the net from the typed totals. */
function totauxEnSuite(lu: Lu, pied: string, lignes: ReturnType<typeof etapes>, noms: { ht: string; tva: string; net: string }): Enchainement[] {
  const tapees = lignesLues(lu, pied);
  const rangee = (cle: keyof PiedParTaux) => ((tapees[lignes.findIndex((l) => l.cle === cle)] as unknown[] | undefined) ?? []).map(centimesSaisis);
  const total = (cle: keyof PiedParTaux) => {
    const r = rangee(cle);
    return r.length && r.every((x) => x !== null) ? versEuros(somme(r as number[])) : null;
  };
  const ht = centimesSaisis(lu(noms.ht));
  const tva = centimesSaisis(lu(noms.tva));
  return [
    { nom: noms.ht, valeur: total('base'), depuis: [pied] },
    { nom: noms.tva, valeur: total('tva'), depuis: [pied] },
    { nom: noms.net, valeur: ht === null || tva === null ? null : versEuros(ht + tva), depuis: [noms.ht, noms.tva] },
  ].filter((x) => x.valeur !== null);
}

/** Knock-on errors of the invoice: a line's net from its typed gross and remise, the foot from the typed nets, the totals from the typed foot. */
function enchainements(lu: Lu, e: EntreeFacture, a: Attendus): Enchainement[] {
  const attLignes = a[NOMS_FAC.lignes] as number[][];
  const tapees = lignesLues(lu, NOMS_FAC.lignes).map((l) => (Array.isArray(l) ? l.map(centimesSaisis) : []));
  const lignes = e.lignes.map((l, i) => {
    const [b, r] = [tapees[i]?.[0] ?? null, tapees[i]?.[1] ?? null];
    const [eb, er, en] = attLignes[i]!;
    return [eb!, b === null ? er! : versEuros(taxe(b, l.remise)), b === null || r === null ? en! : versEuros(b - r)];
  });
  const rates = tauxDe(e);
  const nets = rates.map((t) => {
    const n = e.lignes.map((l, i) => (l.taux === t ? (tapees[i]?.[2] ?? null) : 0));
    return n.every((x) => x !== null) ? somme(n as number[]) : null;
  });
  const resultat: Enchainement[] = [
    { nom: NOMS_FAC.lignes, valeur: lignes, depuis: [NOMS_FAC.lignes] },
    { nom: NOMS_FAC.pied, valeur: piedEnSuite(e, lu, NOMS_FAC.pied, etapes(e, true), rates, a[NOMS_FAC.pied] as ValeurAttendue[][], nets), depuis: [NOMS_FAC.lignes, NOMS_FAC.pied] },
    ...totauxEnSuite(lu, NOMS_FAC.pied, etapes(e, true), { ht: NOMS_FAC.totalHt, tva: NOMS_FAC.totalTva, net: NOMS_FAC.netAPayer }),
  ];
  if (e.retours.length) {
    const r = tauxDe(
      e,
      e.retours.map((x) => x.reference),
    );
    resultat.push(
      {
        nom: NOMS_FAC.avoirPied,
        valeur: piedEnSuite(
          e,
          lu,
          NOMS_FAC.avoirPied,
          etapes(e, false),
          r,
          a[NOMS_FAC.avoirPied] as ValeurAttendue[][],
          r.map(() => null),
        ),
        depuis: [NOMS_FAC.avoirPied],
      },
      ...totauxEnSuite(lu, NOMS_FAC.avoirPied, etapes(e, false), { ht: NOMS_FAC.avoirTotalHt, tva: NOMS_FAC.avoirTotalTva, net: NOMS_FAC.avoirNet }),
    );
  }
  return resultat;
}

/**
 * A foot in formulas, one column per rate of `rates`, one row per step of `etapesPied`, at `zone`:
 * the reductions in cascade rounded to the cent, the port shared in proportion to the nets (the
 * last rate takes the rest), the base and its TVA. `netLignes(t, j)`: the formula of the lines' net
 * at rate t; `taux(t)`: the cell of that rate.
 */
function piedEnFormules(zone: Zone, etapesPied: ReturnType<typeof etapes>, rates: number[], netLignes: (t: number, j: number) => string, taux: (t: number) => string): (string | null)[][] {
  const cellule = (cle: keyof PiedParTaux, j: number) => {
    const i = etapesPied.findIndex((s) => s.cle === cle);
    return i < 0 ? null : celluleDeZone(zone, i, j);
  };
  /** the net each reduction applies to, in cascade: the last one the foot has above `cle` */
  const dernierNet = (j: number, ...cles: (keyof PiedParTaux)[]) => cles.map((c) => cellule(c, j)).find((x) => x !== null)!;
  return etapesPied.map((s) =>
    rates.map((t, j) => {
      switch (s.cle) {
        case 'netLignes':
          return netLignes(t, j);
        case 'rabais':
          return `ROUND(${cellule('netLignes', j)}*FAC_Rabais/100,2)`;
        case 'ristourne':
          return `ROUND((${cellule('netLignes', j)}${cellule('rabais', j) ? `-${cellule('rabais', j)}` : ''})*FAC_Ristourne/100,2)`;
        case 'netCommercial':
          return [cellule('netLignes', j), cellule('rabais', j), cellule('ristourne', j)].filter(Boolean).join('-');
        case 'escompte':
          return `ROUND(${dernierNet(j, 'netCommercial', 'netLignes')}*FAC_Escompte/100,2)`;
        case 'netFinancier':
          return `${dernierNet(j, 'netCommercial', 'netLignes')}-${cellule('escompte', j)}`;
        case 'port': {
          if (rates.length === 1) return 'FAC_Port';
          const nets = rates.map((_, x) => dernierNet(x, 'netFinancier', 'netCommercial', 'netLignes'));
          return j < rates.length - 1
            ? `ROUND(FAC_Port*${nets[j]}/(${nets.join('+')}),2)`
            : `FAC_Port-${rates
                .slice(0, -1)
                .map((_, x) => cellule('port', x))
                .join('-')}`;
        }
        case 'base':
          return [dernierNet(j, 'netFinancier', 'netCommercial', 'netLignes'), cellule('port', j)].filter(Boolean).join('+');
        case 'tva':
          return `ROUND(${cellule('base', j)}*${taux(t)}/100,2)`;
        default:
          return null;
      }
    }),
  );
}

/** The totals under a foot in formulas: the bases, the TVA, their sum. */
function totauxEnFormules(zone: Zone, etapesPied: ReturnType<typeof etapes>, rates: number[], noms: { ht: string; tva: string; net: string }): Record<string, string[][]> {
  const ligneDe = (cle: keyof PiedParTaux) =>
    rates
      .map((_, j) =>
        celluleDeZone(
          zone,
          etapesPied.findIndex((s) => s.cle === cle),
          j,
        ),
      )
      .join(',');
  return { [noms.ht]: [[`SUM(${ligneDe('base')})`]], [noms.tva]: [[`SUM(${ligneDe('tva')})`]], [noms.net]: [[`${noms.ht}+${noms.tva}`]] };
}

/**
 * The corrigé's model of the invoice, as a PGI would compute it, with the énoncé's names: each line
 * from its row of the order; each rate's foot from its lines (SUMIF on the rate), then the
 * reductions, the port and the TVA (piedEnFormules); the totals from the foot. The avoir: each
 * rate's net from the returned quantities at the invoice's price less its line's remise, then the
 * same reductions, without port.
 */
function formulesDuCorrige(e: EntreeFacture, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const commande = ou('FAC_Commande');
  const lignes = ou(NOMS_FAC.lignes);
  const zonePied = ou(NOMS_FAC.pied);
  if (!commande || !lignes || !zonePied || !e.lignes.length) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'FAC_Commande');
  const enonce = (cle: string, i: number) => colonneDe(commande, colonnes, cle).cellule(i);
  const [brut, remise, net] = [0, 1, 2].map((j) => lettreColonne(lignes.gauche - 1 + j));
  const tauxDuTaux = (t: number) =>
    enonce(
      'taux',
      e.lignes.findIndex((l) => l.taux === t),
    ); // a line at this rate: its rate cell
  const rates = tauxDe(e);
  const res: Record<string, (string | null)[][]> = {
    [NOMS_FAC.lignes]: e.lignes.map((_, i) => {
      const t = lignes.haut + i;
      return [`ROUND(${enonce('quantite', i)}*${enonce('prixUnitaire', i)},2)`, `ROUND(${brut}${t}*${enonce('remise', i)}/100,2)`, `${brut}${t}-${remise}${t}`];
    }),
    [NOMS_FAC.pied]: piedEnFormules(
      zonePied,
      etapes(e, true),
      rates,
      (t) => `SUMIF(${colonneDe(commande, colonnes, 'taux').plage},${tauxDuTaux(t)},${net}${lignes.haut}:${net}${lignes.bas})`,
      tauxDuTaux,
    ),
    ...totauxEnFormules(zonePied, etapes(e, true), rates, { ht: NOMS_FAC.totalHt, tva: NOMS_FAC.totalTva, net: NOMS_FAC.netAPayer }),
  };
  const [retours, zoneAvoir] = [ou('FAC_Retours'), ou(NOMS_FAC.avoirPied)];
  if (e.retours.length && retours && zoneAvoir) {
    const quantite = colonneDe(retours, colonnesDuBloc(blocs(e), 'FAC_Retours'), 'quantite').cellule;
    const ratesAvoir = tauxDe(
      e,
      e.retours.map((x) => x.reference),
    );
    // a returned line: its quantity at the invoice's price, less its remise, each rounded to the cent
    const netRetour = (k: number) => {
      const i = e.lignes.findIndex((l) => l.reference === e.retours[k]!.reference);
      const b = `ROUND(${quantite(k)}*${enonce('prixUnitaire', i)},2)`;
      return `${b}-ROUND(${b}*${enonce('remise', i)}/100,2)`;
    };
    const netAuTaux = (t: number) =>
      e.retours
        .map((r, k) => (e.lignes.find((l) => l.reference === r.reference)!.taux === t ? netRetour(k) : null))
        .filter(Boolean)
        .join('+');
    res[NOMS_FAC.avoirPied] = piedEnFormules(zoneAvoir, etapes(e, false), ratesAvoir, netAuTaux, tauxDuTaux);
    Object.assign(res, totauxEnFormules(zoneAvoir, etapes(e, false), ratesAvoir, { ht: NOMS_FAC.avoirTotalHt, tva: NOMS_FAC.avoirTotalTva, net: NOMS_FAC.avoirNet }));
  }
  return res;
}

export const EXERCICE_FACTURE: SpecExercice<EntreeFacture, null> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 22, 22, 10, 14, 10, 12],
  blocs,
  structure: () => blocs({ numero: '', date: '2000-01-01', vendeur: '', client: '', lignes: [], rabais: 0, ristourne: 0, escompte: 0, port: 0, retours: [] }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => ({
    [NOMS_FAC.lignes]: e.lignes.map((l) => `ligne ${l.reference}`),
    [NOMS_FAC.pied]: etapes(e, true).map((s) => s.libelle),
    [NOMS_FAC.avoirPied]: etapes(e, false).map((s) => s.libelle),
  }),
  attendus,
  enchainements: (lu, e, _p, a) => enchainements(lu, e, a),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [18, 14, 90],
};
