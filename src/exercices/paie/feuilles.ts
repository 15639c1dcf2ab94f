import { ConstructeurFeuille } from '../../sheets/constructeur';
import { lettreColonne, type NomDefini, type Style, type Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, saisie, sousTitre, texte, titre, valeur } from '../../sheets/styles';
import { moisEnLettres } from '../../domain/dates';
import { appliquerTaux, somme, versCentimes, versEuros } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { avecSurcharges, type ParametresPaie } from '../../domain/parametres/paie';
import { assietteCsg, avantLeBrut, calculerBulletin, netImposableDe, RUBRIQUES, type Bulletin, type LigneBulletin } from './bulletin';
import type { EntreeBulletin } from './entree';
import { AUTRES_ORGANISMES, ecritureDePaie, lignesDeLEcriture } from './ecritures';
import { FORMAT_EUROS, FORMAT_EUROS_PRECIS, FORMAT_HEURES } from '../../sheets/exercices/blocs';
import {
  centimesSaisis,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  libelleDe,
  montantTexte,
  reponsesChangees,
  type Attendus,
  type Enchainement,
  type Lu,
  type FeuilleConstruite,
  type FormeReponse,
  type SpecExercice,
  colonneDe,
  colonnesDuBloc,
  feuilleDansFormule,
  type OuNom,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/paie.json';
import { blocsPaie, donneesPaie, feuilleParametresPaie, indexParametre, lireParametresPaie, NOM_PARAMETRES, NOMS_ENONCE, parametresDuCas, structurePaie } from './enonce';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'paie');

/** Rates as a payslip prints them: « 6,90 % », « 0,024 % ». */
export const FORMAT_TAUX_PAIE = '0.00##\\ "%"';

/** Answer names: `PAIE_BRUT`, `PAIE_HS25`, `PAIE_MALADIE_PAT`, `PAIE_CSG_DEDUCTIBLE_BASE`… */
export const nomPaie = (code: string, suffixe = '') => `PAIE_${code.toUpperCase()}${suffixe ? `_${suffixe}` : ''}`;
export const NOMS_TOTAUX = {
  brut: 'PAIE_BRUT',
  totalSalarial: 'PAIE_TOTAL_SAL',
  totalPatronal: 'PAIE_TOTAL_PAT',
  avantagesDeduits: 'PAIE_AVANTAGES_DEDUITS',
  netAPayer: 'PAIE_NET_A_PAYER',
  impot: 'PAIE_IMPOT',
  netPaye: 'PAIE_NET_PAYE',
  netSocial: 'PAIE_NET_SOCIAL',
  netImposable: 'PAIE_NET_IMPOSABLE',
  coutEmployeur: 'PAIE_COUT_EMPLOYEUR',
} as const;

/**
 * A line's rate as the sheet shows it: a formula on « Paramètres » (or on the case cell) when it
 * comes from there, so that a teacher's edit shows on the bulletin; the computed value otherwise.
 */
function tauxAffiche(l: LigneBulletin, cote: 'Salarial' | 'Patronal', p: ParametresPaie): Valeur {
  const taux = l[`taux${cote}`];
  if (taux === null) return null;
  const codes = l[`parametres${cote}`];
  if (codes.length) return { formule: codes.map((c) => `INDEX(${NOM_PARAMETRES},${indexParametre(p, c)},3)`).join('+') };
  if (l.code === 'atmp') return { formule: NOMS_ENONCE.tauxAtmp };
  if (l.code === 'versement_mobilite') return { formule: NOMS_ENONCE.tauxMobilite };
  return taux;
}

/** Every expected answer of the bulletin, in euros (hours for the overtime counts). */
function attendus(e: EntreeBulletin, p: ParametresPaie): Attendus {
  const b = calculerBulletin(e, p);
  const a: Attendus = {};
  for (const x of b.elements) {
    a[nomPaie(x.code)] = versEuros(x.montant);
    if (/^hs\d+$/.test(x.code)) a[nomPaie(x.code, 'HEURES')] = x.nombre;
  }
  a[NOMS_TOTAUX.brut] = versEuros(b.brut);
  for (const l of b.lignes) {
    if (l.base !== null) a[nomPaie(l.code, 'BASE')] = versEuros(l.base);
    if (l.montantSalarial !== null) a[nomPaie(l.code, 'SAL')] = versEuros(l.montantSalarial);
    if (l.montantPatronal !== null) a[nomPaie(l.code, 'PAT')] = versEuros(l.montantPatronal);
  }
  a[NOMS_TOTAUX.totalSalarial] = versEuros(b.totalCotisationsSalariales);
  a[NOMS_TOTAUX.totalPatronal] = versEuros(b.totalCotisationsPatronales);
  const avantages = somme(e.avantagesNature.map((x) => x.montant));
  if (avantages) a[NOMS_TOTAUX.avantagesDeduits] = -versEuros(avantages);
  a[NOMS_TOTAUX.netAPayer] = versEuros(b.netAPayerAvantImpot);
  a[NOMS_TOTAUX.impot] = versEuros(b.impotPreleve);
  a[NOMS_TOTAUX.netPaye] = versEuros(b.netPaye);
  a[NOMS_TOTAUX.netSocial] = versEuros(b.netSocial);
  a[NOMS_TOTAUX.netImposable] = versEuros(b.netImposable);
  a[NOMS_TOTAUX.coutEmployeur] = versEuros(b.coutEmployeur);
  const ecriture = ecritureDePaie(e, b);
  if (ecriture) a[NOM_ECRITURE] = ecriture.map((l) => [l.debit ? versEuros(l.debit) : null, l.credit ? versEuros(l.credit) : null]);
  return a;
}

