import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { moisEnLettres } from '../../domain/dates';
import { diviserArrondi, versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
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
  valeurRemplie,
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
import modele from '../../../templates/exercices/clients.json';
import { ANOMALIES, calculerClients, FACON_JUSTE, type Facon } from './calcul';
import { CHAMPS, type EntreeClients } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'clients');

export const NOMS_CLI = {
  fichier: 'CLI_Mise_A_Jour',
  anomalies: 'CLI_Anomalies',
  cumuls: 'CLI_Cumul',
  variations: 'CLI_Variation',
  variationAnnuelle: 'CLI_Variation_Annuelle',
  parts: 'CLI_Parts',
  panier: 'CLI_Panier',
  conversion: 'CLI_Conversion',
} as const;

function blocs(e: EntreeClients): Bloc[] {
  return [
    {
      nom: 'CLI_Fichier',
      titre: 'Fichier clients (extrait)',
      colonnes: [
        { cle: 'code', entete: 'Code', type: 'texte', largeur: 1 },
        { cle: 'raisonSociale', entete: 'Raison sociale', type: 'texte', largeur: 2 },
        { cle: 'siret', entete: 'SIRET', type: 'texte', largeur: 2 },
        { cle: 'codePostal', entete: 'Code postal', type: 'texte', largeur: 1 },
        { cle: 'ville', entete: 'Ville', type: 'texte', largeur: 1 },
        { cle: 'email', entete: 'E-mail', type: 'texte', largeur: 3 },
      ],
      lignes: e.clients,
    },
    {
      nom: 'CLI_Modifications',
      titre: 'Modifications à reporter dans le fichier, dans cet ordre',
      colonnes: [
        { cle: 'code', entete: 'Client', type: 'texte', largeur: 1 },
        { cle: 'champ', entete: 'Champ', type: { choix: CHAMPS }, largeur: 2 },
        { cle: 'valeur', entete: 'Nouvelle valeur', type: 'texte', largeur: 4 },
      ],
      lignes: e.modifications,
      vide: '(aucune)',
    },
    {
      nom: 'CLI_Ventes',
      titre: 'Chiffre d\u2019affaires HT par mois',
      colonnes: [
        { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 2 },
        { cle: 'n', entete: 'Année N', type: 'euros', largeur: 1 },
        { cle: 'n1', entete: 'Année N−1', type: 'euros', largeur: 1 },
      ],
      lignes: e.ventes.map((v) => ({ ...v, n: versEuros(v.n), n1: versEuros(v.n1) })),
    },
    {
      nom: 'CLI_Familles',
      titre: 'Chiffre d\u2019affaires HT de l\u2019année N par famille de produits',
      colonnes: [
        { cle: 'famille', entete: 'Famille', type: 'texte', largeur: 2 },
        { cle: 'ca', entete: 'Chiffre d\u2019affaires HT', type: 'euros', largeur: 1 },
      ],
      lignes: e.familles.map((f) => ({ ...f, ca: versEuros(f.ca) })),
    },
    {
      nom: 'CLI_Activite',
      titre: 'Activité commerciale de l\u2019année N',
      champs: [
        { nom: 'CLI_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'CLI_Commandes', cle: 'commandes', libelle: 'Commandes reçues', type: 'entier', valeur: e.commandes },
        { nom: 'CLI_Devis_Envoyes', cle: 'devisEnvoyes', libelle: 'Devis envoyés', type: 'entier', valeur: e.devisEnvoyes },
        { nom: 'CLI_Devis_Acceptes', cle: 'devisAcceptes', libelle: 'Devis acceptés', type: 'entier', valeur: e.devisAcceptes },
      ],
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return {
    ...((l.get('CLI_Activite') ?? {}) as Record<string, unknown>),
    clients: l.get('CLI_Fichier') ?? [],
    modifications: l.get('CLI_Modifications') ?? [],
    ventes: l.get('CLI_Ventes') ?? [],
    familles: l.get('CLI_Familles') ?? [],
  };
}

function attendusDe(e: EntreeClients, facon: Facon): Attendus {
  const r = calculerClients(e, facon);
  return {
    [NOMS_CLI.fichier]: r.fichier.map((c) => [c.codePostal || null, c.email || null]),
    [NOMS_CLI.anomalies]: r.anomalies.map((a) => ANOMALIES[a]),
    [NOMS_CLI.cumuls]: r.cumuls.map(versEuros),
    [NOMS_CLI.variations]: r.variations,
    [NOMS_CLI.variationAnnuelle]: r.variationAnnuelle,
    [NOMS_CLI.parts]: r.parts,
    [NOMS_CLI.panier]: versEuros(r.panier),
    [NOMS_CLI.conversion]: r.conversion,
  };
}

const attendus = (e: EntreeClients): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeClients, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [40, 16, 34, 28]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const taux: Style = { ...saisieCentree, format: '0.00', ...fond };
  const texteSaisi: Style = { ...saisie, format: '@', ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 4 }]);
  f.ligne([{ valeur: `${e.entreprise}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 4 }]);
  f.vide();
  f.ligne([{ valeur: '1. Fichier clients à jour', style: bandeau, colonnes: 4 }]);
  f.ligne(['Client', 'Code postal', 'E-mail', 'Anomalie'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.clients.forEach((c, i) =>
    f.ligne([
      { valeur: `${c.code} — ${c.raisonSociale || '(sans raison sociale)'}`, style: valeur },
      { valeur: rempli(NOMS_CLI.fichier, i, 0), style: texteSaisi },
      { valeur: rempli(NOMS_CLI.fichier, i, 1), style: texteSaisi },
      { valeur: rempli(NOMS_CLI.anomalies, i), style: { ...saisieCentree, ...fond } },
    ]),
  );
  const fin = premiere + e.clients.length - 1;
  noms.push({ nom: NOMS_CLI.fichier, feuille, plage: `B${premiere}:C${fin}` }, { nom: NOMS_CLI.anomalies, feuille, plage: `D${premiere}:D${fin}` });
  const validations = [{ plage: `D${premiere}:D${fin}`, liste: { elements: Object.values(ANOMALIES) }, message: 'Choisissez l\u2019anomalie dans la liste.' }];
  f.vide();
  f.ligne([{ valeur: '2. Tableau de bord commercial', style: bandeau, colonnes: 4 }]);
  f.ligne(['Mois', 'CA HT cumulé', 'Variation N / N−1 (%)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.ventes.forEach((v, i) =>
    f.ligne([
      { valeur: moisEnLettres(v.mois), style: valeur },
      { valeur: rempli(NOMS_CLI.cumuls, i), style: montant },
      { valeur: rempli(NOMS_CLI.variations, i), style: taux },
    ]),
  );
  const dernier = premiere + e.ventes.length - 1;
  noms.push({ nom: NOMS_CLI.cumuls, feuille, plage: `B${premiere}:B${dernier}` }, { nom: NOMS_CLI.variations, feuille, plage: `C${premiere}:C${dernier}` });
  ligne(NOMS_CLI.variationAnnuelle, taux);
  f.ligne(['Famille', 'Part du CA (%)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.familles.forEach((x, i) =>
    f.ligne([
      { valeur: x.famille, style: valeur },
      { valeur: rempli(NOMS_CLI.parts, i), style: taux },
    ]),
  );
  noms.push({ nom: NOMS_CLI.parts, feuille, plage: `B${premiere}:B${premiere + e.familles.length - 1}` });
  ligne(NOMS_CLI.panier, montant);
  ligne(NOMS_CLI.conversion, taux);
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, validations }, noms };
}

/** « Paramètres »: the rules of the file's fields (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Règles du fichier clients', 'Contrôles appliqués ; le fichier, les modifications et les ventes sont dans l\u2019énoncé.', [
    ['Champs obligatoires', 'Raison sociale, code postal et e-mail.'],
    ['Doublon', 'Un client dont le SIRET figure déjà plus haut dans le fichier.'],
    ['SIRET', '14 chiffres ; clé de Luhn : en partant de la droite, doublez un chiffre sur deux (retirez 9 au-delà de 9) ; la somme de tous les chiffres est un multiple de 10.'],
    ['Code postal', '5 chiffres.'],
    ['E-mail', 'Un seul @, des caractères avant, un nom de domaine après avec un point (par exemple contact@exemple.fr), sans espace.'],
  ]);

function justification(e: EntreeClients): string[][] {
  const r = calculerClients(e);
  const totalN = e.ventes.reduce((a, v) => a + v.n, 0);
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...e.clients.map((c, i) => [c.code, ANOMALIES[r.anomalies[i]!], `Après modifications : ${r.fichier[i]!.codePostal || '(vide)'}, ${r.fichier[i]!.email || '(vide)'}.`]),
    ['CA cumulé', montantTexte(r.cumuls.at(-1)!), 'Chaque mois, le cumul du mois précédent plus le chiffre d\u2019affaires du mois.'],
    ['Variation annuelle', `${nombreFr(r.variationAnnuelle)} %`, `(${montantTexte(totalN)} − ${montantTexte(e.ventes.reduce((a, v) => a + v.n1, 0))}) / N−1 × 100.`],
    ...e.familles.map((x, i) => [x.famille, `${nombreFr(r.parts[i]!)} %`, `${montantTexte(x.ca)} / ${montantTexte(e.familles.reduce((a, y) => a + y.ca, 0))} × 100.`]),
    ['Panier moyen', montantTexte(r.panier), `${montantTexte(totalN)} / ${e.commandes} commandes.`],
    ['Taux de transformation', `${nombreFr(r.conversion)} %`, `${e.devisAcceptes} devis acceptés / ${e.devisEnvoyes} envoyés × 100.`],
  ];
}

const siDifferent = (e: EntreeClients, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/** Each mistake on the answers it makes wrong by itself. */
const variantes: SpecExercice<EntreeClients, null>['variantes'] = {
  modifications_oubliees: (e) => siDifferent(e, { modifications: false }, [NOMS_CLI.fichier]),
  doublon_premier: (e) => siDifferent(e, { doublonSuivant: false }, [NOMS_CLI.anomalies]),
  variation_sur_n: (e) => siDifferent(e, { surN1: false }, [NOMS_CLI.variations]),
  transformation_inversee: (e) => siDifferent(e, { conversion: false }, [NOMS_CLI.conversion]),
};

/** Knock-on errors: the panier from the student's own last cumulative turnover. */
function enchainements(lu: Lu, e: EntreeClients): Enchainement[] {
  const cumuls = lu(NOMS_CLI.cumuls);
  const dernier = Array.isArray(cumuls) ? centimesSaisis(cumuls[cumuls.length - 1]) : null;
  return dernier !== null && dernier >= 0 ? enSuite(NOMS_CLI.panier, diviserArrondi(dernier, e.commandes), [NOMS_CLI.cumuls]) : [];
}

/**
 * The corrigé's model: each month's cumulative turnover (SUM from the first month), its variation on
 * N−1, the year's; each family's share of the year; the panier; the conversion rate. The file's
 * updates and anomalies are readings: they stay values.
 */
function formulesDuCorrige(e: EntreeClients, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [ventes, familles] = [ou('CLI_Ventes'), ou('CLI_Familles')];
  if (!ventes || !familles) return {};
  const b = blocs(e);
  const [n, n1] = (['n', 'n1'] as const).map((k) => colonneDe(ventes, colonnesDuBloc(b, 'CLI_Ventes'), k));
  const ca = colonneDe(familles, colonnesDuBloc(b, 'CLI_Familles'), 'ca');
  const sansFeuille = (c: string) => c.replace(/^.*!/, '');
  return {
    [NOMS_CLI.cumuls]: e.ventes.map((_, i) => [`SUM(${n!.cellule(0)}:${sansFeuille(n!.cellule(i))})`]),
    [NOMS_CLI.variations]: e.ventes.map((_, i) => [`ROUND((${n!.cellule(i)}-${n1!.cellule(i)})/${n1!.cellule(i)}*100,2)`]),
    [NOMS_CLI.variationAnnuelle]: [[`ROUND((SUM(${n!.plage})-SUM(${n1!.plage}))/SUM(${n1!.plage})*100,2)`]],
    [NOMS_CLI.parts]: e.familles.map((_, i) => [`ROUND(${ca.cellule(i)}/SUM(${ca.plage})*100,2)`]),
    [NOMS_CLI.panier]: [[`ROUND(SUM(${n!.plage})/CLI_Commandes,2)`]],
    [NOMS_CLI.conversion]: [['ROUND(CLI_Devis_Acceptes/CLI_Devis_Envoyes*100,2)']],
  };
}

export const EXERCICE_CLIENTS: SpecExercice<EntreeClients, null> = {
  gabarit: GABARIT,
  largeursEnonce: [10, 14, 14, 14, 14, 10, 14, 14, 14, 14],
  blocs,
  structure: () => blocs({ entreprise: '', clients: [], modifications: [], ventes: [], familles: [], commandes: 1, devisEnvoyes: 1, devisAcceptes: 0 }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => ({
    [NOMS_CLI.fichier]: e.clients.map((c) => c.code),
    [NOMS_CLI.anomalies]: e.clients.map((c) => c.code),
    [NOMS_CLI.cumuls]: e.ventes.map((v) => moisEnLettres(v.mois)),
    [NOMS_CLI.variations]: e.ventes.map((v) => moisEnLettres(v.mois)),
    [NOMS_CLI.parts]: e.familles.map((x) => x.famille),
  }),
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [22, 26, 100],
};
