import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportDesTables, tablesDuFichier, TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { parametresFrais } from '../src/domain/parametres/frais';
import { ErreurDonnees } from '../src/domain/validation';
import { attendusDesReponses } from '../src/app/verification';
import { casGenere } from '../src/app/modelesExercices';
import { ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { remplacerClesAgora } from '../src/io/exceljs/clesAgora';
import { cellulesDuNom } from './aides/classeurs';
import { cleDesTests } from './aides/cle';
import { dossierTemporaire, lancer } from './aides/cli';

/**
 * A teacher brings newer values with no new release: `agora parametres --out` writes AGOrA's tables,
 * the teacher adds the value published since and gives the file to `--parametres`. The values here
 * are made up for the test (a 2025 barème at 0,650 €/km for 5 CV): what matters is that they, and
 * not AGOrA's, price the case, and that « Paramètres » says where they come from.
 */
const d = dossierTemporaire('agora-parametres-');
const fichier = (nom: string, contenu: unknown) => {
  const f = path.join(d, nom);
  writeFileSync(f, typeof contenu === 'string' ? contenu : JSON.stringify(contenu, null, 2));
  return f;
};

/** AGOrA's barème, with a 2025 value added and the coverage carried to December 2026, as the notice says. */
function baremeDeLEnseignant(): Record<string, unknown> {
  const frais = structuredClone(TABLES_OFFICIELLES.frais);
  const derniere = frais.baremeKilometrique.valeurs.at(-1)!;
  frais.baremeKilometrique.valeurs.push({
    ...structuredClone(derniere),
    depuis: '2025-01-01',
    reference: 'Valeur d\u2019essai de l\u2019enseignant',
    bareme: { ...derniere.bareme, '5': { a: 0.65, b: 0.36, c: 1400, e: 0.43 } },
  });
  frais.couverture.au = '2026-12';
  frais.source = 'Barème de l\u2019essai';
  return { frais };
}

const erreur = (brut: unknown): string => {
  try {
    tablesDuFichier(brut, 'p.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurDonnees);
    return (e as Error).message;
  }
  throw new Error('fichier accepté');
};

describe('le fichier de paramètres de l’enseignant', () => {
  test('l’export d’AGOrA se relit tel quel : ses six tables, celles d’AGOrA', () => {
    const t = tablesDuFichier(JSON.parse(JSON.stringify(exportDesTables())), 'p.json');
    expect(t.fournies!.tables).toEqual(['paie', 'tva', 'relances', 'frais', 'conges', 'personnel']);
    expect({ ...t, fournies: undefined }).toEqual({ ...TABLES_OFFICIELLES, fournies: undefined });
  });

  test('refusé en français, le champ nommé : table inconnue, date invalide, mois à l’envers, dates en désordre ou répétées, taux de la BCE hors semestre, premier mois sans valeur', () => {
    expect(erreur({})).toContain('au moins une table attendue parmi : paie, tva, relances, frais, conges');
    expect(erreur({ bareme: {} })).toMatch(/champ « \(racine\) » : .*bareme/);
    const frais = () => structuredClone(TABLES_OFFICIELLES.frais) as unknown as { couverture: { du: string; au: string }; baremeKilometrique: { valeurs: { depuis: string }[] } };
    const x1 = frais();
    x1.baremeKilometrique.valeurs[0]!.depuis = '2025-02-30';
    expect(erreur({ frais: x1 })).toContain('champ « frais.baremeKilometrique.valeurs[1].depuis » : date attendue au format AAAA-MM-JJ');
    const x2 = frais();
    x2.couverture = { du: '2026-01', au: '2025-12' };
    expect(erreur({ frais: x2 })).toContain('champ « frais.couverture » : le premier mois (« du ») doit précéder le dernier (« au »)');
    const x3 = frais();
    x3.baremeKilometrique.valeurs.unshift({ ...structuredClone(x3.baremeKilometrique.valeurs[0]!), depuis: '2023-01-01' });
    expect(erreur({ frais: x3 })).toContain('champ « frais.baremeKilometrique.valeurs » : valeurs à ranger par date (« depuis ») croissante');
    const x4 = frais();
    x4.baremeKilometrique.valeurs.push(structuredClone(x4.baremeKilometrique.valeurs[0]!));
    expect(erreur({ frais: x4 })).toContain('champ « frais.baremeKilometrique.valeurs » : deux valeurs depuis le 2022-01-01');
    const x5 = frais();
    x5.couverture.du = '2021-06';
    expect(erreur({ frais: x5 })).toContain('champ « frais.baremeKilometrique.valeurs » : aucune valeur pour juin 2021, premier mois de la table (« couverture.du »)');
    const r = structuredClone(TABLES_OFFICIELLES.relances);
    r.tauxBce.valeurs.push({ depuis: '2026-09-01', valeur: 2, reference: 'BCE' });
    expect(erreur({ relances: r })).toContain('champ « relances.tauxBce.valeurs[9].depuis » : un taux de la BCE vaut pour un semestre');
    expect(erreur({ frais: x5 })).toMatch(/^Données invalides dans le fichier de paramètres « p\.json » :/);
  });

  test('agora parametres : --out écrit les tables d’AGOrA sans jamais remplacer un fichier ; --verifier dit ce qu’un fichier contient', async () => {
    const f = path.join(d, 'export.json');
    const r = await lancer(['parametres', '--out', f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('le barème kilométrique (de janvier 2022 à décembre 2024)');
    expect(JSON.parse(readFileSync(f, 'utf8')).frais).toEqual(TABLES_OFFICIELLES.frais);
    writeFileSync(f, '{"frais": "saisi par l\u2019enseignant"}');
    expect((await lancer(['parametres', '--out', f])).code).toBe(1);
    expect(readFileSync(f, 'utf8')).toBe('{"frais": "saisi par l\u2019enseignant"}');
    const v = await lancer(['parametres', '--verifier', fichier('verifie.json', baremeDeLEnseignant())]);
    expect(v.out).toBe(
      '« ' +
        path.join(d, 'verifie.json') +
        ' » est valide. Tables du fichier : le barème kilométrique (de janvier 2022 à décembre 2026).\n' +
        'Tables d\u2019AGOrA, inchangées : les tables de paie (de janvier 2025 à décembre 2026) ; les taux de TVA (de janvier 2014 à décembre 2026) ; le tableau des taux de la BCE (de janvier 2023 à juin 2026) ; les règles des congés payés (de septembre 2016 à décembre 2026) ; les règles d\u2019entrée et de sortie du personnel (d\u2019octobre 2017 à décembre 2026).\n',
    );
    const faux = await lancer(['parametres', '--verifier', fichier('faux.json', '{\n  "frais": ]\n}')]);
    expect([faux.code, faux.err]).toEqual([1, `Erreur : « ${path.join(d, 'faux.json')} » n'est pas un fichier JSON valide (ligne 2).\n`]);
  });

  test('agora calcul frais --parametres : 120 km en octobre 2025 à 0,650 €/km (5 CV, première tranche) = 78,00 € au lieu de 76,32 €', async () => {
    const cas = {
      salarie: 'Karim Haddad',
      mois: '2025-10',
      puissance: 5,
      plafondRepas: 20,
      plafondNuitee: 90,
      lignes: [{ date: '2025-10-03', nature: 'km', libelle: 'Visite client', km: 120, montant: 84 }],
    };
    const entree = fichier('cas.json', cas);
    const officiel = JSON.parse((await lancer(['calcul', 'frais', '--entree', entree])).out);
    const enseignant = JSON.parse((await lancer(['calcul', 'frais', '--entree', entree, '--parametres', fichier('bareme.json', baremeDeLEnseignant())])).out);
    // 120 × 0,636 = 76,32 (barème 2022 reconduit) ; 120 × 0,650 = 78,00
    expect([officiel.totalRembourse, enseignant.totalRembourse]).toEqual([76.32, 78]);
    expect((await lancer(['calcul', 'frais', '--schema', '--parametres', 'x.json'])).code).toBe(2);
  });

  test('agora exercice frais --parametres : le cas est chiffré avec ces valeurs, sans reconduction ; « Paramètres » dit leur origine, scellée ; la copie est vérifiée à 100 %', async () => {
    const parametres = fichier('bareme-2025.json', baremeDeLEnseignant());
    const f = path.join(d, 'frais.xlsx');
    const r = await lancer(['exercice', 'frais', '--graine', '3', '--periode', '2026-03', '--eleve', 'MARTIN Léa', '--out', f, '--parametres', parametres, '--cle', process.env.AGORA_CLE!]);
    expect([r.code, r.err]).toEqual([0, '']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const p = wb.getWorksheet('Paramètres')!;
    const textes: string[] = [];
    p.eachRow((l) => l.eachCell((c) => textes.push(String(c.value))));
    expect(textes).toContain('Valeur d\u2019essai de l\u2019enseignant');
    expect(textes).toContain('Valeurs fournies par l\u2019enseignant');
    // the file's name, never the folders of the teacher's computer
    expect(textes).toContain('Valeurs du barème kilométrique fournies par l\u2019enseignant, fichier « bareme-2025.json » (de janvier 2022 à décembre 2026) ; source : Barème de l\u2019essai.');
    const a5 = cellulesDuNom(wb, 'FRA_Bareme')[0]!;
    const ligne5 = p.getRow(Number(p.getCell(a5.adresse).row) + 2);
    expect([ligne5.getCell(1).value, ligne5.getCell(2).value]).toEqual(['5 CV', 0.65]);
    const x = await ouvrirExercice(f);
    expect((x.parametres as ReturnType<typeof parametresFrais>).bareme['5']).toEqual({ a: 0.65, b: 0.36, c: 1400, e: 0.43 });
    const copie = path.join(d, 'copie.xlsx');
    writeFileSync(copie, await remplirClasseur(f, attendusDesReponses(x)));
    const v = await verifierCopie(copie, { date: '2026-03-20', cle: cleDesTests() });
    expect([v.rapport.sceau, v.rapport.total.taux]).toEqual(['valide', 1]);
    // the origin is sealed: rewritten in `_agora`, the copy is no longer the teacher's
    const autre = path.join(d, 'autre-origine.xlsx');
    writeFileSync(autre, await remplacerClesAgora(copie, { origine_parametres: 'Valeurs officielles' }));
    expect((await verifierCopie(autre, { date: '2026-03-20', cle: cleDesTests() })).rapport.sceau).toBe('invalide');
  });

  test('un fichier sans la table de l’exercice : les valeurs d’AGOrA, et l’enseignant en est averti ; un mois avant toute valeur est refusé en nommant la table', async () => {
    const parametres = fichier('seulement-frais.json', baremeDeLEnseignant());
    const r = await lancer(['exercice', 'conges', '--periode', '2026-03', '--out', path.join(d, 'conges.xlsx'), '--parametres', parametres, '--cle', process.env.AGORA_CLE!]);
    expect([r.code, r.err]).toEqual([0, 'Attention : Le fichier de paramètres « seulement-frais.json » ne contient pas les règles des congés payés : les valeurs d\u2019AGOrA s\u2019appliquent.\n']);
    const avant = await lancer(['exercice', 'frais', '--periode', '2021-06', '--out', path.join(d, 'avant.xlsx'), '--parametres', parametres, '--cle', process.env.AGORA_CLE!]);
    expect([avant.code, avant.err]).toEqual([2, 'Erreur : Impossible de créer ce cas : juin 2021 précède les premières valeurs du barème kilométrique (janvier 2022).\n']);
  });

  test('un fichier qui n’a que la valeur nouvelle s’ajoute aux valeurs d’AGOrA ; à la même date, la sienne l’emporte ; les mois couverts sont les plus larges', () => {
    const seule = baremeDeLEnseignant() as {
      frais: { couverture: { du: string; au: string }; baremeKilometrique: { valeurs: { depuis: string; bareme: Record<string, { a: number; b: number; c: number; e: number }> }[] } };
    };
    seule.frais.couverture.du = '2025-01';
    seule.frais.baremeKilometrique.valeurs.shift(); // only the 2025 value, as a teacher who keeps what is new
    const t = tablesDuFichier(seule, 'p.json');
    expect([t.frais.couverture, t.frais.baremeKilometrique.valeurs.map((v) => v.depuis)]).toEqual([{ du: '2022-01', au: '2026-12' }, ['2022-01-01', '2025-01-01']]);
    expect([parametresFrais('2024-06', t.frais).bareme['5']!.a, parametresFrais('2025-06', t.frais).bareme['5']!.a]).toEqual([0.636, 0.65]);
    // a value on AGOrA's own date replaces it: 5 CV at 0,640 €/km from 2022
    const corrige = structuredClone(seule);
    corrige.frais.baremeKilometrique.valeurs[0] = {
      ...corrige.frais.baremeKilometrique.valeurs[0]!,
      depuis: '2022-01-01',
      bareme: { ...corrige.frais.baremeKilometrique.valeurs[0]!.bareme, '5': { a: 0.64, b: 0.36, c: 1400, e: 0.43 } },
    };
    corrige.frais.couverture.du = '2022-01';
    const c = tablesDuFichier(corrige, 'p.json');
    expect([c.frais.baremeKilometrique.valeurs.length, parametresFrais('2024-06', c.frais).bareme['5']!.a]).toEqual([1, 0.64]);
  });
});

test('paie --parametres : un SMIC de 2027 apporté par l’enseignant chiffre le bulletin de mars 2027, sans reconduction ; la copie est vérifiée à 100 %', async () => {
  const paie = structuredClone(TABLES_OFFICIELLES.paie);
  paie.parametres.smic_horaire.valeurs.push({ depuis: '2027-01-01', valeur: 12.5, reference: 'SMIC d\u2019essai de l\u2019enseignant' });
  paie.couverture.au = '2027-12';
  const parametres = fichier('smic-2027.json', { paie });
  const f = path.join(d, 'paie-2027.xlsx');
  const r = await lancer(['exercice', 'paie', '--graine', '4', '--periode', '2027-03', '--out', f, '--parametres', parametres, '--cle', process.env.AGORA_CLE!]);
  expect([r.code, r.err]).toEqual([0, '']);
  const x = await ouvrirExercice(f);
  const lus = x.parametres as Record<string, { valeur: number | null }>;
  expect(lus.smic_horaire!.valeur).toBe(12.5);
  // the generator draws with that SMIC too: no hourly rate below 12,50 € (in ten-thousandths of a euro)
  const tables = tablesDuFichier({ paie }, 'smic-2027.json');
  const taux = Array.from(
    { length: 20 },
    (_, i) => (casGenere({ type: 'paie', graine: i + 1, periode: '2027-03', date: '2027-03-01', tables }, null).entree as { tauxHoraire?: number }).tauxHoraire,
  ).filter((t) => t !== undefined);
  expect(taux.length).toBeGreaterThan(5);
  expect(Math.min(...taux)).toBeGreaterThanOrEqual(125000);
  const copie = path.join(d, 'copie-paie-2027.xlsx');
  writeFileSync(copie, await remplirClasseur(f, attendusDesReponses(x)));
  const v = await verifierCopie(copie, { date: '2027-03-31', cle: cleDesTests() });
  expect([v.rapport.sceau, v.rapport.total.taux]).toEqual(['valide', 1]);
  const sans = await lancer(['exercice', 'paie', '--graine', '4', '--periode', '2027-03', '--out', path.join(d, 'paie-2027-agora.xlsx'), '--cle', process.env.AGORA_CLE!]);
  expect(sans.err).toContain('Attention : Valeurs des tables de paie connues jusqu\u2019en décembre 2026 : pour mars 2027, les dernières sont reconduites');
});
