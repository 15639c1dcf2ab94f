import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exercicesDeLaCompetence } from '../src/app/remediation';
import { referentiel } from '../src/referentiel';

/**
 * The README's table of the compétences and the exercises that work on them is the registry's, as
 * it stands (issue 36: at least 28 of 37 in the end), row for row.
 */
function tableauDeCouverture(): string {
  const lignes = referentiel().blocs.flatMap((b) => b.activites.flatMap((a) => a.competences.map((c) => ({ c, x: exercicesDeLaCompetence(c.code) }))));
  return [
    `${lignes.filter((l) => l.x.length).length} compétences sur ${lignes.length} ont au moins un exercice corrigé.`,
    '',
    '| Compétence | Libellé (référentiel) | Exercices |',
    '|---|---|---|',
    ...lignes.map(({ c, x }) => `| ${c.code} | ${c.libelle} | ${x.map((t) => `\`${t}\``).join(', ') || '—'} |`),
  ].join('\n');
}

test('le tableau « Compétences et exercices » du README est celui du registre et du référentiel', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const bloc = /<!-- couverture -->\n([\s\S]*?)\n<!-- \/couverture -->/.exec(readme);
  expect(bloc).not.toBeNull();
  const tableau = tableauDeCouverture();
  expect(bloc![1]).toBe(tableau);
  // issue 36's target reached: twenty-one exercises work on twenty-eight compétences, the nine left are writing and communication (fournisseurs on 2.1.3, 2.3.1 and its entry on 2.1.2; the cash appraisal on 2.2.6) (devis on 1.1.2 and 1.2.1, the rapprochement's entries on 2.2.3), the payslip's entry (3.2.5) on two exercises
  expect(tableau.split('\n')[0]).toBe('28 compétences sur 37 ont au moins un exercice corrigé.');
  expect(tableau).toContain("| 3.2.5 | Assurer le suivi des enregistrements liés à la paie à l'aide d'un progiciel dédié ou d'un PGI | `paie-anomalies`, `paie` |");
});
