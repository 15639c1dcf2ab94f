import { ConstructeurFeuille } from '../constructeur';
import type { Valeur } from '../model';
import { entete, note, saisieCentree, sousTitre, texte, titre, valeur } from '../styles';
import type { TauxKilometriques } from '../../domain/parametres/frais';
import { FEUILLES, type FeuilleConstruite } from './commun';

const PUISSANCES = ['3', '4', '5', '6', '7'] as const;
const LIBELLES: Record<string, string> = { '3': '3 CV et moins', '4': '4 CV', '5': '5 CV', '6': '6 CV', '7': '7 CV et plus' };

/**
 * « Paramètres » of an exercise that prices a car trip at the barème's first bracket (formation,
 * déplacement): the rate a per km of each horsepower, named `nom` (five rows, 3 CV and less first),
 * their reference in a column hidden from the student, and the exercise's own rules below.
 */
export function feuilleBaremeKm(p: TauxKilometriques, nom: string, regles: readonly string[]): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [24, 20, 44]).masquables([2]);
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 3 }]);
  f.ligne([
    {
      valeur:
        'Barème kilométrique en vigueur pour le mois (voiture, jusqu\u2019à 5 000 km par an : distance × a). L\u2019enseignant peut modifier les taux : le corrigé et la vérification utilisent toujours ceux de cette feuille.',
      style: sousTitre,
      colonnes: 3,
    },
  ]);
  f.vide();
  f.ligne(['Puissance fiscale', 'a (€ par km)', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  for (const cv of PUISSANCES)
    f.ligne([
      { valeur: LIBELLES[cv]!, style: valeur },
      { valeur: p.km[cv]!, style: { ...saisieCentree, format: '0.000' } },
      { valeur: p.reference, style: note },
    ]);
  if (regles.length) f.vide();
  for (const r of regles) f.ligne([{ valeur: r, style: { ...texte, italique: true }, colonnes: 3 }]);
  return {
    feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, colonnesSources: [2] },
    noms: [{ nom, feuille: FEUILLES.parametres, plage: `B${premiere}:B${premiere + PUISSANCES.length - 1}` }],
  };
}

/** The rates read back from « Paramètres » (the reference is shown, not read). */
export function lireBaremeKm(v: (nom: string) => Valeur[][] | undefined, nom: string): TauxKilometriques {
  const lus = v(nom);
  if (!lus || lus.length !== PUISSANCES.length || !lus.every((l) => typeof l[0] === 'number' && l[0] > 0))
    throw new Error(`Paramètres : le barème kilométrique attend un taux positif par puissance fiscale, de 3 à 7 CV (nom ${nom}).`);
  return { km: Object.fromEntries(PUISSANCES.map((cv, i) => [cv, lus[i]![0] as number])), reference: '' };
}

/** The formula of a car trip's cost: `km` × the rate of the horsepower in cell `cv` (INDEX on the barème named `nom`), rounded to the cent. */
export const formuleKm = (nom: string, km: string, cv: string) => `ROUND(${km}*INDEX(${nom},MIN(7,MAX(3,${cv}))-2),2)`;
