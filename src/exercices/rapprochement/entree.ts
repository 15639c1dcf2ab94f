import { z } from 'zod';
import { date, montant, montantSigne, texte, liste } from '../../domain/validation';

/** A movement with exactly one side: `debit` or `credit`, in euros. */
const Mouvement = {
  date,
  libelle: texte,
  reference: z.string().trim().optional().describe('N° de chèque, de remise ou de virement : départage les montants égaux'),
  debit: montant.optional(),
  credit: montant.optional(),
};
const unSeulSens = (l: { debit?: number; credit?: number }) => (l.debit ?? 0) > 0 !== (l.credit ?? 0) > 0;
const messageSens = { error: 'indiquez un montant au débit ou au crédit, pas les deux (et pas zéro)' };

export const LigneCompte = z.object(Mouvement).refine(unSeulSens, messageSens);

export const LigneReleve = z
  .object({
    ...Mouvement,
    compte: z
      .string()
      .regex(/^[1-7][0-9]{1,7}$/, { error: 'numéro de compte du plan comptable attendu (par exemple 627)' })
      .optional()
      .describe("Compte de contrepartie de l'écriture de régularisation, si la ligne ne figure pas au compte 512"),
    tva: montant.optional().describe('TVA déductible comprise dans la ligne (frais bancaires soumis à TVA)'),
  })
  .refine(unSeulSens, messageSens);

export const EntreeRapprochement = z.object({
  date: date.describe("Date de l'état de rapprochement (fin du relevé)"),
  entreprise: z.object({ nom: texte, activite: z.string().default('') }).optional(),
  banque: z.string().default('Banque'),
  compte512: z.object({
    soldeInitial: montantSigne.describe("Solde du compte 512 au début de la période : positif s'il est débiteur"),
    lignes: liste(LigneCompte),
  }),
  releve: z.object({
    soldeInitial: montantSigne.describe("Solde du relevé au début de la période : positif s'il est créditeur"),
    lignes: liste(LigneReleve),
  }),
  suspens: liste(LigneCompte).default([]).describe('Opérations du compte 512 restées non pointées au rapprochement précédent'),
});

export type EntreeRapprochement = z.output<typeof EntreeRapprochement>;
export type LigneCompte = z.output<typeof LigneCompte>;
export type LigneReleve = z.output<typeof LigneReleve>;