const LARGEURS = [54, 12, 11, 13, 11, 13];
export const NOM_ECRITURE = 'PAIE_ECRITURE';

/** The bulletin's frame: who pays whom, for which month. */
export function enTeteBulletin(f: ConstructeurFeuille, e: EntreeBulletin, intitule: string, consigne: string): void {
  f.ligne([{ valeur: intitule, style: titre, colonnes: 6 }]);
  f.ligne([{ valeur: consigne, style: sousTitre, colonnes: 6 }]);
  f.vide();
  f.ligne([
    { valeur: `Employeur : ${e.entreprise.nom || '—'} (effectif : ${e.entreprise.effectif})`, style: etiquette, colonnes: 3 },
    { valeur: `Période : ${moisEnLettres(e.periode)}`, style: { ...etiquette, alignement: 'droite' }, colonnes: 3 },
  ]);
  f.ligne([
    { valeur: `Salarié(e) : ${e.salarie.nom || '—'} — ${e.salarie.emploi || '—'}`, style: valeur, colonnes: 3 },
    {
      valeur: `Statut : ${e.salarie.statut === 'cadre' ? 'cadre' : 'non-cadre'} — ${String(e.horaireMensuel / 100).replace('.', ',')} h par mois`,
      style: { ...valeur, alignement: 'droite' },
      colonnes: 3,
    },
  ]);
}

export const enteteCotisations = ['Cotisations et contributions sociales', 'Base', 'Taux salarial', 'Part salariale', 'Taux patronal', 'Part patronale'];

/** The contribution lines, under their rubrique titles, in the order of the bulletin clarifié. */
export function parRubrique(b: Bulletin): [string, LigneBulletin[]][] {
  return (Object.keys(RUBRIQUES) as (keyof typeof RUBRIQUES)[]).map((r): [string, LigneBulletin[]] => [RUBRIQUES[r], b.lignes.filter((l) => l.rubrique === r)]).filter(([, l]) => l.length);
}

