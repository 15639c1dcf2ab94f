import type { Referentiel } from '../../referentiel/schema';
import { ConstructeurFeuille } from '../constructeur';
import { plageAbsolue, type NomDefini } from '../model';
import { bandeau, calcul, code, corps, entete, etiquette, saisie, saisieCentree, saisieDate, sousTitre, titre } from '../styles';
import { adresse, bandeIdentite, miseEnPage, nommeur, plage, type ContexteGrille, type GrilleConstruite } from './commun';
import { gabaritGrilles } from './gabarit';

/**
 * « État récapitulatif » of the dossier professionnel (E31, E32): the professional works (date,
 * title, réelle or simulée, PFMP or formation) against the bloc's activités, with a formula that
 * names every activité not yet covered.
 */
export function etatRecapitulatif(r: Referentiel, codeEpreuve: string, ctx: ContexteGrille, nomFeuille: string): GrilleConstruite {
  const g = gabaritGrilles().recapitulatif;
  const e = r.epreuves.find((x) => x.code === codeEpreuve);
  if (!e) throw new Error(`Épreuve inconnue : ${codeEpreuve}`);
  const b = r.blocs.find((x) => x.code === e.bloc);
  if (!b) throw new Error(`Bloc inconnu : ${e.bloc}`);
  const acts = b.activites;
  const colAct = 5; // F: first activité column
  const nCol = colAct + acts.length;
  const fin = nCol - 1;
  const base = `${ctx.prefixe}Recap${e.code}`;
  const noms: NomDefini[] = [];
  const nommer = nommeur(noms, base, nomFeuille);

  const f = new ConstructeurFeuille(nomFeuille, [5, 12, 50, 12, 12, ...acts.map(() => 11)]);
  const l1 = f.ligne([{ valeur: `État récapitulatif des travaux professionnels — dossier professionnel ${e.code}`, style: titre, colonnes: nCol }], 22);
  nommer('Feuille', `A${l1}`);
  f.ligne([
    {
      valeur: `Sous-épreuve ${e.code} « ${e.libelle} » : travaux professionnels réalisés par le candidat pendant le cycle de formation et significatifs des compétences du pôle d'activités ${b.pole.code}.`,
      style: sousTitre,
      colonnes: nCol,
    },
  ]);
  bandeIdentite(f, ctx, [1, 2, 0, nCol - 3]);
  f.vide();
  f.ligne([{ valeur: `Activités du pôle ${b.pole.code}`, style: bandeau, colonnes: nCol }]);
  for (const a of acts)
    f.ligne([
      { valeur: a.code, style: code },
      { valeur: a.libelle, style: corps, colonnes: nCol - 1 },
    ]);
  f.vide();
  const h = f.ligne([
    { valeur: 'N°', style: entete },
    { valeur: 'Date', style: entete },
    { valeur: 'Intitulé du travail professionnel', style: entete },
    { valeur: 'Situation réelle ou simulée', style: entete },
    { valeur: 'Réalisé en PFMP ou en formation', style: entete },
    ...acts.map((a) => ({ valeur: `Activité ${a.code}`, style: entete })),
  ]);
  f.avecLaSuivante();
  let premiere = 0;
  let derniere = 0;
  for (let i = 1; i <= g.lignes; i++) {
    derniere = f.ligne(
      [
        { valeur: i, style: { ...code, vertical: 'milieu' } },
        { valeur: null, style: saisieDate },
        { valeur: null, style: saisie },
        { valeur: null, style: saisieCentree },
        { valeur: null, style: saisieCentree },
        ...acts.map(() => ({ valeur: null, style: saisieCentree })),
      ],
      24,
    );
    premiere ||= derniere;
  }
  f.avecLaSuivante(); // the coverage rows below read the works: never alone on a page
  nommer('Travaux', plage(1, premiere, fin, derniere));
  const lCouv = f.ligne([
    { valeur: 'Activité couverte par au moins un travail', style: { ...etiquette, alignement: 'droite' }, colonnes: colAct },
    ...acts.map((_, i) => ({ valeur: { formule: `IF(COUNTIF(${plage(colAct + i, premiere, colAct + i, derniere)},"${g.marque}")>0,"Oui","Non")` }, style: calcul })),
  ]);
  f.avecLaSuivante();
  const manquantes = acts.map((a, i) => `IF(${adresse(colAct + i, lCouv)}="Non","${a.code} ","")`).join('&');
  const lBilan = f.ligne(
    [
      {
        valeur: { formule: `IF(COUNTIF(${plage(colAct, lCouv, fin, lCouv)},"Non")=0,"Toutes les activités du pôle ${b.pole.code} sont couvertes.","Activités non couvertes : "&TRIM(${manquantes}))` },
        style: { ...calcul, alignement: 'gauche', taille: 10 },
        colonnes: nCol,
      },
    ],
    20,
  );
  nommer('Couverture', plage(colAct, lCouv, fin, lCouv));
  nommer('Bilan', `A${lBilan}`);

  const feuille = f.feuille(miseEnPage(ctx, `État récapitulatif ${e.code}`, 'portrait', [h, h]), { lignes: h, colonnes: 0 });
  const couverture = plage(colAct, lCouv, fin, lCouv);
  return {
    feuille: {
      ...feuille,
      protegee: true,
      validations: [
        { plage: plage(3, premiere, 3, derniere), liste: { elements: g.natures }, message: `Choisissez : ${g.natures.join(' ou ')}.` },
        { plage: plage(4, premiere, 4, derniere), liste: { elements: g.cadres }, message: `Choisissez : ${g.cadres.join(' ou ')}.` },
        { plage: plage(colAct, premiere, fin, derniere), liste: { elements: [g.marque] }, message: `Marquez d'un « ${g.marque} » chaque activité que le travail met en œuvre.` },
      ],
      misesEnForme: [
        { plage: couverture, formule: `${adresse(colAct, lCouv)}="Non"`, fond: 'F8CBAD', couleur: '9C0006' },
        { plage: couverture, formule: `${adresse(colAct, lCouv)}="Oui"`, fond: 'C6E0B4', couleur: '006100' },
        { plage: `A${lBilan}`, formule: `COUNTIF(${plageAbsolue(couverture)},"Non")>0`, fond: 'F8CBAD', couleur: '9C0006' },
      ],
    },
    noms,
    modele: `etat-recapitulatif-${e.code.toLowerCase()}`,
    ancre: `${base}_Feuille`,
  };
}
