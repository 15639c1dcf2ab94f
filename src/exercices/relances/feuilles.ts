import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Style, type Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, note, saisie, saisieCentree, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { dateFr, ecartJours } from '../../domain/dates';
import { enEuros, versCentimes, versEuros } from '../../domain/monnaie';
import { nombreFr, pourcentFr } from '../../domain/texte';
import { parametresRelances, type ParametresRelances } from '../../domain/parametres/relances';
import { FORMAT_EUROS, FORMAT_TAUX, type Bloc, type TexteCode } from '../../sheets/exercices/blocs';
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
import { nombreFrancais } from '../../sheets/exercices/lecture';
import modele from '../../../templates/exercices/relances.json';
import { calculerRelances, FACON_JUSTE, interetLegalDe, NIVEAUX, plancherDe, rangDuSemestre, tauxBceDe, TRANCHES, type Facon } from './calcul';
import type { EntreeRelances } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'relances');

export const NOMS_REL = {
  suivi: 'REL_Suivi',
  balance: 'REL_Balance',
  penalites: 'REL_Penalites',
  totalEchu: 'REL_Total_Echu',
  totalPenalites: 'REL_Total_Penalites',
  totalIndemnites: 'REL_Total_Indemnites',
  totalReclame: 'REL_Total_Reclame',
} as const;
const NOM_TAUX_BCE = 'REL_Taux_BCE';
const NOM_MAJORATION = 'REL_Majoration';
const NOM_INDEMNITE = 'REL_Indemnite';
const NOM_INTERET_LEGAL = 'REL_Interet_Legal';
const NOM_PLANCHER = 'REL_Plancher_Multiple';

/** « 2e semestre 2025 » ⇄ 2025-07-01: how « Paramètres » names a half-year. */
const semestre = (depuis: string) => `${depuis.slice(5, 7) === '01' ? '1er' : '2e'} semestre ${depuis.slice(0, 4)}`;
const depuisSemestre = (s: string): string | undefined => {
  const m = /^(1er|2e) semestre (\d{4})$/.exec(s.trim());
  return m ? `${m[2]}-${m[1] === '1er' ? '01' : '07'}-01` : undefined;
};

/** « 12/03/2026 : 500,00 € ; 20/03/2026 : 200,00 € »: dated payments, in euros, as the énoncé writes and reads them. */
export const PAIEMENTS: TexteCode = {
  ecrire: (v) => (v as { date: string; montant: number }[]).map((p) => `${dateFr(p.date)} : ${enEuros(versCentimes(p.montant))}`).join(' ; '),
  lire: (s) => {
    const lus = s
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const m = /^(\d{2})\/(\d{2})\/(\d{4})\s*:\s*(.+)$/.exec(x);
        const montant = m && nombreFrancais(m[4]!);
        return m && montant !== undefined ? { date: `${m[3]}-${m[2]}-${m[1]}`, montant } : undefined;
      });
    return lus.some((p) => !p) ? undefined : lus;
  },
  attendu: 'règlements datés attendus, par exemple « 12/03/2026 : 500,00 € ; 20/03/2026 : 200,00 € »',
  nombres: (v) => (v as { montant: number }[]).map((p) => p.montant),
};

