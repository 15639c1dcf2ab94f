import { entierEnClair } from '../../domain/texte';
import { aire } from '../../sheets/model';
import { CELLULES_LUES_MAX, fusionsDe } from './lireXlsx';
import { PLAGE_MAX } from './classeurLu';
import { ClasseurSuspect, type EntreeZip } from './zip';

const utf8 = new TextDecoder();

/**
 * One part of a package about to be loaded whole by exceljs, inflated within its declared size: it
 * has that size, no XML part declares a DTD, the sheets hold no more cells than the lean reader would
 * keep (`compte` adds them up over the parts) and no merged range larger than a name may be. Throws
 * `ClasseurSuspect`, or an Error for a damaged package. The same checks in Node and in the task pane.
 */
export function verifierPartie(nom: string, e: EntreeZip, o: Uint8Array, compte: { cellules: number }): void {
  if (o.length !== e.taille) throw new Error(`partie ${nom} : taille différente de celle annoncée`);
  if (!/\.(xml|rels)$/i.test(nom)) return;
  const xml = utf8.decode(o);
  if (xml.includes('<!DOCTYPE')) throw new Error(`déclaration DOCTYPE dans ${nom}`);
  if (!/^xl\/worksheets\//.test(nom)) return;
  for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3)) if (++compte.cellules > CELLULES_LUES_MAX) throw new ClasseurSuspect(`plus de ${entierEnClair(CELLULES_LUES_MAX)} cellules`);
  // exceljs gives every cell of a merged range its own object
  const grande = fusionsDe(xml).find((z) => aire(z) > PLAGE_MAX);
  if (grande) throw new ClasseurSuspect(`une fusion couvre ${entierEnClair(aire(grande))} cellules`);
}
