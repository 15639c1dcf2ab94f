import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleDepuisBase64, cleDepuisOctets, cleEnBase64, OCTETS_CLE, type CleEnseignant } from '../domain/sceau';
import { creerDossier, ecrireAtomiquement, ErreurFichier } from './fichiers';

/**
 * The teacher's key on this computer: a small text file outside every workbook, in the user's
 * configuration folder unless `--cle` or AGORA_CLE names another (an établissement's shared key).
 */
export function cheminCle(option?: string): string {
  if (option) return option;
  if (process.env.AGORA_CLE) return process.env.AGORA_CLE;
  return path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'agora-excel', 'cle-enseignant.txt');
}

const ENTETE =
  '# Clé de l’enseignant AGOrA pour Excel : elle scelle vos exercices et les vérifications des copies.\n# Ne la donnez pas aux élèves. Pour le volet Office, collez ce fichier (ou sa dernière ligne) dans « Paramètres ».\n';

/** The key in its file's text (comment lines, then the key in base64), or a French reason it is not one. */
export function cleDepuisTexte(texte: string, source: string): CleEnseignant {
  const cle = cleDepuisBase64(texte);
  if (!cle) throw new ErreurFichier(`« ${source} » n'est pas une clé AGOrA (une ligne de ${Math.ceil(OCTETS_CLE / 3) * 4} caractères en base 64 attendue).`, source);
  return cle;
}

/** The key in `chemin`, or undefined when there is none yet. */
export async function lireCle(chemin: string): Promise<CleEnseignant | undefined> {
  let texte: string;
  try {
    texte = await fs.readFile(chemin, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ErreurFichier(`Clé de l'enseignant illisible : « ${chemin} » (${(e as Error).message}).`, chemin);
  }
  return cleDepuisTexte(texte, chemin);
}

/** The key in `chemin`, created (readable by its owner only) when there is none: `creee` says so, for the user to be told. */
export async function cleOuNouvelle(chemin: string): Promise<{ cle: CleEnseignant; creee: boolean }> {
  const lue = await lireCle(chemin);
  if (lue) return { cle: lue, creee: false };
  const octets = new Uint8Array(randomBytes(OCTETS_CLE));
  await creerDossier(path.dirname(chemin), true);
  const cle = cleDepuisOctets(octets);
  await ecrireAtomiquement(chemin, `${ENTETE}${cleEnBase64(cle)}\n`);
  await fs.chmod(chemin, 0o600).catch(() => undefined);
  return { cle, creee: true };
}
