/**
 * CSV as teachers have it: saved by Excel as « CSV (séparateur : point-virgule) » in Windows-1252,
 * or as « CSV UTF-8 » with a BOM, or exported with commas by another tool.
 */

export class ErreurCsv extends Error {
  constructor(
    message: string,
    readonly ligne?: number,
  ) {
    super(message);
    this.name = 'ErreurCsv';
  }
}

export type Encodage = 'UTF-8 avec BOM' | 'UTF-8' | 'Windows-1252';

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252, Excel's French « ANSI ». */
export function decoderTexte(octets: Uint8Array): { texte: string; encodage: Encodage } {
  if (octets.length >= 3 && octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf) return { texte: new TextDecoder('utf-8').decode(octets.subarray(3)), encodage: 'UTF-8 avec BOM' };
  try {
    return { texte: new TextDecoder('utf-8', { fatal: true }).decode(octets), encodage: 'UTF-8' };
  } catch {
    return { texte: new TextDecoder('windows-1252').decode(octets), encodage: 'Windows-1252' };
  }
}

/** The separator of the header line: « ; » when present (French Excel), else tab, else « , ». */
function separateurDe(entete: string): string {
  const horsGuillemets = entete.replace(/"[^"]*"/g, '');
  if (horsGuillemets.includes(';')) return ';';
  if (horsGuillemets.includes('\t')) return '\t';
  return ',';
}

/**
 * RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes), CRLF or LF.
 * Returns the rows with the 1-based line each starts on; blank lines are skipped.
 */
export function analyserCsv(texte: string): { separateur: string; lignes: { numero: number; champs: string[] }[] } {
  const premiere = texte.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const sep = separateurDe(premiere);
  const lignes: { numero: number; champs: string[] }[] = [];
  let champs: string[] = [];
  let champ = '';
  let guillemets = false;
  let numero = 1;
  let debut = 1;
  const finDeLigne = () => {
    champs.push(champ);
    if (champs.some((c) => c.trim() !== '')) lignes.push({ numero: debut, champs });
    champs = [];
    champ = '';
  };
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]!;
    if (guillemets) {
      if (c === '"') {
        if (texte[i + 1] === '"') {
          champ += '"';
          i++;
        } else guillemets = false;
      } else {
        if (c === '\n') numero++;
        champ += c;
      }
    } else if (c === '"' && champ.trim() === '') {
      guillemets = true;
      champ = '';
    } else if (c === sep) {
      champs.push(champ);
      champ = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && texte[i + 1] === '\n') i++;
      finDeLigne();
      numero++;
      debut = numero;
    } else champ += c;
  }
  if (guillemets) throw new ErreurCsv(`guillemet ouvert ligne ${debut} et jamais refermé`, debut);
  finDeLigne();
  return { separateur: sep, lignes };
}

/** Starts a formula when a spreadsheet opens the CSV: such a text gets a leading apostrophe, as OWASP advises. */
const FORMULE_CSV = /^[=+\-@\t\r]/;

/**
 * CSV as French Excel opens it with a double click: « ; » between fields, decimal comma, CRLF, and
 * a UTF-8 BOM so that accents are read right. Fields with « ; », quotes or line breaks are quoted.
 */
export function ecrireCsv(lignes: readonly (readonly (string | number | null)[])[]): string {
  const champ = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    const t = FORMULE_CSV.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return '\ufeff' + lignes.map((l) => l.map(champ).join(';')).join('\r\n') + '\r\n';
}
