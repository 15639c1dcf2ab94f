import { z } from 'zod';
import { date, liste, texte } from '../../domain/validation';

/**
 * A project to plan: its start, its tasks (duration in jours ouvrés, the tasks that must end before
 * each starts, who does it) and its team (hours a week each can give).
 */
export const EntreePlanning = z
  .object({
    entreprise: z.string().default(''),
    projet: texte,
    debut: date.describe('Premier jour possible du projet'),
    heuresParJour: z.number().positive().max(12).describe('Heures de travail d\u2019une journée sur une tâche'),
    taches: liste(
      z.object({
        code: texte,
        tache: texte,
        duree: z.number().int({ error: 'durée entière en jours ouvrés attendue' }).positive().max(60),
        anteriorites: z.array(z.string()).default([]).describe('Codes des tâches qui doivent être finies avant'),
        responsable: texte,
      }),
    ).min(1, { error: 'une tâche au moins' }),
    equipe: liste(z.object({ personne: texte, capacite: z.number().positive().max(60).describe('Heures disponibles par semaine') })).min(1),
  })
  .superRefine((e, ctx) => {
    const vues = new Set<string>();
    const equipe = new Set(e.equipe.map((p) => p.personne));
    e.taches.forEach((t, i) => {
      if (vues.has(t.code)) ctx.addIssue({ code: 'custom', path: ['taches', i, 'code'], message: `code « ${t.code} » en double` });
      for (const a of t.anteriorites)
        if (!vues.has(a)) ctx.addIssue({ code: 'custom', path: ['taches', i, 'anteriorites'], message: `« ${a} » doit être une tâche listée plus haut (les antériorités viennent avant)` });
      if (!equipe.has(t.responsable)) ctx.addIssue({ code: 'custom', path: ['taches', i, 'responsable'], message: `« ${t.responsable} » absent de l\u2019équipe` });
      vues.add(t.code);
    });
  });

export type EntreePlanning = z.output<typeof EntreePlanning>;
