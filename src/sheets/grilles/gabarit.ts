import type { Epreuve, Referentiel } from '../../referentiel/schema';
import { z } from 'zod';
import donnees from '../../../templates/grilles/grilles.json';

/** "2/3" or "0.5" → number: fractions keep the default values exact to the last digit. */
const fraction = z
  .string()
  .regex(/^\d+(\.\d+)?(\/\d+)?$/)
  .transform((s) => {
    const [n, d] = s.split('/');
    return Number(n) / (d === undefined ? 1 : Number(d));
  })
  .refine((v) => v >= 0 && v <= 1, 'une valeur de niveau est comprise entre 0 et 1');

const niveau = z.object({
  code: z.union([z.string().min(1), z.number().int()]),
  libelle: z.string().min(1),
  valeur: fraction.nullable(), // null: « non évalué », left out of the mean
});

const echelle = z
  .object({ titre: z.string(), niveaux: z.array(niveau).min(2) })
  .refine((e) => e.niveaux.filter((n) => n.valeur === null).length === 1, 'une échelle a exactement un niveau « non évalué »')
  .refine((e) => new Set(e.niveaux.map((n) => String(n.code).toUpperCase())).size === e.niveaux.length, 'codes de niveau en double');

export const TYPES_GRILLE = ['pfmp', 'e31', 'e32', 'e2', 'recap-e31', 'recap-e32', 'attestation'] as const;
export type TypeGrille = (typeof TYPES_GRILLE)[number];

/**
 * Whether scolaires and apprentis take an épreuve in CCF: its first modality in the règlement
 * d'examen (arrêté, annexe II b) is theirs. E2 is a « Ponctuel écrit » of 3 h 30 for them; its CCF
 * is only for « Formation professionnelle continue dans un établissement public habilité ».
 */
export const ccfDesScolaires = (e: Epreuve) => e.modalites[0]?.mode === 'CCF';

/** The grid types made when none are asked for: all, except the CCF grid of an épreuve the scolaires take as an exam (E2). */
export function typesParDefaut(r: Referentiel): TypeGrille[] {
  return TYPES_GRILLE.filter((t) => {
    const e = /^e\d+$/.test(t) ? r.epreuves.find((x) => x.code === t.toUpperCase()) : undefined;
    return !e || ccfDesScolaires(e);
  });
}

export const schemaGabaritGrilles = z.object({
  version: z.string(),
  echelles: z.object({ ccf: echelle, pfmp: echelle }),
  correspondance: z.array(z.tuple([z.union([z.string(), z.number()]), z.union([z.string(), z.number()])])),
  couleursNiveaux: z.array(z.string().regex(/^[0-9A-F]{6}$/)),
  note: z.object({ maximum: z.number().positive(), pas: z.number().nonnegative() }),
  periodesPfmp: z.array(z.string()).min(1),
  recapitulatif: z.object({ lignes: z.number().int().min(1), natures: z.array(z.string()), cadres: z.array(z.string()), marque: z.string() }),
  types: z.array(z.object({ id: z.enum(TYPES_GRILLE), libelle: z.string() })),
});

export type GabaritGrilles = z.infer<typeof schemaGabaritGrilles>;
export type Echelle = GabaritGrilles['echelles']['ccf'];
export type Niveau = Echelle['niveaux'][number];

let cache: GabaritGrilles | undefined;

/** The grid template (scales, mark settings, layout constants), validated once. */
export function gabaritGrilles(): GabaritGrilles {
  cache ??= schemaGabaritGrilles.parse(donnees);
  return cache;
}

/** The degrees 1 to 4 of the livret scolaire (the PFMP scale without « NE »): the levels a checked copy reaches. */
export function degresDuLivret(): { code: number; libelle: string }[] {
  return gabaritGrilles().echelles.pfmp.niveaux.flatMap((n) => (typeof n.code === 'number' ? [{ code: n.code, libelle: n.libelle }] : []));
}
