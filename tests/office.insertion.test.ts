import { referentiel } from '../src/referentiel';
import { serieExcel } from '../src/domain/dates';
import { TYPES_EXERCICE } from '../src/exercices/registre';
import { modeleDExercice } from '../src/app/exercices';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';
import { consoliderClasse } from '../src/consolidate/classe';
import { releveVide } from '../src/consolidate/preuves';
import { preuvesPfmp } from './aides/preuves';
import { classeurClasse } from '../src/sheets/consolidation/classeurClasse';
import { insererClasseur, referenceNormalisee, type Suivi } from '../src/io/office/insererClasseur';
import { agoraLu, chargerAgora } from '../src/io/office/valeursLues';
import { classeurEnBase64 } from '../src/io/exceljs/xlsxDuModele';
import { ErreurExcel } from '../src/io/office/erreurs';
import { ClasseurMemoire, zone, adresse, adresseZone } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { lettreColonne, referenceAbsolue, type Classeur } from '../src/sheets/model';
import type { Eleve } from '../src/sheets/eleve';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ecrireValeursNommees } from '../src/io/office/ecrireNoms';
import { consoliderLectures } from '../src/app/releverClasse';
import { entreesLues } from '../src/sheets/agora';
import { cleEleve, grillesPourLeClasseur } from '../src/app/grillesDuClasseur';
import { CHARGE_EXCEL_WEB, ChargeTropLourde } from '../src/io/office/chargeDeRequete';
import { insererParLots, InsertionInterrompue } from '../src/taskpane/insererParLots';
import { inserer } from '../src/taskpane/commun';
import type { Hote } from '../src/taskpane/hote';

const r = referentiel();
const DATE = '2026-11-23';
const OPTIONS = { etablissement: 'LP de test', annee: '2026-2027', date: DATE };
const eleves = (n: number): Eleve[] => Array.from({ length: n }, (_, i) => ({ nom: i === 1 ? '=HYPERLINK("http://x","y")' : `Élève${i + 1}`, prenom: 'Léa', classe: 'Tle A' }));

const nouveauClasseur = () => ClasseurMemoire.nouveau();

/** « AO6:AO6 » and « AO6 » are the same range. */
const plage = (a: string) => adresseZone(zone(a)!);

/** The cells a list of ranges covers, « Feuille!B3 » each: Excel keeps a file's validation cell by cell, a range write as one block. */
const cellulesDe = (feuille: string, plages: readonly string[]) =>
  plages
    .flatMap((p) => {
      const z = zone(p)!;
      return Array.from(
        { length: (z.bas - z.haut + 1) * (z.droite - z.gauche + 1) },
        (_, i) => `${feuille}!${adresse(z.haut + Math.floor(i / (z.droite - z.gauche + 1)), z.gauche + (i % (z.droite - z.gauche + 1)))}`,
      );
    })
    .sort();

/**
 * Every cell, merge, validation, conditional format, table and name of the model is in the workbook,
 * as written; `miseEnPage` when the print setup could be applied (ExcelApi 1.9, or a file, which
 * carries it for hidden sheets as well). `indirect`: an addition inserted as a file, whose conditional
 * formats name the workbook's « Paramètres » through INDIRECT (the same cells, resolved in the workbook).
 */
