import { somme, type Centimes } from '../../domain/monnaie';
import { COMPTES } from '../../domain/plancomptable';
import type { Bulletin } from './bulletin';
import type { EntreeBulletin } from './entree';

/**
 * The month's payroll entry (3.2.5, « Conformité des enregistrements »): the gross and the
 * employer's contributions as charges, what is owed to the employee, the collecting bodies and
 * the tax administration. Rules of the exercise: URSSAF collects every contribution but the
 * complementary pension (AGIRC-ARRCO, APEC), the health and welfare insurers and the PEEC (437);
 * every reduction is set against URSSAF (431); an advance on salary settles 425, any other
 * deduction from the net 467.
 */
export interface LigneEcriture {
  compte: string;
  intitule: string;
  debit: Centimes;
  credit: Centimes;
}

/** the lines whose contributions go to 437; all the others, and every reduction, to 431 */
export const AUTRES_ORGANISMES = new Set(['complementaire_sante', 'prevoyance_cadres', 'retraite_t1', 'ceg_t1', 'retraite_t2', 'ceg_t2', 'cet', 'apec', 'peec']);

/** The entry, balanced; null when the pay holds avantages en nature (their counterpart is left out of the exercise). */
export function ecritureDePaie(e: EntreeBulletin, b: Bulletin): LigneEcriture[] | null {
  const lignes = lignesDeLEcriture(e, b);
  if (!lignes) return null;
  const [debit, credit] = [somme(lignes.map((l) => l.debit)), somme(lignes.map((l) => l.credit))];
  if (debit !== credit) throw new Error(`Écriture de paie déséquilibrée : débit ${debit / 100} €, crédit ${credit / 100} €.`);
  return lignes;
}

/** The entry's lines from a payslip's amounts, balanced or not (a student's payslip need not be). */
export function lignesDeLEcriture(e: EntreeBulletin, b: Pick<Bulletin, 'brut' | 'lignes' | 'totalCotisationsPatronales' | 'netPaye' | 'impotPreleve'>): LigneEcriture[] | null {
  if (e.avantagesNature.length) return null;
  const part = (filtre: (code: string) => boolean) => somme(b.lignes.filter((l) => filtre(l.code)).map((l) => (l.montantSalarial ?? 0) + (l.montantPatronal ?? 0)));
  const nonSoumis = somme(e.primes.filter((x) => !x.soumise).map((x) => x.montant));
  const acomptes = somme(e.retenues.filter((r) => /^acompte/i.test(r.libelle)).map((r) => r.montant));
  const autresRetenues = somme(e.retenues.map((r) => r.montant)) - acomptes;
  const ligne = (compte: string, debit: Centimes, credit: Centimes): LigneEcriture => ({ compte, intitule: COMPTES[compte]!, debit, credit });
  return [
    ligne('641', b.brut + nonSoumis, 0),
    ligne('645', b.totalCotisationsPatronales, 0),
    ligne('421', 0, b.netPaye),
    ligne('425', 0, acomptes),
    ligne(
      '431',
      0,
      part((c) => !AUTRES_ORGANISMES.has(c)),
    ),
    ligne(
      '437',
      0,
      part((c) => AUTRES_ORGANISMES.has(c)),
    ),
    ligne('4421', 0, b.impotPreleve),
    ligne('467', 0, autresRetenues),
  ];
}
