import { ajouterMois } from '../../domain/dates';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { periodeDeReference } from '../../domain/parametres/conges';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['entree_en_cours', 'sans_solde', 'variable', 'augmentation'] as const;

const SALARIES = ['Julie Marchand', 'Karim Haddad', 'Sophie Lemoine', 'Thomas Nguyen', 'Inès Barbier', 'Lucas Fontaine', 'Camille Roussel', 'Nadia Benali'];

/**
 * An employee's reference period (June to May) and the leave they take in `periode` (AAAA-MM), as
 * case data. Aléas: entree_en_cours (hired during the period), sans_solde (a month of unpaid
 * leave), variable (overtime and bonuses in several months: the tenth tends to win), augmentation
 * (a raise just before the leave: the pay kept tends to win).
 */
export function casConges(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const salaire = h.montant(1850, 2900, 5);
  const { du } = periodeDeReference(periode);
  const embauche = aleas.includes('entree_en_cours') ? h.entier(2, 7) : 0; // months before the hiring
  const sansSolde = aleas.includes('sans_solde') ? h.entier(embauche + 1, 11) : -1;
  const mois = Array.from({ length: 12 }, (_, i) => {
    const m = ajouterMois(du.slice(0, 7), i);
    if (i < embauche) return { mois: m, situation: 'avant_entree' };
    if (i === sansSolde) return { mois: m, situation: 'sans_solde' };
    const variable = aleas.includes('variable') && (i === 11 || h.suivant() < 0.5) ? h.montant(120, 650, 0.01) : 0; // May always has some
    return { mois: m, situation: 'travail', brut: Math.round((salaire + variable) * 100) / 100 };
  });
  const acquisMax = Math.ceil(2.5 * mois.filter((m) => m.situation === 'travail').length);
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    salarie: h.choisir(SALARIES),
    mois,
    conge: {
      mois: periode,
      jours: Math.min(acquisMax, h.choisir([6, 12, 12, 18, 24])),
      salaireMensuel: aleas.includes('augmentation') ? Math.round(salaire * h.choisir([1.03, 1.04, 1.05]) * 100) / 100 : salaire,
    },
  };
}
