import { z } from 'zod';
import donnees from './personnel.json';
import { COUVERTURE_TABLE, exigerLaTable, enVigueur, JOUR, type Couverture } from './enVigueur';

/**
 * The entry and exit of an employee (Code du travail): the DPAE's earliest day, the trial periods
 * of a CDI by category and their ceiling once renewed, the notice of a dismissal by seniority, the
 * legal severance pay (a quarter of a month a year up to ten years, a third beyond, from eight
 * months of seniority), a CDD's end-of-contract indemnity and paid-leave indemnity. Dated values with
 * their reference; past the last known month they are reconducted (enVigueur.ts).
 */
const Valeurs = z.object({ libelle: z.string(), valeurs: z.array(z.object({ depuis: JOUR, valeur: z.number().positive(), reference: z.string() })).min(1) });
const CLES = [
  'dpaeJoursAvant',
  'essaiOuvriers',
  'essaiMaitrise',
  'essaiCadres',
  'essaiMaxOuvriers',
  'essaiMaxMaitrise',
  'essaiMaxCadres',
  'preavisSeuil1',
  'preavis1',
  'preavisSeuil2',
  'preavis2',
  'ancienneteIndemnite',
  'diviseurAvant',
  'seuilAnnees',
  'diviseurApres',
  'precarite',
  'iccp',
] as const;
export type ClePersonnel = (typeof CLES)[number];
export const CLES_PERSONNEL: readonly ClePersonnel[] = CLES;

/** personnel.json's shape, and that of the table a teacher brings (`--parametres`). */
export const SCHEMA_PERSONNEL = z.object({ couverture: COUVERTURE_TABLE, source: z.string(), ...(Object.fromEntries(CLES.map((c) => [c, Valeurs])) as Record<ClePersonnel, typeof Valeurs>) });
export type TablePersonnel = z.output<typeof SCHEMA_PERSONNEL>;
export const TABLE_PERSONNEL: TablePersonnel = SCHEMA_PERSONNEL.parse(donnees);

export const couverturePersonnel = (t: TablePersonnel = TABLE_PERSONNEL): Couverture => ({ ...t.couverture, table: 'les règles d\u2019entrée et de sortie du personnel', source: t.source });

/** The values in force on `date` (AAAA-MM-JJ), each with its label and reference. */
export type ParametresPersonnel = Record<ClePersonnel, number> & { references: Record<ClePersonnel, string>; libelles: Record<ClePersonnel, string> };

export function parametresPersonnel(date: string, t: TablePersonnel = TABLE_PERSONNEL): ParametresPersonnel {
  exigerLaTable(couverturePersonnel(t), date.slice(0, 7), 'Date avant les règles connues d\u2019entrée et de sortie du personnel', 'mois');
  const enCours = CLES.map((c) => [c, enVigueur(t[c].valeurs, date)] as const);
  return {
    ...(Object.fromEntries(enCours.map(([c, v]) => [c, v.valeur])) as Record<ClePersonnel, number>),
    references: Object.fromEntries(enCours.map(([c, v]) => [c, v.reference])) as Record<ClePersonnel, string>,
    libelles: Object.fromEntries(CLES.map((c) => [c, t[c].libelle])) as Record<ClePersonnel, string>,
  };
}
