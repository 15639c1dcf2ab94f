import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { tauxKilometriques } from '../../domain/parametres/frais';
import type { TablesDatees } from '../../domain/parametres/tables';
import { valider } from '../../domain/validation';
import { calculerFormation, type ParametresFormation } from './calcul';
import { EntreeFormation } from './entree';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['depassement', 'annulee', 'demande_hors_plan', 'plusieurs_jours'] as const;

const SALARIES = [
  ['Julie Marchand', 'Assistante de gestion'],
  ['Karim Haddad', 'Comptable'],
  ['Sophie Lemoine', 'Chargée d\u2019accueil'],
  ['Thomas Nguyen', 'Technicien'],
  ['Inès Barbier', 'Commerciale'],
  ['Lucas Fontaine', 'Magasinier'],
  ['Camille Roussel', 'Gestionnaire de paie'],
  ['Nadia Benali', 'Responsable d\u2019équipe'],
] as const;

/** Intitulé, organisme, pedagogical cost range (€ HT for the group), hours, days. */
const FORMATIONS = [
  ['Sauveteur secouriste du travail (SST)', 'Croix-Blanche Formation', 400, 900, 14, 2],
  ['Tableur : tableaux croisés dynamiques', 'Numérique Formation', 350, 700, 7, 1],
  ['Accueil téléphonique et gestion des conflits', 'Comm\u2019Pro', 500, 1100, 14, 2],
  ['Habilitation électrique B0', 'Sécurité Plus', 250, 500, 7, 1],
  ['Anglais professionnel', 'Langues & Co', 900, 1800, 21, 3],
  ['Logiciel de paie : les nouveautés de l\u2019année', 'Éditeur PGI Formation', 300, 600, 7, 1],
  ['Gestes et postures', 'Prévention Santé', 300, 600, 7, 1],
  ['Management d\u2019équipe', 'Cap Manager', 1200, 2400, 21, 3],
] as const;

/** The barème's first-bracket rates (d ≤ 5 000 km) of the month, by horsepower. */
export const parametresFormation = (mois: string, t: TablesDatees): ParametresFormation => tauxKilometriques(mois, t.frais);

/**
 * A company's training plan for `periode` (AAAA-MM), as case data. Aléas: depassement (the budget
 * below the plan's cost: the choice by priority matters), annulee (an action cancelled),
 * demande_hors_plan (an employee's request added to the plan, last in priority), plusieurs_jours
 * (actions of two or three days: meals and trips each day).
 */
export function casFormation(graine: number, periode: string, aleas: readonly string[], t: TablesDatees): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const salaries = h.melanger(SALARIES).slice(0, h.entier(6, 8));
  const taux = new Map(salaries.map(([nom]) => [nom, h.montant(12.5, 24, 0.05)]));
  const choisies = h.melanger(FORMATIONS.filter(([, , , , , j]) => aleas.includes('plusieurs_jours') || j === 1)).slice(0, aleas.includes('plusieurs_jours') ? 4 : h.entier(3, 4));
  const avecDemande = aleas.includes('demande_hors_plan');
  const autre = h.choisir(FORMATIONS.filter((x) => !choisies.includes(x)));
  const liste = [...choisies, ...(avecDemande ? [autre] : [])];
  const priorites = [...h.melanger(choisies.map((_, i) => i + 1)), ...(avecDemande ? [choisies.length + 1] : [])];
  const annulee = aleas.includes('annulee') ? h.entier(0, choisies.length - 1) : -1;
  const actions = liste.map(([intitule, organisme, min, max, heures, jours], i) => {
    const dehors = i === 0 || h.suivant() < 0.6; // one action at least away from the company
    return {
      code: `F${i + 1}`,
      intitule: i === choisies.length ? `${intitule} (demande de ${salaries[0]![0]}, hors plan)` : intitule,
      organisme,
      priorite: priorites[i]!,
      statut: i === annulee ? 'annulee' : 'prevue',
      coutPedagogique: h.montant(min, max, 10),
      heures,
      jours,
      distance: dehors ? h.entier(8, 60) : 0,
      ...(dehors ? { puissance: h.entier(3, 7) } : {}),
    };
  });
  const participants = actions.flatMap((a, i) =>
    (i === choisies.length ? [salaries[0]!] : h.melanger(salaries).slice(0, h.entier(2, 4))).map(([nom]) => ({ action: a.code, salarie: nom, tauxHoraire: taux.get(nom)! })),
  );
  const cas = {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    mois: periode,
    budget: 0,
    tauxCharges: h.choisir([38, 40, 42, 45]),
    repas: h.choisir([15.5, 17, 19.5, 20.2]),
    salaries: salaries.map(([nom, poste]) => ({ nom, poste })),
    actions,
    participants,
  };
  // the budget from the plan's cost: a round sum above it, or below it, where possible so that an
  // action in priority does not fit and a cheaper one after it does (passing over it matters)
  const r = calculerFormation(valider(EntreeFormation, cas, 'cas généré'), parametresFormation(periode, t));
  if (!aleas.includes('depassement')) return { ...cas, budget: Math.ceil((r.total * 1.1) / 50000) * 500 };
  const couts = actions
    .map((a, i) => ({ a, cout: r.actions[i]!.total }))
    .filter((x) => x.a.statut !== 'annulee')
    .sort((x, y) => x.a.priorite - y.a.priorite)
    .map((x) => x.cout);
  let cumul = 0;
  for (let k = 0; k + 2 < couts.length; k++) {
    const [suivante, moindre] = [couts[k + 1]!, Math.min(...couts.slice(k + 2))];
    cumul += couts[k]!;
    if (moindre < suivante) {
      const plancher = Math.ceil((cumul + moindre) / 100) * 100;
      return { ...cas, budget: Math.max(plancher, Math.floor((cumul + moindre + (suivante - moindre) / 2) / 100) * 100) / 100 };
    }
  }
  return { ...cas, budget: Math.floor((r.total * h.choisir([0.6, 0.7, 0.8])) / 10000) * 100 };
}
