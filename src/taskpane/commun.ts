import { annoncer } from './dom';
import type { Hote } from './hote';
import { insererClasseur, type FichierDuModele, type ModeleAInserer, type ResultatInsertion, type Suivi } from '../io/office/insererClasseur';
import { elevesDepuisCsv, elevesDepuisTexte, type ListeEleves } from '../app/listeEleves';
import { ErreurExcel } from '../io/office/erreurs';
import { ErreurFichier } from '../io/erreurFichier';

/** « 1 élève », « 3 élèves »: a count and its noun, plural from 2 as French wants. */

/** What the user asked cannot be done as typed: the message says what to change; `champ`, the field to correct. */
export class SaisieInvalide extends Error {
  constructor(
    message: string,
    readonly champ?: HTMLElement,
  ) {
    super(message);
  }
}

/** A French message for whatever went wrong; anything unexpected says so rather than being hidden. */
export const messageErreur = (e: unknown) =>
  e instanceof ErreurExcel || e instanceof ErreurFichier || e instanceof SaisieInvalide || e instanceof RangeError ? e.message : `Erreur inattendue : ${(e as Error)?.message ?? String(e)}`;

/**
 * Runs an action of the pane one at a time: its button disabled meanwhile, « en cours » then the
 * action's own message (or the error's) in the live region.
 */
export function lancer(bouton: HTMLButtonElement, message: HTMLElement, enCours: string, action: () => Promise<string>, apres?: () => void): () => Promise<void> {
  return async () => {
    let champ: HTMLElement | undefined;
    bouton.disabled = true;
    annoncer(message, enCours, 'info');
    try {
      annoncer(message, await action(), 'succes');
      apres?.();
    } catch (e) {
      annoncer(message, messageErreur(e), 'erreur');
      if (e instanceof SaisieInvalide && e.champ) champ = marquerInvalide(e.champ, message);
    } finally {
      bouton.disabled = false;
      // the result is read next: focus goes to it (a screen reader reads it, Tab goes on from there),
      // or to the field to correct, which the message describes
      (champ ?? message).focus();
    }
  };
}

/** The field is marked invalid for assistive technologies, described by the message, until it is changed. */
function marquerInvalide(champ: HTMLElement, message: HTMLElement): HTMLElement {
  champ.setAttribute('aria-invalid', 'true');
  champ.setAttribute('aria-describedby', message.id);
  champ.addEventListener('input', () => champ.removeAttribute('aria-invalid'), { once: true });
  return champ;
}

/** A form's submission runs `action` (no page reload). */
export function surEnvoi(formulaire: HTMLFormElement, action: () => Promise<void>): void {
  formulaire.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void action();
  });
}

/**
 * The model as an .xlsx file for Excel (ExcelApi 1.13): exceljs is fetched, from the add-in's own
 * files, only then. The time to make the file is left as a performance measure of the page, which
 * `npm run bench` reads (nothing is sent anywhere).
 */
const fichierDuModele: FichierDuModele = async (c) => {
  const { classeurEnBase64 } = await import(/* webpackChunkName: "xlsx" */ '../io/exceljs/xlsxDuModele');
  return mesurer('agora:fichier', () => classeurEnBase64(c));
};

/** Runs `action`, leaving its duration as `performance` measure `nom` (read by the bench in Chromium). */
export async function mesurer<T>(nom: string, action: () => Promise<T>): Promise<T> {
  const debut = performance.now();
  try {
    return await action();
  } finally {
    performance.measure(nom, { start: debut });
  }
}

/**
 * Inserts a workbook model into the open workbook: as one file where Excel takes it, range by range
 * otherwise; refused before any write when the request would pass the host's limit (ChargeTropLourde).
 */
export const inserer = (hote: Hote, modele: ModeleAInserer, suivi?: Suivi): Promise<ResultatInsertion> =>
  hote.executer((context, prend) => insererClasseur(context, modele, prend, fichierDuModele, hote.chargeMaximale, suivi));

/** The class list of a form: its CSV file when one is chosen, otherwise the pasted text. */
export async function listeDuFormulaire(texte: HTMLTextAreaElement, csv: HTMLInputElement, classe: string): Promise<ListeEleves> {
  const fichier = csv.files?.[0];
  if (fichier) return elevesDepuisCsv(new Uint8Array(await fichier.arrayBuffer()), fichier.name, classe);
  if (!texte.value.trim()) throw new ErreurFichier('Indiquez les élèves : collez la liste (nom, prénom, classe) ou choisissez un fichier CSV.', 'liste collée');
  return elevesDepuisTexte(texte.value, classe);
}

/**
 * A file made in the pane, offered by a link that stays for a second try: nothing leaves the
 * computer, the browser saves it. The link tells the name and size.
 */
export function offrirFichier(lien: HTMLAnchorElement, nom: string, contenu: Uint8Array | string, type: string): void {
  if (lien.href) URL.revokeObjectURL(lien.href);
  const blob = new Blob([contenu as BlobPart], { type });
  lien.href = URL.createObjectURL(blob);
  lien.download = nom;
  lien.textContent = `Enregistrer ${nom} (${Math.ceil(blob.size / 1024)} Ko)`;
  lien.hidden = false;
}
