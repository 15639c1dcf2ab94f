import { ajouterJours } from '../../domain/dates';
import { CLIENTS, CLIENTS_UE, ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['salon', 'demandes_infos', 'hors_delai', 'ue'] as const;

const FRAIS = {
  mailing: [
    ['Conception graphique du document', 300, 900],
    ['Location du fichier d\u2019adresses', 200, 800],
    ['Routage (mise sous pli)', 100, 400],
  ],
  salon: [
    ['Location du stand', 1500, 4000],
    ['Aménagement du stand', 500, 1500],
    ['Déplacement et hébergement de l\u2019équipe', 400, 1200],
    ['Inscription au catalogue du salon', 150, 400],
  ],
} as const;

/**
 * A closed prospection operation of `periode` (AAAA-MM), as case data: a mailing (by default) or a
 * stand at a trade fair. Aléas: salon (a trade fair: higher fixed costs, fewer contacts, more
 * orders each), demandes_infos (prospects asked for more information: documentation sent to each,
 * at a cost), hors_delai (orders received after the closing date, not the operation's), ue (a second
 * target in the European Union, each contact dearer).
 */
export function casProspection(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const salon = aleas.includes('salon');
  const debut = ajouterJours(`${periode}-01`, h.entier(0, 9));
  const cloture = ajouterJours(debut, h.choisir([30, 45, 60]));
  const cibles = [
    salon
      ? { cible: 'Visiteurs rencontrés sur le stand', contacts: h.entier(6, 25) * 10, coutUnitaire: h.montant(2, 6, 0.05) }
      : { cible: `Entreprises de la région de ${entreprise.ville}`, contacts: h.entier(6, 24) * 50, coutUnitaire: h.montant(0.6, 1.4, 0.01) },
    ...(aleas.includes('ue')
      ? [
          salon
            ? { cible: 'Visiteurs de l\u2019Union européenne (documentation traduite)', contacts: h.entier(2, 6) * 10, coutUnitaire: h.montant(6, 10, 0.05) }
            : { cible: 'Entreprises de l\u2019Union européenne', contacts: h.entier(2, 8) * 50, coutUnitaire: h.montant(1.5, 2.5, 0.01) },
        ]
      : []),
  ];
  const contacts = cibles.reduce((a, c) => a + c.contacts, 0);
  // a plausible return: 1 to 3 % for a mailing, 4 to 12 % of the visitors met for a fair; a list a student reads (30 orders at most)
  const retour = salon ? h.entier(40, 120) / 1000 : h.entier(10, 30) / 1000;
  const n = Math.min(30, Math.max(3, Math.round(contacts * retour)));
  const panier = salon ? h.montant(400, 2500, 10) : h.montant(150, 900, 10);
  const clients = aleas.includes('ue') ? [...CLIENTS, ...CLIENTS_UE.map((c) => `${c.nom} (${c.pays})`)] : CLIENTS;
  const duree = Math.round((Date.parse(cloture) - Date.parse(debut)) / 86_400_000);
  const dates = [
    ...Array.from({ length: n }, () => ajouterJours(debut, h.entier(1, duree))),
    ...(aleas.includes('hors_delai') ? Array.from({ length: h.entier(1, 3) }, () => ajouterJours(cloture, h.entier(1, 20))) : []),
  ].sort();
  const commandes = dates.map((date, i) => ({
    numero: `CM-${periode.replace('-', '')}-${String(i + 1).padStart(3, '0')}`,
    date,
    client: h.choisir(clients),
    montant: Math.round(panier * h.entier(50, 160)) / 100,
  }));
  const retenues = commandes.filter((c) => c.date <= cloture);
  const ca = retenues.reduce((a, c) => a + c.montant, 0);
  const taux = (retenues.length / contacts) * 100;
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    operation: {
      nature: salon ? 'salon' : 'mailing',
      libelle: salon ? `Stand au salon professionnel « ${entreprise.activite} »` : `Mailing de présentation : ${entreprise.activite}`,
      debut,
      cloture,
    },
    frais: FRAIS[salon ? 'salon' : 'mailing'].map(([libelle, min, max]) => ({ libelle, montant: h.montant(min, max, 10) })),
    cibles,
    demandes: { nombre: aleas.includes('demandes_infos') ? h.entier(10, 40) : 0, coutUnitaire: h.montant(2.5, 7.5, 0.1) },
    commandes,
    tauxMarque: h.choisir([25, 30, 35, 40, 45]),
    // objectives near the result, one side or the other: reached or not, each case its own
    objectifs: {
      tauxRetour: Math.max(0.5, Math.round(taux * h.choisir([0.8, 0.9, 1.1, 1.25]) * 2) / 2),
      chiffreAffaires: Math.max(500, Math.round((ca * h.choisir([0.85, 0.95, 1.05, 1.2])) / 500) * 500),
    },
  };
}
