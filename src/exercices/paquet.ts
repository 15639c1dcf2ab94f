import type { z } from 'zod';
import type { SpecExercice } from '../sheets/exercices/commun';
import type { NomTable, TablesDatees } from '../domain/parametres/tables';

/**
 * Everything one exercise brings, in its own folder `src/exercices/<type>/`: the case's schema, the
 * seeded generator with its aléas, the sheets and answers (`spec`, whose template is
 * `templates/exercices/<type>.json`), and, where the exercise is a computation a teacher may want on
 * its own, the calculator behind `agora calcul <type>`. The registry lists the packages; every list
 * of exercises (command line, task pane, demo, checker, tests) derives from it.
 */
export interface PaquetExercice<T extends string = string, E = unknown, P = unknown> {
  /** the word of the command line and the folder's name; the template's `type` */
  type: T;
  /** what the exercise asks, in a few words, for `agora exercice --help` */
  aide: string;
  /** the aléas the generator knows, in the template's order */
  aleas: readonly string[];
  /** the case: validates a generated case, one read back from a workbook, and a teacher's JSON */
  schema: z.ZodType<E>;
  /** a case from a seed: `periode` is AAAA-MM; `mois`, the number of months when `options.mois` says so; priced with `tables` */
  generer(graine: number, periode: string, aleas: readonly string[], mois: number | undefined, tables: TablesDatees): unknown;
  spec: SpecExercice<E, P>;
  /**
   * the dated table the case is priced with (domain/parametres/tables.ts), and the case's month
   * (AAAA-MM) that picks its values: before the table, refused; past it, reconducted and said so
   * (domain/parametres/enVigueur.ts). Absent: the exercise has no dated values.
   */
  couverture?: { table: NomTable; mois: (e: E) => string };
  /** `agora calcul <type>`: the validated case → a JSON-ready result, amounts in euros */
  calculer?: (e: E, tables: TablesDatees) => unknown;
  /** takes `--mois 3..12`, the number of months (a budget); its generator holds the default */
  mois?: true;
}

/** Declares a package, keeping its `type` as a literal so that the registry's types are a union. */
export const paquet = <const T extends string, E, P>(p: PaquetExercice<T, E, P>): PaquetExercice<T, E, P> => p;
