import { analyser, ErreurUsage } from '../arguments';
import { schemaJson } from '../../app/calculs';
import { calculerFichier, lireTables } from '../casDUsage';
import { CALCULS, type TypeExercice } from '../../exercices/registre';
import type { Sorties } from '../sorties';

function calculDemande(positionnels: string[]): TypeExercice {
  const [c, ...reste] = positionnels;
  if (reste.length) throw new ErreurUsage(`Argument inattendu : « ${reste[0]} ».`);
  if (!c || !(CALCULS as readonly string[]).includes(c)) throw new ErreurUsage(`Précisez le calcul : ${CALCULS.join(', ')}${c ? ` (et non « ${c} »)` : ''}.`);
  return c as TypeExercice;
}

export async function cmdCalcul(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--schema'], valeurs: ['--entree', '--parametres'] });
  const c = calculDemande(o.positionnels);
  const entree = o.valeurs.get('--entree');
  if (o.drapeaux.has('--schema') === Boolean(entree)) throw new ErreurUsage('Précisez soit --entree CAS.json, soit --schema.');
  const parametres = o.valeurs.get('--parametres');
  if (parametres && !entree) throw new ErreurUsage('--parametres accompagne --entree CAS.json.');
  const tables = parametres ? await lireTables(parametres) : undefined;
  s.out(JSON.stringify(entree ? await calculerFichier(c, entree, tables) : schemaJson(c), null, 2) + '\n');
  return 0;
}
