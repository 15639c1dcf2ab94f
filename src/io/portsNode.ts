import { promises as fs } from 'node:fs';
import path from 'node:path';
import { creerDossier, ecrireAtomiquement, existe } from './fichiers';
import { FichierIllisible, type Ports } from './ports';
import { classeurDesOctets } from './xlsx/classeurLu';
import { lireOctets } from './xlsx/lireClasseur';
import { contenuZip } from './xlsx/zipNode';
import { annoterClasseur, changerCellules, classeurPourAjout, classeurEnFlux, classeurEnXlsx, remplacerClesAgora, remplirClasseur } from './exceljs/aLaDemande';
import { recalculLibreOffice } from './libreoffice';
import { magasinFichiers } from './magasinFichiers';

/** Why Node could not read a file, as a user reads it. */
function raison(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? "ce fichier n'existe pas" : code === 'EISDIR' ? "c'est un dossier" : code === 'EACCES' || code === 'EPERM' ? 'accès refusé' : (e as Error).message;
}

/** The command line's ports: Node's files, the lean reader over node:zlib, exceljs loaded on first use, evidence on disk. */
export const portsNode = (): Ports => ({
  fichiers: {
    lire: (chemin) => fs.readFile(chemin).catch((e: unknown) => Promise.reject(new FichierIllisible(chemin, raison(e)))),
    ecrire: ecrireAtomiquement,
    existe,
    creerDossier,
    joindre: (dossier, nom) => path.join(dossier, nom),
    nom: (chemin) => path.basename(chemin),
    meme: (a, b) => path.resolve(a) === path.resolve(b),
  },
  classeurs: {
    octets: async (fichier) => lireOctets(fichier),
    lire: (nom, octets) => classeurDesOctets(nom, octets, contenuZip),
    annoter: annoterClasseur,
    enXlsx: classeurEnXlsx,
    enFlux: classeurEnFlux,
    remplir: remplirClasseur,
    remplacerClesAgora,
    pourAjout: classeurPourAjout,
    recalcul: recalculLibreOffice(changerCellules),
  },
  magasin: () => magasinFichiers(),
});
