import { analyser, ErreurUsage } from '../arguments';
import { cheminCle } from '../../io/cleEnseignant';
import { cleEnBase64 } from '../../domain/sceau';
import type { Sorties } from '../sorties';
import { cleDuPoste } from '../cleDuPoste';

export async function cmdCle(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--texte'], valeurs: ['--cle'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const cle = await cleDuPoste(o.valeurs.get('--cle'), s);
  if (o.drapeaux.has('--texte')) s.out(`${cleEnBase64(cle)}\n`);
  else s.out(`Clé de l'enseignant : ${cheminCle(o.valeurs.get('--cle'))} (identifiant ${cle.id}).\n`);
  return 0;
}
