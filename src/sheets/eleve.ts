import { distinguer } from '../domain/texte';

/** A student as the class list gives them. */
export interface Eleve {
  nom: string;
  prenom: string;
  classe: string;
  ine?: string; // identifiant national élève, when the class list has it
}

export const nomComplet = (e: Eleve) => `${e.nom.toLocaleUpperCase('fr')} ${e.prenom}`.trim();

/** Header/footer text: `&` starts a code there, so a name like « Dupont & fils » is doubled. */
export const texteEnTete = (s: string) => s.replace(/&/g, '&&');

// Windows refuses these as a file's name even with an extension (« NUL.txt », « COM1.xlsx »)
const RESERVES_WINDOWS = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9¹²³]|lpt[1-9¹²³])(\.|$)/i;
/** Bidirectional controls: they make « gpj.xlsx » read as « xlsx.jpg ». */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Bytes kept of a name (ext4 and NTFS allow 255): room left for « corrige-paie-anomalies- », « -verifie », « _12 » and « .xlsx ». */
const OCTETS_MAX = 120;

/** The longest start of `s` that fits in `max` UTF-8 bytes, cut between characters. */
export function tronquerEnOctets(s: string, max: number): string {
  let n = 0;
  let fin = 0;
  for (const c of s) {
    const p = c.codePointAt(0)!;
    n += p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4;
    if (n > max) break;
    fin += c.length;
  }
  return s.slice(0, fin);
}

/** « DUPONT_Jean », « exercices-tva-Tle_A » : a file name every system accepts, made from a text. */
export function nomDeFichier(texte: string, parDefaut = 'eleve'): string {
  const s = tronquerEnOctets(
    texte
      .replace(BIDI, '')
      .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '')
      .replace(/\s+/g, '_')
      .replace(/^[.\s_-]+/, ''),
    OCTETS_MAX,
  ).replace(/[.\s_]+$/, '');
  if (!s) return parDefaut;
  return RESERVES_WINDOWS.test(s) ? `_${s}` : s;
}

/** « livret-scolaire-Tle_AGOrA_A »: a file for a class list, named after its class when it has only one. */
export function nomDeFichierDeClasse(debut: string, eleves: readonly Eleve[]): string {
  const classes = [...new Set(eleves.map((e) => e.classe).filter(Boolean))];
  return nomDeFichier(classes.length === 1 ? `${debut}-${classes[0]}` : debut);
}

/** One file name per student, homonyms told apart (« DUPONT_Jean », « DUPONT_Jean_2 »), whatever the case. */
export const nomsDeFichiers = (eleves: readonly Eleve[]): string[] => distinguer(eleves.map((e) => nomDeFichier(nomComplet(e))));
