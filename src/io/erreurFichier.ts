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
