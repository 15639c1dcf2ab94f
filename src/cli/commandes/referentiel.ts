import { referentiel } from '../../referentiel';
import { exporterReferentiel } from '../casDUsage';
import { analyser, ErreurUsage } from '../arguments';
import type { Sorties } from '../sorties';

export async function cmdReferentiel(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json', '--remplacer'], valeurs: ['--out'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const sortie = o.valeurs.get('--out');
  if (!o.drapeaux.has('--json') && !sortie) throw new ErreurUsage('Précisez --json ou --out FICHIER.xlsx.');
  if (sortie) {
    if (!sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
    const res = await exporterReferentiel(sortie, o.drapeaux.has('--remplacer'));
    if (!o.drapeaux.has('--json')) s.out(`Référentiel écrit dans ${res.fichier} (feuilles : ${res.feuilles.join(', ')}).\n`);
  }
  if (o.drapeaux.has('--json')) s.out(JSON.stringify(referentiel(), null, 2) + '\n');
  return 0;
}
