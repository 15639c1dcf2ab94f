import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, saisie, saisieCentree, sousTitre, titre } from '../../sheets/styles';
import { dateFr } from '../../domain/dates';
import { appliquerTaux, diviserArrondi, versEuros } from '../../domain/monnaie';
import { nombreFr, pourcentFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
  enSuite,
  FEUILLES,
  feuilleDeRegles,
  fondCorrige,
  montantTexte,
  reponsesChangees,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type OuNom,
  type SpecExercice,
  ligneDeReponse,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/prospection.json';
import { auDessus, calculerProspection, FACON_JUSTE, type Facon } from './calcul';
import type { EntreeProspection } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'prospection');

export const NOMS_PRO = {
  coutTotal: 'PRO_Cout_Total',
  contacts: 'PRO_Contacts',
  coutContact: 'PRO_Cout_Contact',
  commandes: 'PRO_Commandes',
  tauxRetour: 'PRO_Taux_Retour',
  chiffreAffaires: 'PRO_CA',
  panierMoyen: 'PRO_Panier_Moyen',
  marge: 'PRO_Marge',
  resultat: 'PRO_Resultat',
  coutCommande: 'PRO_Cout_Commande',
  seuil: 'PRO_Seuil',
  objectifRetour: 'PRO_Objectif_Retour',
  objectifChiffreAffaires: 'PRO_Objectif_CA',
} as const;
const ATTEINT = (oui: boolean) => (oui ? 'Atteint' : 'Non atteint');
const NATURES = { mailing: 'Mailing (publipostage ou courriel)', salon: 'Stand sur un salon professionnel' };

