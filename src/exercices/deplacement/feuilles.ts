import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { moisEnLettres } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { tauxKilometriques, ligneDuBareme, type TauxKilometriques } from '../../domain/parametres/frais';
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
import { feuilleBaremeKm, formuleKm, lireBaremeKm } from '../../sheets/exercices/baremeKm';
import modele from '../../../templates/exercices/deplacement.json';
import { calculerDeplacement, FACON_JUSTE, transportChoisi, VOITURES, type Facon } from './calcul';
import { MODES_PUBLICS, type EntreeDeplacement } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'deplacement');

export const NOMS_DEP = { transports: 'DEP_Transports', mode: 'DEP_Mode', hebergement: 'DEP_Hebergement', repas: 'DEP_Repas', total: 'DEP_Total' } as const;
const NOM_BAREME = 'DEP_Bareme';
const CRITERES = { cout: 'Le moins coûteux', duree: 'Le plus rapide (à durée égale, le moins coûteux)' };

function blocs(e: EntreeDeplacement): Bloc[] {
  return [
    {
      nom: 'DEP_Mission',
      titre: 'La mission',
      champs: [
        { nom: 'DEP_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'DEP_Salarie', cle: 'salarie', libelle: 'Salarié en mission', type: 'texte', valeur: e.salarie },
        { nom: 'DEP_Mois', cle: 'mois', libelle: 'Mois de la mission', type: 'mois', valeur: e.mois },
        { nom: 'DEP_Depart', cle: 'depart', libelle: 'Départ', type: 'texte', valeur: e.depart },
        { nom: 'DEP_Destination', cle: 'destination', libelle: 'Destination', type: 'texte', valeur: e.destination },
        { nom: 'DEP_Personnes', cle: 'personnes', libelle: 'Salariés qui partent ensemble', type: 'entier', valeur: e.personnes },
        { nom: 'DEP_Nuits', cle: 'nuits', libelle: 'Nuits sur place', type: 'entier', valeur: e.nuits },
        { nom: 'DEP_Nb_Repas', cle: 'repas', libelle: 'Repas à prendre en charge, par personne', type: 'entier', valeur: e.repas },
        { nom: 'DEP_Distance', cle: 'distance', libelle: 'Distance aller par la route (km)', type: 'entier', valeur: e.distance },
        { nom: 'DEP_Critere', cle: 'critere', libelle: 'Critère de choix du transport', type: { choix: CRITERES }, valeur: e.critere },
      ],
    },
    {
      nom: 'DEP_Sejour',
      titre: 'Hébergement et repas (limites de l\u2019entreprise)',
      champs: [
        { nom: 'DEP_Prix_Nuit', cle: 'prixNuit', libelle: 'Prix de la nuit d\u2019hôtel, par personne', type: 'euros', valeur: versEuros(e.hotel.prixNuit) },
        { nom: 'DEP_Plafond_Nuit', cle: 'plafondNuit', libelle: 'Plafond de l\u2019entreprise par nuit', type: 'euros', valeur: versEuros(e.hotel.plafond) },
        { nom: 'DEP_Prix_Repas', cle: 'prixRepas', libelle: 'Prix moyen d\u2019un repas', type: 'euros', valeur: versEuros(e.restauration.prixRepas) },
        { nom: 'DEP_Plafond_Repas', cle: 'plafondRepas', libelle: 'Plafond de l\u2019entreprise par repas', type: 'euros', valeur: versEuros(e.restauration.plafond) },
      ],
    },
    {
      nom: 'DEP_Offres',
      titre: 'Offres de transport en commun',
      colonnes: [
        { cle: 'mode', entete: 'Transport', type: { choix: MODES_PUBLICS }, largeur: 1 },
        { cle: 'billet', entete: 'Billet aller-retour par personne', type: 'euros', largeur: 1 },
        { cle: 'transferts', entete: 'Transferts aller-retour par personne', type: 'euros', largeur: 1 },
        { cle: 'duree', entete: 'Durée aller (h)', type: 'heures', largeur: 1 },
      ],
      lignes: e.offres.map((o) => ({ ...o, billet: versEuros(o.billet), transferts: versEuros(o.transferts) })),
    },
    {
      nom: 'DEP_Route',
      titre: 'Par la route',
      champs: [
        { nom: 'DEP_Puissance', cle: 'puissance', libelle: 'Voiture du salarié : puissance fiscale (CV)', type: 'entier', valeur: e.voiture.puissance },
        { nom: 'DEP_Peages', cle: 'peages', libelle: 'Péages aller-retour', type: 'euros', valeur: versEuros(e.voiture.peages) },
        { nom: 'DEP_Parking', cle: 'parking', libelle: 'Stationnement sur place, par jour', type: 'euros', valeur: versEuros(e.voiture.parking) },
        { nom: 'DEP_Duree_Route', cle: 'duree', libelle: 'Durée aller en voiture (h)', type: 'heures', valeur: e.voiture.duree },
        { nom: 'DEP_Location_Jour', cle: 'parJour', libelle: 'Voiture de location : prix par jour', type: 'euros', valeur: versEuros(e.location.parJour) },
        { nom: 'DEP_Consommation', cle: 'consommation', libelle: 'Voiture de location : consommation (litres aux 100 km)', type: 'nombre', valeur: e.location.consommation },
        { nom: 'DEP_Prix_Litre', cle: 'prixLitre', libelle: 'Prix du litre de carburant', type: 'eurosPrecis', valeur: e.location.prixLitre },
      ],
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { prixNuit, plafondNuit, prixRepas, plafondRepas } = (l.get('DEP_Sejour') ?? {}) as Record<string, unknown>;
  const { puissance, peages, parking, duree, parJour, consommation, prixLitre } = (l.get('DEP_Route') ?? {}) as Record<string, unknown>;
  return {
    ...((l.get('DEP_Mission') ?? {}) as Record<string, unknown>),
    hotel: { prixNuit, plafond: plafondNuit },
    restauration: { prixRepas, plafond: plafondRepas },
    offres: l.get('DEP_Offres') ?? [],
    voiture: { puissance, peages, parking, duree },
    location: { parJour, consommation, prixLitre },
  };
}

function attendusDe(e: EntreeDeplacement, p: TauxKilometriques, facon: Facon): Attendus {
  const r = calculerDeplacement(e, p, facon);
  return {
    [NOMS_DEP.transports]: r.transports.map((t) => [versEuros(t.cout), t.duree]),
    [NOMS_DEP.mode]: r.transports[r.choisi]!.mode,
    [NOMS_DEP.hebergement]: versEuros(r.hebergement),
    [NOMS_DEP.repas]: versEuros(r.repas),
    [NOMS_DEP.total]: versEuros(r.total),
  };
}

const attendus = (e: EntreeDeplacement, p: TauxKilometriques): Attendus => attendusDe(e, p, FACON_JUSTE);

/** The transports in the answers' order: the public offers, then the two cars. */
const modes = (e: EntreeDeplacement) => [...e.offres.map((o) => MODES_PUBLICS[o.mode]), VOITURES.voiture, VOITURES.location];

function feuilleTravail(e: EntreeDeplacement, _p: TauxKilometriques, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [44, 20, 20]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 3 }]);
  f.ligne([{ valeur: `${e.depart} – ${e.destination}, ${moisEnLettres(e.mois)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 3 }]);
  f.vide();
  f.ligne([{ valeur: '1. Comparaison des transports', style: bandeau, colonnes: 3 }]);
  f.ligne(['Transport', 'Coût aller-retour', 'Durée aller-retour (h)'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  modes(e).forEach((m, i) =>
    f.ligne([
      { valeur: m, style: valeur },
      { valeur: rempli(NOMS_DEP.transports, i, 0), style: montant },
      { valeur: rempli(NOMS_DEP.transports, i, 1), style: { ...saisieCentree, format: '0.0#', ...fond } },
    ]),
  );
  noms.push({ nom: NOMS_DEP.transports, feuille, plage: `B${premiere}:C${premiere + modes(e).length - 1}` });
  const mode = ligne(NOMS_DEP.mode, { ...saisieCentree, ...fond });
  f.vide();
  f.ligne([{ valeur: '2. Coût de la mission', style: bandeau, colonnes: 3 }]);
  ligne(NOMS_DEP.hebergement, montant);
  ligne(NOMS_DEP.repas, montant);
  ligne(NOMS_DEP.total, montant);
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [{ plage: `B${mode}`, liste: { elements: modes(e) }, message: 'Choisissez un transport de la liste.' }],
    },
    noms,
  };
}

function justification(e: EntreeDeplacement, p: TauxKilometriques): string[][] {
  const r = calculerDeplacement(e, p);
  const eur = montantTexte;
  const jours = e.nuits + 1;
  const route = `péages ${eur(e.voiture.peages)} + stationnement ${eur(e.voiture.parking)} × ${jours} j`;
  const comment = (i: number) => {
    const o = e.offres[i];
    if (o) return `(${eur(o.billet)} + ${eur(o.transferts)}) × ${e.personnes} personne${e.personnes > 1 ? 's' : ''}.`;
    return i === e.offres.length
      ? `${e.distance} km × 2 × ${nombreFr(p.km[ligneDuBareme(e.voiture.puissance)]!)} € (${e.voiture.puissance} CV) + ${route} ; une seule voiture.`
      : `${eur(e.location.parJour)} × ${jours} j + carburant ${e.distance} km × 2 × ${nombreFr(e.location.consommation)} L / 100 × ${nombreFr(e.location.prixLitre)} € + ${route}.`;
  };
  const choisi = r.transports[r.choisi]!;
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...r.transports.map((t, i) => [t.mode, eur(t.cout), `${comment(i)} Durée ${nombreFr(t.duree)} h aller-retour.`]),
    ['Transport retenu', choisi.mode, `Critère : ${CRITERES[e.critere].toLowerCase()}.`],
    [
      'Hébergement',
      eur(r.hebergement),
      `${e.personnes} × ${e.nuits} nuit${e.nuits > 1 ? 's' : ''} × ${eur(Math.min(e.hotel.prixNuit, e.hotel.plafond))}${e.hotel.prixNuit > e.hotel.plafond ? ` (plafond ; l\u2019hôtel coûte ${eur(e.hotel.prixNuit)})` : ''}.`,
    ],
    [
      'Repas',
      eur(r.repas),
      `${e.personnes} × ${e.repas} repas × ${eur(Math.min(e.restauration.prixRepas, e.restauration.plafond))}${e.restauration.prixRepas > e.restauration.plafond ? ' (plafond)' : ''}.`,
    ],
    ['Total de la mission', eur(r.total), `${eur(choisi.cout)} + ${eur(r.hebergement)} + ${eur(r.repas)}.`],
  ];
}

const siDifferent = (e: EntreeDeplacement, p: TauxKilometriques, facon: Partial<Facon>, noms: readonly string[]) =>
  reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p), noms);

/** Each mistake on the answers it makes wrong by itself; the choice and the total follow from the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeDeplacement, TauxKilometriques>['variantes'] = {
  voiture_par_personne: (e, p) => siDifferent(e, p, { uneVoiture: false }, [NOMS_DEP.transports]),
  aller_simple: (e, p) => siDifferent(e, p, { allerRetour: false }, [NOMS_DEP.transports]),
  billet_unique: (e, p) => siDifferent(e, p, { billetsParPersonne: false }, [NOMS_DEP.transports]),
  carburant_oublie: (e, p) => siDifferent(e, p, { carburant: false }, [NOMS_DEP.transports]),
  critere_ignore: (e, p) => siDifferent(e, p, { critere: false }, [NOMS_DEP.mode]),
  plafond_ignore: (e, p) => siDifferent(e, p, { plafonds: false }, [NOMS_DEP.hebergement, NOMS_DEP.repas]),
};

const texteSaisi = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : null);

/** Knock-on errors: the choice from the student's own costs and times; the total from their transport, hotel and meals. */
function enchainements(lu: Lu, e: EntreeDeplacement): Enchainement[] {
  const res: Enchainement[] = [];
  const lues = lu(NOMS_DEP.transports);
  const liste = modes(e);
  const lignes = liste.map((_, i) => (Array.isArray(lues) && Array.isArray(lues[i]) ? lues[i] : []));
  const couts = lignes.map((l) => centimesSaisis(l[0]));
  const durees = lignes.map((l) => (typeof l[1] === 'number' && Number.isFinite(l[1]) ? l[1] : null));
  if (couts.every((c) => c !== null) && durees.every((d) => d !== null)) {
    const choisi = transportChoisi(
      liste.map((_, i) => ({ cout: couts[i]!, duree: durees[i]! })),
      e.critere === 'duree',
    );
    res.push({ nom: NOMS_DEP.mode, valeur: liste[choisi]!, depuis: [NOMS_DEP.transports] });
  }
  const mode = texteSaisi(lu(NOMS_DEP.mode));
  const i = liste.findIndex((m) => m.toLowerCase() === mode);
  const [hebergement, repas] = [centimesSaisis(lu(NOMS_DEP.hebergement)), centimesSaisis(lu(NOMS_DEP.repas))];
  if (i >= 0 && couts[i] !== null && couts[i] !== undefined && hebergement !== null && repas !== null)
    res.push(...enSuite(NOMS_DEP.total, couts[i]! + hebergement + repas, [NOMS_DEP.transports, NOMS_DEP.mode, NOMS_DEP.hebergement, NOMS_DEP.repas]));
  return res;
}

/**
 * The corrigé's model: each offer's tickets and transfers × the travellers; the car's kilometres at
 * the barème's rate of its horsepower (INDEX on « Paramètres »), the rental's days and fuel, tolls and
 * parking per day; each time there and back; hotel and meals within the limits (MIN); the total from
 * the transport chosen, found by its name in the table (SUMIF). The choice is a decision: it stays a
 * value.
 */
function formulesDuCorrige(e: EntreeDeplacement, _p: TauxKilometriques, ou: OuNom): Record<string, (string | null)[][]> {
  const [offres, transports] = [ou('DEP_Offres'), ou(NOMS_DEP.transports)];
  if (!offres || !transports) return {};
  const c = (k: string) => colonneDe(offres, colonnesDuBloc(blocs(e), 'DEP_Offres'), k).cellule;
  const jours = '(DEP_Nuits+1)';
  const route = `DEP_Peages+DEP_Parking*${jours}`;
  const n = modes(e).length;
  const t = (i: number, j: number) => celluleDeZone(transports, i, j);
  return {
    [NOMS_DEP.transports]: [
      ...e.offres.map((_, i) => [`DEP_Personnes*(${c('billet')(i)}+${c('transferts')(i)})`, `2*${c('duree')(i)}`]),
      [`${formuleKm(NOM_BAREME, '2*DEP_Distance', 'DEP_Puissance')}+${route}`, '2*DEP_Duree_Route'],
      [`DEP_Location_Jour*${jours}+ROUND(2*DEP_Distance*DEP_Consommation/100*DEP_Prix_Litre,2)+${route}`, '2*DEP_Duree_Route'],
    ],
    [NOMS_DEP.hebergement]: [['DEP_Personnes*DEP_Nuits*MIN(DEP_Prix_Nuit,DEP_Plafond_Nuit)']],
    [NOMS_DEP.repas]: [['DEP_Personnes*DEP_Nb_Repas*MIN(DEP_Prix_Repas,DEP_Plafond_Repas)']],
    [NOMS_DEP.total]: [[`SUMIF(${t(0, -1)}:${t(n - 1, -1)},${NOMS_DEP.mode},${t(0, 0)}:${t(n - 1, 0)})+${NOMS_DEP.hebergement}+${NOMS_DEP.repas}`]],
  };
}

export const EXERCICE_DEPLACEMENT: SpecExercice<EntreeDeplacement, TauxKilometriques> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 14, 14, 16, 14, 12, 12],
  blocs,
  structure: () =>
    blocs({
      entreprise: '',
      salarie: '',
      mois: '2000-01',
      depart: '',
      destination: '',
      personnes: 1,
      nuits: 0,
      repas: 0,
      distance: 1,
      critere: 'cout',
      hotel: { prixNuit: 0, plafond: 0 },
      restauration: { prixRepas: 0, plafond: 0 },
      offres: [],
      voiture: { puissance: 1, peages: 0, parking: 0, duree: 1 },
      location: { parJour: 0, consommation: 1, prixLitre: 1 },
    }),
  donnees,
  parametresParDefaut: (e, t) => tauxKilometriques(e.mois, t.frais),
  feuilleParametres: (p) => feuilleBaremeKm(p, NOM_BAREME, ['Voiture personnelle : indemnité kilométrique du barème de sa puissance, pour la distance aller-retour.']),
  lireParametres: (v) => lireBaremeKm(v, NOM_BAREME),
  feuilleTravail,
  unites: (e) => ({ [NOMS_DEP.transports]: modes(e) }),
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [22, 16, 100],
};
