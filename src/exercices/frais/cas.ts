import { TABLES_OFFICIELLES, type TablesDatees } from '../../domain/parametres/tables';
import { dernierJour } from '../../domain/dates';
import { CLIENTS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { ligneDuBareme, parametresFrais } from '../../domain/parametres/frais';
import { indemniteKm } from './calcul';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['depassement', 'sans_justificatif', 'km_errone', 'transport', 'electrique', 'repas_affaires'] as const;

const SALARIES = ['Julie Marchand', 'Karim Haddad', 'Sophie Lemoine', 'Thomas Nguyen', 'Inès Barbier', 'Lucas Fontaine'];
const VILLES = ['Angers', 'Tours', 'Nantes', 'Rennes', 'Le Mans', 'Poitiers'];

/** TTC and its TVA at `taux` %, for a receipt of about `min`–`max` euros. */
const ticket = (h: Hasard, min: number, max: number, taux: number) => {
  const ttc = h.montant(min, max, 0.1);
  return { montant: ttc, tva: Math.round((ttc - ttc / (1 + taux / 100)) * 100) / 100 };
};

/**
 * An employee's expense report for a month of visits to clients, as case data: kilometres with
 * their own car, meals, a night, tolls and parking, each with its receipt. Aléas: depassement (a
 * meal and a night above the company's ceilings), sans_justificatif (a receipt missing),
 * km_errone (kilometres claimed at a rate that is not the scale's), transport (a train and a
 * taxi, whose TVA is not recoverable), electrique (an electric car: the scale raised by 20 %),
 * repas_affaires (the first meal becomes a business meal with clients, sometimes above its ceiling
 * per guest). What is drawn for the company's business-meal ceiling comes last, so the other draws
 * of a seed stay those of the versions before it.
 */
export function casFrais(graine: number, periode: string, aleas: readonly string[], t: TablesDatees = TABLES_OFFICIELLES): Record<string, unknown> {
  const h = new Hasard(graine);
  const puissance = h.entier(3, 8);
  const plafondRepas = h.choisir([18, 20, 22, 25]);
  const plafondNuitee = h.choisir([80, 90, 95, 110]);
  const fin = Number(dernierJour(periode).slice(8));
  const jours = Array.from({ length: 3 }, () => h.entier(2, fin - 1)).sort((a, b) => a - b);
  const jour = (j: number) => `${periode}-${String(j).padStart(2, '0')}`;
  const lignes: Record<string, unknown>[] = [];
  const p = parametresFrais(periode, t.frais);
  const ligne = p.bareme[ligneDuBareme(puissance)]!;
  const electrique = aleas.includes('electrique');
  // the year's distance before the month: by the months gone, sometimes past 5 000 km (the middle bracket)
  const moisPasses = Number(periode.slice(5, 7)) - 1;
  let kmAnnuels = moisPasses * h.entier(3, 7) * 100;
  const kmDepart = kmAnnuels;
  for (const [i, j] of jours.entries()) {
    const client = h.choisir(CLIENTS);
    const km = h.entier(30, 260);
    const errone = aleas.includes('km_errone') && i === 0;
    // claimed at a rate above the scale's (its first bracket, raised for an electric car)
    const taux = errone ? Math.round((ligne.a * (electrique ? 1 + p.majorationElectrique / 100 : 1) + 0.05 * h.entier(1, 3)) * 1000) / 1000 : 0;
    lignes.push({
      date: jour(j),
      nature: 'km',
      libelle: `Visite ${client} (${h.choisir(VILLES)}), aller-retour`,
      km,
      montant: indemniteKm(km, errone ? { a: taux, b: taux, c: 0, e: taux } : ligne, kmAnnuels) / 100,
    });
    kmAnnuels += km;
    const repas = aleas.includes('depassement') && i === 1 ? ticket(h, plafondRepas * 1.1, plafondRepas * 1.5, 10) : ticket(h, plafondRepas * 0.6, plafondRepas * 0.95, 10);
    lignes.push({ date: jour(j), nature: 'repas', libelle: `Déjeuner pendant la visite de ${client}`, ...repas, justificatif: !(aleas.includes('sans_justificatif') && i === 2) });
    if (i === 1) {
      lignes.push({
        date: jour(j),
        nature: 'hotel',
        libelle: 'Nuitée (hôtel)',
        ...(aleas.includes('depassement') ? ticket(h, plafondNuitee * 1.1, plafondNuitee * 1.4, 10) : ticket(h, plafondNuitee * 0.7, plafondNuitee * 0.95, 10)),
      });
      lignes.push({ date: jour(j), nature: 'peage', libelle: 'Péage autoroutier', ...ticket(h, 6, 24, 20) });
    }
    if (i === 0) lignes.push({ date: jour(j), nature: 'parking', libelle: 'Stationnement', ...ticket(h, 3, 12, 20) });
  }
  if (aleas.includes('transport')) {
    lignes.push({ date: jour(jours[2]!), nature: 'train', libelle: 'Billet de train aller-retour', ...ticket(h, 45, 120, 10) });
    lignes.push({ date: jour(jours[2]!), nature: 'taxi', libelle: 'Taxi de la gare au client', ...ticket(h, 15, 35, 10) });
  }
  const salarie = h.choisir(SALARIES);
  const plafondRepasAffaires = h.choisir([30, 35, 40, 45]);
  if (aleas.includes('repas_affaires')) {
    const i = lignes.findIndex((l) => l.nature === 'repas');
    const convives = h.entier(2, 4);
    const client = String(lignes[i]!.libelle).replace(/^Déjeuner pendant la visite de /, '');
    lignes[i] = {
      ...lignes[i],
      libelle: `Déjeuner d\u2019affaires avec ${client}`,
      ...ticket(h, plafondRepasAffaires * convives * 0.8, plafondRepasAffaires * convives * 1.3, 10),
      convives,
    };
  }
  return { salarie, mois: periode, puissance, electrique, kmAnnuels: kmDepart, plafondRepas, plafondNuitee, plafondRepasAffaires, lignes };
}
