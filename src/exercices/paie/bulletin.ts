import { TABLES_OFFICIELLES, type TablesDatees } from '../../domain/parametres/tables';
import { appliquerTaux as appliquer, Centimes, diviserArrondi, somme, versCentimes } from '../../domain/monnaie';
import { ErreurDonnees } from '../../domain/validation';
import { avecSurcharges, parametresPaie, type CodePaie, type ParametresPaie } from '../../domain/parametres/paie';
import { EntreeBulletin } from './entree';

/**
 * The payslip (bulletin de paie) computed to the cent, in the order of the « bulletin clarifié »
 * (arrêté du 25 février 2016). Every amount is an integer number of cents; each line is rounded to
 * the cent (halves away from zero) the way a payslip prints it, and totals are sums of printed lines.
 */

export const RUBRIQUES = {
  sante: 'SANTÉ',
  atmp: 'ACCIDENTS DU TRAVAIL – MALADIES PROFESSIONNELLES',
  retraite: 'RETRAITE',
  famille: 'FAMILLE',
  chomage: 'ASSURANCE CHÔMAGE',
  autres: "AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR",
  csg_deductible: "CSG DÉDUCTIBLE DE L'IMPÔT SUR LE REVENU",
  csg_non_deductible: "CSG/CRDS NON DÉDUCTIBLE DE L'IMPÔT SUR LE REVENU",
  exonerations: 'EXONÉRATIONS, ÉCRÊTEMENTS ET ALLÈGEMENTS DE COTISATIONS',
} as const;
export type Rubrique = keyof typeof RUBRIQUES;

/** A pay element above the gross: hours × hourly rate = amount (negative for an absence). */
export interface ElementRemuneration {
  code: string;
  libelle: string;
  nombre: number | null; // hours
  taux: number | null; // €/h, 4 decimals shown
  montant: Centimes;
}

/** A contribution line: base, employee rate and amount, employer rate and amount. */
export interface LigneBulletin {
  code: string;
  rubrique: Rubrique;
  libelle: string;
  base: Centimes | null;
  tauxSalarial: number | null; // percent
  montantSalarial: Centimes | null;
  tauxPatronal: number | null;
  montantPatronal: Centimes | null;
  /** codes of the parameters whose sum is the rate (empty: a rate of the case, or computed) */
  parametresSalarial: CodePaie[];
  parametresPatronal: CodePaie[];
}

export interface Bulletin {
  periode: string;
  elements: ElementRemuneration[];
  brut: Centimes;
  lignes: LigneBulletin[];
  totalCotisationsSalariales: Centimes;
  totalCotisationsPatronales: Centimes;
  netSocial: Centimes;
  netAPayerAvantImpot: Centimes;
  netImposable: Centimes;
  tauxPas: number;
  impotPreleve: Centimes;
  netPaye: Centimes;
  coutEmployeur: Centimes;
  /** What the réduction générale rests on, for the justification. */
  reduction: { smicReference: Centimes; coefficient: number; formule: 'réduction générale' | 'RGDU' } | null;
  avertissements: string[];
}

/** Elements that make up the gross; the others (not subject to contributions, deductions) come after the contributions. */
export const avantLeBrut = (code: string): boolean => /^(salaire_base|hs\d+|absence|prime\d+|avantage\d+)$/.test(code);

/** Coefficient rounded to four decimals, halves up (CSS, art. D. 241-7: « arrondi à quatre décimales »). */
const quatreDecimales = (x: number): number => Math.round(x * 10000 + 1e-9) / 10000;

/** The pay elements above the gross, and what the later sections read of them. */
interface Remuneration {
  elements: ElementRemuneration[];
  base: Centimes; // salaire de base
  h: number; // monthly hours, hundredths
  heuresSup: number; // overtime hours (25 % and 50 %), hundredths
  montantHs: Centimes;
  retenue: Centimes; // absence
  brut: Centimes;
}

