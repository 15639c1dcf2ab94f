import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import { coutKilometrique, type TauxKilometriques } from '../../domain/parametres/frais';
import { MODES_PUBLICS, type EntreeDeplacement } from './entree';

/** The transports compared, in the answers' order: the public offers of the énoncé, then the two cars. */
export const VOITURES = { voiture: 'Voiture personnelle', location: 'Voiture de location' } as const;

export interface Transport {
  mode: string; // its label
  cout: Centimes;
  duree: number; // hours, there and back
}

/**
 * A mission's cost, in cents: each transport there and back (tickets and transfers per person; one
 * car for everyone, its kilometres at the barème's rate of its horsepower, or the rental per day with
 * its fuel, plus tolls and parking per day; days = nights + 1), its time there and back; the one the
 * criterion chooses (the cheapest, or the fastest and then the cheapest; the first listed on a tie);
 * the hotel and meals within the company's limits; the mission's total. Roundings to the cent, halves
 * away from zero.
 */
export interface ResultatDeplacement {
  transports: Transport[];
  choisi: number; // index in `transports`
  hebergement: Centimes;
  repas: Centimes;
  total: Centimes;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  uneVoiture: boolean; // false: the car's costs counted once per traveller
  allerRetour: boolean; // false: the one-way distance only
  billetsParPersonne: boolean; // false: one ticket for the whole group
  plafonds: boolean; // false: the hotel and meals at their price, above the company's limits
  critere: boolean; // false: the other criterion applied
  carburant: boolean; // false: the rental car's fuel forgotten
}
export const FACON_JUSTE: Facon = { uneVoiture: true, allerRetour: true, billetsParPersonne: true, plafonds: true, critere: true, carburant: true };

/** The transport the criterion picks (the student's own costs and times, in the knock-on check): the cheapest, or the fastest and then the cheapest; the first listed on a tie. */
export const transportChoisi = (transports: readonly Pick<Transport, 'cout' | 'duree'>[], parDuree: boolean): number =>
  transports.reduce((m, t, i) => {
    const x = transports[m]!;
    return (parDuree ? t.duree < x.duree || (t.duree === x.duree && t.cout < x.cout) : t.cout < x.cout) ? i : m;
  }, 0);

export function calculerDeplacement(e: EntreeDeplacement, p: TauxKilometriques, f: Facon = FACON_JUSTE): ResultatDeplacement {
  const jours = e.nuits + 1;
  const km = e.distance * (f.allerRetour ? 2 : 1);
  const voitures = f.uneVoiture ? 1 : e.personnes;
  const billets = f.billetsParPersonne ? e.personnes : 1;
  const route = e.voiture.peages + e.voiture.parking * jours;
  // litres × price: km × tenths of a litre per 100 km × thousandths of a euro, to the cent
  const carburant = f.carburant ? diviserArrondi(km * Math.round(e.location.consommation * 10) * Math.round(e.location.prixLitre * 1000), 10000) : 0;
  const transports: Transport[] = [
    ...e.offres.map((o) => ({ mode: MODES_PUBLICS[o.mode], cout: billets * (o.billet + o.transferts), duree: 2 * o.duree })),
    { mode: VOITURES.voiture, cout: voitures * (coutKilometrique(p, e.voiture.puissance, km) + route), duree: 2 * e.voiture.duree },
    { mode: VOITURES.location, cout: voitures * (e.location.parJour * jours + carburant + route), duree: 2 * e.voiture.duree },
  ];
  const choisi = transportChoisi(transports, (e.critere === 'duree') === f.critere);
  const nuit = f.plafonds ? Math.min(e.hotel.prixNuit, e.hotel.plafond) : e.hotel.prixNuit;
  const repas = f.plafonds ? Math.min(e.restauration.prixRepas, e.restauration.plafond) : e.restauration.prixRepas;
  const hebergement = e.personnes * e.nuits * nuit;
  const totalRepas = e.personnes * e.repas * repas;
  return { transports, choisi, hebergement, repas: totalRepas, total: transports[choisi]!.cout + hebergement + totalRepas };
}
