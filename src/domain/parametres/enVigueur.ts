import { z } from 'zod';
import { moisEnLettres } from '../dates';
import { date, ErreurDonnees, mois } from '../validation';

/**
 * Dated parameters (the way OpenFisca keeps them): a value applies from its `depuis` (AAAA-MM-JJ)
 * until the next one. One rule for every table, so that none expires with the calendar: past the
 * last month whose values are known, the last values apply « reconduites », and every place the
 * case is shown says so; before the first month, a French error names the table.
 */

/** The value in force on `date`: the last one whose `depuis` is not after it, if any. */
export function derniereEnVigueur<V extends { depuis: string }>(valeurs: readonly V[], date: string): V | undefined {
  return [...valeurs]
    .sort((a, b) => a.depuis.localeCompare(b.depuis))
    .filter((x) => x.depuis <= date)
    .pop();
}

/** The same, for a value that must exist on that date. */
export function enVigueur<V extends { depuis: string }>(valeurs: readonly V[], date: string): V {
  const v = derniereEnVigueur(valeurs, date);
  if (!v) throw new RangeError(`Aucune valeur en vigueur le ${date} (première valeur : ${valeurs[0]?.depuis}).`);
  return v;
}

/** The day a value applies from (AAAA-MM-JJ), in every table file. */
export const JOUR = date;

/** The months a table's values are known for, as its file states them. */
export const COUVERTURE_TABLE = z.object({ du: mois, au: mois }).refine((c) => c.du <= c.au, { error: 'le premier mois (« du ») doit précéder le dernier (« au »)' });

/** The months a dated table's values are known for (AAAA-MM), what it is (« le barème kilométrique ») and its source. */
export interface Couverture {
  du: string;
  au: string;
  table: string;
  source: string;
}

/** « le barème » → « du barème », « les tables » → « des tables »: the table after « de ». */
export const de = (table: string) =>
  table
    .replace(/^les /, 'des ')
    .replace(/^le /, 'du ')
    .replace(/^la /, 'de la ')
    .replace(/^l[’']/, 'de l’');

/** Why a month cannot be priced with a table: it is before the table's first values. */
export const avantLaTable = (c: Couverture, mois: string): string | undefined =>
  mois < c.du ? `${moisEnLettres(mois)} précède les premières valeurs ${de(c.table)} (${moisEnLettres(c.du)})` : undefined;

/** Refuses a month before the table's first values: a French error titled `intitule`, naming `champ`. */
export function exigerLaTable(c: Couverture, mois: string, intitule: string, champ: string): void {
  const avant = avantLaTable(c, mois);
  if (avant) throw new ErreurDonnees(intitule, [`champ « ${champ} » : ${avant}`]);
}

/**
 * What the énoncé and « Paramètres » say of a month past the table's last known values (undefined
 * when they are known): the values applied, their date and source.
 */
export function reconduction(c: Couverture, mois: string): string | undefined {
  if (mois <= c.au) return undefined;
  return `Valeurs ${de(c.table)} connues jusqu\u2019en ${moisEnLettres(c.au)} : pour ${moisEnLettres(mois)}, les dernières sont reconduites (source : ${c.source}).`;
}

/** What the command line adds for the teacher: how to bring newer values. */
export const METTRE_A_JOUR =
  'Si de nouvelles valeurs ont été publiées : « agora parametres --out parametres.json » écrit les tables d\u2019AGOrA ; ajoutez-y ces valeurs, puis recréez l\u2019exercice avec « --parametres parametres.json ».';

/** The same, in the task pane. */
export const METTRE_A_JOUR_VOLET = 'Si de nouvelles valeurs ont été publiées, importez-les dans l\u2019onglet Paramètres (« Valeurs légales des exercices »), puis recréez l\u2019exercice.';
