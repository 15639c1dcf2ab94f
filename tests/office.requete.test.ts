import { referentiel } from '../src/referentiel';
import { TYPES_EXERCICE } from '../src/exercices/registre';
import { modeleDExercice } from '../src/app/exercices';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';
import { ecrireFichier, ecrireModele, insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { lireSelection } from '../src/io/office/lireSelection';
import { selectionnerCellule } from '../src/io/office/selectionner';
import { ecrireValeursNommees } from '../src/io/office/ecrireNoms';
import { chargeEstimee, ChargeTropLourde, CHARGE_EXCEL_WEB } from '../src/io/office/chargeDeRequete';
import { classeurEnBase64 } from '../src/io/exceljs/xlsxDuModele';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { grillesPourLeClasseur } from '../src/app/grillesDuClasseur';
import { modelePourFichier } from '../src/io/office/horsDuFichier';
import { lettreColonne, type Classeur } from '../src/sheets/model';
import { consoliderClasse } from '../src/consolidate/classe';
import { releveVide } from '../src/consolidate/preuves';
import { preuvesPfmp } from './aides/preuves';
import { classeurClasse } from '../src/sheets/consolidation/classeurClasse';
import { appelsDe, requeteDExcel } from './aides/excelReel';

const r = referentiel();
const DATE = '2026-11-23';
const OPTIONS = { etablissement: 'LP de test', annee: '2026-2027', date: DATE };
const eleves = (n: number) => Array.from({ length: n }, (_, i) => ({ nom: `Élève${i + 1}`, prenom: 'Léa', classe: 'Tle A' }));
const versions = { '1.13': (v: string) => Number(v.split('.')[1]) <= 13, '1.8': (v: string) => Number(v.split('.')[1]) <= 8 };

/** A class of three students positioned on 1.1.1: its workbook has charts. */
function classeConsolidee(): Classeur {
  const releve = releveVide('classe.xlsx');
  for (const [i, eleve] of eleves(3).entries()) preuvesPfmp(releve, eleve, [1, 3, 4], (k) => `${'EFG'[k]}${8 + i}`);
  const c = classeurClasse(r, consoliderClasse([releve], r, 'recente'), { date: DATE });
  expect(c.feuilles.some((f) => f.graphiques?.length)).toBe(true);
  return c;
}

describe('taille de la requête envoyée à Excel (limite de 5 Mo d\u2019Excel sur le web)', () => {
  const modeles: [string, () => Promise<{ c: Classeur; ajout?: string }>][] = [
    ...TYPES_GRILLE.map((t): [string, () => Promise<{ c: Classeur }>] => [`grille ${t}, un élève`, async () => ({ c: classeurGrilles(r, eleves(1), { ...OPTIONS, types: [t] }, 'eleve').classeur })]),
    ['toutes les grilles, 4 élèves', async () => ({ c: classeurGrilles(r, eleves(4), { ...OPTIONS, types: [...TYPES_GRILLE] }, 'classe').classeur })],
    [
      'grilles E31 ajoutées pour 3 élèves (lignes de _agora comprises)',
      async () => {
        const c = ClasseurMemoire.nouveau();
        const ctx = new ContexteMemoire(c);
        await insererClasseur(ctx as unknown as Excel.RequestContext, classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp'] }, 'classe').classeur, (v) => ctx.prend(v));
        // the addition as the pane makes it, from the workbook read (its rows go under _agora's last one)
        let ajout: { c: Classeur; ajout: string } | undefined;
        const lecture = new ContexteMemoire(c);
        await insererClasseur(
          lecture as unknown as Excel.RequestContext,
          (o) => {
            const m = grillesPourLeClasseur(r, eleves(3), { ...OPTIONS, types: ['e31'] }, o).classeur;
            ajout = { c: m, ajout: `A${o.agora!.length + 1}:${lettreColonne(m.ajoutAgora![0]!.length - 1)}${o.agora!.length + m.ajoutAgora!.length}` };
            return m;
          },
          (v) => lecture.prend(v),
        );
        return ajout!;
      },
    ],
    ['classe consolidée, 3 élèves, avec ses graphiques', async () => ({ c: classeConsolidee() })],
    ...TYPES_EXERCICE.map((type): [string, () => Promise<{ c: Classeur }>] => [
      `exercice ${type}`,
      async () => ({ c: (await modeleDExercice({ type, graine: 7, periode: '2026-10', date: DATE }, eleves(1)[0]!)).classeur }),
    ]),
  ];

  test.each(modeles)('%s : l\u2019estimation du volet couvre la requête que construit le moteur Excel de Microsoft, à 15 % près', async (_, fabriquer) => {
    const { c, ajout } = await fabriquer();
    for (const [api, prend] of Object.entries(versions)) {
      const ecrire = (wb: Excel.Workbook) => ecrireModele(wb, c, prend, new Set(), ajout);
      const reelle = (await requeteDExcel((ctx) => ecrire(ctx.workbook))).length;
      const estimee = chargeEstimee(ecrire);
      expect({ api, ratio: Math.round((estimee / reelle) * 100) / 100 }).toEqual({ api, ratio: expect.any(Number) });
      // never below (a request let through would be refused), at most 15 % above (lots a little smaller than needed)
      expect([api, estimee >= reelle, estimee <= reelle * 1.15]).toEqual([api, true, true]);
    }
  });

  test('grilles ajoutées par fichier : ce qui suit le fichier (formules qui nomment « Paramètres », lignes de _agora) estimé à 15 % près, bien moins que par plages', async () => {
    const premier = classeurGrilles(r, eleves(2), { ...OPTIONS, types: [...TYPES_GRILLE] }, 'classe').classeur;
    const ouvert = {
      feuilles: premier.feuilles.map((f) => f.nom),
      agora: premier.feuilles.find((f) => f.nom === '_agora')!.lignes.map((l) => l.cellules.map((x) => (x?.valeur ?? null) as string | null)),
    };
    const c = grillesPourLeClasseur(r, eleves(4).slice(2), { ...OPTIONS, types: [...TYPES_GRILLE] }, ouvert).classeur;
    const { formules } = modelePourFichier(c)!;
    const ajout = `A${ouvert.agora.length + 1}:${lettreColonne(c.ajoutAgora![0]!.length - 1)}${ouvert.agora.length + c.ajoutAgora!.length}`;
    const ecrire = (wb: Excel.Workbook) => ecrireFichier(wb, c, 'UEsDBA==', formules, ajout);
    const requete = await requeteDExcel((ctx) => ecrire(ctx.workbook));
    expect(appelsDe(requete)).toEqual(expect.arrayContaining(['InsertWorksheetsFromBase64', 'Formulas', 'Values', 'Protect']));
    const estimee = chargeEstimee(ecrire);
    expect([estimee >= requete.length, estimee <= requete.length * 1.15]).toEqual([true, true]);
    // per student, a fraction of what the same sheets cost as range writes
    const parPlages = chargeEstimee((wb) => ecrireModele(wb, c, versions['1.13'], new Set(), ajout));
    expect(estimee / parPlages).toBeLessThan(0.1);
  });

  test('une grille PFMP par plages : la requête mesurée, et toutes les grilles d\u2019un élève sous la limite d\u2019Excel sur le web', async () => {
    const pfmp = classeurGrilles(r, eleves(1), { ...OPTIONS, types: ['pfmp'] }, 'eleve').classeur;
    const octets = (await requeteDExcel((ctx) => ecrireModele(ctx.workbook, pfmp, versions['1.13'], new Set(), undefined))).length;
    // what an addition costs per student: hundreds of KB, so a class can pass 5 MB; a file is far smaller
    expect(octets).toBeGreaterThan(200_000);
    expect(octets).toBeLessThan(600_000);
    const toutes = classeurGrilles(r, eleves(1), { ...OPTIONS, types: [...TYPES_GRILLE] }, 'eleve').classeur;
    expect(chargeEstimee((wb) => ecrireModele(wb, toutes, versions['1.13'], new Set(), undefined))).toBeLessThan(CHARGE_EXCEL_WEB);
  });

  test('au-delà de la limite : refus après la lecture, avant toute écriture, par plages comme par fichier', async () => {
    const m = classeurGrilles(r, eleves(6), { ...OPTIONS, types: ['pfmp', 'e31'] }, 'classe').classeur;
    for (const fichier of [undefined, classeurEnBase64]) {
      const c = ClasseurMemoire.nouveau();
      const ctx = new ContexteMemoire(c);
      const maximum = fichier ? 20_000 : 1_000_000;
      const e = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), fichier, maximum).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ChargeTropLourde);
      const refus = e as ChargeTropLourde;
      expect(refus.charge).toBeGreaterThan(maximum);
      expect(refus.code).toBe('RequestPayloadSizeLimitExceeded');
      expect(refus.message).toMatch(
        /^Insertion de « Grilles AGOrA — 6 élèves » : trop volumineuse pour Excel sur le web \(environ \d+(,\d)? [KM]o pour (20|977) Ko au plus\) ; insérez moins d'élèves à la fois ; rien n'a été modifié\.$/,
      );
      expect([ctx.syncs, ctx.journal.filter((j) => !j.includes('load'))]).toEqual([1, []]);
      expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1']);
    }
  });
});