function feuilleTravail(e: EntreeBulletin, p: ParametresPaie, remplie?: Attendus): FeuilleConstruite {
  const g = GABARIT;
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const b = calculerBulletin(e, p);
  const f = new ConstructeurFeuille(feuille, LARGEURS);
  const noms: NomDefini[] = [];
  const montant: Style = { ...saisie, alignement: 'droite', format: FORMAT_EUROS, ...fondCorrige(remplie) };
  const heures: Style = { ...montant, format: FORMAT_HEURES };
  const donne = (format: string): Style => ({ ...valeur, alignement: 'droite', format });
  /** An answer cell of row `n`, column `col`: named, filled in the corrigé (what it is, the template says). */
  const reponse = (nom: string, n: number, col: string, style = montant) => {
    noms.push({ nom, feuille, plage: `${col}${n}` });
    return { valeur: (remplie?.[nom] as number | undefined) ?? null, style };
  };
  /** A totals band: its answers in the given columns (D: salarial or amount, F: patronal). */
  const total = (libelle: string, ...cases: { nom: string; col: 'D' | 'F' }[]) => {
    const n = f.nombreDeLignes + 1;
    const cellule = (c: string) => {
      const r = cases.find((x) => x.col === c);
      return r ? reponse(r.nom, n, c, { ...montant, gras: true }) : { valeur: null, style: { ...valeur, fond: 'D9E2F3' } };
    };
    f.ligne([{ valeur: libelle, style: { ...etiquette, fond: 'D9E2F3' } }, ...['B', 'C', 'D', 'E', 'F'].map(cellule)]);
  };

  enTeteBulletin(
    f,
    e,
    remplie ? `Corrigé — ${g.titre}` : g.titre,
    `${consigneSaisie(remplie)} : montants en euros arrondis au centime, réductions et retenues en négatif. Les taux viennent de la feuille « Paramètres ».`,
  );
  f.vide();
  f.ligne(['Éléments de rémunération', 'Nombre', 'Taux', 'Montant', '', ''].map((v) => ({ valeur: v, style: entete })));
  for (const x of b.elements.filter((x) => avantLeBrut(x.code))) {
    const n = f.nombreDeLignes + 1;
    const hs = /^hs\d+$/.test(x.code);
    f.ligne([
      { valeur: x.libelle, style: valeur },
      hs ? reponse(nomPaie(x.code, 'HEURES'), n, 'B', heures) : { valeur: x.nombre, style: donne(FORMAT_HEURES) },
      { valeur: x.taux, style: donne(FORMAT_EUROS_PRECIS) },
      reponse(nomPaie(x.code), n, 'D'),
      { valeur: null, style: valeur },
      { valeur: null, style: valeur },
    ]);
  }
  total('SALAIRE BRUT', { nom: NOMS_TOTAUX.brut, col: 'D' });
  f.vide();
  f.ligne(enteteCotisations.map((v) => ({ valeur: v, style: entete })));
  for (const [rubrique, lignes] of parRubrique(b)) {
    f.ligne([{ valeur: rubrique, style: { ...etiquette, taille: 8 }, colonnes: 6 }]);
    for (const l of lignes) {
      const n = f.nombreDeLignes + 1;
      const vide = { valeur: null, style: valeur };
      f.ligne([
        { valeur: l.libelle, style: valeur },
        l.base !== null ? reponse(nomPaie(l.code, 'BASE'), n, 'B') : vide,
        { valeur: tauxAffiche(l, 'Salarial', p), style: donne(FORMAT_TAUX_PAIE) },
        l.montantSalarial !== null ? reponse(nomPaie(l.code, 'SAL'), n, 'D') : vide,
        { valeur: tauxAffiche(l, 'Patronal', p), style: donne(FORMAT_TAUX_PAIE) },
        l.montantPatronal !== null ? reponse(nomPaie(l.code, 'PAT'), n, 'F') : vide,
      ]);
    }
  }
  total('TOTAL DES COTISATIONS ET CONTRIBUTIONS', { nom: NOMS_TOTAUX.totalSalarial, col: 'D' }, { nom: NOMS_TOTAUX.totalPatronal, col: 'F' });
  f.vide();
  const ligneSimple = (nom: string, libelle = libelleDe(g, nom)) => {
    const n = f.nombreDeLignes + 1;
    f.ligne([{ valeur: libelle, style: valeur, colonnes: 3 }, reponse(nom, n, 'D'), { valeur: null, style: valeur, colonnes: 2 }]);
  };
  if (e.avantagesNature.length) ligneSimple(NOMS_TOTAUX.avantagesDeduits);
  for (const x of b.elements.filter((x) => !avantLeBrut(x.code))) ligneSimple(nomPaie(x.code), x.libelle);
  total('NET À PAYER AVANT IMPÔT SUR LE REVENU', { nom: NOMS_TOTAUX.netAPayer, col: 'D' });
  const nImpot = f.nombreDeLignes + 1;
  const imposable = NOMS_TOTAUX.netImposable; // the answer of the « Informations » below
  f.ligne([
    { valeur: 'Impôt sur le revenu prélevé à la source', style: valeur },
    { valeur: { formule: `IF(${imposable}="","",${imposable})` }, style: donne(FORMAT_EUROS) },
    { valeur: { formule: NOMS_ENONCE.tauxPas }, style: donne(FORMAT_TAUX_PAIE) },
    reponse(NOMS_TOTAUX.impot, nImpot, 'D'),
    { valeur: null, style: valeur, colonnes: 2 },
  ]);
  total('NET PAYÉ', { nom: NOMS_TOTAUX.netPaye, col: 'D' });
  f.ligne([{ valeur: 'Informations', style: bandeau, colonnes: 6 }]);
  ligneSimple(NOMS_TOTAUX.netSocial);
  ligneSimple(NOMS_TOTAUX.netImposable);
  ligneSimple(NOMS_TOTAUX.coutEmployeur);
  f.vide();
  f.ligne([
    {
      valeur:
        'Présentation du bulletin de paie clarifié (arrêté du 25 février 2016). Les taux sont ceux de la feuille « Paramètres » ; le coefficient de réduction générale est calculé pour ce salaire.',
      style: { ...texte, italique: true },
      colonnes: 6,
    },
  ]);
  const ecriture = ecritureDePaie(e, b);
  if (ecriture) {
    f.vide();
    f.ligne([{ valeur: 'Écriture de paie du mois (journal de paie)', style: bandeau, colonnes: 6 }]);
    f.ligne([
      { valeur: 'Compte', style: entete, colonnes: 3 },
      { valeur: 'Débit', style: entete },
      { valeur: 'Crédit', style: entete },
      { valeur: '', style: entete },
    ]);
    const premiere = f.nombreDeLignes + 1;
    const attendues = remplie?.[NOM_ECRITURE] as (number | null)[][] | undefined;
    ecriture.forEach((l, i) =>
      f.ligne([
        { valeur: `${l.compte} ${l.intitule}`, style: valeur, colonnes: 3 },
        { valeur: attendues?.[i]?.[0] ?? null, style: montant },
        { valeur: attendues?.[i]?.[1] ?? null, style: montant },
        { valeur: null, style: valeur },
      ]),
    );
    noms.push({ nom: NOM_ECRITURE, feuille, plage: `D${premiere}:E${premiere + ecriture.length - 1}` });
    f.ligne([
      {
        valeur:
          'Les cotisations de retraite complémentaire, d\u2019APEC, de prévoyance, de complémentaire santé et la PEEC vont au compte 437, toutes les autres et toutes les réductions au compte 431 ; l\u2019acompte solde le compte 425, les autres retenues sur le net le compte 467.',
        style: { ...texte, italique: true },
        colonnes: 6,
      },
    ]);
  }
  return { feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true }, noms };
}