function verifierRendu(m: Classeur, c: ClasseurMemoire, miseEnPage: boolean | 'fichier', indirect = false): void {
  const direct = (f: string) => (indirect ? f.replace(/INDIRECT\("(\w+)"\)/g, '$1') : f);
  for (const f of m.feuilles) {
    const w = c.feuille(f.nom)!;
    expect(w).toBeDefined();
    expect(w.visibilite).toBe(f.etat === 'tresCachee' ? 'VeryHidden' : 'Visible');
    const lignes = [
      ...f.lignes.map((l) => l.cellules.map((x) => ({ valeur: x?.valeur ?? null, format: x?.style?.format }))),
      ...(f.suite ? [...f.suite.lignes()].map((l) => l.map((v, j) => ({ valeur: v, format: f.suite!.styles[j]?.format }))) : []),
    ];
    lignes.forEach((l, i) =>
      l.forEach((x, j) => {
        const cell = w.cellules.get(adresse(i + 1, j + 1));
        const ou = `${f.nom}!${adresse(i + 1, j + 1)}`;
        const v = x.valeur;
        // exceljs, which reads the file for the in-memory workbook, drops a format's backslashes (« #,##0.00\\ "€" »); Excel keeps them
        const format = miseEnPage === 'fichier' && x.format ? x.format.replace(/\\(.)/g, '$1') : x.format;
        const lu = { ou, valeur: cell?.valeur ?? null, formule: cell?.formule, format: cell?.format ?? 'General' };
        if (v === null) expect(lu).toEqual({ ou, valeur: null, formule: undefined, format: format ?? 'General' });
        else if (typeof v === 'string') expect({ ...lu, texte: cell?.texteForce }).toEqual({ ou, valeur: v, formule: undefined, format: format ?? 'General', texte: true });
        else if (typeof v === 'number' || typeof v === 'boolean') expect(lu).toEqual({ ou, valeur: v, formule: undefined, format: format ?? 'General' });
        else if ('date' in v) expect(lu).toEqual({ ou, valeur: serieExcel(v.date), formule: undefined, format: format ?? 'General' });
        else expect(lu).toEqual({ ou, valeur: null, formule: `=${v.formule.replace(/^=/, '')}`, format: format ?? 'General' });
      }),
    );
    expect(w.fusions.sort()).toEqual(f.fusions.map(plage).sort());
    expect(
      cellulesDe(
        f.nom,
        w.validations.map((v) => v.plage),
      ),
    ).toEqual(
      cellulesDe(
        f.nom,
        (f.validations ?? []).map((v) => v.plage),
      ),
    );
    for (const v of w.validations) expect(v.alerte).toMatchObject({ title: 'Valeur non prévue', style: 'Stop' });
    expect(w.misesEnForme.map((x) => [x.plage, direct(x.formule), x.fond])).toEqual((f.misesEnForme ?? []).map((x) => [plage(x.plage), `=${x.formule}`, `#${x.fond.toUpperCase()}`]));
    expect(w.tableaux.map((t) => t.nom)).toEqual(f.tableau ? [f.tableau.nom] : []);
    expect(w.graphiques.map((g) => [g.source, g.categories, g.position, g.proprietes['title.text']])).toEqual(
      (f.graphiques ?? []).map((g) => [plage(g.donnees), plage(g.categories), g.position, g.titre]),
    );
    expect(w.protegee).toBe(!!f.protegee);
    expect(w.figee !== undefined).toBe(!!f.figer);
    expect(w.largeurs.size).toBe(f.largeurs.length);
    if ((miseEnPage && f.etat !== 'tresCachee') || miseEnPage === 'fichier') expect(w.miseEnPage.orientation).toBe(f.miseEnPage.orientation === 'paysage' ? 'Landscape' : 'Portrait');
    else expect(w.miseEnPage).toEqual({});
    // Page breaks range by range (a file carries them, but exceljs, which reads it here, drops them)
    if (miseEnPage === true && f.etat !== 'tresCachee') expect(w.miseEnPage.sauts).toEqual(f.miseEnPage.sautsDePage?.map((n) => `A${n}`));
    // every styled cell has its own style, whether set range by range (1.8) or style by style over RangeAreas (1.9)
    f.lignes.forEach((l, i) =>
      l.cellules.forEach((x, j) => {
        const st = x?.style;
        if (!st) return;
        const lu = w.cellules.get(adresse(i + 1, j + 1))!.style;
        expect({ ou: `${f.nom}!${adresse(i + 1, j + 1)}`, gras: lu['font.bold'], fond: lu['fill.color'], taille: lu['font.size'], retour: lu['format.wrapText'] ?? lu['wrapText'] }).toEqual({
          ou: `${f.nom}!${adresse(i + 1, j + 1)}`,
          gras: st.gras ? true : undefined,
          fond: st.fond ? `#${st.fond.toUpperCase()}` : undefined,
          taille: st.taille ?? 10,
          retour: st.retourLigne ? true : undefined,
        });
      }),
    );
    // input cells unlocked, the others keep Excel's default (locked)
    f.lignes.forEach((l, i) => l.cellules.forEach((x, j) => x?.style?.saisie && expect(w.cellules.get(adresse(i + 1, j + 1))!.style['protection.locked']).toBe(false)));
  }
  for (const n of m.noms ?? []) expect([n.nom, referenceNormalisee(c.noms.get(n.nom.toUpperCase())?.reference ?? '')]).toEqual([n.nom, referenceNormalisee(referenceAbsolue(n.feuille, n.plage))]);
}

/** No formula, conditional format or list of the workbook links to the file it came from (OfficeDev/office-js#2809, as the in-memory Excel plays it). */
function sansLienAuFichier(c: ClasseurMemoire): void {
  const liens = c.feuilles.flatMap((f) => [
    ...[...f.cellules].filter(([, x]) => x.formule?.includes('[1]')).map(([a]) => `${f.nom}!${a}`),
    ...f.misesEnForme.filter((m) => m.formule.includes('[1]')).map((m) => `${f.nom}!${m.plage} (mise en forme)`),
    ...f.validations.filter((v) => JSON.stringify(v.regle).includes('[1]')).map((v) => `${f.nom}!${v.plage} (liste)`),
  ]);
  expect(liens).toEqual([]);
}

const modelesDeGrilles = () => TYPES_GRILLE.map((t) => ({ nom: `grille ${t}`, modele: () => classeurGrilles(r, eleves(3), { ...OPTIONS, types: [t] }, 'classe').classeur }));
const modelesDExercices = () =>
  TYPES_EXERCICE.map((type) => ({
    nom: `exercice ${type}`,
    modele: async () => (await modeleDExercice({ type, graine: 7, periode: '2026-10', date: DATE }, eleves(2)[1]!)).classeur,
  }));

