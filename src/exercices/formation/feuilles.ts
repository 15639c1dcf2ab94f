import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { entete, etiquette, saisie, saisieCentree, sousTitre, titre, valeur, bandeau } from '../../sheets/styles';
import { moisEnLettres } from '../../domain/dates';
import { versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { ligneDuBareme } from '../../domain/parametres/frais';
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
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import { feuilleBaremeKm, formuleKm, lireBaremeKm } from '../../sheets/exercices/baremeKm';
import modele from '../../../templates/exercices/formation.json';
import { calculerFormation, FACON_JUSTE, retenuesParPriorite, type Facon, type ParametresFormation } from './calcul';
import { parametresFormation } from './cas';
import type { EntreeFormation } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'formation');

export const NOMS_FOR = {
  actions: 'FOR_Actions',
  total: 'FOR_Total',
  ecart: 'FOR_Ecart',
  respect: 'FOR_Respect',
  retenues: 'FOR_Retenues',
  totalRetenu: 'FOR_Total_Retenu',
  heures: 'FOR_Heures',
} as const;
const NOM_BAREME = 'FOR_Bareme';
const STATUTS = { prevue: 'Prévue', annulee: 'Annulée' };

function blocs(e: EntreeFormation): Bloc[] {
  return [
    {
      nom: 'FOR_Situation',
      titre: 'Le plan de formation',
      champs: [
        { nom: 'FOR_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'FOR_Mois', cle: 'mois', libelle: 'Mois du plan', type: 'mois', valeur: e.mois },
        { nom: 'FOR_Budget', cle: 'budget', libelle: 'Budget de formation', type: 'euros', valeur: versEuros(e.budget) },
        { nom: 'FOR_Charges', cle: 'tauxCharges', libelle: 'Charges patronales sur les salaires maintenus', type: 'taux', valeur: e.tauxCharges },
        { nom: 'FOR_Repas', cle: 'repas', libelle: 'Forfait repas par participant et par jour (formation hors de l\u2019entreprise)', type: 'euros', valeur: versEuros(e.repas) },
      ],
    },
    {
      nom: 'FOR_Salaries',
      titre: 'Salariés',
      colonnes: [
        { cle: 'nom', entete: 'Salarié', type: 'texte', largeur: 2 },
        { cle: 'poste', entete: 'Poste', type: 'texte', largeur: 2 },
      ],
      lignes: e.salaries,
    },
    {
      nom: 'FOR_Plan',
      titre: 'Actions de formation',
      colonnes: [
        { cle: 'code', entete: 'Action', type: 'texte', largeur: 1 },
        { cle: 'intitule', entete: 'Intitulé', type: 'texte', largeur: 2 },
        { cle: 'organisme', entete: 'Organisme', type: 'texte', largeur: 1 },
        { cle: 'priorite', entete: 'Priorité', type: 'entier', largeur: 1 },
        { cle: 'statut', entete: 'Statut', type: { choix: STATUTS }, largeur: 1 },
        { cle: 'coutPedagogique', entete: 'Coût pédagogique HT', type: 'euros', largeur: 1 },
        { cle: 'heures', entete: 'Durée (heures)', type: 'entier', largeur: 1 },
        { cle: 'jours', entete: 'Jours', type: 'entier', largeur: 1 },
        { cle: 'distance', entete: 'Distance aller (km)', type: 'entier', largeur: 1 },
        { cle: 'puissance', entete: 'Véhicule (CV)', type: 'entier', largeur: 1 },
      ],
      lignes: e.actions.map((a) => ({ ...a, coutPedagogique: versEuros(a.coutPedagogique) })),
    },
    {
      nom: 'FOR_Participants',
      titre: 'Participants inscrits',
      colonnes: [
        { cle: 'action', entete: 'Action', type: 'texte', largeur: 1 },
        { cle: 'salarie', entete: 'Salarié', type: 'texte', largeur: 2 },
        { cle: 'tauxHoraire', entete: 'Taux horaire brut', type: 'euros', largeur: 1 },
      ],
      lignes: e.participants.map((p) => ({ ...p, tauxHoraire: versEuros(p.tauxHoraire) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return {
    ...((l.get('FOR_Situation') ?? {}) as Record<string, unknown>),
    salaries: l.get('FOR_Salaries') ?? [],
    actions: ((l.get('FOR_Plan') ?? []) as Record<string, unknown>[]).map((a) => ({ ...a, distance: a.distance ?? 0 })),
    participants: l.get('FOR_Participants') ?? [],
  };
}

const feuilleParametres = (p: ParametresFormation) => feuilleBaremeKm(p, NOM_BAREME, ['Une formation annulée ne coûte rien et n\u2019est pas retenue.']);

function attendusDe(e: EntreeFormation, p: ParametresFormation, facon: Facon): Attendus {
  const r = calculerFormation(e, p, facon);
  return {
    [NOMS_FOR.actions]: r.actions.map((a) => [versEuros(a.salarial), versEuros(a.deplacement), versEuros(a.repas), versEuros(a.total)]),
    [NOMS_FOR.total]: versEuros(r.total),
    [NOMS_FOR.ecart]: versEuros(r.ecart),
    [NOMS_FOR.respect]: ouiNon(r.respecte),
    [NOMS_FOR.retenues]: r.retenues.map(ouiNon),
    [NOMS_FOR.totalRetenu]: versEuros(r.totalRetenu),
    [NOMS_FOR.heures]: r.heures,
  };
}

const attendus = (e: EntreeFormation, p: ParametresFormation): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreeFormation, _p: ParametresFormation, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [46, 18, 16, 14, 16]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fond };
  const choix: Style = { ...saisieCentree, ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const action = (i: number) => ({ valeur: `${e.actions[i]!.code} — ${e.actions[i]!.intitule}`, style: valeur });
  const total = (nom: string, style: Style) => {
    const n = f.ligne([
      { valeur: libelleDe(GABARIT, nom), style: etiquette, colonnes: 4 },
      { valeur: rempli(nom), style },
    ]);
    noms.push({ nom, feuille, plage: `E${n}` });
    return n;
  };
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 5 }]);
  f.ligne([{ valeur: `Plan de formation de ${moisEnLettres(e.mois)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  f.ligne([{ valeur: '1. Coût de chaque action', style: bandeau, colonnes: 5 }]);
  f.ligne(['Action', 'Salaires maintenus et charges', 'Frais de déplacement', 'Repas', 'Coût total'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.actions.forEach((_, i) => f.ligne([action(i), ...[0, 1, 2, 3].map((j) => ({ valeur: rempli(NOMS_FOR.actions, i, j), style: montant }))]));
  noms.push({ nom: NOMS_FOR.actions, feuille, plage: `B${premiere}:E${premiere + e.actions.length - 1}` });
  total(NOMS_FOR.total, montant);
  total(NOMS_FOR.ecart, montant);
  const respect = total(NOMS_FOR.respect, choix);
  f.vide();
  f.ligne([{ valeur: '2. Choix des actions dans le budget', style: bandeau, colonnes: 5 }]);
  f.ligne(['Action', 'Retenue (Oui / Non)'].map((v) => ({ valeur: v, style: entete })));
  premiere = f.nombreDeLignes + 1;
  e.actions.forEach((_, i) => f.ligne([action(i), { valeur: rempli(NOMS_FOR.retenues, i), style: choix }]));
  const derniere = premiere + e.actions.length - 1;
  noms.push({ nom: NOMS_FOR.retenues, feuille, plage: `B${premiere}:B${derniere}` });
  total(NOMS_FOR.totalRetenu, montant);
  f.vide();
  f.ligne([{ valeur: '3. Heures de formation par salarié (actions retenues)', style: bandeau, colonnes: 5 }]);
  f.ligne(['Salarié', 'Heures'].map((v) => ({ valeur: v, style: entete })));
  const debut = f.nombreDeLignes + 1;
  e.salaries.forEach((s, i) =>
    f.ligne([
      { valeur: s.nom, style: valeur },
      { valeur: rempli(NOMS_FOR.heures, i), style: { ...saisieCentree, format: '0', ...fond } },
    ]),
  );
  noms.push({ nom: NOMS_FOR.heures, feuille, plage: `B${debut}:B${debut + e.salaries.length - 1}` });
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [validationOuiNon(`E${respect}`), validationOuiNon(`B${premiere}:B${derniere}`)],
    },
    noms,
  };
}

function justification(e: EntreeFormation, p: ParametresFormation): string[][] {
  const r = calculerFormation(e, p);
  const eur = montantTexte;
  const ordre = e.actions.map((_, i) => i).sort((x, y) => e.actions[x]!.priorite - e.actions[y]!.priorite);
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...r.actions.map((c, i) => {
      const a = e.actions[i]!;
      if (a.statut === 'annulee') return [a.code, eur(0), 'Formation annulée : aucun coût, non retenue.'];
      const inscrits = e.participants.filter((x) => x.action === a.code);
      const taux = p.km[ligneDuBareme(a.puissance ?? 3)]!;
      return [
        a.code,
        eur(c.total),
        `Salaires (${inscrits.map((x) => eur(x.tauxHoraire)).join(' + ')}) × ${a.heures} h, + ${nombreFr(e.tauxCharges)} % de charges = ${eur(c.salarial)} ; ${
          a.distance
            ? `déplacement ${a.distance} km × 2 × ${a.jours} j × ${nombreFr(taux)} € = ${eur(c.deplacement)} ; repas ${inscrits.length} × ${a.jours} j × ${eur(e.repas)} = ${eur(c.repas)}`
            : 'dans l\u2019entreprise : ni déplacement ni repas'
        } ; coût pédagogique ${eur(a.coutPedagogique)}.`,
      ];
    }),
    ['Total du plan', eur(r.total), `Budget ${eur(e.budget)} : écart ${eur(r.ecart)}, ${r.respecte ? 'budget respecté' : 'budget dépassé'}.`],
    ...ordre.map((i) => [
      `Priorité ${e.actions[i]!.priorite}`,
      ouiNon(r.retenues[i]!),
      e.actions[i]!.statut === 'annulee' ? `${e.actions[i]!.code} annulée.` : `${e.actions[i]!.code} : ${eur(r.actions[i]!.total)}${r.retenues[i] ? ' retenue' : ' ne tient plus dans le budget'}.`,
    ]),
    ['Total retenu', eur(r.totalRetenu), `Actions retenues, dans la limite de ${eur(e.budget)}.`],
    ...e.salaries.map((s, i) => [s.nom, `${r.heures[i]} h`, 'Heures des actions retenues auxquelles il ou elle est inscrit(e).']),
  ];
}

const siDifferent = (e: EntreeFormation, p: ParametresFormation, facon: Partial<Facon>, noms: readonly string[]) =>
  reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p), noms);

/** Each mistake on the answers it makes wrong by itself; totals, the choice and the hours follow from the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeFormation, ParametresFormation>['variantes'] = {
  charges_oubliees: (e, p) => siDifferent(e, p, { charges: false }, [NOMS_FOR.actions]),
  aller_simple: (e, p) => siDifferent(e, p, { allerRetour: false }, [NOMS_FOR.actions]),
  repas_un_jour: (e, p) => siDifferent(e, p, { repasParJour: false }, [NOMS_FOR.actions]),
  annulee_comptee: (e, p) => siDifferent(e, p, { annuleeExclue: false }, [NOMS_FOR.actions]),
  arret_au_depassement: (e, p) => siDifferent(e, p, { passerOutre: false }, [NOMS_FOR.retenues]),
  heures_non_retenues: (e, p) => siDifferent(e, p, { heuresRetenues: false }, [NOMS_FOR.heures]),
};

const oui = (v: unknown) => typeof v === 'string' && v.trim().toLowerCase() === 'oui';

/**
 * Knock-on errors: each action's total from the student's own costs; the plan's total, the gap and
 * the budget's verdict from theirs; the choice by priority from their totals; the retained total
 * and each employee's hours from their choice.
 */
function enchainements(lu: Lu, e: EntreeFormation, a: Attendus): Enchainement[] {
  const res: Enchainement[] = [];
  const lues = lu(NOMS_FOR.actions);
  const justes = a[NOMS_FOR.actions] as number[][];
  const totaux: (number | null)[] = e.actions.map((x, i) => {
    const l = Array.isArray(lues) && Array.isArray(lues[i]) ? lues[i] : [];
    return centimesSaisis(l[3]);
  });
  if (Array.isArray(lues)) {
    const suite = e.actions.map((x, i) => {
      const [s, d, r] = (Array.isArray(lues[i]) ? lues[i] : []).map(centimesSaisis);
      if (s === null || s === undefined || d === null || d === undefined || r === null || r === undefined) return justes[i]!;
      return [...justes[i]!.slice(0, 3), versEuros((x.statut === 'annulee' ? 0 : x.coutPedagogique) + s + d + r)];
    });
    res.push({ nom: NOMS_FOR.actions, valeur: suite, depuis: [NOMS_FOR.actions] });
  }
  const total = sommeSaisie(lu, NOMS_FOR.actions, 3);
  res.push(...enSuite(NOMS_FOR.total, total, [NOMS_FOR.actions]));
  const typee = centimesSaisis(lu(NOMS_FOR.total));
  if (typee !== null) {
    res.push(...enSuite(NOMS_FOR.ecart, e.budget - typee, [NOMS_FOR.total]));
    res.push({ nom: NOMS_FOR.respect, valeur: ouiNon(typee <= e.budget), depuis: [NOMS_FOR.total] });
  }
  if (totaux.every((t) => t !== null)) res.push({ nom: NOMS_FOR.retenues, valeur: retenuesParPriorite(e, totaux as number[]).map(ouiNon), depuis: [NOMS_FOR.actions] });
  const retenues = lu(NOMS_FOR.retenues);
  if (Array.isArray(retenues)) {
    const garder = (i: number) => oui(retenues[i]);
    res.push(...enSuite(NOMS_FOR.totalRetenu, sommeSaisie(lu, NOMS_FOR.actions, 3, garder), [NOMS_FOR.actions, NOMS_FOR.retenues]));
    res.push({
      nom: NOMS_FOR.heures,
      valeur: e.salaries.map((s) => e.actions.reduce((h, x, i) => h + (garder(i) && e.participants.some((p) => p.action === x.code && p.salarie === s.nom) ? x.heures : 0), 0)),
      depuis: [NOMS_FOR.retenues],
    });
  }
  return res;
}

/**
 * The corrigé's model: each action's pay kept from its participants' hourly rates (SUMIF on the
 * action's code) × its hours, with the charges, rounded; the trip at the barème's rate of the
 * vehicle's horsepower (INDEX on « Paramètres », 3 CV and less to 7 CV and more), there and back;
 * the meals of the participants counted (COUNTIF) off site; a cancelled action costs nothing. The
 * totals; what is retained sums by « Oui »; each employee's hours add, action by action, the hours
 * of the retained ones where they are enrolled (SUMPRODUCT). The choice itself is a decision: it
 * stays a value.
 */
function formulesDuCorrige(e: EntreeFormation, _p: ParametresFormation, ou: OuNom): Record<string, (string | null)[][]> {
  const [plan, part, sal, lignes, retenues] = [ou('FOR_Plan'), ou('FOR_Participants'), ou('FOR_Salaries'), ou(NOMS_FOR.actions), ou(NOMS_FOR.retenues)];
  if (!plan || !part || !sal || !lignes || !retenues) return {};
  const b = blocs(e);
  const p = (k: string) => colonneDe(plan, colonnesDuBloc(b, 'FOR_Plan'), k).cellule;
  const [pa, ps, pt] = (['action', 'salarie', 'tauxHoraire'] as const).map((k) => colonneDe(part, colonnesDuBloc(b, 'FOR_Participants'), k).plage) as [string, string, string];
  const nom = colonneDe(sal, colonnesDuBloc(b, 'FOR_Salaries'), 'nom').cellule;
  const c = (i: number, j: number) => celluleDeZone(lignes, i, j);
  const r = (i: number) => celluleDeZone(retenues, i, 0);
  const n = e.actions.length;
  const annulee = (i: number) => `${p('statut')(i)}="${STATUTS.annulee}"`;
  return {
    [NOMS_FOR.actions]: e.actions.map((_, i) => [
      `IF(${annulee(i)},0,ROUND(SUMIF(${pa},${p('code')(i)},${pt})*${p('heures')(i)}*(1+FOR_Charges/100),2))`,
      `IF(${annulee(i)},0,${formuleKm(NOM_BAREME, `2*${p('distance')(i)}*${p('jours')(i)}`, p('puissance')(i))})`,
      `IF(OR(${annulee(i)},${p('distance')(i)}=0),0,COUNTIF(${pa},${p('code')(i)})*${p('jours')(i)}*FOR_Repas)`,
      `IF(${annulee(i)},0,${p('coutPedagogique')(i)})+${c(i, 0)}+${c(i, 1)}+${c(i, 2)}`,
    ]),
    [NOMS_FOR.total]: [[`SUM(${c(0, 3)}:${c(n - 1, 3)})`]],
    [NOMS_FOR.ecart]: [[`FOR_Budget-${NOMS_FOR.total}`]],
    [NOMS_FOR.totalRetenu]: [[`SUMIF(${r(0)}:${r(n - 1)},"Oui",${c(0, 3)}:${c(n - 1, 3)})`]],
    [NOMS_FOR.heures]: e.salaries.map((_, s) => [e.actions.map((_, i) => `SUMPRODUCT((${pa}=${p('code')(i)})*(${ps}=${nom(s)}))*${p('heures')(i)}*(${r(i)}="Oui")`).join('+')]),
  };
}

export const EXERCICE_FORMATION: SpecExercice<EntreeFormation, ParametresFormation> = {
  gabarit: GABARIT,
  largeursEnonce: [8, 16, 16, 16, 8, 9, 11, 8, 7, 9, 9],
  blocs,
  structure: () => blocs({ entreprise: '', mois: '2000-01', budget: 0, tauxCharges: 0, repas: 0, salaries: [], actions: [], participants: [] }),
  donnees,
  parametresParDefaut: (e, t) => parametresFormation(e.mois, t),
  feuilleParametres,
  lireParametres: (v) => lireBaremeKm(v, NOM_BAREME),
  feuilleTravail,
  unites: (e) => ({
    [NOMS_FOR.actions]: e.actions.map((a) => `action ${a.code}`),
    [NOMS_FOR.retenues]: e.actions.map((a) => `action ${a.code}`),
    [NOMS_FOR.heures]: e.salaries.map((s) => s.nom),
  }),
  attendus,
  enchainements: (lu, e, _p, a) => enchainements(lu, e, a),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [16, 14, 100],
};
