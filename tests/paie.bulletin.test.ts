import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculer } from '../src/app/calculs';
import { bulletinDe } from '../src/exercices/paie/bulletin';
import { SCHEMA_PAIE } from '../src/domain/parametres/paie';
import { EntreeBulletin } from '../src/exercices/paie/entree';
import { dossierTemporaire, lancer } from './aides/cli';

/** Payslips worked out by hand, line by line, the way a textbook corrigé does. */
const bulletin = (donnees: Record<string, unknown>) => bulletinDe(EntreeBulletin.parse({ entreprise: { effectif: 5 }, salarie: { statut: 'non_cadre' }, ...donnees }));
const ligne = (b: ReturnType<typeof bulletin>, code: string) => b.lignes.find((l) => l.code === code);

describe('bulletin calculé à la main', () => {
  // 2 000 € in March 2026, 5 employees, no health plan, AT-MP 1 %, no réduction générale (textbook setting).
  const b = bulletin({ periode: '2026-03', entreprise: { effectif: 5, tauxAtmp: 1 }, salaireBase: 2000, reductionGenerale: false, tauxPas: 5 });

  test('cotisations salariales : 6,90 + 0,40 + 3,15 + 0,86 % du brut, CSG sur 98,25 %', () => {
    expect([
      ligne(b, 'vieillesse_plafonnee')?.montantSalarial,
      ligne(b, 'vieillesse_deplafonnee')?.montantSalarial,
      ligne(b, 'retraite_t1')?.montantSalarial,
      ligne(b, 'ceg_t1')?.montantSalarial,
    ]).toEqual([13800, 800, 6300, 1720]);
    expect(ligne(b, 'csg_deductible')?.base).toBe(196500); // 98,25 % × 2 000
    expect(ligne(b, 'csg_deductible')?.montantSalarial).toBe(13362); // 6,80 %
    expect(ligne(b, 'csg_crds_non_deductible')?.montantSalarial).toBe(5699); // 2,90 % × 1 965 = 56,985 → 56,99 (la demie est comptée pour un centime)
    expect(b.totalCotisationsSalariales).toBe(41681);
    expect(b.netSocial).toBe(158319);
    expect(b.netAPayerAvantImpot).toBe(158319);
  });

  test('cotisations patronales, coût employeur', () => {
    expect(b.lignes.filter((l) => l.montantPatronal !== null).map((l) => [l.code, l.montantPatronal])).toEqual([
      ['maladie', 26000],
      ['atmp', 2000],
      ['vieillesse_plafonnee', 17100],
      ['vieillesse_deplafonnee', 4220],
      ['retraite_t1', 9440],
      ['ceg_t1', 2580],
      ['allocations_familiales', 10500],
      ['chomage', 8000],
      ['ags', 500],
      ['csa', 600],
      ['fnal', 200],
      ['dialogue_social', 32],
      ['formation', 1100],
      ['taxe_apprentissage', 1180],
      ['taxe_apprentissage_solde', 180],
    ]);
    expect(b.totalCotisationsPatronales).toBe(83632);
    expect(b.coutEmployeur).toBe(283632);
  });

  test('net imposable, prélèvement à la source de 5 %, net payé', () => {
    expect(b.netImposable).toBe(164018); // 2 000 − (416,81 − 56,99)
    expect(b.impotPreleve).toBe(8201); // 5 % × 1 640,18 = 82,009
    expect(b.netPaye).toBe(150118);
  });

  test("taux simplifiés de l'enseignant : ils remplacent les taux officiels", () => {
    const s = bulletin({ periode: '2026-03', salaireBase: 2000, reductionGenerale: false, parametres: { csg_assiette: 100, vieillesse_plafonnee_salarial: 7 } });
    expect(ligne(s, 'csg_deductible')?.base).toBe(200000);
    expect(ligne(s, 'csg_deductible')?.montantSalarial).toBe(13600);
    expect(ligne(s, 'vieillesse_plafonnee')?.montantSalarial).toBe(14000);
  });

  test('heures supplémentaires par semaine : 8 premières à 25 %, au-delà à 50 % ; réduction salariale de 11,31 %', () => {
    const h = bulletin({ periode: '2026-03', tauxHoraire: 12, heuresSupplementaires: { semaines: [4, 10, 0, 3] } });
    expect(h.elements.map((e) => [e.code, e.nombre, e.taux, e.montant])).toEqual([
      ['salaire_base', 151.67, 12, 182004],
      ['hs25', 15, 15, 22500],
      ['hs50', 2, 18, 3600],
    ]);
    expect(ligne(h, 'reduction_hs')?.montantSalarial).toBe(-2952); // 11,31 % × 261,00 = 29,5191
    expect(ligne(h, 'deduction_forfaitaire_hs')?.montantPatronal).toBe(-2550); // 17 h × 1,50 € (moins de 20 salariés)
    expect(ligne(h, 'csg_crds_hs')?.montantSalarial).toBe(2487); // 9,70 % × 98,25 % × 261,00 = 24,874
  });

  test('absence : heures réelles du mois ou horaire mensuel', () => {
    const reelles = bulletin({ periode: '2026-03', salaireBase: 2100, absence: { heures: 14, methode: 'heures_reelles', heuresDuMois: 154 } });
    expect(reelles.elements.find((e) => e.code === 'absence')?.montant).toBe(-19091); // 2 100 × 14 / 154 = 190,909
    const mensuel = bulletin({ periode: '2026-03', salaireBase: 2100, absence: { heures: 14, methode: 'horaire_mensuel' } });
    expect(mensuel.elements.find((e) => e.code === 'absence')?.montant).toBe(-19384); // 2 100 × 14 / 151,67 = 193,842
  });

  test('réduction générale 2025 au SMIC : coefficient plafonné à T = 0,3194', () => {
    const r = bulletin({ periode: '2025-03', entreprise: { effectif: 10 }, tauxHoraire: 11.88 });
    expect(r.brut).toBe(180184); // 151,67 × 11,88
    expect(r.reduction).toEqual({ smicReference: 180180, coefficient: 0.3194, formule: 'réduction générale' });
    expect(ligne(r, 'reduction_generale')?.montantPatronal).toBe(-57551); // 1 801,84 × 0,3194 = 575,507
  });

  test('RGDU 2026 à 2 SMIC : Tmin + Tdelta × (½ × (3 × SMIC / brut − 1))^1,75', () => {
    const r = bulletin({ periode: '2026-03', entreprise: { effectif: 10 }, salaireBase: 3646.14 });
    const attendu = 0.02 + 0.3781 * Math.pow(0.5 * ((3 * (12.02 * 1820)) / 12 / 3646.14 - 1), 1.75);
    expect(r.reduction?.coefficient).toBe(Math.round(attendu * 10000) / 10000);
    expect(r.reduction?.coefficient).toBe(0.0534);
    expect(ligne(r, 'reduction_generale')?.montantPatronal).toBe(-19470); // 3 646,14 × 0,0534 = 194,704
  });

  test('à partir du 1er juin 2026, la RGDU garde le SMIC du 1er janvier (12,02 €) alors que le salaire minimum est à 12,31 €', () => {
    const r = bulletin({ periode: '2026-07', entreprise: { effectif: 10 }, tauxHoraire: 12.31 });
    expect(r.avertissements).toEqual([]);
    expect(r.reduction?.smicReference).toBe(182303);
    expect(r.reduction?.coefficient).toBe(0.375); // au lieu du maximum 0,3981 avec le SMIC de juin
    const mai = bulletin({ periode: '2026-05', entreprise: { effectif: 10 }, tauxHoraire: 12.31 });
    expect(mai.avertissements).toEqual([]);
    expect(bulletin({ periode: '2026-07', entreprise: { effectif: 10 }, tauxHoraire: 12.02 }).avertissements[0]).toMatch(/inférieur au SMIC/);
  });

  test('cadre au-dessus du plafond : tranche 2, CET, APEC, prévoyance des cadres', () => {
    const c = bulletin({ periode: '2026-03', salarie: { statut: 'cadre' }, salaireBase: 6000, reductionGenerale: false });
    expect(ligne(c, 'vieillesse_plafonnee')?.base).toBe(400500);
    expect(ligne(c, 'retraite_t2')?.base).toBe(199500);
    expect(ligne(c, 'retraite_t2')?.montantSalarial).toBe(17237); // 8,64 % × 1 995 = 172,368
    expect(ligne(c, 'cet')?.base).toBe(600000);
    expect(ligne(c, 'apec')?.montantSalarial).toBe(144); // 0,024 % × 6 000
    expect(ligne(c, 'prevoyance_cadres')?.montantPatronal).toBe(6008); // 1,50 % × 4 005 = 60,075
  });
});

