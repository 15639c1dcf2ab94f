import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Style } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, saisieCentree, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { dateFr, moisEnLettres } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
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
  type Lu,
  type FeuilleConstruite,
  type LectureBlocs,
  type SpecExercice,
  colonneDe,
  colonnesDuBloc,
  celluleDeZone,
  type OuNom,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/stocks.json';
import { calculerStocks, FACON_JUSTE, mouvementCmup, type Facon } from './calcul';
import type { EntreeStocks } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'stocks');

export const NOMS_STK = { cmup: 'STK_CMUP', peps: 'STK_PEPS', alerte: 'STK_Stock_Alerte', commander: 'STK_Commander', quantite: 'STK_Quantite_A_Commander' } as const;

const NATURES = { entree: 'Entrée', sortie: 'Sortie', retour: 'Retour au fournisseur', reintegration: 'Réintégration' };
const METHODES = { chaque_entree: 'Après chaque entrée', periode: 'De fin de période' };

function blocs(e: EntreeStocks): Bloc[] {
  return [
    {
      nom: 'STK_Article',
      titre: 'Article et règles de réapprovisionnement',
      champs: [
        { nom: 'STK_Reference', cle: 'reference', libelle: 'Référence de l\u2019article', type: 'texte', valeur: e.article.reference },
        { nom: 'STK_Designation', cle: 'designation', libelle: 'Désignation', type: 'texte', valeur: e.article.designation },
        { nom: 'STK_Unite', cle: 'unite', libelle: 'Unité', type: 'texte', valeur: e.article.unite },
        { nom: 'STK_Debut', cle: 'debut', libelle: 'Date du stock initial', type: 'date', valeur: e.debut },
        { nom: 'STK_Initial_Quantite', cle: 'quantiteInitiale', libelle: 'Stock initial (quantité)', type: 'entier', valeur: e.stockInitial.quantite },
        { nom: 'STK_Initial_Cout', cle: 'coutInitial', libelle: 'Coût unitaire du stock initial', type: 'euros', valeur: versEuros(e.stockInitial.coutUnitaire) },
        { nom: 'STK_Minimum', cle: 'stockMinimum', libelle: 'Stock minimum', type: 'entier', valeur: e.stockMinimum },
        { nom: 'STK_Consommation', cle: 'consommationJournaliere', libelle: 'Consommation moyenne par jour ouvré', type: 'entier', valeur: e.consommationJournaliere },
        { nom: 'STK_Delai', cle: 'delaiLivraison', libelle: 'Délai de livraison du fournisseur (jours ouvrés)', type: 'entier', valeur: e.delaiLivraison },
        { nom: 'STK_Maximum', cle: 'stockMaximum', libelle: 'Stock maximum', type: 'entier', valeur: e.stockMaximum },
        { nom: 'STK_Methode_CMUP', cle: 'methodeCmup', libelle: 'Calcul du CMUP', type: { choix: METHODES }, valeur: e.methodeCmup, defaut: 'chaque_entree' },
      ],
    },
    {
      nom: 'STK_Mouvements',
      titre: 'Mouvements du mois',
      colonnes: [
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'piece', entete: 'Pièce', type: 'texte', largeur: 1 },
        { cle: 'nature', entete: 'Mouvement', type: { choix: NATURES }, largeur: 1 },
        { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 2 },
        { cle: 'quantite', entete: 'Quantité', type: 'entier', largeur: 1 },
        { cle: 'coutUnitaire', entete: 'Coût unitaire HT', type: 'euros', largeur: 1 },
        { cle: 'origine', entete: 'Sortie d\u2019origine', type: 'texte', largeur: 1, ajoutee: true },
      ],
      lignes: e.mouvements.map((m) => ({ ...m, coutUnitaire: m.coutUnitaire === undefined ? undefined : versEuros(m.coutUnitaire) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { reference, designation, unite, quantiteInitiale, coutInitial, ...reste } = (l.get('STK_Article') ?? {}) as Record<string, unknown>;
  return { ...reste, article: { reference, designation, unite }, stockInitial: { quantite: quantiteInitiale, coutUnitaire: coutInitial }, mouvements: l.get('STK_Mouvements') ?? [] };
}

function attendusDe(e: EntreeStocks, facon: Facon): Attendus {
  const r = calculerStocks(e, facon);
  const eur = (c: number | null) => (c === null ? null : versEuros(c));
  return {
    [NOMS_STK.cmup]: r.cmup.map((l) => [eur(l.sortie), l.quantite, versEuros(l.cmup), versEuros(l.valeur)]),
    [NOMS_STK.peps]: r.peps.map((l) => [eur(l.sortie), l.quantite, versEuros(l.valeur)]),
    [NOMS_STK.alerte]: r.stockAlerte,
    [NOMS_STK.commander]: r.commander ? 'Oui' : 'Non',
    [NOMS_STK.quantite]: r.quantiteACommander,
  };
}

const attendus = (e: EntreeStocks): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeStocks, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [12, 12, 22, 10, 14, 11, 14, 14]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant = { ...saisie, alignement: 'droite' as const, format: FORMAT_EUROS, ...fond };
  const quantite = { ...saisieCentree, format: '0', ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const mouvement = (i: number) => {
    const m = e.mouvements[i]!;
    return [
      { valeur: { date: m.date }, style: { ...valeur, alignement: 'centre' as const, format: 'dd/mm/yyyy' } },
      { valeur: m.piece, style: { ...valeur, alignement: 'centre' as const } },
      {
        valeur: `${NATURES[m.nature]} de ${m.quantite}${m.nature === 'reintegration' ? ` (sortie ${m.origine})` : m.coutUnitaire === undefined ? '' : ` à ${montantTexte(m.coutUnitaire)}`}`,
        style: valeur,
      },
    ];
  };
  const fiche = (nom: string, intitule: string, colonnes: string[], styles: Style[]) => {
    f.ligne([{ valeur: intitule, style: bandeau, colonnes: 8 }]);
    f.ligne(['Date', 'Pièce', 'Mouvement', ...colonnes].map((v) => ({ valeur: v, style: entete })));
    f.ligne([
      { valeur: { date: e.debut }, style: { ...valeur, alignement: 'centre', format: 'dd/mm/yyyy' } },
      { valeur: '', style: valeur },
      { valeur: `Stock initial : ${e.stockInitial.quantite} à ${montantTexte(e.stockInitial.coutUnitaire)}`, style: { ...valeur, italique: true } },
      ...colonnes.map(() => ({ valeur: '', style: valeur })),
    ]);
    const premiere = f.nombreDeLignes + 1;
    e.mouvements.forEach((_, i) => f.ligne([...mouvement(i), ...colonnes.map((_, j) => ({ valeur: rempli(nom, i, j), style: styles[j]! }))]));
    noms.push({ nom, feuille, plage: `D${premiere}:${lettreColonne(2 + colonnes.length)}${premiere + e.mouvements.length - 1}` });
  };

  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 8 }]);
  f.ligne([
    {
      valeur: `${e.article.designation} (${e.article.reference}), ${moisEnLettres(e.debut.slice(0, 7))}. ${consigneSaisie(remplie)} ; une entrée ou une réintégration n\u2019a pas de valeur de sortie.`,
      style: sousTitre,
      colonnes: 8,
    },
  ]);
  f.vide();
  fiche(
    NOMS_STK.cmup,
    `1. Fiche de stock au coût moyen unitaire pondéré (CMUP) ${e.methodeCmup === 'periode' ? 'de fin de période' : 'calculé après chaque entrée'}`,
    ['Valeur de la sortie', 'Quantité en stock', 'CMUP', 'Valeur du stock'],
    [montant, quantite, montant, montant],
  );
  f.vide();
  fiche(NOMS_STK.peps, '2. Fiche de stock en premier entré, premier sorti (PEPS)', ['Valeur de la sortie', 'Quantité en stock', 'Valeur du stock'], [montant, quantite, montant]);
  f.vide();
  f.ligne([{ valeur: '3. Réapprovisionnement', style: bandeau, colonnes: 8 }]);
  const seule = (nom: string, style: Style) => {
    const n = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: 6 },
      { valeur: rempli(nom), style, colonnes: 2 },
    ]);
    noms.push({ nom, feuille, plage: `G${n}` });
    return n;
  };
  seule(NOMS_STK.alerte, quantite);
  const n = seule(NOMS_STK.commander, { ...saisieCentree, ...fond });
  seule(NOMS_STK.quantite, quantite);
  f.ligne([{ valeur: 'Stock final : la quantité en stock de la dernière ligne de chaque fiche (les deux méthodes donnent la même).', style: { ...texte, italique: true }, colonnes: 8 }]);
  return {
    feuille: {
      ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }),
      protegee: true,
      validations: [validationOuiNon(`G${n}`)],
    },
    noms,
  };
}