/** Rémunération brute: base, overtime (per week beyond 8 hours at 50 %), absence, subject bonuses and benefits in kind. */
function remunerationBrute(e: EntreeBulletin): Remuneration {
  const h = e.horaireMensuel; // hundredths of an hour
  // Hourly rate as a fraction num / den of cents per hour, so that nothing is rounded before the lines.
  const base: Centimes = e.tauxHoraire !== undefined ? diviserArrondi(e.tauxHoraire * h, 10000) : (e.salaireBase as number);
  const horaire = e.tauxHoraire !== undefined ? { num: e.tauxHoraire, den: 100 } : { num: base * 100, den: h };
  const tauxAffiche = (majoration: number) => Math.round((horaire.num / horaire.den) * (100 + majoration)) / 10000;
  const heuresMajorees = (heures: number, majoration: number): Centimes => diviserArrondi(horaire.num * heures * (100 + majoration), horaire.den * 100 * 100);

  const elements: ElementRemuneration[] = [{ code: 'salaire_base', libelle: 'Salaire de base', nombre: h / 100, taux: tauxAffiche(0), montant: base }];
  let a25 = 0;
  let a50 = 0;
  const hs = e.heuresSupplementaires;
  if (hs?.semaines) {
    for (const s of hs.semaines) {
      a25 += Math.min(s, 800);
      a50 += Math.max(0, s - 800);
    }
  } else if (hs) {
    a25 = hs.a25;
    a50 = hs.a50;
  }
  const hs25 = heuresMajorees(a25, 25);
  const hs50 = heuresMajorees(a50, 50);
  if (a25) elements.push({ code: 'hs25', libelle: 'Heures supplémentaires à 25 %', nombre: a25 / 100, taux: tauxAffiche(25), montant: hs25 });
  if (a50) elements.push({ code: 'hs50', libelle: 'Heures supplémentaires à 50 %', nombre: a50 / 100, taux: tauxAffiche(50), montant: hs50 });

  let retenue = 0;
  if (e.absence && e.absence.heures > 0) {
    const diviseur = e.absence.methode === 'heures_reelles' ? (e.absence.heuresDuMois as number) : h;
    retenue = diviserArrondi(base * e.absence.heures, diviseur);
    elements.push({ code: 'absence', libelle: e.absence.motif, nombre: e.absence.heures / 100, taux: e.absence.methode === 'horaire_mensuel' ? tauxAffiche(0) : null, montant: -retenue });
  }
  for (const [i, prime] of e.primes.filter((x) => x.soumise).entries()) elements.push({ code: `prime${i + 1}`, libelle: prime.libelle, nombre: null, taux: null, montant: prime.montant });
  for (const [i, an] of e.avantagesNature.entries()) elements.push({ code: `avantage${i + 1}`, libelle: `Avantage en nature : ${an.libelle}`, nombre: null, taux: null, montant: an.montant });
  const brut = somme(elements.map((x) => x.montant));
  if (brut <= 0) throw new ErreurDonnees('Salaire brut nul ou négatif', [`le salaire brut calculé vaut ${brut / 100} € : vérifier l'absence et le salaire de base`]);
  return { elements, base, h, heuresSup: a25 + a50, montantHs: hs25 + hs50, retenue, brut };
}

/** A rate and where it comes from: the sum of parameters (the sheet shows it as a formula), or a number of the case. */
type Taux = { valeur: number; codes: CodePaie[] };

/** What the contribution sections read: the case, its gross pay, the parameters of the period and the bases. */
class Contexte {
  readonly manquants: string[] = [];
  readonly lignes: LigneBulletin[] = [];
  readonly cadre: boolean;
  readonly effectif: number;
  readonly pss: Centimes;
  readonly t1: Centimes;
  readonly t2: Centimes;
  readonly quatrePss: Centimes;
  readonly smicCourant: Centimes;

  constructor(
    readonly e: EntreeBulletin,
    readonly r: Remuneration,
    private readonly p: ParametresPaie,
  ) {
    this.cadre = e.salarie.statut === 'cadre';
    this.effectif = e.entreprise.effectif;
    const brut = r.brut;
    this.pss = versCentimes(this.v('pss'));
    this.t1 = Math.min(brut, this.pss);
    this.t2 = Math.max(0, Math.min(brut, 8 * this.pss) - this.pss);
    this.quatrePss = Math.min(brut, 4 * this.pss);
    this.smicCourant = this.smicReference(this.v('smic_horaire'));
  }

  /** A parameter the payslip needs: a missing one is noted (all are reported together) and counts 0. */
  v(code: CodePaie): number {
    const x = this.p[code]?.valeur;
    if (x === null || x === undefined) {
      this.manquants.push(code);
      return 0;
    }
    return x;
  }
  facultatif(code: CodePaie): number | null {
    return this.p[code]?.valeur ?? null;
  }
  P(...codes: CodePaie[]): Taux {
    return { valeur: codes.reduce((a, c) => a + this.v(c), 0), codes };
  }

