import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dossierTemporaire, lancer } from './aides/cli';
import { elevesDepuisTexte } from '../src/app/listeEleves';

/**
 * Sizes a school can meet: a list of a whole lycée, a case a teacher writes. Beyond them, a French
 * message names the file and the limit before anything heavy is done; no size makes the tool hang.
 */

const lettres = (i: number) => String(i).replace(/\d/g, (c) => 'ABCDEFGHIJ'[Number(c)]!);

describe('tailles', () => {
  test('10 000 élèves dans une liste : refusée avant la première ligne lue, avec la limite ; 600 dans un classeur de classe : --par-eleve proposé', async () => {
    const d = dossierTemporaire('agora-tailles-');
    const csv = (n: number) => {
      const f = path.join(d, `liste-${n}.csv`);
      writeFileSync(f, `nom;prenom\n${Array.from({ length: n }, (_, i) => `NOM${lettres(i)};Prénom`).join('\n')}\n`);
      return f;
    };
    const grande = csv(10_000);
    const r = await lancer(['grilles', '--classe', grande, '--out', path.join(d, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Erreur : La liste d'élèves « ${grande} » compte 10\u202f000 lignes : AGOrA en lit 3\u202f000 au plus à la fois (un lycée entier). Découpez-la par classe.\n`);
    const six = csv(600);
    const c = await lancer(['grilles', '--classe', six, '--out', path.join(d, 'x.xlsx')]);
    expect(c.code).toBe(2);
    expect(c.err).toBe(`Erreur : 600 élèves dans « ${six} » : un classeur de classe en tient 500 au plus. Écrivez un classeur par élève (--par-eleve DOSSIER), ou découpez la liste par classe.\n`);
    // a list pasted into the pane: the same limit, and no « Maximum call stack size exceeded » on a long paste
    expect(() => elevesDepuisTexte(Array.from({ length: 200_000 }, (_, i) => `NOM${lettres(i)}\tJean`).join('\n'))).toThrow('compte 200\u202f000 lignes');
  });

  test('un cas de 50 Mo (270 000 factures) est refusé sur sa taille ; 201 opérations, sur le nombre de lignes', async () => {
    const d = dossierTemporaire('agora-tailles-');
    const operation = { date: '2026-03-02', piece: 'FV-1', libelle: 'Vente', nature: 'vente', ht: 1000, taux: 20 };
    const gros = path.join(d, 'gros.json');
    writeFileSync(gros, JSON.stringify({ periode: '2026-03', operations: Array.from({ length: 270_000 }, () => operation) }));
    const r = await lancer(['calcul', 'tva', '--entree', gros]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^Erreur : « ${gros.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} » fait \\d+,\\d Mo : un cas d'exercice tient en 1,0 Mo au plus \\(200 lignes par liste\\)\\. Découpez-le en plusieurs cas\\.\\n$`,
      ),
    );
    const x = await lancer(['exercice', 'tva', '--donnees', gros, '--out', path.join(d, 'x.xlsx'), '--cle', path.join(d, 'cle.txt')]);
    expect(x.code).toBe(1);
    expect(x.err).toContain("un cas d'exercice tient en 1,0 Mo au plus");
    const long = path.join(d, 'long.json');
    writeFileSync(long, JSON.stringify({ periode: '2026-03', operations: Array.from({ length: 201 }, () => operation) }));
    const l = await lancer(['calcul', 'tva', '--entree', long]);
    expect(l.code).toBe(1);
    expect(l.err).toContain("200 lignes au plus dans un cas d'exercice");
  });
});