/** « Paramètres »: the valuation rules, for reference (nothing to change). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Règles de la fiche de stock', 'Rappels ; les quantités et coûts de l\u2019article sont dans l\u2019énoncé.', [
    [
      'Coût d\u2019entrée',
      'Les stocks sont évalués à leur coût d\u2019acquisition (prix d\u2019achat hors taxes) ; les sorties, au coût moyen pondéré ou selon le premier entré, premier sorti (Code de commerce, art. L123-18 ; plan comptable général, règlement ANC n° 2014-03).',
    ],
    ['CMUP après chaque entrée', 'Recalculé après chaque entrée, chaque retour et chaque réintégration, arrondi au centime ; une sortie est valorisée au CMUP du moment.'],
    [
      'CMUP de fin de période',
      'Un seul coût pour le mois : (valeur du stock initial + valeur des entrées − valeur des retours au fournisseur) / (quantités correspondantes), arrondi au centime ; toutes les sorties du mois sont valorisées à ce coût.',
    ],
    ['PEPS', 'Chaque livraison forme un lot à son coût ; les sorties prennent les lots les plus anciens.'],
    [
      'Réintégration',
      'Articles inutilisés rendus au magasin par un service : ils rentrent au coût de leur sortie d\u2019origine (en PEPS, dans les lots d\u2019où ils étaient sortis, les derniers sortis d\u2019abord).',
    ],
    ['Stock d\u2019alerte', 'Stock minimum + consommation journalière × délai de livraison ; commande quand le stock final l\u2019atteint, pour revenir au stock maximum.'],
  ]);

/** How each line of the two cards is obtained, then the reorder decision. */
function justification(e: EntreeStocks): string[][] {
  const r = calculerStocks(e);
  const eur = montantTexte;
  const lignes: string[][] = [['Pièce', 'Valeur du stock', 'Comment on l\u2019obtient']];
  let precedent = { quantite: e.stockInitial.quantite, valeur: e.stockInitial.quantite * e.stockInitial.coutUnitaire };
  if (e.methodeCmup === 'periode') {
    const achats = e.mouvements.filter((m) => m.nature === 'entree' || m.nature === 'retour');
    const quantite = e.stockInitial.quantite + achats.reduce((a, m) => a + (m.nature === 'entree' ? m.quantite : -m.quantite), 0);
    const termes = achats.map((m) => `${m.nature === 'entree' ? '+' : '−'} ${m.quantite} × ${eur(m.coutUnitaire!)}`).join(' ');
    lignes.push(['CMUP de la période', eur(r.cmup[0]!.cmup), `(${e.stockInitial.quantite} × ${eur(e.stockInitial.coutUnitaire)} ${termes}) / ${quantite} = ${eur(r.cmup[0]!.cmup)}.`]);
  }
  e.mouvements.forEach((m, i) => {
    const c = r.cmup[i]!;
    const texteCmup =
      e.methodeCmup === 'periode'
        ? `CMUP de la période : ${c.sortie === null ? '' : `sortie ${m.quantite} × ${eur(m.nature === 'retour' ? m.coutUnitaire! : c.cmup)} = ${eur(c.sortie)} ; `}stock ${c.quantite} × ${eur(c.cmup)} = ${eur(c.valeur)}.`
        : m.nature === 'entree'
          ? `CMUP : valeur ${eur(precedent.valeur)} + ${m.quantite} × ${eur(m.coutUnitaire!)} = ${eur(c.valeur)}, divisée par ${c.quantite} : ${eur(c.cmup)}.`
          : m.nature === 'reintegration'
            ? `CMUP : réintégration de ${m.quantite} au coût de la sortie ${m.origine}, valeur ${eur(precedent.valeur)} + ${eur(c.valeur - precedent.valeur)} = ${eur(c.valeur)}, divisée par ${c.quantite} : ${eur(c.cmup)}.`
            : m.nature === 'retour'
              ? `CMUP : retour de ${m.quantite} × ${eur(m.coutUnitaire!)} = ${eur(c.sortie!)} ; (${eur(precedent.valeur)} − ${eur(c.sortie!)}) / ${c.quantite} = ${eur(c.cmup)} ; stock ${eur(c.valeur)}.`
              : `CMUP : sortie de ${m.quantite} × ${eur(c.cmup)} = ${eur(c.sortie!)} ; stock ${c.quantite} × ${eur(c.cmup)} = ${eur(c.valeur)}.`;
    const p = r.peps[i]!;
    const textePeps = `PEPS : ${m.nature === 'reintegration' ? `réintégration dans les lots de la sortie ${m.origine}` : p.sortie === null ? 'nouveau lot' : `sortie de ${eur(p.sortie)}`} ; lots restants ${p.lots.map((l) => `${l.quantite} × ${eur(l.cout)}`).join(' + ') || 'aucun'} = ${eur(p.valeur)}.`;
    lignes.push([m.piece, montantTexte(c.valeur), `${texteCmup} ${textePeps}`]);
    precedent = c;
  });
  lignes.push(['Stock d\u2019alerte', String(r.stockAlerte), `${e.stockMinimum} + ${e.consommationJournaliere} × ${e.delaiLivraison} = ${r.stockAlerte}.`]);
  lignes.push([
    'Commande',
    String(r.quantiteACommander),
    r.commander
      ? `Stock final ${r.stockFinal} ≤ ${r.stockAlerte} : commander ${e.stockMaximum} − ${r.stockFinal} = ${r.quantiteACommander}.`
      : `Stock final ${r.stockFinal} > ${r.stockAlerte} : pas de commande.`,
  ]);
  return lignes;
}