  /** Monthly SMIC = hourly × 1 820 / 12, prorated by the pay kept despite an absence, plus the overtime hours (CSS, art. D. 241-7). */
  smicReference(horaireSmic: number): Centimes {
    const { base, retenue, h, heuresSup } = this.r;
    const smicMensuel = (versCentimes(horaireSmic) * this.v('duree_legale_annuelle')) / 12;
    const prorata = base > 0 ? (base - retenue) / base : 1;
    return Math.round(smicMensuel * prorata * (h / 15167) + (versCentimes(horaireSmic) * heuresSup) / 100);
  }

  /** Reduced employer rate up to a multiple of the SMIC, where the year still has one (maladie, AF in 2025). */
  tauxSelonSmic(plein: CodePaie, reduit: CodePaie, seuil: CodePaie): CodePaie {
    const [r, s] = [this.facultatif(reduit), this.facultatif(seuil)];
    return r !== null && s !== null && this.r.brut <= Math.round(s * this.smicCourant) ? reduit : plein;
  }

  ligne(code: string, rubrique: Rubrique, libelle: string, assiette: Centimes, salarial: Taux | null, patronal: Taux | null): void {
    this.lignes.push({
      code,
      rubrique,
      libelle,
      base: assiette,
      tauxSalarial: salarial && salarial.valeur,
      montantSalarial: salarial && appliquer(assiette, salarial.valeur),
      tauxPatronal: patronal && patronal.valeur,
      montantPatronal: patronal && appliquer(assiette, patronal.valeur),
      parametresSalarial: salarial?.codes ?? [],
      parametresPatronal: patronal?.codes ?? [],
    });
  }

  forfait(code: string, rubrique: Rubrique, libelle: string, salarial: Centimes | null, patronal: Centimes | null): void {
    this.lignes.push({
      code,
      rubrique,
      libelle,
      base: null,
      tauxSalarial: null,
      montantSalarial: salarial,
      tauxPatronal: null,
      montantPatronal: patronal,
      parametresSalarial: [],
      parametresPatronal: [],
    });
  }
}

const duCas = (valeur: number): Taux => ({ valeur, codes: [] });

/** SANTÉ; returns the employer's health and welfare contributions (in the CSG base and the forfait social). */
function sante(c: Contexte): Centimes {
  const { brut } = c.r;
  c.ligne('maladie', 'sante', 'Sécurité sociale - Maladie Maternité Invalidité Décès', brut, null, c.P(c.tauxSelonSmic('maladie_patronal', 'maladie_patronal_reduit', 'maladie_seuil_reduit')));
  const complementaire = c.e.complementaireSante;
  if (complementaire.salarie || complementaire.employeur) c.forfait('complementaire_sante', 'sante', 'Complémentaire santé', complementaire.salarie, complementaire.employeur);
  if (c.cadre) c.ligne('prevoyance_cadres', 'sante', 'Prévoyance des cadres (tranche 1)', c.t1, null, c.P('prevoyance_cadres_patronal'));
  return complementaire.employeur + (c.lignes.find((l) => l.code === 'prevoyance_cadres')?.montantPatronal ?? 0);
}