describe('données invalides : erreur en français qui nomme le champ', () => {
  const base = { periode: '2026-03', entreprise: { effectif: 8 }, salarie: { statut: 'non_cadre' }, salaireBase: 2000 };
  const erreur = (donnees: unknown): string => {
    try {
      calculer('paie', donnees, '« cas.json »');
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('aucune erreur');
  };

  test.each([
    [{ heuresSupplementaires: { a25: 400 } }, /« heuresSupplementaires\.a25 » : au plus 56,33 heures/],
    [{ heuresSupplementaires: { semaines: [5, 20] } }, /« heuresSupplementaires\.semaines\[2\] » : au plus 13 heures/],
    [{ heuresSupplementaires: { a25: -3 } }, /« heuresSupplementaires\.a25 » : le nombre d'heures ne peut pas être négatif/],
    [{ periode: '2019-03' }, /« periode » : mars 2019 précède les premières valeurs des tables de paie \(janvier 2025\)/],
    [{ salarie: { statut: 'stagiaire' } }, /« salarie\.statut » : valeur attendue : « non_cadre » ou « cadre »/],
    [{ tauxHoraire: 12 }, /« tauxHoraire » : donner soit le taux horaire, soit le salaire de base/],
    [{ absence: { heures: 10, methode: 'heures_reelles' } }, /« absence\.heuresDuMois » : champ obligatoire avec la méthode des heures réelles/],
    [{ absence: { heures: 200, methode: 'horaire_mensuel' } }, /« absence\.heures » : plus d'heures d'absence \(200\) que d'heures dans le mois \(151\.67\)/],
    [{ parametres: { smic: 12 } }, /« parametres\.smic » : code inconnu/],
    [{ tauxPas: 60 }, /« tauxPas » : taux de prélèvement à la source de 43 % au plus/],
    [{ entreprise: { effectif: 0 } }, /« entreprise\.effectif » : au moins 1 salarié/],
  ])('%j', (changement, message) => {
    expect(erreur({ ...base, ...changement })).toMatch(message);
  });

  test("un paramètre supprimé par l'enseignant est signalé", () => {
    expect(erreur({ ...base, parametres: { pss: null } })).toMatch(/paramètre « pss » sans valeur pour 2026-03/);
  });
});

test('agora calcul paie : le bulletin en JSON, en euros ; --schema décrit les champs', async () => {
  const f = path.join(dossierTemporaire('agora-paie-'), 'cas.json');
  writeFileSync(f, readFileSync('templates/demo/paie-exemple.json'));
  const { code, out } = await lancer(['calcul', 'paie', '--entree', f]);
  expect(code).toBe(0);
  const r = JSON.parse(out);
  for (const cle of ['brut', 'totalCotisationsSalariales', 'totalCotisationsPatronales', 'netSocial', 'netAPayerAvantImpot', 'impotPreleve', 'netPaye', 'coutEmployeur', 'lignes'])
    expect(r).toHaveProperty(cle);
  expect(r.brut).toBe(2311.23); // 2 047,55 + 236,25 + 40,50 − 93,07 + 80
  expect(r.netAPayerAvantImpot).toBe(Math.round((r.brut - r.totalCotisationsSalariales + 43.1) * 100) / 100);
  expect(r.netPaye).toBe(Math.round((r.netAPayerAvantImpot - r.impotPreleve) * 100) / 100);
  expect(r.lignes.find((l: { code: string }) => l.code === 'csg_deductible').tauxSalarial).toBe(6.8);
  const schema = await lancer(['calcul', 'paie', '--schema']);
  expect(JSON.parse(schema.out).required).toEqual(['periode', 'entreprise', 'salarie']);
  const mauvais = await lancer(['calcul', 'paie', '--entree', path.join(path.dirname(f), 'absent.json')]);
  expect(mauvais.code).toBe(1);
});

describe('paie.json : l\u2019arbre des paramètres, par rubrique du bulletin', () => {
  const tables = () => JSON.parse(readFileSync(path.join(__dirname, '..', 'src', 'domain', 'parametres', 'paie.json'), 'utf8'));
  const chemins = (donnees: unknown) => {
    const r = SCHEMA_PAIE.safeParse(donnees);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.code, ...('keys' in i ? i.keys : [])].join(' '));
  };

  test('le fichier livré est conforme, et la mesure disparue peut valoir null', () => {
    expect(chemins(tables())).toEqual([]);
    const t = tables();
    t.parametres.maladie_patronal_reduit.valeurs[0].valeur = null;
    expect(chemins(t)).toEqual([]);
  });

  test('un paramètre manquant, un de trop, une unité fausse, un null là où la mesure existe : refusés, le code nommé', () => {
    const t = tables();
    delete t.parametres.crds;
    t.parametres.crds_bis = t.parametres.csg_deductible;
    t.parametres.pss.unite = '%';
    t.parametres.smic_horaire.valeurs[0].valeur = null;
    expect(chemins(t).sort()).toEqual([
      'parametres unrecognized_keys crds_bis',
      'parametres.crds invalid_type',
      'parametres.pss.unite invalid_value',
      'parametres.smic_horaire.valeurs.0.valeur invalid_type',
    ]);
  });
});
