import type { Referentiel } from '../../referentiel/schema';
import { ConstructeurFeuille, puces } from '../constructeur';
import type { MiseEnFormeConditionnelle, NomDefini, Validation } from '../model';
import { bandeau, code, corps, entete, etiquette, saisie, saisieCentree, saisieDate, sousTitre, texte, titre, valeur } from '../styles';
import { bandeIdentite, cellule, couleursNiveaux, formuleLegende, fragment, listeNiveaux, miseEnPage, nommeur, plage, type ContexteGrille, type GrilleConstruite } from './commun';
import { gabaritGrilles } from './gabarit';
import { colonnesPeriodes } from './attestation';

// Activités | Code | Compétences | Critères d'évaluation | P1 … P6, as in the national PFMP grids.
const LARGEURS = [26, 10, 32, 42];
const LARGEUR_PERIODE = 6.5;

/**
 * « Grille de suivi des compétences mises en œuvre en PFMP » of one pôle, laid out as source 002:
 * sub-activity bands (1.1, 1.2…), one row per compétence with its critères, one level per period.
 * Above it, one band per period (dates, organisation d'accueil, tuteur) — read from the student's
 * PFMP attestation sheet when the workbook has one, so that they are typed once.
 */
export function grillePfmp(r: Referentiel, codeBloc: string, ctx: ContexteGrille, nomFeuille: string): GrilleConstruite {
  const g = gabaritGrilles();
  const b = r.blocs.find((x) => x.code === codeBloc);
  if (!b) throw new Error(`Bloc inconnu : ${codeBloc}`);
  const periodes = g.periodesPfmp;
  const nCol = LARGEURS.length + periodes.length;
  const fin = nCol - 1;
  const base = `${ctx.prefixe}PFMP${b.pole.code}`;
  const noms: NomDefini[] = [];
  const nommer = nommeur(noms, base, nomFeuille);
  const validations: Validation[] = [];
  const misesEnForme: MiseEnFormeConditionnelle[] = [];

  const f = new ConstructeurFeuille(nomFeuille, [...LARGEURS, ...periodes.map(() => LARGEUR_PERIODE)]);
  const l1 = f.ligne([{ valeur: 'Baccalauréat professionnel AGOrA • Grilles de suivi des compétences mises en œuvre en PFMP', style: titre, colonnes: nCol }], 22);
  nommer('Feuille', `A${l1}`);
  f.ligne([{ valeur: `Pôle ${b.pole.code} > ${b.pole.libelle}`, style: { ...sousTitre, gras: true, taille: 11 }, colonnes: nCol }]);
  bandeIdentite(f, ctx, [1, 2, 1, periodes.length]);
  f.vide();

  // Period bands (dates, organisation d'accueil, tuteur) above the grid: below it they printed on the
  // next page under the grid's repeated header.
  const attestation = ctx.feuilles['attestation'];
  const source = attestation ? 'renseignées dans la feuille « ' + attestation + ' »' : 'à renseigner ici';
  f.ligne([{ valeur: `Périodes de formation en milieu professionnel (${source})`, style: bandeau, colonnes: nCol }]);
  f.ligne([
    { valeur: 'Période', style: entete },
    { valeur: 'Du', style: entete },
    { valeur: 'Au', style: entete },
    { valeur: "Organisation d'accueil", style: entete },
    { valeur: 'Tuteur', style: entete, colonnes: periodes.length },
  ]);
  let p1 = 0;
  let p2 = 0;
  periodes.forEach((p, i) => {
    const lien = (champ: keyof ReturnType<typeof colonnesPeriodes>) => {
      if (!attestation) return null;
      const ref = cellule(attestation, colonnesPeriodes(i)[champ]);
      return { formule: `IF(${ref}="","",${ref})` };
    };
    const style = attestation ? valeur : saisie;
    p2 = f.ligne([
      { valeur: p, style: { ...etiquette, alignement: 'centre' } },
      { valeur: lien('du'), style: attestation ? { ...valeur, alignement: 'centre', format: 'dd/mm/yyyy' } : saisieDate },
      { valeur: lien('au'), style: attestation ? { ...valeur, alignement: 'centre', format: 'dd/mm/yyyy' } : saisieDate },
      { valeur: lien('organisation'), style },
      { valeur: lien('tuteur'), style, colonnes: periodes.length },
    ]);
    p1 ||= p2;
  });
  nommer('Periodes', plage(0, p1, fin, p2));
  f.vide();

  const h = f.ligne([
    { valeur: 'Activités', style: entete },
    { valeur: 'Code', style: entete },
    { valeur: 'Compétences', style: entete },
    { valeur: "Critères d'évaluation", style: entete },
    ...periodes.map((p) => ({ valeur: p, style: entete })),
  ]);
  const premiereColonne = LARGEURS.length;
  for (const a of b.activites) {
    f.ligne([{ valeur: `${a.code} - ${a.libelle}`, style: bandeau, colonnes: nCol }]);
    f.avecLaSuivante();
    let debut = 0;
    let finBloc = 0;
    let tachesPrecedentes = '';
    for (const c of a.competences) {
      // As in 002, an activity label spanning several compétences is written once.
      const taches = c.taches.join('\n');
      finBloc = f.ligne([
        { valeur: taches === tachesPrecedentes ? '' : taches, style: corps },
        { valeur: c.code, style: code },
        { valeur: c.libelle, style: corps },
        { valeur: puces(c.criteres.map((k) => k.libelle)), style: corps },
        ...periodes.map(() => ({ valeur: null, style: saisieCentree })),
      ]);
      tachesPrecedentes = taches;
      debut ||= finBloc;
      nommer(`C${fragment(c.code)}`, plage(premiereColonne, finBloc, fin, finBloc));
    }
    const bloc = plage(premiereColonne, debut, fin, finBloc);
    nommer(`A${fragment(a.code)}`, bloc);
    validations.push(listeNiveaux(bloc, 'pfmp'));
    misesEnForme.push(...couleursNiveaux(bloc, 'pfmp'));
  }
  f.ligne([{ valeur: { formule: formuleLegende('pfmp') }, style: texte, colonnes: nCol }]);
  f.ligne([{ valeur: "Un niveau par compétence et par période, positionné avec le tuteur à l'issue de la période.", style: texte, colonnes: nCol }]);

  // No frozen panes: with the periods above the grid they would hold a third of a laptop's screen.
  const feuille = f.feuille(miseEnPage(ctx, `Suivi PFMP — pôle ${b.pole.code}`, 'paysage', [h, h]));
  return { feuille: { ...feuille, validations, misesEnForme, protegee: true }, noms, modele: `grille-pfmp-pole${b.pole.code}`, ancre: `${base}_Feuille` };
}