test('chaque opération du volet : sa première requête construite par le moteur Excel de Microsoft, qui connaît chaque méthode appelée', async () => {
  const grille = classeurGrilles(r, eleves(1), { ...OPTIONS, types: ['pfmp'] }, 'eleve').classeur;
  const operations: [string, (ctx: Excel.RequestContext) => unknown, string[]][] = [
    [
      'insertion : lecture des feuilles, des noms et de _agora',
      (ctx) =>
        insererClasseur(
          ctx,
          () => grille,
          () => true,
        ),
      ['Worksheets', 'Names', 'GetItemOrNullObject', 'GetUsedRangeOrNullObject'],
    ],
    [
      'insertion par fichier du classeur de classe, ses graphiques',
      (ctx) => ecrireFichier(ctx.workbook, classeConsolidee(), 'UEsDBA=='),
      ['InsertWorksheetsFromBase64', 'Charts', 'SetCategoryNames', 'ReversePlotOrder', 'SetPosition', 'Visibility', 'Activate'],
    ],
    ['insertion par fichier d\u2019une grille, ses feuilles protégées', (ctx) => ecrireFichier(ctx.workbook, grille, 'UEsDBA=='), ['InsertWorksheetsFromBase64', 'Protect', 'Visibility']],
    ['vérification : lecture du classeur ouvert', (ctx) => lireClasseurOuvert(ctx, {}, () => true), ['Names', 'Worksheets', 'GetItemOrNullObject', 'GetUsedRangeOrNullObject']],
    ['liste des élèves prise dans la sélection', (ctx) => lireSelection(ctx), ['GetSelectedRange', 'GetActiveWorksheet', 'GetUsedRangeOrNullObject', 'GetIntersectionOrNullObject']],
    ['réponse fausse : sa cellule sélectionnée', (ctx) => selectionnerCellule(ctx, 'Travail!D12'), ['Worksheets', 'GetRange', 'Activate', 'Select']],
    ['Paramètres enregistrés', (ctx) => ecrireValeursNommees(ctx, new Map([['Etablissement', [['LP de test']]]]), 'Enregistrement'), ['Names', 'GetRange', 'Values']],
  ];
  for (const [nom, f, attendus] of operations) expect([nom, appelsDe(await requeteDExcel(f))]).toEqual([nom, expect.arrayContaining(attendus)]);
});
