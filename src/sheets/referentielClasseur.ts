import type { Referentiel } from '../referentiel/schema';
import { ConstructeurFeuille, puces } from './constructeur';
import type { Classeur, Feuille } from './model';
import { bandeau, code, corps, entete, note, sousTitre, titre } from './styles';

const pied = '&L&8AGOrA pour Excel — référentiel du Bac Pro AGOrA (arrêté du 18 février 2020)&R&8Page &P / &N';
const paysage = (lignesRepetees?: [number, number]) => ({
  orientation: 'paysage' as const,
  ajusterLargeur: true,
  piedDePage: pied,
  ...(lignesRepetees ? { lignesRepetees } : {}),
});

/** « Tableau de synthèse activités – compétences – unités »: one row per compétence, grouped by pôle. */
function synthese(r: Referentiel): Feuille {
  const f = new ConstructeurFeuille('Synthèse', [34, 8, 52, 30, 22]);
  f.ligne([{ valeur: 'Tableau de synthèse activités – compétences – unités', style: titre, colonnes: 5 }], 22);
  f.ligne([{ valeur: `${r.diplome.intitule} — ${r.diplome.texte}`, style: sousTitre, colonnes: 5 }]);
  f.vide();
  const h = f.ligne(['Activités', 'Code', 'Compétences', 'Bloc de compétences', 'Unité et épreuve'].map((v) => ({ valeur: v, style: entete })));
  for (const b of r.blocs) {
    const e = r.epreuves.find((x) => x.code === b.epreuve);
    f.ligne([{ valeur: `Pôle ${b.pole.code} - ${b.pole.libelle}`, style: bandeau, colonnes: 5 }]);
    for (const a of b.activites)
      for (const c of a.competences)
        f.ligne([
          { valeur: `${a.code} ${a.libelle}`, style: corps },
          { valeur: c.code, style: code },
          { valeur: c.libelle, style: corps },
          { valeur: `Bloc ${b.code} - ${b.libelle}`, style: corps },
          { valeur: `${b.unite} — ${e ? `${e.code} (coef. ${e.coefficient})` : b.epreuve}`, style: corps },
        ]);
  }
  f.vide();
  const p = r.pfmp;
  f.ligne([
    {
      valeur: `PFMP : ${p.dureeSemaines} semaines (${p.dureeCycleDeuxAnsSemaines} semaines pour un cycle en deux ans ; minimum ${p.minimumPositionnesScolaireSemaines} semaines pour les candidats positionnés de la voie scolaire, ${p.minimumPositionnesFormationContinueSemaines} semaines pour ceux de la formation professionnelle continue).`,
      style: note,
      colonnes: 5,
    },
  ]);
  return f.feuille(paysage([h, h]), { lignes: h, colonnes: 0 });
}

/** One matrix per bloc: activités, compétences, critères, situations with complexité and aléas, then savoirs associés. */
function matrice(r: Referentiel, codeBloc: string): Feuille {
  const b = r.blocs.find((x) => x.code === codeBloc);
  if (!b) throw new Error(`Bloc inconnu : ${codeBloc}`);
  const f = new ConstructeurFeuille(`Bloc ${b.code}`, [7, 26, 30, 22, 28, 32, 30]);
  const n = 7;
  f.ligne([{ valeur: `Bloc de compétences ${b.code} - ${b.libelle}`, style: titre, colonnes: n }], 22);
  const e = r.epreuves.find((x) => x.code === b.epreuve);
  f.ligne([{ valeur: `Pôle ${b.pole.code} - ${b.pole.libelle} — unité ${b.unite}${e ? `, épreuve ${e.code} « ${e.libelle} » (coefficient ${e.coefficient})` : ''}`, style: sousTitre, colonnes: n }]);
  f.vide();
  const h = f.ligne(['Code', 'Compétence', "Critères d'évaluation", 'Situation', 'Résultat attendu', 'Complexité par situation', 'Aléas par situation'].map((v) => ({ valeur: v, style: entete })));
  for (const a of b.activites) {
    f.ligne([{ valeur: `${a.code} ${a.libelle}`, style: bandeau, colonnes: n }]);
    f.ligne([
      { valeur: `Activités : ${a.taches.join(' ; ')}`, style: note, colonnes: 4 },
      { valeur: `Compétences numériques (PIX) : ${a.pix.map((p) => `${p.code} ${p.libelle}`).join(' ; ')}`, style: note, colonnes: 3 },
    ]);
    for (const c of a.competences)
      c.situations.forEach((s, i) =>
        f.ligne([
          { valeur: i === 0 ? c.code : '', style: code },
          { valeur: i === 0 ? c.libelle : '', style: corps },
          { valeur: i === 0 ? puces(c.criteres.map((k) => k.libelle)) : '', style: corps },
          { valeur: `${s.code} ${s.libelle}`, style: corps },
          { valeur: s.attendu, style: corps },
          { valeur: puces(s.complexite), style: corps },
          { valeur: puces(s.aleas), style: corps },
        ]),
      );
  }
  f.vide();
  f.ligne([
    { valeur: 'Savoirs associés', style: entete, colonnes: 3 },
    { valeur: 'Indications complémentaires', style: entete, colonnes: 4 },
  ]);
  for (const s of b.savoirsAssocies)
    f.ligne([
      { valeur: `${s.categorie}\n${puces(s.savoirs)}`, style: corps, colonnes: 3 },
      { valeur: s.indicationsComplementaires.join('\n'), style: corps, colonnes: 4 },
    ]);
  return f.feuille(paysage([h, h]), { lignes: h, colonnes: 2 });
}

/** Épreuves E2, E31, E32: modalities by kind of candidate, CCF rules, commission. */
function epreuves(r: Referentiel): Feuille {
  const f = new ConstructeurFeuille('Épreuves', [10, 34, 50, 60]);
  f.ligne([{ valeur: 'Épreuves professionnelles', style: titre, colonnes: 4 }], 22);
  f.vide();
  const h = f.ligne(['Épreuve', 'Intitulé', 'Modalités selon les candidats', 'Contrôle en cours de formation'].map((v) => ({ valeur: v, style: entete })));
  for (const e of r.epreuves)
    f.ligne([
      { valeur: `${e.code}\n${e.unite}\ncoef. ${e.coefficient}`, style: code },
      { valeur: `${e.libelle}\n(bloc ${e.bloc})`, style: corps },
      { valeur: e.modalites.map((m) => `• ${m.candidats} : ${m.mode}${m.duree ? ` (${m.duree})` : ''}`).join('\n'), style: corps },
      {
        valeur: [e.ccf.description, e.ccf.regleCouverture, e.ccf.commission, e.ccf.noteNonCommuniquee ? 'La proposition de note ne doit pas être communiquée au candidat.' : null]
          .filter((x): x is string => !!x)
          .join('\n'),
        style: corps,
      },
    ]);
  return f.feuille(paysage([h, h]), { lignes: h, colonnes: 0 });
}

/** The référentiel workbook: synthesis, one matrix per bloc, the épreuves. */
export function classeurReferentiel(r: Referentiel): Classeur {
  return { titre: `Référentiel ${r.diplome.sigle}`, feuilles: [synthese(r), ...r.blocs.map((b) => matrice(r, b.code)), epreuves(r)] };
}
