import { z } from 'zod';
import { date, montant, tauxPourcent, texte, liste } from '../../domain/validation';

/** One invoice of the client's account, as the case (or a teacher's JSON file) gives it. Amounts in euros TTC. */
export const FactureClient = z.object({
  numero: texte,
  date: date.describe('Date de la facture'),
  echeance: date.describe("Date d'échéance (date limite de paiement)"),
  montant: montant.describe('Montant TTC en euros'),
  regle: montant.default(0).describe('Montant déjà réglé par le client, en euros'),
});

export const EntreeRelances = z
  .object({
    vendeur: texte,
    client: texte,
    date: date.describe("Date du suivi des relances (date d'arrêté du compte client)"),
    factures: liste(FactureClient).min(1, { error: 'au moins une facture' }),
    tauxContractuel: tauxPourcent.optional().describe('Taux des pénalités fixé par les conditions générales de vente, en % (à défaut : taux de la BCE majoré de 10 points)'),
  })
  .superRefine((e, ctx) => {
    const numeros = e.factures.map((f) => f.numero);
    e.factures.forEach((f, i) => {
      if (numeros.indexOf(f.numero) !== i) ctx.addIssue({ code: 'custom', path: ['factures', i, 'numero'], message: `facture « ${f.numero} » en double` });
      if (f.echeance < f.date) ctx.addIssue({ code: 'custom', path: ['factures', i, 'echeance'], message: "l'échéance précède la date de la facture" });
      if (f.date > e.date) ctx.addIssue({ code: 'custom', path: ['factures', i, 'date'], message: 'facture postérieure à la date du suivi' });
      if (f.regle > f.montant) ctx.addIssue({ code: 'custom', path: ['factures', i, 'regle'], message: 'le montant réglé dépasse celui de la facture' });
    });
  });

export type EntreeRelances = z.output<typeof EntreeRelances>;
