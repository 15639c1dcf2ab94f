import { z } from 'zod';
import { liste, mois, montant, texte } from '../../domain/validation';

const entier = (quoi: string) => z.number().int({ error: `nombre entier ${quoi} attendu` });
const heures = z.number().positive({ error: 'durée positive attendue' }).max(48).describe('Durée du trajet aller, porte à porte, en heures (3,5 pour 3 h 30)');
const decimales = (n: number) => (x: number) => Math.abs(x * 10 ** n - Math.round(x * 10 ** n)) < 1e-6;

/** The public transport offers a mission can take: their label in the énoncé and in the answers. */
export const MODES_PUBLICS = { train: 'Train', avion: 'Avion' } as const;

/**
 * A mission to organise: who travels, where, how long; the offers of train (and plane), the car of
 * the employee and a rental car; the hotel and meals with the company's limits; the criterion of the
 * choice. Amounts in euros.
 */
export const EntreeDeplacement = z
  .object({
    entreprise: z.string().default(''),
    salarie: texte,
    mois: mois.describe('Mois de la mission, AAAA-MM : il date le barème kilométrique'),
    depart: texte,
    destination: texte,
    personnes: entier('de personnes').min(1).max(6).describe('Salariés qui partent ensemble'),
    nuits: entier('de nuits').min(0).max(14),
    repas: entier('de repas').min(0).max(40).describe('Repas à prendre en charge par personne'),
    distance: entier('de kilomètres').positive().max(2000).describe('Distance aller par la route, en km'),
    critere: z.enum(['cout', 'duree']).describe('cout : le transport le moins coûteux ; duree : le plus rapide (à durée égale, le moins coûteux)'),
    hotel: z.object({ prixNuit: montant, plafond: montant.describe('Plafond de l\u2019entreprise par nuit et par personne') }),
    restauration: z.object({ prixRepas: montant, plafond: montant.describe('Plafond de l\u2019entreprise par repas') }),
    offres: liste(
      z.object({
        mode: z.enum(['train', 'avion']),
        billet: montant.describe('Billet aller-retour par personne'),
        transferts: montant.describe('Transferts aller-retour par personne (taxi, navette)'),
        duree: heures,
      }),
    ).min(1, {
      error: 'le train au moins',
    }),
    voiture: z.object({
      puissance: entier('de chevaux fiscaux').min(1).max(20).describe('Puissance fiscale de la voiture du salarié (CV)'),
      peages: montant.describe('Péages aller-retour'),
      parking: montant.describe('Stationnement sur place, par jour'),
      duree: heures,
    }),
    location: z.object({
      parJour: montant.describe('Location d\u2019une voiture, par jour'),
      consommation: z.number().positive().max(30).refine(decimales(1), { error: 'une décimale au plus' }).describe('Consommation, en litres aux 100 km'),
      prixLitre: z.number().positive().max(10).refine(decimales(3), { error: 'trois décimales au plus' }).describe('Prix du litre de carburant, en euros'),
    }),
  })
  .superRefine((e, ctx) => {
    const vus = new Set<string>();
    e.offres.forEach((o, i) => {
      if (vus.has(o.mode)) ctx.addIssue({ code: 'custom', path: ['offres', i, 'mode'], message: `deux offres « ${MODES_PUBLICS[o.mode]} » : gardez la meilleure` });
      vus.add(o.mode);
    });
  });

export type EntreeDeplacement = z.output<typeof EntreeDeplacement>;
