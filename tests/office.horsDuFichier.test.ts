import { referentiel } from '../src/referentiel';
import { modelePourFichier, references } from '../src/io/office/horsDuFichier';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { TYPES_GRILLE } from '../src/sheets/grilles/gabarit';
import { PARAMETRES } from '../src/sheets/grilles/commun';
import { grillesPourLeClasseur } from '../src/app/grillesDuClasseur';
import { zone, adresse } from '../src/io/memory/classeurMemoire';
import type { Classeur, Valeur } from '../src/sheets/model';

const r = referentiel();
const OPTIONS = { etablissement: 'LP de test', annee: '2026-2027', date: '2026-12-01', types: [...TYPES_GRILLE] };
const eleves = (n: number, debut = 0) => Array.from({ length: n }, (_, i) => ({ nom: `NOM${debut + i + 1}`, prenom: 'Léa', classe: 'Tle A' }));

describe('références d\u2019une formule : noms définis et feuilles', () => {
  const lues = (f: string) => references(f).map((x) => `${x.feuille ? 'feuille' : 'nom'} ${x.nom} ${f.slice(x.debut, x.fin)}`);
  test.each([
    ['"Établissement : "&Etablissement', ['nom Etablissement Etablissement']],
    ['MATCH(B5,Echelle_PFMP_Codes,0)=1', ['nom Echelle_PFMP_Codes Echelle_PFMP_Codes']],
    ['IF(\'Attestation NOM1 Léa\'!B9="","",\'Attestation NOM1 Léa\'!$B$9)', ["feuille Attestation NOM1 Léa 'Attestation NOM1 Léa'", "feuille Attestation NOM1 Léa 'Attestation NOM1 Léa'"]],
    ["'l''an'!A1+Synthese!Note", ["feuille l'an 'l''an'", 'feuille Synthese Synthese']],
    ['SUM($A$1:B2)+SUM(A:A)+SUM($1:$3)+SUM(XFD1)', []],
    ['"Eleve01_E31_NOTE ""cité"""&TRUE&FALSE', []],
    ['1.5E+3*Note_Max+Eleve01_E31_NOTE', ['nom Note_Max Note_Max', 'nom Eleve01_E31_NOTE Eleve01_E31_NOTE']],
    ['INDIRECT("Note_Max")', []],
  ])('%s', (formule, attendu) => expect(lues(formule)).toEqual(attendu));
});

/** The model back from what goes as a file and what is written after it: each run of formulas put in its cells. */
function recompose(p: NonNullable<ReturnType<typeof modelePourFichier>>): Map<string, Valeur> {
  const cellules = new Map<string, Valeur>();
  for (const f of p.fichier.feuilles) f.lignes.forEach((l, i) => l.cellules.forEach((x, j) => x && cellules.set(`${f.nom}!${adresse(i + 1, j + 1)}`, x.valeur)));
  for (const bloc of p.formules) {
    const z = zone(bloc.adresse)!;
    expect([bloc.formules.length, ...bloc.formules.map((l) => l.length)]).toEqual([z.bas - z.haut + 1, ...bloc.formules.map(() => z.droite - z.gauche + 1)]);
    bloc.formules.forEach((l, i) =>
      l.forEach((formule, k) => {
        const a = `${bloc.feuille}!${adresse(z.haut + i, z.gauche + k)}`;
        expect([a, cellules.get(a)]).toEqual([a, null]); // left empty in the file
        cellules.set(a, { formule: formule.slice(1) });
      }),
    );
  }
  return cellules;
}
const cellulesDu = (c: Classeur) => {
  const m = new Map<string, Valeur>();
  for (const f of c.feuilles) f.lignes.forEach((l, i) => l.cellules.forEach((x, j) => x && m.set(`${f.nom}!${adresse(i + 1, j + 1)}`, x.valeur)));
  return m;
};

