import { analyser, ErreurUsage } from '../arguments';
import { scellerExercice } from '../casDUsage';
import type { Sorties } from '../sorties';
import { cleDuPoste } from '../cleDuPoste';

export async function cmdSceller(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--remplacer'], valeurs: ['--out', '--cle'] });
  const sortie = o.valeurs.get('--out');
  if (o.positionnels.length !== 1 || !sortie?.toLowerCase().endsWith('.xlsx'))
    throw new ErreurUsage("Précisez l'exercice modifié et le classeur scellé à écrire : agora sceller EXERCICE.xlsx --out EXERCICE-SCELLE.xlsx.");
  const cle = await cleDuPoste(o.valeurs.get('--cle'), s);
  const modifies = await scellerExercice(o.positionnels[0]!, sortie, cle, o.drapeaux.has('--remplacer'));
  s.out(
    `Exercice scellé avec la clé ${cle.id} : ${sortie}${modifies.length ? ` ; vos modifications (${modifies.join(', ')}) font désormais partie de l'exercice` : ' (aucune modification depuis sa création)'}.\n`,
  );
  return 0;
}
