import { accorder } from '../../domain/texte';
import { ConstructeurFeuille } from '../constructeur';
import type { Feuille, Style } from '../model';
import { alerte, bandeau, entete, etiquette, sousTitre, titre, valeur } from '../styles';
import { dateDeSerie, dateFr, estFormatDate, RE_DATE } from '../../domain/dates';
import { aCorrigerDAbord, COPIE_VIERGE, phraseTableur, prochaineEtape, type RapportCopie } from '../../check/rapport';
import type { Statut } from '../../check/controle';
import type { Degre } from '../../check/competences';
import { degresEnMots, pourcent } from '../exercices/reglages';
import { degresDuLivret } from '../grilles/gabarit';
import { piedDExercice } from '../exercices/classeurExercice';

export const FEUILLE_RESULTATS = 'Résultats';

/** The verdict colours of the annotated copy (pale green right, pale red wrong or missing, pale blue a knock-on of an earlier error). */
export const COULEURS_VERDICT = { juste: 'C6EFCE', faux: 'FFC7CE', coherent: 'DDEBF7' } as const;
const COULEUR_STATUT: Record<Statut, string> = {
  juste: COULEURS_VERDICT.juste,
  cohérent: COULEURS_VERDICT.coherent,
  faux: COULEURS_VERDICT.faux,
  'non renseigné': 'FFEB9C',
  illisible: COULEURS_VERDICT.faux,
  introuvable: 'D9D9D9',
};

/** How the report shows a rate, a degree and a value, in the annotated copy as in the task pane. */
export const pct = (t: number | null) => (t === null ? '—' : pourcent(t));
export const degre = (d: Degre | null) => (d ? `${d.code} — ${d.libelle}` : 'non noté');
/**
 * A value as a reader of the cell saw it, in its cell's number format: « 1 200,95 € », « 31/03/2026 »,
 * « 20,0 % »; a list's values one after the other, a table's rows separated by « | ».
 */
export function texteValeur(v: unknown, formats: readonly (string | null)[] = []): string {
  const un = (x: unknown, format: string | null | undefined): string => {
    if (x === null || x === undefined) return '';
    if (typeof x === 'string' && RE_DATE.test(x)) return dateFr(x);
    if (typeof x !== 'number') return String(x);
    if (format && estFormatDate(format)) return dateFr(dateDeSerie(x));
    return format ? nombreFormate(x, format) : String(x).replace('.', ',');
  };
  if (!Array.isArray(v)) return un(v, formats[0]);
  return v.map((x, i) => (Array.isArray(x) ? x.map((y, j) => un(y, formats[j])).join(' ; ') : un(x, formats.length ? formats[i % formats.length] : null))).join(' | ');
}

/** A number in an Excel format's way: its decimals (0.00## : 2 to 4), grouping, and its quoted unit (« € », « % »). */
function nombreFormate(x: number, format: string): string {
  const m = /0(?:\.(0*)(#*))?/.exec(format.replace(/"[^"]*"/g, ''));
  const min = m?.[1]?.length ?? 0;
  const texte = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: min + (m?.[2]?.length ?? 0), useGrouping: format.includes(',') }).format(x);
  const unite = /"([^"]+)"/.exec(format)?.[1];
  return unite ? `${texte}\u00a0${unite}` : texte;
}

/**
 * « Résultats »: who, which exercise, when and how it was checked; the rate and degree of each
 * compétence; in formative mode, each answer's verdict and hint (the expected value only when the
 * teacher allows it). Every value is written as text or number, never as a formula.
 */