describe('insertion par Office.js (contexte simulé qui compte les allers-retours)', () => {
  test.each([...modelesDeGrilles(), ...modelesDExercices()].map((x) => [x.nom, x.modele] as const))(
    '%s : 2 synchronisations, tout le modèle écrit, en ExcelApi 1.13 comme en 1.8 (Excel 2019)',
    async (_, modele) => {
      const m = await modele();
      for (const api of ['1.13', '1.8']) {
        const c = nouveauClasseur();
        const ctx = new ContexteMemoire(c, { api });
        const res = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v));
        expect(ctx.syncs).toBe(2);
        expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1', ...m.feuilles.map((f) => f.nom)]);
        verifierRendu(m, c, api === '1.13');
        expect(res.avertissements.length).toBe(api === '1.13' ? 0 : 1);
        expect(c.active).toBe(m.feuilles[0]!.nom);
      }
      // ExcelApi 1.13 with the model as a file (insertWorksheetsFromBase64): the same workbook, one insertion command
      const c = nouveauClasseur();
      const ctx = new ContexteMemoire(c, { api: '1.13' });
      const res = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), classeurEnBase64);
      expect([ctx.syncs, res.avertissements]).toEqual([2, []]);
      expect(ctx.journal.filter((j) => j.startsWith('workbook.insertWorksheetsFromBase64')).length).toBe(1);
      expect(ctx.journal.filter((j) => j.startsWith('worksheets.add') || j.startsWith('range.'))).toEqual([]);
      expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1', ...m.feuilles.map((f) => f.nom)]);
      verifierRendu(m, c, 'fichier');
      expect(c.active).toBe(m.feuilles[0]!.nom);
    },
  );

  test('le nombre de synchronisations ne dépend pas de la taille : 3 élèves ou 35, toutes les grilles, par plages ou par fichier', async () => {
    const commandes: Record<string, number> = {};
    for (const n of [3, 35])
      for (const fichier of [undefined, classeurEnBase64]) {
        const ctx = new ContexteMemoire(nouveauClasseur());
        const m = classeurGrilles(r, eleves(n), { ...OPTIONS, types: [...TYPES_GRILLE] }, 'classe').classeur;
        await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), fichier);
        expect([n, ctx.syncs]).toEqual([n, 2]);
        expect(ctx.classeur.feuilles.length).toBe(m.feuilles.length + 1);
        commandes[`${n} ${fichier ? 'fichier' : 'plages'}`] = ctx.journal.length;
      }
    // by file, what grows with the class is the file, not the commands: one protection per protected sheet, nothing per cell
    expect(commandes['35 fichier']! * 50).toBeLessThan(commandes['35 plages']!);
    expect(commandes['35 fichier']! / commandes['3 fichier']!).toBeLessThan(35 / 3 + 1);
  });

  test('par fichier : un nom défini perdu ou cassé par Excel est rétabli en une troisième synchronisation', async () => {
    const m = classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp', 'e31'] }, 'classe').classeur;
    for (const nomsDuFichier of ['absents', 'casses'] as const) {
      const ctx = new ContexteMemoire(nouveauClasseur(), { nomsDuFichier });
      await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), classeurEnBase64);
      expect([nomsDuFichier, ctx.syncs]).toEqual([nomsDuFichier, 3]);
      expect(ctx.journal.filter((j) => j.startsWith(nomsDuFichier === 'absents' ? 'names.add' : 'namedItem.formula')).length).toBe(m.noms!.length);
      verifierRendu(m, ctx.classeur, 'fichier');
    }
  });

  test.each([
    ['par plages (Excel 2019)', '1.8', false],
    ['par fichier (Excel de bureau)', '1.13', false],
    ['par fichier sur le web, qui verrouille tout (OfficeDev/office-js#1565)', '1.13', true],
  ] as const)('l\u2019élève peut écrire dans chaque cellule de réponse des onze exercices, et nulle part ailleurs (« Paramètres » compris) : %s', async (_, api, web) => {
    for (const type of TYPES_EXERCICE) {
      const m = modeleDExercice({ type, graine: 7, periode: '2026-10', date: DATE }, { nom: 'Martin', prenom: 'Léa', classe: 'Tle A' }).classeur;
      const c = nouveauClasseur();
      const ctx = new ContexteMemoire(c, { api, web });
      await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), api === '1.13' ? classeurEnBase64 : undefined);
      // the answers are the names on « Travail » (its anchor aside)
      const reponses = (m.noms ?? []).filter((n) => n.feuille === 'Travail' && !n.nom.startsWith('Exercice_'));
      expect(reponses.length).toBeGreaterThan(0);
      for (const f of m.feuilles.filter((x) => x.protegee)) {
        const w = c.feuille(f.nom)!;
        expect([type, f.nom, w.protegee]).toEqual([type, f.nom, true]);
        const ouvertes = [...w.cellules.entries()].filter(([, x]) => x.style['protection.locked'] === false).map(([a]) => `${f.nom}!${a}`);
        // the cells a student may type in: the model's input cells (a merged one, its whole merge) …
        const attendues = f.lignes
          .flatMap((l, i) => l.cellules.flatMap((x, j) => (x?.style?.saisie ? [`${f.nom}!${lettreColonne(j)}${i + 1}`] : [])))
          .flatMap((a) => {
            const fusion = f.fusions.find((z) => z.split(':')[0] === a.split('!')[1]);
            return fusion ? cellulesDe(f.nom, [fusion]) : [a];
          });
        // … each of them inside an answer: nowhere else, « Paramètres » included
        const dansLesReponses = new Set(reponses.filter((n) => n.feuille === f.nom).flatMap((n) => cellulesDe(f.nom, [n.plage])));
        expect([type, f.nom, attendues.filter((a) => !dansLesReponses.has(a) && !f.fusions.some((z) => cellulesDe(f.nom, [z]).includes(a)))]).toEqual([type, f.nom, []]);
        expect([type, f.nom, ouvertes.sort()]).toEqual([type, f.nom, [...new Set(attendues)].sort()]);
      }
    }
  });

  test('refus pendant la préparation de la requête (avant tout sync) : par fichier, repli plage par plage ; par plages, message en français et rien ne reste', async () => {
    const m = classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp'] }, 'classe').classeur;
    // by file: Office.js refuses the file's argument as the request is built
    const c = nouveauClasseur();
    const ctx = new ContexteMemoire(c, { api: '1.13' });
    (ctx.workbook as unknown as { insertWorksheetsFromBase64: () => never }).insertWorksheetsFromBase64 = () => {
      throw Object.assign(new Error('argument refusé'), { code: 'InvalidArgument' });
    };
    const res = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), classeurEnBase64);
    expect(res.avertissements).toEqual(['Excel a refusé le classeur préparé (InvalidArgument) : les feuilles ont été écrites plage par plage.']);
    verifierRendu(m, c, true);
    // by ranges: an address refused while the request is built (a validation at « A0 »)
    const abimee: Classeur = {
      ...m,
      feuilles: m.feuilles.map((f, i) => (i === 1 ? { ...f, validations: [...(f.validations ?? []), { plage: 'A0', liste: { elements: ['Oui'] }, message: 'x' }] } : f)),
    };
    const d = nouveauClasseur();
    const ctx2 = new ContexteMemoire(d, { api: '1.8' });
    const refus = await insererClasseur(ctx2 as unknown as Excel.RequestContext, abimee, (v) => ctx2.prend(v)).catch((e: unknown) => e);
    expect(refus).toBeInstanceOf(ErreurExcel);
    expect((refus as Error).message).toMatch(/^Insertion de « .+ » annulée : /);
    expect([d.feuilles.map((f) => f.nom), d.noms.size]).toEqual([['Feuil1'], 0]);
  });

  test('par fichier : Excel refuse le fichier, les feuilles sont écrites plage par plage ; refus d\u2019une autre opération, tout est retiré', async () => {
    const m = classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp'] }, 'classe').classeur;
    const refus = new ContexteMemoire(nouveauClasseur(), { echec: (op) => (op === 'workbook.insertWorksheetsFromBase64' ? 'GeneralException' : undefined) });
    const res = await insererClasseur(refus as unknown as Excel.RequestContext, m, (v) => refus.prend(v), classeurEnBase64);
    expect(res.avertissements).toEqual(['Excel a refusé le classeur préparé (GeneralException) : les feuilles ont été écrites plage par plage.']);
    expect(refus.syncs).toBe(4); // read, file refused, nothing to remove, range writes
    verifierRendu(m, refus.classeur, true);
    for (const [operation, code, attendu] of [
      ['workbook.insertWorksheetsFromBase64', 'InvalidOperationInCellEditMode', 'Excel est en train de modifier une cellule : appuyez sur Entrée ou Échap, puis recommencez.'],
      ['protection.protect', 'AccessDenied', 'Le classeur ou la feuille est protégé : ôtez la protection (onglet Révision), puis recommencez.'],
    ] as const) {
      const c = nouveauClasseur();
      const ctx = new ContexteMemoire(c, { echec: (op) => (op === operation ? code : undefined) });
      const e = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v), classeurEnBase64).catch((x: unknown) => x);
      expect((e as Error).message).toBe(`Insertion de « ${m.titre} » annulée : ${attendu}`);
      expect([operation, ctx.syncs]).toEqual([operation, 3]);
      expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1']);
      expect(c.noms.size).toBe(0);
    }
  });

  test('un nom d\u2019élève en forme de formule reste du texte ; la feuille Détail du classeur de classe (suite de lignes) est écrite', async () => {
    const c = nouveauClasseur();
    const ctx = new ContexteMemoire(c);
    const m = classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp'] }, 'classe').classeur;
    await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v));
    const parFichier = new ContexteMemoire(nouveauClasseur());
    await insererClasseur(parFichier as unknown as Excel.RequestContext, m, (v) => parFichier.prend(v), classeurEnBase64);
    for (const x of [c, parFichier.classeur]) {
      // the « Sommaire » links are formulas of ours; the name's own link never is one
      const formules = x.feuilles.flatMap((f) => [...f.cellules.values()].filter((y) => y.formule?.includes('http')));
      expect(formules).toEqual([]);
      const textes = x.feuilles.flatMap((f) => [...f.cellules.values()].filter((y) => typeof y.valeur === 'string' && y.valeur.includes('=HYPERLINK')));
      expect(textes.length).toBeGreaterThan(0);
    }
    const releve = releveVide('dupont.xlsx');
    const eleve = { nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' };
    preuvesPfmp(releve, eleve, [1, 3, 4], (k) => `${'EFG'[k]}8`);
    const classe = consoliderClasse([releve], r, 'recente');
    const modele = classeurClasse(r, classe, { date: DATE });
    const parPlages = new ContexteMemoire(nouveauClasseur());
    await insererClasseur(parPlages as unknown as Excel.RequestContext, modele, (v) => parPlages.prend(v));
    expect(parPlages.syncs).toBe(2);
    verifierRendu(modele, parPlages.classeur, true);
    const ctx2 = new ContexteMemoire(nouveauClasseur());
    await insererClasseur(ctx2 as unknown as Excel.RequestContext, modele, (v) => ctx2.prend(v), classeurEnBase64);
    expect(ctx2.syncs).toBe(2);
    verifierRendu(modele, ctx2.classeur, 'fichier');
    const detail = ctx2.classeur.feuille('Détail')!;
    expect([...detail.cellules.values()].filter((x) => x.valeur === 'PFMP').length).toBe(3);
    // the charts read the right cells: degree counts under their headers by compétence code; the chosen student's levels on a 0–4 axis
    const valeur = (feuille: string, a: string) => ctx2.classeur.feuille(feuille)!.cellules.get(a)?.valeur;
    const [couverture] = ctx2.classeur.feuille('Couverture')!.graphiques;
    expect(couverture).toMatchObject({ type: 'BarStacked', seriesBy: 'Columns', proprietes: { 'axes.categoryAxis.reversePlotOrder': true, 'legend.position': 'Bottom' } });
    const [haut, bas] = couverture!.source.split(':').map((a) => zone(a)!);
    expect([haut, bas].map((z) => valeur('Couverture', adresse(z!.haut, z!.gauche)))).toEqual(['Degré 1', 0]);
    expect(valeur('Couverture', adresse(zone(couverture!.categories!)!.haut, 2))).toBe('1.1.1');
    expect(bas!.haut - haut!.haut).toBe(37);
    const [profil] = ctx2.classeur.feuille('Profil')!.graphiques;
    expect(profil).toMatchObject({ type: 'ColumnClustered', proprietes: { 'axes.valueAxis.minimum': 0, 'axes.valueAxis.maximum': 4 } });
    expect(valeur('Profil', profil!.source.split(':')[0]!)).toBe('Niveau agrégé');
    expect(ctx2.classeur.feuille('Profil')!.validations[0]).toMatchObject({ plage: 'B4' });
    expect(ctx2.classeur.cibleDuNom('Classe_ListeEleves')).toMatchObject({ feuille: 'Synthèse' });
    expect(valeur('Profil', 'B4')).toBe('DUPONT Jean (Tle A)');
  });

  test('feuille déjà présente : refus en français après une seule synchronisation, rien d\u2019écrit', async () => {
    const c = nouveauClasseur();
    const m = classeurGrilles(r, eleves(1), { ...OPTIONS, types: ['pfmp'] }, 'eleve').classeur;
    c.ajouterFeuille(m.feuilles[1]!.nom);
    const ctx = new ContexteMemoire(c);
    const e = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurExcel);
    expect((e as Error).message).toBe(
      `Insertion de « ${m.titre} » : la feuille « ${m.feuilles[1]!.nom} » existe déjà dans ce classeur. Renommez-la ou insérez dans un autre classeur ; rien n'a été modifié.`,
    );
    expect(ctx.syncs).toBe(1);
    expect(ctx.journal).toEqual(['worksheets.load ', 'names.load ']);
  });

  test('Excel refuse une écriture au milieu : tout ce qui était inséré est retiré (3 synchronisations), message en français', async () => {
    const m = classeurGrilles(r, eleves(2), { ...OPTIONS, types: ['pfmp', 'e31'] }, 'classe').classeur;
    for (const [operation, code, attendu] of [
      ['conditionalFormats.add', 'AccessDenied', 'Le classeur ou la feuille est protégé : ôtez la protection (onglet Révision), puis recommencez.'],
      ['names.add', 'GeneralException', "Excel a refusé l'opération (GeneralException)."],
      ['worksheet.visibility', 'InvalidOperationInCellEditMode', 'Excel est en train de modifier une cellule : appuyez sur Entrée ou Échap, puis recommencez.'],
    ] as const) {
      const c = nouveauClasseur();
      let fois = 0;
      // fails the second time the operation runs: some sheets are already written then
      const ctx = new ContexteMemoire(c, { echec: (op) => (op === operation && ++fois === 2 ? code : undefined) });
      const e = await insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v)).catch((x: unknown) => x);
      expect((e as Error).message).toBe(`Insertion de « ${m.titre} » annulée : ${attendu}`);
      expect(ctx.syncs).toBe(3);
      expect(ctx.journal.some((j) => j.startsWith('worksheets.add'))).toBe(true);
      expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1']);
      expect(c.noms.size).toBe(0);
    }
  });

  test('Excel en mode édition dès la lecture : message en français, une synchronisation', async () => {
    const ctx = new ContexteMemoire(nouveauClasseur(), { echec: (op) => (op === 'worksheets.load' ? 'InvalidOperationInCellEditMode' : undefined) });
    const m = classeurGrilles(r, eleves(1), { ...OPTIONS, types: ['attestation'] }, 'eleve').classeur;
    await expect(insererClasseur(ctx as unknown as Excel.RequestContext, m, (v) => ctx.prend(v))).rejects.toThrow(
      `Insertion de « ${m.titre} » : Excel est en train de modifier une cellule : appuyez sur Entrée ou Échap, puis recommencez.`,
    );
    expect(ctx.syncs).toBe(1);
  });
});