function justification(e: EntreeBulletin, p: ParametresPaie): string[][] {
  const b = calculerBulletin(e, p);
  const pss = p.pss?.valeur;
  const lignes: string[][] = [['Élément', 'Montant (€)', 'Calcul']];
  for (const x of b.elements) {
    const detail =
      x.code === 'absence' && e.absence?.methode === 'heures_reelles'
        ? `salaire de base × ${nombreFr(e.absence.heures / 100)} h d\u2019absence / ${nombreFr(e.absence.heuresDuMois! / 100)} h prévues dans le mois (heures réelles)`
        : x.nombre !== null && x.taux !== null
          ? `${nombreFr(x.nombre)} h × ${nombreFr(x.taux)} €`
          : '';
    lignes.push([x.libelle, montantTexte(x.montant), detail]);
  }
  lignes.push(['Salaire brut', montantTexte(b.brut), 'somme des éléments de rémunération']);
  if (pss) lignes.push(['Plafond mensuel de la sécurité sociale', montantTexte(versCentimes(pss)), 'tranche 1 = brut dans la limite du plafond ; tranche 2 = au-delà, jusqu\u2019à 8 plafonds']);
  for (const l of b.lignes) {
    const parts = [l.montantSalarial !== null ? `salarié ${montantTexte(l.montantSalarial)}` : '', l.montantPatronal !== null ? `employeur ${montantTexte(l.montantPatronal)}` : '']
      .filter(Boolean)
      .join(' ; ');
    const taux = [l.tauxSalarial !== null ? `${nombreFr(l.tauxSalarial)} %` : '', l.tauxPatronal !== null ? `${nombreFr(l.tauxPatronal)} %` : ''].filter(Boolean).join(' / ');
    lignes.push([l.libelle, parts, l.base !== null ? `base ${montantTexte(l.base)}${taux ? ` × ${taux}` : ''}` : 'montant forfaitaire']);
  }
  if (b.reduction) {
    lignes.push([
      b.reduction.formule === 'RGDU' ? 'Réduction générale dégressive unique' : 'Réduction générale',
      '',
      `SMIC de référence du mois ${montantTexte(b.reduction.smicReference)} ; coefficient ${nombreFr(b.reduction.coefficient)} (arrondi à 4 décimales, CSS art. D. 241-7)`,
    ]);
  }
  lignes.push(
    ['Total des cotisations', `salarié ${montantTexte(b.totalCotisationsSalariales)} ; employeur ${montantTexte(b.totalCotisationsPatronales)}`, 'somme des lignes'],
    ['Net à payer avant impôt', montantTexte(b.netAPayerAvantImpot), 'brut − cotisations salariales − avantages en nature + éléments non soumis − retenues'],
    ['Net imposable', montantTexte(b.netImposable), 'brut − heures supplémentaires exonérées + part patronale de la complémentaire santé − cotisations déductibles'],
    ['Impôt prélevé à la source', montantTexte(b.impotPreleve), `net imposable × ${nombreFr(b.tauxPas)} %`],
    ['Net payé', montantTexte(b.netPaye), 'net à payer avant impôt − impôt prélevé'],
    ['Montant net social', montantTexte(b.netSocial), 'brut − cotisations salariales'],
    ['Coût total pour l\u2019employeur', montantTexte(b.coutEmployeur), 'brut + cotisations patronales + éléments non soumis'],
    ...(ecritureDePaie(e, b) ?? []).filter((l) => l.debit || l.credit).map((l) => [`Compte ${l.compte}`, l.debit ? `débit ${montantTexte(l.debit)}` : `crédit ${montantTexte(l.credit)}`, l.intitule]),
    ...b.avertissements.map((a) => ['Remarque', '', a]),
  );
  return lignes;
}

/** The overtime of the month, every hour at +25 %: null when none is beyond the 8th hour of a week. */
function toutA25(e: EntreeBulletin): EntreeBulletin | null {
  const h = e.heuresSupplementaires;
  if (!h) return null;
  const total = h.semaines ? h.semaines.reduce((a, x) => a + x, 0) : h.a25 + h.a50;
  const a25 = h.semaines ? h.semaines.reduce((a, x) => a + Math.min(x, 800), 0) : h.a25;
  return total === a25 ? null : { ...e, heuresSupplementaires: { a25: total, a50: 0 } };
}

/** The payslip's answers in the order of « Travail »: its lines' answers by family (each with the line's label), then the totals and the entry. */
function formeDesReponses(e: EntreeBulletin, p: ParametresPaie): FormeReponse[] {
  const b = calculerBulletin(e, p);
  const element = (x: { code: string; libelle: string }): FormeReponse => ({ nom: nomPaie(x.code), famille: 'element', ligne: x.libelle });
  const forme: FormeReponse[] = b.elements
    .filter((x) => avantLeBrut(x.code))
    .flatMap((x) => (/^hs\d+$/.test(x.code) ? [{ nom: nomPaie(x.code, 'HEURES'), famille: 'heures', ligne: x.libelle }, element(x)] : [element(x)]));
  forme.push({ nom: NOMS_TOTAUX.brut });
  for (const [, lignes] of parRubrique(b))
    for (const l of lignes) {
      if (l.base !== null) forme.push({ nom: nomPaie(l.code, 'BASE'), famille: 'base', ligne: l.libelle });
      if (l.montantSalarial !== null) forme.push({ nom: nomPaie(l.code, 'SAL'), famille: 'salarial', ligne: l.libelle });
      if (l.montantPatronal !== null) forme.push({ nom: nomPaie(l.code, 'PAT'), famille: 'patronal', ligne: l.libelle });
    }
  forme.push({ nom: NOMS_TOTAUX.totalSalarial }, { nom: NOMS_TOTAUX.totalPatronal });
  if (e.avantagesNature.length) forme.push({ nom: NOMS_TOTAUX.avantagesDeduits });
  forme.push(...b.elements.filter((x) => !avantLeBrut(x.code)).map(element));
  const { netAPayer, impot, netPaye, netSocial, netImposable, coutEmployeur } = NOMS_TOTAUX;
  forme.push(...[netAPayer, impot, netPaye, netSocial, netImposable, coutEmployeur].map((nom) => ({ nom })));
  const ecriture = ecritureDePaie(e, b);
  if (ecriture) forme.push({ nom: NOM_ECRITURE, unites: ecriture.map((l) => `compte ${l.compte}`) });
  return forme;
}

/**
 * Knock-on errors of the payslip, each from the student's own typed values: the gross from the
 * elements; a base from the gross (the whole gross, up to 1 or 4 PSS, the CSG/CRDS base); each
 * amount from its line's base and rate; the totals from the amounts; the nets, the tax and the
 * employer's cost from the gross and the totals.
 */
