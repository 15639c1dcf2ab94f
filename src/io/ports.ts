import type { PlageLue, ValeurLue } from '../sheets/exercices/lecture';
import type { Classeur } from '../sheets/model';
import type { Attendus } from '../sheets/exercices/commun';
import type { Annotations } from '../sheets/verification/annotations';
import type { Magasin } from '../consolidate/bandes';
import { ErreurFichier, FichierExistant } from './erreurFichier';

/**
 * What the use cases of app/ need from the outside world, as interfaces: app/ imports this module
 * and never an adapter. The command line binds these ports to Node's files, exceljs and the lean
 * reader (`io/portsNode`); the task pane binds what it uses to the browser (`io/portsNavigateur`).
 * Errors a user sees are `ErreurFichier`s naming the file.
 */

/** A workbook opened for reading, whatever its origin (a file, bytes uploaded to the pane, the workbook open in Excel). */
export interface ClasseurLu {
  /** a workbook-scoped defined name's cells, or undefined when the name is missing or broken */
  plage(nom: string): PlageLue | undefined;
  /** key/value rows of the veryHidden `_agora` sheet */
  agora: Map<string, string>;
  /** every row of `_agora` as texts (its table of generated sheets) */
  lignesAgora: string[][];
  /** the rows under a defined name's header row, `largeur` cells each, down to the first empty row (`lignesMax` at most: 5 000 unless a reader of large tables says more) */
  lignesSous(nom: string, largeur: number, lignesMax?: number): PlageLue | undefined;
}

/** Bytes the host writes as they come (a long class workbook is never held whole). */
export type Flux = AsyncIterable<Uint8Array>;

/** A file that could not be read; `raison`, in French, for a caller that puts it in its own sentence. */
export class FichierIllisible extends ErreurFichier {
  constructor(
    fichier: string,
    readonly raison: string,
  ) {
    super(`Impossible de lire « ${fichier} » : ${raison}.`, fichier);
    this.name = 'FichierIllisible';
  }
}

/** The file system: paths are the host's (the CLI's are the command line's). */
export interface Fichiers {
  /** a file's bytes, or a `FichierIllisible` saying why not (« ce fichier n'existe pas », « c'est un dossier »…) */
  lire(chemin: string): Promise<Uint8Array>;
  /**
   * writes through a temporary file renamed once complete, so nothing half-written is ever left; an
   * existing file is replaced only when `remplacer`, otherwise it is kept and a `FichierExistant` says so
   */
  ecrire(chemin: string, contenu: Uint8Array | string | Flux, remplacer?: boolean): Promise<void>;
  /** whether a file (not a folder) is already at this path */
  existe(chemin: string): Promise<boolean>;
  /** an output folder (its parents too when `parents`); an existing one is fine */
  creerDossier(chemin: string, parents?: boolean): Promise<void>;
  joindre(dossier: string, nom: string): string;
  /** the file's name without its folder */
  nom(chemin: string): string;
  /** whether two paths name the same file */
  meme(a: string, b: string): boolean;
}

/** A spreadsheet engine that recalculates workbooks (LibreOffice on the command line): how a copy's formulas are put to a second case. */
export interface Recalcul {
  /** the workbook with new numbers in some cells (« Énoncé », « D12 »), everything else kept */
  changer(octets: Uint8Array, cellules: readonly { feuille: string; adresse: string; valeur: number }[]): Promise<Uint8Array>;
  /** the workbooks with every formula recalculated, in order; throws an Error whose French message says why not (no engine on this computer) */
  recalculer(classeurs: readonly Uint8Array[]): Promise<Uint8Array[]>;
}

/** Reading a student's copy and writing its annotated copy, from bytes: both hosts. */
export interface Copies {
  /** where copies can be recalculated (the command line with LibreOffice); absent: the formulas are not put to a second case */
  recalcul?: Recalcul;
  /** a workbook from its bytes (checked: size, format, a zip built to exhaust the reader) */
  lire(nom: string, octets: Uint8Array): Promise<ClasseurLu>;
  /** the annotated copy's bytes; the whole package is checked before a library loads every part */
  annoter(nom: string, octets: Uint8Array, a: Annotations): Promise<Uint8Array>;
}

/** A workbook file opened to receive sheets: what it holds, and its bytes once a model's sheets are added. */
export interface ClasseurAAjouter {
  feuilles: string[];
  /** `_agora`'s rows, or null when it has none */
  agora: ValeurLue[][] | null;
  /** the file's bytes with the model's sheets, defined names and `ajoutAgora` rows added; every cell already there comes back unchanged (checked) */
  ajouter(c: Classeur): Promise<Uint8Array>;
}

/** Workbook files: reading them, rendering models and editing copies (the command line). */
export interface Classeurs extends Copies {
  /** a workbook file's bytes: a regular file only, its size checked before it is read */
  octets(fichier: string): Promise<Uint8Array>;
  /**
   * a model rendered as .xlsx bytes; `consommer`: the caller gives the model up, its rows are released
   * as they are written (a class's grids: 70 MB less at the peak for 500 students)
   */
  enXlsx(c: Classeur, consommer?: 'consommer'): Promise<Uint8Array>;
  /** a model rendered as a stream of .xlsx bytes, for long workbooks */
  enFlux(c: Classeur): Promise<Flux>;
  /** a workbook with answers typed by defined name, as a student would (the demo and the tests) */
  remplir(fichier: string, valeurs: Attendus): Promise<Uint8Array>;
  /** a workbook file that sheets will be added to (refused when it holds what could not be written again) */
  pourAjout(fichier: string): Promise<ClasseurAAjouter>;
  /** a workbook with new values for some of its `_agora` keys, everything else kept */
  remplacerClesAgora(fichier: string, valeurs: Readonly<Record<string, string>>): Promise<Uint8Array>;
}

/** An entry of a .zip the task pane offers: a workbook rendered when its turn comes, a text, or bytes. */
export type EntreeArchive = { chemin: string } & ({ classeur: () => Classeur } | { texte: string } | { octets: Uint8Array });

/** Everything a use case of the command line may reach. */
export interface Ports {
  fichiers: Fichiers;
  classeurs: Classeurs;
  /** where a class's evidence waits until « Détail » is written (a private temporary folder in the CLI) */
  magasin(): Magasin;
}

/** A workbook file opened for reading through the ports. */
export const ouvrirClasseur = async (c: Classeurs, fichier: string): Promise<ClasseurLu> => c.lire(fichier, await c.octets(fichier));

/** Stops before anything is written when an output is already there, naming every such file, unless `remplacer`. */
export async function sortiesLibres(f: Fichiers, sorties: readonly (string | undefined)[], remplacer = false): Promise<void> {
  if (remplacer) return;
  const la: string[] = [];
  for (const s of sorties) if (s !== undefined && (await f.existe(s))) la.push(s);
  if (la.length) throw new FichierExistant(la);
}
