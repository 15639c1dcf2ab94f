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
