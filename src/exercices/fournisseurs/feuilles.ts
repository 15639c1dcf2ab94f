import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
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
  valeurRemplie,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type OuNom,
  type SpecExercice,
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/fournisseurs.json';
import { calculerFournisseurs, commandees, CRITERES, FACON_JUSTE, meilleurScore, type Facon } from './calcul';
import { ibanLisible } from './controles';
import { PRIORITES, type EntreeFournisseurs } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'fournisseurs');

export const NOMS_FOU = {
  controles: 'FOU_Controles',
  notes: 'FOU_Notes',
  scores: 'FOU_Scores',
  choix: 'FOU_Choix',
  fournitures: 'FOU_Fournitures',
  total: 'FOU_Total_Commande',
  ecriture: 'FOU_Ecriture',
} as const;
const COMPTES = ['6064 Fournitures administratives', '44566 TVA déductible sur autres biens et services', '401 Fournisseurs'] as const;
const NOMS_POIDS = { prix: 'FOU_Poids_Prix', delai: 'FOU_Poids_Delai', qualite: 'FOU_Poids_Qualite', paiement: 'FOU_Poids_Paiement' } as const;

function blocs(e: EntreeFournisseurs): Bloc[] {
  return [
    {
      nom: 'FOU_Base',
      titre: 'Base fournisseurs à contrôler',
      colonnes: [
        { cle: 'nom', entete: 'Fournisseur', type: 'texte', largeur: 2 },
        { cle: 'siret', entete: 'SIRET', type: 'texte', largeur: 2 },
        { cle: 'tva', entete: 'N° de TVA intracommunautaire', type: 'texte', largeur: 2 },
        { cle: 'iban', entete: 'IBAN', type: 'texte', largeur: 3 },
      ],
      lignes: e.fournisseurs.map((f) => ({ ...f, iban: ibanLisible(f.iban) })),
    },
    {
      nom: 'FOU_Criteres',
      titre: 'Critères de choix du fournisseur (poids)',
      champs: [
        { nom: 'FOU_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        ...CRITERES.map((c) => ({ nom: NOMS_POIDS[c.cle], cle: c.cle, libelle: `Poids du critère « ${c.libelle} »`, type: 'taux' as const, valeur: e.criteres[c.cle] })),
      ],
    },
    {
      nom: 'FOU_Devis',
      titre: 'Devis reçus pour la même commande',
      colonnes: [
        { cle: 'fournisseur', entete: 'Fournisseur', type: 'texte', largeur: 2 },
        { cle: 'prix', entete: 'Montant HT', type: 'euros', largeur: 1 },
        { cle: 'delai', entete: 'Délai de livraison (jours)', type: 'entier', largeur: 1 },
        { cle: 'qualite', entete: 'Qualité (note sur 5)', type: 'nombre', largeur: 1 },
        { cle: 'paiement', entete: 'Délai de paiement (jours)', type: 'entier', largeur: 1 },
      ],
      lignes: e.devis.map((d) => ({ ...d, prix: versEuros(d.prix) })),
    },
    {
      nom: 'FOU_Commande',
      titre: 'Fournitures de bureau à commander',
      champs: [
        { nom: 'FOU_Budget', cle: 'budget', libelle: 'Budget HT de la commande', type: 'euros', valeur: versEuros(e.budget) },
        { nom: 'FOU_Taux_TVA', cle: 'tauxTva', libelle: 'Taux de TVA', type: 'taux', valeur: e.tauxTva },
      ],
    },
    {
      nom: 'FOU_Liste',
      titre: 'Liste des besoins',
      colonnes: [
        { cle: 'article', entete: 'Article', type: 'texte', largeur: 3 },
        { cle: 'quantite', entete: 'Quantité', type: 'entier', largeur: 1 },
        { cle: 'prixUnitaire', entete: 'Prix unitaire HT', type: 'euros', largeur: 1 },
        { cle: 'priorite', entete: 'Priorité', type: { choix: PRIORITES }, largeur: 1 },
      ],
      lignes: e.fournitures.map((f) => ({ ...f, prixUnitaire: versEuros(f.prixUnitaire) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { entreprise, ...criteres } = (l.get('FOU_Criteres') ?? {}) as Record<string, unknown>;
  return {
    entreprise,
    fournisseurs: l.get('FOU_Base') ?? [],
    criteres,
    devis: l.get('FOU_Devis') ?? [],
    ...((l.get('FOU_Commande') ?? {}) as Record<string, unknown>),
    fournitures: l.get('FOU_Liste') ?? [],
  };
}

/** The purchase entry: 6064 and 44566 at the debit, 401 at the credit, in cents. */
const ecriture = (total: number, tva: number): (number | null)[][] => [
  [versEuros(total), null],
  [versEuros(tva), null],
  [null, versEuros(total + tva)],
];

function attendusDe(e: EntreeFournisseurs, facon: Facon): Attendus {
  const r = calculerFournisseurs(e, facon);
  return {
    [NOMS_FOU.controles]: r.controles.map((l) => l.map(ouiNon)),
    [NOMS_FOU.notes]: r.notes,
    [NOMS_FOU.scores]: r.scores,
    [NOMS_FOU.choix]: e.devis[r.choix]!.fournisseur,
    [NOMS_FOU.fournitures]: r.fournitures.map((x) => [versEuros(x.montant), ouiNon(x.retenue)]),
    [NOMS_FOU.total]: versEuros(r.total),
    [NOMS_FOU.ecriture]: ecriture(r.total, r.tva),
  };
}

const attendus = (e: EntreeFournisseurs): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeFournisseurs, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [40, 14, 14, 14, 14, 14]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const choix: Style = { ...saisieCentree, ...fond };
  const note: Style = { ...saisieCentree, format: '0.00', ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const ouiNon: { plage: string; liste: { elements: string[] }; message: string }[] = [];
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 6 }]);
  f.ligne([{ valeur: `${e.entreprise}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 6 }]);
  f.vide();
  f.ligne([{ valeur: '1. Contrôle de la base fournisseurs', style: bandeau, colonnes: 6 }]);
  f.ligne(['Fournisseur', 'SIRET valide', 'N° de TVA valide', 'IBAN valide'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.fournisseurs.forEach((x, i) => f.ligne([{ valeur: x.nom, style: valeur }, ...[0, 1, 2].map((j) => ({ valeur: rempli(NOMS_FOU.controles, i, j), style: choix }))]));
  noms.push({ nom: NOMS_FOU.controles, feuille, plage: `B${premiere}:D${premiere + e.fournisseurs.length - 1}` });
  ouiNon.push(validationOuiNon(`B${premiere}:D${premiere + e.fournisseurs.length - 1}`));
  f.vide();
  f.ligne([{ valeur: '2. Comparaison des devis', style: bandeau, colonnes: 6 }]);
  f.ligne(['Fournisseur', ...CRITERES.map((c) => `Note ${c.libelle.toLowerCase()}`), 'Score sur 10'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.devis.forEach((d, i) =>
    f.ligne([{ valeur: d.fournisseur, style: valeur }, ...CRITERES.map((_, j) => ({ valeur: rempli(NOMS_FOU.notes, i, j), style: note })), { valeur: rempli(NOMS_FOU.scores, i), style: note }]),
  );
  const derniere = premiere + e.devis.length - 1;
  noms.push({ nom: NOMS_FOU.notes, feuille, plage: `B${premiere}:E${derniere}` }, { nom: NOMS_FOU.scores, feuille, plage: `F${premiere}:F${derniere}` });
  const n = f.ligne([
    { valeur: libelleDe(GABARIT, NOMS_FOU.choix), style: etiquette },
    { valeur: rempli(NOMS_FOU.choix), style: choix, colonnes: 2 },
  ]);
  noms.push({ nom: NOMS_FOU.choix, feuille, plage: `B${n}` });
  ouiNon.push({ plage: `B${n}`, liste: { elements: e.devis.map((d) => d.fournisseur) }, message: 'Choisissez un fournisseur des devis.' });
  f.vide();
  f.ligne([{ valeur: '3. Commande de fournitures dans le budget', style: bandeau, colonnes: 6 }]);
  f.ligne(['Article', 'Montant HT', 'Commandé (Oui / Non)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.fournitures.forEach((x, i) =>
    f.ligne([
      { valeur: x.article, style: valeur },
      { valeur: rempli(NOMS_FOU.fournitures, i, 0), style: montant },
      { valeur: rempli(NOMS_FOU.fournitures, i, 1), style: choix },
    ]),
  );
  const fin = premiere + e.fournitures.length - 1;
  noms.push({ nom: NOMS_FOU.fournitures, feuille, plage: `B${premiere}:C${fin}` });
  ouiNon.push(validationOuiNon(`C${premiere}:C${fin}`));
  const t = f.ligne([
    { valeur: libelleDe(GABARIT, NOMS_FOU.total), style: etiquette },
    { valeur: rempli(NOMS_FOU.total), style: montant },
  ]);
  noms.push({ nom: NOMS_FOU.total, feuille, plage: `B${t}` });
  f.vide();
  f.ligne([{ valeur: '4. Enregistrement de la facture d\u2019achat (journal des achats)', style: bandeau, colonnes: 6 }]);
  f.ligne(['Compte', 'Débit', 'Crédit'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  COMPTES.forEach((c, i) => f.ligne([{ valeur: c, style: valeur }, ...[0, 1].map((j) => ({ valeur: rempli(NOMS_FOU.ecriture, i, j), style: montant }))]));
  noms.push({ nom: NOMS_FOU.ecriture, feuille, plage: `B${premiere}:C${premiere + COMPTES.length - 1}` });
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, validations: ouiNon }, noms };
}

/** « Paramètres »: how each identifier is checked and how the quotes are noted (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Contrôles et règles de choix', 'Méthodes appliquées ; la base, les devis et les besoins sont dans l\u2019énoncé.', [
    [
      'SIRET',
      '14 chiffres : le SIREN (9) puis le NIC (5). Clé de Luhn : en partant de la droite, doublez un chiffre sur deux (retirez 9 au-delà de 9) ; la somme de tous les chiffres est un multiple de 10.',
    ],
    ['N° de TVA', 'FR, une clé de 2 chiffres, puis le SIREN du fournisseur (les 9 premiers chiffres du SIRET). Clé = (12 + 3 × (SIREN modulo 97)) modulo 97.'],
    ['IBAN', 'Déplacez les 4 premiers caractères à la fin, remplacez chaque lettre par un nombre (A = 10, B = 11 … Z = 35) : le reste de la division du nombre obtenu par 97 est 1.'],
    [
      'Notes des devis',
      'Sur 10 : prix et délai de livraison, 10 × meilleure valeur (la plus petite) / valeur du devis ; qualité et délai de paiement, 10 × valeur du devis / meilleure valeur (la plus grande).',
    ],
    ['Commande', 'Les fournitures « Indispensable » sont toutes commandées ; les « Utile » ensuite, dans l\u2019ordre de la liste, tant que le total HT reste dans le budget.'],
  ]);

function justification(e: EntreeFournisseurs): string[][] {
  const r = calculerFournisseurs(e);
  const eur = montantTexte;
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...e.fournisseurs.map((x, i) => [
      x.nom,
      r.controles[i]!.map(ouiNon).join(' / '),
      `SIRET ${r.controles[i]![0] ? 'conforme à sa clé de Luhn' : 'refusé par la clé de Luhn'} ; TVA ${r.controles[i]![1] ? 'clé juste' : 'clé fausse ou SIREN différent'} ; IBAN ${r.controles[i]![2] ? 'reste 1' : 'reste différent de 1'}.`,
    ]),
    ...e.devis.map((d, i) => [d.fournisseur, nombreFr(r.scores[i]!), `Notes ${r.notes[i]!.map(nombreFr).join(', ')} ; pondérées ${CRITERES.map((c) => `${e.criteres[c.cle]} %`).join(', ')}.`]),
    ['Fournisseur retenu', e.devis[r.choix]!.fournisseur, 'Le meilleur score.'],
    ...e.fournitures.map((x, i) => [x.article, ouiNon(r.fournitures[i]!.retenue), `${x.quantite} × ${eur(x.prixUnitaire)} = ${eur(r.fournitures[i]!.montant)} ; ${PRIORITES[x.priorite]}.`]),
    ['Total de la commande', eur(r.total), `Budget ${eur(e.budget)}.`],
    ['Écriture', eur(r.total + r.tva), `6064 au débit ${eur(r.total)}, 44566 au débit ${eur(r.tva)} (${nombreFr(e.tauxTva)} %), 401 au crédit ${eur(r.total + r.tva)}.`],
  ];
}

const siDifferent = (e: EntreeFournisseurs, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/** Each mistake on the answers it makes wrong by itself; the scores, the choice, the total and the entry follow from the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeFournisseurs, null>['variantes'] = {
  cle_tva_sur_siret: (e) => siDifferent(e, { cleSurSiren: false }, [NOMS_FOU.controles]),
  notes_sans_sens: (e) => siDifferent(e, { sensDesCriteres: false }, [NOMS_FOU.notes]),
  scores_sans_poids: (e) => siDifferent(e, { ponderation: false }, [NOMS_FOU.scores]),
  budget_ignore: (e) => siDifferent(e, { budget: false }, [NOMS_FOU.fournitures]),
  tva_non_separee: (e) => {
    const r = calculerFournisseurs(e);
    return reponsesChangees(
      {
        [NOMS_FOU.ecriture]: [
          [versEuros(r.total + r.tva), null],
          [null, null],
          [null, versEuros(r.total + r.tva)],
        ],
      },
      attendus(e),
    );
  },
  ecriture_inversee: (e) => {
    const r = calculerFournisseurs(e);
    return reponsesChangees({ [NOMS_FOU.ecriture]: ecriture(r.total, r.tva).map(([d, c]) => [c ?? null, d ?? null]) }, attendus(e));
  },
};

const oui = (v: unknown) => typeof v === 'string' && v.trim().toLowerCase() === 'oui';

/**
 * Knock-on errors: each score from the student's own notes; the choice from their scores; what is
 * ordered from their amounts; the total from their amounts and choices; the entry from their total.
 */
function enchainements(lu: Lu, e: EntreeFournisseurs, a: Attendus): Enchainement[] {
  const res: Enchainement[] = [];
  const notes = lu(NOMS_FOU.notes);
  const poids = CRITERES.map((c) => e.criteres[c.cle]);
  if (Array.isArray(notes)) {
    const scores = e.devis.map((_, i) => {
      const l = Array.isArray(notes[i]) ? notes[i] : [];
      const n = CRITERES.map((_, j) => (typeof l[j] === 'number' && Number.isFinite(l[j]) ? Math.round((l[j] as number) * 100) : null));
      return n.every((x) => x !== null && Math.abs(x) < 1e9) ? Math.round(n.reduce((s, x, j) => s! + x! * poids[j]!, 0)! / 100) / 100 : (a[NOMS_FOU.scores] as number[])[i]!;
    });
    res.push({ nom: NOMS_FOU.scores, valeur: scores, depuis: [NOMS_FOU.notes] });
  }
  const scores = lu(NOMS_FOU.scores);
  if (Array.isArray(scores) && scores.every((s) => typeof s === 'number')) {
    res.push({ nom: NOMS_FOU.choix, valeur: e.devis[meilleurScore(e, scores as number[])]!.fournisseur, depuis: [NOMS_FOU.scores] });
  }
  const fournitures = lu(NOMS_FOU.fournitures);
  if (Array.isArray(fournitures)) {
    const lignes = e.fournitures.map((_, i) => (Array.isArray(fournitures[i]) ? fournitures[i] : []));
    const montants = lignes.map((l) => centimesSaisis(l[0]));
    if (montants.every((m) => m !== null && m >= 0)) {
      const justes = a[NOMS_FOU.fournitures] as (number | string)[][];
      const retenues = commandees(e, montants as number[]);
      res.push({ nom: NOMS_FOU.fournitures, valeur: justes.map((l, i) => [l[0]!, ouiNon(retenues[i]!)]), depuis: [NOMS_FOU.fournitures] });
    }
    res.push(
      ...enSuite(
        NOMS_FOU.total,
        lignes.reduce((s, l) => s + (oui(l[1]) ? (centimesSaisis(l[0]) ?? 0) : 0), 0),
        [NOMS_FOU.fournitures],
      ),
    );
  }
  const total = centimesSaisis(lu(NOMS_FOU.total));
  if (total !== null && total >= 0) res.push({ nom: NOMS_FOU.ecriture, valeur: ecriture(total, taxe(total, e.tauxTva)), depuis: [NOMS_FOU.total] });
  return res;
}

/**
 * The corrigé's model: each note from the quotes' column (MIN for price and lead time, MAX for
 * quality and payment terms), rounded; each score from the notes and the weights of the énoncé; each
 * supply's amount; the total of those ordered (SUMIF on « Oui »); the entry from that total. The
 * checks of the identifiers, the choice and what is ordered are readings and decisions: they stay
 * values.
 */
function formulesDuCorrige(e: EntreeFournisseurs, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [devis, liste, notes, fournitures] = [ou('FOU_Devis'), ou('FOU_Liste'), ou(NOMS_FOU.notes), ou(NOMS_FOU.fournitures)];
  if (!devis || !liste || !notes || !fournitures) return {};
  const b = blocs(e);
  const d = (k: string) => colonneDe(devis, colonnesDuBloc(b, 'FOU_Devis'), k);
  const l = (k: string) => colonneDe(liste, colonnesDuBloc(b, 'FOU_Liste'), k).cellule;
  const n = (i: number, j: number) => celluleDeZone(notes, i, j);
  const m = (i: number, j: number) => celluleDeZone(fournitures, i, j);
  const k = e.fournitures.length;
  return {
    [NOMS_FOU.notes]: e.devis.map((_, i) =>
      CRITERES.map((c) => {
        const col = d(c.cle);
        return c.sens === 'moins' ? `ROUND(10*MIN(${col.plage})/${col.cellule(i)},2)` : `ROUND(10*${col.cellule(i)}/MAX(${col.plage}),2)`;
      }),
    ),
    [NOMS_FOU.scores]: e.devis.map((_, i) => [`ROUND((${CRITERES.map((c, j) => `${NOMS_POIDS[c.cle]}*${n(i, j)}`).join('+')})/100,2)`]),
    [NOMS_FOU.fournitures]: e.fournitures.map((_, i) => [`ROUND(${l('quantite')(i)}*${l('prixUnitaire')(i)},2)`, null]),
    [NOMS_FOU.total]: [[`SUMIF(${m(0, 1)}:${m(k - 1, 1)},"Oui",${m(0, 0)}:${m(k - 1, 0)})`]],
    [NOMS_FOU.ecriture]: [
      [NOMS_FOU.total, null],
      [`ROUND(${NOMS_FOU.total}*FOU_Taux_TVA/100,2)`, null],
      [null, `${NOMS_FOU.total}+ROUND(${NOMS_FOU.total}*FOU_Taux_TVA/100,2)`],
    ],
  };
}

export const EXERCICE_FOURNISSEURS: SpecExercice<EntreeFournisseurs, null> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 12, 12, 14, 14, 12, 12, 12, 14],
  blocs,
  structure: () => blocs({ entreprise: '', fournisseurs: [], criteres: { prix: 0, delai: 0, qualite: 0, paiement: 0 }, devis: [], budget: 0, tauxTva: 20, fournitures: [] }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => ({
    [NOMS_FOU.controles]: e.fournisseurs.map((f) => f.nom),
    [NOMS_FOU.notes]: e.devis.map((d) => d.fournisseur),
    [NOMS_FOU.scores]: e.devis.map((d) => d.fournisseur),
    [NOMS_FOU.fournitures]: e.fournitures.map((f) => f.article),
    [NOMS_FOU.ecriture]: [...COMPTES],
  }),
  attendus,
  enchainements: (lu, e, _p, a) => enchainements(lu, e, a),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [26, 18, 100],
};