const siDifferent = (e: EntreeStocks, facon: Partial<Facon>) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e));

const variantes: SpecExercice<EntreeStocks, null>['variantes'] = {
  cmup_moyenne_simple: (e) => siDifferent(e, { cmupPondere: false }),
  // with a single entry, the same as the mean of the costs: that error then says it
  cmup_moyenne_de_deux: (e) => {
    const v = e.methodeCmup === 'periode' ? null : siDifferent(e, { cmupSurToutLeStock: false });
    return v && JSON.stringify(v) !== JSON.stringify(siDifferent(e, { cmupPondere: false })) ? v : null;
  },
  peps_recents: (e) => siDifferent(e, { pepsAnciens: false }),
  alerte_sans_minimum: (e) => siDifferent(e, { alerteAvecMinimum: false }),
  commande_sans_stock: (e) => siDifferent(e, { commandeMoinsStock: false }),
  reintegration_au_cmup_actuel: (e) => siDifferent(e, { reintegrationAuCoutDeSortie: false }),
  periode_sans_stock_initial: (e) => siDifferent(e, { periodeAvecStockInitial: false }),
};

/**
 * Knock-on errors: each line of the CMUP card « after each entry » from the student's own line before
 * it (quantity, CMUP, value); each PEPS line's stock from the line before it and the line's typed exit;
 * the order from the typed reorder point and final stock.
 */
