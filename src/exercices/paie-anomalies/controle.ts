import { z } from 'zod';
import { montantSigne } from '../../domain/validation';
import { ErreurDonnees } from '../../domain/validation';
import type { Centimes } from '../../domain/monnaie';
import { avantLeBrut, type Bulletin } from '../paie/bulletin';
import { EntreeBulletin } from '../paie/entree';

/**
 * The control of a completed payslip (3.2.5, « Détection et signalement des anomalies »): the rows
 * a payroll software printed, compared one by one with the bulletin computed from the case.
 */

/** A printed row: the elements of the gross (base = hours, taux = hourly rate), then the contribution lines. */
export interface LigneAffichee {
  libelle: string;
  base: number | null; // euros, or hours for an element of the gross
  tauxSalarial: number | null;
  montantSalarial: Centimes | null;
  tauxPatronal: number | null;
  montantPatronal: Centimes | null;
}

// An empty cell of the printed bulletin reads back as absent: absent and null both mean « nothing printed ».
const nombre = z
  .number()
  .nullish()
  .transform((x) => x ?? null);
const montantImprime = montantSigne.nullish().transform((x) => x ?? null);
export const EntreeControlePaie = z
  .object({
    cas: EntreeBulletin,
    bulletin: z
      .array(z.object({ libelle: z.string(), base: nombre, tauxSalarial: nombre, montantSalarial: montantImprime, tauxPatronal: nombre, montantPatronal: montantImprime }).strict())
      .min(1, { error: 'le bulletin à contrôler n\u2019a aucune ligne' })
      .describe('Lignes du bulletin à contrôler, dans l\u2019ordre du bulletin calculé (montants en euros)'),
    totaux: z
      .object({ brut: montantSigne.optional(), totalSalarial: montantSigne.optional(), totalPatronal: montantSigne.optional(), netAPayer: montantSigne.optional() })
      .strict()
      .default({})
      .describe('Totaux imprimés sur le bulletin à contrôler (affichés seulement)'),
  })
  .strict();
export type EntreeControlePaie = z.output<typeof EntreeControlePaie>;

export function lignesAffichees(b: Bulletin): LigneAffichee[] {
  return [
    ...b.elements.filter((x) => avantLeBrut(x.code)).map((x) => ({ libelle: x.libelle, base: x.nombre, tauxSalarial: x.taux, montantSalarial: x.montant, tauxPatronal: null, montantPatronal: null })),
    ...b.lignes.map((l) => ({
      libelle: l.libelle,
      base: l.base === null ? null : l.base / 100,
      tauxSalarial: l.tauxSalarial,
      montantSalarial: l.montantSalarial,
      tauxPatronal: l.tauxPatronal,
      montantPatronal: l.montantPatronal,
    })),
  ];
}

/** The totals a software prints under its own rows (the gross unchanged: only contribution lines are wrong). */
export function totauxAffiches(b: Bulletin, lignes: readonly LigneAffichee[]) {
  const nElements = b.elements.filter((x) => avantLeBrut(x.code)).length;
  const cotisations = lignes.slice(nElements);
  const totalSalarial = cotisations.reduce((s, l) => s + (l.montantSalarial ?? 0), 0);
  const totalPatronal = cotisations.reduce((s, l) => s + (l.montantPatronal ?? 0), 0);
  return { brut: b.brut, totalSalarial, totalPatronal, netAPayer: b.netAPayerAvantImpot - (totalSalarial - b.totalCotisationsSalariales) };
}

export interface Anomalie {
  index: number; // 0-based row
  libelle: string;
  ecarts: string[]; // « taux patronal : 2,02 au lieu de 2,11 »
}

/** « 2,02 », « 151,67 », « 13 »: no trailing zeros. */
const fr = (x: number, decimales: number) =>
  x
    .toFixed(decimales)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
const CHAMPS: { cle: keyof LigneAffichee; libelle: string; montant: boolean }[] = [
  { cle: 'base', libelle: 'base', montant: false },
  { cle: 'tauxSalarial', libelle: 'taux salarial', montant: false },
  { cle: 'montantSalarial', libelle: 'montant salarial', montant: true },
  { cle: 'tauxPatronal', libelle: 'taux patronal', montant: false },
  { cle: 'montantPatronal', libelle: 'part patronale', montant: true },
];

/**
 * Each printed row against the exact one: amounts to the cent, bases to the cent (hours to the
 * hundredth), rates to the fourth decimal. Rows must be those of the computed bulletin, in order.
 */
export function anomalies(affiche: readonly LigneAffichee[], exact: readonly LigneAffichee[]): Anomalie[] {
  if (affiche.length !== exact.length)
    throw new ErreurDonnees('Bulletin à contrôler incohérent', [`${affiche.length} lignes affichées, ${exact.length} lignes dans le bulletin calculé à partir du cas`]);
  const resultat: Anomalie[] = [];
  affiche.forEach((a, i) => {
    const x = exact[i]!;
    if (a.libelle.trim() !== x.libelle) throw new ErreurDonnees('Bulletin à contrôler incohérent', [`ligne ${i + 1} : « ${a.libelle} » à la place de « ${x.libelle} »`]);
    const ecarts: string[] = [];
    for (const c of CHAMPS) {
      const [va, vx] = [a[c.cle] as number | null, x[c.cle] as number | null];
      const echelle = c.montant ? 1 : c.cle === 'base' ? 100 : 10000;
      const egal = va === null || vx === null ? va === vx : Math.round(va * echelle) === Math.round(vx * echelle);
      if (egal) continue;
      const texte = (v: number | null) => (v === null ? 'vide' : c.montant ? `${(v / 100).toFixed(2).replace('.', ',')} €` : c.cle === 'base' ? v.toFixed(2).replace('.', ',') : fr(v, 4));
      ecarts.push(`${c.libelle} : ${texte(va)} au lieu de ${texte(vx)}`);
    }
    if (ecarts.length) resultat.push({ index: i, libelle: x.libelle, ecarts });
  });
  return resultat;
}
