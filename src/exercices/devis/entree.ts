import { z } from 'zod';
import { date, liste, montant, tauxPourcent, texte } from '../../domain/validation';

const quantite = z.number().int({ error: 'quantité entière attendue' }).positive({ error: 'une unité au moins' });

/**
 * A client's request answered by a devis from the tarif (quantity-discount tiers per line, franco de
 * port, validity, acompte), then the client's bon de commande to control against that devis.
 * Amounts in euros HT.
 */
export const EntreeDevis = z
  .object({
    entreprise: z.string().default(''),
    client: texte,
    devis: z.object({
      date: date.describe('Date du devis, AAAA-MM-JJ'),
      validite: z.number().int({ error: 'nombre entier de jours attendu' }).positive().max(365).describe('Durée de validité du devis, en jours'),
      tauxTva: tauxPourcent.describe('Taux de TVA des articles, en %'),
      acompte: tauxPourcent.describe('Acompte demandé à la commande, en % du total TTC'),
      franco: montant.describe('Franco de port : total net HT à partir duquel le port est offert, en euros'),
      port: montant.describe('Forfait de port HT en dessous du franco, en euros'),
    }),
    tarif: liste(z.object({ reference: texte, designation: texte, prixUnitaire: montant.describe('Prix unitaire HT du tarif, en euros') })).min(1, { error: 'un article au moins' }),
    remises: liste(z.object({ aPartirDe: quantite.describe('Quantité d\u2019une ligne à partir de laquelle le palier s\u2019applique'), taux: tauxPourcent })),
    demande: liste(z.object({ reference: texte, quantite })).min(1, { error: 'un article demandé au moins' }),
    commande: z.object({
      date: date.describe('Date du bon de commande, AAAA-MM-JJ'),
      acompte: tauxPourcent.describe('Acompte que le client propose de verser, en % du total TTC'),
      lignes: liste(z.object({ reference: texte, quantite, prixUnitaire: montant.describe('Prix unitaire HT écrit sur le bon'), remise: tauxPourcent.describe('Remise écrite sur le bon, en %') })).min(
        1,
        {
          error: 'une ligne de commande au moins',
        },
      ),
    }),
  })
  .superRefine((e, ctx) => {
    const refs = new Set<string>();
    e.tarif.forEach((a, i) => {
      if (refs.has(a.reference)) ctx.addIssue({ code: 'custom', path: ['tarif', i, 'reference'], message: `référence « ${a.reference} » en double dans le tarif` });
      refs.add(a.reference);
    });
    const unique = (lignes: readonly { reference: string }[], champ: 'demande' | 'commande') => {
      const vues = new Set<string>();
      lignes.forEach((l, i) => {
        const chemin = champ === 'demande' ? [champ, i, 'reference'] : ['commande', 'lignes', i, 'reference'];
        if (!refs.has(l.reference)) ctx.addIssue({ code: 'custom', path: chemin, message: `référence « ${l.reference} » absente du tarif` });
        if (vues.has(l.reference)) ctx.addIssue({ code: 'custom', path: chemin, message: `référence « ${l.reference} » sur deux lignes : regroupez les quantités` });
        vues.add(l.reference);
      });
    };
    unique(e.demande, 'demande');
    unique(e.commande.lignes, 'commande');
    e.remises.forEach((r, i) => {
      if (i && r.aPartirDe <= e.remises[i - 1]!.aPartirDe) ctx.addIssue({ code: 'custom', path: ['remises', i, 'aPartirDe'], message: 'les paliers de remise vont en quantités croissantes' });
    });
    if (e.commande.date < e.devis.date) ctx.addIssue({ code: 'custom', path: ['commande', 'date'], message: 'le bon de commande précède le devis' });
  });

export type EntreeDevis = z.output<typeof EntreeDevis>;
