import type { ConstructeurFeuille } from '../constructeur';
import { lettreColonne, type NomDefini, type Style, type Valeur } from '../model';
import { bandeau, entete, etiquette, valeur } from '../styles';
import { moisEnLettres } from '../../domain/dates';

/**
 * The case data of an exercise, as the « Énoncé » shows it: named single values and named tables.
 * The same description writes the sheet, reads it back (`agora corrige`, the checker) and
 * fingerprints it (`_agora`), so the three can never disagree on a column.
 */
export type TypeDonnee = 'texte' | 'date' | 'mois' | 'euros' | 'eurosPrecis' | 'taux' | 'entier' | 'heures' | 'nombre' | 'ouiNon' | { choix: Record<string, string> } | TexteCode;

/** A structured value shown as French text (« 40 % comptant ; 60 % à 30 jours ») and parsed back. */
export interface TexteCode {
  ecrire: (v: unknown) => string;
  lire: (s: string) => unknown;
  attendu: string;
  /**
   * The numbers this text gives that no cell holds (a part, a delay, a payment): a formula cannot
   * refer to them, so typing them into one is no fault (`constantesDuCas`).
   */
  nombres?: (v: unknown) => number[];
}

export interface Colonne {
  cle: string;
  entete: string;
  type: TypeDonnee;
  largeur: number; // columns of the sheet it spans
  /** a column computed from the others (an invoice's TVA, its TTC): written as a formula, never read back */
  formule?: (adresses: Record<string, string>) => string;
  /**
   * a column added to the template after workbooks were made with it: it comes last, an older
   * workbook's rows end before it (read as empty), and only a filled cell counts in the fingerprint,
   * so an older copy keeps its fingerprint
   */
  ajoutee?: true;
}

/** A single value of a block. */
export interface Champ {
  nom: string;
  cle: string;
  libelle: string;
  type: TypeDonnee;
  valeur: unknown;
  /**
   * a value added to the template after workbooks were made with it: an older workbook has no such
   * name and reads as this value; only another value counts in the fingerprint
   */
  defaut?: unknown;
}

export interface BlocChamps {
  nom: string; // fingerprint key
  titre: string;
  champs: Champ[];
}

export interface BlocTable {
  nom: string; // defined name of the data rows
  titre: string;
  colonnes: Colonne[];
  lignes: Record<string, unknown>[];
  /** what an empty table shows (« (aucune) » unless told: most tables list operations or lines) */
  vide?: string;
}

export type Bloc = BlocChamps | BlocTable;
export const estTable = (b: Bloc): b is BlocTable => 'colonnes' in b;

export const FORMAT_EUROS = '#,##0.00\\ "€"';
export const FORMAT_EUROS_ENTIERS = '#,##0\\ "€"';
export const FORMAT_TAUX = '0.0#\\ "%"';
export const FORMAT_DATE = 'dd/mm/yyyy';
/** An hourly rate keeps its four decimals (13,4567 €); two are shown when there are no more. */
export const FORMAT_EUROS_PRECIS = '#,##0.00##\\ "€"';
export const FORMAT_HEURES = '0.00';

const FORMATS: Record<string, string> = { date: FORMAT_DATE, euros: FORMAT_EUROS, eurosPrecis: FORMAT_EUROS_PRECIS, taux: FORMAT_TAUX, entier: '0', heures: FORMAT_HEURES, nombre: '#,##0.00##' };

/** A case value → what the cell holds. Strings stay strings (never formulas). */
export function enCellule(t: TypeDonnee, v: unknown): Valeur {
  if (v === undefined || v === null || v === '') return null;
  if (typeof t === 'object') {
    const texte = 'choix' in t ? (t.choix[String(v)] ?? String(v)) : t.ecrire(v);
    return texte === '' ? null : texte; // an empty list is an empty cell, as it reads back
  }
  if (t === 'ouiNon') return v ? 'Oui' : 'Non';
  if (t === 'date') return { date: String(v) };
  if (t === 'mois') return moisEnLettres(String(v)); // text: a date format would print the month in the host's language
  if (t === 'texte') return String(v);
  return Number(v);
}

