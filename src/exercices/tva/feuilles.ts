import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Valeur } from '../../sheets/model';
import { bandeau, calcul, entete, etiquette, note, saisie, saisieCentree, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { dernierJour, moisEnLettres } from '../../domain/dates';
import { parametresTva } from '../../domain/parametres/tva';
import { calculerCa3, LIGNES_CA3, type ParametresCa3 } from './ca3';
import type { EntreeCa3 } from './entree';
import { FORMAT_EUROS_ENTIERS, FORMAT_TAUX, type Bloc, type Colonne } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type SpecExercice,
  colonneDe,
  type OuNom,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/tva.json';
import { versEuros } from '../../domain/monnaie';
import { entierEnClair } from '../../domain/texte';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'tva');

const SENS = { vente: 'Vente', achat: 'Achat' };
const NATURES = { bien: 'Bien', service: 'Service', immobilisation: 'Immobilisation' };
const ZONES = { france: 'France', ue: 'Union européenne', hors_ue: 'Hors UE' };

const COLONNES: Colonne[] = [
  { cle: 'piece', entete: 'Pièce', type: 'texte', largeur: 1 },
  { cle: 'date', entete: 'Date', type: 'date', largeur: 1 },
  { cle: 'sens', entete: 'Type', type: { choix: SENS }, largeur: 1 },
  { cle: 'tiers', entete: 'Client ou fournisseur', type: 'texte', largeur: 1 },
  { cle: 'libelle', entete: 'Libellé', type: 'texte', largeur: 1 },
  { cle: 'nature', entete: 'Nature', type: { choix: NATURES }, largeur: 1 },
  { cle: 'zone', entete: 'Pays du tiers', type: { choix: ZONES }, largeur: 1 },
  { cle: 'ht', entete: 'Montant HT', type: 'euros', largeur: 1 },
  { cle: 'taux', entete: 'Taux de TVA', type: 'taux', largeur: 1 },
  // The TVA an invoice shows: none when the tiers is abroad (exonération or autoliquidation).
  { cle: 'tva', entete: 'TVA facturée', type: 'euros', largeur: 1, formule: (a) => `IF(${a.zone}="${ZONES.france}",ROUND(${a.ht}*${a.taux}/100,2),0)` },
  { cle: 'ttc', entete: 'Montant TTC', type: 'euros', largeur: 1, formule: (a) => `${a.ht}+${a.tva}` },
  { cle: 'reglement', entete: 'Encaissé ou payé le', type: 'date', largeur: 1 },
  { cle: 'optionDebits', entete: 'Fournisseur : option débits', type: 'ouiNon', largeur: 1 },
];

/** `TVA_L28`, `TVA_A1`, `TVA_L08_Base`: a line's answer name (a numeric code gets an L so the name is valid). */
export const nomLigne = (code: string, base = false) => `TVA_${/^\d/.test(code) ? 'L' : ''}${code}${base ? '_Base' : ''}`;
export const NOM_RETENUES = 'TVA_Retenues';