function enchainements(lu: Lu, e: EntreeStocks, a: Attendus): Enchainement[] {
  const res: Enchainement[] = [];
  const lues = lu(NOMS_STK.cmup);
  const ligne = (i: number): unknown[] => (Array.isArray(lues) && Array.isArray(lues[i]) ? lues[i] : []);
  if (e.methodeCmup !== 'periode') {
    const justes = a[NOMS_STK.cmup] as (number | null)[][];
    const coutDeSortie = new Map<string, number>();
    e.mouvements.forEach((m, i) => {
      if (m.nature === 'sortie') coutDeSortie.set(m.piece, i ? (centimesSaisis(justes[i - 1]![2]) ?? 0) : e.stockInitial.coutUnitaire);
    });
    const suite = e.mouvements.map((m, i) => {
      if (i === 0) return justes[0]!;
      const [, q, c, v] = ligne(i - 1);
      const [cmup, valeur] = [centimesSaisis(c), centimesSaisis(v)];
      if (typeof q !== 'number' || cmup === null || valeur === null) return justes[i]!;
      const { ligne: l } = mouvementCmup({ quantite: q, cmup, valeur, couts: [] }, m, coutDeSortie);
      return [l.sortie === null ? null : versEuros(l.sortie), l.quantite, versEuros(l.cmup), versEuros(l.valeur)];
    });
    res.push({ nom: NOMS_STK.cmup, valeur: suite, depuis: [NOMS_STK.cmup] });
  }
  // PEPS: a line's lots cannot be read from the card, but its stock follows from the line before it:
  // the quantity moves by the movement's, the value by the entry's (or the réintégration's, as expected)
  // or by the student's own exit value
  const peps = lu(NOMS_STK.peps);
  const justesPeps = a[NOMS_STK.peps] as (number | null)[][];
  if (Array.isArray(peps)) {
    const suitePeps = e.mouvements.map((m, i) => {
      const juste = justesPeps[i]!;
      const avant = peps[i - 1];
      const ici = peps[i];
      if (!i || !Array.isArray(avant)) return juste;
      const [q, v] = [avant[1], centimesSaisis(avant[2])];
      const sortie = m.nature === 'sortie' || m.nature === 'retour' ? centimesSaisis(Array.isArray(ici) ? ici[0] : null) : null;
      const apport = m.nature === 'entree' || m.nature === 'reintegration' ? (centimesSaisis(juste[2]) ?? 0) - (centimesSaisis(justesPeps[i - 1]![2]) ?? 0) : sortie === null ? null : -sortie;
      if (typeof q !== 'number' || v === null || apport === null) return juste;
      return [juste[0] ?? null, q + juste[1]! - justesPeps[i - 1]![1]!, versEuros(v + apport)];
    });
    res.push({ nom: NOMS_STK.peps, valeur: suitePeps, depuis: [NOMS_STK.peps] });
  }
  // the order: from the typed reorder point and the final stock of the typed card
  const alerte = lu(NOMS_STK.alerte);
  const final = ligne(e.mouvements.length - 1)[1];
  if (typeof alerte === 'number' && typeof final === 'number') {
    const commander = final <= alerte;
    res.push({ nom: NOMS_STK.commander, valeur: commander ? 'Oui' : 'Non', depuis: [NOMS_STK.alerte, NOMS_STK.cmup] });
    res.push({ nom: NOMS_STK.quantite, valeur: commander ? e.stockMaximum - final : 0, depuis: [NOMS_STK.alerte, NOMS_STK.cmup] });
  }
  return res;
}