function enchainements(lu: Lu, e: EntreeBulletin, p: ParametresPaie): Enchainement[] {
  const b = calculerBulletin(e, p);
  const c = (nom: string) => centimesSaisis(lu(nom));
  const res: Enchainement[] = [];
  const si = (nom: string, valeur: number | null, depuis: string[]) => {
    if (valeur !== null) res.push({ nom, valeur: versEuros(valeur), depuis });
  };
  const tous = (noms: string[]) => {
    const v = noms.map(c);
    return v.every((x) => x !== null) ? somme(v as number[]) : null;
  };
  const avant = b.elements.filter((x) => avantLeBrut(x.code)).map((x) => nomPaie(x.code));
  si(NOMS_TOTAUX.brut, tous(avant), avant);
  const brut = c(NOMS_TOTAUX.brut);
  const pss = versCentimes(p.pss?.valeur ?? 0);
  const montantHs = somme(b.elements.filter((x) => /^hs\d+$/.test(x.code)).map((x) => x.montant));
  const assiette = (r: number) => assietteCsg(r, pss, p.csg_assiette?.valeur ?? 100);
  for (const l of b.lignes) {
    const nomBase = nomPaie(l.code, 'BASE');
    if (l.base !== null && brut !== null) {
      const depuisBrut =
        l.base === b.brut
          ? brut
          : pss && l.base === Math.min(b.brut, pss)
            ? Math.min(brut, pss)
            : pss && l.base === Math.min(b.brut, 4 * pss)
              ? Math.min(brut, 4 * pss)
              : /^csg_(deductible|crds_non_deductible)$/.test(l.code)
                ? l.base - assiette(b.brut - montantHs) + assiette(brut - montantHs)
                : null;
      si(nomBase, depuisBrut, [NOMS_TOTAUX.brut]);
    }
    const base = l.base === null ? null : c(nomBase);
    for (const [cote, taux, montant] of [
      ['SAL', l.tauxSalarial, l.montantSalarial],
      ['PAT', l.tauxPatronal, l.montantPatronal],
    ] as const)
      // only where the amount is the base × the rate (not a reduction computed otherwise)
      if (base !== null && taux !== null && montant !== null && l.base !== null && appliquerTaux(l.base, taux) === montant) si(nomPaie(l.code, cote), appliquerTaux(base, taux), [nomBase]);
  }
  const salariales = b.lignes.filter((l) => l.montantSalarial !== null).map((l) => nomPaie(l.code, 'SAL'));
  const patronales = b.lignes.filter((l) => l.montantPatronal !== null).map((l) => nomPaie(l.code, 'PAT'));
  si(NOMS_TOTAUX.totalSalarial, tous(salariales), salariales);
  si(NOMS_TOTAUX.totalPatronal, tous(patronales), patronales);
  const totalSal = c(NOMS_TOTAUX.totalSalarial);
  const totalPat = c(NOMS_TOTAUX.totalPatronal);
  const apres = b.elements.filter((x) => !avantLeBrut(x.code)).map((x) => nomPaie(x.code));
  const retenues = tous([...apres, ...(e.avantagesNature.length ? [NOMS_TOTAUX.avantagesDeduits] : [])]);
  const nonSoumis = somme(e.primes.filter((x) => !x.soumise).map((x) => x.montant));
  if (brut !== null && totalSal !== null) {
    si(NOMS_TOTAUX.netSocial, brut - totalSal, [NOMS_TOTAUX.brut, NOMS_TOTAUX.totalSalarial]);
    if (retenues !== null) si(NOMS_TOTAUX.netAPayer, brut - totalSal + retenues, [NOMS_TOTAUX.brut, NOMS_TOTAUX.totalSalarial]);
    const nonDeductibles = tous(b.lignes.filter((l) => l.rubrique === 'csg_non_deductible' && l.montantSalarial !== null).map((l) => nomPaie(l.code, 'SAL')));
    if (nonDeductibles !== null)
      si(NOMS_TOTAUX.netImposable, netImposableDe(brut, montantHs, e.complementaireSante.employeur, totalSal, nonDeductibles), [NOMS_TOTAUX.brut, NOMS_TOTAUX.totalSalarial]);
  }
  if (brut !== null && totalPat !== null) si(NOMS_TOTAUX.coutEmployeur, brut + totalPat + nonSoumis, [NOMS_TOTAUX.brut, NOMS_TOTAUX.totalPatronal]);
  const imposable = c(NOMS_TOTAUX.netImposable);
  if (imposable !== null) si(NOMS_TOTAUX.impot, appliquerTaux(Math.max(0, imposable), e.tauxPas), [NOMS_TOTAUX.netImposable]);
  const net = c(NOMS_TOTAUX.netAPayer);
  const impot = c(NOMS_TOTAUX.impot);
  if (net !== null && impot !== null) si(NOMS_TOTAUX.netPaye, net - impot, [NOMS_TOTAUX.netAPayer, NOMS_TOTAUX.impot]);
  // the entry from the typed gross, amounts, employer's total, net paid and tax
  const netPaye = c(NOMS_TOTAUX.netPaye);
  const montants = b.lignes.map((l) => ({
    ...l,
    montantSalarial: l.montantSalarial === null ? null : c(nomPaie(l.code, 'SAL')),
    montantPatronal: l.montantPatronal === null ? null : c(nomPaie(l.code, 'PAT')),
  }));
  const complets = montants.every((l, i) => (l.montantSalarial === null) === (b.lignes[i]!.montantSalarial === null) && (l.montantPatronal === null) === (b.lignes[i]!.montantPatronal === null));
  if (brut !== null && totalPat !== null && netPaye !== null && impot !== null && complets) {
    const ecriture = lignesDeLEcriture(e, { brut, lignes: montants, totalCotisationsPatronales: totalPat, netPaye, impotPreleve: impot });
    if (ecriture)
      res.push({
        nom: NOM_ECRITURE,
        valeur: ecriture.map((l) => [l.debit ? versEuros(l.debit) : null, l.credit ? versEuros(l.credit) : null]),
        depuis: [NOMS_TOTAUX.brut, NOMS_TOTAUX.totalPatronal, NOMS_TOTAUX.netPaye, NOMS_TOTAUX.impot],
      });
  }
  return res;
}

