import { dateDeSerie, dateValide, iso, moisEnLettres } from '../../domain/dates';

const MOIS = Array.from({ length: 12 }, (_, i) => moisEnLettres(`2000-${String(i + 1).padStart(2, '0')}`).split(' ')[0]!);
import { lettreColonne } from '../model';
import { debutsColonnes, empreinte, estTable, type Bloc, type TypeDonnee } from './blocs';
import type { LectureBlocs } from './commun';

/** A cell as a workbook reader gives it: formulas reduced to their cached result. */
export type ValeurLue = string | number | boolean | Date | null | { erreur: string };

/** A defined name's cells and where they start (1-based), to name a faulty cell in a message. */
export interface PlageLue {
  feuille: string;
  haut: number;
  gauche: number;
  valeurs: ValeurLue[][];
  /** true where a cell is covered by a merged cell to its left or above: a row of answers skips it */
  couvertes?: boolean[][];
  /** each cell's formula (« =B5*C5 », English function names, as Excel keeps it), null for a typed value; absent when the reader does not tell */
  formules?: (string | null)[][];
}

/** « E12 »: the cell at row `l` and column `c` (0-based) of a range read by name. */
export const adresseDansPlage = (p: Pick<PlageLue, 'haut' | 'gauche'>, l = 0, c = 0) => `${lettreColonne(p.gauche - 1 + c)}${p.haut + l}`;

/** A cell as text: a date as AAAA-MM-JJ (empty when not a real date), an error as its code, anything else trimmed. */
export function texteLu(v: ValeurLue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = iso(v);
    return dateValide(d) ? d : '';
  }
  return typeof v === 'object' ? v.erreur : String(v).trim();
}

/** French number as typed: « 1 234,56 € », « 20 % », « (150) ». */
export function nombreFrancais(s: string): number | undefined {
  let t = s.replace(/[\s\u00a0\u202f€%]/g, '');
  const negatif = /^\(.*\)$/.test(t);
  if (negatif) t = t.slice(1, -1);
  if (/^-?\d+(,\d+)?$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return (negatif ? -1 : 1) * Number(t);
}

/** One cell → the case value of its type, or a French reason it cannot be one. */
export function decoder(t: TypeDonnee, v: ValeurLue): { valeur: unknown } | { probleme: string } {
  if (v === null || v === '') return { valeur: undefined };
  if (typeof v === 'object' && !(v instanceof Date)) return { probleme: `valeur d\u2019erreur ${v.erreur}` };
  if (typeof t === 'object' && !('choix' in t)) {
    const lu = t.lire(String(v));
    return lu === undefined ? { probleme: t.attendu } : { valeur: lu };
  }
  if (typeof t === 'object') {
    const cle = Object.entries(t.choix).find(([k, l]) => [k, l].some((x) => x.toLocaleLowerCase('fr') === String(v).trim().toLocaleLowerCase('fr')))?.[0];
    return cle !== undefined ? { valeur: cle } : { probleme: `valeur attendue : ${Object.values(t.choix).join(', ')}` };
  }
  switch (t) {
    case 'texte':
      return { valeur: v instanceof Date ? iso(v) : String(v).trim() };
    case 'ouiNon': {
      const s = String(v).trim().toLowerCase();
      if (v === true || s === 'oui') return { valeur: true };
      if (v === false || s === 'non') return { valeur: false };
      return { probleme: 'Oui ou Non attendu' };
    }
    case 'mois': {
      const m = /^\s*(\p{L}+)\s+(\d{4})\s*$/u.exec(String(v));
      const k = m ? MOIS.indexOf(m[1]!.toLocaleLowerCase('fr')) : -1;
      if (m && k >= 0) return { valeur: `${m[2]}-${String(k + 1).padStart(2, '0')}` };
      if (typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v.trim())) return { valeur: v.trim() };
    }
    // falls through: a date typed in the cell stands for its month
    case 'date': {
      let d: string | undefined;
      if (v instanceof Date) d = iso(v);
      else if (typeof v === 'number') d = dateDeSerie(v);
      else {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(v).trim());
        if (m) d = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      }
      if (!d || !dateValide(d)) return { probleme: 'date attendue (jj/mm/aaaa)' };
      return { valeur: t === 'mois' ? d.slice(0, 7) : d };
    }
    default: {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? nombreFrancais(v) : undefined;
      return n === undefined ? { probleme: 'nombre attendu' } : { valeur: n };
    }
  }
}

export interface LectureEnonce {
  lecture: LectureBlocs;
  empreintes: Record<string, string>;
  problemes: string[];
}

/**
 * Reads the case back from its named blocks, whatever rows were inserted around them. A missing
 * name or a bad cell is reported with the sheet and the cell, never guessed.
 */
export function lireBlocs(structure: readonly Bloc[], plage: (nom: string) => PlageLue | undefined): LectureEnonce {
  const lecture: LectureBlocs = new Map();
  const empreintes: Record<string, string> = {};
  const problemes: string[] = [];
  const ou = (p: PlageLue, l: number, c: number) => `feuille « ${p.feuille} », cellule ${adresseDansPlage(p, l, c)}`;
  for (const b of structure) {
    if (!estTable(b)) {
      const valeurs: Record<string, unknown> = {};
      for (const c of b.champs) {
        const p = plage(c.nom);
        if (!p) {
          // a value the template gained later: an older workbook has none, and means the default
          if (c.defaut !== undefined) valeurs[c.cle] = c.defaut;
          else problemes.push(`donnée « ${c.libelle} » introuvable (nom ${c.nom})`);
          continue;
        }
        const d = decoder(c.type, p.valeurs[0]?.[0] ?? null);
        if ('probleme' in d) problemes.push(`${ou(p, 0, 0)} (${c.libelle}) : ${d.probleme}`);
        else if (d.valeur !== undefined) valeurs[c.cle] = d.valeur;
      }
      lecture.set(b.nom, valeurs);
      empreintes[b.nom] = empreinte({ ...b, champs: b.champs.map((c) => ({ ...c, valeur: valeurs[c.cle] })) });
      continue;
    }
    const p = plage(b.nom);
    const debuts = debutsColonnes(b.colonnes);
    const lignes: Record<string, unknown>[] = [];
    for (const [i, rangee] of (p?.valeurs ?? []).entries()) {
      const l: Record<string, unknown> = {};
      b.colonnes.forEach((c, k) => {
        if (c.formule) return;
        const d = decoder(c.type, rangee[debuts[k]!] ?? null);
        if ('probleme' in d) problemes.push(`${ou(p!, i, debuts[k]!)} (${b.titre}, colonne « ${c.entete} ») : ${d.probleme}`);
        else if (d.valeur !== undefined) l[c.cle] = d.valeur;
      });
      lignes.push(l);
    }
    lecture.set(b.nom, lignes);
    empreintes[b.nom] = empreinte({ ...b, lignes });
  }
  return { lecture, empreintes, problemes };
}
