import { z } from 'zod';
import { mois, montant, MONTANT_MAX, texte, liste } from '../../domain/validation';

/** Hours with at most two decimals (151,67) → hundredths of an hour, an integer. */
const heures = (max: number, pourquoi: string) =>
  z
    .number()
    .nonnegative({ error: "le nombre d'heures ne peut pas être négatif" })
    .max(max, { error: `au plus ${String(max).replace('.', ',')} heures (${pourquoi})` })
    .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, { error: 'deux décimales au plus pour les heures' })
    .transform((h) => Math.round(h * 100));

/** 48 h per week at most (C. trav., art. L. 3121-20): 13 overtime hours a week, 56,33 a month. */
const MAX_HS_SEMAINE = 13;
const MAX_HS_MOIS = 56.33;

const Element = z.object({ libelle: texte, montant: montant.describe('Montant en euros') });

/** Overtime as given (hours at +25 % and +50 %) or week by week (split here); not both. */
export const HeuresSupplementaires = z
  .object({
    a25: heures(MAX_HS_MOIS, '48 heures par semaine au plus, C. trav., art. L. 3121-20').default(0).describe('Heures majorées de 25 % (les 8 premières de chaque semaine)'),
    a50: heures(MAX_HS_MOIS, '48 heures par semaine au plus, C. trav., art. L. 3121-20').default(0).describe('Heures majorées de 50 % (au-delà de la 8e de la semaine)'),
    semaines: z
      .array(heures(MAX_HS_SEMAINE, '48 heures par semaine au plus, C. trav., art. L. 3121-20'))
      .min(1)
      .max(6)
      .optional()
      .describe('Ou : heures supplémentaires de chaque semaine, les 8 premières à +25 %, au-delà à +50 %'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.semaines && (h.a25 || h.a50)) ctx.addIssue({ code: 'custom', path: ['semaines'], message: 'donner soit les heures par semaine, soit les heures à 25 % et à 50 %' });
  });

export const EntreeBulletin = z
  .object({
    periode: mois.describe('Mois de paie, AAAA-MM : il choisit les paramètres en vigueur'),
    entreprise: z
      .object({
        nom: z.string().default(''),
        effectif: z
          .number()
          .int({ error: 'nombre entier de salariés attendu' })
          .min(1, { error: 'au moins 1 salarié' })
          .max(100000, { error: '100 000 salariés au plus' })
          .describe("Effectif de l'entreprise"),
        tauxAtmp: z.number().min(0).max(20, { error: 'taux AT-MP de 20 % au plus' }).optional().describe('Taux accidents du travail en % (par défaut, le taux moyen national)'),
        tauxVersementMobilite: z
          .number()
          .min(0)
          .max(3.2, { error: 'taux de versement mobilité de 3,2 % au plus' })
          .default(0)
          .describe('Versement mobilité en % (11 salariés et plus, selon la commune)'),
      })
      .strict(),
    salarie: z
      .object({
        nom: z.string().default(''),
        emploi: z.string().default(''),
        statut: z.enum(['non_cadre', 'cadre']).describe('Statut : non cadre ou cadre'),
      })
      .strict(),
    horaireMensuel: heures(235, "durée mensuelle d'un temps plein, heures supplémentaires à part").default(15167).describe('Horaire mensuel du contrat (151,67 h pour 35 h par semaine)'),
    tauxHoraire: z
      .number()
      .positive({ error: 'le taux horaire doit être positif' })
      .max(500, { error: 'taux horaire de 500 € au plus' })
      .refine((t) => Math.abs(t * 10000 - Math.round(t * 10000)) < 1e-6, { error: 'quatre décimales au plus' })
      .transform((t) => Math.round(t * 10000))
      .optional()
      .describe('Taux horaire brut en euros (quatre décimales au plus)'),
    salaireBase: montant.optional().describe('Salaire de base mensuel brut en euros (à la place du taux horaire)'),
    heuresSupplementaires: HeuresSupplementaires.optional(),
    absence: z
      .object({
        heures: heures(235, 'pas plus que les heures du mois').describe("Heures d'absence non rémunérée"),
        methode: z
          .enum(['heures_reelles', 'horaire_mensuel'])
          .describe("heures_reelles : salaire × heures d'absence / heures réelles du mois (méthode admise par la Cour de cassation) ; horaire_mensuel : taux horaire × heures d'absence"),
        heuresDuMois: heures(235, "heures de travail d'un mois").optional().describe('Heures qui auraient été travaillées dans le mois (méthode heures_reelles)'),
        motif: z.string().default('Absence non rémunérée'),
      })
      .strict()
      .optional(),
    primes: liste(Element.extend({ soumise: z.boolean().default(true).describe('Soumise aux cotisations (true) ou versée en plus du net (false)') }).strict()).default([]),
    avantagesNature: liste(Element.strict()).default([]).describe('Avantages en nature : ajoutés au brut puis déduits du net'),
    retenues: liste(Element.strict()).default([]).describe('Déductions sur le net : acompte versé, part salariale des titres-restaurant…'),
    complementaireSante: z
      .object({ salarie: montant.describe('Part salariale en euros'), employeur: montant.describe('Part patronale en euros') })
      .strict()
      .default({ salarie: 0, employeur: 0 }),
    tauxPas: z.number().min(0).max(43, { error: 'taux de prélèvement à la source de 43 % au plus' }).default(0).describe('Taux de prélèvement à la source en %'),
    reductionGenerale: z.boolean().default(true).describe('Appliquer la réduction générale des cotisations patronales (false pour un exercice simplifié)'),
    parametres: z
      .record(z.string(), z.number().nonnegative().max(MONTANT_MAX).nullable())
      .default({})
      .describe("Valeurs des paramètres de paie qui remplacent les valeurs officielles (taux simplifiés d'un manuel)"),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.tauxHoraire === undefined) === (e.salaireBase === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['tauxHoraire'], message: 'donner soit le taux horaire, soit le salaire de base (un seul des deux)' });
    }
    if (e.absence) {
      if (e.absence.methode === 'heures_reelles' && e.absence.heuresDuMois === undefined) {
        ctx.addIssue({ code: 'custom', path: ['absence', 'heuresDuMois'], message: 'champ obligatoire avec la méthode des heures réelles' });
      }
      const plafond = e.absence.methode === 'heures_reelles' ? e.absence.heuresDuMois : e.horaireMensuel;
      if (plafond !== undefined && e.absence.heures > plafond) {
        ctx.addIssue({ code: 'custom', path: ['absence', 'heures'], message: `plus d'heures d'absence (${e.absence.heures / 100}) que d'heures dans le mois (${plafond / 100})` });
      }
    }
    const hs = e.heuresSupplementaires;
    if (hs && hs.a25 + hs.a50 > MAX_HS_MOIS * 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['heuresSupplementaires'],
        message: `au plus ${String(MAX_HS_MOIS).replace('.', ',')} heures supplémentaires dans le mois (48 heures par semaine au plus, C. trav., art. L. 3121-20)`,
      });
    }
    if (hs && hs.a50 > 0 && hs.a25 === 0) {
      ctx.addIssue({ code: 'custom', path: ['heuresSupplementaires', 'a50'], message: "des heures à +50 % supposent d'abord des heures à +25 %" });
    }
  });

export type EntreeBulletin = z.output<typeof EntreeBulletin>;
