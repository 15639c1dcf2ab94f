import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style, Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, note, saisie, saisieCentree, saisieDate, sousTitre, titre } from '../../sheets/styles';
import { dateDansMois, dateFr, moisComplets } from '../../domain/dates';
import { taxe, versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { CLES_PERSONNEL, parametresPersonnel, type ClePersonnel, type ParametresPersonnel } from '../../domain/parametres/personnel';
import type { TablesDatees } from '../../domain/parametres/tables';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
  enSuite,
  FEUILLES,
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
import modele from '../../../templates/exercices/entree-sortie.json';
import { calculerEntreeSortie, essaiDe, essaiMaxDe, FACON_JUSTE, indemniteLegale, type Facon } from './calcul';
import { CATEGORIES, MOTIFS_CDD, type EntreeEntreeSortie } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'entree-sortie');

export const NOMS_ES = {
  dpae: 'ES_DPAE',
  finEssai: 'ES_Fin_Essai',
  finRenouvellement: 'ES_Fin_Renouvellement',
  precarite: 'ES_Precarite',
  iccpCdd: 'ES_ICCP_CDD',
  totalCdd: 'ES_Total_CDD',
  preavis: 'ES_Preavis',
  finContrat: 'ES_Fin_Contrat',
  anciennete: 'ES_Anciennete',
  salaireReference: 'ES_Salaire_Reference',
  indemnite: 'ES_Indemnite',
  iccp: 'ES_ICCP',
  solde: 'ES_Solde',
} as const;

/** « Paramètres »: each legal value by its defined name. */
const NOMS_P: Record<ClePersonnel, string> = {
  dpaeJoursAvant: 'ES_DPAE_Jours',
  essaiOuvriers: 'ES_Essai_Ouvriers',
  essaiMaitrise: 'ES_Essai_Maitrise',
  essaiCadres: 'ES_Essai_Cadres',
  essaiMaxOuvriers: 'ES_Essai_Max_Ouvriers',
  essaiMaxMaitrise: 'ES_Essai_Max_Maitrise',
  essaiMaxCadres: 'ES_Essai_Max_Cadres',
  preavisSeuil1: 'ES_Preavis_Seuil_1',
  preavis1: 'ES_Preavis_1',
  preavisSeuil2: 'ES_Preavis_Seuil_2',
  preavis2: 'ES_Preavis_2',
  ancienneteIndemnite: 'ES_Anciennete_Min',
  diviseurAvant: 'ES_Diviseur_Avant',
  seuilAnnees: 'ES_Seuil_Annees',
  diviseurApres: 'ES_Diviseur_Apres',
  precarite: 'ES_Taux_Precarite',
  iccp: 'ES_Taux_ICCP',
};
const ESSAI = { ouvrier: 'essaiOuvriers', maitrise: 'essaiMaitrise', cadre: 'essaiCadres' } as const;