function blocs(e: EntreeRelances): Bloc[] {
  return [
    {
      nom: 'REL_Compte',
      titre: 'Compte du client',
      champs: [
        { nom: 'REL_Vendeur', cle: 'vendeur', libelle: 'Entreprise', type: 'texte', valeur: e.vendeur },
        { nom: 'REL_Client', cle: 'client', libelle: 'Client (professionnel)', type: 'texte', valeur: e.client },
        { nom: 'REL_Date', cle: 'date', libelle: 'Date du suivi des relances', type: 'date', valeur: e.date },
        { nom: 'REL_Taux_Contractuel', cle: 'tauxContractuel', libelle: 'Taux des pénalités prévu par les conditions générales de vente (vide : taux légal)', type: 'taux', valeur: e.tauxContractuel },
      ],
    },
    {
      nom: 'REL_Factures',
      titre: 'Factures non soldées',
      colonnes: [
        { cle: 'numero', entete: 'Facture', type: 'texte', largeur: 1 },
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'echeance', entete: 'Échéance', type: 'date', largeur: 1 },
        { cle: 'montant', entete: 'Montant TTC', type: 'euros', largeur: 1 },
        { cle: 'regle', entete: 'Déjà réglé', type: 'euros', largeur: 1 },
        { cle: 'paiements', entete: 'Règlements reçus (date : montant)', type: PAIEMENTS, largeur: 2 },
      ],
      lignes: e.factures.map((f) => ({ ...f, montant: versEuros(f.montant), regle: versEuros(f.regle), paiements: f.paiements.map((p) => ({ date: p.date, montant: versEuros(p.montant) })) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { ...((l.get('REL_Compte') ?? {}) as Record<string, unknown>), factures: l.get('REL_Factures') ?? [] };
}

function feuilleParametres(p: ParametresRelances): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [22, 14, 56]);
  const noms: NomDefini[] = [];
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 3 }]);
  f.ligne([
    {
      valeur:
        'Valeurs en vigueur à la date du suivi. L\u2019enseignant peut modifier les taux, la majoration et l\u2019indemnité : le corrigé et la vérification utilisent toujours les valeurs de cette feuille.',
      style: sousTitre,
      colonnes: 3,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: 'Taux de la BCE applicable au semestre de l\u2019échéance', style: bandeau, colonnes: 3 }]);
  f.ligne(['Semestre', 'Taux (%)', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  for (const t of p.tauxBce)
    f.ligne([
      { valeur: semestre(t.depuis), style: valeur },
      { valeur: t.taux, style: { ...saisieCentree, format: FORMAT_TAUX } },
      { valeur: t.reference, style: note },
    ]);
  noms.push({ nom: NOM_TAUX_BCE, feuille: FEUILLES.parametres, plage: `A${premiere}:B${premiere + p.tauxBce.length - 1}` });
  f.vide();
  let n = f.ligne([
    { valeur: 'Majoration (points)', style: etiquette },
    { valeur: p.majoration, style: { ...saisieCentree, format: '0.00' } },
    { valeur: 'C. com., art. L441-10, II', style: note },
  ]);
  noms.push({ nom: NOM_MAJORATION, feuille: FEUILLES.parametres, plage: `B${n}` });
  n = f.ligne([
    { valeur: 'Indemnité forfaitaire (€)', style: etiquette },
    { valeur: versEuros(p.indemnite), style: { ...saisieCentree, format: FORMAT_EUROS } },
    { valeur: 'C. com., art. L441-10, II, et D441-5 : par facture payée en retard', style: note },
  ]);
  noms.push({ nom: NOM_INDEMNITE, feuille: FEUILLES.parametres, plage: `B${n}` });
  const validations = [{ plage: `B${premiere}:B${premiere + p.tauxBce.length - 1}`, minimum: 0, maximum: 100, message: 'Un taux est un pourcentage entre 0 et 100.' }];
  if (p.plancher) {
    // the floor of the CGV's rate: only a case whose CGV set a rate shows it
    f.vide();
    f.ligne([{ valeur: 'Taux de l\u2019intérêt légal (créances des professionnels) au semestre de l\u2019échéance', style: bandeau, colonnes: 3 }]);
    f.ligne(['Semestre', 'Taux (%)', 'Référence'].map((v) => ({ valeur: v, style: entete })));
    const debut = f.nombreDeLignes + 1;
    for (const t of p.plancher.interetLegal)
      f.ligne([
        { valeur: semestre(t.depuis), style: valeur },
        { valeur: t.taux, style: { ...saisieCentree, format: FORMAT_TAUX } },
        { valeur: t.reference, style: note },
      ]);
    noms.push({ nom: NOM_INTERET_LEGAL, feuille: FEUILLES.parametres, plage: `A${debut}:B${debut + p.plancher.interetLegal.length - 1}` });
    validations.push({ plage: `B${debut}:B${debut + p.plancher.interetLegal.length - 1}`, minimum: 0, maximum: 100, message: 'Un taux est un pourcentage entre 0 et 100.' });
    n = f.ligne([
      { valeur: 'Plancher du taux des conditions générales de vente (× taux de l\u2019intérêt légal)', style: etiquette },
      { valeur: p.plancher.multiple, style: { ...saisieCentree, format: '0' } },
      { valeur: 'C. com., art. L441-10, II : ce taux ne peut être inférieur à trois fois le taux d\u2019intérêt légal', style: note },
    ]);
    noms.push({ nom: NOM_PLANCHER, feuille: FEUILLES.parametres, plage: `B${n}` });
  }
  f.vide();
  f.ligne([{ valeur: 'Procédure de relance de l\u2019entreprise', style: bandeau, colonnes: 3 }]);
  f.ligne(['Niveau', 'Dès (jours de retard)', 'Action'].map((v) => ({ valeur: v, style: entete })));
  for (const x of NIVEAUX)
    f.ligne([
      { valeur: x.niveau, style: { ...valeur, alignement: 'centre' } },
      { valeur: x.des, style: { ...valeur, alignement: 'centre' } },
      { valeur: x.libelle, style: valeur },
    ]);
  f.ligne([{ valeur: 'Niveau 0 : facture non échue, pas de relance.', style: { ...texte, italique: true }, colonnes: 3 }]);
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations,
    },
    noms,
  };
}

