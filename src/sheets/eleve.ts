import { distinguer } from '../domain/texte';

/** A student as the class list gives them. */
export interface Eleve {
  nom: string;
  prenom: string;
  classe: string;
}

export const nomComplet = (e: Eleve) => `${e.nom.toLocaleUpperCase('fr')} ${e.prenom}`.trim();

/** Header/footer text: `&` starts a code there, so a name like « Dupont & fils » is doubled. */
export const texteEnTete = (s: string) => s.replace(/&/g, '&&');

const RESERVES_WINDOWS = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** « DUPONT_Jean », « exercices-tva-Tle_A » : a file name every system accepts, made from a text. */
export function nomDeFichier(texte: string, parDefaut = 'eleve'): string {
  const s = texte
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_-]+|[.\s_]+$/g, '')
    .slice(0, 100);
  if (!s) return parDefaut;
  return RESERVES_WINDOWS.test(s) ? `${s}_` : s;
}

/** « livret-scolaire-Tle_AGOrA_A »: a file for a class list, named after its class when it has only one. */
export function nomDeFichierDeClasse(debut: string, eleves: readonly Eleve[]): string {
  const classes = [...new Set(eleves.map((e) => e.classe).filter(Boolean))];
  return nomDeFichier(classes.length === 1 ? `${debut}-${classes[0]}` : debut);
}

/** One file name per student, homonyms told apart (« DUPONT_Jean », « DUPONT_Jean_2 »), whatever the case. */
export const nomsDeFichiers = (eleves: readonly Eleve[]): string[] => distinguer(eleves.map((e) => nomDeFichier(nomComplet(e))));
