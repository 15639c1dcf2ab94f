import { ajouterMois } from '../../domain/dates';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { periodeDeReference } from '../../domain/parametres/conges';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['entree_en_cours', 'sans_solde', 'variable', 'augmentation', 'maladie', 'mois_incomplet', 'jours_reels'] as const;

const SALARIES = ['Julie Marchand', 'Karim Haddad', 'Sophie Lemoine', 'Thomas Nguyen', 'Inès Barbier', 'Lucas Fontaine', 'Camille Roussel', 'Nadia Benali'];

/**
 * An employee's reference period (June to May) and the leave they take in `periode` (AAAA-MM), as
 * case data. Aléas: entree_en_cours (hired during the period), sans_solde (a month of unpaid
 * leave), variable (overtime and bonuses in several months: the tenth tends to win), augmentation
 * (a raise just before the leave: the pay kept tends to win), maladie (one to three months of
 * non-professional sick leave), mois_incomplet (hired during the first month worked: its days of
 * work), jours_reels (the pay kept on the actual jours ouvrables of the leave's month).
 */
export function casConges(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const salaire = h.montant(1850, 2900, 5);
  const { du } = periodeDeReference(periode);
  const embauche = aleas.includes('entree_en_cours') ? h.entier(2, 7) : 0; // months before the hiring
  const sansSolde = aleas.includes('sans_solde') ? h.entier(embauche + 1, 11) : -1;
  // sick months: one to three in a row, after the first month worked, apart from the unpaid one
  const debutMaladie = aleas.includes('maladie') ? h.entier(embauche + 1, 9) : -1;
  const finMaladie = debutMaladie + (debutMaladie < 0 ? 0 : h.entier(1, 3));
  const malade = (i: number) => i >= debutMaladie && i < finMaladie && i !== sansSolde;
  const incomplet = aleas.includes('mois_incomplet') ? h.entier(4, 20) : 0; // days of work of the hiring month
  const mois = Array.from({ length: 12 }, (_, i) => {
    const m = ajouterMois(du.slice(0, 7), i);
    if (i < embauche) return { mois: m, situation: 'avant_entree' };
    if (i === sansSolde) return { mois: m, situation: 'sans_solde' };
    if (malade(i)) return { mois: m, situation: 'maladie', brut: salaire };
    if (i === embauche && incomplet) return { mois: m, situation: 'travail', brut: Math.round((salaire * incomplet * 100) / 26) / 100, jours: incomplet };
    const variable = aleas.includes('variable') && (i === 11 || h.suivant() < 0.5) ? h.montant(120, 650, 0.01) : 0; // May always has some
    return { mois: m, situation: 'travail', brut: Math.round((salaire + variable) * 100) / 100 };
  });
  // the days the months of full work give alone: a leave never takes more than is acquired, whatever the rules of sick leave in force
  const acquisMax = Math.floor(2.5 * mois.filter((m) => m.situation === 'travail' && !('jours' in m)).length);
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    salarie: h.choisir(SALARIES),
    mois,
    conge: {
      mois: periode,
      // on the actual days of the month, a leave stays within the month (18 days at most)
      jours: Math.min(Math.max(1, acquisMax), h.choisir(aleas.includes('jours_reels') ? [6, 12, 12, 18] : [6, 12, 12, 18, 24])),
      salaireMensuel: aleas.includes('augmentation') ? Math.round(salaire * h.choisir([1.03, 1.04, 1.05]) * 100) / 100 : salaire,
      ...(aleas.includes('jours_reels') ? { maintien: 'jours_reels' } : {}),
    },
  };
}