function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresRelances {
  const taux = v(NOM_TAUX_BCE);
  const majoration = v(NOM_MAJORATION)?.[0]?.[0];
  const indemnite = v(NOM_INDEMNITE)?.[0]?.[0];
  if (!taux || typeof majoration !== 'number' || typeof indemnite !== 'number') throw new Error('Paramètres des pénalités introuvables (noms REL_Taux_BCE, REL_Majoration et REL_Indemnite).');
  const semestres = (lignes: Valeur[][], quoi: string) =>
    lignes.map((l, i) => {
      const depuis = depuisSemestre(String(l[0] ?? ''));
      if (!depuis || typeof l[1] !== 'number') throw new Error(`Paramètres, ${quoi} n° ${i + 1} : « 1er semestre AAAA » ou « 2e semestre AAAA » et un taux attendus.`);
      return { depuis, taux: l[1], reference: '' };
    });
  // a workbook made before the floor of the CGV's rate, or a case without CGV rate, has none
  const interetLegal = v(NOM_INTERET_LEGAL);
  const multiple = v(NOM_PLANCHER)?.[0]?.[0];
  if (interetLegal && (typeof multiple !== 'number' || multiple < 0))
    throw new Error('Paramètres : le plancher du taux des conditions générales de vente attend un nombre positif (nom REL_Plancher_Multiple).');
  return {
    tauxBce: semestres(taux, 'taux de la BCE'),
    majoration,
    indemnite: versCentimes(indemnite),
    ...(interetLegal ? { plancher: { multiple: multiple as number, interetLegal: semestres(interetLegal, 'taux de l\u2019intérêt légal') } } : {}),
  };
}

/** The invoices past due on the day of the follow-up: the rows of the penalties table. */
const echues = (e: EntreeRelances) => e.factures.filter((f) => f.echeance < e.date);

function attendusDe(e: EntreeRelances, p: ParametresRelances, facon: Facon): Attendus {
  const r = calculerRelances(e, p, facon);
  const retard = new Set(echues(e).map((f) => f.numero));
  return {
    [NOMS_REL.suivi]: r.factures.map((f) => [versEuros(f.reste), f.jours, f.niveau]),
    [NOMS_REL.balance]: r.balance.map(versEuros),
    [NOMS_REL.penalites]: r.factures.filter((f) => retard.has(f.numero)).map((f) => [f.taux, versEuros(f.penalites), versEuros(f.indemnite)]),
    [NOMS_REL.totalEchu]: versEuros(r.totalEchu),
    [NOMS_REL.totalPenalites]: versEuros(r.totalPenalites),
    [NOMS_REL.totalIndemnites]: versEuros(r.totalIndemnites),
    [NOMS_REL.totalReclame]: versEuros(r.totalReclame),
  };
}