/** ACCIDENTS DU TRAVAIL, RETRAITE, FAMILLE, ASSURANCE CHÔMAGE. */
function atmpRetraiteFamilleChomage(c: Contexte): void {
  const { brut } = c.r;
  const { t1, t2, quatrePss } = c;
  c.ligne('atmp', 'atmp', 'Accidents du travail - Maladies professionnelles', brut, null, c.e.entreprise.tauxAtmp !== undefined ? duCas(c.e.entreprise.tauxAtmp) : c.P('atmp_defaut'));

  c.ligne('vieillesse_plafonnee', 'retraite', 'Sécurité sociale plafonnée', t1, c.P('vieillesse_plafonnee_salarial'), c.P('vieillesse_plafonnee_patronal'));
  c.ligne('vieillesse_deplafonnee', 'retraite', 'Sécurité sociale déplafonnée', brut, c.P('vieillesse_deplafonnee_salarial'), c.P('vieillesse_deplafonnee_patronal'));
  c.ligne('retraite_t1', 'retraite', 'Complémentaire Tranche 1', t1, c.P('retraite_t1_salarial'), c.P('retraite_t1_patronal'));
  c.ligne('ceg_t1', 'retraite', "Contribution d'équilibre général (CEG) Tranche 1", t1, c.P('ceg_t1_salarial'), c.P('ceg_t1_patronal'));
  if (t2 > 0) {
    c.ligne('retraite_t2', 'retraite', 'Complémentaire Tranche 2', t2, c.P('retraite_t2_salarial'), c.P('retraite_t2_patronal'));
    c.ligne('ceg_t2', 'retraite', "Contribution d'équilibre général (CEG) Tranche 2", t2, c.P('ceg_t2_salarial'), c.P('ceg_t2_patronal'));
    c.ligne('cet', 'retraite', "Contribution d'équilibre technique (CET)", t1 + t2, c.P('cet_salarial'), c.P('cet_patronal'));
  }

  c.ligne('allocations_familiales', 'famille', 'Allocations familiales', brut, null, c.P(c.tauxSelonSmic('af_patronal', 'af_patronal_reduit', 'af_seuil_reduit')));

  c.ligne('chomage', 'chomage', 'Assurance chômage', quatrePss, null, c.P('chomage_patronal'));
  c.ligne('ags', 'chomage', 'Garantie des salaires (AGS)', quatrePss, null, c.P('ags_patronal'));
  if (c.cadre) c.ligne('apec', 'chomage', 'APEC', quatrePss, c.P('apec_salarial'), c.P('apec_patronal'));
}

/** AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR, by headcount. */
function autresContributions(c: Contexte, prevoyancePatronale: Centimes): void {
  const { brut } = c.r;
  const effectif = c.effectif;
  c.ligne('csa', 'autres', 'Contribution solidarité autonomie', brut, null, c.P('csa_patronal'));
  if (effectif < 50) c.ligne('fnal', 'autres', 'FNAL', c.t1, null, c.P('fnal_moins_50'));
  else c.ligne('fnal', 'autres', 'FNAL', brut, null, c.P('fnal_50_et_plus'));
  c.ligne('dialogue_social', 'autres', 'Contribution au dialogue social', brut, null, c.P('dialogue_social'));
  c.ligne('formation', 'autres', 'Contribution à la formation professionnelle', brut, null, c.P(effectif < 11 ? 'formation_moins_11' : 'formation_11_et_plus'));
  c.ligne('taxe_apprentissage', 'autres', "Taxe d'apprentissage", brut, null, c.P('taxe_apprentissage'));
  c.ligne('taxe_apprentissage_solde', 'autres', "Solde de la taxe d'apprentissage", brut, null, c.P('taxe_apprentissage_solde'));
  if (effectif >= 250) c.ligne('csa_apprentissage', 'autres', "Contribution supplémentaire à l'apprentissage", brut, null, c.P('contribution_supplementaire_apprentissage'));
  if (effectif >= 50) c.ligne('peec', 'autres', "Participation à l'effort de construction", brut, null, c.P('peec'));
  if (effectif >= 11 && prevoyancePatronale > 0) c.ligne('forfait_social', 'autres', 'Forfait social sur la prévoyance', prevoyancePatronale, null, c.P('forfait_social_prevoyance'));
  if (effectif >= 11 && c.e.entreprise.tauxVersementMobilite > 0) c.ligne('versement_mobilite', 'autres', 'Versement mobilité', brut, null, duCas(c.e.entreprise.tauxVersementMobilite));
}

/** The CSG/CRDS base of a pay: `pourcent` of it up to 4 PSS (the abatement for professional costs), all of it beyond. */
export const assietteCsg = (remuneration: Centimes, pss: Centimes, pourcent: number): Centimes => appliquer(Math.min(remuneration, 4 * pss), pourcent) + Math.max(0, remuneration - 4 * pss);

/** Taxable: the gross without the (tax-exempt) overtime, plus the employer's health share, less the deductible contributions. */
export const netImposableDe = (brut: Centimes, montantHs: Centimes, santeEmployeur: Centimes, totalSalarial: Centimes, nonDeductibles: Centimes): Centimes =>
  brut - montantHs + santeEmployeur - (totalSalarial - nonDeductibles);

/**
 * CSG / CRDS: 98,25 % of the pay up to 4 PSS, all of it beyond, plus the employer's health and
 * welfare contributions. On overtime (exempt from income tax) all of it is non-deductible.
 */
