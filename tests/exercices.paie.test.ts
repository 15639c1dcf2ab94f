import { randomBytes } from 'node:crypto';
import { cleDepuisOctets } from '../src/domain/sceau';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { corrigerClasseur, ecrireExercice, scellerExercice } from '../src/cli/casDUsage';
import { bulletinDe } from '../src/exercices/paie/bulletin';
import { casPaie } from '../src/exercices/paie/cas';
import { casControlePaie } from '../src/exercices/paie-anomalies/cas';
import { calculerBulletin } from '../src/exercices/paie/bulletin';
import { anomalies, EntreeControlePaie, lignesAffichees } from '../src/exercices/paie-anomalies/controle';
import { EntreeBulletin } from '../src/exercices/paie/entree';
import { parametresPaie } from '../src/domain/parametres/paie';
import { valider } from '../src/domain/validation';
import { cellulesDuNom, resultat } from './aides/classeurs';
import { dossierTemporaire, lancer } from './aides/cli';
import { convertirAvecLibreOffice } from './aides/libreoffice';

const lire = async (f: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
};
const valeurs = (wb: ExcelJS.Workbook, nom: string) => cellulesDuNom(wb, nom).map((c) => resultat(c.feuille.getCell(c.adresse)) ?? null);
const TOUS = ['majorations', 'deductions', 'absence', 'prime'];
const eleve = { nom: 'Benali', prenom: 'Yasmine', classe: '1re AGOrA' };
const euros = (c: number) => c / 100;

/** A parameter's value cell in « Paramètres », found by its code in the named table. */
function celluleParametre(wb: ExcelJS.Workbook, code: string): ExcelJS.Cell {
  const c = cellulesDuNom(wb, 'PAIE_Parametres').find((x) => x.feuille.getCell(x.adresse).value === code);
  if (!c) throw new Error(`paramètre ${code} absent`);
  return c.feuille.getRow(Number(c.feuille.getCell(c.adresse).row)).getCell(3);
}

