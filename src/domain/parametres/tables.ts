import { z } from 'zod';
import { moisEnLettres, deMois } from '../dates';
import { ErreurDonnees, valider } from '../validation';
import type { Couverture } from './enVigueur';
import { couvertureConges, SCHEMA_CONGES, TABLE_CONGES, type TableConges } from './conges';
import { couvertureFrais, SCHEMA_FRAIS, TABLE_FRAIS, type TableFrais } from './frais';
import { couverturePaie, SCHEMA_PAIE, TABLE_PAIE, type TablePaie } from './paie';
import { couvertureRelances, SCHEMA_RELANCES, TABLE_RELANCES, type TableRelances } from './relances';
import { couvertureTva, SCHEMA_TVA, TABLE_TVA, type TableTva } from './tva';
import { couverturePersonnel, SCHEMA_PERSONNEL, TABLE_PERSONNEL, type TablePersonnel } from './personnel';

/**
 * The dated tables an exercise is priced with: AGOrA's own, or those a teacher brings in a
 * parameters file (`agora exercice --parametres FICHIER`, the pane's « Paramètres ») when newer values
 * are published, with no new release. The file has the shape of `agora parametres`'s export: one key a
 * table, each exactly like AGOrA's. A table it holds is merged into AGOrA's: its dated values are
 * added, and win on the same date, so that a file written for an older release does not hide the
 * values a newer one brings; the tables it lacks stay AGOrA's.
 */
export interface TablesDatees {
  paie: TablePaie;
  tva: TableTva;
  relances: TableRelances;
  frais: TableFrais;
  conges: TableConges;
  personnel: TablePersonnel;
  /** the tables a teacher's file replaced, and that file's name */
  fournies?: { fichier: string; tables: NomTable[] };
}
export type NomTable = 'paie' | 'tva' | 'relances' | 'frais' | 'conges' | 'personnel';

export const TABLES_OFFICIELLES: TablesDatees = { paie: TABLE_PAIE, tva: TABLE_TVA, relances: TABLE_RELANCES, frais: TABLE_FRAIS, conges: TABLE_CONGES, personnel: TABLE_PERSONNEL };

const COUVERTURES: { [N in NomTable]: (t: TablesDatees[N]) => Couverture } = {
  paie: couverturePaie,
  tva: couvertureTva,
  relances: couvertureRelances,
  frais: couvertureFrais,
  conges: couvertureConges,
  personnel: couverturePersonnel,
};
export const NOMS_TABLES = Object.keys(COUVERTURES) as NomTable[];

/** The file a teacher brings: any of the tables, at least one; `notice` is the export's reading guide. */
const FICHIER_PARAMETRES = z
  .strictObject({
    notice: z.array(z.string()).optional(),
    paie: SCHEMA_PAIE.optional(),
    tva: SCHEMA_TVA.optional(),
    relances: SCHEMA_RELANCES.optional(),
    frais: SCHEMA_FRAIS.optional(),
    conges: SCHEMA_CONGES.optional(),
    personnel: SCHEMA_PERSONNEL.optional(),
  })
  .refine((f) => NOMS_TABLES.some((n) => f[n]), { error: `au moins une table attendue parmi : ${NOMS_TABLES.join(', ')}` });

/** A table's months, what it is and its source; a teacher's table names its file. */
export function couvertureDe<N extends NomTable>(nom: N, t: TablesDatees): Couverture {
  const c = COUVERTURES[nom](t[nom]);
  const f = t.fournies?.tables.includes(nom) ? t.fournies.fichier : undefined;
  return f ? { ...c, source: `« ${f} » de l\u2019enseignant : ${t[nom].source}` } : c;
}

/** Every list of dated values in a table, with its path (`baremeKilometrique.valeurs`). */
function listesDatees(x: unknown, chemin: string): { chemin: string; depuis: string[] }[] {
  if (Array.isArray(x)) {
    const depuis = x.map((v) => (v && typeof v === 'object' ? (v as { depuis?: unknown }).depuis : undefined));
    if (x.length && depuis.every((d) => typeof d === 'string')) return [{ chemin, depuis: depuis as string[] }];
    return x.flatMap((v, i) => listesDatees(v, `${chemin}[${i + 1}]`));
  }
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => listesDatees(v, chemin ? `${chemin}.${k}` : k));
  return [];
}

/**
 * What the shape cannot say: in each list, dates in order, each once; the table's first month priced
 * by a value of each list (the payroll's measures may start later: their absence is a null).
 */
