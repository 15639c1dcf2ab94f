import { z } from 'zod';
import { date, liste, texte } from '../../domain/validation';
import { ecartJours } from '../../domain/dates';

export const SEXES = { F: 'F', H: 'H' } as const;
export const CONTRATS = { CDI: 'CDI', CDD: 'CDD' } as const;

/**
 * The registre unique du personnel of a company and the absences of a calendar year, for its social
 * dashboard. A leaver's date of exit is their last day in the company.
 */
export const EntreeTableauSocial = z
  .object({
    entreprise: z.string().default(''),
    debut: date.describe('Premier jour de la période du tableau de bord (le 1er janvier pour une année civile)'),
    fin: date.describe('Dernier jour de la période (le 31 décembre) : date des effectifs, des âges et des anciennetés'),
    joursTheoriques: z.number().int().positive().max(366).describe('Jours de travail théoriques d\u2019un salarié présent toute l\u2019année'),
    salaries: liste(
      z.object({
        matricule: texte,
        nom: texte,
        sexe: z.enum(['F', 'H']),
        naissance: date,
        entree: date,
        sortie: date.optional().describe('Dernier jour dans l\u2019entreprise ; vide : toujours présent'),
        emploi: texte,
        contrat: z.enum(['CDI', 'CDD']),
      }),
    ).min(1, { error: 'un salarié au moins' }),
    absences: liste(z.object({ nom: texte, motif: texte, jours: z.number().int().positive().max(366) })),
  })
  .superRefine((e, ctx) => {
    const noms = new Set<string>();
    e.salaries.forEach((s, i) => {
      if (s.sortie && s.sortie < s.entree) ctx.addIssue({ code: 'custom', path: ['salaries', i, 'sortie'], message: 'la sortie précède l\u2019entrée' });
      if (s.naissance >= s.entree) ctx.addIssue({ code: 'custom', path: ['salaries', i, 'naissance'], message: 'la naissance doit précéder l\u2019entrée' });
      if (noms.has(s.nom)) ctx.addIssue({ code: 'custom', path: ['salaries', i, 'nom'], message: `« ${s.nom} » deux fois dans le registre` });
      noms.add(s.nom);
    });
    if (e.fin <= e.debut || ecartJours(e.debut, e.fin) > 366) ctx.addIssue({ code: 'custom', path: ['fin'], message: 'la période va du premier au dernier jour d\u2019une année au plus' });
    if (!e.salaries.some((s) => s.entree <= e.debut && (!s.sortie || s.sortie >= e.debut)))
      ctx.addIssue({ code: 'custom', path: ['salaries'], message: 'aucun salarié présent le premier jour de la période : le taux de rotation n\u2019existerait pas' });
    e.absences.forEach((a, i) => {
      if (!noms.has(a.nom)) ctx.addIssue({ code: 'custom', path: ['absences', i, 'nom'], message: `« ${a.nom} » absent du registre` });
    });
  });

export type EntreeTableauSocial = z.output<typeof EntreeTableauSocial>;
