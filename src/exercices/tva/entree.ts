import { z } from 'zod';
import { date, mois, montant, MONTANT_MAX, tauxPourcent, texte, liste } from '../../domain/validation';

/** One invoice line of the month, as the case (or a teacher's JSON file) gives it. Amounts in euros. */
export const OperationTva = z.object({
  piece: texte.describe('Numéro de la pièce (facture), unique dans le cas'),
  sens: z.enum(['vente', 'achat']),
  date: date.describe('Date de la livraison ou de la facture'),
  tiers: texte,
  libelle: texte,
  nature: z.enum(['bien', 'service', 'immobilisation']),
  zone: z.enum(['france', 'ue', 'hors_ue']).describe('Pays du client ou du fournisseur : France, Union européenne, hors Union européenne'),
  ht: montant.describe('Montant hors taxes en euros'),
  taux: tauxPourcent.describe('Taux de TVA en % (20, 10, 5.5, 2.1) ; 0 pour une opération exonérée'),
  reglement: date.optional().describe("Date de l'encaissement ou du paiement (prestations de services)"),
  optionDebits: z.boolean().default(false).describe("Achat : le fournisseur a opté pour le paiement de la TVA d'après les débits"),
});

export const EntreeCa3 = z.object({
  periode: mois.describe('Mois déclaré, AAAA-MM'),
  entreprise: z.object({ nom: texte, activite: z.string().default('') }).optional(),
  optionDebits: z.boolean().default(false).describe("L'entreprise a opté pour la TVA d'après les débits (prestations de services)"),
  creditAnterieur: z
    .number()
    .int({ error: 'montant en euros entiers attendu (ligne 27 de la déclaration précédente)' })
    .nonnegative()
    .max(MONTANT_MAX, { error: 'montant de 1 000 000 000 € au plus' })
    .default(0),
  demandeRemboursement: z.boolean().default(false),
  operations: liste(OperationTva),
});

export type EntreeCa3 = z.output<typeof EntreeCa3>;
export type OperationTva = z.output<typeof OperationTva>;
