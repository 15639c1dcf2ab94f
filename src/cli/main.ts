import path from 'node:path';
import { promises as fs } from 'node:fs';
import { compter, referentiel } from '../referentiel';
import { exporterReferentiel } from '../app/referentiel';
import { ErreurFichier } from '../io/fichiers';
import { analyser, ErreurUsage } from './arguments';

const AIDE = `agora — AGOrA pour Excel en ligne de commande (Bac Pro AGOrA)

Usage :
  agora referentiel --json              affiche tout le référentiel en JSON
  agora referentiel --out FICHIER.xlsx  écrit le classeur du référentiel
                                        (synthèse, une matrice par bloc, épreuves)
  agora demo [--dossier DOSSIER]        joue la démonstration (par défaut dans « out/»)
  agora aide                            affiche cette aide

Codes de sortie : 0 succès, 1 erreur sur un fichier, 2 commande ou option invalide.
`;

export interface Sorties {
  out: (texte: string) => void;
  err: (texte: string) => void;
}

const console_: Sorties = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

async function cmdReferentiel(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: ['--out'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const sortie = o.valeurs.get('--out');
  if (!o.drapeaux.has('--json') && !sortie) throw new ErreurUsage('Précisez --json ou --out FICHIER.xlsx.');
  if (sortie) {
    if (!sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
    const res = await exporterReferentiel(sortie);
    if (!o.drapeaux.has('--json')) s.out(`Référentiel écrit dans ${res.fichier} (feuilles : ${res.feuilles.join(', ')}).\n`);
  }
  if (o.drapeaux.has('--json')) s.out(JSON.stringify(referentiel(), null, 2) + '\n');
  return 0;
}

async function cmdDemo(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: [], valeurs: ['--dossier'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const dossier = o.valeurs.get('--dossier') ?? 'out';
  await fs.mkdir(dossier, { recursive: true });
  const r = referentiel();
  const n = compter(r);
  s.out(`AGOrA pour Excel — démonstration\n`);
  s.out(`Référentiel ${r.diplome.sigle} (${r.diplome.texte}) : ${n.blocs} blocs, ${n.activites} activités, ${n.competences} compétences.\n`);
  const res = await exporterReferentiel(path.join(dossier, 'referentiel-agora.xlsx'));
  s.out(`  écrit : ${res.fichier} — feuilles : ${res.feuilles.join(', ')}\n`);
  return 0;
}

/** Runs one command; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], s: Sorties = console_): Promise<number> {
  const [commande, ...reste] = argv;
  try {
    switch (commande) {
      case 'referentiel':
        return await cmdReferentiel(reste, s);
      case 'demo':
        return await cmdDemo(reste, s);
      case 'aide':
      case '--help':
      case '-h':
        s.out(AIDE);
        return 0;
      case undefined:
        s.err(AIDE);
        return 2;
      default:
        throw new ErreurUsage(`Commande inconnue : « ${commande} ». Tapez « agora aide » pour la liste des commandes.`);
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