describe('exercice paie : le bulletin du mois', () => {
  const d = dossierTemporaire('agora-paie-');

  test.each([
    [1, '2026-03'],
    [2, '2025-07'],
    [3, '2026-09'],
  ])('graine %i, %s : copie de l\u2019élève vide, corrigé aux mêmes noms, et l\u2019énoncé relu donne le bulletin du cas généré', async (graine, periode) => {
    const f = path.join(d, `${graine}.xlsx`);
    const c = path.join(d, `${graine}-corrige.xlsx`);
    const r = await ecrireExercice({ type: 'paie', graine, periode, date: '2026-11-23', aleas: TOUS }, eleve, f, c);
    expect(r.feuilles).toEqual(['Énoncé', 'Travail', 'Paramètres', '_agora']);
    const attendu = await corrigerClasseur(f);
    expect(attendu.enonceModifie).toEqual([]);
    // The case read back from « Énoncé » is the case generated: same bulletin as the calculator's.
    const b = bulletinDe(valider(EntreeBulletin, casPaie(r.graine!, periode, TOUS), 'cas'));
    expect([
      attendu.reponses.PAIE_BRUT,
      attendu.reponses.PAIE_TOTAL_SAL,
      attendu.reponses.PAIE_TOTAL_PAT,
      attendu.reponses.PAIE_NET_A_PAYER,
      attendu.reponses.PAIE_NET_PAYE,
      attendu.reponses.PAIE_COUT_EMPLOYEUR,
    ]).toEqual([b.brut, b.totalCotisationsSalariales, b.totalCotisationsPatronales, b.netAPayerAvantImpot, b.netPaye, b.coutEmployeur].map(euros));
    for (const l of b.lignes) if (l.montantSalarial !== null) expect([l.code, attendu.reponses[`PAIE_${l.code.toUpperCase()}_SAL`]]).toEqual([l.code, euros(l.montantSalarial)]);
    expect(attendu.reponses.PAIE_HS25_HEURES).toBeGreaterThan(0);
    expect(attendu.reponses.PAIE_ABSENCE).toBeLessThan(0);
    const wb = await lire(f);
    const cw = await lire(c);
    for (const [nom, v] of Object.entries(attendu.reponses)) {
      const attendus = Array.isArray(v) ? v.flat() : [v];
      expect([nom, valeurs(wb, nom)]).toEqual([nom, attendus.map(() => null)]);
      expect([nom, valeurs(cw, nom)]).toEqual([nom, attendus]);
    }
    // The payroll entry: balanced, 641 = gross, 645 = employer's total, 431 + 437 = both totals, 421 = net paid.
    const ecriture = attendu.reponses.PAIE_ECRITURE as (number | null)[][];
    const [d641, d645, c421, c425, c431, c437, c4421, c467] = ecriture.map(([dd, cc]) => Math.round(((dd ?? 0) + (cc ?? 0)) * 100));
    expect([d641, d645, c421, c4421]).toEqual([b.brut, b.totalCotisationsPatronales, b.netPaye, b.impotPreleve]);
    expect(c431! + c437!).toBe(b.totalCotisationsSalariales + b.totalCotisationsPatronales);
    expect(d641! + d645!).toBe(c421! + c425! + c431! + c437! + c4421! + c467!);
    expect(c425).toBeGreaterThan(0); // the advance of the « deductions » aléa
  });

  test('LibreOffice : les taux du bulletin sont des formules sur « Paramètres » qui donnent ceux du calcul ; une valeur modifiée par l\u2019enseignant suit partout', async () => {
    const f = path.join(d, 'lo.xlsx');
    const c = path.join(d, 'lo-corrige.xlsx');
    const { graine } = await ecrireExercice({ type: 'paie', graine: 8, periode: '2026-03', date: '2026-11-23', aleas: TOUS }, eleve, f, c);
    const w = await lire(convertirAvecLibreOffice(c, 'xlsx'));
    const b = bulletinDe(valider(EntreeBulletin, casPaie(graine!, '2026-03', TOUS), 'cas'));
    const travail = w.getWorksheet('Corrigé')!;
    let formules = 0;
    for (const l of b.lignes) {
      if (l.base === null) continue;
      const ligne = Number(travail.getCell(cellulesDuNom(w, `PAIE_${l.code.toUpperCase()}_BASE`)[0]!.adresse).row);
      for (const [col, taux] of [
        [3, l.tauxSalarial],
        [5, l.tauxPatronal],
      ] as const) {
        const cell = travail.getRow(ligne).getCell(col);
        if (cell.formula) formules++;
        expect([l.code, col, resultat(cell) ?? null]).toEqual([l.code, col, taux]);
      }
    }
    expect(formules).toBeGreaterThanOrEqual(20);
    // The tax row's base is the « net imposable » answer, through a formula.
    const impot = cellulesDuNom(w, 'PAIE_IMPOT')[0]!;
    expect(resultat(travail.getRow(Number(travail.getCell(impot.adresse).row)).getCell(2))).toBe(euros(b.netImposable));

    // The teacher sets a textbook CSG rate of 7 % in the student's workbook.
    const wb = await lire(f);
    celluleParametre(wb, 'csg_deductible').value = 7;
    const modifie = path.join(d, 'lo-modifie.xlsx');
    await wb.xlsx.writeFile(modifie);
    const corrige = await corrigerClasseur(modifie);
    const base = corrige.reponses.PAIE_CSG_DEDUCTIBLE_BASE as number;
    expect(base).toBe(euros(b.lignes.find((l) => l.code === 'csg_deductible')!.base!));
    expect(corrige.reponses.PAIE_CSG_DEDUCTIBLE_SAL).toBe(Math.round(base * 7) / 100);
    // an edited « Paramètres » is flagged until the teacher seals the exercise again
    expect(corrige.enonceModifie).toEqual(['Paramètres']);
    const scelle = path.join(d, 'lo-modifie-scelle.xlsx');
    expect(await scellerExercice(modifie, scelle, cleDepuisOctets(randomBytes(32)))).toEqual(['Paramètres']);
    expect((await corrigerClasseur(scelle)).enonceModifie).toEqual([]);
    expect((await corrigerClasseur(scelle)).reponses).toEqual(corrige.reponses);
    const recalcule = await lire(convertirAvecLibreOffice(modifie, 'xlsx'));
    const csg = cellulesDuNom(recalcule, 'PAIE_CSG_DEDUCTIBLE_BASE')[0]!;
    expect(resultat(csg.feuille.getRow(Number(csg.feuille.getCell(csg.adresse).row)).getCell(3))).toBe(7);
  });

  test('cas de l\u2019enseignant aux taux simplifiés d\u2019un manuel : bulletin calculé à la main, feuille « Paramètres » qui les montre', async () => {
    const cas = path.join(d, 'manuel.json');
    writeFileSync(
      cas,
      JSON.stringify({
        periode: '2026-02',
        entreprise: { nom: 'Librairie Lemaire', effectif: 8 },
        salarie: { nom: 'DURAND Zoé', emploi: 'Vendeuse', statut: 'non_cadre' },
        tauxHoraire: 12.5,
        reductionGenerale: false,
        parametres: { csg_deductible: 6 },
      }),
    );
    const f = path.join(d, 'manuel.xlsx');
    expect((await lancer(['exercice', 'paie', '--donnees', cas, '--out', f])).code).toBe(0);
    const r = (await corrigerClasseur(f)).reponses;
    // 151,67 h × 12,50 € = 1 895,875 → 1 895,88 ; CSG base 98,25 % = 1 862,6951 → 1 862,70 ; × 6 % = 111,762 → 111,76
    expect([r.PAIE_SALAIRE_BASE, r.PAIE_BRUT, r.PAIE_CSG_DEDUCTIBLE_BASE, r.PAIE_CSG_DEDUCTIBLE_SAL]).toEqual([1895.88, 1895.88, 1862.7, 111.76]);
    // Sécurité sociale plafonnée 6,90 % : 130,8157 → 130,82 ; no réduction générale line.
    expect(r.PAIE_VIEILLESSE_PLAFONNEE_SAL).toBe(130.82);
    expect(r.PAIE_REDUCTION_GENERALE_PAT).toBeUndefined();
    const wb = await lire(f);
    expect(celluleParametre(wb, 'csg_deductible').value).toBe(6);
    const source = celluleParametre(wb, 'csg_deductible')
      .worksheet.getRow(Number(celluleParametre(wb, 'csg_deductible').row))
      .getCell(5).value;
    expect(source).toBe("Valeur fixée par l'enseignant");
  });

  test('énoncé modifié, paramètre illisible, mois hors des tables : signalés en français', async () => {
    const f = path.join(d, 'mod.xlsx');
    await ecrireExercice({ type: 'paie', graine: 4, periode: '2026-03', date: '2026-11-23', aleas: ['majorations'] }, null, f);
    const wb = await lire(f);
    const h = cellulesDuNom(wb, 'PAIE_Heures_Sup');
    const cellule = h.find((x) => typeof x.feuille.getCell(x.adresse).value === 'number')!;
    cellule.feuille.getCell(cellule.adresse).value = 2;
    const p = celluleParametre(wb, 'pss');
    p.value = 'beaucoup';
    const g = path.join(d, 'mod2.xlsx');
    await wb.xlsx.writeFile(g);
    await expect(corrigerClasseur(g)).rejects.toThrow(/Paramètres, ligne n° \d+ \(pss\) : nombre positif attendu/);
    p.value = 4005;
    await wb.xlsx.writeFile(g);
    expect((await corrigerClasseur(g)).enonceModifie).toEqual(['PAIE_Heures_Sup']);

    // past the tables: created, the last values reconducted and said on the énoncé; before them: refused
    const x = path.join(d, 'x.xlsx');
    const r = await lancer(['exercice', 'paie', '--date', '2027-01', '--out', x]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Attention : Valeurs des tables de paie connues jusqu\u2019en décembre 2026 : pour janvier 2027');
    const enonce = new ExcelJS.Workbook();
    await enonce.xlsx.readFile(x);
    const textes: string[] = [];
    enonce.getWorksheet('Énoncé')!.eachRow((l) => l.eachCell((c) => void textes.push(String(c.value))));
    expect(textes).toContain(
      'Valeurs des tables de paie connues jusqu\u2019en décembre 2026 : pour janvier 2027, les dernières sont reconduites (source : Urssaf, CSS, C. trav., CGI (valeurs de modele-social)).',
    );
    const avant = await lancer(['exercice', 'paie', '--date', '2024-12', '--out', path.join(d, 'y.xlsx')]);
    expect([avant.code, avant.err]).toEqual([2, 'Erreur : Impossible de créer ce cas : décembre 2024 précède les premières valeurs des tables de paie (janvier 2025).\n']);
  });
});

describe('exercice paie-anomalies : contrôler un bulletin', () => {
  const verifier = (graine: number, periode: string, aleas: string[]) => {
    const e = valider(EntreeControlePaie, casControlePaie(graine, periode, aleas), 'cas');
    return anomalies(e.bulletin, lignesAffichees(calculerBulletin(e.cas, parametresPaie(periode))));
  };

  test('chaque aléa glisse une anomalie, sur une ligne à lui, que la comparaison retrouve (60 cas)', () => {
    for (const periode of ['2025-03', '2026-03', '2026-09']) {
      for (let graine = 1; graine <= 20; graine++) {
        const a = verifier(graine, periode, ['taux_perime', 'assiette', 'calcul', 'exoneration']);
        expect([periode, graine, a.length]).toEqual([periode, graine, 4]);
      }
    }
  });

  test.each([
    ['taux_perime', /^taux (salarial|patronal) : [\d,]+ au lieu de [\d,]+ ; (montant salarial|part patronale) : /],
    ['assiette', /^base : [\d,]+ au lieu de [\d,]+ ; /],
    ['calcul', /^(montant salarial|part patronale) : [\d,]+ € au lieu de [\d,]+ €$/],
    ['exoneration', /^taux (salarial|patronal) : vide au lieu de -[\d,]+ ; (montant salarial|part patronale) : 0,00 € au lieu de -[\d,]+ €$|^part patronale : 0,00 € au lieu de -[\d,]+ €$/],
  ])('%s : le signalement attendu dit ce qui est faux et la valeur exacte', (alea, forme) => {
    for (let graine = 1; graine <= 10; graine++) {
      const a = verifier(graine, '2026-03', [alea]);
      expect(a.length).toBe(1);
      expect(a[0]!.ecarts.join(' ; ')).toMatch(forme);
    }
  });

  test('aucun aléa : un bulletin juste, rien à signaler', () => {
    expect(verifier(5, '2026-03', [])).toEqual([]);
  });

  test('classeur : bulletin à contrôler dans l\u2019énoncé, réponses Oui / Non relues depuis le classeur, copie de l\u2019élève vide', async () => {
    const d = dossierTemporaire('agora-paie-anom-');
    const f = path.join(d, 'a.xlsx');
    const c = path.join(d, 'a-corrige.xlsx');
    const r = await ecrireExercice({ type: 'paie-anomalies', graine: 6, periode: '2026-03', date: '2026-11-23', aleas: ['taux_perime', 'calcul'] }, eleve, f, c);
    expect(r.feuilles).toEqual(['Énoncé', 'Travail', 'Paramètres', '_agora']);
    const attendu = await corrigerClasseur(f);
    expect(attendu.enonceModifie).toEqual([]);
    const oui = attendu.reponses.PAIE_ANOMALIES as string[];
    expect(oui.filter((x) => x === 'Oui').length).toBe(2);
    expect(oui.length).toBe(verifier(r.graine!, '2026-03', ['taux_perime', 'calcul']).length + oui.filter((x) => x === 'Non').length);
    expect(valeurs(await lire(f), 'PAIE_ANOMALIES').every((x) => x === null)).toBe(true);
    const cw = await lire(c);
    expect(valeurs(cw, 'PAIE_ANOMALIES')).toEqual(oui);
    const signalements = valeurs(cw, 'PAIE_SIGNALEMENTS');
    expect(signalements.filter((x) => x !== null).length).toBe(2);
    // Set right the printed row in the workbook: the corrigé no longer expects it (the case is what the workbook says).
    const wb = await lire(f);
    const lignes = cellulesDuNom(wb, 'PAIE_Bulletin_A_Controler');
    expect(lignes.length % 7).toBe(0);
    const exact = lignesAffichees(calculerBulletin(valider(EntreeControlePaie, casControlePaie(r.graine!, '2026-03', ['taux_perime', 'calcul']), 'cas').cas, parametresPaie('2026-03')));
    const i = oui.indexOf('Oui');
    const rangee = lignes.slice(i * 7, i * 7 + 7).map((x) => x.feuille.getCell(x.adresse));
    const x = exact[i]!;
    [null, x.base, x.tauxSalarial, x.montantSalarial === null ? null : euros(x.montantSalarial), x.tauxPatronal, x.montantPatronal === null ? null : euros(x.montantPatronal)].forEach((v, k) => {
      if (k > 0) rangee[k + 1]!.value = v;
    });
    const g = path.join(d, 'a-corrige-a-la-main.xlsx');
    await wb.xlsx.writeFile(g);
    const apres = await corrigerClasseur(g);
    expect(apres.enonceModifie).toEqual(['PAIE_Bulletin_A_Controler']);
    expect((apres.reponses.PAIE_ANOMALIES as string[]).filter((v) => v === 'Oui').length).toBe(1);
  });
});
