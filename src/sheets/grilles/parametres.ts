import type { Referentiel } from '../../referentiel/schema';
import { ConstructeurFeuille } from '../constructeur';
import type { Feuille, NomDefini, Validation } from '../model';
import { bandeau, code, corps, entete, etiquette, note, saisie, saisieCentree, sousTitre, titre } from '../styles';
import { couleursNiveaux, PARAMETRES, type EchelleGrille } from './commun';
import { gabaritGrilles } from './gabarit';

export const FEUILLE_PARAMETRES = 'Paramètres';

export interface OptionsParametres {
  etablissement: string;
  annee: string;
}

/**
 * « Paramètres »: the two scales (codes, labels, values in [0, 1]), their correspondence, the mark
 * rule and the PFMP durations. Every grid reads them through defined names, so a teacher who renames
 * a level or changes a value sees drop-downs, colours and marks follow.
 */
export function feuilleParametres(r: Referentiel, o: OptionsParametres): { feuille: Feuille; noms: NomDefini[] } {
  const g = gabaritGrilles();
  const f = new ConstructeurFeuille(FEUILLE_PARAMETRES, [30, 28, 14, 46]);
  const noms: NomDefini[] = [];
  const validations: Validation[] = [];
  const misesEnForme: ReturnType<typeof couleursNiveaux> = [];
  const nommer = (nom: string, p: string) => noms.push({ nom, feuille: FEUILLE_PARAMETRES, plage: p });

  f.ligne([{ valeur: 'Paramètres des grilles', style: titre, colonnes: 4 }], 22);
  f.ligne([
    {
      valeur:
        "Les grilles de ce classeur lisent ici leurs échelles, la règle de calcul de la note et l'identité de l'établissement. Modifiez les cellules sur fond jaune : listes déroulantes, couleurs et notes suivent.",
      style: sousTitre,
      colonnes: 4,
    },
  ]);
  f.vide();
  f.ligne([{ valeur: 'Établissement', style: bandeau, colonnes: 4 }]);
  const lEtab = f.ligne([
    { valeur: 'Établissement', style: etiquette },
    { valeur: o.etablissement, style: saisie, colonnes: 3 },
  ]);
  nommer(PARAMETRES.etablissement, `B${lEtab}`);
  const lAnnee = f.ligne([
    { valeur: 'Année scolaire', style: etiquette },
    { valeur: o.annee, style: saisie, colonnes: 3 },
  ]);
  nommer(PARAMETRES.annee, `B${lAnnee}`);

  const echelle = (cle: EchelleGrille, codes: string, libelles: string, valeurs: string) => {
    const e = g.echelles[cle];
    f.vide();
    f.ligne([{ valeur: e.titre, style: bandeau, colonnes: 4 }]);
    f.ligne(['Code', 'Libellé', 'Valeur (0 à 1)', 'Emploi dans la note'].map((v) => ({ valeur: v, style: entete })));
    let premiere = 0;
    let derniere = 0;
    for (const n of e.niveaux) {
      derniere = f.ligne([
        { valeur: n.code, style: saisieCentree },
        { valeur: n.libelle, style: saisie },
        { valeur: n.valeur, style: { ...saisieCentree, format: '0.00' } },
        { valeur: n.valeur === null ? "Valeur vide : le niveau n'est pas compté dans la moyenne (ni comme zéro)." : 'Compté dans la moyenne pondérée pour cette valeur.', style: note },
      ]);
      premiere ||= derniere;
    }
    nommer(codes, `A${premiere}:A${derniere}`);
    nommer(libelles, `B${premiere}:B${derniere}`);
    nommer(valeurs, `C${premiere}:C${derniere}`);
    validations.push({ plage: `C${premiere}:C${derniere}`, minimum: 0, maximum: 1, message: "La valeur d'un niveau est un nombre compris entre 0 et 1 (laissez vide pour « non évalué »)." });
    misesEnForme.push(...couleursNiveaux(`A${premiere}:A${derniere}`, cle));
  };
  echelle('ccf', PARAMETRES.ccfCodes, PARAMETRES.ccfLibelles, PARAMETRES.ccfValeurs);
  echelle('pfmp', PARAMETRES.pfmpCodes, PARAMETRES.pfmpLibelles, PARAMETRES.pfmpValeurs);

  // The correspondence is written as positions in each scale, so it survives renamed codes.
  f.vide();
  f.ligne([{ valeur: 'Correspondance entre les deux échelles', style: bandeau, colonnes: 4 }]);
  f.ligne(['Niveau CCF', 'Degré du livret scolaire', '', ''].map((v) => ({ valeur: v, style: entete })));
  const rang = (cle: EchelleGrille, c: string | number) => g.echelles[cle].niveaux.findIndex((n) => n.code === c) + 1;
  let c1 = 0;
  let c2 = 0;
  for (const [ccf, pfmp] of g.correspondance) {
    c2 = f.ligne([
      { valeur: { formule: `INDEX(${PARAMETRES.ccfCodes},${rang('ccf', ccf)})&" — "&INDEX(${PARAMETRES.ccfLibelles},${rang('ccf', ccf)})` }, style: corps },
      { valeur: { formule: `INDEX(${PARAMETRES.pfmpCodes},${rang('pfmp', pfmp)})&" — "&INDEX(${PARAMETRES.pfmpLibelles},${rang('pfmp', pfmp)})` }, style: corps, colonnes: 3 },
    ]);
    c1 ||= c2;
  }
  nommer(PARAMETRES.correspondance, `A${c1}:B${c2}`);

  f.vide();
  f.ligne([{ valeur: 'Note proposée des grilles CCF', style: bandeau, colonnes: 4 }]);
  const lMax = f.ligne([
    { valeur: 'Note maximale', style: etiquette },
    { valeur: g.note.maximum, style: code },
    { valeur: 'La commission propose une note sur 20.', style: note, colonnes: 2 },
  ]);
  nommer(PARAMETRES.noteMax, `B${lMax}`);
  const lPas = f.ligne([
    { valeur: "Pas d'arrondi (en points)", style: etiquette },
    { valeur: g.note.pas, style: { ...saisieCentree, format: '0.00' } },
    { valeur: "Note arrondie au plus proche multiple de ce pas (0,5 : au demi-point) ; 0 : pas d'arrondi.", style: note, colonnes: 2 },
  ]);
  nommer(PARAMETRES.notePas, `B${lPas}`);
  validations.push({ plage: `B${lPas}`, minimum: 0, maximum: g.note.maximum, message: "Le pas d'arrondi est un nombre de points positif ou nul (0 : pas d'arrondi)." });
  f.ligne([
    {
      valeur:
        "Note = note maximale × moyenne pondérée (poids de chaque compétence) des valeurs des niveaux positionnés, arrondie au pas. Les compétences « non évaluées » ou laissées vides sont exclues de la moyenne ; elles ne comptent pas comme zéro. Pour E2, la note proposée est la moyenne des deux situations d'égale importance, arrondie une seule fois.",
      style: note,
      colonnes: 4,
    },
  ]);

  f.vide();
  f.ligne([{ valeur: 'Durée des périodes de formation en milieu professionnel', style: bandeau, colonnes: 4 }]);
  const lD3 = f.ligne([
    { valeur: 'Cycle en trois ans (semaines)', style: etiquette },
    { valeur: r.pfmp.dureeSemaines, style: code },
    { valeur: `« ${r.pfmp.textes.duree} »`, style: note, colonnes: 2 },
  ]);
  nommer(PARAMETRES.dureePfmp, `B${lD3}`);
  const lD2 = f.ligne([
    { valeur: 'Cycle en deux ans (semaines)', style: etiquette },
    { valeur: r.pfmp.dureeCycleDeuxAnsSemaines, style: code },
    { valeur: `« ${r.pfmp.textes.cycleDeuxAns} »`, style: note, colonnes: 2 },
  ]);
  nommer(PARAMETRES.dureePfmpDeuxAns, `B${lD2}`);

  const feuille = f.feuille({ orientation: 'portrait', ajusterLargeur: true, piedDePage: '&L&8AGOrA pour Excel — paramètres des grilles&R&8Page &P / &N' });
  return { feuille: { ...feuille, validations, misesEnForme, protegee: true }, noms };
}
