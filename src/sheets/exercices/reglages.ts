import { z } from 'zod';
import defauts from '../../../templates/verification.json';

/**
 * How a copy is checked, chosen by the teacher when the exercise is created (kept in `_agora`,
 * shown in « Paramètres »), never by the student: formative (per-answer verdicts and hints) or
 * summative (score and levels only), whether expected values are shown, and the thresholds of
 * the success rate that give the degrees 2, 3 and 4 of the livret scolaire scale.
 */
export const ReglagesVerification = z.object({
  mode: z.enum(['formatif', 'sommatif']),
  montrerAttendus: z.boolean(),
  seuils: z
    .array(z.number().gt(0).lt(1))
    .length(3)
    .refine((s) => s[0]! < s[1]! && s[1]! < s[2]!, { error: 'trois seuils croissants attendus' }),
  /** whether calculations made without formulas (typed values, typed data) lower the degree, where a critère names the spreadsheet */
  tableur: z.boolean(),
});
export type ReglagesVerification = z.infer<typeof ReglagesVerification>;

const Defauts = ReglagesVerification.extend({ version: z.string(), signe: z.object({ libelle: z.string(), indice: z.string() }) });
export const VERIFICATION = Defauts.parse(defauts);
export const REGLAGES_PAR_DEFAUT: ReglagesVerification = { mode: VERIFICATION.mode, montrerAttendus: VERIFICATION.montrerAttendus, seuils: VERIFICATION.seuils, tableur: VERIFICATION.tableur };

/** `_agora` keys of the settings; absent keys (a workbook from before) take the defaults. */
export const CLES_VERIFICATION = { mode: 'verification_mode', attendus: 'verification_attendus', seuils: 'verification_seuils', tableur: 'verification_tableur' } as const;

/** The keys every workbook has had since settings exist; `tableur` came later, and a workbook sealed before it has none. */
export const CLES_VERIFICATION_D_ORIGINE = [CLES_VERIFICATION.mode, CLES_VERIFICATION.attendus, CLES_VERIFICATION.seuils] as const;

export function reglagesEnCles(r: ReglagesVerification): [string, string][] {
  return [
    [CLES_VERIFICATION.mode, r.mode],
    [CLES_VERIFICATION.attendus, r.montrerAttendus ? 'oui' : 'non'],
    [CLES_VERIFICATION.seuils, r.seuils.join(';')],
    [CLES_VERIFICATION.tableur, r.tableur ? 'oui' : 'non'],
  ];
}

/** The settings recorded in a workbook, or a French reason they cannot be read. */
export function reglagesDepuisCles(cles: ReadonlyMap<string, string>): ReglagesVerification {
  const mode = cles.get(CLES_VERIFICATION.mode) || REGLAGES_PAR_DEFAUT.mode;
  const attendus = cles.get(CLES_VERIFICATION.attendus);
  const seuils = cles.get(CLES_VERIFICATION.seuils);
  const tableur = cles.get(CLES_VERIFICATION.tableur);
  const r = ReglagesVerification.safeParse({
    mode,
    montrerAttendus: attendus ? attendus === 'oui' : REGLAGES_PAR_DEFAUT.montrerAttendus,
    seuils: seuils ? seuils.split(';').map(Number) : REGLAGES_PAR_DEFAUT.seuils,
    tableur: tableur ? tableur === 'oui' : REGLAGES_PAR_DEFAUT.tableur,
  });
  if (!r.success) throw new Error(`réglages de vérification illisibles dans les métadonnées du classeur (mode « ${mode} », seuils « ${seuils ?? ''} »)`);
  return r.data;
}

/**
 * The settings a teacher typed (command line or task pane): thresholds as percentages, a decimal
 * comma allowed. Throws a RangeError saying what is expected; the caller names the field.
 */
export function reglagesSaisis(s: { mode?: string; montrerAttendus: boolean; seuils?: readonly string[]; tableur?: boolean }): ReglagesVerification {
  const mode = s.mode ?? REGLAGES_PAR_DEFAUT.mode;
  if (mode !== 'formatif' && mode !== 'sommatif') throw new RangeError(`formatif ou sommatif : « ${mode} »`);
  const seuils = s.seuils?.map((x) => (/^\s*\d+([.,]\d+)?\s*$/.test(x) ? Number(x.trim().replace(',', '.')) / 100 : NaN)) ?? REGLAGES_PAR_DEFAUT.seuils;
  const r = ReglagesVerification.safeParse({ mode, montrerAttendus: s.montrerAttendus, seuils, tableur: s.tableur ?? REGLAGES_PAR_DEFAUT.tableur });
  if (!r.success) throw new RangeError(`trois pourcentages croissants entre 0 et 100 (exclus), par exemple 40, 65, 90 : « ${s.seuils?.join(' ; ')} »`);
  return r.data;
}

/** « 40 », « 62,5 »: a rate as a percentage, to the tenth, as the teacher types it. */
export const enPourcentage = (x: number) => String(Math.round(x * 1000) / 10).replace('.', ',');

/** « 40 % », « 65 % »: a threshold as the teacher reads it. */
export const pourcent = (x: number) => `${enPourcentage(x)} %`;

/** The settings in one French sentence, for the task pane's « Paramètres ». */
export function reglagesEnClair(r: ReglagesVerification, degres: readonly { code: number }[]): string {
  const paliers = degres.slice(1).map((d, i) => `degré ${d.code} à partir de ${pourcent(r.seuils[i]!)}`);
  return `vérification ${r.mode === 'formatif' ? 'formative' : 'sommative'}, valeurs attendues ${r.montrerAttendus ? 'montrées' : 'non montrées'} à l\u2019élève, ${paliers.join(', ')} de réponses justes${r.tableur ? ', calculs sans formule comptés faux là où un critère porte sur le tableur' : ''}`;
}

/** Each degree in words with its thresholds: « Non maîtrisé : moins de 40 % des réponses justes »… */
export function degresEnMots(seuils: readonly number[], degres: readonly { code: number; libelle: string }[]): { code: number; texte: string }[] {
  const bornes = [0, ...seuils, 1];
  return degres.map((d, i) => ({
    code: d.code,
    texte: `${d.libelle} : ${i === 0 ? `moins de ${pourcent(bornes[1]!)}` : i === degres.length - 1 ? `${pourcent(bornes[i]!)} ou plus` : `de ${pourcent(bornes[i]!)} à moins de ${pourcent(bornes[i + 1]!)}`} des réponses justes`,
  }));
}