export function feuilleResultats(r: RapportCopie): Feuille {
  const formatif = r.mode === 'formatif';
  const colonnes = formatif ? (r.montrerAttendus ? [34, 12, 9, 16, 16, 16, 60] : [34, 12, 9, 16, 16, 60]) : [10, 40, 44, 12, 24];
  const n = colonnes.length;
  const f = new ConstructeurFeuille(FEUILLE_RESULTATS, colonnes);
  f.ligne([{ valeur: `Résultats de la vérification — ${r.titre}`, style: titre, colonnes: n }]);
  f.ligne([
    {
      valeur: `Élève : ${r.eleve ?? '—'}${r.classe ? ` (${r.classe})` : ''} — vérifié le ${dateFr(r.date)} — ${r.graine === null ? 'cas de l\u2019enseignant' : `cas n° ${r.graine}`} — mode ${r.mode}`,
      style: sousTitre,
      colonnes: n,
    },
  ]);
  if (r.enonceModifie) f.ligne([{ valeur: `Énoncé modifié depuis la création de l\u2019exercice (${r.blocsModifies.join(', ')}) : la copie n\u2019est pas notée.`, style: alerte, colonnes: n }]);
  if (r.vierge) f.ligne([{ valeur: COPIE_VIERGE, style: alerte, colonnes: n }]);
  const texteLong: Style = { ...valeur, retourLigne: true };
  if (formatif && !r.vierge && !r.enonceModifie) {
    // what to correct first: the first wrong answers, upstream first (those « cohérent » follow them)
    const corriger = aCorrigerDAbord(r);
    f.vide();
    f.ligne([{ valeur: 'À corriger d\u2019abord', style: bandeau, colonnes: n }]);
    if (!corriger.length) f.ligne([{ valeur: 'Toutes vos réponses sont justes.', style: valeur, colonnes: n }]);
    corriger
      .slice(0, 3)
      .forEach((c, i) => f.ligne([{ valeur: `${i + 1}. ${c.libelle}${c.cellule ? ` (${c.cellule})` : ''}${c.diagnostic ? ` : ${c.diagnostic}` : ` : ${c.statut}.`}`, style: texteLong, colonnes: n }]));
    if (corriger.length > 3) f.ligne([{ valeur: `Et ${accorder(corriger.length - 3, 'autre réponse')} à revoir : voir le détail plus bas.`, style: valeur, colonnes: n }]);
  }
  const etape = prochaineEtape(r);
  if (etape) f.ligne([{ valeur: `Prochaine étape : ${etape}`, style: { ...texteLong, gras: true }, colonnes: n }]);
  f.vide();
  f.ligne([{ valeur: 'Compétences évaluées', style: bandeau, colonnes: n }]);
  const cc: Style = { ...valeur, alignement: 'centre' };
  if (formatif) {
    // the degree over two columns: « 2 — Insuffisamment maîtrisé » never breaks inside a word
    f.ligne([
      { valeur: 'Compétence', style: entete },
      { valeur: 'Réussite', style: entete },
      { valeur: 'Degré', style: entete, colonnes: 2 },
      { valeur: 'Critère', style: entete, colonnes: n - 4 },
    ]);
    for (const c of r.competences)
      f.ligne([
        { valeur: `${c.code} ${c.libelle}`, style: valeur },
        { valeur: pct(c.taux), style: cc },
        { valeur: degre(c.niveau), style: cc, colonnes: 2 },
        { valeur: c.critere, style: valeur, colonnes: n - 4 },
      ]);
  } else {
    f.ligne(['Code', 'Compétence', 'Critère', 'Réussite', 'Degré'].map((v) => ({ valeur: v, style: entete })));
    for (const c of r.competences)
      f.ligne([
        { valeur: c.code, style: cc },
        { valeur: c.libelle, style: valeur },
        { valeur: c.critere, style: valeur },
        { valeur: pct(c.taux), style: cc },
        { valeur: degre(c.niveau), style: cc },
      ]);
  }
  f.ligne([{ valeur: `Ensemble de la copie : ${accorder(r.total.reussis, 'réponse juste')} sur ${r.total.points} (${pct(r.total.taux)})`, style: etiquette, colonnes: n }]);
  // the degrees in words, with the teacher's thresholds
  f.ligne([
    {
      valeur: `Degrés : ${degresEnMots(r.seuils, degresDuLivret())
        .map((d) => `${d.code} — ${d.texte}`)
        .join(' ; ')}.`,
      style: texteLong,
      colonnes: n,
    },
  ]);
  const t = r.tableur;
  if (t && t.attendues && !r.vierge) {
    f.vide();
    f.ligne([{ valeur: 'Feuille de calcul', style: bandeau, colonnes: n }]);
    f.ligne([
      {
        valeur: phraseTableur(t),
        style: texteLong,
        colonnes: n,
      },
    ]);
    // in formative mode, where: the first remarks, each naming its cell (the others are in the cells' notes)
    if (formatif) for (const m of t.remarques.slice(0, 10)) f.ligne([{ valeur: m.texte, style: texteLong, colonnes: n }]);
    if (formatif && t.remarques.length > 10) f.ligne([{ valeur: `Et ${accorder(t.remarques.length - 10, 'autre remarque')} : voir les notes des cellules.`, style: valeur, colonnes: n }]);
  }
  if (!formatif) {
    f.vide();
    f.ligne([{ valeur: 'Évaluation sommative : le détail des réponses n\u2019est pas communiqué.', style: sousTitre, colonnes: n }]);
    return f.feuille({ orientation: 'portrait', ajusterLargeur: true, piedDePage: piedDuRapport(r) });
  }
  f.vide();
  f.ligne([{ valeur: 'Détail des réponses', style: bandeau, colonnes: n }]);
  const premiere = f.ligne(['Réponse', 'Cellule', 'Comp.', 'Verdict', ...(r.montrerAttendus ? ['Attendu'] : []), 'Saisi', 'Indication'].map((v) => ({ valeur: v, style: entete })));
  // the right answers are one line at the end: what is left to do stands out
  const justes = r.controles.filter((c) => c.statut === 'juste');
  for (const c of r.controles.filter((x) => x.statut !== 'juste'))
    f.ligne([
      { valeur: c.libelle, style: valeur },
      { valeur: c.cellule ?? '—', style: cc },
      { valeur: c.competence, style: cc },
      { valeur: c.statut, style: { ...cc, gras: true, fond: COULEUR_STATUT[c.statut] } },
      ...(r.montrerAttendus ? [{ valeur: texteValeur(c.attendu, c.formats), style: valeur }] : []),
      { valeur: texteValeur(c.saisi, c.formats), style: valeur },
      { valeur: c.diagnostic ?? '', style: valeur },
    ]);
  if (justes.length)
    f.ligne([
      { valeur: `Réponses justes (${justes.length})`, style: { ...valeur, gras: true, fond: COULEURS_VERDICT.juste } },
      { valeur: justes.map((c) => c.libelle).join(' ; '), style: texteLong, colonnes: n - 1 },
    ]);
  return f.feuille({ orientation: 'paysage', ajusterLargeur: true, lignesRepetees: [premiere, premiere], piedDePage: piedDuRapport(r) }, { lignes: premiere, colonnes: 0 });
}

/** The checked copy's sheets have the footer of its other sheets: student and class, exercise, page. */
export const piedDuRapport = (r: RapportCopie) => piedDExercice(r.titre, r.eleve ? `${r.eleve}${r.classe ? ` — ${r.classe}` : ''}` : null);
