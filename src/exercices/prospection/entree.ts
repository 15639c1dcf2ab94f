import { z } from 'zod';
import { date, liste, montant, texte } from '../../domain/validation';

/** A salon's stand or a mailing: what the operation is, which changes its costs' lines, not its sums. */
export const NATURES = ['mailing', 'salon'] as const;

const entierPositif = (quoi: string) =>
  z
    .number()
    .int({ error: `nombre entier de ${quoi} attendu` })
    .positive({ error: `un ${quoi.replace(/s$/, '')} au moins` });

/**
 * A prospection operation once closed: its fixed costs, its contacts by target with their cost each,
 * the documentation sent to the prospects who asked for more, the orders received (those after the
 * closing date are not the operation's), the organisation's taux de marque and its objectives.
 * Amounts in euros HT.
 */
export const EntreeProspection = z
  .object({
    entreprise: z.string().default(''),
    operation: z.object({
      nature: z.enum(NATURES).describe('mailing : publipostage ou courriel ; salon : stand sur un salon professionnel'),
      libelle: texte.describe('Nom de l\u2019opération, par exemple « Salon Bureaux & Co 2026 »'),
      debut: date.describe('Premier jour de l\u2019opération (envoi du mailing, ouverture du salon), AAAA-MM-JJ'),
      cloture: date.describe('Date de clôture : les commandes reçues après ne sont pas attribuées à l\u2019opération'),
    }),
    frais: liste(z.object({ libelle: texte, montant: montant.describe('Frais fixe HT, en euros') })).min(1, { error: 'un frais fixe au moins' }),
    cibles: liste(
      z.object({
        cible: texte.describe('Contacts visés, par exemple « Entreprises de la région »'),
        contacts: entierPositif('contacts'),
        coutUnitaire: montant.describe('Coût HT de chaque contact (impression et affranchissement, documentation remise), en euros'),
      }),
    ).min(1, { error: 'une cible au moins' }),
    demandes: z
      .object({
        nombre: z.number().int({ error: 'nombre entier de demandes attendu' }).nonnegative().describe('Prospects qui ont demandé des informations complémentaires'),
        coutUnitaire: montant.describe('Coût HT d\u2019un envoi de documentation complémentaire, en euros'),
      })
      .default({ nombre: 0, coutUnitaire: 0 }),
    commandes: liste(
      z.object({
        numero: texte,
        date: date,
        client: texte,
        montant: montant.refine((c) => c >= 100, { error: 'une commande de 1 € HT au moins' }).describe('Montant HT de la commande, en euros'),
      }),
    ),
    tauxMarque: z
      .number()
      .min(1, { error: 'taux de marque de 1 % au moins' })
      .refine((t) => Math.abs(t * 100 - Math.round(t * 100)) < 1e-6, { error: 'taux de marque à deux décimales au plus' })
      .lt(100, { error: 'un taux de marque est inférieur à 100 % (la marge est une part du prix de vente)' })
      .describe('Marge rapportée au prix de vente HT, en %'),
    objectifs: z.object({
      tauxRetour: z.number().positive({ error: 'objectif de taux de retour positif attendu' }).max(100).describe('Taux de retour visé, en %'),
      chiffreAffaires: montant.describe('Chiffre d\u2019affaires HT visé, en euros'),
    }),
  })
  .superRefine((e, ctx) => {
    if (e.operation.cloture < e.operation.debut) ctx.addIssue({ code: 'custom', path: ['operation', 'cloture'], message: 'la date de clôture précède le début de l\u2019opération' });
    e.commandes.forEach((c, i) => {
      if (c.date < e.operation.debut)
        ctx.addIssue({ code: 'custom', path: ['commandes', i, 'date'], message: 'une commande reçue avant le début de l\u2019opération ne vient pas d\u2019elle : retirez-la' });
    });
    if (!e.commandes.some((c) => c.date <= e.operation.cloture))
      ctx.addIssue({ code: 'custom', path: ['commandes'], message: 'aucune commande reçue avant la clôture : le panier moyen et le coût par commande n\u2019existeraient pas' });
  });

export type EntreeProspection = z.output<typeof EntreeProspection>;
