import { classeurEnXlsx } from '../io/exceljs/aLaDemande';
import { compter, referentiel } from '../referentiel';
import { classeurReferentiel } from '../sheets/referentielClasseur';
import { ecrireAtomiquement } from '../io/fichiers';

export interface ResumeReferentiel {
  fichier: string;
  feuilles: string[];
  blocs: number;
  activites: number;
  competences: number;
}

/** Writes the référentiel workbook (synthesis, one matrix per bloc, épreuves) to an .xlsx file. */
export async function exporterReferentiel(fichier: string): Promise<ResumeReferentiel> {
  const r = referentiel();
  const modele = classeurReferentiel(r);
  await ecrireAtomiquement(fichier, await classeurEnXlsx(modele));
  return { fichier, feuilles: modele.feuilles.map((f) => f.nom), ...compter(r) };
}
