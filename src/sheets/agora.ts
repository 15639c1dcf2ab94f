import { ConstructeurFeuille } from './constructeur';
import type { Feuille } from './model';
import { entete, texte, titre } from './styles';
import type { Eleve } from './eleve';
import type { ValeurLue } from './exercices/lecture';

export const FEUILLE_AGORA = '_agora';
export const FORMAT_AGORA = '1';

/** Major version of a template: a workbook made by a newer major may hold what this version cannot read. */
export const versionMajeure = (v: string) => Number(v.split('.')[0]);

/** One generated sheet, as `_agora` records it. The anchor is a defined name: it follows a renamed sheet. */
export interface EntreeAgora {
  ancre: string;
  modele: string;
  eleve: Eleve | null;
  prefixe: string;
  feuille: string; // name at creation, for the record only
}

// `ine` last: a workbook made before it has no such column, and reads as ''
export const COLONNES_AGORA = ['ancre', 'modele', 'version_modele', 'referentiel', 'nom', 'prenom', 'classe', 'prefixe', 'feuille_initiale', 'cree_le', 'ine'] as const;

/**
 * The veryHidden `_agora` sheet: the workbook's metadata (tool, format, the caller's keys such as
 * template version, seed or case fingerprints, référentiel version, creation date) then one row
 * per generated sheet. exceljs and Office.js both read it, which custom XML parts would not allow.
 * Values are plain text: names from a class list are never formulas.
 */
export function feuilleAgora(o: { cles: [string, string][]; versionGabarit: string; versionReferentiel: string; date: string; entrees: EntreeAgora[] }): Feuille {
  const f = new ConstructeurFeuille(FEUILLE_AGORA, [28, 26, 14, 14, 20, 20, 16, 12, 24, 12, 13]);
  f.ligne([{ valeur: 'AGOrA pour Excel — métadonnées (feuille technique, ne pas modifier)', style: titre, colonnes: 6 }]);
  const cles: [string, string][] = [['outil', 'AGOrA pour Excel'], ['format', FORMAT_AGORA], ...o.cles, ['referentiel', o.versionReferentiel], ['cree_le', o.date]];
  for (const [k, v] of cles)
    f.ligne([
      { valeur: k, style: texte },
      { valeur: v, style: texte },
    ]);
  f.vide();
  f.ligne(COLONNES_AGORA.map((c) => ({ valeur: c, style: entete })));
  for (const l of lignesDesEntrees(o)) f.ligne(l.map((v) => ({ valeur: v, style: texte })));
  return { ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }), etat: 'tresCachee' };
}

/** The rows of `_agora`'s table for these sheets, in the order of COLONNES_AGORA. */
export function lignesDesEntrees(o: { versionGabarit: string; versionReferentiel: string; date: string; entrees: readonly EntreeAgora[] }): (string | null)[][] {
  // no INE: no cell at all, rather than an empty text at the row's end
  return o.entrees.map((e) => [
    e.ancre,
    e.modele,
    o.versionGabarit,
    o.versionReferentiel,
    e.eleve?.nom ?? '',
    e.eleve?.prenom ?? '',
    e.eleve?.classe ?? '',
    e.prefixe,
    e.feuille,
    o.date,
    e.eleve?.ine ?? null,
  ]);
}

export type EntreeLue = Record<(typeof COLONNES_AGORA)[number], string>;

/** The table of generated sheets in `_agora`'s rows (as `metadonneesAgora` gives them), one record per row, by column name. */
export function entreesLues(lignes: readonly string[][]): EntreeLue[] {
  const h = lignes.findIndex((l) => l[0] === COLONNES_AGORA[0] && l[1] === COLONNES_AGORA[1]);
  if (h < 0) return [];
  const colonnes = lignes[h]!;
  return lignes
    .slice(h + 1)
    .filter((l) => l[0])
    .map((l) => Object.fromEntries(COLONNES_AGORA.map((c) => [c, (l[colonnes.indexOf(c)] ?? '').trim()])) as EntreeLue);
}

/**
 * `_agora`'s rows from column A, empty rows left out: its key/value pairs (the first of a key wins)
 * and every row as texts. The same for a file and for the workbook open in Excel.
 */
export function metadonneesAgora(lignes: readonly ValeurLue[][]): { agora: Map<string, string>; lignesAgora: string[][] } {
  const agora = new Map<string, string>();
  const lignesAgora: string[][] = [];
  for (const valeurs of lignes) {
    const [k, v] = [valeurs[0] ?? null, valeurs[1] ?? null];
    if (typeof k === 'string' && k && !agora.has(k)) agora.set(k, v === null ? '' : String(v));
    lignesAgora.push(valeurs.map((x) => (x === null || typeof x === 'object' ? '' : String(x))));
  }
  return { agora, lignesAgora };
}
