import type { Copies } from './ports';
import { erreurDeLecture } from './xlsx/classeurLu';
import { lireClasseurOctets } from './xlsx/lireClasseurNavigateur';
import { verifierPaquetNavigateur } from './xlsx/zipNavigateur';

/** The task pane's copies: read with the browser's DecompressionStream; exceljs fetched from the add-in's own files only to annotate. */
export const copiesNavigateur: Copies = {
  lire: lireClasseurOctets,
  async annoter(nom, octets, a) {
    // exceljs loads every part: the whole package is checked first, as the command line does
    await verifierPaquetNavigateur(octets).catch((e: unknown) => Promise.reject(erreurDeLecture(nom, e)));
    const { annoterOctets } = await import(/* webpackChunkName: "xlsx" */ './exceljs/annoter');
    return annoterOctets(octets, a);
  },
};
