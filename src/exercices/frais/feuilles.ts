import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Style, type Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, note, saisie, saisieCentree, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { moisEnLettres } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { ligneDuBareme, parametresFrais, TRANCHES_KM, type ParametresFrais } from '../../domain/parametres/frais';
import { nombreFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  libelleDe,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  montantTexte,
  reponsesChangees,
  valeurRemplie,
  type Attendus,
  type FeuilleConstruite,
  type LectureBlocs,
  type SpecExercice,
  centimesSaisis,
  enSuite,
  sommeSaisie,
  type Enchainement,
  type Lu,
  colonneDe,
  colonnesDuBloc,
  celluleDeZone,
  feuilleDansFormule,
  type OuNom,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/frais.json';
import { calculerFrais, FACON_JUSTE, kmAvantChaqueLigne, ordreDesLignes, plafondDuRepas, TVA_NON_RECUPERABLE, TVA_RECUPERABLE, type Facon } from './calcul';
import type { EntreeFrais, LigneDeFrais } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'frais');

export const NOMS_FRA = { controle: 'FRA_Controle', rembourse: 'FRA_Total_Rembourse', ecart: 'FRA_Total_Ecart', tva: 'FRA_Total_TVA' } as const;
const NOM_BAREME = 'FRA_Bareme';
const NOM_MAJORATION = 'FRA_Majoration_Electrique';
const NATURES = { km: 'Indemnités kilométriques', repas: 'Repas', hotel: 'Nuitée', train: 'Train', taxi: 'Taxi', peage: 'Péage', parking: 'Stationnement' };
const PUISSANCES: Record<string, string> = { '3': '3 CV et moins', '4': '4 CV', '5': '5 CV', '6': '6 CV', '7': '7 CV et plus' };

