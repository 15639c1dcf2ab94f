import { compter, referentiel } from '../referentiel';
import { classeurReferentiel } from '../sheets/referentielClasseur';
import type { Ports } from '../io/ports';

export interface ResumeReferentiel {
  fichier: string;
  feuilles: string[];
  blocs: number;
  activites: number;
  competences: number;
}

/** Writes the référentiel workbook (synthesis, one matrix per bloc, épreuves) to an .xlsx file. */
export async function exporterReferentiel(p: Ports, fichier: string): Promise<ResumeReferentiel> {
  const r = referentiel();
  const modele = classeurReferentiel(r);
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(modele));
  return { fichier, feuilles: modele.feuilles.map((f) => f.nom), ...compter(r) };
}