/**
 * The corrigé's model of both cards and the reorder, line by line from the énoncé's movements.
 * CMUP after each entry: an entry adds its value and the CMUP is the value over the quantity,
 * rounded; an issue leaves at the CMUP of the line before; a return at its cost, a réintégration at
 * the CMUP its issue left at, the CMUP computed again. CMUP of the period: one cost on the first
 * line, every line at it. PEPS: the lots in order of entry (a return takes its units off the
 * delivery at its cost); the value of the first n units issued is the sum over the lots of their
 * cost × the part of n within the lot (MIN/MAX), so an issue is worth that sum at the units issued
 * after it less before it, and the stock what has entered less what has left. A réintégration from
 * an issue that is not the last one before it puts units back between others: the PEPS card then
 * stays a value from that line on. Whether to order is a decision: it stays a value.
 */
function formulesDuCorrige(e: EntreeStocks, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [z, cmup, peps] = [ou('STK_Mouvements'), ou(NOMS_STK.cmup), ou(NOMS_STK.peps)];
  if (!z || !cmup || !peps) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'STK_Mouvements');
  const [q, c] = [colonneDe(z, colonnes, 'quantite').cellule, colonneDe(z, colonnes, 'coutUnitaire').cellule];
  const cellule =
    (zone: NonNullable<typeof cmup>, j: number) =>
    (i: number, absolue = false) =>
      celluleDeZone(zone, i, j, absolue);
  const [sortie, quantite, cout, valeur] = [cellule(cmup, 0), cellule(cmup, 1), cellule(cmup, 2), cellule(cmup, 3)];
  const avantQ = (i: number) => (i === 0 ? 'STK_Initial_Quantite' : quantite(i - 1));
  const avantC = (i: number) => (i === 0 ? 'STK_Initial_Cout' : cout(i - 1));
  const avantV = (i: number) => (i === 0 ? 'STK_Initial_Quantite*STK_Initial_Cout' : valeur(i - 1));
  const m = e.mouvements;
  const origine = (i: number) => m.findIndex((x) => x.nature === 'sortie' && x.piece === m[i]!.origine);
  const res: Record<string, (string | null)[][]> = {};
  if (e.methodeCmup === 'periode') {
    const achats = m.flatMap((x, i) => (x.nature === 'entree' ? [`+${q(i)}*${c(i)}`] : x.nature === 'retour' ? [`-${q(i)}*${c(i)}`] : []));
    const quantites = m.flatMap((x, i) => (x.nature === 'entree' ? [`+${q(i)}`] : x.nature === 'retour' ? [`-${q(i)}`] : []));
    res[NOMS_STK.cmup] = m.map((x, i) => [
      x.nature === 'sortie' ? `${q(i)}*${cout(i)}` : x.nature === 'retour' ? `${q(i)}*${c(i)}` : null,
      `${avantQ(i)}${x.nature === 'entree' || x.nature === 'reintegration' ? '+' : '-'}${q(i)}`,
      i === 0 ? `ROUND((STK_Initial_Quantite*STK_Initial_Cout${achats.join('')})/(STK_Initial_Quantite${quantites.join('')}),2)` : cout(0, true),
      `${quantite(i)}*${cout(i)}`,
    ]);
  } else {
    res[NOMS_STK.cmup] = m.map((x, i) => {
      const moyen = (garde: boolean) => (garde ? `IF(${quantite(i)}=0,0,ROUND(${valeur(i)}/${quantite(i)},2))` : `ROUND(${valeur(i)}/${quantite(i)},2)`);
      switch (x.nature) {
        case 'entree':
          return [null, `${avantQ(i)}+${q(i)}`, moyen(false), `${avantV(i)}+${q(i)}*${c(i)}`];
        case 'reintegration':
          return [null, `${avantQ(i)}+${q(i)}`, moyen(false), `${avantV(i)}+${q(i)}*${avantC(origine(i))}`];
        case 'retour':
          return [`${q(i)}*${c(i)}`, `${avantQ(i)}-${q(i)}`, moyen(true), `${avantV(i)}-${sortie(i)}`];
        default:
          return [`${q(i)}*${avantC(i)}`, `${avantQ(i)}-${q(i)}`, avantC(i), `${quantite(i)}*${cout(i)}`];
      }
    });
  }
  res[NOMS_STK.peps] = fichePepsEnFormules(e, q, c, cellule(peps, 1));
  const fin = quantite(m.length - 1);
  res[NOMS_STK.alerte] = [['STK_Minimum+STK_Consommation*STK_Delai']];
  res[NOMS_STK.quantite] = [[`IF(${fin}<=${NOMS_STK.alerte},STK_Maximum-${fin},0)`]];
  return res;
}

