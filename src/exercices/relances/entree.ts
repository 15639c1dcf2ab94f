import { z } from 'zod';
import { date, montant, tauxPourcent, texte, liste } from '../../domain/validation';

/** One invoice of the client's account, as the case (or a teacher's JSON file) gives it. Amounts in euros TTC. */
export const FactureClient = z.object({
  numero: texte,
  date: date.describe('Date de la facture'),
  echeance: date.describe("Date d'échéance (date limite de paiement)"),
  montant: montant.describe('Montant TTC en euros'),
  regle: montant.default(0).describe('Montant déjà réglé par le client, en euros (sans date : réglé à temps)'),
  paiements: liste(z.object({ date, montant }))
    .default([])
    .describe("Règlements reçus avec leur date, en euros : payés après l'échéance, ils portent des pénalités jusqu'à leur date et l'indemnité forfaitaire"),
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
      const paye = f.regle + f.paiements.reduce((a, p) => a + p.montant, 0);
      if (paye > f.montant) ctx.addIssue({ code: 'custom', path: ['factures', i, f.paiements.length ? 'paiements' : 'regle'], message: 'le montant réglé dépasse celui de la facture' });
      f.paiements.forEach((p, j) => {
        if (p.date < f.date || p.date > e.date) ctx.addIssue({ code: 'custom', path: ['factures', i, 'paiements', j, 'date'], message: 'un règlement est daté entre la facture et la date du suivi' });
      });
    });
  });

export type EntreeRelances = z.output<typeof EntreeRelances>;
