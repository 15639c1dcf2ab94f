import { z } from 'zod';
import { date, liste, mois, montant, texte } from '../../domain/validation';
import { moisComplets } from '../../domain/dates';

/** The categories of the Code du travail's trial periods (art. L1221-19). */
export const CATEGORIES = { ouvrier: 'Ouvrier ou employé', maitrise: 'Agent de maîtrise ou technicien', cadre: 'Cadre' } as const;
/** How a CDD ends: at its term, or after the employee refused a CDI for the same job (no end-of-contract indemnity, art. L1243-10). */
export const MOTIFS_CDD = { terme: 'Terme normal du contrat', refus_cdi: 'Refus d\u2019un CDI proposé pour le même emploi' } as const;

/**
 * Three files of the personnel department: a hiring on a CDI (DPAE, trial period and its renewal),
 * the end of a CDD (indemnities), a dismissal (notice, seniority, reference salary, legal severance
 * pay, paid-leave indemnity, the solde de tout compte). Amounts in euros.
 */
export const EntreeEntreeSortie = z
  .object({
    entreprise: z.string().default(''),
    embauche: z.object({
      salarie: texte,
      categorie: z.enum(['ouvrier', 'maitrise', 'cadre']),
      date: date.describe('Date d\u2019embauche (premier jour de travail), AAAA-MM-JJ'),
      renouvellement: z.number().int().nonnegative().default(0).describe('Renouvellement de la période d\u2019essai prévu par l\u2019accord de branche et le contrat, en mois ; 0 : aucun'),
    }),
    cdd: z.object({
      salarie: texte,
      debut: date,
      fin: date,
      brut: montant.describe('Rémunération totale brute versée pendant le contrat, en euros'),
      motif: z.enum(['terme', 'refus_cdi']).default('terme'),
    }),
    licenciement: z.object({
      salarie: texte,
      entree: date.describe('Date d\u2019entrée dans l\u2019entreprise'),
      notification: date.describe('Date de notification du licenciement (le préavis court à partir d\u2019elle)'),
      salaires: liste(z.object({ mois, brut: montant }))
        .min(3, { error: 'les trois derniers mois au moins' })
        .max(12, { error: 'les douze derniers mois au plus' })
        .describe('Salaires bruts des derniers mois avant la notification, du plus ancien au plus récent'),
      conges: z.number().int({ error: 'nombre entier de jours attendu' }).nonnegative().max(60).describe('Jours ouvrables de congés payés acquis et non pris'),
      salaireMensuel: montant.describe('Salaire mensuel brut actuel'),
    }),
  })
  .superRefine((e, ctx) => {
    if (e.cdd.fin < e.cdd.debut) ctx.addIssue({ code: 'custom', path: ['cdd', 'fin'], message: 'la fin du CDD précède son début' });
    const l = e.licenciement;
    if (l.notification <= l.entree) ctx.addIssue({ code: 'custom', path: ['licenciement', 'notification'], message: 'la notification doit suivre l\u2019entrée dans l\u2019entreprise' });
    else if (moisComplets(l.entree, l.notification) < 6)
      ctx.addIssue({
        code: 'custom',
        path: ['licenciement', 'entree'],
        message: 'moins de six mois d\u2019ancienneté : le préavis relève alors de la convention collective ou des usages (C. trav., art. L1234-1, 1°), que cet exercice ne traite pas',
      });
    l.salaires.forEach((s, i) => {
      if (i && s.mois <= l.salaires[i - 1]!.mois) ctx.addIssue({ code: 'custom', path: ['licenciement', 'salaires', i, 'mois'], message: 'les mois doivent se suivre, du plus ancien au plus récent' });
    });
  });

export type EntreeEntreeSortie = z.output<typeof EntreeEntreeSortie>;