function problemesDeDates(nom: NomTable, t: TablesDatees[NomTable]): string[] {
  const r: string[] = [];
  for (const l of listesDatees(t, nom)) {
    const repete = l.depuis.find((d, i) => l.depuis.indexOf(d) !== i);
    if (repete) r.push(`champ « ${l.chemin} » : deux valeurs depuis le ${repete}`);
    else if (l.depuis.some((d, i) => i > 0 && d < l.depuis[i - 1]!)) r.push(`champ « ${l.chemin} » : valeurs à ranger par date (« depuis ») croissante`);
    if (nom !== 'paie' && l.depuis[0]! > `${t.couverture.du}-01`) r.push(`champ « ${l.chemin} » : aucune valeur pour ${moisEnLettres(t.couverture.du)}, premier mois de la table (« couverture.du »)`);
  }
  return r;
}

const estDatee = (x: unknown): x is { depuis: string }[] => Array.isArray(x) && x.length > 0 && x.every((v) => v && typeof v === 'object' && typeof (v as { depuis?: unknown }).depuis === 'string');

/**
 * A teacher's table merged into AGOrA's: each list of dated values is the union of both, the file's
 * value winning on the same date; the months covered, the widest of both; anything else, the file's.
 */
function fusionner(agora: unknown, fichier: unknown, cle = ''): unknown {
  if (estDatee(agora) && estDatee(fichier)) {
    const dates = new Set(fichier.map((v) => v.depuis));
    return [...fichier, ...agora.filter((v) => !dates.has(v.depuis))].sort((a, b) => (a.depuis < b.depuis ? -1 : a.depuis > b.depuis ? 1 : 0));
  }
  if (cle === 'couverture' && agora && fichier && typeof agora === 'object' && typeof fichier === 'object') {
    const [a, f] = [agora as Couverture, fichier as Couverture];
    return { du: a.du < f.du ? a.du : f.du, au: a.au > f.au ? a.au : f.au };
  }
  if (agora && fichier && typeof agora === 'object' && typeof fichier === 'object' && !Array.isArray(agora) && !Array.isArray(fichier)) {
    const a = agora as Record<string, unknown>;
    const f = fichier as Record<string, unknown>;
    return Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(f)])].map((k) => [k, k in f ? (k in a ? fusionner(a[k], f[k], k) : f[k]) : a[k]]));
  }
  return fichier;
}

/** The tables of a teacher's parameters file (`fichier` names it in messages): AGOrA's, those the file holds merged into them. */
export function tablesDuFichier(brut: unknown, fichier: string): TablesDatees {
  const f = valider(FICHIER_PARAMETRES, brut, `le fichier de paramètres « ${fichier} »`);
  const tables = NOMS_TABLES.filter((n) => f[n]);
  // the file's own dates are checked as the teacher wrote them, before the merge
  const problemes = tables.flatMap((n) => problemesDeDates(n, f[n]!));
  if (problemes.length) throw new ErreurDonnees('Données invalides', problemes, `le fichier de paramètres « ${fichier} »`);
  const r: TablesDatees = { ...TABLES_OFFICIELLES, fournies: { fichier, tables } };
  for (const n of tables) (r as unknown as Record<NomTable, unknown>)[n] = fusionner(TABLES_OFFICIELLES[n], f[n]);
  return r;
}

/** AGOrA's tables as a parameters file: what a teacher copies, completes with the newly published values, and brings back. */
export function exportDesTables(): Record<string, unknown> {
  return {
    notice: [
      'Tables datées d\u2019AGOrA pour Excel : chaque valeur s\u2019applique depuis sa date (« depuis », AAAA-MM-JJ) jusqu\u2019à la suivante, avec sa référence.',
      'Pour une valeur nouvellement publiée : ajoutez-la à la fin de sa liste (depuis, valeur, référence), puis portez « couverture.au » au dernier mois qu\u2019elle couvre (AAAA-MM).',
      'Gardez seulement les tables que vous changez : les autres restent celles d\u2019AGOrA. Les valeurs d\u2019une table s\u2019ajoutent à celles d\u2019AGOrA et l\u2019emportent à la même date. Donnez ensuite ce fichier à « agora exercice … --parametres FICHIER » ou importez-le dans l\u2019onglet Paramètres du volet.',
    ],
    ...TABLES_OFFICIELLES,
  };
}

/** What the teacher is told of the tables in use: « le barème kilométrique (de janvier 2022 à décembre 2025) ». */
export const tablesEnClair = (t: TablesDatees, noms: readonly NomTable[]): string =>
  noms
    .map((n) => {
      const c = couvertureDe(n, t);
      return `${c.table} (${deMois(moisEnLettres(c.du))} à ${moisEnLettres(c.au)})`;
    })
    .join(' ; ');
