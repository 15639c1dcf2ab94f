import { analyserCsv, decoderTexte, ErreurCsv, type Encodage } from '../io/csv';
import { ErreurFichier } from '../io/erreurFichier';
import type { Eleve } from '../sheets/grilles/commun';

/** Header cells compared without case, accents or surrounding spaces: « Prénom », « PRENOM », « prenom ». */
const cleEntete = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** A name as it will be shown: control characters removed, spaces collapsed. Never interpreted. */
const nettoyer = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

/** Key that identifies a student: same name and first name whatever the case, accents or spacing. */
export const cleEleve = (e: Pick<Eleve, 'nom' | 'prenom'>) => `${cleEntete(e.nom)}|${cleEntete(e.prenom)}`;

export interface ListeEleves {
  eleves: Eleve[];
  encodage: Encodage;
  separateur: string;
}

/**
 * The class list: a header with « nom » and « prenom » (a « classe » column is optional, other
 * columns are ignored), then one student per line. Every problem is reported with the file and line.
 */
/** `entetesAjoutes`: header lines added by the caller, so that messages give the user's line numbers. */
export function elevesDepuisCsv(octets: Uint8Array, fichier: string, classeParDefaut = '', entetesAjoutes = 0): ListeEleves {
  const { texte, encodage } = decoderTexte(octets);
  let analyse;
  try {
    analyse = analyserCsv(texte);
  } catch (e) {
    if (e instanceof ErreurCsv) throw new ErreurFichier(`Liste d'élèves « ${fichier} » illisible : ${e.message}.`, fichier);
    throw e;
  }
  const [entete, ...corps] = analyse.lignes;
  if (!entete) throw new ErreurFichier(`La liste d'élèves « ${fichier} » est vide : il faut une ligne d'en-tête « nom;prenom » puis un élève par ligne.`, fichier);
  const cles = entete.champs.map(cleEntete);
  const col = (nom: string) => cles.indexOf(nom);
  const [iNom, iPrenom, iClasse] = [col('nom'), col('prenom'), col('classe')];
  const manquantes = [iNom < 0 ? '« nom »' : '', iPrenom < 0 ? '« prenom »' : ''].filter(Boolean);
  if (manquantes.length)
    throw new ErreurFichier(
      `Liste d'élèves « ${fichier} », ligne ${entete.numero} : colonne ${manquantes.join(' et ')} absente de l'en-tête (lu : ${entete.champs.map((c) => `« ${nettoyer(c)} »`).join(', ')}). L'en-tête attendu est « nom;prenom ».`,
      fichier,
    );
  if (!corps.length) throw new ErreurFichier(`La liste d'élèves « ${fichier} » ne contient aucun élève après la ligne d'en-tête.`, fichier);

  const eleves: Eleve[] = [];
  const vus = new Map<string, number>();
  for (const { numero: n, champs } of corps) {
    const l = { numero: n - entetesAjoutes, champs };
    const nom = nettoyer(l.champs[iNom] ?? '');
    const prenom = nettoyer(l.champs[iPrenom] ?? '');
    const classe = iClasse >= 0 ? nettoyer(l.champs[iClasse] ?? '') || classeParDefaut : classeParDefaut;
    if (!nom || !prenom)
      throw new ErreurFichier(`Liste d'élèves « ${fichier} », ligne ${l.numero} : ${!nom ? 'le nom' : 'le prénom'} est vide.`, fichier);
    const e: Eleve = { nom, prenom, classe };
    const cle = `${cleEleve(e)}|${cleEntete(classe)}`;
    const deja = vus.get(cle);
    if (deja !== undefined)
      throw new ErreurFichier(
        `Liste d'élèves « ${fichier} » : « ${nom} ${prenom} » figure deux fois (lignes ${deja} et ${l.numero}). Supprimez le doublon, ou distinguez les homonymes (par exemple « ${prenom} B. »).`,
        fichier,
      );
    vus.set(cle, l.numero);
    eleves.push(e);
  }
  return { eleves, encodage, separateur: analyse.separateur };
}

/**
 * A list pasted into the task pane (a spreadsheet's columns arrive tab-separated): with its header
 * row when it has one, otherwise its columns are taken as nom, prénom and, if present, classe.
 */
export function elevesDepuisTexte(texte: string, classeParDefaut = ''): ListeEleves {
  const lignes = texte.split(/\r?\n/).filter((l) => l.trim() !== '');
  const premiere = lignes[0] ?? '';
  const sep = premiere.includes('\t') ? '\t' : premiere.includes(';') ? ';' : ',';
  const aEntete = premiere.split(sep).map(cleEntete).some((c) => c === 'nom' || c === 'prenom');
  const colonnes = Math.max(...lignes.map((l) => l.split(sep).length), 2);
  const entete = ['nom', 'prenom', 'classe'].slice(0, Math.min(3, colonnes)).join(sep);
  const complet = aEntete ? lignes.join('\n') : [entete, ...lignes].join('\n');
  return elevesDepuisCsv(new TextEncoder().encode(complet), 'liste collée', classeParDefaut, aEntete ? 0 : 1);
}

/**
 * Cells read from a sheet (a selection in Excel) as the pane's pasted list: one line per row,
 * tab-separated, empty rows left out; a tab or line break inside a cell becomes a space.
 */
export function texteDesLignes(valeurs: readonly (readonly unknown[])[]): string {
  return valeurs
    .map((l) => l.map((v) => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ').trim())))
    .filter((l) => l.some((v) => v !== ''))
    .map((l) => l.join('\t').replace(/\t+$/, ''))
    .join('\n');
}
