import { z } from 'zod';
import { mois, montant, texte, liste } from '../../domain/validation';

/** One month of the reference period: worked (its gross pay), unpaid leave, or before the hiring. Amounts in euros. */
export const MoisDeReference = z.object({
  mois: mois,
  situation: z.enum(['travail', 'sans_solde', 'avant_entree']).describe('travail : mois de travail effectif ; sans_solde : congé sans solde (non assimilé) ; avant_entree : pas encore embauché'),
  brut: montant.default(0).describe('Rémunération brute du mois en euros (primes et heures supplémentaires comprises)'),
});

export const EntreeConges = z
  .object({
    entreprise: z.string().default(''),
    salarie: texte,
    mois: liste(MoisDeReference).length(12, { error: 'les douze mois de la période de référence, de juin à mai' }),
    conge: z.object({
      mois: mois.describe('Mois du congé, AAAA-MM'),
      jours: z.number().int({ error: 'nombre entier de jours ouvrables attendu' }).positive().max(30).describe('Jours ouvrables de congé pris'),
      salaireMensuel: montant.describe('Salaire mensuel brut du salarié au moment du congé, en euros'),
    }),
  })
  .superRefine((e, ctx) => {
    e.mois.forEach((m, i) => {
      if (m.situation !== 'travail' && m.brut) ctx.addIssue({ code: 'custom', path: ['mois', i, 'brut'], message: 'pas de rémunération un mois sans travail' });
      if (i && m.mois <= e.mois[i - 1]!.mois) ctx.addIssue({ code: 'custom', path: ['mois', i, 'mois'], message: 'les mois doivent se suivre' });
    });
  });

export type EntreeConges = z.output<typeof EntreeConges>;
