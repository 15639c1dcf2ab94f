import type { Hasard } from './cas/hasard';

/** A SIRET or SIREN's key (Luhn), shared by the exercises that check a file of companies. Spaces are ignored. */
const chiffres = (s: string) => s.replace(/\s/g, '');

/** Luhn: from the right, every second digit doubled (9 taken off above 9); the sum a multiple of 10. */
export function luhnValide(numero: string): boolean {
  const n = chiffres(numero);
  if (!/^\d+$/.test(n)) return false;
  const somme = [...n].reverse().reduce((s, c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1);
    return s + (d > 9 ? d - 9 : d);
  }, 0);
  return somme % 10 === 0;
}

/** A SIRET: 14 digits (spaces aside) that pass Luhn. */
export const siretValide = (s: string): boolean => /^\d{14}$/.test(chiffres(s)) && luhnValide(s);

/** A valid SIRET drawn from `h`: a SIREN of 8 digits and its key, a NIC of 4 digits and the whole's key. */
export function siretAuHasard(h: Hasard): string {
  const chiffres = (n: number) => Array.from({ length: n }, () => String(h.entier(0, 9))).join('');
  const siren = `${h.entier(1, 9)}${chiffres(7)}`;
  const debut = siren + chiffreLuhn(siren) + chiffres(4);
  return debut + chiffreLuhn(debut);
}

/** The digit that makes `debut` + it pass Luhn. */
export const chiffreLuhn = (debut: string): string => String([...'0123456789'].findIndex((d) => luhnValide(debut + d)));