function blocs(e: EntreeCa3): Bloc[] {
  return [
    {
      nom: 'TVA_Situation',
      titre: 'Situation de l\u2019entreprise',
      champs: [
        { nom: 'TVA_Periode', cle: 'periode', libelle: 'Mois déclaré', type: 'mois', valeur: e.periode },
        { nom: 'TVA_Option_Debits', cle: 'optionDebits', libelle: 'Option pour le paiement de la TVA d\u2019après les débits (prestations de services)', type: 'ouiNon', valeur: e.optionDebits },
        { nom: 'TVA_Credit_Anterieur', cle: 'creditAnterieur', libelle: 'Crédit de TVA de la déclaration précédente (ligne 27)', type: 'euros', valeur: e.creditAnterieur },
        { nom: 'TVA_Demande_Remboursement', cle: 'demandeRemboursement', libelle: 'Le dirigeant demande le remboursement du crédit de TVA éventuel', type: 'ouiNon', valeur: e.demandeRemboursement },
      ],
    },
    {
      nom: 'TVA_Factures',
      titre: 'Factures du mois et règlements',
      colonnes: COLONNES,
      lignes: e.operations.map((o) => ({ ...o, ht: versEuros(o.ht) })),
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  const s = (l.get('TVA_Situation') ?? {}) as Record<string, unknown>;
  const f = (l.get('TVA_Factures') ?? []) as Record<string, unknown>[];
  return { ...s, operations: f.map(({ tva: _t, ttc: _c, ...o }) => o) };
}

const NOM_TAUX = 'TVA_Taux';
const NOM_SEUIL = 'TVA_Seuil_Remboursement';

function feuilleParametres(p: ParametresCa3): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [10, 34, 12, 40]).masquables([3]);
  const noms: NomDefini[] = [];
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 4 }]);
  f.ligne([
    {
      valeur:
        'Valeurs en vigueur à la date du cas. L\u2019enseignant peut les modifier (taux simplifiés d\u2019un manuel, par exemple) : le corrigé et la vérification utilisent toujours les valeurs de cette feuille.',
      style: sousTitre,
      colonnes: 4,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: 'Taux de TVA', style: bandeau, colonnes: 4 }]);
  f.ligne(['Ligne CA3', 'Libellé', 'Taux (%)', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  for (const t of p.taux)
    f.ligne([
      { valeur: t.ligne, style: { ...valeur, alignement: 'centre' } },
      { valeur: t.libelle, style: valeur },
      { valeur: t.taux, style: { ...saisieCentree, format: FORMAT_TAUX } },
      { valeur: t.reference, style: note },
    ]);
  noms.push({ nom: NOM_TAUX, feuille: FEUILLES.parametres, plage: `A${premiere}:C${premiere + p.taux.length - 1}` });
  f.vide();
  const n = f.ligne([
    { valeur: 'Crédit minimal pour une demande de remboursement mensuelle', style: etiquette, colonnes: 2 },
    { valeur: p.seuilRemboursement, style: { ...saisieCentree, format: FORMAT_EUROS_ENTIERS } },
    { valeur: 'CGI, ann. II, art. 242-0 C', style: note },
  ]);
  noms.push({ nom: NOM_SEUIL, feuille: FEUILLES.parametres, plage: `C${n}` });
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      colonnesSources: [3],
      validations: [{ plage: `C${premiere}:C${premiere + p.taux.length - 1}`, minimum: 0, maximum: 100, message: 'Un taux de TVA est un pourcentage entre 0 et 100.' }],
    },
    noms,
  };
}

function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresCa3 {
  const taux = v(NOM_TAUX);
  const seuil = v(NOM_SEUIL)?.[0]?.[0];
  if (!taux || typeof seuil !== 'number') throw new Error('Paramètres de TVA introuvables (noms TVA_Taux et TVA_Seuil_Remboursement).');
  return {
    taux: taux.map((l, i) => {
      if (typeof l[2] !== 'number') throw new Error(`Paramètres, taux de TVA n° ${i + 1} : nombre attendu.`);
      return { ligne: String(l[0]), libelle: String(l[1]), taux: l[2], reference: '' };
    }),
    seuilRemboursement: seuil,
  };
}

function attendus(e: EntreeCa3, p: ParametresCa3): Attendus {
  const r = calculerCa3(e, p);
  const a: Attendus = {};
  for (const code of GABARIT.lignes!) {
    const l = r.lignes.find((x) => x.code === code)!;
    if (l.base !== undefined) a[nomLigne(code, true)] = l.base;
    a[nomLigne(code)] = l.montant;
  }
  const retenues = new Set(r.retenues.map((x) => x.piece));
  a[NOM_RETENUES] = e.operations.map((o) => (retenues.has(o.piece) ? 'Oui' : 'Non'));
  return a;
}

