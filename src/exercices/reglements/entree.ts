import { z } from 'zod';
import { date, montant, tauxPourcent, texte, liste } from '../../domain/validation';

const quantite = z.number().int({ error: 'quantité entière attendue' }).nonnegative({ error: 'la quantité ne peut pas être négative' }).max(1_000_000);

/** One supplier invoice with its order and delivery note (one article each). Amounts in euros HT. */
export const FactureFournisseur = z.object({
  fournisseur: texte,
  numero: texte,
  date: date.describe('Date de la facture'),
  designation: texte,
  commande: z.object({ numero: texte, quantite, prixUnitaire: montant }).describe('Bon de commande : quantité et prix unitaire HT convenus'),
  livraison: z.object({ numero: texte, quantite }).describe('Bon de livraison : quantité reçue conforme'),
  facturee: z.object({ quantite, prixUnitaire: montant }).describe('Ce que la facture compte'),
  taux: tauxPourcent.describe('Taux de TVA en %'),
  conditions: z.object({
    delai: z.number().int().positive().max(120).describe('Délai de paiement en jours'),
    finDeMois: z.boolean().default(false).describe('« fin de mois » : la date obtenue est portée à la fin de son mois'),
    lecture: z
      .enum(['delai_puis_fin_de_mois', 'fin_de_mois_puis_delai'])
      .default('delai_puis_fin_de_mois')
      .describe('« 45 jours fin de mois » : le délai puis la fin du mois (45 jours, puis fin de ce mois), ou la fin du mois puis le délai (« fin de mois 45 jours »)'),
    le: z.number().int().min(1).max(28).optional().describe('« fin de mois le 10 » : le jour du mois suivant la fin de mois'),
    escompte: z
      .object({ taux: tauxPourcent, jours: z.number().int().positive().max(30) })
      .optional()
      .describe('Escompte pour paiement dans les jours indiqués après la facture'),
  }),
});

export const EntreeReglements = z
  .object({
    entreprise: texte,
    date: date.describe('Date du traitement des règlements'),
    factures: liste(FactureFournisseur).min(1, { error: 'au moins une facture' }),
  })
  .superRefine((e, ctx) => {
    const cles = e.factures.map((f) => `${f.fournisseur}|${f.numero}`);
    e.factures.forEach((f, i) => {
      if (!f.conditions.finDeMois && (f.conditions.le !== undefined || f.conditions.lecture !== 'delai_puis_fin_de_mois'))
        ctx.addIssue({ code: 'custom', path: ['factures', i, 'conditions', 'finDeMois'], message: "« le » et « lecture » ne valent qu'avec « fin de mois »" });
      if (cles.indexOf(cles[i]!) !== i) ctx.addIssue({ code: 'custom', path: ['factures', i, 'numero'], message: `facture « ${f.numero} » de ${f.fournisseur} en double` });
      if (f.date > e.date) ctx.addIssue({ code: 'custom', path: ['factures', i, 'date'], message: 'facture postérieure à la date du traitement' });
    });
  });

export type EntreeReglements = z.output<typeof EntreeReglements>;
export type FactureFournisseur = z.output<typeof FactureFournisseur>;