function blocs(e: EntreeFrais): Bloc[] {
  return [
    {
      nom: 'FRA_Salarie',
      titre: 'Le salarié et les règles de l\u2019entreprise',
      champs: [
        { nom: 'FRA_Nom', cle: 'salarie', libelle: 'Salarié', type: 'texte', valeur: e.salarie },
        { nom: 'FRA_Mois', cle: 'mois', libelle: 'Mois des déplacements', type: 'mois', valeur: e.mois },
        { nom: 'FRA_Puissance', cle: 'puissance', libelle: 'Puissance fiscale du véhicule personnel (CV)', type: 'entier', valeur: e.puissance },
        { nom: 'FRA_Electrique', cle: 'electrique', libelle: 'Véhicule électrique', type: 'ouiNon', valeur: e.electrique },
        { nom: 'FRA_Km_Annuels', cle: 'kmAnnuels', libelle: 'Kilomètres professionnels déjà parcourus cette année (avant ce mois)', type: 'entier', valeur: e.kmAnnuels },
        { nom: 'FRA_Plafond_Repas', cle: 'plafondRepas', libelle: 'Plafond de remboursement d\u2019un repas', type: 'euros', valeur: versEuros(e.plafondRepas) },
        { nom: 'FRA_Plafond_Nuitee', cle: 'plafondNuitee', libelle: 'Plafond de remboursement d\u2019une nuitée', type: 'euros', valeur: versEuros(e.plafondNuitee) },
        {
          nom: 'FRA_Plafond_Repas_Affaires',
          cle: 'plafondRepasAffaires',
          libelle: 'Plafond d\u2019un repas d\u2019affaires, par convive (salarié compris)',
          type: 'euros',
          valeur: versEuros(e.plafondRepasAffaires),
          defaut: 0,
        },
      ],
    },
    {
      nom: 'FRA_Lignes',
      titre: 'État de frais rempli par le salarié',
      colonnes: [
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'nature', entete: 'Nature', type: { choix: NATURES }, largeur: 1 },
        { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 2 },
        { cle: 'km', entete: 'Kilomètres', type: 'entier', largeur: 1 },
        { cle: 'montant', entete: 'Montant demandé TTC', type: 'euros', largeur: 1 },
        { cle: 'tva', entete: 'Dont TVA', type: 'euros', largeur: 1 },
        { cle: 'justificatif', entete: 'Justificatif joint', type: 'ouiNon', largeur: 1 },
        { cle: 'convives', entete: 'Convives (repas d\u2019affaires)', type: 'entier', largeur: 1, ajoutee: true },
      ],
      lignes: e.lignes.map((l) => ({ ...l, km: l.km || undefined, montant: versEuros(l.montant), tva: l.tva ? versEuros(l.tva) : undefined })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { ...((l.get('FRA_Salarie') ?? {}) as Record<string, unknown>), lignes: l.get('FRA_Lignes') ?? [] };
}

function feuilleParametres(p: ParametresFrais): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [22, 14, 14, 14, 14, 36]);
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 6 }]);
  f.ligne([
    {
      valeur:
        'Barème kilométrique en vigueur pour le mois des déplacements, selon la distance professionnelle d parcourue dans l\u2019année : jusqu\u2019à 5 000 km, d × a ; de 5 001 à 20 000 km, (d × b) + c ; au-delà de 20 000 km, d × e. Un déplacement est indemnisé de ce qu\u2019il ajoute au montant de l\u2019année (les kilomètres déjà parcourus comptent). L\u2019enseignant peut modifier les taux : le corrigé et la vérification utilisent toujours ceux de cette feuille.',
      style: sousTitre,
      colonnes: 6,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: 'Barème kilométrique (voitures)', style: bandeau, colonnes: 6 }]);
  f.ligne(['Puissance fiscale', 'a (€/km, d ≤ 5 000)', 'b (€/km, 5 001 à 20 000)', 'c (€, 5 001 à 20 000)', 'e (€/km, d > 20 000)', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  const lignes = Object.keys(PUISSANCES);
  for (const cv of lignes) {
    const l = p.bareme[cv]!;
    f.ligne([
      { valeur: PUISSANCES[cv]!, style: valeur },
      ...[l.a, l.b].map((t) => ({ valeur: t, style: { ...saisieCentree, format: '0.000' } })),
      { valeur: l.c, style: { ...saisieCentree, format: '#,##0' } },
      { valeur: l.e, style: { ...saisieCentree, format: '0.000' } },
      { valeur: p.reference, style: note },
    ]);
  }
  const majoration = f.ligne([
    { valeur: 'Véhicule électrique : majoration du montant (%)', style: valeur },
    { valeur: p.majorationElectrique, style: { ...saisieCentree, format: '0' } },
    // the scale's own reference: a teacher's file may bring another rate
    { valeur: p.reference ? `${p.reference} : montant du barème majoré pour un véhicule électrique` : '', style: note, colonnes: 4 },
  ]);
  f.vide();
  f.ligne([{ valeur: 'TVA non récupérable : hébergement du personnel, transport de personnes (CGI, ann. II, art. 206, IV-2).', style: { ...texte, italique: true }, colonnes: 6 }]);
  return {
    feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true },
    noms: [
      { nom: NOM_BAREME, feuille: FEUILLES.parametres, plage: `B${premiere}:E${premiere + lignes.length - 1}` },
      { nom: NOM_MAJORATION, feuille: FEUILLES.parametres, plage: `B${majoration}` },
    ],
  };
}

/** « Paramètres » read back: the scale's four numbers per horsepower (a workbook made before the three brackets has its first rate only, applied to any distance). */
function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresFrais {
  const lus = v(NOM_BAREME);
  const nombres = (l: Valeur[]) => l.every((x) => typeof x === 'number' && x >= 0) && (l[0] as number) > 0;
  if (!lus || lus.length !== 5 || !lus.every(nombres) || ![1, 4].includes(lus[0]!.length))
    throw new Error('Paramètres : le barème kilométrique attend, pour chaque puissance, les taux a, b et e et la part fixe c, positifs (nom FRA_Bareme).');
  const ligne = (l: Valeur[]) => {
    const [a, b, c, e] = l as number[];
    return l.length === 1 ? { a: a!, b: a!, c: 0, e: a! } : { a: a!, b: b!, c: c!, e: e! };
  };
  // a workbook made before the electric vehicle's raise has no such cell: none of its cases is electric
  const majoration = v(NOM_MAJORATION)?.[0]?.[0] ?? 0;
  if (typeof majoration !== 'number' || majoration < 0) throw new Error('Paramètres : la majoration pour un véhicule électrique attend un pourcentage positif (nom FRA_Majoration_Electrique).');
  return { bareme: Object.fromEntries(Object.keys(PUISSANCES).map((cv, i) => [cv, ligne(lus[i]!)])), majorationElectrique: majoration, reference: '' };
}