function feuilleTravail(e: EntreeCa3, p: ParametresCa3, remplie?: Attendus): FeuilleConstruite {
  const g = GABARIT;
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [8, 50, 10, 14, 14]);
  const noms: NomDefini[] = [];
  const champ = (nom: string): Valeur => (remplie ? ((remplie[nom] as number | undefined) ?? null) : null);
  const styleMontant = { ...saisie, alignement: 'droite' as const, format: FORMAT_EUROS_ENTIERS, ...fondCorrige(remplie) };

  f.ligne([{ valeur: remplie ? `Corrigé — ${g.titre}` : g.titre, style: titre, colonnes: 5 }]);
  f.ligne([{ valeur: `Période : ${moisEnLettres(e.periode)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  f.ligne([{ valeur: '1. Pièces retenues pour la déclaration du mois', style: bandeau, colonnes: 5 }]);
  f.ligne(['Pièce', 'Libellé', 'Date', 'Retenue ?'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  const retenues = remplie?.[NOM_RETENUES] as string[] | undefined;
  e.operations.forEach((o, i) =>
    f.ligne([
      { valeur: o.piece, style: { ...valeur, alignement: 'centre' } },
      { valeur: `${o.tiers} — ${o.libelle}`, style: valeur },
      { valeur: { date: o.date }, style: { ...valeur, alignement: 'centre', format: 'dd/mm/yyyy' } },
      { valeur: retenues?.[i] ?? null, style: { ...saisieCentree, ...fondCorrige(remplie) } },
    ]),
  );
  const derniere = premiere + e.operations.length - 1;
  if (e.operations.length) {
    noms.push({ nom: NOM_RETENUES, feuille, plage: `D${premiere}:D${derniere}` });
  }
  f.vide();
  f.ligne([{ valeur: '2. Déclaration n° 3310-CA3 (montants en euros entiers)', style: bandeau, colonnes: 5 }]);
  const lignes = new Set(g.lignes);
  const sections: [string, (c: string) => boolean][] = [
    ['Cadre A — Montant des opérations réalisées (hors taxes)', (c) => LIGNES_CA3.find((l) => l.code === c)!.cadre === 'A'],
    ['Cadre B — TVA brute', (c) => ['08', '09', '9B', 'T6', '16', '17'].includes(c)],
    ['TVA déductible', (c) => ['19', '20', '22', '23'].includes(c)],
    ['Crédit', (c) => ['25', '26', '27'].includes(c)],
    ['Taxe à payer', (c) => ['TD', '28', '32'].includes(c)],
  ];
  const indexTaux = new Map(p.taux.map((t, i) => [t.ligne, i + 1]));
  for (const [intitule, filtre] of sections) {
    f.ligne([{ valeur: intitule, style: { ...etiquette, fond: 'D9E2F3' }, colonnes: 5 }]);
    const avecBase = intitule.includes('TVA brute');
    if (avecBase) f.ligne(['Ligne', 'Libellé', 'Taux', 'Base HT', 'Taxe due'].map((v) => ({ valeur: v, style: entete })));
    for (const l of LIGNES_CA3.filter((x) => lignes.has(x.code) && filtre(x.code))) {
      const n = f.nombreDeLignes + 1;
      if (l.base) {
        const k = indexTaux.get(l.code);
        f.ligne([
          { valeur: l.code, style: { ...calcul } },
          { valeur: p.taux.find((t) => t.ligne === l.code)?.libelle ?? l.libelle, style: valeur },
          { valeur: k ? { formule: `INDEX(${NOM_TAUX},${k},3)` } : null, style: { ...valeur, alignement: 'centre', format: FORMAT_TAUX } },
          { valeur: champ(nomLigne(l.code, true)), style: styleMontant },
          { valeur: champ(nomLigne(l.code)), style: styleMontant },
        ]);
        noms.push({ nom: nomLigne(l.code, true), feuille, plage: `D${n}` }, { nom: nomLigne(l.code), feuille, plage: `E${n}` });
      } else {
        f.ligne([
          { valeur: l.code, style: { ...calcul } },
          { valeur: l.libelle, style: valeur, colonnes: 3 },
          { valeur: champ(nomLigne(l.code)), style: styleMontant },
        ]);
        noms.push({ nom: nomLigne(l.code), feuille, plage: `E${n}` });
      }
    }
  }
  f.vide();
  f.ligne([
    { valeur: 'Source des libellés : formulaire n° 3310-CA3-SD et sa notice (DGFiP). Seules les lignes utiles à l\u2019exercice figurent ici.', style: { ...texte, italique: true }, colonnes: 5 },
  ]);
  const validations = [...(e.operations.length ? [validationOuiNon(`D${premiere}:D${derniere}`)] : [])];
  return {
    feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, validations },
    noms,
  };
}

const euros = (n: number) => `${entierEnClair(n)}\u00a0€`; // CA3 amounts are whole euros
const pieces = (ops: readonly string[]) => (ops.length ? `${ops.length > 1 ? 'pièces' : 'pièce'} ${ops.join(', ')}` : 'aucune pièce');

/** How each line of the form is obtained, in words: which pieces, which rate, which other lines. */
function calculDeLaLigne(code: string, r: ReturnType<typeof calculerCa3>, p: ParametresCa3): string {
  const l = (c: string) => r.lignes.find((x) => x.code === c)!;
  const x = l(code);
  const somme = (codes: string[]) => {
    const presentes = codes.filter((c) => l(c).montant);
    return presentes.length ? `${presentes.map((c) => `ligne ${c} (${euros(l(c).montant)})`).join(' + ')} = ${euros(x.montant)}` : `aucun montant : ${euros(0)}`;
  };
  const taux = p.taux.find((t) => t.ligne === code);
  if (taux)
    return `Base hors taxes : ${euros(x.base ?? 0)} (${pieces(x.operations)}), au taux de ${String(taux.taux).replace('.', ',')}\u00a0% ; TVA de chaque pièce calculée au centime, total arrondi à l'euro : ${euros(x.montant)}.`;
  switch (code) {
    case '16':
      return `Somme des taxes dues : ${somme(r.lignes.filter((y) => y.base !== undefined).map((y) => y.code))}.`;
    case '17':
      return `TVA due sur les acquisitions intracommunautaires (${pieces(x.operations)}), autoliquidée : déjà comprise ligne 16, et déductible ligne 20 (ligne 19 pour une immobilisation).`;
    case '19':
      return `TVA déductible sur les immobilisations (${pieces(x.operations)}).`;
    case '20':
      return `TVA déductible sur les autres biens et services (${pieces(x.operations)}).`;
    case '22':
      return 'Crédit de TVA de la déclaration précédente (ligne 27), reporté.';
    case '23':
      return `Total de la TVA déductible : ${somme(['19', '20', '22'])}.`;
    case '25':
      return `La TVA déductible (ligne 23) dépasse la TVA brute (ligne 16) : crédit de ${euros(l('23').montant)} − ${euros(l('16').montant)} = ${euros(x.montant)}.`;
    case '26':
      return `Remboursement demandé du crédit de la ligne 25, au moins égal au seuil de ${euros(p.seuilRemboursement)}.`;
    case '27':
      return `Crédit reporté sur la déclaration suivante : ligne 25 − ligne 26 = ${euros(x.montant)}.`;
    case 'TD':
      return `La TVA brute (ligne 16) dépasse la TVA déductible (ligne 23) : ${euros(l('16').montant)} − ${euros(l('23').montant)} = ${euros(x.montant)}.`;
    case '28':
      return 'TVA nette due : la ligne TD (aucune imputation ici).';
    case '32':
      return 'Total à payer : la ligne 28.';
    default:
      return `Total hors taxes : ${euros(x.montant)} (${pieces(x.operations)}).`;
  }
}

function justification(e: EntreeCa3, p: ParametresCa3): string[][] {
  const r = calculerCa3(e, p);
  return [
    ['Ligne', 'Libellé', 'Comment on l\u2019obtient'],
    ...r.lignes.filter((l) => l.montant || l.base).map((l) => [l.code, l.libelle, calculDeLaLigne(l.code, r, p)]),
    ...r.exclues.map((x) => [x.piece, 'Pièce non retenue', `${x.motif}.`]),
    ...r.avertissements.map((a) => ['', 'Remarque', a]),
  ];
}

/** The answers of a mistaken reading `x` of case `e`; a piece it leaves out keeps its expected « retenue » (the list follows `e`'s pieces). */
function variante(e: EntreeCa3, x: EntreeCa3, p: ParametresCa3): Attendus {
  const a = attendus(x, p);
  const lu = new Map(x.operations.map((o, i) => [o.piece, (a[NOM_RETENUES] as string[])[i]]));
  const attendues = attendus(e, p)[NOM_RETENUES] as string[];
  return { ...a, [NOM_RETENUES]: e.operations.map((o, i) => lu.get(o.piece) ?? attendues[i]!) };
}

/** A case where some operations are what the student took them for; null when none is. */
function siChange(e: EntreeCa3, p: ParametresCa3, f: (o: EntreeCa3['operations'][number]) => EntreeCa3['operations'][number] | null): Attendus | null {
  const operations = e.operations.flatMap((o) => {
    const x = f(o);
    return x ? [x] : [];
  });
  return JSON.stringify(operations) === JSON.stringify(e.operations) ? null : variante(e, { ...e, operations }, p);
}

const variantes: SpecExercice<EntreeCa3, ParametresCa3>['variantes'] = {
  // services taken when invoiced, as if the option for the débits had been made
  encaissement: (e, p) =>
    e.optionDebits || !e.operations.some((o) => o.nature === 'service') ? null : variante(e, { ...e, optionDebits: true, operations: e.operations.map((o) => ({ ...o, optionDebits: true })) }, p),
  immobilisation: (e, p) => siChange(e, p, (o) => (o.nature === 'immobilisation' ? { ...o, nature: 'bien' } : o)),
  autoliquidation: (e, p) => siChange(e, p, (o) => (o.sens === 'achat' && o.zone === 'ue' ? null : o)),
  credit_anterieur: (e, p) => (e.creditAnterieur ? variante(e, { ...e, creditAnterieur: 0 }, p) : null),
  // a credit written as a negative TD (ligne 16 − ligne 23), carried to 28 and 32
  td_negative: (e, p) => {
    const credit = Number(attendus(e, p)[nomLigne('25')] ?? 0);
    return credit > 0 ? Object.fromEntries(['TD', '28', '32'].map((c) => [nomLigne(c), -credit])) : null;
  },
};

/** Knock-on errors of the CA3: each total from the student's own lines (whole euros). */
function enchainements(lu: Lu, _e: EntreeCa3, p: ParametresCa3, a: Attendus): Enchainement[] {
  const euros = (code: string) => {
    const c = centimesSaisis(lu(nomLigne(code)) ?? 0); // an empty line counts for 0, as the consigne says
    return c === null ? null : Math.round(c / 100);
  };
  const somme = (codes: string[]) => {
    const v = codes.map(euros);
    return v.every((x) => x !== null) ? (v as number[]).reduce((s, x) => s + x, 0) : null;
  };
  const res: Enchainement[] = [];
  const si = (code: string, v: number | null, depuis: string[]) => {
    if (v !== null && nomLigne(code) in a) res.push({ nom: nomLigne(code), valeur: v, depuis: depuis.map((c) => nomLigne(c)) });
  };
  const taux = p.taux.map((t) => t.ligne).filter((c) => nomLigne(c) in a);
  si('16', somme(taux), taux);
  si('23', somme(['19', '20', '22'].filter((c) => nomLigne(c) in a)), ['19', '20']);
  const [l16, l23] = [euros('16'), euros('23')];
  if (l16 !== null && l23 !== null) {
    si('25', Math.max(0, l23 - l16), ['16', '23']);
    si('TD', Math.max(0, l16 - l23), ['16', '23']);
  }
  const [l25, l26, td, l28] = [euros('25'), euros('26'), euros('TD'), euros('28')];
  if (l25 !== null && l26 !== null) si('27', l25 - l26, ['25', '26']);
  si('28', td, ['TD']);
  si('32', l28, ['28']);
  return res;
}

/**
 * The corrigé's model of the return: each line of the cadre A and each rate's base and tax sums,
 * over the pieces the student retained (« Oui »), those of its kind (SUMPRODUCT of the conditions
 * on the type, nature and country of the énoncé's table), each TVA rounded to the cent, then the
 * line to the euro; the totals from the rounded lines, as the form computes them. Which pieces are
 * retained is the student's decision: it stays typed.
 */
function formulesDuCorrige(e: EntreeCa3, p: ParametresCa3, ou: OuNom): Record<string, (string | null)[][]> {
  const [z, retenues] = [ou('TVA_Factures'), ou(NOM_RETENUES)];
  if (!z || !retenues || !e.operations.length) return {};
  const c = (cle: string) => colonneDe(z, COLONNES, cle).plage;
  const [sens, nature, zone, ht, taux] = [c('sens'), c('nature'), c('zone'), c('ht'), c('taux')];
  const retenue = `(${NOM_RETENUES}="Oui")`;
  const est = (plage: string, texte: string, egal = true) => `(${plage}${egal ? '=' : '<>'}"${texte}")`;
  const [vente, achat, france, horsFrance] = [est(sens, SENS.vente), est(sens, SENS.achat), est(zone, ZONES.france), est(zone, ZONES.france, false)];
  const service = est(nature, NATURES.service);
  const bien = est(nature, NATURES.service, false);
  const tva = `ROUND(${ht}*${taux}/100,2)`;
  /** the sum over the retained pieces that meet `conditions` of `montant`, to the euro */
  const somme = (conditions: string[], montant: string) => `ROUND(SUMPRODUCT(${[retenue, ...conditions, montant].join('*')}),0)`;
  // the pieces a rate's line receives: the sales in France and the purchases self-assessed
  const taxables = `(${vente}*${france}+${achat}*${horsFrance})`;
  const lignes = new Set(GABARIT.lignes);
  const res: Record<string, (string | null)[][]> = {};
  const poser = (code: string, formule: string, base = false) => {
    if (lignes.has(code)) res[nomLigne(code, base)] = [[formule]];
  };
  poser('A1', somme([vente, france], ht));
  poser('A3', somme([achat, horsFrance, service], ht));
  poser('B2', somme([achat, horsFrance, bien], ht));
  poser('E1', somme([vente, est(zone, ZONES.hors_ue), bien], ht));
  poser('E2', somme([vente, horsFrance, service], ht));
  poser('F2', somme([vente, est(zone, ZONES.ue), bien], ht));
  const lignesTaux = LIGNES_CA3.filter((l) => l.base && lignes.has(l.code));
  for (const l of lignesTaux) {
    // the rate the line shows beside its base (taken from « Paramètres »)
    const b = ou(nomLigne(l.code, true));
    if (!b || !p.taux.some((t) => t.ligne === l.code)) continue;
    const duTaux = `(${taux}=${lettreColonne(b.gauche - 2)}${b.haut})`;
    poser(l.code, somme([taxables, duTaux], ht), true);
    poser(l.code, somme([taxables, duTaux], tva));
  }
  poser('16', lignesTaux.map((l) => nomLigne(l.code)).join('+'));
  poser('17', somme([achat, horsFrance, bien], tva));
  poser('19', somme([achat, est(nature, NATURES.immobilisation)], tva));
  poser('20', somme([achat, est(nature, NATURES.immobilisation, false)], tva));
  poser('22', 'TVA_Credit_Anterieur');
  poser('23', `${nomLigne('19')}+${nomLigne('20')}+${nomLigne('22')}`);
  poser('25', `MAX(0,${nomLigne('23')}-${nomLigne('16')})`);
  poser('26', `IF(AND(TVA_Demande_Remboursement="Oui",${nomLigne('25')}>=${NOM_SEUIL}),${nomLigne('25')},0)`);
  poser('27', `${nomLigne('25')}-${nomLigne('26')}`);
  poser('TD', `MAX(0,${nomLigne('16')}-${nomLigne('23')})`);
  poser('28', nomLigne('TD'));
  poser('32', nomLigne('28'));
  return res;
}

export const EXERCICE_TVA: SpecExercice<EntreeCa3, ParametresCa3> = {
  gabarit: GABARIT,
  largeursEnonce: [8, 10, 7, 18, 24, 10, 11, 11, 7, 10, 11, 10, 9],
  blocs,
  structure: () => blocs({ periode: '2000-01', optionDebits: false, creditAnterieur: 0, demandeRemboursement: false, operations: [] }),
  donnees,
  parametresParDefaut: (e, t) => {
    const p = parametresTva(dernierJour(e.periode), t.tva);
    return { taux: p.taux, seuilRemboursement: p.seuilRemboursement };
  },
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  unites: (e) => ({ [NOM_RETENUES]: e.operations.map((o) => o.piece) }),
  attendus,
  enchainements,
  formulesDuCorrige,
  variantes,
  justification,
};
