/**
 * Fictitious organisations and partners for generated cases. Any likeness to a real company is
 * accidental; names are plain enough for a student to read aloud.
 */
export interface Entreprise {
  nom: string;
  forme: string;
  activite: string;
  ville: string;
  /** what it sells, at which TVA rate, and whether goods or services */
  ventes: { libelle: string; taux: number; nature: 'bien' | 'service' }[];
  /** what it buys */
  achats: { libelle: string; taux: number; nature: 'bien' | 'service' }[];
  /** the scale of one sale, in euros HT */
  echelle: number;
}

export const ENTREPRISES: readonly Entreprise[] = [
  {
    nom: 'Bureau Plus',
    forme: 'SARL',
    activite: 'distribution de fournitures et de mobilier de bureau',
    ville: 'Angers',
    echelle: 2500,
    ventes: [
      { libelle: 'Fournitures de bureau', taux: 20, nature: 'bien' },
      { libelle: 'Mobilier de bureau', taux: 20, nature: 'bien' },
      { libelle: 'Installation et montage', taux: 20, nature: 'service' },
    ],
    achats: [
      { libelle: 'Marchandises (fournitures)', taux: 20, nature: 'bien' },
      { libelle: 'Transport sur achats', taux: 20, nature: 'service' },
      { libelle: 'Maintenance informatique', taux: 20, nature: 'service' },
    ],
  },
  {
    nom: 'Saveurs du Terroir',
    forme: 'SAS',
    activite: 'épicerie fine et traiteur',
    ville: 'Périgueux',
    echelle: 1200,
    ventes: [
      { libelle: 'Produits alimentaires', taux: 5.5, nature: 'bien' },
      { libelle: 'Plats préparés à emporter', taux: 10, nature: 'bien' },
      { libelle: 'Coffrets cadeaux (vins)', taux: 20, nature: 'bien' },
    ],
    achats: [
      { libelle: 'Denrées alimentaires', taux: 5.5, nature: 'bien' },
      { libelle: 'Vins et spiritueux', taux: 20, nature: 'bien' },
      { libelle: 'Nettoyage des locaux', taux: 20, nature: 'service' },
    ],
  },
  {
    nom: 'Atelier Numérique',
    forme: 'SARL',
    activite: 'création de sites internet et de supports de communication',
    ville: 'Lille',
    echelle: 3000,
    ventes: [
      { libelle: 'Création de site internet', taux: 20, nature: 'service' },
      { libelle: 'Maintenance de site', taux: 20, nature: 'service' },
      { libelle: 'Impression de brochures', taux: 20, nature: 'bien' },
    ],
    achats: [
      { libelle: 'Licences de logiciels', taux: 20, nature: 'service' },
      { libelle: 'Papier et consommables', taux: 20, nature: 'bien' },
      { libelle: 'Hébergement de serveurs', taux: 20, nature: 'service' },
    ],
  },
  {
    nom: 'Librairie des Arcades',
    forme: 'SARL',
    activite: 'librairie et papeterie',
    ville: 'Besançon',
    echelle: 900,
    ventes: [
      { libelle: 'Livres', taux: 5.5, nature: 'bien' },
      { libelle: 'Articles de papeterie', taux: 20, nature: 'bien' },
      { libelle: 'Journaux et magazines', taux: 2.1, nature: 'bien' },
    ],
    achats: [
      { libelle: 'Livres (éditeurs)', taux: 5.5, nature: 'bien' },
      { libelle: 'Papeterie (grossiste)', taux: 20, nature: 'bien' },
      { libelle: 'Transport sur achats', taux: 20, nature: 'service' },
    ],
  },
  {
    nom: 'Confort Habitat',
    forme: 'SAS',
    activite: 'travaux de rénovation de logements',
    ville: 'Nantes',
    echelle: 4000,
    ventes: [
      { libelle: 'Travaux de rénovation (logement de plus de deux ans)', taux: 10, nature: 'service' },
      { libelle: 'Travaux neufs', taux: 20, nature: 'service' },
      { libelle: 'Vente de matériaux', taux: 20, nature: 'bien' },
    ],
    achats: [
      { libelle: 'Matériaux', taux: 20, nature: 'bien' },
      { libelle: 'Location d\u2019échafaudage', taux: 20, nature: 'service' },
      { libelle: 'Sous-traitance électricité', taux: 20, nature: 'service' },
    ],
  },
  {
    nom: 'Le Comptoir Sportif',
    forme: 'SARL',
    activite: 'vente d\u2019articles de sport',
    ville: 'Grenoble',
    echelle: 1800,
    ventes: [
      { libelle: 'Articles de sport', taux: 20, nature: 'bien' },
      { libelle: 'Textiles de sport', taux: 20, nature: 'bien' },
      { libelle: 'Réparation de cycles', taux: 20, nature: 'service' },
    ],
    achats: [
      { libelle: 'Marchandises (équipements)', taux: 20, nature: 'bien' },
      { libelle: 'Publicité', taux: 20, nature: 'service' },
      { libelle: 'Entretien du magasin', taux: 20, nature: 'service' },
    ],
  },
];

export const CLIENTS = [
  'Cabinet Moreau',
  'Mairie de Saint-Aubin',
  'SARL Fontaine',
  'Garage Lefèvre',
  'Hôtel du Parc',
  'Collège Jean-Jaurès',
  'Pharmacie Centrale',
  'SAS Girard Frères',
  'Association Les Tilleuls',
  'Boulangerie Roux',
  'Agence Bonnet Immobilier',
  'Clinique Vétérinaire Blanc',
];
export const FOURNISSEURS = ['Distri Ouest', 'Grossiste Dumas', 'Transports Petit', 'Informatique Service', 'Papeteries Réunies', 'Matériaux Perrin', 'Nettoyage Pro', 'Imprimerie Chevalier'];
export const CLIENTS_UE = [
  { nom: 'Müller GmbH', pays: 'Allemagne' },
  { nom: 'Rossi Srl', pays: 'Italie' },
  { nom: 'García SL', pays: 'Espagne' },
  { nom: 'Janssens BV', pays: 'Belgique' },
];
export const CLIENTS_HORS_UE = [
  { nom: 'Swiss Office SA', pays: 'Suisse' },
  { nom: 'Maple Trading Ltd', pays: 'Canada' },
  { nom: 'Atlas Import', pays: 'Maroc' },
];
export const BANQUES = ['Crédit Régional', 'Banque Populaire de l\u2019Ouest', 'Caisse Mutuelle', 'Société Bancaire du Centre'];