function csgCrds(c: Contexte, prevoyancePatronale: Centimes): void {
  const { brut, montantHs } = c.r;
  const assiette = (remuneration: Centimes) => assietteCsg(remuneration, c.pss, c.v('csg_assiette'));
  const baseCsg = assiette(brut - montantHs) + prevoyancePatronale;
  c.ligne('csg_deductible', 'csg_deductible', "CSG déductible de l'impôt sur le revenu", baseCsg, c.P('csg_deductible'), null);
  c.ligne('csg_crds_non_deductible', 'csg_non_deductible', "CSG/CRDS non déductible de l'impôt sur le revenu", baseCsg, c.P('csg_non_deductible', 'crds'), null);
  if (montantHs > 0) c.ligne('csg_crds_hs', 'csg_non_deductible', 'CSG/CRDS sur heures supplémentaires', assiette(montantHs), c.P('csg_deductible', 'csg_non_deductible', 'crds'), null);
}

/** EXONÉRATIONS: on overtime (employee reduction, employer's flat deduction), then the réduction générale (or RGDU). */
function exonerations(c: Contexte): Bulletin['reduction'] {
  const { brut, montantHs, heuresSup } = c.r;
  const effectif = c.effectif;
  if (montantHs > 0) {
    // Employee reduction on overtime (CSS, art. D. 241-21): the overtime pay × the employee's effective
    // old-age rate (vieillesse and complementary pension lines / gross), at most 11,31 % with the official
    // rates (the tranche 1 rates), which is also the rate below the ceiling.
    const vieillesseSalariale = somme(c.lignes.filter((l) => l.rubrique === 'retraite').map((l) => l.montantSalarial ?? 0));
    const plafondTaux = c.v('vieillesse_plafonnee_salarial') + c.v('vieillesse_deplafonnee_salarial') + c.v('retraite_t1_salarial') + c.v('ceg_t1_salarial');
    const selonTauxEffectif = diviserArrondi(montantHs * vieillesseSalariale, brut);
    const plafonne = appliquer(montantHs, plafondTaux);
    const reductionHs = Math.min(selonTauxEffectif, plafonne);
    const tauxReduit = reductionHs === plafonne ? plafondTaux : Math.round((vieillesseSalariale / brut) * 1e6) / 1e4;
    c.lignes.push({
      code: 'reduction_hs',
      rubrique: 'exonerations',
      libelle: 'Réduction de cotisations salariales sur heures supplémentaires',
      base: montantHs,
      tauxSalarial: -tauxReduit,
      montantSalarial: -reductionHs,
      tauxPatronal: null,
      montantPatronal: null,
      parametresSalarial: [],
      parametresPatronal: [],
    });
    const parHeure = effectif < 20 ? c.v('hs_deduction_forfaitaire') : c.facultatif('hs_deduction_forfaitaire_20_et_plus');
    if (parHeure) c.forfait('deduction_forfaitaire_hs', 'exonerations', 'Déduction forfaitaire patronale sur heures supplémentaires', null, -diviserArrondi(heuresSup * versCentimes(parHeure), 100));
  }
  if (!c.e.reductionGenerale) return null;
  const smic = c.smicReference(c.v('smic_horaire_reduction'));
  const tmin = c.facultatif('rgdu_tmin');
  let coefficient: number;
  let formule: 'réduction générale' | 'RGDU';
  if (tmin !== null) {
    formule = 'RGDU';
    const tdelta = effectif < 50 ? c.v('rgdu_tdelta_moins_50') : c.v('rgdu_tdelta_50_et_plus');
    coefficient = brut >= c.v('rg_seuil_smic') * smic ? 0 : quatreDecimales(Math.min(tmin + tdelta, tmin + tdelta * Math.pow(0.5 * ((c.v('rg_seuil_smic') * smic) / brut - 1), c.v('rgdu_puissance'))));
  } else {
    formule = 'réduction générale';
    const t = effectif < 50 ? c.v('rg_t_moins_50') : c.v('rg_t_50_et_plus');
    coefficient = quatreDecimales(Math.max(0, Math.min(t, (t / 0.6) * ((c.v('rg_seuil_smic') * smic) / brut - 1))));
  }
  if (coefficient > 0) {
    c.lignes.push({
      code: 'reduction_generale',
      rubrique: 'exonerations',
      libelle: formule === 'RGDU' ? 'Réduction générale dégressive unique des cotisations patronales' : 'Réduction générale des cotisations patronales',
      base: brut,
      tauxSalarial: null,
      montantSalarial: null,
      tauxPatronal: -Math.round(coefficient * 1e6) / 1e4,
      montantPatronal: -diviserArrondi(brut * Math.round(coefficient * 10000), 10000),
      parametresSalarial: [],
      parametresPatronal: [],
    });
  }
  return { smicReference: smic, coefficient, formule };
}

