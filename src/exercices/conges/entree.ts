import { z } from 'zod';
import { mois, montant, texte, liste } from '../../domain/validation';

/**
 * One month of the reference period: worked (its gross pay; its days of work when it was not worked
 * whole), on non-professional sick leave (the salary it would have paid), unpaid leave, or before the
 * hiring. Amounts in euros.
 */
export const MoisDeReference = z.object({
  mois: mois,
  situation: z
    .enum(['travail', 'maladie', 'sans_solde', 'avant_entree'])
    .describe('travail : mois de travail effectif ; maladie : arrêt maladie non professionnel tout le mois ; sans_solde : congé sans solde (non assimilé) ; avant_entree : pas encore embauché'),
  brut: montant.default(0).describe('Rémunération brute du mois en euros (primes et heures supplémentaires comprises) ; arrêt maladie : salaire que le salarié aurait perçu'),
  jours: z
    .number()
    .int({ error: 'nombre entier de jours attendu' })
    .min(1, { error: 'un jour au moins' })
    .max(23, { error: '24 jours de travail valent un mois entier (C. trav., art. L3141-4) : laissez la case vide' })
    .optional()
    .describe('Mois de travail incomplet : jours ouvrables de travail effectif (24 jours valent un mois)'),
});

/** How the pay kept is divided: by the organisation's fixed number of days, or by the month's actual jours ouvrables. */
export const DIVISEURS_MAINTIEN = ['fixe', 'jours_reels'] as const;

export const EntreeConges = z
  .object({
    entreprise: z.string().default(''),
    salarie: texte,
    mois: liste(MoisDeReference).length(12, { error: 'les douze mois de la période de référence, de juin à mai' }),
    conge: z.object({
      mois: mois.describe('Mois du congé, AAAA-MM'),
      jours: z.number().int({ error: 'nombre entier de jours ouvrables attendu' }).positive().max(30).describe('Jours ouvrables de congé pris'),
      salaireMensuel: montant.describe('Salaire mensuel brut du salarié au moment du congé, en euros'),
      maintien: z.enum(DIVISEURS_MAINTIEN).default('fixe').describe('fixe : salaire × jours pris / 26 ; jours_reels : salaire × jours pris / jours ouvrables réels du mois du congé'),
    }),
  })
  .superRefine((e, ctx) => {
    e.mois.forEach((m, i) => {
      if ((m.situation === 'sans_solde' || m.situation === 'avant_entree') && m.brut) ctx.addIssue({ code: 'custom', path: ['mois', i, 'brut'], message: 'pas de rémunération un mois sans travail' });
      if (m.situation === 'maladie' && !m.brut)
        ctx.addIssue({ code: 'custom', path: ['mois', i, 'brut'], message: 'un mois d\u2019arrêt maladie donne le salaire que le salarié aurait perçu (il compte dans le dixième)' });
      if (m.situation !== 'travail' && m.jours !== undefined) ctx.addIssue({ code: 'custom', path: ['mois', i, 'jours'], message: 'des jours de travail seulement pour un mois de travail incomplet' });
      if (i && m.mois <= e.mois[i - 1]!.mois) ctx.addIssue({ code: 'custom', path: ['mois', i, 'mois'], message: 'les mois doivent se suivre' });
    });
  });

export type EntreeConges = z.output<typeof EntreeConges>;