describe('un modèle inséré par fichier : ce qui renvoie hors du fichier', () => {
  test('un classeur de grilles entier : tout est dans le fichier, le modèle tel quel', () => {
    const c = classeurGrilles(r, eleves(2), OPTIONS, 'classe').classeur;
    const p = modelePourFichier(c)!;
    expect(p.fichier).toBe(c);
    expect(p.formules).toEqual([]);
  });

  test('des grilles ajoutées : les formules qui nomment « Paramètres » écrites après, listes et mises en forme par INDIRECT, le reste intact', () => {
    const premier = classeurGrilles(r, eleves(2), OPTIONS, 'classe');
    const ouvert = {
      feuilles: premier.classeur.feuilles.map((f) => f.nom),
      agora: premier.classeur.feuilles.find((f) => f.nom === '_agora')!.lignes.map((l) => l.cellules.map((x) => (x?.valeur ?? null) as string | null)),
    };
    const c = grillesPourLeClasseur(r, eleves(2, 2), OPTIONS, ouvert).classeur;
    expect(c.ajoutAgora?.length).toBeGreaterThan(0);
    const p = modelePourFichier(c)!;
    const parametres = Object.values(PARAMETRES) as string[];

    // nothing left in the file names a « Paramètres » name but through INDIRECT
    const nommeParametres = (f: string) => references(f).some((x) => !x.feuille && parametres.includes(x.nom));
    for (const f of p.fichier.feuilles) {
      for (const l of f.lignes)
        for (const x of l.cellules) if (x?.valeur && typeof x.valeur === 'object' && 'formule' in x.valeur) expect([f.nom, nommeParametres(x.valeur.formule)]).toEqual([f.nom, false]);
      for (const m of f.misesEnForme ?? []) expect([f.nom, nommeParametres(m.formule)]).toEqual([f.nom, false]);
      for (const v of f.validations ?? []) expect([f.nom, 'liste' in v && 'nom' in v.liste && parametres.includes(v.liste.nom)]).toEqual([f.nom, false]);
    }
    // each student's sheets: the same in the file and after, once the formulas are in their cells
    expect(recompose(p)).toEqual(cellulesDu(c));
    const moitie = p.formules.flatMap((x) => x.formules.flat());
    expect(moitie.length).toBeGreaterThan(100);
    expect(moitie.every(nommeParametres)).toBe(true);
    // the same rules, a name of « Paramètres » read through INDIRECT
    const avant = c.feuilles.flatMap((f) => (f.misesEnForme ?? []).map((m) => m.formule));
    const apres = p.fichier.feuilles.flatMap((f) => (f.misesEnForme ?? []).map((m) => m.formule.replace(/INDIRECT\("(\w+)"\)/g, '$1')));
    expect(apres).toEqual(avant);
    expect(p.fichier.feuilles.flatMap((f) => f.misesEnForme ?? []).filter((m) => m.formule.includes('INDIRECT("Echelle_')).length).toBeGreaterThan(50);
    const listes = p.fichier.feuilles.flatMap((f) => (f.validations ?? []).flatMap((v) => ('liste' in v && 'formule' in v.liste ? [v.liste.formule] : [])));
    expect(new Set(listes)).toEqual(new Set(['INDIRECT("Echelle_PFMP_Codes")', 'INDIRECT("Echelle_CCF_Codes")']));
    // the model itself is untouched
    expect(c.feuilles.flatMap((f) => f.misesEnForme ?? []).some((m) => m.formule.includes('INDIRECT'))).toBe(false);
  });

  test('un nom défini sur une feuille hors du modèle, une mise en forme qui renvoie à une autre feuille : pas de fichier', () => {
    const base = classeurGrilles(r, eleves(1), { ...OPTIONS, types: ['e31'] }, 'eleve').classeur;
    expect(modelePourFichier({ ...base, noms: [...(base.noms ?? []), { nom: 'Ailleurs', feuille: 'Autre', plage: 'A1' }] })).toBeNull();
    const f = base.feuilles[1]!;
    const autre = { ...f, misesEnForme: [{ plage: 'A1', formule: "'Autre feuille'!A1>0", fond: 'FFFFFF' }] };
    expect(modelePourFichier({ ...base, feuilles: base.feuilles.map((x) => (x === f ? autre : x)) })).toBeNull();
  });
});
