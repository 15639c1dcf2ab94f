import { analyser, ErreurUsage } from '../arguments';
import { corrigerClasseur } from '../casDUsage';
import type { Sorties } from '../sorties';

export async function cmdCorrige(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: [] });
  if (o.positionnels.length !== 1) throw new ErreurUsage("Précisez un classeur d'exercice : agora corrige EXERCICE.xlsx [--json].");
  const c = await corrigerClasseur(o.positionnels[0]!);
  if (c.enonceModifie.length) s.err(`Attention : énoncé modifié depuis sa création (${c.enonceModifie.join(', ')}) ; le corrigé suit l'énoncé tel qu'il est.\n`);
  if (o.drapeaux.has('--json')) s.out(JSON.stringify({ modele: c.modele, graine: c.graine, reponses: c.reponses, enonceModifie: c.enonceModifie }, null, 2) + '\n');
  else
    for (const [k, val] of Object.entries(c.reponses))
      s.out(`${k.padEnd(36)} ${Array.isArray(val) ? val.map((x) => (Array.isArray(x) ? x.map((y) => y ?? '').join(' ; ') : (x ?? ''))).join(' | ') : (val ?? '')}\n`);
  return 0;
}
