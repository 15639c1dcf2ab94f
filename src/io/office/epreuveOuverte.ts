import type { PlageLue } from '../../sheets/exercices/lecture';
import { synchroniser } from './erreurs';
import { coin, matrice } from './valeursLues';
import type { PriseEnCharge } from './insererClasseur';
import { priseEnChargeOffice } from './insererClasseur';

/** A number of the case to write into the open workbook. */
export interface CelluleEcrite {
  feuille: string;
  adresse: string;
  valeur: number;
}

/** The rounds of the test of a copy's formulas: each round's numbers, what puts the copy back, the answers to read. */
export interface EpreuveOuverte {
  tours: CelluleEcrite[][];
  retour: CelluleEcrite[];
  noms: string[];
}

const PROTECTION = { allowFormatColumns: true, allowFormatRows: true }; // as the insertion protects a sheet

/**
 * Puts the copy open in Excel to the test of the rounds, Excel recalculating: in one batch, each
 * round's numbers are written and the answers read back as Excel computed them, then the copy's own
 * numbers are written again and its protected sheets protected again. Two round trips (which sheets
 * are protected, how Excel calculates; then the batch), a third only to put the copy back when the
 * batch failed. Refused when Excel is set to manual calculation (nothing would recalculate).
 */
export async function epreuveOuverte(context: Excel.RequestContext, e: EpreuveOuverte, prend: PriseEnCharge = priseEnChargeOffice): Promise<((nom: string) => PlageLue | undefined)[]> {
  const wb = context.workbook;
  const feuilles = [...new Set([...e.tours.flat(), ...e.retour].map((c) => c.feuille))];
  const protections = feuilles.map((nom) => ({ nom, p: wb.worksheets.getItem(nom).protection.load('protected') }));
  const application = prend('1.8') ? wb.application.load('calculationMode') : null;
  await synchroniser(context, 'Épreuve des formules');
  if (application && application.calculationMode === 'Manual')
    throw new Error('Excel est réglé en calcul manuel (Formules › Options de calcul) : la robustesse des formules n\u2019a pas été vérifiée ; les valeurs l\u2019ont été.');
  const ecrire = (cellules: readonly CelluleEcrite[]) => {
    for (const c of cellules) wb.worksheets.getItem(c.feuille).getRange(c.adresse).values = [[c.valeur]];
  };
  const deproteger = () => {
    for (const { nom, p } of protections) if (p.protected) wb.worksheets.getItem(nom).protection.unprotect();
  };
  const reproteger = () => {
    for (const { nom, p } of protections) if (p.protected) wb.worksheets.getItem(nom).protection.protect(PROTECTION);
  };
  deproteger();
  const lectures = e.tours.map((t) => {
    ecrire(t);
    // loaded here, in the batch's order: the values as Excel computed them with this round's numbers
    return e.noms.map((nom) => {
      const r = wb.names.getItem(nom).getRange();
      r.load('values,valueTypes,numberFormat,address');
      return { nom, r };
    });
  });
  ecrire(e.retour);
  reproteger();
  try {
    await synchroniser(context, 'Épreuve des formules');
  } catch (x) {
    // whatever part of the batch was done, the copy gets its own numbers and protection back
    deproteger();
    ecrire(e.retour);
    reproteger();
    await synchroniser(context, 'Remise en état de la copie après l\u2019épreuve des formules');
    throw x;
  }
  return lectures.map((tour) => {
    const lues = new Map<string, PlageLue>();
    for (const { nom, r } of tour) {
      const c = coin(r.address);
      if (c) lues.set(nom.toUpperCase(), { ...c, valeurs: matrice(r.values, r.valueTypes, r.numberFormat as string[][]) });
    }
    return (nom: string) => lues.get(nom.toUpperCase());
  });
}
