import { analyserCsv, decoderTexte, ErreurCsv, type Encodage } from '../io/csv';
import { ErreurFichier } from '../io/erreurFichier';
import { FichierIllisible, type Fichiers } from '../io/ports';
import type { Eleve } from '../sheets/grilles/commun';
import { entierEnClair } from '../domain/texte';

/** Header cells compared without case, accents or surrounding spaces: « Prénom », « PRENOM », « prenom ». */
const cleEntete = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** A name as it will be shown: control characters removed, spaces collapsed. Never interpreted. */
const nettoyer = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Key that identifies a student: same name and first name whatever the case, accents or spacing. */
export const cleEleve = (e: Pick<Eleve, 'nom' | 'prenom'>) => `${cleEntete(e.nom)}|${cleEntete(e.prenom)}`;

/** The longest list read at once: a whole lycée's roll; a longer file is refused before any line is read. */
export const ELEVES_MAX = 3000;

export interface ListeEleves {
  eleves: Eleve[];
  encodage: Encodage;
  separateur: string;
}

/**
 * The header names each column goes by in the lists teachers have: a spreadsheet of their own, the
 * exports of the vie-scolaire software (Pronote: « Élève » as « NOM Prénom »; SIECLE: « Nom de
 * famille », « Prénom 1 », « Division », « INE »…), compared as `cleEntete` makes them.
 */
const ENTETES = {
  nom: ['nom', 'nom de famille', "nom d'usage", 'nom eleve', "nom de l'eleve", 'nom de naissance'],
  prenom: ['prenom', 'prenom 1', 'premier prenom', 'prenom eleve', "prenom de l'eleve", 'prenoms'],
  eleve: ['eleve', 'eleves', 'nom prenom', 'nom et prenom', 'nom - prenom', 'nom, prenom', 'nom et prenoms', 'identite', 'apprenant', 'etudiant'],
  classe: ['classe', 'division', 'classes', 'div', 'div.', 'groupe classe', 'classe de rattachement'],
  ine: ['ine', 'n° ine', 'no ine', 'numero ine', 'n ine', 'identifiant national', 'identifiant national eleve', 'ine (identifiant national eleve)', 'n° national', 'numero national'],
} as const;

type Colonnes = Record<keyof typeof ENTETES, number>;

/** Where each column is in a header row; -1 when absent. */
function colonnesDe(entete: readonly string[]): Colonnes {
  const cles = entete.map(cleEntete);
  return Object.fromEntries(Object.entries(ENTETES).map(([k, noms]) => [k, cles.findIndex((c) => (noms as readonly string[]).includes(c))])) as Colonnes;
}

const estEntete = (c: Colonnes) => (c.nom >= 0 && c.prenom >= 0) || c.eleve >= 0;

/**
 * « DUPONT Jean », « DE LA FONTAINE Marie-Charlotte », « DUPONT, Jean »: the name is the leading
 * words in capitals (as Pronote writes it), or what comes before a comma. Null when it cannot be
 * told (« DUPONT JEAN », « Jean Dupont »): the user is asked for separate columns.
 */
export function separerNomPrenom(texte: string): { nom: string; prenom: string } | null {
  const virgule = texte.indexOf(',');
  if (virgule > 0) {
    const [nom, prenom] = [texte.slice(0, virgule).trim(), texte.slice(virgule + 1).trim()];
    return nom && prenom ? { nom, prenom } : null;
  }
  const mots = texte.split(' ');
  const enCapitales = (m: string) => /\p{Lu}/u.test(m) && !/\p{Ll}/u.test(m);
  let n = 0;
  while (n < mots.length && enCapitales(mots[n]!)) n++;
  if (n === 0 || n === mots.length) return null;
  return { nom: mots.slice(0, n).join(' '), prenom: mots.slice(n).join(' ') };
}

/** The INE (identifiant national élève): 11 characters, digits and capital letters. */
const RE_INE = /^[0-9]{9}[0-9A-Z][A-Z]$|^[0-9]{10}[A-Z]$/;

