import { z } from 'zod';

/**
 * An exercise template: what it trains (compétence and critère, quoted from the référentiel), the
 * consignes, the tolerance of its answers, and its aléas with the référentiel text each one
 * illustrates (null when the référentiel does not name it).
 */
export const GabaritExercice = z.object({
  id: z.string(),
  version: z.string(),
  type: z
    .string()
    .regex(/^[a-z]+(-[a-z]+)*$/)
    .describe('le mot de la ligne de commande et le dossier du paquet (src/exercices/<type>)'),
  titre: z.string(),
  competence: z.string().regex(/^\d\.\d\.\d$/),
  critere: z.string(),
  consignes: z.array(z.string()).min(1),
  tolerance: z.number().nonnegative().describe('écart admis sur un montant, en euros'),
  precision: z
    .union([z.literal(1), z.literal(0.01)])
    .default(0.01)
    .describe('unité à laquelle un montant saisi est arrondi avant comparaison : 1 (euros entiers, CA3) ou 0,01 (centimes)'),
  lignes: z.array(z.string()).optional(),
  /**
   * Numbers a formula may hold without being « constante tapée » (with 0, 1, 2 and 100, admitted
   * everywhere: signs, rounding digits, percentages): the exercise's conventions that no cell gives
   * (365 days of a year of penalties, 24 working days of a month of congés…).
   */
  constantesAdmises: z.array(z.number()).default([]),
  /**
   * The critère of the référentiel that names the use of a spreadsheet, when the template's
   * compétence has one (3.2.3 « Efficacité dans l'utilisation d'un tableur »): only there do the
   * « Feuille de calcul » indicators count, and only when the teacher chose so.
   */
  tableur: z.object({ competence: z.string().regex(/^\d\.\d\.\d$/), critere: z.string() }).optional(),
  /**
   * The answers the checker reads, in the order of « Travail »: each by its defined name, or, for
   * answers repeated along the lines of the case (a payslip's lines), by `famille`, its label then
   * taking the line's (`{ligne}`). `preuve`: another compétence and critère than the template's;
   * `ensemble`: the columns on which a table's rows are matched in any order. `convention`: the
   * sentences a student reads that fix how the answer is written (unit, sign, rounding, base,
   * definition), quoted exactly; the fallback hint points to them.
   */
  reponses: z
    .array(
      z
        .object({
          nom: z
            .string()
            .regex(/^[A-Z][A-Za-z0-9_]*$/)
            .optional(),
          famille: z
            .string()
            .regex(/^[a-z_]+$/)
            .optional(),
          libelle: z.string(),
          preuve: z.object({ competence: z.string().regex(/^\d\.\d\.\d$/), critere: z.string() }).optional(),
          ensemble: z.array(z.number().int().nonnegative()).optional(),
          fait: z
            .enum(['calculé', 'saisi'])
            .describe('calculé : une formule est attendue ; saisi : une valeur tapée est juste (un choix Oui / Non, une date lue sur un document, une quantité comptée, une ligne recopiée)'),
          colonnesSaisies: z.array(z.number().int().nonnegative()).optional().describe('les colonnes d\u2019une réponse « calculé » en tableau qui se saisissent (un choix, une date de décision)'),
          depuis: z
            .string()
            .regex(/^\d+\.\d+\.\d+$/)
            .optional()
            .describe('la version du modèle où la réponse est apparue : une copie créée avec une version plus ancienne ne l\u2019a pas, et ne l\u2019attend pas'),
          convention: z
            .array(z.string().min(1))
            .min(1)
            .describe('les phrases, citées exactement, de « Énoncé », « Travail » ou « Paramètres » qui fixent la convention de la réponse (unité, signe, arrondi, base, définition)'),
        })
        .refine((r) => (r.nom === undefined) !== (r.famille === undefined), 'une réponse a soit un nom, soit une famille')
        .refine((r) => r.fait === 'calculé' || !r.colonnesSaisies, 'des colonnes saisies seulement dans une réponse calculée'),
    )
    .min(1),
  aleas: z.array(z.object({ code: z.string(), libelle: z.string(), referentiel: z.object({ competence: z.string(), texte: z.string() }).nullable() })),
  /** rapprochement: the accounts of the plan comptable shown to the student, and the statement words that identify each one */
  /** the typical errors the checker recognises, each with the hint shown to the student (the computation lives in the exercise's sheet module) */
  erreursTypes: z.array(z.object({ code: z.string().regex(/^[a-z_]+$/), libelle: z.string(), indice: z.string() })).default([]),
  comptes: z.array(z.object({ compte: z.string(), intitule: z.string(), mots: z.array(z.string()) })).optional(),
});
export type GabaritExercice = z.infer<typeof GabaritExercice>;

/** An exercise package's template, validated once when its module loads: a bad template fails at start, and in the tests. */
export function gabaritExercice(donnees: unknown, type: string): GabaritExercice {
  const g = GabaritExercice.parse(donnees);
  if (g.type !== type) throw new Error(`Modèle d'exercice ${type} : type « ${g.type} » inattendu.`);
  return g;
}