describe('grilles ajoutées à celles du classeur ouvert', () => {
  const excel = (ctx: ContexteMemoire) => ctx as unknown as Excel.RequestContext;
  const lire = async (c: ClasseurMemoire) => {
    const ctx = new ContexteMemoire(c);
    return (await lireClasseurOuvert(excel(ctx), {}, (v) => ctx.prend(v))).classeur;
  };
  const lignesAgora = async (c: ClasseurMemoire) => entreesLues((await lire(c)).lignesAgora).map((e) => [e.ancre, e.modele, e.nom, e.prenom, e.classe, e.prefixe, e.feuille_initiale]);
  /** Two students' PFMP grids inserted by file, then the teacher's own établissement typed in « Paramètres ». */
  async function classeurDeDeux(): Promise<ClasseurMemoire> {
    const c = nouveauClasseur();
    const ctx = new ContexteMemoire(c);
    const deux = [
      { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' },
      { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' },
    ];
    await insererClasseur(
      excel(ctx),
      (o) => grillesPourLeClasseur(r, deux, { ...OPTIONS, types: ['pfmp'] }, o).classeur,
      (v) => ctx.prend(v),
      classeurEnBase64,
    );
    await ecrireValeursNommees(excel(new ContexteMemoire(c)), new Map([['Etablissement', [['Lycée Jean Moulin']]]]), 'Paramètres');
    return c;
  }

  test('E31 pour une élève déjà là (écrite autrement) et un nouvel élève : « Paramètres » gardé, préfixes suivis, _agora complété, la consolidation voit trois élèves ; 2 synchronisations', async () => {
    const c = await classeurDeDeux();
    const avant = await lignesAgora(c);
    expect(avant.map((l) => l[5])).toEqual(['', 'Eleve01_', 'Eleve01_', 'Eleve01_', 'Eleve02_', 'Eleve02_', 'Eleve02_']);
    const ctx = new ContexteMemoire(c, { api: '1.13' });
    let ajout: ReturnType<typeof grillesPourLeClasseur> | undefined;
    const res = await insererClasseur(
      excel(ctx),
      (o) =>
        (ajout = grillesPourLeClasseur(
          r,
          [
            { nom: 'martin', prenom: 'LEA', classe: 'TLE A' },
            { nom: 'NOUVEAU', prenom: 'Paul', classe: 'Tle A' },
          ],
          { ...OPTIONS, etablissement: 'Autre lycée', types: ['e31'] },
          o,
        )).classeur,
      (v) => ctx.prend(v),
      classeurEnBase64,
    );
    expect(ctx.syncs).toBe(2);
    expect(ajout!.ajout).toBe(true);
    expect(res.feuilles).toEqual(['E31 MARTIN LEA', 'E31 NOUVEAU Paul']);
    // as a file, though the new grids refer to the workbook's « Paramètres » names, which the file has not
    expect(ctx.journal.filter((j) => j.startsWith('workbook.insertWorksheetsFromBase64'))).toEqual([expect.stringMatching(/^workbook.insertWorksheetsFromBase64 \d+ Ko$/)]);
    // the cell formulas that name them written after the file, in the same request, one command per run of cells
    const apres = ctx.journal.filter((j) => j.startsWith('range.formulas'));
    expect(apres.length).toBeGreaterThan(10);
    expect(apres.every((j) => /^range.formulas E31 (MARTIN LEA|NOUVEAU Paul)!/.test(j))).toBe(true);
    verifierRendu(ajout!.classeur, c, 'fichier', true);
    sansLienAuFichier(c);
    expect(c.feuilles.map((f) => f.nom)).toEqual([
      'Feuil1',
      'Sommaire',
      'Paramètres',
      'PFMP1 DUPONT Jean',
      'PFMP2 DUPONT Jean',
      'PFMP3 DUPONT Jean',
      'PFMP1 MARTIN Léa',
      'PFMP2 MARTIN Léa',
      'PFMP3 MARTIN Léa',
      '_agora',
      'E31 MARTIN LEA',
      'E31 NOUVEAU Paul',
    ]);
    expect(c.noms.get('ETABLISSEMENT')!.reference).toBe("='Paramètres'!$B$5");
    expect(c.feuille('Paramètres')!.cellules.get('B5')!.valeur).toBe('Lycée Jean Moulin'); // the teacher's, not the pane's field
    expect(c.noms.get('ELEVE02_E31_NOTE')).toBeDefined();
    expect(c.noms.get('ELEVE03_E31_NOTE')).toBeDefined();
    expect(c.feuille('_agora')!.visibilite).toBe('VeryHidden');
    expect(await lignesAgora(c)).toEqual([
      ...avant,
      ['Eleve02_E31_Feuille', 'grille-ccf-e31', 'martin', 'LEA', 'TLE A', 'Eleve02_', 'E31 MARTIN LEA'],
      ['Eleve03_E31_Feuille', 'grille-ccf-e31', 'NOUVEAU', 'Paul', 'Tle A', 'Eleve03_', 'E31 NOUVEAU Paul'],
    ]);
    const lu = await lire(c);
    const classe = await consoliderLectures([{ nom: 'classe.xlsx', ouvrir: async () => lu }], 'recente');
    expect(classe.eleves.map((e) => `${e.nom} ${e.prenom}`).sort()).toEqual(['DUPONT Jean', 'MARTIN Léa', 'NOUVEAU Paul']);
    expect(classe.anomalies).toEqual([]);
  });

  test('une grille redemandée, un classeur d\u2019exercice : refus en français après une synchronisation, rien d\u2019écrit', async () => {
    const c = await classeurDeDeux();
    const ctx = new ContexteMemoire(c);
    const dupont = { nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' };
    await expect(
      insererClasseur(
        excel(ctx),
        (o) => grillesPourLeClasseur(r, [dupont, { nom: 'NOUVEAU', prenom: 'Paul', classe: 'Tle A' }], { ...OPTIONS, types: ['pfmp'] }, o).classeur,
        (v) => ctx.prend(v),
      ),
    ).rejects.toThrow(
      new RangeError(
        "Ce classeur a déjà les grilles « PFMP1 DUPONT Jean », « PFMP2 DUPONT Jean » et « PFMP3 DUPONT Jean » : décochez ces grilles ou retirez ces élèves de la liste ; rien n'a été modifié.",
      ),
    );
    expect([ctx.syncs, ctx.journal.filter((j) => !j.endsWith('.load ') && !j.startsWith('range.load'))]).toEqual([1, []]);
    expect(c.feuilles.length).toBe(10);

    const exercice = nouveauClasseur();
    const cx = new ContexteMemoire(exercice);
    await insererClasseur(excel(cx), (await modeleDExercice({ type: 'tva', graine: 3, periode: '2026-10', date: DATE }, dupont)).classeur, (v) => cx.prend(v));
    const cy = new ContexteMemoire(exercice);
    await expect(
      insererClasseur(
        excel(cy),
        (o) => grillesPourLeClasseur(r, [dupont], { ...OPTIONS, types: ['pfmp'] }, o).classeur,
        (v) => cy.prend(v),
      ),
    ).rejects.toThrow('Ce classeur contient déjà des feuilles AGOrA qui ne sont pas des grilles (un exercice ou une classe consolidée) : insérez les grilles dans un classeur vide.');
    expect(cy.syncs).toBe(1);
  });

  test('un classeur d\u2019un seul élève : sa grille E31 garde ses noms sans préfixe, un nouvel élève prend « Eleve01_ » ; un refus d\u2019Excel retire aussi les lignes ajoutées à _agora', async () => {
    const c = nouveauClasseur();
    const seul = { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' };
    const ctx = new ContexteMemoire(c);
    await insererClasseur(
      excel(ctx),
      (o) => grillesPourLeClasseur(r, [seul], { ...OPTIONS, types: ['pfmp'] }, o).classeur,
      (v) => ctx.prend(v),
    );
    const avant = await lignesAgora(c);
    const noms = c.noms.size;
    // Excel refuses the second names.add: everything of the addition goes, _agora as it was
    let fois = 0;
    const refus = new ContexteMemoire(c, { echec: (op) => (op === 'names.add' && ++fois === 2 ? 'GeneralException' : undefined) });
    const ajout = (x: ContexteMemoire) =>
      insererClasseur(
        excel(x),
        (o) => grillesPourLeClasseur(r, [seul, { nom: 'NOUVEAU', prenom: 'Paul', classe: 'Tle A' }], { ...OPTIONS, types: ['e31'] }, o).classeur,
        (v) => x.prend(v),
      );
    await expect(ajout(refus)).rejects.toThrow("Insertion de « Grilles AGOrA — ajout pour 2 élèves » annulée : Excel a refusé l'opération (GeneralException).");
    expect(refus.syncs).toBe(3);
    expect(c.feuilles.map((f) => f.nom)).toEqual(['Feuil1', 'Paramètres', 'PFMP pôle 1', 'PFMP pôle 2', 'PFMP pôle 3', '_agora']);
    expect([await lignesAgora(c), c.noms.size]).toEqual([avant, noms]);

    const ctx2 = new ContexteMemoire(c);
    expect((await ajout(ctx2)).feuilles).toEqual(['CCF E31', 'E31 NOUVEAU Paul']);
    expect(ctx2.syncs).toBe(2);
    expect(c.noms.get('E31_NOTE')!.reference).toBe("='CCF E31'!$D$25");
    expect(c.noms.get('ELEVE01_E31_NOTE')!.reference).toBe("='E31 NOUVEAU Paul'!$D$25");
    expect((await lignesAgora(c)).slice(-2).map((l) => l[5])).toEqual(['', 'Eleve01_']);
  });
});

describe('une classe trop lourde pour une requête d\u2019Excel sur le web : insérée en plusieurs fois', () => {
  const liste = (): Eleve[] =>
    Array.from({ length: 12 }, (_, i) => (i === 9 || i === 10 ? { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' } : { nom: `NOUVEAU${i + 1}`, prenom: 'Paul', classe: 'Tle A' }));
  /** An in-memory Excel whose every round trip is counted, one context per `executer` as in the pane. */
  function hote(c: ClasseurMemoire, chargeMaximale?: number, echec?: (n: number, op: string) => string | undefined, api = '1.13') {
    const contextes: ContexteMemoire[] = [];
    const h: Hote = {
      ...(chargeMaximale ? { chargeMaximale } : {}),
      executer(f) {
        const n = contextes.length;
        const ctx = new ContexteMemoire(c, { api, echec: (op) => echec?.(n, op) });
        contextes.push(ctx);
        return f(ctx as unknown as Excel.RequestContext, (v) => ctx.prend(v));
      },
    };
    return { h, contextes };
  }
  const grilles = (h: Hote, n: number, suivi?: Suivi) => (lot: readonly Eleve[]) => inserer(h, (o) => grillesPourLeClasseur(r, lot, { ...OPTIONS, types: ['pfmp', 'e31'] }, o, n > 1).classeur, suivi);
  async function classeurDeDepart(): Promise<ClasseurMemoire> {
    const c = nouveauClasseur();
    const ctx = new ContexteMemoire(c);
    await insererClasseur(
      ctx as unknown as Excel.RequestContext,
      (o) => grillesPourLeClasseur(r, eleves(2), { ...OPTIONS, types: ['pfmp'] }, o).classeur,
      (v) => ctx.prend(v),
      classeurEnBase64,
    );
    return c;
  }
  const etat = (c: ClasseurMemoire) => ({
    feuilles: c.feuilles.map((f) => f.nom),
    noms: [...c.noms.values()].map((n) => `${n.nom} ${n.reference}`).sort(),
    agora: [...c.feuille('_agora')!.cellules].map(([a, x]) => `${a} ${String(x.valeur)}`).sort(),
  });

  test('12 élèves ajoutés (PFMP et E31) par plages (Excel sans ExcelApi 1.13) sous la limite de 4,5 Mo : deux insertions complètes, les homonymes ensemble, le même classeur qu\u2019en une fois', async () => {
    const seul = await classeurDeDepart();
    const enUneFois = hote(seul, undefined, undefined, '1.12');
    const une = await insererParLots(liste(), cleEleve, grilles(enUneFois.h, 12));
    expect([une.lots, enUneFois.contextes.map((x) => x.syncs)]).toEqual([1, [2]]);

    const c = await classeurDeDepart();
    const web = hote(c, CHARGE_EXCEL_WEB, undefined, '1.12');
    const faits: number[] = [];
    const res = await insererParLots(liste(), cleEleve, grilles(web.h, 12), (n) => faits.push(n));
    // the whole list refused after reading (1), then two lots of 2 round trips each
    expect(web.contextes.map((x) => x.syncs)).toEqual([1, 2, 2]);
    expect(res.lots).toBe(2);
    // 10 fit by the estimate, but the 10th is the first « DUPONT Jean », whose homonym would make 11:
    // the first lot stops before them, and they go together in the second
    expect(faits).toEqual([9, 12]);
    expect(res.feuilles).toEqual(une.feuilles);
    expect(res.feuilles.length).toBe(12 * 4);
    expect(etat(c)).toEqual(etat(seul));
    const ecrits = web.contextes.slice(1).map((x) => x.journal.filter((j) => j.startsWith('worksheets.add')).length);
    expect(ecrits).toEqual([9 * 4, 3 * 4]);
  });

  test('par fichiers (ExcelApi 1.13) sous une limite basse : chaque lot un fichier, ajouts compris, en un aller-retour chacun sans relire le classeur ; le même classeur qu\u2019en une fois', async () => {
    const seul = await classeurDeDepart();
    await insererParLots(liste(), cleEleve, grilles(hote(seul).h, 12));

    const c = await classeurDeDepart();
    const web = hote(c, 120_000);
    const suivi: Suivi = {};
    const faits: number[] = [];
    const parFichier = (lot: readonly Eleve[]) => inserer(web.h, (o) => grillesPourLeClasseur(r, lot, { ...OPTIONS, types: ['pfmp', 'e31'] }, o, true).classeur, suivi);
    const res = await insererParLots(liste(), cleEleve, parFichier, (n) => faits.push(n));
    expect(res.lots).toBeGreaterThan(2);
    expect(faits[faits.length - 1]).toBe(12);
    // one read, for the whole list (refused, too heavy), then one round trip per lot, each a file
    expect(web.contextes.map((x) => x.syncs)).toEqual([1, ...Array.from({ length: web.contextes.length - 1 }, () => expect.any(Number))]);
    expect(web.contextes.reduce((n, x) => n + x.syncs, 0)).toBe(1 + res.lots);
    expect(web.contextes.flatMap((x) => x.journal.filter((j) => j.startsWith('workbook.insertWorksheetsFromBase64'))).length).toBe(res.lots);
    expect(web.contextes.flatMap((x) => x.journal.filter((j) => j.startsWith('worksheets.add')))).toEqual([]);
    expect(etat(c)).toEqual(etat(seul));
    sansLienAuFichier(c);
    // what the lots kept of the workbook is what reading it gives
    const lecture = new ContexteMemoire(c);
    const agora = chargerAgora(lecture.workbook as unknown as Excel.Workbook);
    await lecture.sync();
    expect(suivi.connu).toEqual({ feuilles: c.feuilles.map((f) => f.nom), noms: [...c.noms.values()].map((n) => n.nom), agora: agoraLu(agora) });
  });

  test('des homonymes trop lourds même seuls : refus en français, sans boucler (les lots raccourcissent toujours)', async () => {
    const appels: number[] = [];
    // every lot of more than one student is too heavy: the two « DUPONT Jean », kept together, can never go
    const inserer = async (lot: readonly Eleve[]) => {
      appels.push(lot.length);
      if (lot.length > 1) throw new ChargeTropLourde('Insertion', lot.length * 3_000_000, 4_500_000);
      return { feuilles: [lot[0]!.nom], avertissements: [] };
    };
    const liste = [
      { nom: 'DUPONT', prenom: 'Jean', classe: 'A' },
      { nom: 'MARTIN', prenom: 'Léa', classe: 'A' },
      { nom: 'DUPONT', prenom: 'Jean', classe: 'A' },
    ];
    const e = await insererParLots(liste, cleEleve, inserer).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChargeTropLourde);
    expect(appels).toEqual([3, 2]); // the whole list, then « DUPONT » with its homonym: refused, not retried
  });

  test('Excel refuse le deuxième lot : le premier reste entier, le deuxième est retiré, les élèves restants sont rendus', async () => {
    const c = await classeurDeDepart();
    const avant = c.feuilles.length;
    const web = hote(c, CHARGE_EXCEL_WEB, (n, op) => (n === 2 && op === 'names.add' ? 'AccessDenied' : undefined), '1.12');
    const suivi: Suivi = {};
    const e = await insererParLots(liste(), cleEleve, grilles(web.h, 12, suivi)).catch((x: unknown) => x);
    expect(suivi.connu).toBeUndefined(); // what the workbook holds after a failure is read again next time
    expect(e).toBeInstanceOf(InsertionInterrompue);
    const i = e as InsertionInterrompue<Eleve>;
    expect([i.faits, i.restants.map((x) => x.nom)]).toEqual([9, ['DUPONT', 'DUPONT', 'NOUVEAU12']]);
    expect(i.message).toBe('Insertion de « Grilles AGOrA — ajout pour 3 élèves » annulée : Le classeur ou la feuille est protégé : ôtez la protection (onglet Révision), puis recommencez.');
    expect(c.feuilles.length).toBe(avant + 9 * 4);
    expect(c.feuilles.some((f) => f.nom.includes('DUPONT') || f.nom.includes('NOUVEAU12'))).toBe(false);
    expect(c.feuilles.filter((f) => f.nom.includes('NOUVEAU9 ')).length).toBe(4);
  });
});