const variantes: SpecExercice<EntreeBulletin, ParametresPaie>['variantes'] = {
  csg_assiette: (e, p) => attendus(e, avecSurcharges(p, { csg_assiette: 100 })),
  majorations: (e, p) => {
    const x = toutA25(e);
    return x && attendus(x, p);
  },
  absence: (e, p) => (e.absence ? attendus({ ...e, absence: undefined }, p) : null),
  plafond: (e, p) => attendus(e, avecSurcharges(p, { pss: 1e9 })),
  acompte_oublie: (e, p) => {
    const sans = e.retenues.filter((r) => !/^acompte/i.test(r.libelle));
    return sans.length < e.retenues.length ? reponsesChangees(attendus({ ...e, retenues: sans }, p), attendus(e, p), [NOMS_TOTAUX.netAPayer, NOMS_TOTAUX.netPaye]) : null;
  },
  ecriture_sens: (e, p) => {
    const a = attendus(e, p)[NOM_ECRITURE] as (number | null)[][] | undefined;
    return a ? { [NOM_ECRITURE]: a.map(([d, c]) => [c ?? null, d ?? null]) } : null;
  },
};

/**
 * The corrigé's model of the bulletin, with the énoncé's and the answers' names, and the cells of
 * « Paramètres »: each pay element from the fiche (the overtime from the hours the student counted,
 * at the hourly rate × 1,25 or 1,5), the gross as their sum; each contribution's base (the gross,
 * tranche 1 and 2 under the PSS, 4 PSS, the CSG/CRDS base) and its amounts at the rates the bulletin
 * shows beside them; the overtime reduction, the flat deduction and the réduction générale (its
 * coefficient computed from the SMIC of reference) in full; the totals, the nets, the tax, the cost
 * and the payroll entry. The overtime hours at each rate (a count the student may type) are summed
 * from the weeks of the relevé.
 */
