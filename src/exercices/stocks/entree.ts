import { z } from 'zod';
import { date, montant, texte, liste } from '../../domain/validation';

const quantite = z.number().int({ error: 'quantité entière attendue' }).nonnegative({ error: 'la quantité ne peut pas être négative' }).max(1_000_000, { error: 'quantité de 1 000 000 au plus' });

/**
 * One movement of the stock card: a delivery received, an issue to a department, a return to the
 * supplier, or a department's return into stock (réintégration) of units it did not use. Amounts in euros.
 */
export const Mouvement = z.object({
  date,
  piece: texte.describe('Bon de réception, bon de sortie, avoir ou bon de réintégration'),
  nature: z
    .enum(['entree', 'sortie', 'retour', 'reintegration'])
    .describe(
      'entree : réception ; sortie : consommation ou détérioration ; retour : articles défectueux rendus au fournisseur ; reintegration : articles inutilisés rendus au magasin par un service',
    ),
  libelle: z.string().default(''),
  quantite: quantite.refine((q) => q > 0, { error: 'quantité de 1 au moins' }),
  coutUnitaire: montant.optional().describe("Coût unitaire d'achat hors taxes en euros (entrée, retour)"),
  origine: z.string().trim().min(1).optional().describe('Réintégration : pièce de la sortie dont viennent les articles'),
});

/** How the CMUP is computed: after each entry (the card follows the stock), or once for the period. */
export const METHODES_CMUP = ['chaque_entree', 'periode'] as const;

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
    methodeCmup: z.enum(METHODES_CMUP).default('chaque_entree').describe('chaque_entree : CMUP après chaque entrée ; periode : CMUP de fin de période'),
  })
  .superRefine((e, ctx) => {
    let stock = e.stockInitial.quantite;
    let precedente = e.debut;
    const aReintegrer = new Map<string, number>(); // by issue's piece: units issued not yet returned
    const enDouble = new Set<string>();
    e.mouvements.forEach((m, i) => {
      if (m.date < precedente) ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'date'], message: "les mouvements doivent suivre l'ordre des dates" });
      precedente = m.date;
      if ((m.nature === 'entree' || m.nature === 'retour') && m.coutUnitaire === undefined)
        ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'coutUnitaire'], message: 'coût unitaire attendu pour une entrée ou un retour' });
      if (m.nature === 'sortie') {
        if (aReintegrer.has(m.piece)) enDouble.add(m.piece);
        aReintegrer.set(m.piece, m.quantite);
      }
      if (m.nature === 'reintegration') {
        const reste = m.origine === undefined ? undefined : aReintegrer.get(m.origine);
        if (m.origine !== undefined && enDouble.has(m.origine))
          ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'origine'], message: `plusieurs sorties portent la pièce ${m.origine} : la réintégration ne sait pas de laquelle elle vient` });
        else if (reste === undefined) ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'origine'], message: 'une réintégration nomme la pièce d\u2019une sortie antérieure (bon de sortie)' });
        else if (m.quantite > reste)
          ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'quantite'], message: `${m.quantite} réintégrés pour ${reste} sortis par ${m.origine} et non encore rendus` });
        else aReintegrer.set(m.origine!, reste - m.quantite);
      }
      stock += m.nature === 'entree' || m.nature === 'reintegration' ? m.quantite : -m.quantite;
      if (stock < 0) ctx.addIssue({ code: 'custom', path: ['mouvements', i, 'quantite'], message: `${m.quantite} sortis pour ${stock + m.quantite} en stock` });
    });
    if (e.stockMaximum <= e.stockMinimum + e.consommationJournaliere * e.delaiLivraison)
      ctx.addIssue({ code: 'custom', path: ['stockMaximum'], message: "le stock maximum doit dépasser le stock d'alerte (stock minimum + consommation pendant le délai de livraison)" });
  });

export type EntreeStocks = z.output<typeof EntreeStocks>;
export type Mouvement = z.output<typeof Mouvement>;
