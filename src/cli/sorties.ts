/** Where a command writes: the terminal, or what a test collects. */
export interface Sorties {
  out: (texte: string) => void;
  err: (texte: string) => void;
}

export const console_: Sorties = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
