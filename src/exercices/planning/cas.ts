import { ajouterJours } from '../../domain/dates';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { estOuvre, joursFeries } from '../../domain/joursFeries';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['ferie', 'surcharge', 'temps_partiel'] as const;

const PROJETS = [
  ['Salon professionnel', ['Réserver le stand', 'Concevoir les supports', 'Imprimer les documents', 'Inviter les clients', 'Organiser le transport', 'Monter le stand', 'Relancer les invités']],
  [
    'Déménagement des bureaux',
    ['Inventorier le mobilier', 'Choisir le transporteur', 'Prévenir les partenaires', 'Emballer les archives', 'Transférer les lignes', 'Installer les postes', 'Mettre à jour les documents'],
  ],
  ['Lancement d\u2019un produit', ['Étudier la demande', 'Fixer le prix', 'Rédiger la fiche produit', 'Former les vendeurs', 'Préparer le mailing', 'Mettre en ligne', 'Suivre les premières ventes']],
] as const;
const PERSONNES = ['Julie', 'Karim', 'Sophie', 'Thomas', 'Inès'];
/** Antériorités by position: a task after one or two of the earlier ones. */
const RESEAU = [[], [0], [0], [1], [1, 2], [3, 4], [5]] as const;

/**
 * A project of seven tasks starting in `periode` (AAAA-MM), as case data. Aléas: ferie (a public
 * holiday falls in the first weeks), surcharge (two parallel tasks for the same person), temps_partiel
 * (a member of the team at 21 hours a week).
 */
export function casPlanning(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const [projet, taches] = h.choisir(PROJETS);
  const equipe = h.melanger(PERSONNES).slice(0, 3);
  // the start: a few days into the month, or the week before a public holiday that falls on a weekday
  const annee = Number(periode.slice(0, 4));
  const ferie = [...joursFeries(annee), ...joursFeries(annee + 1)].find((d) => d >= `${periode}-01` && estOuvre(d, new Set()));
  const debut = aleas.includes('ferie') && ferie ? ajouterJours(ferie, -h.entier(3, 6)) : ajouterJours(`${periode}-01`, h.entier(0, 6));
  const responsables = taches.map(() => h.choisir(equipe));
  if (aleas.includes('surcharge')) responsables[2] = responsables[1]!; // B and C run side by side after A
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    projet,
    debut,
    heuresParJour: 7,
    // surcharge: B and C side by side for five days each, four days at least of both in one week
    taches: taches.map((tache, i) => ({
      code: String.fromCharCode(65 + i),
      tache,
      duree: ((d) => (aleas.includes('surcharge') && (i === 1 || i === 2) ? 5 : d))(h.entier(2, 6)),
      anteriorites: RESEAU[i]!.map((k) => String.fromCharCode(65 + k)),
      responsable: responsables[i]!,
    })),
    equipe: equipe.map((personne, i) => ({ personne, capacite: aleas.includes('temps_partiel') && i === 0 ? 21 : 35 })),
  };
}
