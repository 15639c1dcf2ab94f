/** A French message that names the file: what the CLI shows the user (exit code 1). */
export class ErreurFichier extends Error {
  constructor(
    message: string,
    readonly fichier: string,
  ) {
    super(message);
    this.name = 'ErreurFichier';
  }
}

/** What a batch reports for a file it could not handle: the file's own French message, or one that says the error was unexpected. */
export const messageDuFichier = (fichier: string, e: unknown) => (e instanceof ErreurFichier ? e.message : `« ${fichier} » : erreur inattendue (${(e as Error).message}).`);

/**
 * Outputs that already exist and were left as they are (nothing written): a teacher's filled file is
 * never replaced unless they say so.
 */
export class FichierExistant extends ErreurFichier {
  constructor(readonly fichiers: readonly string[]) {
    const noms = fichiers.map((f) => `« ${f} »`).join(', ');
    super(
      fichiers.length > 1
        ? `${noms} existent déjà : rien n'a été écrit. Ajoutez --remplacer pour les remplacer, ou choisissez d'autres noms.`
        : `${noms} existe déjà : rien n'a été écrit. Ajoutez --remplacer pour le remplacer, ou choisissez un autre nom.`,
      fichiers[0]!,
    );
    this.name = 'FichierExistant';
  }
}
