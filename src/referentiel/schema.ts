import { z } from 'zod';

/** Where a datum was read: a seed file of sources/referentiel (by its 3-digit prefix) and a section. */
export const SourceId = z.enum(['000', '001', '002', '003', '004']);
export const Provenance = z.object({ source: SourceId, section: z.string().min(1) }).strict();
/** Another text's wording of the same item (the arrêté's wording is the one kept). */
export const Variante = z.object({ source: SourceId, texte: z.string().min(1) }).strict();

const texte = z.string().min(1);
const codeCompetence = z.string().regex(/^[1-3]\.[1-3]\.[1-6]$/);
const codeActivite = z.string().regex(/^[1-3]\.[1-3]$/);

export const Critere = z.object({ libelle: texte, provenance: z.array(Provenance).min(1), variantes: z.array(Variante) }).strict();

export const Situation = z
  .object({
    code: z.string().regex(/^[1-3]\.[1-3]\.[1-6](\.[1-9])?$/),
    libelle: texte,
    attendu: texte,
    criteres: z.array(texte).min(1),
    complexite: z.array(texte).min(1),
    aleas: z.array(texte).min(1),
    provenance: Provenance,
  })
  .strict();

export const Competence = z
  .object({
    code: codeCompetence,
    libelle: texte,
    activite: codeActivite,
    taches: z.array(texte).min(1),
    criteres: z.array(Critere).min(1),
    resultatsAttendus: z.array(texte).min(1),
    situations: z.array(Situation).min(1),
    variantes: z.array(Variante),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const Pix = z.object({ code: z.string().regex(/^[1-5]\.[1-4]$/), libelle: texte }).strict();

export const Activite = z
  .object({
    code: codeActivite,
    libelle: texte,
    taches: z.array(texte).min(1),
    indicateurs: z.array(texte).min(1),
    pix: z.array(Pix).min(1),
    competences: z.array(Competence).min(1),
    variantes: z.array(Variante),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const SavoirsAssocies = z
  .object({
    categorie: texte,
    savoirs: z.array(texte).min(1),
    indicationsComplementaires: z.array(texte).min(1),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const CodeEpreuve = z.enum(['E2', 'E31', 'E32']);

export const Bloc = z
  .object({
    code: z.enum(['1', '2', '3']),
    libelle: texte,
    pole: z.object({ code: z.enum(['1', '2', '3']), libelle: texte }).strict(),
    unite: z.enum(['U2', 'U31', 'U32']),
    epreuve: CodeEpreuve,
    activites: z.array(Activite).min(1),
    savoirsAssocies: z.array(SavoirsAssocies).length(3),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const Modalite = z.object({ candidats: texte, mode: z.enum(['CCF', 'Ponctuel écrit', 'Ponctuel oral', 'Ponctuel oral et pratique']), duree: texte.nullable() }).strict();

export const Epreuve = z
  .object({
    code: CodeEpreuve,
    libelle: texte,
    unite: z.enum(['U2', 'U31', 'U32']),
    coefficient: z.number().int().positive(),
    bloc: z.enum(['1', '2', '3']),
    modalites: z.array(Modalite).min(1),
    ccf: z
      .object({
        situations: z.number().int().positive(),
        ponderation: z.array(z.number().positive()).min(1),
        description: texte,
        couverture: z.array(codeActivite).min(1),
        regleCouverture: texte.nullable(),
        commission: texte.nullable(),
        noteNonCommuniquee: z.boolean(),
      })
      .strict()
      .refine((c) => c.ponderation.length === c.situations, 'une pondération par situation')
      .refine((c) => Math.abs(c.ponderation.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'les pondérations font 1'),
    ponctuel: z.object({ forme: texte, duree: texte, description: texte }).strict(),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const Pfmp = z
  .object({
    dureeSemaines: z.number().int().positive(),
    dureeCycleDeuxAnsSemaines: z.number().int().positive(),
    minimumPositionnesScolaireSemaines: z.number().int().positive(),
    minimumPositionnesFormationContinueSemaines: z.number().int().positive(),
    textes: z.record(z.string(), texte),
    provenance: z.array(Provenance).min(1),
  })
  .strict();

export const Referentiel = z
  .object({
    version: texte,
    diplome: z.object({ intitule: texte, sigle: texte, texte: texte, premiereSession: z.number().int(), provenance: z.array(Provenance) }).strict(),
    sources: z.array(z.object({ id: SourceId, fichier: texte, titre: texte }).strict()).length(5),
    blocs: z.array(Bloc).length(3),
    epreuves: z.array(Epreuve).length(3),
    pfmp: Pfmp,
  })
  .strict()
  .superRefine((r, ctx) => {
    const codes = r.blocs.flatMap((b) => b.activites.flatMap((a) => a.competences.map((c) => c.code)));
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', message: `code de compétence en double : ${c}` });
      seen.add(c);
    }
    for (const b of r.blocs) {
      if (!r.epreuves.some((e) => e.code === b.epreuve && e.bloc === b.code)) ctx.addIssue({ code: 'custom', message: `le bloc ${b.code} ne renvoie à aucune épreuve` });
      for (const a of b.activites) {
        if (!a.code.startsWith(b.code + '.')) ctx.addIssue({ code: 'custom', message: `activité ${a.code} hors du bloc ${b.code}` });
        for (const c of a.competences) if (!c.code.startsWith(a.code + '.') || c.activite !== a.code) ctx.addIssue({ code: 'custom', message: `compétence ${c.code} hors de l'activité ${a.code}` });
      }
    }
  });

export type Referentiel = z.infer<typeof Referentiel>;
export type Bloc = z.infer<typeof Bloc>;
export type Activite = z.infer<typeof Activite>;
export type Competence = z.infer<typeof Competence>;
export type Epreuve = z.infer<typeof Epreuve>;
export type Provenance = z.infer<typeof Provenance>;
