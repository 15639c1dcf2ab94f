import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, saisieCentree, saisieDate, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { ajouterJours, dateFr } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc, type TexteCode } from '../../sheets/exercices/blocs';
import {
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  montantTexte,
  reponsesChangees,
  valeurRemplie,
  feuilleDeRegles,
  type Attendus,
  type FeuilleConstruite,
  type LectureBlocs,
  type SpecExercice,
  enSuite,
  sommeSaisie,
  type Enchainement,
  type Lu,
  colonneDe,
  colonnesDuBloc,
  celluleDeZone,
  type OuNom,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/reglements.json';
import { calculerReglements, FACON_JUSTE, type Facon } from './calcul';
import type { EntreeReglements, FactureFournisseur } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'reglements');

export const NOMS_REG = { controle: 'REG_Controle', echeancier: 'REG_Echeancier', totalJour: 'REG_Total_Jour' } as const;

type Conditions = FactureFournisseur['conditions'];

/** « 45 jours fin de mois ; escompte 2 % à 10 jours » ⇄ the payment terms. */
export const CONDITIONS: TexteCode = {
  ecrire: (v) => {
    const c = v as Conditions;
    const delai = !c.finDeMois ? `${c.delai} jours` : c.lecture === 'fin_de_mois_puis_delai' ? `fin de mois ${c.delai} jours` : `${c.delai} jours fin de mois`;
    return `${delai}${c.le !== undefined ? ` le ${c.le}` : ''}${c.escompte ? ` ; escompte ${nombreFr(c.escompte.taux)} % à ${c.escompte.jours} jours` : ''}`;
  },
  lire: (s) => {
    const m = /^\s*(?:(fin\s+de\s+mois)\s+)?(\d+)\s*jours(\s+fin\s+de\s+mois)?(?:\s+le\s+(\d+))?\s*(?:;\s*escompte\s+(\d+(?:[.,]\d+)?)\s*%\s*à\s*(\d+)\s*jours)?\s*$/i.exec(s);
    if (!m || (m[1] && m[3]) || (m[4] && !m[1] && !m[3])) return undefined;
    return {
      delai: Number(m[2]),
      finDeMois: Boolean(m[1] || m[3]),
      lecture: m[1] ? 'fin_de_mois_puis_delai' : 'delai_puis_fin_de_mois',
      ...(m[4] ? { le: Number(m[4]) } : {}),
      ...(m[5] ? { escompte: { taux: Number(m[5].replace(',', '.')), jours: Number(m[6]) } } : {}),
    };
  },
  attendu: 'conditions de paiement attendues, par exemple « 45 jours fin de mois », « fin de mois 45 jours », « 45 jours fin de mois le 10 » ou « 30 jours ; escompte 2 % à 10 jours »',
  nombres: (v) => {
    const c = v as Conditions;
    return [c.delai, ...(c.le !== undefined ? [c.le] : []), ...(c.escompte ? [c.escompte.taux, c.escompte.jours] : [])];
  },
};