function blocs(e: EntreeEntreeSortie): Bloc[] {
  const { embauche: h, cdd, licenciement: l } = e;
  return [
    {
      nom: 'ES_Embauche',
      titre: '1. Embauche en CDI',
      champs: [
        { nom: 'ES_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'ES_Salarie_Embauche', cle: 'salarie', libelle: 'Salarié embauché', type: 'texte', valeur: h.salarie },
        { nom: 'ES_Categorie', cle: 'categorie', libelle: 'Catégorie', type: { choix: CATEGORIES }, valeur: h.categorie },
        { nom: 'ES_Date_Embauche', cle: 'date', libelle: 'Date d\u2019embauche (premier jour de travail)', type: 'date', valeur: h.date },
        { nom: 'ES_Renouvellement', cle: 'renouvellement', libelle: 'Renouvellement de la période d\u2019essai prévu (mois ; 0 : aucun)', type: 'entier', valeur: h.renouvellement },
      ],
    },
    {
      nom: 'ES_CDD',
      titre: '2. Fin d\u2019un contrat à durée déterminée',
      champs: [
        { nom: 'ES_Salarie_CDD', cle: 'salarie', libelle: 'Salarié en CDD', type: 'texte', valeur: cdd.salarie },
        { nom: 'ES_Debut_CDD', cle: 'debut', libelle: 'Début du contrat', type: 'date', valeur: cdd.debut },
        { nom: 'ES_Fin_CDD', cle: 'fin', libelle: 'Fin du contrat', type: 'date', valeur: cdd.fin },
        { nom: 'ES_Brut_CDD', cle: 'brut', libelle: 'Rémunération totale brute versée pendant le contrat', type: 'euros', valeur: versEuros(cdd.brut) },
        { nom: 'ES_Motif', cle: 'motif', libelle: 'Fin du contrat', type: { choix: MOTIFS_CDD }, valeur: cdd.motif },
      ],
    },
    {
      nom: 'ES_Licenciement',
      titre: '3. Licenciement (motif personnel, hors faute grave)',
      champs: [
        { nom: 'ES_Salarie_Licencie', cle: 'salarie', libelle: 'Salarié licencié', type: 'texte', valeur: l.salarie },
        { nom: 'ES_Entree', cle: 'entree', libelle: 'Date d\u2019entrée dans l\u2019entreprise', type: 'date', valeur: l.entree },
        { nom: 'ES_Notification', cle: 'notification', libelle: 'Date de notification du licenciement', type: 'date', valeur: l.notification },
        { nom: 'ES_Conges', cle: 'conges', libelle: 'Jours ouvrables de congés payés acquis et non pris', type: 'entier', valeur: l.conges },
        { nom: 'ES_Salaire_Mensuel', cle: 'salaireMensuel', libelle: 'Salaire mensuel brut actuel', type: 'euros', valeur: versEuros(l.salaireMensuel) },
      ],
    },
    {
      nom: 'ES_Salaires',
      titre: 'Salaires bruts des derniers mois avant la notification',
      colonnes: [
        { cle: 'mois', entete: 'Mois', type: 'mois', largeur: 1 },
        { cle: 'brut', entete: 'Salaire brut (primes comprises)', type: 'euros', largeur: 2 },
      ],
      lignes: l.salaires.map((s) => ({ ...s, brut: versEuros(s.brut) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const { entreprise, ...embauche } = (l.get('ES_Embauche') ?? {}) as Record<string, unknown>;
  return { entreprise, embauche, cdd: l.get('ES_CDD') ?? {}, licenciement: { ...((l.get('ES_Licenciement') ?? {}) as Record<string, unknown>), salaires: l.get('ES_Salaires') ?? [] } };
}

function feuilleParametres(p: ParametresPersonnel): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [62, 10, 40]).masquables([2]);
  const noms: NomDefini[] = [];
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 3 }]);
  f.ligne([
    { valeur: 'Règles légales en vigueur. L\u2019enseignant peut les modifier : le corrigé et la vérification utilisent toujours les valeurs de cette feuille.', style: sousTitre, colonnes: 3 },
  ]);
  f.vide();
  f.ligne(['Règle', 'Valeur', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  for (const cle of CLES_PERSONNEL) {
    const n = f.ligne([
      { valeur: p.libelles[cle], style: etiquette },
      { valeur: p[cle], style: { ...saisieCentree, format: '0' } },
      { valeur: p.references[cle], style: note },
    ]);
    noms.push({ nom: NOMS_P[cle], feuille: FEUILLES.parametres, plage: `B${n}` });
  }
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, colonnesSources: [2] }, noms };
}

function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresPersonnel {
  const lus = CLES_PERSONNEL.map((cle) => {
    const x = v(NOMS_P[cle])?.[0]?.[0];
    if (typeof x !== 'number' || x <= 0) throw new Error(`Paramètres : nombre positif attendu (nom ${NOMS_P[cle]}).`);
    return [cle, x] as const;
  });
  const vides = Object.fromEntries(CLES_PERSONNEL.map((c) => [c, ''])) as Record<ClePersonnel, string>;
  // the references and labels are shown, not read back: the values alone price the case
  return { ...(Object.fromEntries(lus) as Record<ClePersonnel, number>), references: vides, libelles: vides };
}

function attendusDe(e: EntreeEntreeSortie, p: ParametresPersonnel, facon: Facon): Attendus {
  const r = calculerEntreeSortie(e, p, facon);
  return {
    [NOMS_ES.dpae]: r.dpae,
    [NOMS_ES.finEssai]: r.finEssai,
    ...(r.finRenouvellement ? { [NOMS_ES.finRenouvellement]: r.finRenouvellement } : {}),
    [NOMS_ES.precarite]: versEuros(r.precarite),
    [NOMS_ES.iccpCdd]: versEuros(r.iccpCdd),
    [NOMS_ES.totalCdd]: versEuros(r.totalCdd),
    [NOMS_ES.preavis]: r.preavis,
    [NOMS_ES.finContrat]: r.finContrat,
    [NOMS_ES.anciennete]: r.anciennete,
    [NOMS_ES.salaireReference]: versEuros(r.salaireReference),
    [NOMS_ES.indemnite]: versEuros(r.indemnite),
    [NOMS_ES.iccp]: versEuros(r.iccp),
    [NOMS_ES.solde]: versEuros(r.solde),
  };
}

const attendus = (e: EntreeEntreeSortie, p: ParametresPersonnel): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreeEntreeSortie, _p: ParametresPersonnel, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [62, 18]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const jour: Style = { ...saisieDate, ...fond };
  const nombre: Style = { ...saisieCentree, format: '0', ...fond };
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 2 }]);
  f.ligne([{ valeur: `${e.entreprise}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 2 }]);
  f.vide();
  f.ligne([{ valeur: `1. Embauche de ${e.embauche.salarie}`, style: bandeau, colonnes: 2 }]);
  ligne(NOMS_ES.dpae, jour);
  ligne(NOMS_ES.finEssai, jour);
  if (e.embauche.renouvellement) ligne(NOMS_ES.finRenouvellement, jour);
  f.vide();
  f.ligne([{ valeur: `2. Fin du CDD de ${e.cdd.salarie}`, style: bandeau, colonnes: 2 }]);
  ligne(NOMS_ES.precarite, montant);
  ligne(NOMS_ES.iccpCdd, montant);
  ligne(NOMS_ES.totalCdd, montant);
  f.vide();
  f.ligne([{ valeur: `3. Licenciement de ${e.licenciement.salarie}`, style: bandeau, colonnes: 2 }]);
  ligne(NOMS_ES.preavis, nombre);
  ligne(NOMS_ES.finContrat, jour);
  ligne(NOMS_ES.anciennete, nombre);
  ligne(NOMS_ES.salaireReference, montant);
  ligne(NOMS_ES.indemnite, montant);
  ligne(NOMS_ES.iccp, montant);
  ligne(NOMS_ES.solde, montant);
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms };
}

function justification(e: EntreeEntreeSortie, p: ParametresPersonnel): string[][] {
  const r = calculerEntreeSortie(e, p);
  const eur = montantTexte;
  const { embauche: h, licenciement: l } = e;
  const essai = essaiDe(e, p);
  const avant = moisComplets(l.entree, l.notification);
  const seuil = p.seuilAnnees * 12;
  const brut = l.salaires.map((s) => s.brut);
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ['DPAE', dateFr(r.dpae), `Au plus tôt ${p.dpaeJoursAvant} jours avant l\u2019embauche du ${dateFr(h.date)} (${p.references.dpaeJoursAvant}), et au plus tard avant la prise de poste.`],
    [
      'Fin de la période d\u2019essai',
      dateFr(r.finEssai),
      `${CATEGORIES[h.categorie]} : ${essai} mois (${p.references[ESSAI[h.categorie]]}), de date à date : la veille du ${dateFr(dateDansMois(h.date, essai))}.`,
    ],
    ...(r.finRenouvellement
      ? [
          [
            'Après renouvellement',
            dateFr(r.finRenouvellement),
            `${essai} + ${h.renouvellement} mois, ${essaiMaxDe(e, p)} au plus renouvellement compris : la veille du ${dateFr(dateDansMois(h.date, essai + h.renouvellement))}.`,
          ],
        ]
      : []),
    [
      'Indemnité de fin de contrat',
      eur(r.precarite),
      e.cdd.motif === 'refus_cdi' ? 'Aucune : le salarié a refusé un CDI pour le même emploi (C. trav., art. L1243-10).' : `${nombreFr(p.precarite)} % × ${eur(e.cdd.brut)} = ${eur(r.precarite)}.`,
    ],
    ['Congés payés du CDD', eur(r.iccpCdd), `${nombreFr(p.iccp)} % × (${eur(e.cdd.brut)} + ${eur(r.precarite)}) = ${eur(r.iccpCdd)}.`],
    ['Total (CDD)', eur(r.totalCdd), `${eur(r.precarite)} + ${eur(r.iccpCdd)}.`],
    ['Préavis', `${r.preavis} mois`, `${avant} mois d\u2019ancienneté à la notification (${p.references.preavis2}).`],
    ['Fin du contrat', dateFr(r.finContrat), `${dateFr(l.notification)} + ${r.preavis} mois de préavis.`],
    ['Ancienneté', `${r.anciennete} mois`, `Mois complets du ${dateFr(l.entree)} au ${dateFr(r.finContrat)}.`],
    [
      'Salaire de référence',
      eur(r.salaireReference),
      `Moyenne des ${brut.length} derniers mois ${eur(Math.round(brut.reduce((a, b) => a + b, 0) / brut.length))} ; des 3 derniers ${eur(Math.round(brut.slice(-3).reduce((a, b) => a + b, 0) / 3))} ; la plus favorable.`,
    ],
    [
      'Indemnité de licenciement',
      eur(r.indemnite),
      r.anciennete < p.ancienneteIndemnite
        ? `Moins de ${p.ancienneteIndemnite} mois d\u2019ancienneté : aucune.`
        : `${eur(r.salaireReference)} × (${Math.min(r.anciennete, seuil)} / 12 × 1/${p.diviseurAvant}${r.anciennete > seuil ? ` + ${r.anciennete - seuil} / 12 × 1/${p.diviseurApres}` : ''}) = ${eur(r.indemnite)}.`,
    ],
    ['Congés non pris', eur(r.iccp), `${l.conges} jours × ${eur(l.salaireMensuel)} / 26 = ${eur(r.iccp)}.`],
    ['Solde de tout compte (indemnités)', eur(r.solde), `${eur(r.indemnite)} + ${eur(r.iccp)}.`],
  ];
}

const siDifferent = (e: EntreeEntreeSortie, p: ParametresPersonnel, facon: Partial<Facon>, noms: readonly string[]) =>
  reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p), noms);

/** Each mistake on the answers it makes wrong by itself; what follows is a knock-on of the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeEntreeSortie, ParametresPersonnel>['variantes'] = {
  dpae_apres_embauche: (e, p) => siDifferent(e, p, { dpaeAvant: false }, [NOMS_ES.dpae]),
  essai_jour_de_trop: (e, p) => siDifferent(e, p, { veille: false }, [NOMS_ES.finEssai, NOMS_ES.finRenouvellement]),
  precarite_malgre_refus: (e, p) => siDifferent(e, p, { exclusionCdi: false }, [NOMS_ES.precarite]),
  iccp_sans_precarite: (e, p) => siDifferent(e, p, { iccpAvecPrecarite: false }, [NOMS_ES.iccpCdd]),
  preavis_un_mois: (e, p) => siDifferent(e, p, { preavisDeuxMois: false }, [NOMS_ES.preavis]),
  reference_douze_mois: (e, p) => siDifferent(e, p, { plusFavorable: false }, [NOMS_ES.salaireReference]),
  quart_toutes_annees: (e, p) => siDifferent(e, p, { tiersAuDela: false }, [NOMS_ES.indemnite]),
};

const dateSaisie = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/**
 * Knock-on errors: the CDD's paid-leave indemnity and total from the student's own indemnity; the
 * contract's end from their notice, the seniority from their end; the severance pay from their
 * seniority and reference salary; the solde from their two indemnities.
 */
function enchainements(lu: Lu, e: EntreeEntreeSortie, p: ParametresPersonnel): Enchainement[] {
  const res: Enchainement[] = [];
  const [precarite, iccpCdd, reference, indemnite, iccp] = [
    centimesSaisis(lu(NOMS_ES.precarite)),
    centimesSaisis(lu(NOMS_ES.iccpCdd)),
    centimesSaisis(lu(NOMS_ES.salaireReference)),
    centimesSaisis(lu(NOMS_ES.indemnite)),
    centimesSaisis(lu(NOMS_ES.iccp)),
  ];
  if (precarite !== null && precarite >= 0) res.push(...enSuite(NOMS_ES.iccpCdd, taxe(e.cdd.brut + precarite, p.iccp), [NOMS_ES.precarite]));
  if (precarite !== null && iccpCdd !== null) res.push(...enSuite(NOMS_ES.totalCdd, precarite + iccpCdd, [NOMS_ES.precarite, NOMS_ES.iccpCdd]));
  const preavis = lu(NOMS_ES.preavis);
  if (typeof preavis === 'number' && Number.isInteger(preavis) && preavis >= 0 && preavis <= 24)
    res.push({ nom: NOMS_ES.finContrat, valeur: dateDansMois(e.licenciement.notification, preavis), depuis: [NOMS_ES.preavis] });
  const fin = dateSaisie(lu(NOMS_ES.finContrat));
  if (fin && fin >= e.licenciement.entree) res.push({ nom: NOMS_ES.anciennete, valeur: moisComplets(e.licenciement.entree, fin), depuis: [NOMS_ES.finContrat] });
  const anciennete = lu(NOMS_ES.anciennete);
  if (typeof anciennete === 'number' && Number.isInteger(anciennete) && anciennete >= 0 && anciennete < 1200 && reference !== null && reference >= 0)
    res.push(...enSuite(NOMS_ES.indemnite, indemniteLegale(reference, anciennete, p), [NOMS_ES.anciennete, NOMS_ES.salaireReference]));
  if (indemnite !== null && iccp !== null) res.push(...enSuite(NOMS_ES.solde, indemnite + iccp, [NOMS_ES.indemnite, NOMS_ES.iccp]));
  return res;
}

/**
 * The corrigé's model: the DPAE's day and the trial period's end by EDATE from the hiring date (the
 * category's value of « Paramètres »); the CDD's indemnities, none after a refused CDI (its text, as
 * the énoncé writes it); the notice by the seniority at the notification (DATEDIF in months), the
 * contract's end by EDATE, the seniority at that end; the reference salary the higher of the two
 * averages; the severance pay a quarter, then a third, of a month per twelve months; the days left at
 * the salary / 26.
 */
function formulesDuCorrige(e: EntreeEntreeSortie, _p: ParametresPersonnel, ou: OuNom): Record<string, (string | null)[][]> {
  const z = ou('ES_Salaires');
  if (!z) return {};
  const brut = colonneDe(z, colonnesDuBloc(blocs(e), 'ES_Salaires'), 'brut');
  const n = e.licenciement.salaires.length;
  const essai = NOMS_P[ESSAI[e.embauche.categorie]];
  const seuil = 'ES_Seuil_Annees*12';
  const avant = 'DATEDIF(ES_Entree,ES_Notification,"m")';
  const { anciennete, salaireReference: ref } = NOMS_ES;
  return {
    [NOMS_ES.dpae]: [['ES_Date_Embauche-ES_DPAE_Jours']],
    [NOMS_ES.finEssai]: [[`EDATE(ES_Date_Embauche,${essai})-1`]],
    ...(e.embauche.renouvellement ? { [NOMS_ES.finRenouvellement]: [[`EDATE(ES_Date_Embauche,${essai}+ES_Renouvellement)-1`]] } : {}),
    [NOMS_ES.precarite]: [[`IF(ES_Motif="${MOTIFS_CDD.refus_cdi}",0,ROUND(ES_Brut_CDD*ES_Taux_Precarite/100,2))`]],
    [NOMS_ES.iccpCdd]: [[`ROUND((ES_Brut_CDD+${NOMS_ES.precarite})*ES_Taux_ICCP/100,2)`]],
    [NOMS_ES.totalCdd]: [[`${NOMS_ES.precarite}+${NOMS_ES.iccpCdd}`]],
    [NOMS_ES.preavis]: [[`IF(${avant}>=ES_Preavis_Seuil_2,ES_Preavis_2,IF(${avant}>=ES_Preavis_Seuil_1,ES_Preavis_1,0))`]],
    [NOMS_ES.finContrat]: [[`EDATE(ES_Notification,${NOMS_ES.preavis})`]],
    [anciennete]: [[`DATEDIF(ES_Entree,${NOMS_ES.finContrat},"m")`]],
    [ref]: [[`ROUND(MAX(AVERAGE(${brut.plage}),AVERAGE(${brut.cellule(n - 3)}:${brut.cellule(n - 1).replace(/^.*!/, '')})),2)`]],
    [NOMS_ES.indemnite]: [[`IF(${anciennete}<ES_Anciennete_Min,0,ROUND(${ref}*(MIN(${anciennete},${seuil})/12/ES_Diviseur_Avant+MAX(${anciennete}-${seuil},0)/12/ES_Diviseur_Apres),2))`]],
    [NOMS_ES.iccp]: [['ROUND(ES_Conges*ES_Salaire_Mensuel/26,2)']],
    [NOMS_ES.solde]: [[`${NOMS_ES.indemnite}+${NOMS_ES.iccp}`]],
  };
}

/** A renewal the law does not allow is refused, with both numbers. */
function verifier(e: EntreeEntreeSortie, t: TablesDatees): string[] {
  const p = parametresPersonnel(e.embauche.date, t.personnel);
  const [essai, max] = [essaiDe(e, p), essaiMaxDe(e, p)];
  return essai + e.embauche.renouvellement > max
    ? [
        `champ « embauche.renouvellement » : ${essai} mois d\u2019essai et ${e.embauche.renouvellement} de renouvellement dépassent les ${max} mois que la loi permet, renouvellement compris, pour la catégorie « ${CATEGORIES[e.embauche.categorie]} » (C. trav., art. L1221-21)`,
      ]
    : [];
}

export const EXERCICE_ENTREE_SORTIE: SpecExercice<EntreeEntreeSortie, ParametresPersonnel> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 14, 14, 16, 14, 12, 12],
  blocs,
  structure: () =>
    blocs({
      entreprise: '',
      embauche: { salarie: '', categorie: 'ouvrier', date: '2000-01-01', renouvellement: 0 },
      cdd: { salarie: '', debut: '2000-01-01', fin: '2000-01-01', brut: 0, motif: 'terme' },
      licenciement: { salarie: '', entree: '2000-01-01', notification: '2000-01-01', salaires: [], conges: 0, salaireMensuel: 0 },
    }),
  donnees,
  parametresParDefaut: (e, t) => parametresPersonnel(e.licenciement.notification, t.personnel),
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  attendus,
  enchainements: (lu, e, p) => enchainements(lu, e, p),
  formulesDuCorrige,
  variantes,
  justification,
  verifier,
  largeursJustification: [26, 16, 100],
};
