import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { corrigerClasseur, ecrireExercice, exercicesDeLaClasse } from '../src/cli/casDUsage';
import { paquetExercice, type TypeExercice } from '../src/exercices/registre';
import { analyserCsv } from '../src/io/csv';
import { cellulesDuNom, resultat } from './aides/classeurs';
import { dossierTemporaire, lancer } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

const lire = async (f: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
};
/** A defined name's cells as rows of values (formula results, dates as AAAA-MM-JJ). */
const lignesDuNom = (wb: ExcelJS.Workbook, nom: string): unknown[][] => {
  const cellules = cellulesDuNom(wb, nom);
  const lignes = new Map<number, unknown[]>();
  for (const c of cellules) {
    const cell = c.feuille.getCell(c.adresse);
    if (cell.isMerged && cell.master !== cell) continue;
    let v = resultat(cell);
    if (v instanceof Date) v = v.toISOString().slice(0, 10);
    (lignes.get(Number(cell.row)) ?? lignes.set(Number(cell.row), []).get(Number(cell.row))!).push(v ?? null);
  }
  return [...lignes.values()];
};
const aplatir = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(aplatir) : [v]);
const vide = (l: unknown[]) => l.every((x) => x === null);

const TYPES: [TypeExercice, string][] = [
  ['rapprochement', '2026-03'],
  ['tresorerie', '2027-01'],
];

describe.each(TYPES)('exercice %s', (type, periode) => {
  const d = dossierTemporaire(`agora-${type}-`);
  const eleve = { nom: 'Benali', prenom: 'Yasmine', classe: '1re AGOrA' };

  test('classeur de l\u2019élève sans corrigé ; corrigé à part, aux mêmes noms ; relecture par les noms (3 graines, tous les aléas)', async () => {
    for (const graine of [1, 2, 3]) {
      const f = path.join(d, `${graine}.xlsx`);
      const c = path.join(d, `${graine}-corrige.xlsx`);
      const r = await ecrireExercice(
        {
          type,
          graine,
          periode,
          date: '2026-11-23',
          aleas: type === 'rapprochement' ? ['frais_bancaires', 'agios', 'prelevement', 'impaye', 'cheque_non_encaisse', 'erreur_banque'] : ['retard_client', 'investissement', 'decouvert'],
        },
        eleve,
        f,
        c,
      );
      expect(r.feuilles).toEqual(['Énoncé', 'Travail', 'Paramètres', '_agora']);
      const attendu = await corrigerClasseur(f);
      expect(attendu.enonceModifie).toEqual([]);
      const wb = await lire(f);
      const cw = await lire(c);
      for (const [nom, valeur] of Object.entries(attendu.reponses)) {
        const saisies = lignesDuNom(wb, nom);
        const formules = cellulesDuNom(wb, nom).some((x) => x.feuille.getCell(x.adresse).formula);
        if (!formules) expect([nom, saisies.every(vide)]).toEqual([nom, true]); // nothing of the answer in the student's copy
        const rempli = aplatir(lignesDuNom(cw, nom));
        const attendus = aplatir(valeur);
        // the corrigé's model gives some answers as formulas: tests/corrige.formules.test.ts recalculates them
        const modele = cellulesDuNom(cw, nom).some((x) => x.feuille.getCell(x.adresse).formula);
        if (!formules && !modele) expect([nom, rempli.slice(0, attendus.length)]).toEqual([nom, attendus]);
      }
    }
  });

  test('LibreOffice recalcule les formules du corrigé comme le cœur', async () => {
    const c = path.join(d, 'lo-corrige.xlsx');
    const f = path.join(d, 'lo.xlsx');
    await ecrireExercice({ type, graine: 11, periode, date: '2026-11-23', aleas: type === 'rapprochement' ? ['frais_bancaires', 'erreur_banque'] : ['decouvert', 'investissement'] }, eleve, f, c);
    const attendu = await corrigerClasseur(f);
    const w = await lire(convertirAvecLibreOffice(c, 'xlsx'));
    if (type === 'tresorerie') {
      for (const nom of ['TRE_Encaissements_Total', 'TRE_Decaissements_Total', 'TRE_Tresorerie_Debut', 'TRE_Tresorerie_Fin'])
        expect([nom, lignesDuNom(w, nom)[0]!.map((x) => Math.round((x as number) * 100) / 100)]).toEqual([nom, attendu.reponses[nom]]);
      expect((attendu.reponses.TRE_Tresorerie_Fin as number[]).some((x) => x < 0)).toBe(true);
    } else {
      const controle = w.getWorksheet('Corrigé')!;
      const textes: unknown[] = [];
      controle.eachRow((r) => r.eachCell((x) => textes.push(resultat(x))));
      expect(textes).toContain('Les deux soldes rapprochés sont égaux.');
    }
  });
});

