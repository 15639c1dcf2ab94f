import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lancer } from './aides/cli';
import { NOMS_COMMANDES } from '../src/cli/aide';

describe('agora aide', () => {
  test('« agora » seul : l’usage et la liste des commandes, une ligne chacune, code 0 ; « agora --version » : la version de package.json', async () => {
    const r = await lancer([]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^agora — AGOrA pour Excel en ligne de commande \(Bac Pro AGOrA\)\n\nUsage : agora COMMANDE \[options\]\n\nCommandes :\n/);
    for (const c of ['grilles', 'exercice', 'verifier', 'consolider', 'calcul', 'sceller', 'cle']) expect(r.out).toMatch(new RegExp(`\\n  ${c} +\\S`));
    expect(r.out.split('\n').filter((l) => /^ {2}[a-z]+ {2,}/.test(l))).toHaveLength(NOMS_COMMANDES.length);
  });

  test('une option mal tapée reçoit la plus proche de celles de la commande', async () => {
    const r = await lancer(['grilles', '--clase', 'eleves.csv', '--out', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Erreur : Option inconnue : --clase. Vouliez-vous dire --classe ? Tapez « agora aide » pour la liste des commandes et options.\n');
    expect((await lancer(['exercice', 'tva', '--graines', '3'])).err).toContain('Vouliez-vous dire --graine ?');
    expect((await lancer(['grilles', '--zzzzzz'])).err).toBe('Erreur : Option inconnue : --zzzzzz. Tapez « agora aide » pour la liste des commandes et options.\n');
    const v = await lancer(['--version']);
    expect([v.code, v.out]).toEqual([0, `agora ${JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version}\n`]);
  });

  test('« agora verifier --help », « -h », « agora aide verifier », « agora help verifier » : la même aide de la commande, avec ses exemples, code 0', async () => {
    const formes = [
      ['verifier', '--help'],
      ['verifier', 'copie.xlsx', '-h'],
      ['aide', 'verifier'],
      ['help', 'verifier'],
    ];
    const sorties = await Promise.all(formes.map((f) => lancer(f)));
    for (const r of sorties) expect([r.code, r.err, r.out]).toEqual([0, '', sorties[0]!.out]);
    const aide = sorties[0]!.out;
    expect(aide).toMatch(/^agora verifier — vérifie les copies des élèves/);
    expect(aide).toContain('Usage :\n  agora verifier COPIE.xlsx… | DOSSIER');
    expect(aide).toContain('Exemples :\n  agora verifier copie.xlsx\n  agora verifier copies/ --out-dir verifiees/\n');
  });

  test('chaque commande a son aide, 1 à 3 exemples qui commencent par son nom ; « agora aide » les réunit', async () => {
    const complete = (await lancer(['aide'])).out;
    for (const c of NOMS_COMMANDES) {
      const r = await lancer([c, '--help']);
      expect(r.code).toBe(0);
      const exemples = r.out.split('Exemples :\n')[1]!.trim().split('\n');
      expect(exemples.length).toBeGreaterThanOrEqual(1);
      expect(exemples.length).toBeLessThanOrEqual(3);
      for (const e of exemples) expect(e.trim().startsWith(`agora ${c}`) || c === 'aide').toBe(true);
      expect(complete).toContain(r.out);
    }
    expect(complete).toContain('Codes de sortie : 0 succès, 1 erreur sur un fichier, 2 commande ou option invalide.');
  });

  test('une commande mal tapée : la plus proche est proposée ; rien de proche : la liste est indiquée ; code 2', async () => {
    expect((await lancer(['verifer', 'copie.xlsx'])).err).toBe('Erreur : Commande inconnue : « verifer ». Vouliez-vous dire « verifier » ? Tapez « agora aide » pour la liste des commandes.\n');
    expect((await lancer(['consolidation'])).err).toContain('Vouliez-vous dire « consolider » ?');
    expect((await lancer(['grille'])).err).toContain('Vouliez-vous dire « grilles » ?');
    expect((await lancer(['exercise'])).err).toContain('Vouliez-vous dire « exercice » ?');
    const loin = await lancer(['bonjour']);
    expect([loin.code, loin.err]).toEqual([2, 'Erreur : Commande inconnue : « bonjour ». Tapez « agora aide » pour la liste des commandes.\n']);
    expect((await lancer(['aide', 'verifer'])).err).toContain('Vouliez-vous dire « verifier » ?');
  });
});