const attendus = (e: EntreeRelances, p: ParametresRelances): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreeRelances, _p: ParametresRelances, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [14, 13, 13, 14, 14, 14, 14]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const entier: Style = { ...saisieCentree, format: '0', ...fond };
  const taux: Style = { ...saisieCentree, format: FORMAT_TAUX, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const donnee = (v: Valeur, format?: string): { valeur: Valeur; style: Style } => ({ valeur: v, style: { ...valeur, alignement: 'centre', ...(format ? { format } : {}) } });

  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 7 }]);
  f.ligne([{ valeur: `Compte de ${e.client} au ${dateFr(e.date)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 7 }]);
  f.vide();
  f.ligne([{ valeur: '1. Suivi des factures', style: bandeau, colonnes: 7 }]);
  f.ligne(['Facture', 'Échéance', 'Montant TTC', 'Reste dû', 'Jours de retard', 'Niveau de relance'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.factures.forEach((x, i) =>
    f.ligne([
      donnee(x.numero),
      donnee({ date: x.echeance }, 'dd/mm/yyyy'),
      { valeur: versEuros(x.montant), style: { ...valeur, alignement: 'droite', format: FORMAT_EUROS } },
      { valeur: rempli(NOMS_REL.suivi, i, 0), style: montant },
      { valeur: rempli(NOMS_REL.suivi, i, 1), style: entier },
      { valeur: rempli(NOMS_REL.suivi, i, 2), style: entier },
    ]),
  );
  noms.push({ nom: NOMS_REL.suivi, feuille, plage: `D${premiere}:F${premiere + e.factures.length - 1}` });
  f.vide();
  f.ligne([{ valeur: '2. Balance âgée (reste dû par ancienneté du retard)', style: bandeau, colonnes: 7 }]);
  f.ligne(TRANCHES.map((t) => ({ valeur: t.libelle, style: entete })));
  const n = f.ligne(TRANCHES.map((_, j) => ({ valeur: rempli(NOMS_REL.balance, j), style: montant })));
  noms.push({ nom: NOMS_REL.balance, feuille, plage: `A${n}:${lettreColonne(TRANCHES.length - 1)}${n}` });
  f.vide();
  f.ligne([{ valeur: '3. Pénalités de retard et indemnités des factures échues', style: bandeau, colonnes: 7 }]);
  f.ligne(['Facture', 'Taux annuel (%)', 'Pénalités', 'Indemnité forfaitaire'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  const retard = echues(e);
  retard.forEach((x, i) =>
    f.ligne([
      donnee(x.numero),
      { valeur: rempli(NOMS_REL.penalites, i, 0), style: taux },
      { valeur: rempli(NOMS_REL.penalites, i, 1), style: montant },
      { valeur: rempli(NOMS_REL.penalites, i, 2), style: montant },
    ]),
  );
  if (retard.length) {
    noms.push({ nom: NOMS_REL.penalites, feuille, plage: `B${premiere}:D${premiere + retard.length - 1}` });
  }
  f.vide();
  f.ligne([{ valeur: '4. Montant à réclamer', style: bandeau, colonnes: 7 }]);
  for (const nom of [NOMS_REL.totalEchu, NOMS_REL.totalPenalites, NOMS_REL.totalIndemnites, NOMS_REL.totalReclame]) {
    const k = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: 5 },
      { valeur: rempli(nom), style: montant, colonnes: 2 },
    ]);
    noms.push({ nom, feuille, plage: `F${k}` });
  }
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms };
}

/** How each figure is obtained: the delay of each invoice, its rate and penalties, then the totals. */
function justification(e: EntreeRelances, p: ParametresRelances): string[][] {
  const r = calculerRelances(e, p);
  const eur = montantTexte;
  const lignes: string[][] = [['Facture', 'Reste dû', 'Comment on l\u2019obtient']];
  r.factures.forEach((x, i) => {
    const source = e.factures[i]!;
    const payes = [...(source.regle ? [` − ${eur(source.regle)} réglés`] : []), ...source.paiements.map((q) => ` − ${eur(q.montant)} réglés le ${dateFr(q.date)}`)];
    const reste = payes.length ? `${eur(source.montant)}${payes.join('')} = ${eur(x.reste)}` : `${eur(x.reste)}`;
    const tardifs = source.paiements.filter((q) => q.date > source.echeance);
    if (!x.jours && !tardifs.length) {
      lignes.push([
        x.numero,
        montantTexte(x.reste),
        `Reste dû ${reste} ; ${x.reste ? `échéance le ${dateFr(source.echeance)}, pas encore échue` : `réglée à temps`} : niveau 0, ni pénalités ni indemnité.`,
      ]);
      return;
    }
    const plancher = plancherDe(p, source.echeance);
    const origine =
      e.tauxContractuel !== undefined
        ? plancher > e.tauxContractuel
          ? `taux des conditions générales de vente (${pourcentFr(e.tauxContractuel)}) inférieur au plancher légal, ${nombreFr(p.plancher!.multiple)} × le taux de l\u2019intérêt légal du semestre de l\u2019échéance (${pourcentFr(interetLegalDe(p, source.echeance))}), soit ${pourcentFr(plancher)} : le plancher s\u2019applique (C. com., art. L441-10, II)`
          : `taux des conditions générales de vente${plancher ? `, au-dessus du plancher légal de ${pourcentFr(plancher)}` : ''}`
        : `taux de la BCE du semestre de l\u2019échéance (${pourcentFr(tauxBceDe(p, source.echeance))}) + ${nombreFr(p.majoration)} points`;
    const parts = [
      ...tardifs.map(
        (q) =>
          `${eur(q.montant)} réglés le ${dateFr(q.date)}, ${ecartJours(source.echeance, q.date)} jours après l\u2019échéance : ${eur(q.montant)} × ${pourcentFr(x.taux)} × ${ecartJours(source.echeance, q.date)} / 365`,
      ),
      ...(x.jours ? [`${eur(x.reste)} × ${pourcentFr(x.taux)} × ${x.jours} / 365`] : []),
    ];
    const retard = x.jours
      ? `${x.jours} jours de retard au ${dateFr(e.date)} : niveau ${x.niveau} (${NIVEAUX.find((n) => n.niveau === x.niveau)!.libelle}) ; ${TRANCHES[x.tranche]!.libelle}`
      : 'réglée en retard : plus de relance (niveau 0)';
    lignes.push([
      x.numero,
      montantTexte(x.reste),
      `Reste dû ${reste} ; échéance le ${dateFr(source.echeance)}, ${retard}. Pénalités : ${origine} = ${pourcentFr(x.taux)} ; ${parts.join(' + ')} = ${eur(x.penalites)}. Indemnité : ${eur(x.indemnite)}.`,
    ]);
  });
  lignes.push([
    'Montant à réclamer',
    montantTexte(r.totalReclame),
    `${eur(r.totalEchu)} échus + ${eur(r.totalPenalites)} de pénalités + ${eur(r.totalIndemnites)} d\u2019indemnités = ${eur(r.totalReclame)}.`,
  ]);
  return lignes;
}

const siDifferent = (e: EntreeRelances, p: ParametresRelances, facon: Partial<Facon>) => reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p));

const variantes: SpecExercice<EntreeRelances, ParametresRelances>['variantes'] = {
  montant_initial: (e, p) => siDifferent(e, p, { deduireReglements: false }),
  depuis_facture: (e, p) => siDifferent(e, p, { joursDepuisEcheance: false }),
  sans_majoration: (e, p) => (e.tauxContractuel === undefined ? siDifferent(e, p, { majoration: false }) : null),
  taux_contrat_ignore: (e, p) => (e.tauxContractuel !== undefined ? siDifferent(e, p, { tauxDuContrat: false }) : null),
  taux_cgv_sous_plancher: (e, p) => (e.tauxContractuel !== undefined ? siDifferent(e, p, { plancherLegal: false }) : null),
  indemnite_oubliee: (e, p) => siDifferent(e, p, { indemnite: false }),
};

/** Knock-on errors of the follow-up: the totals from the typed rows, the amount claimed from the typed totals. */
function enchainements(lu: Lu, e: EntreeRelances, p: ParametresRelances): Enchainement[] {
  const r = calculerRelances(e, p, FACON_JUSTE);
  const echue = (i: number) => r.factures[i]!.jours > 0;
  const echu = centimesSaisis(lu(NOMS_REL.totalEchu));
  const penalites = centimesSaisis(lu(NOMS_REL.totalPenalites));
  const indemnites = centimesSaisis(lu(NOMS_REL.totalIndemnites));
  return [
    ...enSuite(NOMS_REL.totalEchu, sommeSaisie(lu, NOMS_REL.suivi, 0, echue), [NOMS_REL.suivi]),
    ...enSuite(NOMS_REL.totalPenalites, sommeSaisie(lu, NOMS_REL.penalites, 1), [NOMS_REL.penalites]),
    ...enSuite(NOMS_REL.totalIndemnites, sommeSaisie(lu, NOMS_REL.penalites, 2), [NOMS_REL.penalites]),
    ...enSuite(NOMS_REL.totalReclame, echu === null || penalites === null || indemnites === null ? null : echu + penalites + indemnites, [
      NOMS_REL.totalEchu,
      NOMS_REL.totalPenalites,
      NOMS_REL.totalIndemnites,
    ]),
  ];
}

/**
 * The corrigé's model: the remaining amount from the invoice's amount and what was paid; the days
 * late from the due date, 0 when not due or paid; the aged balance by SUMIF on the days late (each
 * tranche: up to its end less up to the one before); the rate from the row of « Paramètres » of the
 * due date's half-year (the contract's, never below its floor, or the ECB's plus the majoration);
 * the penalties and the indemnity; the totals. The reminder level is a decision: it stays a value.
 * The dated payments of the énoncé are a text: their amounts are typed into the formulas
 * (constantesDuCas admits them), and so are the days from the due date to a payment made late
 * (`comptes`).
 */
/** The parts of an invoice paid after its due date. */
const tardifs = (f: EntreeRelances['factures'][number]) => f.paiements.filter((q) => q.date > f.echeance);

function formulesDuCorrige(e: EntreeRelances, p: ParametresRelances, ou: OuNom): Record<string, (string | null)[][]> {
  const [z, suivi, penalites, bce, legal] = [ou('REL_Factures'), ou(NOMS_REL.suivi), ou(NOMS_REL.penalites), ou(NOM_TAUX_BCE), ou(NOM_INTERET_LEGAL)];
  if (!z || !suivi || !bce) return {};
  const colonnes = colonnesDuBloc(blocs(e), 'REL_Factures');
  const [echeance, montant, regle] = [colonneDe(z, colonnes, 'echeance').cellule, colonneDe(z, colonnes, 'montant').cellule, colonneDe(z, colonnes, 'regle').cellule];
  const cellule = (zone: NonNullable<typeof suivi>, j: number) => (i: number) => celluleDeZone(zone, i, j);
  const [reste, jours] = [cellule(suivi, 0), cellule(suivi, 1)];
  const n = e.factures.length;
  const [restes, retards] = [`${reste(0)}:${reste(n - 1)}`, `${jours(0)}:${jours(n - 1)}`];
  const r = calculerRelances(e, p);
  const res: Record<string, (string | null)[][]> = {
    [NOMS_REL.suivi]: e.factures.map((f, i) => [
      `${montant(i)}-${regle(i)}${f.paiements.map((q) => `-${versEuros(q.montant)}`).join('')}`,
      `IF(AND(REL_Date>${echeance(i)},${reste(i)}>0),REL_Date-${echeance(i)},0)`,
      null,
    ]),
    // each tranche: the remaining amounts up to its last day late, less those up to the tranche before
    [NOMS_REL.balance]: [
      TRANCHES.map((_, j) => {
        const jusqua = (k: number) => (k < 0 ? '' : k === TRANCHES.length - 1 ? `SUM(${restes})` : `SUMIF(${retards},"<=${TRANCHES[k + 1]!.des - 1}",${restes})`);
        return j === 0 ? `SUMIF(${retards},0,${restes})` : `${jusqua(j)}-${jusqua(j - 1)}`;
      }),
    ],
    [NOMS_REL.totalEchu]: [[`SUMIF(${retards},">0",${restes})`]],
  };
  const echues = e.factures.map((f, i) => ({ f, i })).filter(({ f }) => f.echeance < e.date);
  if (penalites && echues.length) {
    const ligne = (zone: NonNullable<typeof bce>, k: number) => `${feuilleDansFormule(zone.feuille)}${lettreColonne(zone.gauche)}${zone.haut + k}`;
    const [taux, montantPenalites, indemnite] = [cellule(penalites, 0), cellule(penalites, 1), cellule(penalites, 2)];
    res[NOMS_REL.penalites] = echues.map(({ f, i }, k) => {
      const x = r.factures[i]!;
      const contrat = legal && p.plancher ? `MAX(REL_Taux_Contractuel,${NOM_PLANCHER}*${ligne(legal, rangDuSemestre(p.plancher.interetLegal, f.echeance))})` : 'REL_Taux_Contractuel';
      return [
        x.taux ? (e.tauxContractuel !== undefined ? contrat : `${ligne(bce, rangDuSemestre(p.tauxBce, f.echeance))}+${NOM_MAJORATION}`) : null,
        // on what is left, to the day of the follow-up; on each part paid late, to the day it was paid
        [`ROUND(${reste(i)}*${taux(k)}/100*${jours(i)}/365,2)`, ...tardifs(f).map((q) => `ROUND(${versEuros(q.montant)}*${taux(k)}/100*${ecartJours(f.echeance, q.date)}/365,2)`)].join('+'),
        tardifs(f).length ? NOM_INDEMNITE : `IF(${jours(i)}>0,${NOM_INDEMNITE},0)`,
      ];
    });
    const m = echues.length;
    res[NOMS_REL.totalPenalites] = [[`SUM(${montantPenalites(0)}:${montantPenalites(m - 1)})`]];
    res[NOMS_REL.totalIndemnites] = [[`SUM(${indemnite(0)}:${indemnite(m - 1)})`]];
  }
  res[NOMS_REL.totalReclame] = [[`${NOMS_REL.totalEchu}+${NOMS_REL.totalPenalites}+${NOMS_REL.totalIndemnites}`]];
  return res;
}

export const EXERCICE_RELANCES: SpecExercice<EntreeRelances, ParametresRelances> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 13, 13, 14, 14, 14, 14],
  blocs,
  structure: () => blocs({ vendeur: '', client: '', date: '2000-01-01', factures: [] }),
  donnees,
  parametresParDefaut: (e, t) => parametresRelances(e.date, t.relances, e.tauxContractuel !== undefined),
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  unites: (e) => ({
    [NOMS_REL.suivi]: e.factures.map((x) => `facture ${x.numero}`),
    [NOMS_REL.balance]: TRANCHES.map((t) => t.libelle),
    [NOMS_REL.penalites]: echues(e).map((x) => `facture ${x.numero}`),
  }),
  attendus,
  enchainements,
  formulesDuCorrige,
  // the days from an invoice's due date to a part paid late, counted from the text of its payments
  comptes: (e) => e.factures.flatMap((f) => tardifs(f).map((q) => ecartJours(f.echeance, q.date))),
  variantes,
  justification,
  largeursJustification: [14, 14, 100],
};
