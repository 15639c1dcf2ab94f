import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['avion', 'equipe', 'critere_temps', 'hotel_cher'] as const;

const VILLES = ['Paris', 'Lyon', 'Bordeaux', 'Lille', 'Marseille', 'Strasbourg', 'Toulouse', 'Nantes', 'Rennes', 'Nice'];
const SALARIES = ['Julie Marchand', 'Karim Haddad', 'Sophie Lemoine', 'Thomas Nguyen', 'Inès Barbier', 'Lucas Fontaine'];

/** A duration in hours, to the quarter of an hour. */
const auQuart = (h: number) => Math.round(h * 4) / 4;

/**
 * A mission of `periode` (AAAA-MM) to organise, as case data. Aléas: avion (a flight offer besides
 * the train, on a long distance), equipe (two or three employees travel together: one car, a ticket
 * each), critere_temps (the company wants the fastest transport), hotel_cher (the hotel above the
 * company's limit per night).
 */
export function casDeplacement(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const avion = aleas.includes('avion');
  const distance = avion ? h.entier(500, 950) : h.entier(150, 700);
  const nuits = h.entier(0, 2);
  const plafond = h.choisir([90, 100, 110, 120]);
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    salarie: h.choisir(SALARIES),
    mois: periode,
    depart: entreprise.ville,
    destination: h.choisir(VILLES.filter((v) => v !== entreprise.ville)),
    personnes: aleas.includes('equipe') ? h.entier(2, 3) : 1,
    nuits,
    repas: Math.max(1, 2 * (nuits + 1) - 1),
    distance,
    critere: aleas.includes('critere_temps') ? 'duree' : 'cout',
    hotel: { prixNuit: aleas.includes('hotel_cher') ? plafond + h.entier(15, 40) : h.entier(65, plafond), plafond },
    restauration: { prixRepas: h.montant(14, 28, 0.1), plafond: h.choisir([18, 20, 22]) },
    offres: [
      { mode: 'train', billet: h.montant(distance * 0.12, distance * 0.28, 1), transferts: h.montant(8, 40, 1), duree: auQuart(distance / h.entier(150, 220) + 0.75) },
      ...(avion ? [{ mode: 'avion', billet: h.montant(120, 320, 1), transferts: h.montant(30, 80, 1), duree: auQuart(distance / 700 + 3.25) }] : []),
    ],
    voiture: { puissance: h.entier(3, 7), peages: h.montant(distance * 0.14, distance * 0.2, 0.1), parking: h.choisir([0, 8, 12, 18, 25]), duree: auQuart(distance / h.entier(85, 100)) },
    location: { parJour: h.montant(45, 85, 1), consommation: h.entier(50, 75) / 10, prixLitre: h.entier(1650, 1950) / 1000 },
  };
}
