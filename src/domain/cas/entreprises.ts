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
  /** what it buys, and from whom (a supplier sells what it supplies) */
  achats: { libelle: string; taux: number; nature: 'bien' | 'service'; fournisseurs: readonly string[] }[];
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
      { libelle: 'Marchandises (fournitures)', taux: 20, nature: 'bien', fournisseurs: ['Papeteries Réunies', 'Distri Ouest'] },
      { libelle: 'Transport sur achats', taux: 20, nature: 'service', fournisseurs: ['Transports Petit'] },
      { libelle: 'Maintenance informatique', taux: 20, nature: 'service', fournisseurs: ['Informatique Service'] },
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
      { libelle: 'Denrées alimentaires', taux: 5.5, nature: 'bien', fournisseurs: ['Grossiste Dumas'] },
      { libelle: 'Vins et spiritueux', taux: 20, nature: 'bien', fournisseurs: ['Cave Delorme'] },
      { libelle: 'Nettoyage des locaux', taux: 20, nature: 'service', fournisseurs: ['Nettoyage Pro'] },
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
      { libelle: 'Licences de logiciels', taux: 20, nature: 'service', fournisseurs: ['Informatique Service'] },
      { libelle: 'Papier et consommables', taux: 20, nature: 'bien', fournisseurs: ['Papeteries Réunies', 'Imprimerie Chevalier'] },
      { libelle: 'Hébergement de serveurs', taux: 20, nature: 'service', fournisseurs: ['Informatique Service'] },
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
      { libelle: 'Livres (éditeurs)', taux: 5.5, nature: 'bien', fournisseurs: ['Éditions Rivage'] },
      { libelle: 'Papeterie (grossiste)', taux: 20, nature: 'bien', fournisseurs: ['Papeteries Réunies', 'Distri Ouest'] },
      { libelle: 'Transport sur achats', taux: 20, nature: 'service', fournisseurs: ['Transports Petit'] },
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
      { libelle: 'Matériaux', taux: 20, nature: 'bien', fournisseurs: ['Matériaux Perrin'] },
      { libelle: 'Location d\u2019échafaudage', taux: 20, nature: 'service', fournisseurs: ['Matériaux Perrin'] },
      { libelle: 'Sous-traitance électricité', taux: 20, nature: 'service', fournisseurs: ['Électricité Gauthier'] },
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
      { libelle: 'Marchandises (équipements)', taux: 20, nature: 'bien', fournisseurs: ['Distri Ouest', 'Grossiste Dumas'] },
      { libelle: 'Publicité', taux: 20, nature: 'service', fournisseurs: ['Imprimerie Chevalier'] },
      { libelle: 'Entretien du magasin', taux: 20, nature: 'service', fournisseurs: ['Nettoyage Pro'] },
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
export const FOURNISSEURS = [
  'Distri Ouest',
  'Grossiste Dumas',
  'Transports Petit',
  'Informatique Service',
  'Papeteries Réunies',
  'Matériaux Perrin',
  'Nettoyage Pro',
  'Imprimerie Chevalier',
  'Cave Delorme',
  'Éditions Rivage',
  'Électricité Gauthier',
  'Garage Central Utilitaires',
  'Agencement Martin',
];

/** Fixed assets a company buys, each from a supplier that sells it. */
export const IMMOBILISATIONS: readonly { libelle: string; fournisseurs: readonly string[] }[] = [
  { libelle: 'Ordinateur portable et logiciels', fournisseurs: ['Informatique Service'] },
  { libelle: 'Véhicule utilitaire', fournisseurs: ['Garage Central Utilitaires'] },
  { libelle: 'Étagères et agencement du magasin', fournisseurs: ['Agencement Martin'] },
  { libelle: 'Photocopieur multifonction', fournisseurs: ['Informatique Service'] },
];
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
