import { analyser, ErreurUsage } from '../arguments';
import { ecrireTables, lireTables } from '../casDUsage';
import { NOMS_TABLES, tablesEnClair } from '../../domain/parametres/tables';
import type { Sorties } from '../sorties';

/**
 * `agora parametres`: AGOrA's dated tables as a file a teacher completes when newer values are
 * published (`--out`), and what such a file holds once checked (`--verifier`), before it is given to
 * `agora exercice --parametres`.
 */
export async function cmdParametres(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--remplacer'], valeurs: ['--out', '--verifier'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const sortie = o.valeurs.get('--out');
  const lu = o.valeurs.get('--verifier');
  if (Boolean(sortie) === Boolean(lu)) throw new ErreurUsage('Précisez soit --out PARAMETRES.json, soit --verifier PARAMETRES.json.');
  if (sortie) {
    if (!sortie.toLowerCase().endsWith('.json')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .json : « ${sortie} ».`);
    await ecrireTables(sortie, o.drapeaux.has('--remplacer'));
    s.out(`Tables d\u2019AGOrA écrites dans ${sortie} : ${tablesEnClair(await lireTables(sortie), NOMS_TABLES)}.\n`);
    return 0;
  }
  const t = await lireTables(lu!);
  const fournies = t.fournies!.tables;
  s.out(`« ${lu} » est valide. Tables du fichier : ${tablesEnClair(t, fournies)}.\n`);
  const autres = NOMS_TABLES.filter((n) => !fournies.includes(n));
  if (autres.length) s.out(`Tables d\u2019AGOrA, inchangées : ${tablesEnClair(t, autres)}.\n`);
  return 0;
}
