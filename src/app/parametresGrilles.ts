import type { ClasseurLu } from '../io/ports';
import { nombreFrancais, texteLu as texte, type ValeurLue } from '../sheets/exercices/lecture';
import { PARAMETRES } from '../sheets/grilles/commun';
import type { Valeur } from '../sheets/model';

/**
 * The settings of a grids workbook as the task pane shows and edits them: the establishment, the
 * school year, the mark's rounding step and the value of each level of the two scales. They live in
 * the « Paramètres » sheet under defined names; every grid reads them from there.
 */

export interface NiveauParametre {
  code: string;
  libelle: string;
  valeur: number | null;
}

export interface ParametresGrilles {
  etablissement: string;
  annee: string;
  pas: number | null;
  noteMax: number | null;
  ccf: NiveauParametre[];
  pfmp: NiveauParametre[];
}

/** What the user typed in the pane: texts, as in the form. */
export interface SaisieParametres {
  etablissement: string;
  annee: string;
  pas: string;
  ccf: string[];
  pfmp: string[];
}

const nombre = (v: ValeurLue | undefined) => (typeof v === 'number' ? v : null);

/** The open workbook's settings; undefined when it has no « Paramètres » sheet (no grids inserted). */
export function parametresDuClasseur(c: Pick<ClasseurLu, 'plage'>): ParametresGrilles | undefined {
  const cellule = (nom: string) => c.plage(nom)?.valeurs[0]?.[0];
  const colonne = (nom: string) => c.plage(nom)?.valeurs.map((l) => l[0] ?? null);
  const echelle = (codes: string, libelles: string, valeurs: string): NiveauParametre[] | undefined => {
    const [k, l, v] = [colonne(codes), colonne(libelles), colonne(valeurs)];
    return k && l && v && k.map((x, i) => ({ code: texte(x), libelle: texte(l[i]), valeur: nombre(v[i]) }));
  };
  const ccf = echelle(PARAMETRES.ccfCodes, PARAMETRES.ccfLibelles, PARAMETRES.ccfValeurs);
  const pfmp = echelle(PARAMETRES.pfmpCodes, PARAMETRES.pfmpLibelles, PARAMETRES.pfmpValeurs);
  if (!ccf || !pfmp || !c.plage(PARAMETRES.notePas)) return undefined;
  return {
    etablissement: texte(cellule(PARAMETRES.etablissement)),
    annee: texte(cellule(PARAMETRES.annee)),
    pas: nombre(cellule(PARAMETRES.notePas)),
    noteMax: nombre(cellule(PARAMETRES.noteMax)),
    ccf,
    pfmp,
  };
}

/**
 * The values to write back, by defined name, once every field is valid; otherwise a RangeError whose
 * French message names the field. Codes and labels are not edited here (the sheet is the place for
 * renaming a level): only values, which the grids' drop-downs and marks follow.
 */
export function ecrituresParametres(s: SaisieParametres, actuels: ParametresGrilles): Map<string, Valeur[][]> {
  const annee = s.annee.trim();
  const m = /^(\d{4})-(\d{4})$/.exec(annee);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Année scolaire « ${annee} » : écrivez-la AAAA-AAAA, deux années qui se suivent (par exemple 2026-2027).`);
  const max = actuels.noteMax ?? 20;
  const pas = nombreFrancais(s.pas);
  if (pas === undefined || pas < 0 || pas > max) throw new RangeError(`Pas d'arrondi « ${s.pas} » : un nombre de points entre 0 et ${max} (0,5 : au demi-point ; 0 : pas d'arrondi).`);
  const valeurs = (echelle: string, niveaux: readonly NiveauParametre[], saisies: readonly string[]): Valeur[][] =>
    niveaux.map((n, i) => {
      const t = (saisies[i] ?? '').trim();
      if (t === '') return [null];
      const v = nombreFrancais(t);
      if (v === undefined || v < 0 || v > 1)
        throw new RangeError(`${echelle}, niveau « ${n.code} » (${n.libelle}) : « ${t} » n'est pas une valeur entre 0 et 1 (laissez vide pour un niveau non compté dans la moyenne).`);
      return [v];
    });
  return new Map<string, Valeur[][]>([
    [PARAMETRES.etablissement, [[s.etablissement.trim()]]],
    [PARAMETRES.annee, [[annee]]],
    [PARAMETRES.notePas, [[pas]]],
    [PARAMETRES.ccfValeurs, valeurs('Échelle CCF', actuels.ccf, s.ccf)],
    [PARAMETRES.pfmpValeurs, valeurs('Échelle PFMP', actuels.pfmp, s.pfmp)],
  ]);
}