/** The style of a data cell: right-aligned amounts in euros, centred dates and rates. */
export function styleDonnee(t: TypeDonnee, base: Style = valeur): Style {
  const format = typeof t === 'string' ? FORMATS[t] : undefined;
  const alignement = t === 'texte' || t === 'mois' || typeof t === 'object' ? 'gauche' : t === 'euros' || t === 'eurosPrecis' || t === 'nombre' ? 'droite' : 'centre';
  return { ...base, alignement, ...(format ? { format } : {}) };
}

/** Writes the blocks one after the other; returns the defined names of the data. */
export function ecrireBlocs(f: ConstructeurFeuille, feuille: string, blocs: readonly Bloc[], largeurTotale: number): NomDefini[] {
  const noms: NomDefini[] = [];
  for (const b of blocs) {
    f.vide();
    f.ligne([{ valeur: b.titre, style: bandeau, colonnes: largeurTotale }]);
    if (!estTable(b)) {
      for (const c of b.champs) {
        const n = f.ligne([
          { valeur: c.libelle, style: etiquette, colonnes: 3 },
          { valeur: enCellule(c.type, c.valeur), style: { ...styleDonnee(c.type), gras: true }, colonnes: 2 },
        ]);
        noms.push({ nom: c.nom, feuille, plage: `D${n}` });
      }
      continue;
    }
    f.ligne(b.colonnes.map((c) => ({ valeur: c.entete, style: entete, colonnes: c.largeur })));
    if (!b.lignes.length) {
      f.ligne([{ valeur: b.vide ?? '(aucune)', style: { ...valeur, italique: true }, colonnes: largeurTotale }]);
      continue;
    }
    let premiere = 0;
    const debuts = debutsColonnes(b.colonnes);
    b.lignes.forEach((l, i) => {
      const n = f.nombreDeLignes + 1;
      const adresses = Object.fromEntries(b.colonnes.map((c, k) => [c.cle, `${lettreColonne(debuts[k]!)}${n}`]));
      f.ligne(
        b.colonnes.map((c) => ({
          valeur: c.formule ? { formule: c.formule(adresses) } : enCellule(c.type, l[c.cle]),
          style: { ...styleDonnee(c.type), ...(i % 2 ? { fond: 'F7F9FC' } : {}) },
          colonnes: c.largeur,
        })),
      );
      if (i === 0) premiere = n;
    });
    const largeur = b.colonnes.reduce((a, c) => a + c.largeur, 0);
    noms.push({ nom: b.nom, feuille, plage: `A${premiere}:${lettreColonne(largeur - 1)}${premiere + b.lignes.length - 1}` });
  }
  return noms;
}

/** Column index (0-based, in the named range) where each column of a table starts. */
export const debutsColonnes = (colonnes: readonly Colonne[]): number[] => colonnes.map((_, i) => colonnes.slice(0, i).reduce((a, c) => a + c.largeur, 0));

/** What a block holds, as plain comparable values: the basis of its fingerprint. */
export function contenu(b: Bloc): unknown {
  const normal = (t: TypeDonnee, v: unknown) => {
    const c = enCellule(t, v);
    return c !== null && typeof c === 'object' ? ('date' in c ? c.date : c.formule) : c;
  };
  if (!estTable(b)) return b.champs.filter((c) => c.defaut === undefined || normal(c.type, c.valeur) !== normal(c.type, c.defaut)).map((c) => normal(c.type, c.valeur));
  const lues = b.colonnes.filter((c) => !c.formule);
  return b.lignes.map((l) => [
    ...lues.filter((c) => !c.ajoutee).map((c) => normal(c.type, l[c.cle])),
    ...lues.filter((c) => c.ajoutee && normal(c.type, l[c.cle]) !== null).map((c) => [c.cle, normal(c.type, l[c.cle])]),
  ]);
}

/**
 * A 53-bit hash (cyrb53) of a text, in hex: it notices an edited case, runs the same in Node and in
 * the task pane, and is not meant as cryptography (a student could recompute it: the teacher's seal,
 * domain/sceau.ts, is what they cannot).
 */
function cyrb53(texte: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A block's fingerprint, over its content. */
export const empreinte = (b: Bloc): string => cyrb53(JSON.stringify(contenu(b)));

/** JSON with object keys sorted: the same value gives the same text whatever order it was built in. */
const jsonCanonique = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );

/** The fingerprint of an exercise's parameters (rates, ceilings) as « Paramètres » states them. */
export const empreinteParametres = (p: unknown): string => cyrb53(jsonCanonique(p));
