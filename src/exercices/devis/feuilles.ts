import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, saisieCentree, saisieDate, sousTitre, titre, valeur } from '../../sheets/styles';
import { ajouterJours, dateFr } from '../../domain/dates';
import { taxe, versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  celluleDeZone,
  centimesSaisis,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
  enSuite,
  FEUILLES,
  feuilleDeRegles,
  fondCorrige,
  libelleDe,
  montantTexte,
  reponsesChangees,
  sommeSaisie,
  valeurRemplie,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type OuNom,
  type SpecExercice,
  ligneDeReponse,
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/devis.json';
import { calculerDevis, ECARTS, FACON_JUSTE, SUITES, type Facon } from './calcul';
import type { EntreeDevis } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'devis');

export const NOMS_DEV = {
  lignes: 'DEV_Lignes',
  totalNet: 'DEV_Total_Net',
  port: 'DEV_Port',
  tva: 'DEV_TVA',
  ttc: 'DEV_TTC',
  acompte: 'DEV_Acompte',
  validite: 'DEV_Validite',
  ecarts: 'DEV_Ecarts',
  valable: 'DEV_Valable',
  conditions: 'DEV_Conditions',
  suite: 'DEV_Suite',
} as const;

function blocs(e: EntreeDevis): Bloc[] {
  const designation = new Map(e.tarif.map((a) => [a.reference, a.designation]));
  return [
    {
      nom: 'DEV_Situation',
      titre: 'La demande et les conditions de l\u2019entreprise',
      champs: [
        { nom: 'DEV_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'DEV_Client', cle: 'client', libelle: 'Client', type: 'texte', valeur: e.client },
        { nom: 'DEV_Date_Devis', cle: 'date', libelle: 'Date du devis', type: 'date', valeur: e.devis.date },
        { nom: 'DEV_Duree_Validite', cle: 'validite', libelle: 'Durée de validité du devis (jours)', type: 'entier', valeur: e.devis.validite },
        { nom: 'DEV_Taux_TVA', cle: 'tauxTva', libelle: 'Taux de TVA des articles', type: 'taux', valeur: e.devis.tauxTva },
        { nom: 'DEV_Taux_Acompte', cle: 'acompte', libelle: 'Acompte demandé à la commande (% du total TTC)', type: 'taux', valeur: e.devis.acompte },
        { nom: 'DEV_Franco', cle: 'franco', libelle: 'Franco de port (total net HT à atteindre)', type: 'euros', valeur: versEuros(e.devis.franco) },
        { nom: 'DEV_Forfait_Port', cle: 'port', libelle: 'Forfait de port HT en dessous du franco', type: 'euros', valeur: versEuros(e.devis.port) },
      ],
    },
    {
      nom: 'DEV_Tarif',
      titre: 'Tarif de l\u2019entreprise',
      colonnes: [
        { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
        { cle: 'designation', entete: 'Désignation', type: 'texte', largeur: 3 },
        { cle: 'prixUnitaire', entete: 'Prix unitaire HT', type: 'euros', largeur: 1 },
      ],
      lignes: e.tarif.map((a) => ({ ...a, prixUnitaire: versEuros(a.prixUnitaire) })),
    },
    {
      nom: 'DEV_Remises',
      titre: 'Remises sur quantité (par ligne du devis)',
      colonnes: [
        { cle: 'aPartirDe', entete: 'À partir de (quantité)', type: 'entier', largeur: 2 },
        { cle: 'taux', entete: 'Taux de remise', type: 'taux', largeur: 1 },
      ],
      lignes: e.remises,
      vide: '(aucune remise)',
    },
    {
      nom: 'DEV_Demande',
      titre: 'Demande du client',
      colonnes: [
        { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
        { cle: 'designation', entete: 'Désignation', type: 'texte', largeur: 3 },
        { cle: 'quantite', entete: 'Quantité', type: 'entier', largeur: 1 },
      ],
      lignes: e.demande.map((d) => ({ ...d, designation: designation.get(d.reference) ?? '' })),
    },
    {
      nom: 'DEV_Commande',
      titre: 'Bon de commande reçu du client',
      champs: [
        { nom: 'DEV_Date_Commande', cle: 'date', libelle: 'Date du bon de commande', type: 'date', valeur: e.commande.date },
        { nom: 'DEV_Acompte_Commande', cle: 'acompte', libelle: 'Acompte que le client propose de verser (% du total TTC)', type: 'taux', valeur: e.commande.acompte },
      ],
    },
    {
      nom: 'DEV_Bon_Commande',
      titre: 'Lignes du bon de commande',
      colonnes: [
        { cle: 'reference', entete: 'Référence', type: 'texte', largeur: 1 },
        { cle: 'designation', entete: 'Désignation', type: 'texte', largeur: 2 },
        { cle: 'quantite', entete: 'Quantité', type: 'entier', largeur: 1 },
        { cle: 'prixUnitaire', entete: 'Prix unitaire HT', type: 'euros', largeur: 1 },
        { cle: 'remise', entete: 'Remise', type: 'taux', largeur: 1 },
      ],
      lignes: e.commande.lignes.map((l) => ({ ...l, designation: designation.get(l.reference) ?? '', prixUnitaire: versEuros(l.prixUnitaire) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { entreprise, client, ...devis } = (l.get('DEV_Situation') ?? {}) as Record<string, unknown>;
  const sans = (lignes: unknown) => ((lignes ?? []) as Record<string, unknown>[]).map(({ designation: _, ...x }) => x);
  return {
    entreprise,
    client,
    devis,
    tarif: l.get('DEV_Tarif') ?? [],
    remises: l.get('DEV_Remises') ?? [],
    demande: sans(l.get('DEV_Demande')),
    commande: { ...((l.get('DEV_Commande') ?? {}) as Record<string, unknown>), lignes: sans(l.get('DEV_Bon_Commande')) },
  };
}

function attendusDe(e: EntreeDevis, facon: Facon): Attendus {
  const r = calculerDevis(e, facon);
  return {
    [NOMS_DEV.lignes]: r.lignes.map((l) => [versEuros(l.prixUnitaire), versEuros(l.brut), l.taux, versEuros(l.net)]),
    [NOMS_DEV.totalNet]: versEuros(r.totalNet),
    [NOMS_DEV.port]: versEuros(r.port),
    [NOMS_DEV.tva]: versEuros(r.tva),
    [NOMS_DEV.ttc]: versEuros(r.ttc),
    [NOMS_DEV.acompte]: versEuros(r.acompte),
    [NOMS_DEV.validite]: r.validite,
    [NOMS_DEV.ecarts]: r.ecarts.map((x) => ECARTS[x]),
    [NOMS_DEV.valable]: ouiNon(r.valable),
    [NOMS_DEV.conditions]: ouiNon(r.conditions),
    [NOMS_DEV.suite]: SUITES[r.suite],
  };
}

const attendus = (e: EntreeDevis): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeDevis, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [40, 34, 16, 12, 16]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const taux: Style = { ...saisieCentree, format: '0.##', ...fond };
  const choix: Style = { ...saisieCentree, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const designation = new Map(e.tarif.map((a) => [a.reference, a.designation]));
  const total = (nom: string, style: Style) => {
    const n = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: 4 },
      { valeur: rempli(nom), style },
    ]);
    noms.push({ nom, feuille, plage: `E${n}` });
    return n;
  };
  const reponse = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 5 }]);
  f.ligne([{ valeur: `Devis du ${dateFr(e.devis.date)} pour ${e.client}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  f.ligne([{ valeur: '1. Devis', style: bandeau, colonnes: 5 }]);
  f.ligne(['Article (quantité demandée)', 'Prix unitaire HT', 'Montant brut HT', 'Remise (%)', 'Montant net HT'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  e.demande.forEach((d, i) =>
    f.ligne([
      { valeur: `${d.reference} — ${designation.get(d.reference) ?? ''} (${d.quantite})`, style: valeur },
      { valeur: rempli(NOMS_DEV.lignes, i, 0), style: montant },
      { valeur: rempli(NOMS_DEV.lignes, i, 1), style: montant },
      { valeur: rempli(NOMS_DEV.lignes, i, 2), style: taux },
      { valeur: rempli(NOMS_DEV.lignes, i, 3), style: montant },
    ]),
  );
  noms.push({ nom: NOMS_DEV.lignes, feuille, plage: `B${premiere}:E${premiere + e.demande.length - 1}` });
  total(NOMS_DEV.totalNet, montant);
  total(NOMS_DEV.port, montant);
  total(NOMS_DEV.tva, montant);
  total(NOMS_DEV.ttc, montant);
  total(NOMS_DEV.acompte, montant);
  total(NOMS_DEV.validite, { ...saisieDate, ...fond });
  f.vide();
  f.ligne([{ valeur: '2. Contrôle du bon de commande', style: bandeau, colonnes: 5 }]);
  f.ligne(['Ligne du bon de commande', 'Écart constaté avec le devis'].map((v) => ({ valeur: v, style: entete })));
  const debut = f.nombreDeLignes + 1;
  e.commande.lignes.forEach((l, i) =>
    f.ligne([
      { valeur: `${l.reference} — ${designation.get(l.reference) ?? ''}`, style: valeur },
      { valeur: rempli(NOMS_DEV.ecarts, i), style: choix },
    ]),
  );
  const fin = debut + e.commande.lignes.length - 1;
  noms.push({ nom: NOMS_DEV.ecarts, feuille, plage: `B${debut}:B${fin}` });
  const valable = reponse(NOMS_DEV.valable, choix);
  const conditions = reponse(NOMS_DEV.conditions, choix);
  const suite = reponse(NOMS_DEV.suite, choix);
  return {
    feuille: {
      ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }),
      protegee: true,
      validations: [
        { plage: `B${debut}:B${fin}`, liste: { elements: Object.values(ECARTS) }, message: 'Choisissez l\u2019écart dans la liste.' },
        ...[valable, conditions].map((n) => validationOuiNon(`B${n}`)),
        { plage: `B${suite}`, liste: { elements: Object.values(SUITES) }, message: 'Choisissez la suite dans la liste.' },
      ],
    },
    noms,
  };
}

/** « Paramètres »: the procedure the exercise applies (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Procédure de traitement des devis et des commandes', 'Règles de l\u2019entreprise ; le tarif, la demande et le bon de commande sont dans l\u2019énoncé.', [
    ['Remise sur quantité', 'Accordée ligne par ligne, au taux du palier que la quantité de la ligne atteint.'],
    ['Franco de port', 'Le port est offert quand le total net HT du devis atteint le franco ; sinon le forfait de port est facturé, soumis à la TVA.'],
    ['Validité', 'Le devis engage l\u2019entreprise jusqu\u2019à sa date de fin de validité ; une commande reçue après appelle un nouveau devis.'],
    ['Bon de commande', 'Il doit reprendre le devis : mêmes articles, quantités, prix, remises et conditions de paiement ; tout écart est signalé au client avant d\u2019accepter la commande.'],
  ]);

function justification(e: EntreeDevis): string[][] {
  const r = calculerDevis(e);
  const eur = montantTexte;
  const parRef = new Map(r.lignes.map((l) => [l.reference, l]));
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...r.lignes.map((l) => [
      l.reference,
      eur(l.net),
      `${l.quantite} × ${eur(l.prixUnitaire)} = ${eur(l.brut)} ; ${l.taux ? `palier atteint : remise ${nombreFr(l.taux)} % = ${eur(l.remise)}` : 'aucun palier atteint'} ; net ${eur(l.net)}.`,
    ]),
    ['Total net HT', eur(r.totalNet), `Somme des montants nets des lignes (brut ${eur(r.totalBrut)}).`],
    [
      'Port',
      eur(r.port),
      r.port
        ? `${eur(r.totalNet)} n\u2019atteint pas le franco de ${eur(e.devis.franco)} : forfait ${eur(e.devis.port)}.`
        : `${eur(r.totalNet)} atteint le franco de ${eur(e.devis.franco)} : port offert.`,
    ],
    ['TVA', eur(r.tva), `(${eur(r.totalNet)} + ${eur(r.port)}) × ${nombreFr(e.devis.tauxTva)} % = ${eur(r.tva)}.`],
    ['Total TTC', eur(r.ttc), `${eur(r.totalNet)} + ${eur(r.port)} + ${eur(r.tva)} = ${eur(r.ttc)}.`],
    ['Acompte', eur(r.acompte), `${eur(r.ttc)} × ${nombreFr(e.devis.acompte)} % = ${eur(r.acompte)}.`],
    ['Fin de validité', dateFr(r.validite), `${dateFr(e.devis.date)} + ${e.devis.validite} jours = ${dateFr(ajouterJours(e.devis.date, e.devis.validite))}.`],
    ...e.commande.lignes.map((c, i) => {
      const l = parRef.get(c.reference);
      const pourquoi = !l
        ? 'le devis ne cite pas cet article'
        : r.ecarts[i] === 'quantite'
          ? `${c.quantite} commandés pour ${l.quantite} au devis`
          : r.ecarts[i] === 'prix'
            ? `${eur(c.prixUnitaire)} sur le bon pour ${eur(l.prixUnitaire)} au devis`
            : r.ecarts[i] === 'remise'
              ? `remise de ${nombreFr(c.remise)} % sur le bon pour ${nombreFr(l.taux)} % au devis`
              : 'article, quantité, prix et remise du devis';
      return [`Bon : ${c.reference}`, ECARTS[r.ecarts[i]!], `${pourquoi[0]!.toUpperCase()}${pourquoi.slice(1)}.`];
    }),
    ['Devis valable', ouiNon(r.valable), `Commande du ${dateFr(e.commande.date)}, devis valable jusqu\u2019au ${dateFr(r.validite)}.`],
    ['Conditions', ouiNon(r.conditions), `Acompte de ${nombreFr(e.commande.acompte)} % sur le bon, ${nombreFr(e.devis.acompte)} % au devis.`],
    [
      'Suite',
      SUITES[r.suite],
      r.suite === 'nouveau'
        ? 'Le devis n\u2019était plus valable à la date de la commande.'
        : r.suite === 'corriger'
          ? 'Le bon de commande s\u2019écarte du devis.'
          : 'Le bon de commande reprend le devis.',
    ],
  ];
}

const siDifferent = (e: EntreeDevis, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/** Each mistake on the answers it makes wrong by itself; totals, TVA, acompte and the decision follow from the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeDevis, null>['variantes'] = {
  palier_non_atteint: (e) => siDifferent(e, { palierAtteint: false }, [NOMS_DEV.lignes]),
  franco_sur_brut: (e) => siDifferent(e, { francoSurNet: false }, [NOMS_DEV.port]),
  tva_sans_port: (e) => siDifferent(e, { tvaSurPort: false }, [NOMS_DEV.tva]),
  acompte_sur_ht: (e) => siDifferent(e, { acompteSurTtc: false }, [NOMS_DEV.acompte]),
  validite_ignoree: (e) => siDifferent(e, { validiteControlee: false }, [NOMS_DEV.valable]),
  remise_non_controlee: (e) => siDifferent(e, { remiseControlee: false }, [NOMS_DEV.ecarts]),
};

const texteSaisi = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : null);

/**
 * Knock-on errors: each line's gross and net from the student's own price and rate (the price and
 * rate themselves stay expected: they are read from the tarif); the totals, port, TVA, TTC and
 * acompte from the student's own figures; the decision from their own answers to the control.
 */
function enchainements(lu: Lu, e: EntreeDevis, a: Attendus): Enchainement[] {
  const res: Enchainement[] = [];
  const lues = lu(NOMS_DEV.lignes);
  const justes = a[NOMS_DEV.lignes] as (number | null)[][];
  if (Array.isArray(lues)) {
    const suite = e.demande.map((d, i) => {
      const [pu, , taux] = Array.isArray(lues[i]) ? lues[i] : [];
      const prix = centimesSaisis(pu);
      if (prix === null || typeof taux !== 'number' || taux < 0 || taux > 100 || Math.abs(taux * 100 - Math.round(taux * 100)) > 1e-6) return justes[i]!;
      const brut = d.quantite * prix;
      return [justes[i]![0]!, versEuros(brut), justes[i]![2]!, versEuros(brut - taxe(brut, taux))];
    });
    res.push({ nom: NOMS_DEV.lignes, valeur: suite, depuis: [NOMS_DEV.lignes] });
  }
  const net = sommeSaisie(lu, NOMS_DEV.lignes, 3);
  res.push(...enSuite(NOMS_DEV.totalNet, net, [NOMS_DEV.lignes]));
  const [totalNet, port, tva, ttc] = [centimesSaisis(lu(NOMS_DEV.totalNet)), centimesSaisis(lu(NOMS_DEV.port)), centimesSaisis(lu(NOMS_DEV.tva)), centimesSaisis(lu(NOMS_DEV.ttc))];
  if (totalNet !== null) res.push(...enSuite(NOMS_DEV.port, totalNet >= e.devis.franco ? 0 : e.devis.port, [NOMS_DEV.totalNet]));
  if (totalNet !== null && port !== null) res.push(...enSuite(NOMS_DEV.tva, taxe(totalNet + port, e.devis.tauxTva), [NOMS_DEV.totalNet, NOMS_DEV.port]));
  if (totalNet !== null && port !== null && tva !== null) res.push(...enSuite(NOMS_DEV.ttc, totalNet + port + tva, [NOMS_DEV.totalNet, NOMS_DEV.port, NOMS_DEV.tva]));
  if (ttc !== null) res.push(...enSuite(NOMS_DEV.acompte, taxe(ttc, e.devis.acompte), [NOMS_DEV.ttc]));
  const [valable, conditions] = [texteSaisi(lu(NOMS_DEV.valable)), texteSaisi(lu(NOMS_DEV.conditions))];
  const ecarts = lu(NOMS_DEV.ecarts);
  if ((valable === 'oui' || valable === 'non') && (conditions === 'oui' || conditions === 'non') && Array.isArray(ecarts)) {
    const aucun = ECARTS.aucun.toLowerCase();
    const ecart = ecarts.some((x) => texteSaisi(x) !== aucun);
    res.push({
      nom: NOMS_DEV.suite,
      valeur: SUITES[valable === 'non' ? 'nouveau' : ecart || conditions === 'non' ? 'corriger' : 'accepter'],
      depuis: [NOMS_DEV.ecarts, NOMS_DEV.valable, NOMS_DEV.conditions],
    });
  }
  return res;
}

/**
 * The corrigé's model: each line's price found in the tarif by its reference (SUMIF: the reference
 * is unique there), its rate by the tiers its quantity reaches (nested IF, the highest first), its
 * gross and its net after the discount rounded to the cent; the totals; the port by the franco (IF);
 * TVA and acompte rounded to the cent; the validity date + its days. The control of the bon is a
 * reading: it stays values.
 */
function formulesDuCorrige(e: EntreeDevis, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [tarif, remises, demande, lignes] = [ou('DEV_Tarif'), ou('DEV_Remises'), ou('DEV_Demande'), ou(NOMS_DEV.lignes)];
  if (!tarif || !demande || !lignes || (e.remises.length && !remises)) return {};
  const b = blocs(e);
  const [ref, q] = (['reference', 'quantite'] as const).map((k) => colonneDe(demande, colonnesDuBloc(b, 'DEV_Demande'), k).cellule);
  const [refs, prix] = (['reference', 'prixUnitaire'] as const).map((k) => colonneDe(tarif, colonnesDuBloc(b, 'DEV_Tarif'), k).plage);
  const palier = (i: number) => {
    if (!remises) return '0';
    const [seuil, taux] = (['aPartirDe', 'taux'] as const).map((k) => colonneDe(remises, colonnesDuBloc(b, 'DEV_Remises'), k).cellule);
    return e.remises.reduce((sinon, _, k) => `IF(${q!(i)}>=${seuil!(k)},${taux!(k)},${sinon})`, '0');
  };
  const c = (i: number, j: number) => celluleDeZone(lignes, i, j);
  const { totalNet, port, tva, ttc } = NOMS_DEV;
  return {
    [NOMS_DEV.lignes]: e.demande.map((_, i) => [`SUMIF(${refs},${ref!(i)},${prix})`, `ROUND(${q!(i)}*${c(i, 0)},2)`, palier(i), `${c(i, 1)}-ROUND(${c(i, 1)}*${c(i, 2)}/100,2)`]),
    [totalNet]: [[`SUM(${c(0, 3)}:${c(e.demande.length - 1, 3)})`]],
    [port]: [[`IF(${totalNet}>=DEV_Franco,0,DEV_Forfait_Port)`]],
    [tva]: [[`ROUND((${totalNet}+${port})*DEV_Taux_TVA/100,2)`]],
    [ttc]: [[`${totalNet}+${port}+${tva}`]],
    [NOMS_DEV.acompte]: [[`ROUND(${ttc}*DEV_Taux_Acompte/100,2)`]],
    [NOMS_DEV.validite]: [['DEV_Date_Devis+DEV_Duree_Validite']],
  };
}

export const EXERCICE_DEVIS: SpecExercice<EntreeDevis, null> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 14, 14, 16, 14, 12, 12],
  blocs,
  structure: () =>
    blocs({
      entreprise: '',
      client: '',
      devis: { date: '2000-01-01', validite: 1, tauxTva: 20, acompte: 0, franco: 0, port: 0 },
      tarif: [],
      remises: [],
      demande: [],
      commande: { date: '2000-01-01', acompte: 0, lignes: [] },
    }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => {
    const designation = new Map(e.tarif.map((a) => [a.reference, a.designation]));
    return {
      [NOMS_DEV.lignes]: e.demande.map((d) => `${d.reference} (${designation.get(d.reference)})`),
      [NOMS_DEV.ecarts]: e.commande.lignes.map((l, i) => `ligne ${i + 1} du bon (${l.reference})`),
    };
  },
  attendus,
  enchainements: (lu, e, _p, a) => enchainements(lu, e, a),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [22, 26, 90],
};