function blocs(e: EntreeReglements): Bloc[] {
  return [
    {
      nom: 'REG_Situation',
      titre: 'Traitement des règlements',
      champs: [
        { nom: 'REG_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'REG_Date', cle: 'date', libelle: 'Date du traitement des règlements', type: 'date', valeur: e.date },
      ],
    },
    {
      nom: 'REG_Factures',
      titre: 'Factures reçues, avec leur bon de commande et leur bon de livraison',
      colonnes: [
        { cle: 'fournisseur', entete: 'Fournisseur', type: 'texte', largeur: 1 },
        { cle: 'numero', entete: 'Facture', type: 'texte', largeur: 1 },
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'designation', entete: 'Article', type: 'texte', largeur: 1 },
        { cle: 'bc', entete: 'Bon de commande', type: 'texte', largeur: 1 },
        { cle: 'qc', entete: 'Quantité commandée', type: 'entier', largeur: 1 },
        { cle: 'pc', entete: 'Prix unitaire HT commandé', type: 'euros', largeur: 1 },
        { cle: 'bl', entete: 'Bon de livraison', type: 'texte', largeur: 1 },
        { cle: 'ql', entete: 'Quantité livrée', type: 'entier', largeur: 1 },
        { cle: 'qf', entete: 'Quantité facturée', type: 'entier', largeur: 1 },
        { cle: 'pf', entete: 'Prix unitaire HT facturé', type: 'euros', largeur: 1 },
        { cle: 'taux', entete: 'Taux de TVA', type: 'taux', largeur: 1 },
        // what the invoice totals: HT + its TVA rounded to the cent
        { cle: 'ttc', entete: 'Montant TTC facturé', type: 'euros', largeur: 1, formule: (a) => `ROUND(${a.qf}*${a.pf},2)+ROUND(ROUND(${a.qf}*${a.pf},2)*${a.taux}/100,2)` },
        { cle: 'conditions', entete: 'Conditions de paiement', type: CONDITIONS, largeur: 1 },
      ],
      lignes: e.factures.map((f) => ({
        fournisseur: f.fournisseur,
        numero: f.numero,
        date: f.date,
        designation: f.designation,
        bc: f.commande.numero,
        qc: f.commande.quantite,
        pc: versEuros(f.commande.prixUnitaire),
        bl: f.livraison.numero,
        ql: f.livraison.quantite,
        qf: f.facturee.quantite,
        pf: versEuros(f.facturee.prixUnitaire),
        taux: f.taux,
        conditions: f.conditions,
      })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const s = (l.get('REG_Situation') ?? {}) as Record<string, unknown>;
  const lignes = (l.get('REG_Factures') ?? []) as Record<string, unknown>[];
  return {
    ...s,
    factures: lignes.map((x) => ({
      fournisseur: x.fournisseur,
      numero: x.numero,
      date: x.date,
      designation: x.designation,
      commande: { numero: x.bc, quantite: x.qc, prixUnitaire: x.pc },
      livraison: { numero: x.bl, quantite: x.ql },
      facturee: { quantite: x.qf, prixUnitaire: x.pf },
      taux: x.taux,
      conditions: x.conditions,
    })),
  };
}

function attendusDe(e: EntreeReglements, facon: Facon): Attendus {
  const r = calculerReglements(e, facon);
  return {
    [NOMS_REG.controle]: r.reglements.map((x) => [x.conforme ? 'Oui' : 'Non', versEuros(x.justifie), versEuros(x.ecart)]),
    [NOMS_REG.echeancier]: r.reglements.map((x) => [x.echeance, versEuros(x.escompte), versEuros(x.aPayer), x.datePaiement]),
    [NOMS_REG.totalJour]: versEuros(r.totalDuJour),
  };
}

const attendus = (e: EntreeReglements): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeReglements, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [22, 14, 15, 15, 15, 15]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const jour: Style = { ...saisieDate, ...fond };
  const ouiNon: Style = { ...saisieCentree, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const facture = (x: FactureFournisseur) => ({ valeur: `${x.fournisseur} — ${x.numero}`, style: valeur });

  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 6 }]);
  f.ligne([{ valeur: `Règlements du ${dateFr(e.date)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 6 }]);
  f.vide();
  f.ligne([{ valeur: '1. Contrôle des factures', style: bandeau, colonnes: 6 }]);
  f.ligne(['Fournisseur et facture', 'Conforme (Oui / Non)', 'Montant justifié TTC', 'Écart à réclamer'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.factures.forEach((x, i) =>
    f.ligne([
      facture(x),
      { valeur: rempli(NOMS_REG.controle, i, 0), style: ouiNon },
      { valeur: rempli(NOMS_REG.controle, i, 1), style: montant },
      { valeur: rempli(NOMS_REG.controle, i, 2), style: montant },
    ]),
  );
  const derniere = premiere + e.factures.length - 1;
  noms.push({ nom: NOMS_REG.controle, feuille, plage: `B${premiere}:D${derniere}` });
  const validations = [validationOuiNon(`B${premiere}:B${derniere}`)];
  f.vide();
  f.ligne([{ valeur: '2. Échéancier des règlements', style: bandeau, colonnes: 6 }]);
  f.ligne(['Fournisseur et facture', 'Échéance', 'Escompte TTC', 'Montant à payer', 'Date du paiement'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.factures.forEach((x, i) =>
    f.ligne([
      facture(x),
      { valeur: rempli(NOMS_REG.echeancier, i, 0), style: jour },
      { valeur: rempli(NOMS_REG.echeancier, i, 1), style: montant },
      { valeur: rempli(NOMS_REG.echeancier, i, 2), style: montant },
      { valeur: rempli(NOMS_REG.echeancier, i, 3), style: jour },
    ]),
  );
  noms.push({ nom: NOMS_REG.echeancier, feuille, plage: `B${premiere}:E${premiere + e.factures.length - 1}` });
  f.vide();
  const n = f.ligne([
    { valeur: `3. Total décaissé le ${dateFr(e.date)}`, style: etiquette, colonnes: 4 },
    { valeur: rempli(NOMS_REG.totalJour), style: montant },
  ]);
  noms.push({ nom: NOMS_REG.totalJour, feuille, plage: `E${n}` });
  f.ligne([{ valeur: 'Écart à réclamer : demandez au fournisseur une facture d\u2019avoir ; ne payez que le montant justifié.', style: { ...texte, italique: true }, colonnes: 6 }]);
  return { feuille: { ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }), protegee: true, validations }, noms };
}

/** « Paramètres »: the payment rules and their references (nothing to change). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Procédure de règlement des fournisseurs', 'Rappels ; les factures et leurs conditions sont dans l\u2019énoncé.', [
    [
      'Contrôle',
      'Facture rapprochée du bon de commande (prix convenu) et du bon de livraison (quantités reçues) ; seul le montant justifié est payé, l\u2019écart fait l\u2019objet d\u2019une demande d\u2019avoir.',
    ],
    ['Délais de paiement', 'Au plus 60 jours après la date d\u2019émission de la facture, ou 45 jours fin de mois si les parties l\u2019ont convenu (C. com., art. L441-10, I).'],
    ['Fin de mois', 'La date obtenue en ajoutant le délai à la date de la facture est portée au dernier jour de son mois.'],
    ['Escompte', 'Pris si le paiement intervient dans le délai prévu ; il réduit le montant HT et la TVA correspondante (CGI, art. 267, II-1°).'],
  ]);

function justification(e: EntreeReglements): string[][] {
  const r = calculerReglements(e);
  const eur = montantTexte;
  return [
    ['Facture', 'Montant à payer', 'Comment on l\u2019obtient'],
    ...r.reglements.map((x, i) => {
      const f = e.factures[i]!;
      const controle = x.conforme
        ? `Conforme : ${f.facturee.quantite} × ${eur(f.facturee.prixUnitaire)} HT, TTC ${eur(x.facture)}.`
        : `Non conforme : dus ${Math.min(f.facturee.quantite, f.livraison.quantite)} × ${eur(Math.min(f.facturee.prixUnitaire, f.commande.prixUnitaire))} HT (livrés ${f.livraison.quantite}, prix commandé ${eur(f.commande.prixUnitaire)}), TTC ${eur(x.justifie)} ; écart à réclamer ${eur(x.ecart)}.`;
      const brute = ajouterJours(f.date, f.conditions.delai);
      const echeance = `Échéance : ${dateFr(f.date)} + ${f.conditions.delai} jours = ${dateFr(brute)}${f.conditions.finDeMois ? `, fin de mois : ${dateFr(x.echeance)}` : ''}.`;
      const paiement = x.escompte
        ? `Escompte ouvert jusqu\u2019au ${dateFr(ajouterJours(f.date, f.conditions.escompte!.jours))} : ${eur(x.escompte)} TTC déduits ; payé le ${dateFr(x.datePaiement)}.`
        : `${f.conditions.escompte ? `Escompte expiré le ${dateFr(ajouterJours(f.date, f.conditions.escompte.jours))} ; p` : 'P'}ayé le ${dateFr(x.datePaiement)}.`;
      return [`${f.fournisseur} ${f.numero}`, montantTexte(x.aPayer), `${controle} ${echeance} ${paiement}`];
    }),
    ['Total du jour', montantTexte(r.totalDuJour), `Factures payées le ${dateFr(e.date)} : ${eur(r.totalDuJour)}.`],
  ];
}

const siDifferent = (e: EntreeReglements, facon: Partial<Facon>) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e));

const variantes: SpecExercice<EntreeReglements, null>['variantes'] = {
  sans_controle: (e) => siDifferent(e, { controle: false }),
  fin_de_mois_oubliee: (e) => siDifferent(e, { finDeMois: false }),
  escompte_sans_tva: (e) => siDifferent(e, { tvaSurEscompte: false }),
  escompte_hors_delai: (e) => siDifferent(e, { delaiEscompte: false }),
};

/** Knock-on errors: the day's total from the typed amounts of the invoices the student pays that day. */
function enchainements(lu: Lu, e: EntreeReglements): Enchainement[] {
  const echeancier = lu(NOMS_REG.echeancier);
  const ceJour = (i: number) => Array.isArray(echeancier) && Array.isArray(echeancier[i]) && echeancier[i][3] === e.date;
  return enSuite(NOMS_REG.totalJour, sommeSaisie(lu, NOMS_REG.echeancier, 2, ceJour), [NOMS_REG.echeancier]);
}

/**
 * The corrigé's model, invoice by invoice: the justified HT is the lower of the invoiced and the
 * delivered quantity times the lower of the invoiced and the ordered price, its TTC with the TVA
 * rounded to the cent; the écart from the invoice's TTC. The due date is the invoice's date plus the
 * delay, carried to the end of its month (EOMONTH) for « fin de mois », then « le 10 »; the escompte,
 * while its delay runs on the day of the payments, on the justified HT and its TVA, each rounded.
 * The conditions are a text: their delays and rate are typed into the formula (constantesDuCas
 * admits them). Whether the invoice is conforme and the date of each payment are the student's decisions:
 * they stay values; the day's total adds the amounts paid on that date.
 */
function formulesDuCorrige(e: EntreeReglements, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [z, controle, echeancier] = [ou('REG_Factures'), ou(NOMS_REG.controle), ou(NOMS_REG.echeancier)];
  if (!z || !controle || !echeancier) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'REG_Factures');
  const c = (cle: string) => colonneDe(z, colonnes, cle).cellule;
  const [date, pc, ql, qf, pf, taux, ttc] = [c('date'), c('pc'), c('ql'), c('qf'), c('pf'), c('taux'), c('ttc')];
  const cellule = (zone: typeof controle, j: number) => (i: number) => celluleDeZone(zone, i, j);
  const [justifie, escompte, aPayer, paiement] = [cellule(controle, 1), cellule(echeancier, 1), cellule(echeancier, 2), cellule(echeancier, 3)];
  const ht = (i: number) => `ROUND(MIN(${qf(i)},${ql(i)})*MIN(${pf(i)},${pc(i)}),2)`;
  const avecTva = (x: string, i: number) => `${x}+ROUND(${x}*${taux(i)}/100,2)`;
  const n = e.factures.length;
  return {
    [NOMS_REG.controle]: e.factures.map((_, i) => [null, avecTva(ht(i), i), `${ttc(i)}-${justifie(i)}`]),
    [NOMS_REG.echeancier]: e.factures.map((f, i) => {
      const k = f.conditions;
      const terme = !k.finDeMois ? `${date(i)}+${k.delai}` : k.lecture === 'fin_de_mois_puis_delai' ? `EOMONTH(${date(i)},0)+${k.delai}` : `EOMONTH(${date(i)}+${k.delai},0)`;
      const x = k.escompte && `ROUND(${ht(i)}*${k.escompte.taux}/100,2)`;
      return [`${terme}${k.le !== undefined ? `+${k.le}` : ''}`, x ? `IF(REG_Date<=${date(i)}+${k.escompte!.jours},${avecTva(x, i)},0)` : null, `${justifie(i)}-${escompte(i)}`, null];
    }),
    [NOMS_REG.totalJour]: [[`SUMIF(${paiement(0)}:${paiement(n - 1)},REG_Date,${aPayer(0)}:${aPayer(n - 1)})`]],
  };
}

export const EXERCICE_REGLEMENTS: SpecExercice<EntreeReglements, null> = {
  gabarit: GABARIT,
  largeursEnonce: [16, 9, 10, 20, 10, 9, 10, 10, 9, 9, 10, 8, 11, 20],
  blocs,
  structure: () => blocs({ entreprise: '', date: '2000-01-01', factures: [] }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => {
    const unites = e.factures.map((x) => `facture ${x.numero} (${x.fournisseur})`);
    return { [NOMS_REG.controle]: unites, [NOMS_REG.echeancier]: unites };
  },
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [24, 14, 100],
};
