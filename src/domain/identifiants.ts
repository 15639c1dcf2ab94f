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

/** The digit that makes `debut` + it pass Luhn. */
export const chiffreLuhn = (debut: string): string => String([...'0123456789'].findIndex((d) => luhnValide(debut + d)));
