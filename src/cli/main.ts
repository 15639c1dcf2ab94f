import { ErreurFichier } from '../io/fichiers';
import { ErreurUsage } from './arguments';
import { aideComplete, aideCourte, aideDe, commandeProche, NOMS_COMMANDES } from './aide';
import { console_, type Sorties } from './sorties';
import { VERSION } from './version';
import { cmdReferentiel } from './commandes/referentiel';
import { cmdGrilles } from './commandes/grilles';
import { cmdCalcul } from './commandes/calcul';
import { cmdExercice } from './commandes/exercice';
import { cmdCorrige } from './commandes/corrige';
import { cmdVerifier } from './commandes/verifier';
import { cmdConsolider } from './commandes/consolider';
import { cmdDemo } from './commandes/demo';
import { cmdCle } from './commandes/cle';
import { cmdSceller } from './commandes/sceller';
import { cmdParametres } from './commandes/parametres';

export type { Sorties };

/** One module per command (cli/commandes/), each `(arguments, sorties) → exit code`. */
const COMMANDES: Record<string, (args: string[], s: Sorties) => Promise<number>> = {
  referentiel: cmdReferentiel,
  grilles: cmdGrilles,
  calcul: cmdCalcul,
  exercice: cmdExercice,
  corrige: cmdCorrige,
  verifier: cmdVerifier,
  consolider: cmdConsolider,
  demo: cmdDemo,
  cle: cmdCle,
  sceller: cmdSceller,
  parametres: cmdParametres,
};

const inconnue = (commande: string) => {
  const proche = commandeProche(commande);
  return `Commande inconnue : « ${commande} ».${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''} Tapez « agora aide » pour la liste des commandes.`;
};

/** Runs one command; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], s: Sorties = console_): Promise<number> {
  const [commande, ...reste] = argv;
  try {
    // « agora verifier --help »: that command's help, whatever else is on the line
    if (commande && NOMS_COMMANDES.includes(commande) && reste.some((a) => a === '--help' || a === '-h')) {
      s.out(aideDe(commande));
      return 0;
    }
    const c = commande === undefined ? undefined : COMMANDES[commande];
    if (c) return await c(reste, s);
    switch (commande) {
      case 'aide':
      case 'help':
      case '--help':
      case '-h': {
        const sujet = reste[0];
        if (sujet !== undefined && !NOMS_COMMANDES.includes(sujet)) throw new ErreurUsage(inconnue(sujet));
        s.out(sujet ? aideDe(sujet) : aideComplete());
        return 0;
      }
      case undefined:
        s.out(aideCourte());
        return 0;
      case '--version':
      case '-v':
        s.out(`agora ${VERSION}\n`);
        return 0;
      default:
        throw new ErreurUsage(inconnue(commande));
    }
  } catch (e) {
    if (e instanceof ErreurUsage) {
      s.err(`Erreur : ${e.message}\n`);
      return 2;
    }
    if (e instanceof ErreurFichier) {
      s.err(`Erreur : ${e.message}\n`);
      return 1;
    }
    s.err(`Erreur inattendue : ${(e as Error).message}\n`);
    return 1;
  }
}