/**
 * The payslip of one month, section by section in the order it prints: gross pay, contributions
 * (santé, AT/MP, retraite, famille, chômage, autres), CSG/CRDS, exonérations, then the totals and
 * the nets. Every missing parameter is reported at once.
 */
export function calculerBulletin(e: EntreeBulletin, p: ParametresPaie): Bulletin {
  const r = remunerationBrute(e);
  const c = new Contexte(e, r, p);
  const prevoyancePatronale = sante(c);
  atmpRetraiteFamilleChomage(c);
  autresContributions(c, prevoyancePatronale);
  csgCrds(c, prevoyancePatronale);
  const reduction = exonerations(c);
  if (c.manquants.length)
    throw new ErreurDonnees(
      'Paramètres de paie manquants',
      [...new Set(c.manquants)].map((x) => `paramètre « ${x} » sans valeur pour ${e.periode}`),
    );
  return { ...totaux(c), reduction };
}

/** Totals, the elements below the contributions, and the nets (social, to pay, taxable), the tax withheld and the employer's cost. */
function totaux(c: Contexte): Omit<Bulletin, 'reduction'> {
  const { e, lignes } = c;
  const { elements, brut, montantHs, base, h } = c.r;
  const totalCotisationsSalariales = somme(lignes.map((l) => l.montantSalarial ?? 0));
  const totalCotisationsPatronales = somme(lignes.map((l) => l.montantPatronal ?? 0));
  const avantages = somme(e.avantagesNature.map((x) => x.montant));
  const nonSoumis = somme(e.primes.filter((x) => !x.soumise).map((x) => x.montant));
  const retenues = somme(e.retenues.map((x) => x.montant));
  // Below the contributions, before the net to pay: elements not subject to contributions, then deductions.
  for (const [i, prime] of e.primes.filter((x) => !x.soumise).entries()) elements.push({ code: `non_soumis${i + 1}`, libelle: prime.libelle, nombre: null, taux: null, montant: prime.montant });
  for (const [i, r] of e.retenues.entries()) elements.push({ code: `retenue${i + 1}`, libelle: r.libelle, nombre: null, taux: null, montant: -r.montant });
  const netSocial = brut - totalCotisationsSalariales;
  const netAPayerAvantImpot = brut - totalCotisationsSalariales - avantages + nonSoumis - retenues;
  const nonDeductibles = somme(lignes.filter((l) => l.rubrique === 'csg_non_deductible').map((l) => l.montantSalarial ?? 0));
  const netImposable = netImposableDe(brut, montantHs, e.complementaireSante.employeur, totalCotisationsSalariales, nonDeductibles);
  const impotPreleve = appliquer(Math.max(0, netImposable), e.tauxPas);
  const avertissements: string[] = [];
  const smicMois = Math.round((versCentimes(c.v('smic_horaire')) * h) / 100);
  if (base < smicMois) avertissements.push(`Salaire de base (${base / 100} €) inférieur au SMIC pour ${h / 100} heures (${smicMois / 100} €).`);
  return {
    periode: e.periode,
    elements,
    brut,
    lignes,
    totalCotisationsSalariales,
    totalCotisationsPatronales,
    netSocial,
    netAPayerAvantImpot,
    netImposable,
    tauxPas: e.tauxPas,
    impotPreleve,
    netPaye: netAPayerAvantImpot - impotPreleve,
    coutEmployeur: brut + totalCotisationsPatronales + nonSoumis,
    avertissements,
  };
}

/** The payslip with the official parameters of its month, or the teacher's values where given. */
export const bulletinDe = (e: EntreeBulletin, t: TablesDatees = TABLES_OFFICIELLES): Bulletin => calculerBulletin(e, avecSurcharges(parametresPaie(e.periode, t.paie), e.parametres));
