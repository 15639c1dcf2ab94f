import { z } from 'zod';
import { mois, montant, montantSigne, tauxPourcent, texte, liste } from '../../domain/validation';

const Reglement = z.object({
  part: z.number().positive().max(100).describe('Part du montant TTC, en %'),
  delai: z.union([z.literal(0), z.literal(30), z.literal(60), z.literal(90)], { error: 'délai de règlement attendu : 0 (comptant), 30, 60 ou 90 jours' }),
});
const Reglements = z
  .array(Reglement)
  .min(1)
  .default([{ part: 100, delai: 0 }])
  .refine((r) => Math.round(r.reduce((a, x) => a + x.part * 100, 0)) === 10000, { error: 'les parts des règlements doivent totaliser 100 %' });

/** Invoiced operation: TTC = HT + TVA, paid by parts after a delay. */
const Facturee = z.object({ mois, libelle: texte, ht: montant, taux: tauxPourcent.default(20), reglement: Reglements });
const Montant = z.object({ mois, libelle: texte, montant });

export const EntreeTresorerie = z.object({
  entreprise: z.object({ nom: texte, activite: z.string().default('') }).optional(),
  debut: mois.describe('Premier mois du budget, AAAA-MM'),
  mois: z.number().int().min(3, { error: 'le budget porte sur 3 à 12 mois' }).max(12, { error: 'le budget porte sur 3 à 12 mois' }),
  tresorerieInitiale: montantSigne.describe('Trésorerie au début du premier mois (négative en cas de découvert)'),
  ventes: liste(Facturee).default([]),
  achats: liste(Facturee).default([]),
  autresDecaissements: liste(Facturee).default([]).describe('Charges facturées avec TVA déductible : loyers, énergie, publicité…'),
  investissements: liste(z.object({ mois, libelle: texte, ht: montant, taux: tauxPourcent.default(20) })).default([]),
  salaires: liste(z.object({ mois, net: montant, charges: montant.describe('Cotisations sociales du mois, payées le mois suivant') })).default([]),
  emprunts: liste(Montant).default([]).describe("Remboursements d'emprunt (échéances)"),
  autresEncaissements: liste(Montant).default([]).describe('Apport, emprunt obtenu, subvention… (sans TVA)'),
  soldeInitial: z
    .object({
      creances: liste(Montant).default([]).describe("Créances clients du bilan, avec leur mois d'encaissement"),
      dettes: liste(Montant).default([]).describe('Dettes fournisseurs et sociales du bilan, avec leur mois de paiement'),
      tvaADecaisser: montant.default(0).describe('TVA due au titre du mois précédant le budget, payée le premier mois'),
      creditTva: montant.default(0).describe('Crédit de TVA reporté au premier mois'),
    })
    .default({ creances: [], dettes: [], tvaADecaisser: 0, creditTva: 0 }),
});

export type EntreeTresorerie = z.output<typeof EntreeTresorerie>;