describe('exercices de la classe et cas de l\u2019enseignant', () => {
  test('--classe : un cas différent par élève, nommés d\u2019après l\u2019élève ; corrigés dans un dossier à part', async () => {
    const d = dossierTemporaire('agora-classe-ex-');
    const eleves = [
      { nom: 'Dupont', prenom: 'Jean', classe: 'T' },
      { nom: 'Martin', prenom: 'Léa', classe: 'T' },
      { nom: 'Nguyen', prenom: 'Anh', classe: 'T' },
    ];
    const r = await exercicesDeLaClasse({ type: 'tva', graine: 3, periode: '2026-03', date: '2026-11-23' }, eleves, path.join(d, 'copies'), path.join(d, 'corriges'));
    expect(r.erreurs).toEqual([]);
    expect(r.fichiers.map((x) => path.basename(x.fichier))).toEqual(['tva-DUPONT_Jean.xlsx', 'tva-MARTIN_Léa.xlsx', 'tva-NGUYEN_Anh.xlsx']);
    expect(new Set(r.fichiers.map((x) => x.graine)).size).toBe(3);
    const corriges = await Promise.all(r.fichiers.map((x) => corrigerClasseur(x.fichier)));
    expect(new Set(corriges.map((c) => JSON.stringify(c.reponses))).size).toBe(3);
    // the same list of who got which case as the task pane's .zip, beside the copies
    const repartition = readFileSync(path.join(d, 'copies', 'repartition.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(repartition[0]).toEqual(['Nom', 'Prénom', 'Classe', 'Fichier', 'Corrigé', 'Cas n°', 'Aléas']);
    expect(repartition.slice(1).map((l) => [l[0], l[3], l[4], l[5]])).toEqual(
      r.fichiers.map((x, i) => [eleves[i]!.nom, path.basename(x.fichier), path.join(d, 'corriges', `corrige-${path.basename(x.fichier)}`), String(x.graine)]),
    );
    // the aléas by the labels the énoncé and the pane's checkboxes show, not by their codes
    const libelles = new Map(paquetExercice('tva').spec.gabarit.aleas.map((a) => [a.code, a.libelle]));
    const champs = analyserCsv(readFileSync(path.join(d, 'copies', 'repartition.csv'), 'utf8').replace(/^\uFEFF/, '')).lignes.slice(1);
    expect(champs.map((l) => l.champs[6])).toEqual(r.fichiers.map((x) => x.aleas.map((a) => libelles.get(a)).join(' ; ') || 'aucun'));
  });

  test('--classe avec le cas de l\u2019enseignant : un cas invalide arrête la commande par une seule erreur, avant de créer les dossiers', async () => {
    const d = dossierTemporaire('agora-classe-cas-');
    writeFileSync(path.join(d, 'eleves.csv'), 'Nom;Prénom\nDupont;Jean\nMartin;Léa\n');
    writeFileSync(path.join(d, 'cas.json'), JSON.stringify({ periode: '2026-03' }));
    const r = await lancer(['exercice', 'paie', '--donnees', path.join(d, 'cas.json'), '--classe', path.join(d, 'eleves.csv'), '--par-eleve', path.join(d, 'copies')]);
    expect(r.code).toBe(1);
    expect(r.err.match(/^Erreur : /gm)).toHaveLength(1);
    expect(r.err).toContain(`Données invalides dans « ${path.join(d, 'cas.json')} »`);
    expect(existsSync(path.join(d, 'copies'))).toBe(false);
  });

  test('rapprochement de l\u2019enseignant : un libellé qui ne dit pas son compte est refusé, en nommant le champ', async () => {
    const d = dossierTemporaire('agora-cas-ens-');
    const cas = path.join(d, 'cas.json');
    const releve = [{ date: '2026-03-31', libelle: 'Divers', debit: 10, compte: '627' }];
    writeFileSync(cas, JSON.stringify({ date: '2026-03-31', compte512: { soldeInitial: 100, lignes: [] }, releve: { soldeInitial: 100, lignes: releve } }));
    const r = await lancer(['exercice', 'rapprochement', '--donnees', cas, '--out', path.join(d, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Erreur : Cas invalide dans « ${cas} » :\n  - champ « releve.lignes[1].libelle » : « Divers » ne permet pas de retrouver le compte 627 ; employez l\u2019un des mots « FRAIS », « COMMISSION », « COTISATION CARTE »\n`,
    );
    releve[0]!.libelle = 'Frais divers';
    writeFileSync(cas, JSON.stringify({ date: '2026-03-31', compte512: { soldeInitial: 100, lignes: [] }, releve: { soldeInitial: 100, lignes: releve } }));
    expect((await lancer(['exercice', 'rapprochement', '--donnees', cas, '--out', path.join(d, 'x.xlsx')])).code).toBe(0);
    const c = await corrigerClasseur(path.join(d, 'x.xlsx'));
    expect(c.reponses.RAP_Rapproche_512).toBe(90);
    const t = await lancer(['exercice', 'tresorerie', '--graine', '4', '--periode', '2027-09', '--mois', '6', '--out', path.join(d, 't.xlsx')]);
    expect(t.code).toBe(0);
    expect(((await corrigerClasseur(path.join(d, 't.xlsx'))).reponses.TRE_Tresorerie_Fin as number[]).length).toBe(6);
    expect((await lancer(['exercice', 'tva', '--mois', '6', '--out', path.join(d, 'u.xlsx')])).code).toBe(2);
    expect((c.reponses.RAP_Ecritures as unknown[][]).map((l) => l[1])).toEqual(['627', '512']);
  });
});
