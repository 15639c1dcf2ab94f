import { z } from 'zod';
import { date, montant, tauxPourcent, texte, liste } from '../../domain/validation';

/** One line of the order, as the case (or a teacher's JSON file) gives it. Amounts in euros. */
export const LigneFacture = z.object({
  reference: texte.describe("Référence de l'article, unique dans la facture"),
  designation: texte,
  quantite: z.number().int({ error: 'quantité entière attendue' }).positive({ error: 'quantité de 1 au moins' }).max(100_000, { error: 'quantité de 100 000 au plus' }),
  prixUnitaire: montant.describe('Prix unitaire hors taxes en euros'),
  remise: tauxPourcent.default(0).describe('Remise accordée sur la ligne, en %'),
  taux: tauxPourcent.describe("Taux de TVA de l'article en % (20, 10, 5.5, 2.1)"),
});

/** The articles returned after delivery: the facture d'avoir takes them back with the invoice's reductions. */
export const RetourFacture = z.object({
  reference: texte.describe("Référence d'un article de la facture"),
  quantite: z.number().int({ error: 'quantité entière attendue' }).positive({ error: 'quantité de 1 au moins' }),
});

export const EntreeFacture = z
  .object({
    numero: texte.describe('Numéro de la facture'),
    date: date.describe('Date de la facture'),
    vendeur: texte,
    client: texte,
    lignes: liste(LigneFacture).min(1, { error: 'une facture a au moins une ligne' }),
    rabais: tauxPourcent.default(0).describe('Rabais sur le total des lignes, en % (défaut de conformité, retard de livraison)'),
    ristourne: tauxPourcent.default(0).describe("Ristourne, en % (chiffre d'affaires de l'année atteint)"),
    escompte: tauxPourcent.default(0).describe('Escompte pour paiement comptant, en %'),
    port: montant.default(0).describe('Frais de port hors taxes en euros'),
    retours: liste(RetourFacture).default([]).describe("Articles retournés par le client : la facture d'avoir les reprend"),
  })
  .superRefine((e, ctx) => {
    const refs = e.lignes.map((l) => l.reference);
    refs.forEach((r, i) => {
      if (refs.indexOf(r) !== i) ctx.addIssue({ code: 'custom', path: ['lignes', i, 'reference'], message: `référence « ${r} » en double` });
    });
    // an article may come back in several return lines: together, never more than was invoiced
    const retournes = new Map<string, number>();
    e.retours.forEach((r, i) => {
      const l = e.lignes.find((x) => x.reference === r.reference);
      if (!l) return ctx.addIssue({ code: 'custom', path: ['retours', i, 'reference'], message: `« ${r.reference} » n'est pas un article de la facture` });
      const total = (retournes.get(r.reference) ?? 0) + r.quantite;
      retournes.set(r.reference, total);
      if (total > l.quantite)
        ctx.addIssue({
          code: 'custom',
          path: ['retours', i, 'quantite'],
          message:
            total === r.quantite
              ? `${r.quantite} retournés pour ${l.quantite} facturés`
              : `« ${r.reference} » : ${total} retournés en tout (avec les lignes de retour précédentes) pour ${l.quantite} facturés`,
        });
    });
  });

export type EntreeFacture = z.output<typeof EntreeFacture>;
export type LigneFacture = z.output<typeof LigneFacture>;