function formulesDuCorrige(e: EntreeBulletin, p: ParametresPaie, ou: OuNom): Record<string, (string | null)[][]> {
  const zp = ou(NOM_PARAMETRES);
  if (!zp || !ou(NOMS_TOTAUX.brut)) return {};
  const b = calculerBulletin(e, p);
  const param = (code: Parameters<typeof indexParametre>[1]) => `${feuilleDansFormule(zp.feuille)}${lettreColonne(zp.gauche + 1)}${zp.haut + indexParametre(p, code) - 1}`;
  /** the rate the bulletin shows on the row of answer `nom`, in its column `col` (C: salarial, E: patronal) */
  const tauxDe = (nom: string, col: 'C' | 'E') => `${col}${ou(nom)!.haut}`;
  const existe = (nom: string) => ou(nom) !== undefined;
  const res: Record<string, (string | null)[][]> = {};
  const poser = (nom: string, formule: string | null) => {
    if (formule !== null && existe(nom)) res[nom] = [[formule]];
  };
  const enonce = (bloc: string, cle: string, i: number) => {
    const z = ou(bloc)!;
    return colonneDe(z, colonnesDuBloc(blocsPaie(e), bloc), cle).cellule(i);
  };
  const brut = NOMS_TOTAUX.brut;
  const base = nomPaie('salaire_base');
  const horaire = e.tauxHoraire !== undefined ? 'PAIE_Remuneration' : `PAIE_Remuneration/PAIE_Horaire`;
  const heures = ['hs25', 'hs50'].filter((c) => existe(nomPaie(c))).map((c) => nomPaie(c, 'HEURES'));
  const hs = ['hs25', 'hs50'].filter((c) => existe(nomPaie(c))).map((c) => nomPaie(c));
  const montantHs = hs.length ? `(${hs.join('+')})` : '0';
  // the pay elements, then the gross
  poser(base, e.tauxHoraire !== undefined ? 'ROUND(PAIE_Horaire*PAIE_Remuneration,2)' : 'PAIE_Remuneration');
  // the hours at each rate, summed from the relevé: a week's first 8 hours at 25 %, the others at 50 %
  const releve = blocsPaie(e).find((x) => x.nom === 'PAIE_Heures_Sup');
  if (releve && 'lignes' in releve && releve.lignes.length && ou('PAIE_Heures_Sup')) {
    const lignes = releve.lignes as { majoration?: string }[];
    const h = (i: number) => enonce('PAIE_Heures_Sup', 'heures', i);
    const a = (m: '25' | '50') => lignes.map((l, i) => (l.majoration === m ? h(i) : l.majoration === undefined ? (m === '25' ? `MIN(${h(i)},8)` : `MAX(0,${h(i)}-8)`) : null)).filter(Boolean);
    poser(nomPaie('hs25', 'HEURES'), a('25').join('+') || null);
    poser(nomPaie('hs50', 'HEURES'), a('50').join('+') || null);
  }
  poser(nomPaie('hs25'), `ROUND(${horaire}*${nomPaie('hs25', 'HEURES')}*1.25,2)`);
  poser(nomPaie('hs50'), `ROUND(${horaire}*${nomPaie('hs50', 'HEURES')}*1.5,2)`);
  if (e.absence) {
    const diviseur = e.absence.methode === 'heures_reelles' ? enonce('PAIE_Absences', 'heuresDuMois', 0) : 'PAIE_Horaire';
    poser(nomPaie('absence'), `-ROUND(${base}*${enonce('PAIE_Absences', 'heures', 0)}/${diviseur},2)`);
  }
  const soumises = e.primes.flatMap((x, i) => (x.soumise ? [i] : []));
  const nonSoumises = e.primes.flatMap((x, i) => (x.soumise ? [] : [i]));
  soumises.forEach((i, k) => poser(nomPaie(`prime${k + 1}`), enonce('PAIE_Elements', 'montant', i)));
  e.avantagesNature.forEach((_, k) => poser(nomPaie(`avantage${k + 1}`), enonce('PAIE_Elements', 'montant', e.primes.length + k)));
  const elements = b.elements.filter((x) => avantLeBrut(x.code)).map((x) => nomPaie(x.code));
  poser(brut, elements.join('+'));
  // the bases
  const pss = param('pss');
  const t1 = `MIN(${brut},${pss})`;
  const t2 = `MAX(0,MIN(${brut},8*${pss})-${pss})`;
  const quatre = `MIN(${brut},4*${pss})`;
  const assiette = (x: string) => `ROUND(MIN(${x},4*${pss})*${param('csg_assiette')}/100,2)+MAX(0,${x}-4*${pss})`;
  const prevoyance = ['PAIE_Sante_Employeur', ...(existe(nomPaie('prevoyance_cadres', 'PAT')) ? [nomPaie('prevoyance_cadres', 'PAT')] : [])].join('+');
  const bases: Record<string, string> = {
    prevoyance_cadres: t1,
    vieillesse_plafonnee: t1,
    retraite_t1: t1,
    ceg_t1: t1,
    retraite_t2: t2,
    ceg_t2: t2,
    cet: `MIN(${brut},8*${pss})`,
    chomage: quatre,
    ags: quatre,
    apec: quatre,
    fnal: e.entreprise.effectif < 50 ? t1 : brut,
    forfait_social: prevoyance,
    csg_deductible: `${assiette(hs.length ? `${brut}-${montantHs}` : brut)}+${prevoyance}`,
    csg_crds_non_deductible: nomPaie('csg_deductible', 'BASE'),
    csg_crds_hs: assiette(montantHs),
    reduction_hs: montantHs,
  };
  for (const l of b.lignes) {
    const [nb, ns, np] = [nomPaie(l.code, 'BASE'), nomPaie(l.code, 'SAL'), nomPaie(l.code, 'PAT')];
    if (l.base !== null) poser(nb, bases[l.code] ?? brut);
    if (l.code === 'complementaire_sante') {
      poser(ns, 'PAIE_Sante_Salarie');
      poser(np, 'PAIE_Sante_Employeur');
    } else if (l.code === 'reduction_hs') {
      // the overtime pay × the employee's effective old-age rate, at most the tranche 1 rates
      const vieillesse = b.lignes.filter((x) => x.rubrique === 'retraite' && x.montantSalarial !== null).map((x) => nomPaie(x.code, 'SAL'));
      const plafond = (['vieillesse_plafonnee_salarial', 'vieillesse_deplafonnee_salarial', 'retraite_t1_salarial', 'ceg_t1_salarial'] as const).map(param).join('+');
      poser(ns, `-MIN(ROUND(${montantHs}*(${vieillesse.join('+')})/${brut},2),ROUND(${montantHs}*(${plafond})/100,2))`);
    } else if (l.code === 'deduction_forfaitaire_hs') {
      poser(np, `-ROUND((${heures.join('+')})*${param(e.entreprise.effectif < 20 ? 'hs_deduction_forfaitaire' : 'hs_deduction_forfaitaire_20_et_plus')},2)`);
    } else if (l.code === 'reduction_generale') {
      poser(np, `-ROUND(${brut}*${coefficientReduction(e, p, param, { brut, base, heures })},2)`);
    } else {
      if (l.montantSalarial !== null) poser(ns, `ROUND(${nb}*${tauxDe(ns, 'C')}/100,2)`);
      if (l.montantPatronal !== null) poser(np, `ROUND(${nb}*${tauxDe(np, 'E')}/100,2)`);
    }
  }
  // the totals and the nets
  const colonne = (col: 'D' | 'F') => {
    const noms = b.lignes.map((l) => nomPaie(l.code, col === 'D' ? 'SAL' : 'PAT')).filter(existe);
    const lignes = noms.map((n) => ou(n)!.haut);
    return `SUM(${col}${Math.min(...lignes)}:${col}${Math.max(...lignes)})`;
  };
  poser(NOMS_TOTAUX.totalSalarial, colonne('D'));
  poser(NOMS_TOTAUX.totalPatronal, colonne('F'));
  poser(NOMS_TOTAUX.avantagesDeduits, `-(${e.avantagesNature.map((_, k) => nomPaie(`avantage${k + 1}`)).join('+')})`);
  nonSoumises.forEach((i, k) => poser(nomPaie(`non_soumis${k + 1}`), enonce('PAIE_Elements', 'montant', i)));
  e.retenues.forEach((_, k) => poser(nomPaie(`retenue${k + 1}`), `-${enonce('PAIE_Retenues', 'montant', k)}`));
  const sousLeBrut = b.elements.filter((x) => !avantLeBrut(x.code)).map((x) => `+${nomPaie(x.code)}`);
  const [totalSal, totalPat] = [NOMS_TOTAUX.totalSalarial, NOMS_TOTAUX.totalPatronal];
  poser(NOMS_TOTAUX.netAPayer, `${brut}-${totalSal}${e.avantagesNature.length ? `+${NOMS_TOTAUX.avantagesDeduits}` : ''}${sousLeBrut.join('')}`);
  const nonDeductibles = ['csg_crds_non_deductible', 'csg_crds_hs'].map((c) => nomPaie(c, 'SAL')).filter(existe);
  poser(NOMS_TOTAUX.netImposable, `${brut}${hs.length ? `-${montantHs}` : ''}+PAIE_Sante_Employeur-(${totalSal}-${nonDeductibles.join('-')})`);
  poser(NOMS_TOTAUX.impot, `ROUND(MAX(0,${NOMS_TOTAUX.netImposable})*${NOMS_ENONCE.tauxPas}/100,2)`);
  poser(NOMS_TOTAUX.netPaye, `${NOMS_TOTAUX.netAPayer}-${NOMS_TOTAUX.impot}`);
  poser(NOMS_TOTAUX.netSocial, `${brut}-${totalSal}`);
  const nonSoumis = nonSoumises.map((_, k) => `+${nomPaie(`non_soumis${k + 1}`)}`).join('');
  poser(NOMS_TOTAUX.coutEmployeur, `${brut}+${totalPat}${nonSoumis}`);
  // the payroll entry: each account's side, an account not moved left empty
  const ecriture = ecritureDePaie(e, b);
  if (ecriture && existe(NOM_ECRITURE)) {
    const part = (autres: boolean) =>
      b.lignes
        .filter((l) => AUTRES_ORGANISMES.has(l.code) === autres)
        .flatMap((l) => [nomPaie(l.code, 'SAL'), nomPaie(l.code, 'PAT')])
        .filter(existe)
        .join('+');
    const acompte = (oui: boolean) => e.retenues.flatMap((r, k) => (/^acompte/i.test(r.libelle) === oui ? [enonce('PAIE_Retenues', 'montant', k)] : [])).join('+');
    const formules: Record<string, [string | null, string | null]> = {
      '641': [`${brut}${nonSoumis}`, null],
      '645': [totalPat, null],
      '421': [null, NOMS_TOTAUX.netPaye],
      '425': [null, acompte(true) || null],
      '431': [null, part(false)],
      '437': [null, part(true)],
      '4421': [null, NOMS_TOTAUX.impot],
      '467': [null, acompte(false) || null],
    };
    res[NOM_ECRITURE] = ecriture.map((l) => {
      const [d, c] = formules[l.compte] ?? [null, null];
      return [l.debit ? d : null, l.credit ? c : null];
    });
  }
  return res;
}

