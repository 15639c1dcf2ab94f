import { z } from 'zod';
import { liste, mois, montant, texte } from '../../domain/validation';

/** The fields a change may update. */
export const CHAMPS = { email: 'E-mail', codePostal: 'Code postal' } as const;

/**
 * A client file to update and to check, and the sales figures of a commercial dashboard. A field of
 * the file may be empty (a missing datum is one of the anomalies to report). Amounts in euros HT.
 */
export const EntreeClients = z
  .object({
    entreprise: z.string().default(''),
    clients: liste(
      z.object({
        code: texte,
        raisonSociale: z.string().default(''),
        siret: z.string().default(''),
        codePostal: z.string().default(''),
        ville: z.string().default(''),
        email: z.string().default(''),
      }),
    ).min(1, { error: 'un client au moins' }),
    modifications: liste(z.object({ code: texte, champ: z.enum(['email', 'codePostal']), valeur: z.string().default('') })),
    ventes: liste(
      z.object({
        mois,
        n: montant.describe('Chiffre d\u2019affaires HT du mois, année N'),
        n1: montant.refine((c) => c > 0, { error: 'chiffre d\u2019affaires N−1 positif attendu' }).describe('Même mois, année N−1'),
      }),
    )
      .min(1)
      .max(12),
    familles: liste(z.object({ famille: texte, ca: montant }))
      .min(1)
      .refine((f) => f.some((x) => x.ca > 0), { error: 'un chiffre d\u2019affaires de famille positif au moins' }),
    commandes: z.number().int().positive().describe('Commandes de l\u2019année N'),
    devisEnvoyes: z.number().int().positive(),
    devisAcceptes: z.number().int().nonnegative(),
  })
  .superRefine((e, ctx) => {
    const codes = new Set(e.clients.map((c) => c.code));
    e.modifications.forEach((m, i) => {
      if (!codes.has(m.code)) ctx.addIssue({ code: 'custom', path: ['modifications', i, 'code'], message: `client « ${m.code} » absent du fichier` });
    });
    if (e.devisAcceptes > e.devisEnvoyes) ctx.addIssue({ code: 'custom', path: ['devisAcceptes'], message: 'plus de devis acceptés qu\u2019envoyés' });
  });

export type EntreeClients = z.output<typeof EntreeClients>;
