/** An Excel refusal turned into what the task pane shows: French, saying what to do. */
export class ErreurExcel extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ErreurExcel';
  }
}

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel est en train de modifier une cellule : appuyez sur Entrée ou Échap, puis recommencez.',
  AccessDenied: 'Le classeur ou la feuille est protégé : ôtez la protection (onglet Révision), puis recommencez.',
  ApiNotFound: "Cette version d'Excel ne permet pas cette opération : mettez Excel à jour, ou utilisez Excel sur le web.",
  ItemAlreadyExists: 'Une feuille ou un nom du même nom existe déjà dans ce classeur.',
  InsertDeleteConflict: "Excel n'a pas pu insérer les feuilles : une autre opération est en cours. Recommencez dans un instant.",
  RequestPayloadSizeLimitExceeded: "L'insertion est trop volumineuse pour Excel sur le web : insérez moins d'élèves à la fois.",
  Unauthenticated: "Excel a refusé l'accès au classeur : rouvrez-le, puis recommencez.",
};

/** The French message of an error met while talking to Excel; `action` says what was being done. */
export function erreurExcel(e: unknown, action: string): ErreurExcel {
  if (e instanceof ErreurExcel) return e;
  const code = (e as { code?: string } | null)?.code ?? 'GeneralException';
  const message = MESSAGES[code] ?? `Excel a refusé l'opération (${code}).`;
  return new ErreurExcel(`${action} : ${message}`, code);
}

/** One round trip to Excel; a refusal becomes the French message of `action`. */
export async function synchroniser(context: Excel.RequestContext, action: string): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    throw erreurExcel(e, action);
  }
}
