import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { dateFr } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { FORMAT_EUROS, type Bloc } from '../../sheets/exercices/blocs';
import {
  celluleDeZone,
  centimesSaisis,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
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
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/ventes.json';
import { calculerVentes, FACON_JUSTE, type Facon } from './calcul';
import { MODES, type EntreeVentes } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'ventes');

export const NOMS_VEN = { ventes: 'VEN_Journal_Ventes', encaissements: 'VEN_Journal_Encaissements', lettrage: 'VEN_Lettrage', soldes: 'VEN_Soldes' } as const;
const eur = (c: number | null) => (c === null ? null : versEuros(c));
const clientsDe = (e: EntreeVentes) => [...new Set(e.factures.map((x) => x.client))];

function blocs(e: EntreeVentes): Bloc[] {
  return [
    {
      nom: 'VEN_Situation',
      titre: 'Les ventes du mois',
      champs: [
        { nom: 'VEN_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'VEN_Taux_TVA', cle: 'tauxTva', libelle: 'Taux de TVA des ventes et du port', type: 'taux', valeur: e.tauxTva },
      ],
    },
    {
      nom: 'VEN_Factures',
      titre: 'Factures de vente émises',
      colonnes: [
        { cle: 'numero', entete: 'Facture', type: 'texte', largeur: 1 },
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'client', entete: 'Client', type: 'texte', largeur: 2 },
        { cle: 'brut', entete: 'Marchandises HT brut', type: 'euros', largeur: 1 },
        { cle: 'remise', entete: 'Remise', type: 'taux', largeur: 1 },
        { cle: 'port', entete: 'Port HT', type: 'euros', largeur: 1 },
      ],
      lignes: e.factures.map((x) => ({ ...x, brut: versEuros(x.brut), port: versEuros(x.port) })),
    },
    {
      nom: 'VEN_Reglements',
      titre: 'Règlements reçus (virements sur le compte bancaire)',
      colonnes: [
        { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
        { cle: 'facture', entete: 'Facture', type: 'texte', largeur: 1 },
        { cle: 'client', entete: 'Client', type: 'texte', largeur: 2 },
        { cle: 'mode', entete: 'Règlement', type: { choix: MODES }, largeur: 1 },
        { cle: 'montant', entete: 'Montant reçu (partiel)', type: 'euros', largeur: 1 },
        { cle: 'escompte', entete: 'Escompte', type: 'taux', largeur: 1 },
      ],
      lignes: e.encaissements.map((x) => ({ ...x, montant: x.montant === undefined ? undefined : versEuros(x.montant) })),
      vide: '(aucun)',
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { ...((l.get('VEN_Situation') ?? {}) as Record<string, unknown>), factures: l.get('VEN_Factures') ?? [], encaissements: l.get('VEN_Reglements') ?? [] };
}

function attendusDe(e: EntreeVentes, facon: Facon): Attendus {
  const r = calculerVentes(e, facon);
  return {
    [NOMS_VEN.ventes]: r.ventes.map((v) => [eur(v.client), eur(v.ventes), v.port ? eur(v.port) : null, eur(v.tva)]),
    [NOMS_VEN.encaissements]: r.encaissements.map((x) => [eur(x.banque), eur(x.escompte), eur(x.tva), eur(x.client)]),
    [NOMS_VEN.lettrage]: r.lettrees.map(ouiNon),
    [NOMS_VEN.soldes]: r.soldes.map((s) => versEuros(s.solde)),
  };
}

const attendus = (e: EntreeVentes): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeVentes, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [34, 15, 15, 15, 15]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 5 }]);
  f.ligne([{ valeur: `${e.entreprise}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  f.ligne([{ valeur: '1. Journal des ventes', style: bandeau, colonnes: 5 }]);
  f.ligne(['Facture', '411 Clients (débit)', '707 Ventes (crédit)', '7085 Port facturé (crédit)', '44571 TVA collectée (crédit)'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.factures.forEach((x, i) => f.ligne([{ valeur: `${x.numero} — ${x.client}`, style: valeur }, ...[0, 1, 2, 3].map((j) => ({ valeur: rempli(NOMS_VEN.ventes, i, j), style: montant }))]));
  noms.push({ nom: NOMS_VEN.ventes, feuille, plage: `B${premiere}:E${premiere + e.factures.length - 1}` });
  f.vide();
  f.ligne([{ valeur: '2. Journal de banque : encaissements', style: bandeau, colonnes: 5 }]);
  f.ligne(['Règlement', '512 Banque (débit)', '665 Escompte accordé (débit)', '44571 TVA collectée (débit)', '411 Clients (crédit)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.encaissements.forEach((x, j) =>
    f.ligne([{ valeur: `${dateFr(x.date)} — ${x.facture}`, style: valeur }, ...[0, 1, 2, 3].map((k) => ({ valeur: rempli(NOMS_VEN.encaissements, j, k), style: montant }))]),
  );
  if (e.encaissements.length) noms.push({ nom: NOMS_VEN.encaissements, feuille, plage: `B${premiere}:E${premiere + e.encaissements.length - 1}` });
  f.vide();
  f.ligne([{ valeur: '3. Lettrage du compte 411', style: bandeau, colonnes: 5 }]);
  f.ligne(['Facture', 'Lettrée (Oui / Non)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.factures.forEach((x, i) =>
    f.ligne([
      { valeur: x.numero, style: valeur },
      { valeur: rempli(NOMS_VEN.lettrage, i), style: { ...saisieCentree, ...fond } },
    ]),
  );
  const fin = premiere + e.factures.length - 1;
  noms.push({ nom: NOMS_VEN.lettrage, feuille, plage: `B${premiere}:B${fin}` });
  f.vide();
  f.ligne([{ valeur: '4. Solde de chaque client (débiteur)', style: bandeau, colonnes: 5 }]);
  f.ligne(['Client', 'Solde'].map((v) => ({ valeur: v, style: entete })));
  const debut = f.nombreDeLignes + 1;
  clientsDe(e).forEach((c, i) =>
    f.ligne([
      { valeur: c, style: valeur },
      { valeur: rempli(NOMS_VEN.soldes, i), style: montant },
    ]),
  );
  noms.push({ nom: NOMS_VEN.soldes, feuille, plage: `B${debut}:B${debut + clientsDe(e).length - 1}` });
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [validationOuiNon(`B${premiere}:B${fin}`)],
    },
    noms,
  };
}

/** « Paramètres »: the accounts and rules of the entries (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Comptes et règles d\u2019enregistrement', 'Plan comptable général ; les factures et les règlements sont dans l\u2019énoncé.', [
    ['411 Clients', 'Débité du montant TTC de chaque facture, crédité des règlements.'],
    ['707 Ventes de marchandises', 'Crédité du montant HT net de remise.'],
    ['7085 Ports et frais accessoires facturés', 'Crédité du port facturé HT.'],
    ['44571 TVA collectée', 'Créditée de la TVA de la facture ; débitée de la TVA de l\u2019escompte accordé.'],
    ['512 Banque', 'Débité de la somme reçue.'],
    ['665 Escomptes accordés', 'Débité de l\u2019escompte HT, calculé sur le montant net des marchandises.'],
    ['Lettrage', 'Une facture est lettrée quand les règlements portés au crédit du 411 soldent exactement son montant TTC.'],
  ]);

function justification(e: EntreeVentes): string[][] {
  const r = calculerVentes(e);
  return [
    ['Élément', 'Montant', 'Comment on l\u2019obtient'],
    ...e.factures.map((x, i) => {
      const v = r.ventes[i]!;
      return [
        x.numero,
        montantTexte(v.client),
        `707 : ${montantTexte(x.brut)}${x.remise ? ` − ${nombreFr(x.remise)} %` : ''} = ${montantTexte(v.ventes)} ; port ${montantTexte(v.port)} ; TVA ${nombreFr(e.tauxTva)} % = ${montantTexte(v.tva)}.`,
      ];
    }),
    ...e.encaissements.map((x, j) => {
      const l = r.encaissements[j]!;
      return [
        `${dateFr(x.date)} ${x.facture}`,
        montantTexte(l.banque),
        x.mode === 'escompte'
          ? `Escompte ${nombreFr(x.escompte!)} % : ${montantTexte(l.escompte!)} HT + TVA ${montantTexte(l.tva!)} ; 411 crédité de ${montantTexte(l.client)}.`
          : `${MODES[x.mode]} : 411 crédité de ${montantTexte(l.client)}.`,
      ];
    }),
    ...r.soldes.map((s) => [s.client, montantTexte(s.solde), 'Factures TTC − règlements portés au crédit du 411.']),
  ];
}

const siDifferent = (e: EntreeVentes, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/** Each mistake on the answers it makes wrong by itself; the lettrage and the balances follow from the student's own entries (`enchainements`). */
const variantes: SpecExercice<EntreeVentes, null>['variantes'] = {
  tva_sans_port: (e) => siDifferent(e, { tvaSurPort: false }, [NOMS_VEN.ventes]),
  port_en_ventes: (e) => siDifferent(e, { portA7085: false }, [NOMS_VEN.ventes]),
  escompte_sans_tva: (e) => siDifferent(e, { tvaEscompte: false }, [NOMS_VEN.encaissements]),
  credit_du_recu: (e) => siDifferent(e, { creditTtc: false }, [NOMS_VEN.encaissements]),
};

/** Knock-on errors: each invoice's lettrage and each client's balance from the student's own 411 debits and credits. */
function enchainements(lu: Lu, e: EntreeVentes): Enchainement[] {
  const [ventes, encaissements] = [lu(NOMS_VEN.ventes), lu(NOMS_VEN.encaissements)];
  if (!Array.isArray(ventes)) return [];
  const debit = e.factures.map((_, i) => centimesSaisis(Array.isArray(ventes[i]) ? ventes[i][0] : null));
  const credit = e.encaissements.map((_, j) => (Array.isArray(encaissements) && Array.isArray(encaissements[j]) ? centimesSaisis(encaissements[j][3]) : null));
  if (debit.some((d) => d === null) || credit.some((c) => c === null)) return [];
  const credits = e.factures.map((x) => e.encaissements.reduce((s, y, j) => s + (y.facture === x.numero ? credit[j]! : 0), 0));
  return [
    { nom: NOMS_VEN.lettrage, valeur: e.factures.map((_, i) => ouiNon(credits[i] === debit[i])), depuis: [NOMS_VEN.ventes, NOMS_VEN.encaissements] },
    {
      nom: NOMS_VEN.soldes,
      valeur: clientsDe(e).map((c) => versEuros(e.factures.reduce((s, x, i) => s + (x.client === c ? debit[i]! - credits[i]! : 0), 0))),
      depuis: [NOMS_VEN.ventes, NOMS_VEN.encaissements],
    },
  ];
}

/**
 * The corrigé's model: each invoice's entry (707 net of the remise, 7085 the port, 44571 their TVA,
 * 411 the sum); each payment's (a part: the amount received; a balance: the invoice's 411 less the
 * parts before; an escompte on 707, its TVA, 512 what is left); each client's balance (SUMIF of their
 * debits less their credits). The lettrage is a reading: it stays a value.
 */
function formulesDuCorrige(e: EntreeVentes, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [factures, reglements, journal, banque] = [ou('VEN_Factures'), ou('VEN_Reglements'), ou(NOMS_VEN.ventes), ou(NOMS_VEN.encaissements)];
  if (!factures || !journal) return {};
  const b = blocs(e);
  const fa = (k: string) => colonneDe(factures, colonnesDuBloc(b, 'VEN_Factures'), k);
  const v = (i: number, j: number) => celluleDeZone(journal, i, j);
  const index = new Map(e.factures.map((x, i) => [x.numero, i]));
  const n = e.factures.length;
  const formules: Record<string, (string | null)[][]> = {
    [NOMS_VEN.ventes]: e.factures.map((x, i) => [
      `${v(i, 1)}+${v(i, 2)}+${v(i, 3)}`,
      `${fa('brut').cellule(i)}-ROUND(${fa('brut').cellule(i)}*${fa('remise').cellule(i)}/100,2)`,
      x.port ? fa('port').cellule(i) : null,
      `ROUND((${v(i, 1)}+${v(i, 2)})*VEN_Taux_TVA/100,2)`,
    ]),
  };
  if (!reglements || !banque || !e.encaissements.length) return formules;
  const r = (k: string) => colonneDe(reglements, colonnesDuBloc(b, 'VEN_Reglements'), k);
  const c = (j: number, k: number) => celluleDeZone(banque, j, k);
  formules[NOMS_VEN.encaissements] = e.encaissements.map((x, j) => {
    const k = index.get(x.facture)!;
    const avant = e.encaissements.flatMap((y, m) => (m < j && y.facture === x.facture ? [`-${c(m, 3)}`] : [])).join('');
    if (x.mode === 'partiel') return [r('montant').cellule(j), null, null, c(j, 0)];
    if (x.mode === 'solde') return [c(j, 3), null, null, `${v(k, 0)}${avant}`];
    return [`${c(j, 3)}-${c(j, 1)}-${c(j, 2)}`, `ROUND(${v(k, 1)}*${r('escompte').cellule(j)}/100,2)`, `ROUND(${c(j, 1)}*VEN_Taux_TVA/100,2)`, `${v(k, 0)}${avant}`];
  });
  const m = e.encaissements.length;
  formules[NOMS_VEN.soldes] = clientsDe(e).map((cl) => {
    const nom = `"${cl.replace(/"/g, '""')}"`;
    return [`SUMIF(${fa('client').plage},${nom},${v(0, 0)}:${v(n - 1, 0)})-SUMIF(${r('client').plage},${nom},${c(0, 3)}:${c(m - 1, 3)})`];
  });
  return formules;
}

export const EXERCICE_VENTES: SpecExercice<EntreeVentes, null> = {
  gabarit: GABARIT,
  largeursEnonce: [14, 12, 14, 14, 14, 12, 12],
  blocs,
  structure: () => blocs({ entreprise: '', tauxTva: 20, factures: [], encaissements: [] }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => ({
    [NOMS_VEN.ventes]: e.factures.map((x) => `facture ${x.numero}`),
    [NOMS_VEN.encaissements]: e.encaissements.map((x) => `règlement du ${dateFr(x.date)} (${x.facture})`),
    [NOMS_VEN.lettrage]: e.factures.map((x) => `facture ${x.numero}`),
    [NOMS_VEN.soldes]: clientsDe(e),
  }),
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [22, 16, 100],
};