/**
 * The réduction générale's coefficient in a formula (bulletin.ts, exonerations): the SMIC of
 * reference (hourly SMIC × the legal annual hours / 12, prorated by the pay kept despite an absence
 * and by the contract's hours over 151,67, plus the overtime hours), then the RGDU's formula (or
 * the réduction générale's before 2026), to four decimals.
 */
function coefficientReduction(e: EntreeBulletin, p: ParametresPaie, param: (code: Parameters<typeof indexParametre>[1]) => string, n: { brut: string; base: string; heures: string[] }): string {
  const smicH = param('smic_horaire_reduction');
  const prorata = e.absence && e.absence.heures > 0 ? `*(${n.base}+${nomPaie('absence')})/${n.base}` : '';
  const smic = `ROUND(${smicH}*${param('duree_legale_annuelle')}/12${prorata}*PAIE_Horaire/151.67${n.heures.length ? `+${smicH}*(${n.heures.join('+')})` : ''},2)`;
  const seuil = `${param('rg_seuil_smic')}*${smic}/${n.brut}`;
  if (p.rgdu_tmin?.valeur !== null && p.rgdu_tmin?.valeur !== undefined) {
    const [tmin, tdelta] = [param('rgdu_tmin'), param(e.entreprise.effectif < 50 ? 'rgdu_tdelta_moins_50' : 'rgdu_tdelta_50_et_plus')];
    return `IF(${n.brut}>=${param('rg_seuil_smic')}*${smic},0,ROUND(MIN(${tmin}+${tdelta},${tmin}+${tdelta}*(0.5*(${seuil}-1))^${param('rgdu_puissance')}),4))`;
  }
  const t = param(e.entreprise.effectif < 50 ? 'rg_t_moins_50' : 'rg_t_50_et_plus');
  return `ROUND(MAX(0,MIN(${t},${t}/0.6*(${seuil}-1))),4)`;
}

export const EXERCICE_PAIE: SpecExercice<EntreeBulletin, ParametresPaie> = {
  gabarit: GABARIT,
  largeursEnonce: [24, 16, 16, 12, 12, 12, 12],
  blocs: blocsPaie,
  structure: structurePaie,
  donnees: donneesPaie,
  parametresParDefaut: parametresDuCas,
  feuilleParametres: feuilleParametresPaie,
  lireParametres: lireParametresPaie,
  feuilleTravail,
  formeDesReponses,
  attendus,
  enchainements,
  formulesDuCorrige,
  // the rates the bulletin shows: the reduced one or the full one, as the gross compares with the SMIC
  regimes: (e, p) => calculerBulletin(e, p).lignes.map((l) => [l.code, l.parametresSalarial, l.parametresPatronal]),
  variantes,
  justification,
  largeursJustification: [34, 26, 70],
};
