import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { corrigerClasseur, ecrireCopieAnnotee, verifierCopie } from '../../src/cli/casDUsage';
import { remplirClasseur } from '../../src/io/exceljs/remplirClasseur';
import { cleDesTests } from './cle';
import { lancer } from './cli';

/**
 * A class with results, for the remediation: each student of `eleves` (lines « Nom;Prénom;Classe »)
 * gets a TVA and a relances exercise; Martin Léa's TVA and Dupont Jean's relances are right, their
 * other copy all wrong (each number one more); every copy checked with the tests' key, then the
 * class consolidated by the CLI. Returns the class list and the class workbook.
 */
export async function classeAuxResultats(d: string, eleves: readonly string[]): Promise<{ liste: string; classe: string }> {
  const liste = path.join(d, 'eleves.csv');
  writeFileSync(liste, ['nom;prenom;classe', ...eleves].join('\n') + '\n');
  const copies = path.join(d, 'copies');
  mkdirSync(copies, { recursive: true });
  for (const type of ['tva', 'relances']) {
    const r = await lancer(['exercice', type, '--classe', liste, '--par-eleve', path.join(d, type), '--periode', '2026-03']);
    if (r.code) throw new Error(r.err);
  }
  const plusUn = (v: unknown): unknown => (Array.isArray(v) ? v.map(plusUn) : typeof v === 'number' ? v + 1 : v);
  for (const [type, eleve, juste] of [
    ['tva', 'MARTIN_Léa', true],
    ['relances', 'MARTIN_Léa', false],
    ['tva', 'DUPONT_Jean', false],
    ['relances', 'DUPONT_Jean', true],
  ] as const) {
    const f = path.join(d, type, `${type}-${eleve}.xlsx`);
    const a = (await corrigerClasseur(f)).reponses;
    const copie = path.join(d, `copie-${type}-${eleve}.xlsx`);
    writeFileSync(copie, await remplirClasseur(f, juste ? a : (Object.fromEntries(Object.entries(a).map(([k, v]) => [k, plusUn(v)])) as typeof a)));
    await ecrireCopieAnnotee(await verifierCopie(copie, { date: '2026-11-23', sansRobustesse: true, cle: cleDesTests() }), path.join(copies, `${type}-${eleve}-verifie.xlsx`));
  }
  const classe = path.join(d, 'classe.xlsx');
  const r = await lancer(['consolider', copies, '--out', classe]);
  if (r.code) throw new Error(r.err);
  return { liste, classe };
}
