import { compter, referentiel } from '../referentiel';
import { classeurReferentiel } from '../sheets/referentielClasseur';
import { sortiesLibres, type Ports } from '../io/ports';

export interface ResumeReferentiel {
  fichier: string;
  feuilles: string[];
  blocs: number;
  activites: number;
  competences: number;
}

/** Writes the référentiel workbook (synthesis, one matrix per bloc, épreuves) to an .xlsx file. */
export async function exporterReferentiel(p: Ports, fichier: string, remplacer = false): Promise<ResumeReferentiel> {
  await sortiesLibres(p.fichiers, [fichier], remplacer);
  const r = referentiel();
  const modele = classeurReferentiel(r);
  await p.fichiers.ecrire(fichier, await p.classeurs.enXlsx(modele), remplacer);
  return { fichier, feuilles: modele.feuilles.map((f) => f.nom), ...compter(r) };
}
