import { z } from 'zod';
import donnees from './paie.json';
import { ErreurDonnees } from '../validation';
import { derniereEnVigueur } from './enVigueur';

/**
 * Payroll parameters (SMIC, PMSS, every rate, the réduction générale coefficients) as dated values
 * with their legal reference. The pay period picks the value in force on its first day; `null`
 * means the measure no longer exists (e.g. the reduced maladie rate from 2026).
 */
const Parametre = z.object({
  libelle: z.string(),
  unite: z.enum(['%', '€', '€/h', 'h', 'SMIC', 'coefficient']),
  valeurs: z.array(z.object({ depuis: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), valeur: z.number().nonnegative().nullable(), reference: z.string() })).min(1),
});
const Fichier = z.object({ source: z.string(), couverture: z.object({ du: z.string(), au: z.string() }), parametres: z.record(z.string(), Parametre) });
const fichier = Fichier.parse(donnees);

const CODES = Object.keys(fichier.parametres);
/** The code of a payroll parameter, as paie.json names it: a code mistyped in a calculation does not compile. */
export type CodePaie = keyof (typeof donnees)['parametres'];
/** First and last months the tables cover (AAAA-MM). */
export const COUVERTURE_PAIE = fichier.couverture;

export interface ParametrePaie {
  code: string;
  libelle: string;
  unite: string;
  valeur: number | null;
  reference: string;
}

/** Values in force for a pay period, by code, each with its label and reference. */
export type ParametresPaie = Record<string, ParametrePaie>;

/** The parameters of period `AAAA-MM`; outside the tables, a French error naming `champ`. */
export function parametresPaie(periode: string, champ = 'periode'): ParametresPaie {
  const { du, au } = fichier.couverture;
  if (periode < du || periode > au) {
    throw new ErreurDonnees('Période hors des tables de paie', [`champ « ${champ} » : ${periode} n'est pas couverte ; les paramètres de paie vont de ${du} à ${au}`]);
  }
  const jour = `${periode}-01`;
  const resultat: ParametresPaie = {};
  for (const [code, p] of Object.entries(fichier.parametres)) {
    const v = derniereEnVigueur(p.valeurs, jour);
    resultat[code] = { code, libelle: p.libelle, unite: p.unite, valeur: v ? v.valeur : null, reference: v ? v.reference : '' };
  }
  return resultat;
}

/**
 * A teacher's values (simplified textbook rates) replace the official ones; an unknown code is an
 * error, so a typo is not silently ignored.
 */
export function avecSurcharges(p: ParametresPaie, surcharges: Readonly<Record<string, number | null>>, source = 'parametres'): ParametresPaie {
  const inconnus = Object.keys(surcharges).filter((c) => !(c in p));
  if (inconnus.length) throw new ErreurDonnees('Paramètre de paie inconnu', inconnus.map((c) => `champ « ${source}.${c} » : code inconnu (codes admis : ${CODES.join(', ')})`));
  const r = { ...p };
  for (const [code, valeur] of Object.entries(surcharges)) r[code] = { ...(p[code] as ParametrePaie), valeur, reference: 'Valeur fixée par l\'enseignant' };
  return r;
}