/**
 * The class list: a header naming the student's columns — « nom » and « prenom », or one « Élève »
 * column « NOM Prénom » — in any order, with « classe » (or « division ») and « INE » when the list
 * has them; other columns (date de naissance, sexe, options…) are ignored. Then one student per line.
 * Every problem is reported with the file and line.
 * `entetesAjoutes`: header lines added by the caller, so that messages give the user's line numbers.
 */
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
  const col = colonnesDe(entete.champs);
  if (!estEntete(col)) {
    const manquantes = [col.nom < 0 ? '« nom »' : '', col.prenom < 0 ? '« prenom »' : ''].filter(Boolean);
    throw new ErreurFichier(
      `Liste d'élèves « ${fichier} », ligne ${entete.numero} : colonne ${manquantes.join(' et ')} absente de l'en-tête (lu : ${entete.champs.map((c) => `« ${nettoyer(c)} »`).join(', ')}). L'en-tête attendu est « nom;prenom », ou une colonne « Élève » au format « NOM Prénom » ; les colonnes « classe » (ou « division ») et « INE » sont facultatives.`,
      fichier,
    );
  }
  if (!corps.length) throw new ErreurFichier(`La liste d'élèves « ${fichier} » ne contient aucun élève après la ligne d'en-tête.`, fichier);
  if (corps.length > ELEVES_MAX)
    throw new ErreurFichier(
      `La liste d'élèves « ${fichier} » compte ${entierEnClair(corps.length)} lignes : AGOrA en lit ${entierEnClair(ELEVES_MAX)} au plus à la fois (un lycée entier). Découpez-la par classe.`,
      fichier,
    );
  const separees = col.nom >= 0 && col.prenom >= 0;

  const eleves: Eleve[] = [];
  const vus = new Map<string, number>();
  const ines = new Map<string, number>();
  for (const { numero: n, champs } of corps) {
    const l = { numero: n - entetesAjoutes, champs };
    const ici = `Liste d'élèves « ${fichier} », ligne ${l.numero}`;
    let nom: string;
    let prenom: string;
    if (separees) {
      nom = nettoyer(l.champs[col.nom] ?? '');
      prenom = nettoyer(l.champs[col.prenom] ?? '');
    } else {
      const complet = nettoyer(l.champs[col.eleve] ?? '');
      if (!complet) throw new ErreurFichier(`${ici} : la colonne « ${nettoyer(entete.champs[col.eleve]!)} » est vide.`, fichier);
      const np = separerNomPrenom(complet);
      if (!np)
        throw new ErreurFichier(
          `${ici} : « ${complet} » : impossible de séparer le nom du prénom. Écrivez le nom en capitales puis le prénom (« DUPONT Jean »), ou donnez deux colonnes « nom » et « prenom ».`,
          fichier,
        );
      ({ nom, prenom } = np);
    }
    const classe = col.classe >= 0 ? nettoyer(l.champs[col.classe] ?? '') || classeParDefaut : classeParDefaut;
    if (!nom || !prenom) throw new ErreurFichier(`${ici} : ${!nom ? 'le nom' : 'le prénom'} est vide.`, fichier);
    const ine =
      col.ine >= 0
        ? nettoyer(l.champs[col.ine] ?? '')
            .replace(/\s/g, '')
            .toUpperCase()
        : '';
    if (ine && !RE_INE.test(ine))
      throw new ErreurFichier(`${ici} : INE « ${nettoyer(l.champs[col.ine] ?? '')} » invalide (11 caractères : 10 chiffres et une lettre, ou 9 chiffres et deux caractères).`, fichier);
    if (ine && ines.has(ine)) throw new ErreurFichier(`${ici} : l'INE ${ine} est déjà celui de la ligne ${ines.get(ine)}.`, fichier);
    if (ine) ines.set(ine, l.numero);
    const e: Eleve = ine ? { nom, prenom, classe, ine } : { nom, prenom, classe };
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
  const aEntete = estEntete(colonnesDe(premiere.split(sep)));
  const colonnes = lignes.reduce((m, l) => Math.max(m, l.split(sep).length), 2); // no spread: a pasted list may be long
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
    .map((l) =>
      l.map((v) =>
        v === null || v === undefined
          ? ''
          : String(v)
              .replace(/[\t\r\n]+/g, ' ')
              .trim(),
      ),
    )
    .filter((l) => l.some((v) => v !== ''))
    .map((l) => l.join('\t').replace(/\t+$/, ''))
    .join('\n');
}

/** Reads a class list file (CSV from Pronote, EDT, a spreadsheet…); the task pane parses an upload with `elevesDepuisCsv`. */
export async function lireListeEleves(f: Fichiers, fichier: string, classeParDefaut = ''): Promise<ListeEleves> {
  let octets: Uint8Array;
  try {
    octets = await f.lire(fichier);
  } catch (e) {
    const raison = e instanceof FichierIllisible ? e.raison : (e as Error).message;
    throw new ErreurFichier(`Impossible de lire la liste d'élèves « ${fichier} » : ${raison}.`, fichier);
  }
  return elevesDepuisCsv(octets, fichier, classeParDefaut);
}
