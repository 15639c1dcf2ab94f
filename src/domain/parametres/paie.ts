import { z } from 'zod';
import donnees from './paie.json';
import { ErreurDonnees } from '../validation';
import { COUVERTURE_TABLE, exigerLaTable, derniereEnVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * Payroll parameters (SMIC, PMSS, every rate, the réduction générale coefficients) as dated values
 * with their legal reference. The pay period picks the value in force on its first day; `null`
 * means the measure no longer exists (e.g. the reduced maladie rate from 2026), which only the
 * parameters declared `disparu` may be.
 *
 * paie.json keeps each parameter under its code, the name a teacher's case and the « Paramètres »
 * sheet use; the schema below is the tree of those codes by payslip section, each with its unit:
 * a parameter missing from the file, one it has more, a wrong unit or a null where the measure
 * still exists is refused when the module loads, and a code mistyped in the calculator does not compile.
 */
const parametre = <U extends string>(unite: U, o: { disparu?: true } = {}) =>
  z.object({
    libelle: z.string(),
    unite: z.literal(unite),
    valeurs: z.array(z.object({ depuis: JOUR, valeur: o.disparu ? z.number().nonnegative().nullable() : z.number().nonnegative(), reference: z.string() })).min(1),
  });
// one schema per unit, shared by the codes that have it (54 schemas of their own weighed on every command's memory)
const TAUX = parametre('%');
const TAUX_DISPARU = parametre('%', { disparu: true });
const COEFFICIENT = parametre('coefficient');
const EN_SMIC = parametre('SMIC');
const EN_SMIC_DISPARU = parametre('SMIC', { disparu: true });
const EUROS_PAR_HEURE = parametre('€/h');
const EUROS_PAR_HEURE_DISPARU = parametre('€/h', { disparu: true });

const SECTIONS = {
  references: { smic_horaire: EUROS_PAR_HEURE, smic_horaire_reduction: EUROS_PAR_HEURE, duree_legale_annuelle: parametre('h'), pss: parametre('€') },
  sante: {
    maladie_patronal: TAUX,
    maladie_patronal_reduit: TAUX_DISPARU,
    maladie_seuil_reduit: EN_SMIC_DISPARU,
    csa_patronal: TAUX,
    prevoyance_cadres_patronal: TAUX,
    forfait_social_prevoyance: TAUX,
  },
  accidents_du_travail: { atmp_defaut: TAUX },
  retraite: {
    vieillesse_plafonnee_salarial: TAUX,
    vieillesse_plafonnee_patronal: TAUX,
    vieillesse_deplafonnee_salarial: TAUX,
    vieillesse_deplafonnee_patronal: TAUX,
    retraite_t1_salarial: TAUX,
    retraite_t1_patronal: TAUX,
    retraite_t2_salarial: TAUX,
    retraite_t2_patronal: TAUX,
    ceg_t1_salarial: TAUX,
    ceg_t1_patronal: TAUX,
    ceg_t2_salarial: TAUX,
    ceg_t2_patronal: TAUX,
    cet_salarial: TAUX,
    cet_patronal: TAUX,
    apec_salarial: TAUX,
    apec_patronal: TAUX,
  },
  famille: { af_patronal: TAUX, af_patronal_reduit: TAUX_DISPARU, af_seuil_reduit: EN_SMIC_DISPARU },
  chomage: { chomage_patronal: TAUX, ags_patronal: TAUX },
  autres_contributions: {
    fnal_moins_50: TAUX,
    fnal_50_et_plus: TAUX,
    dialogue_social: TAUX,
    formation_moins_11: TAUX,
    formation_11_et_plus: TAUX,
    taxe_apprentissage: TAUX,
    taxe_apprentissage_solde: TAUX,
    contribution_supplementaire_apprentissage: TAUX,
    peec: TAUX,
  },
  csg_crds: { csg_deductible: TAUX, csg_non_deductible: TAUX, crds: TAUX, csg_assiette: TAUX },
  exonerations: {
    rg_t_moins_50: COEFFICIENT,
    rg_t_50_et_plus: COEFFICIENT,
    rg_seuil_smic: EN_SMIC,
    rgdu_tmin: COEFFICIENT,
    rgdu_tdelta_moins_50: COEFFICIENT,
    rgdu_tdelta_50_et_plus: COEFFICIENT,
    rgdu_puissance: COEFFICIENT,
    hs_deduction_forfaitaire: EUROS_PAR_HEURE,
    hs_deduction_forfaitaire_20_et_plus: EUROS_PAR_HEURE_DISPARU,
  },
};
type Sections = typeof SECTIONS;
/** The code of a payroll parameter, as paie.json names it. */
export type CodePaie = { [S in keyof Sections]: keyof Sections[S] & string }[keyof Sections];

const Parametres = z.strictObject(
  Object.assign({}, ...Object.values(SECTIONS)) as { [C in CodePaie]: z.ZodType<{ libelle: string; unite: string; valeurs: { depuis: string; valeur: number | null; reference: string }[] }> },
);
/** paie.json's schema (exported for its tests). */
export const SCHEMA_PAIE = z.object({ source: z.string(), couverture: COUVERTURE_TABLE, parametres: Parametres });
export type TablePaie = z.output<typeof SCHEMA_PAIE>;
export const TABLE_PAIE: TablePaie = SCHEMA_PAIE.parse(donnees);

const CODES = Object.keys(TABLE_PAIE.parametres) as CodePaie[];
/** First and last months the tables cover (AAAA-MM). */
export const couverturePaie = (t: TablePaie = TABLE_PAIE): Couverture => ({ ...t.couverture, table: 'les tables de paie', source: 'Urssaf, CSS, C. trav., CGI (valeurs de modele-social)' });

export interface ParametrePaie {
  code: CodePaie;
  libelle: string;
  unite: string;
  valeur: number | null;
  reference: string;
}

/** Values in force for a pay period, by code, each with its label and reference (a workbook's « Paramètres » may lack one: the calculator reports it). */
export type ParametresPaie = Partial<Record<CodePaie, ParametrePaie>>;

/** Whether a code read from a case or a sheet is one of paie.json's. */
export const estCodePaie = (c: string): c is CodePaie => (CODES as string[]).includes(c);

/** The parameters of period `AAAA-MM` (past the tables, their last values, reconducted); before them, a French error naming `champ`. */
export function parametresPaie(periode: string, t: TablePaie = TABLE_PAIE, champ = 'periode'): ParametresPaie {
  exigerLaTable(couverturePaie(t), periode, 'Période avant les tables de paie', champ);
  const jour = `${periode}-01`;
  const resultat: ParametresPaie = {};
  for (const code of CODES) {
    const p = t.parametres[code];
    const v = derniereEnVigueur(p.valeurs, jour);
    resultat[code] = { code, libelle: p.libelle, unite: p.unite, valeur: v ? v.valeur : null, reference: v ? v.reference : '' };
  }
  return resultat;
}

/**
 * A teacher's values (simplified textbook rates) replace the official ones; an unknown code is an
 * error, so a typo is not silently ignored.
 */
export function avecSurcharges(p: ParametresPaie, surcharges: Readonly<Record<string, number | null>>, source = 'parametres'): ParametresPaie {
  const inconnus = Object.keys(surcharges).filter((c) => !estCodePaie(c));
  if (inconnus.length)
    throw new ErreurDonnees(
      'Paramètre de paie inconnu',
      inconnus.map((c) => `champ « ${source}.${c} » : code inconnu (codes admis : ${CODES.join(', ')})`),
    );
  const r = { ...p };
  for (const [code, valeur] of Object.entries(surcharges)) if (estCodePaie(code)) r[code] = { ...p[code]!, valeur, reference: "Valeur fixée par l'enseignant" };
  return r;
}
