import { z } from 'zod';
import { liste, montant, tauxPourcent, texte } from '../../domain/validation';

export const PRIORITES = { indispensable: 'Indispensable', utile: 'Utile' } as const;
const poids = z.number().int({ error: 'poids entier attendu (en %)' }).nonnegative().max(100);

/**
 * The supplier base to check, three quotes to compare by weighted criteria, the office supplies to
 * order within a budget, and the purchase invoice to record. Amounts in euros HT.
 */
export const EntreeFournisseurs = z
  .object({
    entreprise: z.string().default(''),
    fournisseurs: liste(z.object({ nom: texte, siret: texte, tva: texte, iban: texte })).min(1, { error: 'un fournisseur au moins' }),
    criteres: z.object({ prix: poids, delai: poids, qualite: poids, paiement: poids }).describe('Poids de chaque critère, en %, 100 en tout'),
    devis: liste(
      z.object({
        fournisseur: texte,
        prix: montant.refine((c) => c > 0, { error: 'prix positif attendu' }).describe('Montant HT du devis'),
        delai: z.number().int().positive().max(365).describe('Délai de livraison, en jours'),
        qualite: z
          .number()
          .min(1)
          .max(5)
          .refine((x) => Number.isInteger(x * 2), { error: 'note de 1 à 5, par demi-point' })
          .describe('Note de qualité du fournisseur, sur 5'),
        paiement: z.number().int().nonnegative().max(60).describe('Délai de paiement accordé, en jours (60 au plus, C. com., art. L441-10)'),
      }),
    )
      .min(2, { error: 'deux devis au moins à comparer' })
      .max(5),
    budget: montant.describe('Budget HT de la commande de fournitures'),
    tauxTva: tauxPourcent,
    fournitures: liste(z.object({ article: texte, quantite: z.number().int().positive(), prixUnitaire: montant, priorite: z.enum(['indispensable', 'utile']) })).min(1),
  })
  .superRefine((e, ctx) => {
    const c = e.criteres;
    if (c.prix + c.delai + c.qualite + c.paiement !== 100) ctx.addIssue({ code: 'custom', path: ['criteres'], message: 'les poids des critères font 100 % en tout' });
    if (!e.devis.some((d) => d.paiement > 0))
      ctx.addIssue({ code: 'custom', path: ['devis'], message: 'un délai de paiement au moins doit être positif : la note du critère se rapporte au plus long' });
    const noms = new Set(e.fournisseurs.map((f) => f.nom));
    e.devis.forEach((d, i) => {
      if (!noms.has(d.fournisseur)) ctx.addIssue({ code: 'custom', path: ['devis', i, 'fournisseur'], message: `« ${d.fournisseur} » absent de la base fournisseurs` });
    });
    const indispensables = e.fournitures.filter((f) => f.priorite === 'indispensable').reduce((a, f) => a + f.quantite * f.prixUnitaire, 0);
    if (indispensables > e.budget) ctx.addIssue({ code: 'custom', path: ['budget'], message: 'le budget ne couvre pas les fournitures indispensables' });
  });

export type EntreeFournisseurs = z.output<typeof EntreeFournisseurs>;
