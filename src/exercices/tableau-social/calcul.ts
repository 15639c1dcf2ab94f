import { ajouterMois, dernierJour, moisComplets } from '../../domain/dates';
import { diviserArrondi } from '../../domain/monnaie';
import type { EntreeTableauSocial } from './entree';

/** The age bands of the pyramid: from `min` to `max` years included. */
export const TRANCHES = [
  { libelle: 'Moins de 30 ans', min: 0, max: 29 },
  { libelle: '30 à 39 ans', min: 30, max: 39 },
  { libelle: '40 à 49 ans', min: 40, max: 49 },
  { libelle: '50 ans et plus', min: 50, max: 99 },
] as const;

/**
 * The social dashboard of the year: a person is present on a day from their entry to their exit
 * included; ages and seniorities in whole years on 31 December; headcounts on 1 January, 31 December
 * and the last day of each month, the average of the twelve to two decimals; the entries and exits
 * of the year; turnover = (entries + exits) / 2 / headcount on 1 January × 100; absenteeism = days of
 * absence / (average headcount × theoretical days) × 100; the pyramid and the women's share on 31
 * December; the average seniority of those present, to one decimal. Rates in %, to two decimals,
 * halves away from zero.
 */
export interface ResultatTableauSocial {
  registre: { present: boolean; age: number; anciennete: number }[];
  debut: number;
  fin: number;
  mensuels: number[];
  moyen: number; // two decimals
  entrees: number;
  sorties: number;
  rotation: number;
  absenteisme: number;
  pyramide: [number, number][]; // women, men by band
  ancienneteMoyenne: number; // one decimal
  partFemmes: number;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  sortisExclus: boolean; // false: the headcount on 31 December counts everyone who entered
  bornesIncluses: boolean; // false: an age that opens a band (30, 40, 50) put in the band below
  moitie: boolean; // false: turnover on entries + exits, not their half
  moyenneMensuelle: boolean; // false: the average headcount as (1 January + 31 December) / 2
  effectifMoyen: boolean; // false: absenteeism on the headcount of 31 December
  dernierJourInclus: boolean; // false: someone leaving on 31 December not present that day
}
export const FACON_JUSTE: Facon = { sortisExclus: true, bornesIncluses: true, moitie: true, moyenneMensuelle: true, effectifMoyen: true, dernierJourInclus: true };

/** The last day of each of the twelve months from the period's first: where the monthly headcounts are taken. */
export const finsDeMois = (e: Pick<EntreeTableauSocial, 'debut'>): string[] => Array.from({ length: 12 }, (_, i) => dernierJour(ajouterMois(e.debut.slice(0, 7), i)));

const present = (s: EntreeTableauSocial['salaries'][number], jour: string, dernierInclus = true) => s.entree <= jour && (!s.sortie || (dernierInclus ? s.sortie >= jour : s.sortie > jour));
const ans = (depuis: string, jour: string) => Math.floor(moisComplets(depuis, jour) / 12);

/**
 * Women and men by age band, of the people `presents` (the student's own registre, in the knock-on
 * check); `bornesIncluses` false: by the mistake, an age that opens a band counted in the band below.
 */
export function pyramideDe(presents: readonly { sexe: 'F' | 'H'; age: number }[], bornesIncluses = true): [number, number][] {
  const tranche = (age: number) => (bornesIncluses || !TRANCHES.some((t) => t.min === age && age > 0) ? age : age - 1);
  return TRANCHES.map((t) => (['F', 'H'] as const).map((x) => presents.filter((r) => r.sexe === x && tranche(r.age) >= t.min && tranche(r.age) <= t.max).length) as [number, number]);
}

export function calculerTableauSocial(e: EntreeTableauSocial, f: Facon = FACON_JUSTE): ResultatTableauSocial {
  const [debutAnnee, finAnnee] = [e.debut, e.fin];
  const registre = e.salaries.map((s) => ({
    present: present(s, finAnnee),
    age: ans(s.naissance, finAnnee),
    anciennete: ans(s.entree, finAnnee),
  }));
  const effectif = (jour: string) => e.salaries.filter((s) => present(s, jour)).length;
  const debut = effectif(debutAnnee);
  const fin = e.salaries.filter((s) => (f.sortisExclus ? present(s, finAnnee, f.dernierJourInclus) : s.entree <= finAnnee)).length;
  const mensuels = finsDeMois(e).map(effectif);
  const moyen100 = f.moyenneMensuelle ? diviserArrondi(mensuels.reduce((a, b) => a + b, 0) * 100, 12) : diviserArrondi((debut + fin) * 100, 2);
  const entrees = e.salaries.filter((s) => s.entree >= debutAnnee && s.entree <= finAnnee).length;
  const sorties = e.salaries.filter((s) => s.sortie !== undefined && s.sortie >= debutAnnee && s.sortie <= finAnnee).length;
  const jours = e.absences.reduce((a, x) => a + x.jours, 0);
  const base100 = f.effectifMoyen ? moyen100 : fin * 100;
  const presents = registre.map((r, i) => ({ ...r, s: e.salaries[i]! })).filter((r) => r.present);
  const pyramide = pyramideDe(
    presents.map((r) => ({ sexe: r.s.sexe, age: r.age })),
    f.bornesIncluses,
  );
  return {
    registre,
    debut,
    fin,
    mensuels,
    moyen: moyen100 / 100,
    entrees,
    sorties,
    rotation: diviserArrondi((entrees + sorties) * 10000, (f.moitie ? 2 : 1) * debut) / 100,
    absenteisme: base100 ? diviserArrondi(jours * 1_000_000, base100 * e.joursTheoriques) / 100 : 0,
    pyramide,
    ancienneteMoyenne: presents.length ? diviserArrondi(presents.reduce((a, r) => a + r.anciennete, 0) * 10, presents.length) / 10 : 0,
    partFemmes: fin ? diviserArrondi(presents.filter((r) => r.s.sexe === 'F').length * 10000, presents.length) / 100 : 0,
  };
}
