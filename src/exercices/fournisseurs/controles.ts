import { composeIBAN, electronicFormatIBAN, isValidIBAN, friendlyFormatIBAN } from 'ibantools';

export { chiffreLuhn, luhnValide } from '../../domain/identifiants';

/**
 * The keys of a supplier's identifiers: the SIRET's Luhn key (its 14 digits), the French intra-EU
 * TVA number's key (FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97), and the IBAN's
 * (ISO 13616, by ibantools). Spaces are ignored.
 */
const chiffres = (s: string) => s.replace(/\s/g, '');

/** The key of the French TVA number of a SIREN (or, by mistake, of a whole SIRET: 14 digits stay exact in a double). */
export const cleTva = (siren: string): number => (12 + 3 * (Number(siren) % 97)) % 97;

/** FR + 2 digits + 9 digits whose key is right. */
export function tvaValide(tva: string, siren?: string): boolean {
  const m = /^FR(\d{2})(\d{9})$/.exec(chiffres(tva));
  return Boolean(m && Number(m[1]) === cleTva(m[2]!) && (siren === undefined || m[2] === siren));
}

/** An IBAN: its check digits, and for a French one its RIB key (ibantools, MIT). */
export const ibanValide = (iban: string): boolean => isValidIBAN(electronicFormatIBAN(iban) ?? '');

/** A French IBAN of bank, branch and 11-digit account, its RIB key computed (97 − (89 × bank + 15 × branch + 3 × account) mod 97). */
export function ibanFrancais(banque: string, guichet: string, compte: string): string {
  const cle = 97 - ((89 * Number(banque) + 15 * Number(guichet) + 3 * Number(compte)) % 97);
  return composeIBAN({ countryCode: 'FR', bban: `${banque}${guichet}${compte}${String(cle).padStart(2, '0')}` })!;
}

/** An IBAN written in groups of four, as a bank prints it. */
export const ibanLisible = (iban: string) => friendlyFormatIBAN(iban) ?? iban;