function blocs(e: EntreeProspection): Bloc[] {
  return [
    {
      nom: 'PRO_Operation',
      titre: 'L\u2019opération de prospection',
      champs: [
        { nom: 'PRO_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'PRO_Libelle', cle: 'libelle', libelle: 'Opération', type: 'texte', valeur: e.operation.libelle },
        { nom: 'PRO_Nature', cle: 'nature', libelle: 'Nature', type: { choix: NATURES }, valeur: e.operation.nature },
        { nom: 'PRO_Debut', cle: 'debut', libelle: 'Début de l\u2019opération', type: 'date', valeur: e.operation.debut },
        { nom: 'PRO_Cloture', cle: 'cloture', libelle: 'Date de clôture (commandes reçues jusqu\u2019à ce jour inclus)', type: 'date', valeur: e.operation.cloture },
        { nom: 'PRO_Taux_Marque', cle: 'tauxMarque', libelle: 'Taux de marque de l\u2019entreprise', type: 'taux', valeur: e.tauxMarque },
        { nom: 'PRO_Objectif_Taux', cle: 'objectifTaux', libelle: 'Objectif : taux de retour', type: 'taux', valeur: e.objectifs.tauxRetour },
        { nom: 'PRO_Objectif_Montant', cle: 'objectifMontant', libelle: 'Objectif : chiffre d\u2019affaires HT', type: 'euros', valeur: versEuros(e.objectifs.chiffreAffaires) },
        { nom: 'PRO_Demandes', cle: 'demandes', libelle: 'Prospects qui ont demandé des informations complémentaires', type: 'entier', valeur: e.demandes.nombre },
        { nom: 'PRO_Cout_Documentation', cle: 'coutDocumentation', libelle: 'Coût HT d\u2019un envoi de documentation complémentaire', type: 'euros', valeur: versEuros(e.demandes.coutUnitaire) },
      ],
    },
    {
      nom: 'PRO_Frais',
      titre: 'Frais fixes de l\u2019opération (HT)',
      colonnes: [
        { cle: 'libelle', entete: 'Frais', type: 'texte', largeur: 3 },
        { cle: 'montant', entete: 'Montant HT', type: 'euros', largeur: 1 },
      ],
      lignes: e.frais.map((x) => ({ libelle: x.libelle, montant: versEuros(x.montant) })),
    },
    {
      nom: 'PRO_Cibles',
      titre: 'Contacts de l\u2019opération',
      colonnes: [
        { cle: 'cible', entete: 'Cible', type: 'texte', largeur: 3 },
        { cle: 'contacts', entete: 'Nombre de contacts', type: 'entier', largeur: 1 },
        { cle: 'coutUnitaire', entete: 'Coût HT par contact', type: 'euros', largeur: 1 },
      ],
      lignes: e.cibles.map((c) => ({ ...c, coutUnitaire: versEuros(c.coutUnitaire) })),
    },
    {
      nom: 'PRO_Commandes_Recues',
      titre: 'Commandes reçues des prospects',
      colonnes: [
        { cle: 'numero', entete: 'Commande', type: 'texte', largeur: 1 },
        { cle: 'date', entete: 'Reçue le', type: 'date', largeur: 1 },
        { cle: 'client', entete: 'Client', type: 'texte', largeur: 2 },
        { cle: 'montant', entete: 'Montant HT', type: 'euros', largeur: 1 },
      ],
      lignes: e.commandes.map((c) => ({ ...c, montant: versEuros(c.montant) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { entreprise, libelle, nature, debut, cloture, tauxMarque, objectifTaux, objectifMontant, demandes, coutDocumentation } = (l.get('PRO_Operation') ?? {}) as Record<string, unknown>;
  return {
    entreprise,
    operation: { nature, libelle, debut, cloture },
    frais: l.get('PRO_Frais') ?? [],
    cibles: l.get('PRO_Cibles') ?? [],
    demandes: { nombre: demandes, coutUnitaire: coutDocumentation },
    commandes: l.get('PRO_Commandes_Recues') ?? [],
    tauxMarque,
    objectifs: { tauxRetour: objectifTaux, chiffreAffaires: objectifMontant },
  };
}

function attendusDe(e: EntreeProspection, facon: Facon): Attendus {
  const r = calculerProspection(e, facon);
  return {
    [NOMS_PRO.coutTotal]: versEuros(r.coutTotal),
    [NOMS_PRO.contacts]: r.contacts,
    [NOMS_PRO.coutContact]: versEuros(r.coutContact),
    [NOMS_PRO.commandes]: r.commandes,
    [NOMS_PRO.tauxRetour]: r.tauxRetour,
    [NOMS_PRO.chiffreAffaires]: versEuros(r.chiffreAffaires),
    [NOMS_PRO.panierMoyen]: versEuros(r.panierMoyen),
    [NOMS_PRO.marge]: versEuros(r.marge),
    [NOMS_PRO.resultat]: versEuros(r.resultat),
    [NOMS_PRO.coutCommande]: versEuros(r.coutCommande),
    [NOMS_PRO.seuil]: r.seuil,
    [NOMS_PRO.objectifRetour]: ATTEINT(r.objectifRetour),
    [NOMS_PRO.objectifChiffreAffaires]: ATTEINT(r.objectifChiffreAffaires),
  };
}

const attendus = (e: EntreeProspection): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeProspection, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [60, 18]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const nombre: Style = { ...saisieCentree, format: '0', ...fond };
  const taux: Style = { ...saisieCentree, format: '0.00', ...fond };
  const choix: Style = { ...saisieCentree, ...fond };
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 2 }]);
  f.ligne([{ valeur: `${e.operation.libelle}, du ${dateFr(e.operation.debut)} au ${dateFr(e.operation.cloture)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 2 }]);
  f.vide();
  f.ligne([{ valeur: '1. Coût de l\u2019opération', style: bandeau, colonnes: 2 }]);
  ligne(NOMS_PRO.coutTotal, montant);
  ligne(NOMS_PRO.contacts, nombre);
  ligne(NOMS_PRO.coutContact, montant);
  f.vide();
  f.ligne([{ valeur: '2. Retombées de l\u2019opération', style: bandeau, colonnes: 2 }]);
  ligne(NOMS_PRO.commandes, nombre);
  ligne(NOMS_PRO.tauxRetour, taux);
  ligne(NOMS_PRO.chiffreAffaires, montant);
  ligne(NOMS_PRO.panierMoyen, montant);
  f.vide();
  f.ligne([{ valeur: '3. Rentabilité', style: bandeau, colonnes: 2 }]);
  ligne(NOMS_PRO.marge, montant);
  ligne(NOMS_PRO.resultat, montant);
  ligne(NOMS_PRO.coutCommande, montant);
  ligne(NOMS_PRO.seuil, nombre);
  f.vide();
  f.ligne([{ valeur: '4. Comparaison aux objectifs', style: bandeau, colonnes: 2 }]);
  const a = ligne(NOMS_PRO.objectifRetour, choix);
  const b = ligne(NOMS_PRO.objectifChiffreAffaires, choix);
  const message = 'Répondez « Atteint » ou « Non atteint ».';
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [a, b].map((n) => ({ plage: `B${n}`, liste: { elements: [ATTEINT(true), ATTEINT(false)] }, message })),
    },
    noms,
  };
}

/** « Paramètres »: the definitions the exercise applies (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Indicateurs d\u2019une opération de prospection', 'Définitions appliquées ; les données de l\u2019opération sont dans l\u2019énoncé.', [
    ['Taux de retour', 'Commandes obtenues rapportées au nombre de contacts de l\u2019opération, en %.'],
    ['Taux de marque', 'Marge rapportée au prix de vente hors taxes : marge = chiffre d\u2019affaires HT × taux de marque. À ne pas confondre avec le taux de marge, rapporté au coût d\u2019achat.'],
    ['Seuil de rentabilité', 'Nombre de commandes à partir duquel la marge qu\u2019elles rapportent couvre le coût total de l\u2019opération.'],
    ['Clôture', 'Une commande reçue après la date de clôture n\u2019est pas attribuée à l\u2019opération.'],
  ]);

function justification(e: EntreeProspection): string[][] {
  const r = calculerProspection(e);
  const eur = montantTexte;
  const horsDelai = e.commandes.length - r.commandes;
  return [
    ['Indicateur', 'Résultat', 'Comment on l\u2019obtient'],
    [
      'Coût total',
      eur(r.coutTotal),
      `Frais fixes ${eur(r.fixes)} + contacts ${e.cibles.map((c) => `${c.contacts} × ${eur(c.coutUnitaire)}`).join(' + ')} = ${eur(r.variables)}${e.demandes.nombre ? ` + documentation ${e.demandes.nombre} × ${eur(e.demandes.coutUnitaire)} = ${eur(r.documentation)}` : ''} ; total ${eur(r.coutTotal)}.`,
    ],
    ['Coût par contact', eur(r.coutContact), `${eur(r.coutTotal)} / ${r.contacts} contacts = ${eur(r.coutContact)}.`],
    [
      'Commandes retenues',
      String(r.commandes),
      `Commandes reçues du ${dateFr(e.operation.debut)} au ${dateFr(e.operation.cloture)} : ${r.commandes}${horsDelai ? ` (${horsDelai} reçue${horsDelai > 1 ? 's' : ''} après la clôture, non attribuée${horsDelai > 1 ? 's' : ''} à l\u2019opération)` : ''}.`,
    ],
    ['Taux de retour', pourcentFr(r.tauxRetour), `${r.commandes} / ${r.contacts} × 100 = ${nombreFr(r.tauxRetour)} %.`],
    ['Chiffre d\u2019affaires HT', eur(r.chiffreAffaires), `Total HT des ${r.commandes} commandes retenues.`],
    ['Panier moyen', eur(r.panierMoyen), `${eur(r.chiffreAffaires)} / ${r.commandes} = ${eur(r.panierMoyen)}.`],
    ['Marge', eur(r.marge), `${eur(r.chiffreAffaires)} × ${nombreFr(e.tauxMarque)} % = ${eur(r.marge)}.`],
    ['Résultat', eur(r.resultat), `${eur(r.marge)} − ${eur(r.coutTotal)} = ${eur(r.resultat)} : l\u2019opération ${r.resultat >= 0 ? 'est rentable' : 'n\u2019est pas rentable'}.`],
    ['Coût par commande', eur(r.coutCommande), `${eur(r.coutTotal)} / ${r.commandes} = ${eur(r.coutCommande)}.`],
    [
      'Seuil de rentabilité',
      String(r.seuil),
      `Marge moyenne par commande ${eur(r.marge)} / ${r.commandes} ; ${eur(r.coutTotal)} / marge moyenne = ${nombreFr(Math.round(((r.coutTotal * r.commandes) / r.marge) * 100) / 100)}, arrondi à ${r.seuil} commandes.`,
    ],
    ['Objectif de taux de retour', ATTEINT(r.objectifRetour), `${nombreFr(r.tauxRetour)} % pour un objectif de ${nombreFr(e.objectifs.tauxRetour)} %.`],
    ['Objectif de chiffre d\u2019affaires', ATTEINT(r.objectifChiffreAffaires), `${eur(r.chiffreAffaires)} pour un objectif de ${eur(e.objectifs.chiffreAffaires)}.`],
  ];
}

const siDifferent = (e: EntreeProspection, facon: Partial<Facon>, noms?: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/**
 * Each mistake on the answers it makes wrong by itself; what follows from them (the ratios, the
 * result, the objectives) is a knock-on of the student's own figures (`enchainements`).
 */
const { coutTotal, commandes, chiffreAffaires, marge, seuil } = NOMS_PRO;
const variantes: SpecExercice<EntreeProspection, null>['variantes'] = {
  cout_contacts_oublie: (e) => siDifferent(e, { variables: false }, [coutTotal]),
  documentation_oubliee: (e) => siDifferent(e, { documentation: false }, [coutTotal]),
  commandes_hors_delai: (e) => siDifferent(e, { cloture: false }, [commandes, chiffreAffaires]),
  taux_de_marge: (e) => siDifferent(e, { tauxDeMarque: false }, [marge]),
  seuil_sur_chiffre_affaires: (e) => siDifferent(e, { seuilSurMarge: false }, [seuil]),
};

/** A whole number typed, or null. */
const entierSaisi = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

/**
 * Knock-on errors: each ratio from the student's own cost, contacts, orders, turnover and margin;
 * the margin from their turnover; the objectives from their rate and turnover.
 */
function enchainements(lu: Lu, e: EntreeProspection): Enchainement[] {
  const { coutTotal, contacts, commandes, tauxRetour, chiffreAffaires, marge } = NOMS_PRO;
  const [t, ca, m] = [centimesSaisis(lu(coutTotal)), centimesSaisis(lu(chiffreAffaires)), centimesSaisis(lu(marge))];
  const [c, n] = [entierSaisi(lu(contacts)), entierSaisi(lu(commandes))];
  const taux = lu(tauxRetour);
  const res: Enchainement[] = [];
  if (t !== null && c !== null) res.push(...enSuite(NOMS_PRO.coutContact, diviserArrondi(t, c), [coutTotal, contacts]));
  if (n !== null && c !== null) res.push({ nom: tauxRetour, valeur: diviserArrondi(n * 10000, c) / 100, depuis: [commandes, contacts] });
  if (ca !== null && n !== null) res.push(...enSuite(NOMS_PRO.panierMoyen, diviserArrondi(ca, n), [chiffreAffaires, commandes]));
  if (ca !== null && ca >= 0) res.push(...enSuite(marge, appliquerTaux(ca, e.tauxMarque), [chiffreAffaires]));
  if (m !== null && t !== null) res.push(...enSuite(NOMS_PRO.resultat, m - t, [marge, coutTotal]));
  if (t !== null && t >= 0 && n !== null) {
    res.push(...enSuite(NOMS_PRO.coutCommande, diviserArrondi(t, n), [coutTotal, commandes]));
    if (m !== null && m > 0) res.push({ nom: NOMS_PRO.seuil, valeur: auDessus(t * n, m), depuis: [coutTotal, commandes, marge] });
  }
  if (typeof taux === 'number') res.push({ nom: NOMS_PRO.objectifRetour, valeur: ATTEINT(taux >= e.objectifs.tauxRetour), depuis: [tauxRetour] });
  if (ca !== null) res.push({ nom: NOMS_PRO.objectifChiffreAffaires, valeur: ATTEINT(ca >= e.objectifs.chiffreAffaires), depuis: [chiffreAffaires] });
  return res;
}

/**
 * The corrigé's model: the cost from the fixed costs, the contacts by their cost (SUMPRODUCT) and
 * the documentation sent on request, rounded to the cent; the orders and their turnover between the
 * start and the closing date (COUNTIF / SUMIF on the dates); each ratio from those cells, rounded as
 * the énoncé says; the seuil rounded up. Reached or not is the student's reading: it stays a value.
 */
function formulesDuCorrige(e: EntreeProspection, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [frais, cibles, recues] = [ou('PRO_Frais'), ou('PRO_Cibles'), ou('PRO_Commandes_Recues')];
  if (!frais || !cibles || !recues) return {};
  const b = blocs(e);
  const col = (z: NonNullable<typeof frais>, bloc: string, cle: string) => colonneDe(z, colonnesDuBloc(b, bloc), cle).plage;
  const [dates, montants] = [col(recues, 'PRO_Commandes_Recues', 'date'), col(recues, 'PRO_Commandes_Recues', 'montant')];
  const entre = (f: 'COUNTIF' | 'SUMIF', s: string) => `${f}(${dates},"<="&PRO_Cloture${s})-${f}(${dates},"<"&PRO_Debut${s})`;
  const { coutTotal, contacts, commandes, chiffreAffaires, marge } = NOMS_PRO;
  return {
    [coutTotal]: [
      [`ROUND(SUM(${col(frais, 'PRO_Frais', 'montant')})+SUMPRODUCT(${col(cibles, 'PRO_Cibles', 'contacts')},${col(cibles, 'PRO_Cibles', 'coutUnitaire')})+PRO_Demandes*PRO_Cout_Documentation,2)`],
    ],
    [contacts]: [[`SUM(${col(cibles, 'PRO_Cibles', 'contacts')})`]],
    [NOMS_PRO.coutContact]: [[`ROUND(${coutTotal}/${contacts},2)`]],
    [commandes]: [[entre('COUNTIF', '')]],
    [NOMS_PRO.tauxRetour]: [[`ROUND(${commandes}/${contacts}*100,2)`]],
    [chiffreAffaires]: [[entre('SUMIF', `,${montants}`)]],
    [NOMS_PRO.panierMoyen]: [[`ROUND(${chiffreAffaires}/${commandes},2)`]],
    [marge]: [[`ROUND(${chiffreAffaires}*PRO_Taux_Marque/100,2)`]],
    [NOMS_PRO.resultat]: [[`${marge}-${coutTotal}`]],
    [NOMS_PRO.coutCommande]: [[`ROUND(${coutTotal}/${commandes},2)`]],
    [NOMS_PRO.seuil]: [[`ROUNDUP(${coutTotal}/(${marge}/${commandes}),0)`]],
  };
}

export const EXERCICE_PROSPECTION: SpecExercice<EntreeProspection, null> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 14, 14, 16, 14, 12, 12],
  blocs,
  structure: () =>
    blocs({
      entreprise: '',
      operation: { nature: 'mailing', libelle: '', debut: '2000-01-01', cloture: '2000-01-01' },
      frais: [],
      cibles: [],
      demandes: { nombre: 0, coutUnitaire: 0 },
      commandes: [],
      tauxMarque: 1,
      objectifs: { tauxRetour: 1, chiffreAffaires: 0 },
    }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [24, 14, 100],
};
