/**
 * The keys of a supplier's identifiers: the SIRET's Luhn key (its 14 digits), the French intra-EU
 * TVA number's key (FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97), and the IBAN's
 * (ISO 13616: the first four characters moved to the end, letters as numbers A = 10 … Z = 35, the
 * whole mod 97 is 1), with a French one's RIB key. Our own few lines rather than a library: the
 * pane's budget (300 Ko compressed) has no room for a table of every country's format. Spaces are
 * ignored.
 */
const chiffres = (s: string) => s.replace(/\s/g, '');

/** The key of the French TVA number of a SIREN (or, by mistake, of a whole SIRET: 14 digits stay exact in a double). */
export const cleTva = (siren: string): number => (12 + 3 * (Number(siren) % 97)) % 97;

/** FR + 2 digits + 9 digits whose key is right. */
export function tvaValide(tva: string, siren?: string): boolean {
  const m = /^FR(\d{2})(\d{9})$/.exec(chiffres(tva));
  return Boolean(m && Number(m[1]) === cleTva(m[2]!) && (siren === undefined || m[2] === siren));
}

/** A number written in decimal digits, mod 97, digit by digit (no precision lost on 30 digits). */
const mod97 = (n: string): number => [...n].reduce((r, c) => (r * 10 + Number(c)) % 97, 0);
/** ISO 13616: a letter is its rank + 9 (A = 10 … Z = 35). */
const enChiffres = (s: string) => [...s].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
/** The RIB's letters: A and J are 1, B, K and S are 2 … I, R and Z are 9. */
const chiffreRib = (c: string) => (/\d/.test(c) ? c : String(((c.charCodeAt(0) - 65 + (c >= 'S' ? 1 : 0)) % 9) + 1));
/** The RIB key of a French account: 97 − (89 × bank + 15 × branch + 3 × account) mod 97. */
const cleRib = (banque: string, guichet: string, compte: string) => 97 - ((89 * Number(banque) + 15 * Number(guichet) + 3 * Number([...compte].map(chiffreRib).join(''))) % 97);

/** An IBAN: its check digits, and for a French one its length and RIB key. */
export function ibanValide(iban: string): boolean {
  const n = chiffres(iban).toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(n) || mod97(enChiffres(n.slice(4) + n.slice(0, 4))) !== 1) return false;
  if (!n.startsWith('FR')) return true;
  return /^FR\d{2}\d{10}[A-Z0-9]{11}\d{2}$/.test(n) && cleRib(n.slice(4, 9), n.slice(9, 14), n.slice(14, 25)) === Number(n.slice(25));
}

/** A French IBAN of bank, branch and 11-digit account, its RIB key and check digits computed. */
export function ibanFrancais(banque: string, guichet: string, compte: string): string {
  const bban = `${banque}${guichet}${compte}${String(cleRib(banque, guichet, compte)).padStart(2, '0')}`;
  return `FR${String(98 - mod97(enChiffres(`${bban}FR00`))).padStart(2, '0')}${bban}`;
}

/** An IBAN written in groups of four, as a bank prints it. */
export const ibanLisible = (iban: string) =>
  chiffres(iban)
    .replace(/(.{4})/g, '$1 ')
    .trim();
