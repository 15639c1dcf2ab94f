import { z } from 'zod';
import { date, mois, montant, texte, liste } from '../../domain/validation';

/** One line of the expense report as the employee filled it. Amounts in euros TTC. */
export const LigneDeFrais = z.object({
  date,
  nature: z
    .enum(['km', 'repas', 'hotel', 'train', 'taxi', 'peage', 'parking'])
    .describe('km : indemnités kilométriques ; repas ; hotel : nuitée ; train, taxi : transport de personnes ; peage, parking'),
  libelle: texte,
  km: z.number().int().nonnegative().max(10_000).default(0).describe('Kilomètres parcourus (indemnités kilométriques)'),
  montant: montant.default(0).describe('Montant TTC demandé en euros (les kilomètres : le montant calculé par le salarié)'),
  tva: montant.default(0).describe('TVA figurant sur le justificatif, en euros'),
  justificatif: z.boolean().default(true).describe('Le justificatif est joint'),
  convives: z
    .number()
    .int({ error: 'nombre entier de convives attendu' })
    .min(2, { error: 'un repas d\u2019affaires réunit au moins deux convives, le salarié compris' })
    .max(20, { error: '20 convives au plus' })
    .optional()
    .describe("Repas d'affaires : nombre de convives, le salarié compris (vide pour un repas seul)"),
});

export const EntreeFrais = z
  .object({
    salarie: texte,
    mois: mois.describe('Mois des déplacements, AAAA-MM'),
    puissance: z.number().int().min(1).max(20).describe('Puissance fiscale du véhicule personnel (CV)'),
    electrique: z.boolean().default(false).describe('Véhicule électrique : le montant du barème est majoré (20 % en 2023)'),
    kmAnnuels: z
      .number()
      .int()
      .nonnegative()
      .max(100_000, { error: '100 000 km au plus' })
      .default(0)
      .describe("Distance professionnelle déjà parcourue dans l'année avant ce mois, en km : elle fixe la tranche du barème"),
    plafondRepas: montant.describe("Plafond de remboursement d'un repas fixé par l'entreprise, en euros"),
    plafondNuitee: montant.describe("Plafond de remboursement d'une nuitée fixé par l'entreprise, en euros"),
    plafondRepasAffaires: montant.default(0).describe("Plafond d'un repas d'affaires par convive, le salarié compris, fixé par l'entreprise, en euros"),
    lignes: liste(LigneDeFrais).min(1, { error: 'au moins une ligne' }),
  })
  .superRefine((e, ctx) => {
    e.lignes.forEach((l, i) => {
      if (l.date.slice(0, 7) !== e.mois) ctx.addIssue({ code: 'custom', path: ['lignes', i, 'date'], message: `date hors du mois ${e.mois}` });
      if (l.nature === 'km' && !l.km) ctx.addIssue({ code: 'custom', path: ['lignes', i, 'km'], message: 'kilomètres attendus pour des indemnités kilométriques' });
      if (l.tva > l.montant) ctx.addIssue({ code: 'custom', path: ['lignes', i, 'tva'], message: 'la TVA dépasse le montant' });
      if (l.convives !== undefined && l.nature !== 'repas') ctx.addIssue({ code: 'custom', path: ['lignes', i, 'convives'], message: 'des convives seulement pour un repas' });
      if (l.convives !== undefined && !e.plafondRepasAffaires)
        ctx.addIssue({ code: 'custom', path: ['plafondRepasAffaires'], message: 'un repas d\u2019affaires demande le plafond par convive fixé par l\u2019entreprise' });
    });
  });

export type EntreeFrais = z.output<typeof EntreeFrais>;
export type LigneDeFrais = z.output<typeof LigneDeFrais>;
