/** A student as the class list gives them. */
export interface Eleve {
  nom: string;
  prenom: string;
  classe: string;
}

export const nomComplet = (e: Eleve) => `${e.nom.toLocaleUpperCase('fr')} ${e.prenom}`.trim();

/** Header/footer text: `&` starts a code there, so a name like « Dupont & fils » is doubled. */
export const texteEnTete = (s: string) => s.replace(/&/g, '&&');