function attendusDe(e: EntreeFrais, p: ParametresFrais, facon: Facon): Attendus {
  const r = calculerFrais(e, p, facon);
  return {
    [NOMS_FRA.controle]: r.lignes.map((l) => [versEuros(l.retenu), versEuros(l.ecart), versEuros(l.tvaRecuperable)]),
    [NOMS_FRA.rembourse]: versEuros(r.totalRembourse),
    [NOMS_FRA.ecart]: versEuros(r.totalEcart),
    [NOMS_FRA.tva]: versEuros(r.totalTva),
  };
}

const attendus = (e: EntreeFrais, p: ParametresFrais): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreeFrais, _p: ParametresFrais, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [12, 40, 15, 15, 15]);
  const noms: NomDefini[] = [];
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fondCorrige(remplie) };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 5 }]);
  f.ligne([{ valeur: `${e.salarie}, ${moisEnLettres(e.mois)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  f.ligne([{ valeur: '1. Contrôle de chaque ligne', style: bandeau, colonnes: 5 }]);
  f.ligne(['Date', 'Ligne', 'Montant retenu', 'Écart', 'TVA récupérable'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  e.lignes.forEach((l, i) =>
    f.ligne([
      { valeur: { date: l.date }, style: { ...valeur, alignement: 'centre', format: 'dd/mm/yyyy' } },
      { valeur: `${NATURES[l.nature]} — ${l.libelle}`, style: valeur },
      ...[0, 1, 2].map((j) => ({ valeur: rempli(NOMS_FRA.controle, i, j), style: montant })),
    ]),
  );
  noms.push({ nom: NOMS_FRA.controle, feuille, plage: `C${premiere}:E${premiere + e.lignes.length - 1}` });
  f.vide();
  f.ligne([{ valeur: '2. Totaux', style: bandeau, colonnes: 5 }]);
  for (const nom of [NOMS_FRA.rembourse, NOMS_FRA.ecart, NOMS_FRA.tva]) {
    const n = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: 4 },
      { valeur: rempli(nom), style: montant },
    ]);
    noms.push({ nom, feuille, plage: `E${n}` });
  }
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms };
}

function justification(e: EntreeFrais, p: ParametresFrais): string[][] {
  const r = calculerFrais(e, p);
  const eur = montantTexte;
  const cv = ligneDuBareme(e.puissance);
  const avant = kmAvantChaqueLigne(e);
  const bareme = p.bareme[cv]!;
  /** « 5 000 km × 0,636 » : the year's amount at d km, as the scale writes it. */
  const annuel = (d: number) =>
    d <= TRANCHES_KM[0] ? `${d} × ${nombreFr(bareme.a)}` : d <= TRANCHES_KM[1] ? `(${d} × ${nombreFr(bareme.b)}) + ${nombreFr(bareme.c)}` : `${d} × ${nombreFr(bareme.e)}`;
  const electrique = e.electrique ? ` × ${nombreFr(1 + p.majorationElectrique / 100)} (véhicule électrique)` : '';
  const km = (l: LigneDeFrais, i: number, retenu: number) =>
    avant[i]! + l.km <= TRANCHES_KM[0]
      ? `${l.km} km × ${nombreFr(bareme.a)} € (${PUISSANCES[cv]})${electrique} = ${eur(retenu)}.`
      : `${avant[i]} km parcourus cette année avant ce déplacement, ${avant[i]! + l.km} après (${PUISSANCES[cv]}) : ([${annuel(avant[i]! + l.km)}] − [${annuel(avant[i]!)}])${electrique} = ${eur(retenu)}.`;
  return [
    ['Ligne', 'Montant retenu', 'Comment on l\u2019obtient'],
    ...e.lignes.map((l, i) => {
      const x = r.lignes[i]!;
      const regle = !l.justificatif
        ? 'Sans justificatif : rien n\u2019est remboursé.'
        : l.nature === 'km'
          ? km(l, i, x.retenu)
          : l.nature === 'repas' || l.nature === 'hotel'
            ? `${l.convives ? `Repas d\u2019affaires de ${l.convives} convives, plafond ${l.convives} × ${eur(e.plafondRepasAffaires)} = ${eur(plafondDuRepas(e, l))} ; ` : ''}${eur(l.montant)} ${x.retenu < l.montant ? `au-delà du plafond de ${eur(l.nature === 'repas' ? plafondDuRepas(e, l) : e.plafondNuitee)} : ${eur(x.retenu)} retenus` : 'dans le plafond'}.`
            : `${eur(l.montant)}, pour son montant.`;
      const tva = x.tvaRecuperable
        ? ` TVA récupérable : ${x.retenu < l.montant ? `${eur(l.tva)} × ${eur(x.retenu)} / ${eur(l.montant)} = ` : ''}${eur(x.tvaRecuperable)}.`
        : l.tva && TVA_NON_RECUPERABLE.has(l.nature)
          ? ' TVA non récupérable.'
          : '';
      return [`${i + 1}. ${NATURES[l.nature]}`, montantTexte(x.retenu), `${regle}${x.ecart ? ` Écart : ${eur(x.ecart)}.` : ''}${tva}`];
    }),
    ['Totaux', montantTexte(r.totalRembourse), `Demandé ${eur(r.totalDemande)}, remboursé ${eur(r.totalRembourse)}, écart ${eur(r.totalEcart)} ; TVA récupérable ${eur(r.totalTva)}.`],
  ];
}

const siDifferent = (e: EntreeFrais, p: ParametresFrais, facon: Partial<Facon>) => reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p));

const variantes: SpecExercice<EntreeFrais, ParametresFrais>['variantes'] = {
  plafond_ignore: (e, p) => siDifferent(e, p, { plafonds: false }),
  sans_justificatif_rembourse: (e, p) => siDifferent(e, p, { justificatifs: false }),
  tva_non_recuperable: (e, p) => siDifferent(e, p, { tvaExclue: false }),
  mauvaise_puissance: (e, p) => siDifferent(e, p, { bonnePuissance: false }),
  repas_affaires_plafond_individuel: (e, p) => siDifferent(e, p, { repasAffairesParConvive: false }),
};

/** Knock-on errors of the expense report: a line's écart from its typed retained amount, the totals from the typed lines. */
function enchainements(lu: Lu, e: EntreeFrais, p: ParametresFrais): Enchainement[] {
  const r = calculerFrais(e, p, FACON_JUSTE);
  const lues = lu(NOMS_FRA.controle);
  const lignes = r.lignes.map((l, i) => {
    const ligne = Array.isArray(lues) && Array.isArray(lues[i]) ? lues[i] : [];
    const retenu = centimesSaisis(ligne[0]);
    return [versEuros(l.retenu), versEuros(retenu === null ? l.ecart : l.demande - retenu), versEuros(l.tvaRecuperable)];
  });
  return [
    { nom: NOMS_FRA.controle, valeur: lignes, depuis: [NOMS_FRA.controle] },
    ...enSuite(NOMS_FRA.rembourse, sommeSaisie(lu, NOMS_FRA.controle, 0), [NOMS_FRA.controle]),
    ...enSuite(NOMS_FRA.ecart, sommeSaisie(lu, NOMS_FRA.controle, 1), [NOMS_FRA.controle]),
    ...enSuite(NOMS_FRA.tva, sommeSaisie(lu, NOMS_FRA.controle, 2), [NOMS_FRA.controle]),
  ];
}

/**
 * The corrigé's model, line by line: nothing without a receipt; kilometres at the scale's row of the
 * car's horsepower (« 3 CV et moins » to « 7 CV et plus »), what the trip adds to the year's amount
 * (the km of the year before the month, then the month's km lines in date order), raised for an
 * electric car; a meal or a night within its ceiling (a business meal: per guest); the rest as
 * asked. The écart is what was asked (for km with no amount asked: the allowance) less what is kept;
 * the TVA of the receipt in proportion to what is kept, on the natures where it is recoverable
 * (elsewhere it stays 0). The totals add the columns.
 */
function formulesDuCorrige(e: EntreeFrais, _p: ParametresFrais, ou: OuNom): Record<string, (string | null)[][]> {
  const [z, controle, zb] = [ou('FRA_Lignes'), ou(NOMS_FRA.controle), ou(NOM_BAREME)];
  if (!z || !controle || !zb || !e.lignes.length) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'FRA_Lignes');
  const [km, montant, tva, justificatif, convives] = [
    colonneDe(z, colonnes, 'km').cellule,
    colonneDe(z, colonnes, 'montant').cellule,
    colonneDe(z, colonnes, 'tva').cellule,
    colonneDe(z, colonnes, 'justificatif').cellule,
    colonneDe(z, colonnes, 'convives').cellule,
  ];
  // the scale's rows run from « 3 CV et moins » to « 7 CV et plus » (3 and 7 are admitted in the template)
  const rang = 'MIN(MAX(FRA_Puissance,3),7)-2';
  const taux = (j: number) => {
    const c = lettreColonne(zb.gauche - 2 + j);
    return `INDEX(${feuilleDansFormule(zb.feuille)}${c}${zb.haut}:${c}${zb.bas},${rang})`;
  };
  /** the scale's amount for a year of d km: d × a up to 5 000, (d × b) + c up to 20 000, d × e beyond */
  const bareme = (d: string) => `IF(${d}<=5000,${d}*${taux(1)},IF(${d}<=20000,${d}*${taux(2)}+${taux(3)},${d}*${taux(4)}))`;
  const ordre = ordreDesLignes(e);
  const cellule = (j: number) => (i: number) => celluleDeZone(controle, i, j);
  const [retenu, ecart, recuperable] = [cellule(0), cellule(1), cellule(2)];
  const lignes = e.lignes.map((l, i) => {
    let garde: string;
    if (l.nature === 'km') {
      // the km lines travelled before this one, in the order they are counted
      const precedents = ordre.slice(0, ordre.indexOf(i)).filter((j) => e.lignes[j]!.nature === 'km');
      const d0 = ['FRA_Km_Annuels', ...precedents.map((j) => km(j))].join('+');
      const d1 = `${d0}+${km(i)}`;
      garde = `ROUND((${bareme(`(${d1})`)}-${bareme(`(${d0})`)})*(1+${NOM_MAJORATION}/100*(FRA_Electrique="Oui")),2)`;
    } else if (l.nature === 'repas') garde = `MIN(${montant(i)},IF(${convives(i)}="",FRA_Plafond_Repas,FRA_Plafond_Repas_Affaires*${convives(i)}))`;
    else if (l.nature === 'hotel') garde = `MIN(${montant(i)},FRA_Plafond_Nuitee)`;
    else garde = montant(i);
    const demande = l.nature === 'km' && !l.montant ? retenu(i) : montant(i);
    return [
      `IF(${justificatif(i)}="Non",0,${garde})`,
      l.nature === 'km' && !l.montant ? `IF(${justificatif(i)}="Non",${garde},0)` : `${demande}-${retenu(i)}`,
      TVA_RECUPERABLE.has(l.nature) ? `IF(${retenu(i)}=0,0,ROUND(${tva(i)}*${retenu(i)}/${montant(i)},2))` : null,
    ];
  });
  const total = (c: (i: number) => string) => [[`SUM(${c(0)}:${c(e.lignes.length - 1)})`]];
  return { [NOMS_FRA.controle]: lignes, [NOMS_FRA.rembourse]: total(retenu), [NOMS_FRA.ecart]: total(ecart), [NOMS_FRA.tva]: total(recuperable) };
}

export const EXERCICE_FRAIS: SpecExercice<EntreeFrais, ParametresFrais> = {
  gabarit: GABARIT,
  largeursEnonce: [12, 20, 20, 20, 11, 14, 11, 12, 12],
  blocs,
  structure: () => blocs({ salarie: '', mois: '2000-01', puissance: 5, electrique: false, kmAnnuels: 0, plafondRepas: 0, plafondNuitee: 0, plafondRepasAffaires: 0, lignes: [] }),
  donnees,
  parametresParDefaut: (e, t) => parametresFrais(e.mois, t.frais),
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  unites: (e) => ({ [NOMS_FRA.controle]: e.lignes.map((l, i) => `ligne ${i + 1} (${NATURES[l.nature].toLowerCase()})`) }),
  attendus,
  enchainements,
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [18, 14, 100],
};
