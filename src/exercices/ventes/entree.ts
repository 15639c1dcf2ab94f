import { z } from 'zod';
import { date, liste, montant, tauxPourcent, texte } from '../../domain/validation';

/** How a payment settles an invoice: its balance, a part, or its balance less an escompte. */
export const MODES = { solde: 'Solde de la facture', partiel: 'Règlement partiel', escompte: 'Solde avec escompte' } as const;

/**
 * The sales invoices of a period and the payments received, to record in the journals: sales at
 * 411 / 707 / 7085 / 44571 (remise deducted, port billed), payments at 512 / 665 / 44571 / 411 (an
 * escompte and its TVA), then each invoice's lettrage and each client's balance. Amounts in euros HT.
 */
export const EntreeVentes = z
  .object({
    entreprise: z.string().default(''),
    tauxTva: tauxPourcent,
    factures: liste(
      z.object({
        numero: texte,
        date,
        client: texte,
        brut: montant.describe('Montant HT brut des marchandises'),
        remise: tauxPourcent.default(0),
        port: montant.default(0).describe('Port facturé HT'),
      }),
    ).min(1, { error: 'une facture au moins' }),
    encaissements: liste(
      z.object({
        date,
        facture: texte,
        client: texte,
        mode: z.enum(['solde', 'partiel', 'escompte']),
        montant: montant.optional().describe('Règlement partiel : montant reçu'),
        escompte: tauxPourcent.optional().describe('Solde avec escompte : taux de l\u2019escompte'),
      }),
    ),
  })
  .superRefine((e, ctx) => {
    const numeros = new Map(e.factures.map((f) => [f.numero, f]));
    e.encaissements.forEach((x, i) => {
      const f = numeros.get(x.facture);
      if (!f) ctx.addIssue({ code: 'custom', path: ['encaissements', i, 'facture'], message: `facture « ${x.facture} » absente des ventes` });
      else if (f.client !== x.client) ctx.addIssue({ code: 'custom', path: ['encaissements', i, 'client'], message: `la facture ${x.facture} est celle de « ${f.client} »` });
      if (x.mode === 'partiel' && !x.montant) ctx.addIssue({ code: 'custom', path: ['encaissements', i, 'montant'], message: 'un règlement partiel donne son montant' });
      if (x.mode === 'escompte' && !x.escompte) ctx.addIssue({ code: 'custom', path: ['encaissements', i, 'escompte'], message: 'un solde avec escompte donne son taux' });
    });
  });

export type EntreeVentes = z.output<typeof EntreeVentes>;
