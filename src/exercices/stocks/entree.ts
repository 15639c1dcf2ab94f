import { z } from 'zod';
import { date, montant, texte, liste } from '../../domain/validation';

const quantite = z.number().int({ error: 'quantité entière attendue' }).nonnegative({ error: 'la quantité ne peut pas être négative' }).max(1_000_000, { error: 'quantité de 1 000 000 au plus' });

/** One movement of the stock card: a delivery received, an issue to a department, or a return to the supplier. Amounts in euros. */
export const Mouvement = z.object({
  date,
  piece: texte.describe('Bon de réception, bon de sortie ou avoir'),
  nature: z.enum(['entree', 'sortie', 'retour']).describe('entree : réception ; sortie : consommation ou détérioration ; retour : articles défectueux rendus au fournisseur'),
  libelle: z.string().default(''),
  quantite: quantite.refine((q) => q > 0, { error: 'quantité de 1 au moins' }),
  coutUnitaire: montant.optional().describe("Coût unitaire d'achat hors taxes en euros (entrée, retour)"),
});

export const EntreeStocks = z
  .object({
    article: z.object({ reference: texte, designation: texte, unite: z.string().default('unité') }),
    debut: date.describe('Date du stock initial'),
    stockInitial: z.object({ quantite, coutUnitaire: montant }),
    mouvements: liste(Mouvement).min(1, { error: 'au moins un mouvement' }),
    stockMinimum: quantite.describe('Stock minimum (de sécurité), en unités'),
    consommationJournaliere: quantite.describe('Consommation moyenne par jour ouvré, en unités'),
    delaiLivraison: z.number().int().positive().max(120).describe('Délai de livraison du fournisseur, en jours ouvrés'),
    stockMaximum: quantite.describe('Stock maximum, en unités'),
  })
  .superRefine((e, ctx) => {
    let stock = e.stockInitial.quantite;
    let precedente = e.debut;
    e.mouvements.forEach((m, i) => {
      if (m.date < precedente) ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'date'], message: "les mouvements doivent suivre l'ordre des dates" });
      precedente = m.date;
      if (m.nature !== 'sortie' && m.coutUnitaire === undefined)
        ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'coutUnitaire'], message: 'coût unitaire attendu pour une entrée ou un retour' });
      stock += m.nature === 'entree' ? m.quantite : -m.quantite;
      if (stock < 0) ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'quantite'], message: `${m.quantite} sortis pour ${stock + m.quantite} en stock` });
    });
    if (e.stockMaximum <= e.stockMinimum + e.consommationJournaliere * e.delaiLivraison)
      ctx.addIssue({ code: 'custom', path: ['stockMaximum'], message: "le stock maximum doit dépasser le stock d'alerte (stock minimum + consommation pendant le délai de livraison)" });
  });

export type EntreeStocks = z.output<typeof EntreeStocks>;
export type Mouvement = z.output<typeof Mouvement>;