/**
 * The PEPS card in formulas (see formulesDuCorrige): `q`, `c`, the énoncé's quantity and cost of
 * movement i. The lots, their quantities less the
 * returns taken off them, are known when the card is written: null from a line the lots cannot
 * follow (a return larger than what is left of its delivery, a réintégration into older lots).
 * `quantite`: the card's cell of the quantity in stock of line i.
 */
function fichePepsEnFormules(e: EntreeStocks, q: (i: number) => string, c: (i: number) => string, quantite: (i: number) => string): (string | null)[][] {
  const m = e.mouvements;
  interface Lot {
    q: string;
    c: string;
    cout: number; // its unit cost, to find the delivery a return comes from
    n: number; // its units, less those returned
    retours: string[];
  }
  const lots: Lot[] = [{ q: 'STK_Initial_Quantite', c: 'STK_Initial_Cout', cout: e.stockInitial.coutUnitaire, n: e.stockInitial.quantite, retours: [] }];
  const mouvementsSortis: string[] = []; // the units issued so far, less those reintegrated
  let emises = 0;
  let suivable = true;
  let derniereSortie = -1;
  const lotQ = (l: Lot) => (l.retours.length ? `(${l.q}${l.retours.map((r) => `-${r}`).join('')})` : l.q);
  /** the value of the first n units issued, over the lots entered so far */
  const premieres = (n: string) => {
    let debut = '';
    return lots
      .map((l) => {
        const t = `${l.c}*MIN(MAX(${n}${debut ? `-(${debut})` : ''},0),${lotQ(l)})`;
        debut = debut ? `${debut}+${lotQ(l)}` : lotQ(l);
        return t;
      })
      .join('+');
  };
  const sorties = () => (mouvementsSortis.length ? `(${mouvementsSortis.join('').replace(/^\+/, '')})` : '0');
  return m.map((x, i) => {
    if (!suivable) return [null, null, null];
    let valeurSortie: string | null = null;
    if (x.nature === 'entree') lots.push({ q: q(i), c: c(i), cout: x.coutUnitaire!, n: x.quantite, retours: [] });
    else if (x.nature === 'retour') {
      // off the newest delivery at its cost, which must still hold the units returned
      const j = lots.reduce((dernier, l, k) => (k > 0 && l.cout === x.coutUnitaire ? k : dernier), -1);
      const avant = lots.slice(0, Math.max(j, 0)).reduce((a, l) => a + l.n, 0);
      if (j < 0 || emises > avant + lots[j]!.n - x.quantite) {
        suivable = false;
        return [null, null, null];
      }
      lots[j]!.retours.push(q(i));
      lots[j]!.n -= x.quantite;
      valeurSortie = `${q(i)}*${c(i)}`;
    } else if (x.nature === 'sortie') {
      const avant = sorties();
      mouvementsSortis.push(`+${q(i)}`);
      emises += x.quantite;
      derniereSortie = i;
      valeurSortie = `${premieres(sorties())}-(${premieres(avant)})`;
    } else {
      // back into its issue's lots: the units it issued last, when no issue came after it
      if (m[derniereSortie]?.piece !== x.origine) {
        suivable = false;
        return [null, null, null];
      }
      mouvementsSortis.push(`-${q(i)}`);
      emises -= x.quantite;
    }
    const avantQ = i === 0 ? 'STK_Initial_Quantite' : quantite(i - 1);
    const entre = lots.map((l) => `${l.c}*${lotQ(l)}`).join('+');
    return [valeurSortie, `${avantQ}${x.nature === 'entree' || x.nature === 'reintegration' ? '+' : '-'}${q(i)}`, `${entre}-(${premieres(sorties())})`];
  });
}

export const EXERCICE_STOCKS: SpecExercice<EntreeStocks, null> = {
  gabarit: GABARIT,
  largeursEnonce: [12, 12, 20, 22, 18, 10, 14, 12],
  blocs,
  structure: () =>
    blocs({
      article: { reference: '', designation: '', unite: '' },
      debut: '2000-01-01',
      stockInitial: { quantite: 0, coutUnitaire: 0 },
      mouvements: [],
      stockMinimum: 0,
      consommationJournaliere: 0,
      delaiLivraison: 1,
      stockMaximum: 0,
      methodeCmup: 'chaque_entree',
    }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  formulesDuCorrige,
  unites: (e) => {
    const unites = e.mouvements.map((m) => `${m.piece} du ${dateFr(m.date)}`);
    return { [NOMS_STK.cmup]: unites, [NOMS_STK.peps]: unites };
  },
  attendus,
  enchainements: (lu, e, _p, a) => enchainements(lu, e, a),
  variantes,
  justification,
  largeursJustification: [16, 14, 100],
};
