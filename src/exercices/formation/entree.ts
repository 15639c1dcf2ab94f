import { z } from 'zod';
import { liste, mois, montant, texte } from '../../domain/validation';

const entier = (quoi: string) => z.number().int({ error: `nombre entier ${quoi} attendu` });

/** The company's training plan: its actions with their cost and who attends, the budget, the rules of its costs. Amounts in euros. */
export const EntreeFormation = z
  .object({
    entreprise: z.string().default(''),
    mois: mois.describe('Mois du plan, AAAA-MM : il date le barème kilométrique'),
    budget: montant.describe('Budget de formation de l\u2019année, en euros'),
    tauxCharges: z.number().nonnegative().max(100).describe('Charges patronales sur les salaires maintenus pendant la formation, en %'),
    repas: montant.describe('Forfait repas par participant et par jour de formation hors de l\u2019entreprise, en euros'),
    salaries: liste(z.object({ nom: texte, poste: texte })).min(1, { error: 'un salarié au moins' }),
    actions: liste(
      z.object({
        code: texte.describe('Code de l\u2019action, par exemple F1'),
        intitule: texte,
        organisme: texte,
        priorite: entier('de priorité').positive().describe('1 : la plus prioritaire'),
        statut: z.enum(['prevue', 'annulee']).default('prevue').describe('prevue ; annulee : formation annulée, qui ne coûte rien'),
        coutPedagogique: montant.describe('Coût pédagogique HT facturé par l\u2019organisme, en euros'),
        heures: entier('d\u2019heures').positive().describe('Durée de la formation, en heures'),
        jours: entier('de jours').positive().describe('Nombre de jours de formation'),
        distance: entier('de kilomètres').nonnegative().default(0).describe('Distance aller jusqu\u2019au lieu de la formation, en km ; 0 : dans l\u2019entreprise'),
        puissance: entier('de chevaux fiscaux').min(1).max(20).optional().describe('Puissance fiscale du véhicule utilisé (CV), pour une formation hors de l\u2019entreprise'),
      }),
    ).min(1, { error: 'une action au moins' }),
    participants: liste(z.object({ action: texte, salarie: texte, tauxHoraire: montant.describe('Taux horaire brut du salarié, en euros') })),
  })
  .superRefine((e, ctx) => {
    const codes = new Set<string>();
    const priorites = new Set<number>();
    e.actions.forEach((a, i) => {
      if (codes.has(a.code)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'code'], message: `code « ${a.code} » en double` });
      if (priorites.has(a.priorite)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'priorite'], message: `priorité ${a.priorite} déjà donnée à une autre action` });
      if (a.distance > 0 && a.puissance === undefined)
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'puissance'], message: 'formation hors de l\u2019entreprise : la puissance fiscale du véhicule manque' });
      codes.add(a.code);
      priorites.add(a.priorite);
    });
    const noms = new Set(e.salaries.map((s) => s.nom));
    const vus = new Set<string>();
    e.participants.forEach((p, i) => {
      if (!codes.has(p.action)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'action'], message: `action « ${p.action} » absente du plan` });
      if (!noms.has(p.salarie)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'salarie'], message: `« ${p.salarie} » absent de la liste des salariés` });
      if (vus.has(`${p.action}|${p.salarie}`)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'salarie'], message: `« ${p.salarie} » inscrit deux fois à l\u2019action ${p.action}` });
      vus.add(`${p.action}|${p.salarie}`);
    });
  });

export type EntreeFormation = z.output<typeof EntreeFormation>;
