import type { Referentiel } from '../../referentiel/schema';
import { ConstructeurFeuille, puces } from '../constructeur';
import { type MiseEnFormeConditionnelle, type NomDefini, type Validation } from '../model';
import { ccfDesScolaires } from './gabarit';
import { alerte, bandeau, calcul, code, corps, entete, etiquette, note, saisie, saisieCentree, saisieDate, sousTitre, texte, titre } from '../styles';
import {
  adresse,
  arrondiPas,
  bandeIdentite,
  couleursNiveaux,
  formuleLegende,
  formuleValeurNiveau,
  fragment,
  listeNiveaux,
  miseEnPage,
  nommeur,
  PARAMETRES,
  plage,
  type ContexteGrille,
  type GrilleConstruite,
} from './commun';

const COL_SITUATION = 3; // D: first positioning column

/**
 * CCF evaluation grid of an épreuve (E31, E32: one situation; E2: two of equal weight): one row per
 * compétence of the bloc with its indicateurs, one positioning per compétence and situation, a weight
 * per compétence, and the proposed mark /20 as a live formula (see domain/notation for the rule).
 */
export function grilleCcf(r: Referentiel, codeEpreuve: string, ctx: ContexteGrille, nomFeuille: string): GrilleConstruite {
  const e = r.epreuves.find((x) => x.code === codeEpreuve);
  if (!e) throw new Error(`Épreuve inconnue : ${codeEpreuve}`);
  const b = r.blocs.find((x) => x.code === e.bloc);
  if (!b) throw new Error(`Bloc inconnu : ${e.bloc}`);
  const ns = e.ccf.situations;
  const colPoids = COL_SITUATION + ns;
  const colValeur = (s: number) => colPoids + 1 + s; // hidden helper columns: the value each positioning counts for
  const nCol = colPoids + 1; // printed columns
  const fin = nCol - 1;
  const base = `${ctx.prefixe}${e.code}`;
  const noms: NomDefini[] = [];
  const nommer = nommeur(noms, base, nomFeuille);
  const validations: Validation[] = [];
  const misesEnForme: MiseEnFormeConditionnelle[] = [];
  const sousEpreuve = e.code.startsWith('E3') ? 'Sous-épreuve' : 'Épreuve';
  const libSituation = (s: number) => (ns === 1 ? 'Positionnement' : `Situation ${s + 1}`);

  const f = new ConstructeurFeuille(nomFeuille, [8, 42, 58, ...Array.from({ length: ns }, () => (ns === 1 ? 15 : 12)), 8, ...Array.from({ length: ns }, () => 8)]);
  const l1 = f.ligne([{ valeur: "Baccalauréat professionnel AGOrA — Grille d'évaluation en contrôle en cours de formation", style: titre, colonnes: nCol }], 22);
  nommer('Feuille', `A${l1}`);
  f.ligne([
    {
      valeur: `${sousEpreuve} ${e.code} « ${e.libelle} » — unité ${e.unite}, coefficient ${e.coefficient} — bloc de compétences ${b.code}`,
      style: { ...sousTitre, gras: true, taille: 10 },
      colonnes: nCol,
    },
  ]);
  // E2: the scolaires take a written exam; this grid is for the public the règlement d'examen names
  const enCcf = e.modalites.find((m) => m.mode === 'CCF');
  const scolaires = e.modalites[0];
  if (!ccfDesScolaires(e) && enCcf && scolaires)
    f.ligne(
      [
        {
          valeur: `Contrôle en cours de formation des candidats « ${enCcf.candidats} » ; les autres candidats (scolaires, apprentis…) passent l'épreuve en « ${scolaires.mode} »${scolaires.duree ? ` de ${scolaires.duree}` : ''}.`,
          style: { ...alerte, retourLigne: true },
          colonnes: nCol,
        },
      ],
      30,
    );
  bandeIdentite(f, ctx, [1, 1, 0, nCol - 2]);
  const lDate = f.ligne(
    ns === 1
      ? [
          { valeur: "Date de l'évaluation", style: etiquette, colonnes: 2 },
          { valeur: null, style: saisieDate, colonnes: 1 },
        ]
      : [
          { valeur: 'Dates des situations 1 et 2', style: etiquette, colonnes: 2 },
          { valeur: e.ccf.description, style: { ...note, vertical: 'milieu' } },
          ...Array.from({ length: ns }, () => ({ valeur: null, style: saisieDate })),
        ],
  );
  nommer('Date', ns === 1 ? `C${lDate}` : plage(COL_SITUATION, lDate, COL_SITUATION + ns - 1, lDate));
  f.vide();

  const h = f.ligne([
    { valeur: 'Code', style: entete },
    { valeur: 'Compétences', style: entete },
    { valeur: "Indicateurs d'évaluation", style: entete },
    ...Array.from({ length: ns }, (_, s) => ({ valeur: libSituation(s), style: entete })),
    { valeur: 'Poids', style: entete },
    ...Array.from({ length: ns }, (_, s) => ({ valeur: `Valeur ${s + 1}`, style: entete })),
  ]);
  const premiere = h + 1;
  const couverture: { code: string; libelle: string; debut: number; fin: number }[] = [];
  let nCompetences = 0;
  for (const a of b.activites) {
    f.ligne([{ valeur: `${a.code} - ${a.libelle}`, style: bandeau, colonnes: nCol }]);
    f.avecLaSuivante();
    let debut = 0;
    let finBloc = 0;
    for (const c of a.competences) {
      const l = f.nombreDeLignes + 1;
      f.ligne([
        { valeur: c.code, style: code },
        { valeur: c.libelle, style: corps },
        { valeur: puces(c.criteres.map((k) => k.libelle)), style: corps },
        ...Array.from({ length: ns }, () => ({ valeur: null, style: saisieCentree })),
        { valeur: 1, style: { ...saisieCentree, gras: false, format: '0.##' } },
        ...Array.from({ length: ns }, (_, s) => ({ valeur: { formule: formuleValeurNiveau(adresse(COL_SITUATION + s, l), 'ccf') }, style: { ...corps, format: '0.00' } })),
      ]);
      nCompetences++;
      finBloc = l;
      debut ||= l;
      nommer(`C${fragment(c.code)}`, plage(COL_SITUATION, l, COL_SITUATION + ns - 1, l));
    }
    const positionnements = plage(COL_SITUATION, debut, COL_SITUATION + ns - 1, finBloc);
    nommer(`A${fragment(a.code)}`, plage(COL_SITUATION, debut, colPoids, finBloc));
    validations.push(listeNiveaux(positionnements, 'ccf'));
    validations.push({ plage: plage(colPoids, debut, colPoids, finBloc), minimum: 0, message: 'Le poids est un nombre positif ou nul (0 : la compétence ne compte pas).' });
    misesEnForme.push(...couleursNiveaux(positionnements, 'ccf'));
    couverture.push({ code: a.code, libelle: a.libelle, debut, fin: finBloc });
  }
  const derniere = f.nombreDeLignes;
  const poids = plage(colPoids, premiere, colPoids, derniere);
  const valeurs = (s: number) => plage(colValeur(s), premiere, colValeur(s), derniere);
  const denominateur = (s: number) => `SUMPRODUCT(${poids},--ISNUMBER(${valeurs(s)}))`;
  const noteBrute = (s: number) => `${PARAMETRES.noteMax}*SUMPRODUCT(${poids},${valeurs(s)})/${denominateur(s)}`;
  f.vide();

  const etiquetteResultat = (t: string) => ({ valeur: t, style: { ...etiquette, alignement: 'droite' as const }, colonnes: 3 });
  f.solidaires(() => {
    f.ligne([
      etiquetteResultat('Compétences positionnées (hors « non évalué »)'),
      ...Array.from({ length: ns }, (_, s) => ({ valeur: { formule: `COUNT(${valeurs(s)})&" sur ${nCompetences}"` }, style: calcul })),
    ]);
    if (ns > 1) {
      const l = f.ligne([
        etiquetteResultat('Note de la situation (sur 20)'),
        ...Array.from({ length: ns }, (_, s) => ({ valeur: { formule: `IF(${denominateur(s)}=0,"",${arrondiPas(noteBrute(s))})` }, style: { ...calcul, format: '0.0#' } })),
      ]);
      for (let s = 0; s < ns; s++) nommer(`Note_S${s + 1}`, adresse(COL_SITUATION + s, l));
    }
    const ponderation = e.ccf.ponderation;
    const moyenne = ns === 1 ? noteBrute(0) : `(${ponderation.map((p, s) => `${p}*${noteBrute(s)}`).join('+')})/${ponderation.reduce((x, y) => x + y, 0)}`;
    const aucune = ns === 1 ? `${denominateur(0)}=0` : `OR(${Array.from({ length: ns }, (_, s) => `${denominateur(s)}=0`).join(',')})`;
    const lNote = f.ligne(
      [
        { ...etiquetteResultat('Note proposée (sur 20)'), style: { ...etiquette, alignement: 'droite', taille: 11 } },
        { valeur: { formule: `IF(${aucune},"",${arrondiPas(moyenne)})` }, style: { ...calcul, taille: 12, format: '0.0#' }, colonnes: ns },
      ],
      22,
    );
    nommer('Note', adresse(COL_SITUATION, lNote));
    f.ligne([{ valeur: { formule: formuleLegende('ccf') }, style: texte, colonnes: nCol }]);
    f.ligne([
      {
        valeur: {
          formule: `"Note = "&${PARAMETRES.noteMax}&" × moyenne pondérée des valeurs des niveaux positionnés, arrondie au pas de "&${PARAMETRES.notePas}&" point ; « non évalué » est exclu de la moyenne${ns > 1 ? " ; les deux situations sont d'égale importance" : ''}."`,
        },
        style: texte,
        colonnes: nCol,
      },
    ]);
    if (e.ccf.noteNonCommuniquee) f.ligne([{ valeur: 'La proposition de note ne doit pas être communiquée au candidat.', style: alerte, colonnes: nCol }]);
  });

  if (e.ccf.couverture.length && ns > 1) {
    f.vide();
    f.solidaires(() => {
      f.ligne([{ valeur: 'Couverture des sous-blocs', style: bandeau, colonnes: nCol }]);
      if (e.ccf.regleCouverture) f.ligne([{ valeur: `« ${e.ccf.regleCouverture} »`, style: note, colonnes: nCol }]);
      f.ligne([
        { valeur: 'Sous-bloc', style: entete, colonnes: 3 },
        ...Array.from({ length: ns }, (_, s) => ({ valeur: `Compétences évaluées, situation ${s + 1}`, style: entete })),
        { valeur: 'Couvert', style: entete },
      ]);
      let c1 = 0;
      let c2 = 0;
      for (const a of couverture) {
        const l = f.nombreDeLignes + 1;
        const comptes = Array.from({ length: ns }, (_, s) => `COUNT(${plage(colValeur(s), a.debut, colValeur(s), a.fin)})`);
        f.ligne([
          { valeur: `${a.code} - ${a.libelle}`, style: corps, colonnes: 3 },
          ...comptes.map((k) => ({ valeur: { formule: k }, style: calcul })),
          { valeur: { formule: `IF(${comptes.map((_, s) => adresse(COL_SITUATION + s, l)).join('+')}>0,"Oui","Non")` }, style: calcul },
        ]);
        c2 = l;
        c1 ||= l;
      }
      nommer('Couverture', plage(COL_SITUATION, c1, colPoids, c2));
      misesEnForme.push({ plage: plage(colPoids, c1, colPoids, c2), formule: `${adresse(colPoids, c1)}="Non"`, fond: 'F8CBAD', couleur: '9C0006' });
    });
  }

  f.vide();
  f.ligne([{ valeur: ns > 1 ? 'Appréciation des évaluateurs' : 'Appréciation de la commission', style: bandeau, colonnes: nCol }]);
  f.avecLaSuivante();
  const lApp = f.ligne([{ valeur: null, style: { ...saisie, vertical: 'haut' }, colonnes: nCol }], 70);
  nommer('Appreciation', `A${lApp}`);
  f.vide();
  let m1 = 0;
  let m2 = 0;
  f.solidaires(() => {
    f.ligne([{ valeur: ns > 1 ? 'Évaluateurs' : "Commission d'évaluation", style: bandeau, colonnes: nCol }]);
    if (e.ccf.commission) f.ligne([{ valeur: `« ${e.ccf.commission} »`, style: note, colonnes: nCol }]);
    f.ligne([
      { valeur: 'Nom et prénom', style: entete, colonnes: 2 },
      { valeur: 'Qualité', style: entete },
      { valeur: 'Signature', style: entete, colonnes: nCol - 3 },
    ]);
    for (let i = 0; i < 2; i++) {
      m2 = f.ligne(
        [
          { valeur: null, style: saisie, colonnes: 2 },
          { valeur: null, style: saisie },
          { valeur: null, style: saisie, colonnes: nCol - 3 },
        ],
        28,
      );
      m1 ||= m2;
    }
  });
  nommer('Commission', plage(0, m1, fin, m2));

  // The print area stops before the hidden helper columns (LibreOffice prints a blank page for them otherwise).
  const impression = { ...miseEnPage(ctx, `Grille d'évaluation ${e.code}`, 'paysage', [h, h]), zoneImpression: plage(0, 1, fin, f.nombreDeLignes) };
  const feuille = f.feuille(
    impression,
    { lignes: h, colonnes: 0 },
    Array.from({ length: ns }, (_, s) => colValeur(s)),
  );
  return {
    feuille: {
      ...feuille,
      validations,
      misesEnForme,
      protegee: true,
    },
    noms,
    modele: `grille-ccf-${e.code.toLowerCase()}`,
    ancre: `${base}_Feuille`,
  };
}
