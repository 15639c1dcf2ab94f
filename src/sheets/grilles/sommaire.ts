import { ConstructeurFeuille } from '../constructeur';
import type { Feuille } from '../model';
import { entete, lien, sousTitre, titre, valeur } from '../styles';
import { nomComplet, type Eleve } from './commun';

export const FEUILLE_SOMMAIRE = 'Sommaire';

/** One student's line: the anchor name of each of their sheets, by column. */
export interface LigneSommaire {
  eleve: Eleve;
  ancres: string[];
}

/**
 * « Sommaire » of a class's grids workbook (over two hundred tabs): one line per student, one link per
 * grid. A link goes to the grid's anchor name, not to its sheet name, so it survives a renamed tab,
 * and no student name is ever part of a formula.
 */
export function feuilleSommaire(colonnes: readonly string[], lignes: readonly LigneSommaire[], ancreParametres: string): Feuille {
  const n = 2 + colonnes.length;
  const f = new ConstructeurFeuille(FEUILLE_SOMMAIRE, [26, 14, ...colonnes.map(() => 12)]);
  f.ligne([{ valeur: 'Sommaire des grilles de la classe', style: titre, colonnes: n }], 22);
  f.ligne(
    [
      {
        valeur:
          'Cliquez sur une grille pour l\u2019ouvrir ; pour revenir ici, cliquez sur l\u2019onglet « Sommaire ». L\u2019établissement, l\u2019année et les échelles se règlent dans la feuille « Paramètres ».',
        style: sousTitre,
        colonnes: n,
      },
    ],
    26,
  );
  f.ligne([{ valeur: { formule: `HYPERLINK("#${ancreParametres}","Ouvrir « Paramètres »")` }, style: { ...lien, alignement: 'gauche' } }]);
  f.vide();
  const h = f.ligne([{ valeur: 'Élève', style: entete }, { valeur: 'Classe', style: entete }, ...colonnes.map((c) => ({ valeur: c, style: entete }))], 28);
  for (const l of lignes)
    f.ligne([
      { valeur: nomComplet(l.eleve), style: { ...valeur, gras: true } },
      { valeur: l.eleve.classe, style: valeur },
      ...colonnes.map((c, j) => ({ valeur: { formule: `HYPERLINK("#${l.ancres[j]}","${c}")` }, style: lien })),
    ]);
  return f.feuille({ orientation: 'portrait', ajusterLargeur: true, lignesRepetees: [h, h] }, { lignes: h, colonnes: 1 });
}
