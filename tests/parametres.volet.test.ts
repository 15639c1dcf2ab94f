import { referentiel } from '../src/referentiel';
import { classeurGrilles } from '../src/sheets/grilles/classeurGrilles';
import { gabaritGrilles } from '../src/sheets/grilles/gabarit';
import { ecrituresParametres, parametresDuClasseur, type SaisieParametres } from '../src/app/parametresGrilles';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ecrireValeursNommees } from '../src/io/office/ecrireNoms';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';

const excel = (ctx: ContexteMemoire) => ctx as unknown as Excel.RequestContext;

async function classeurAvecGrilles(): Promise<ClasseurMemoire> {
  const c = ClasseurMemoire.nouveau();
  const m = classeurGrilles(
    referentiel(),
    [{ nom: 'Dupont', prenom: 'Jean', classe: 'Tle A' }],
    { types: ['pfmp', 'e31'], etablissement: 'LP de test', annee: '2026-2027', date: '2026-11-23' },
    'eleve',
  ).classeur;
  const ctx = new ContexteMemoire(c);
  await insererClasseur(excel(ctx), m, (v) => ctx.prend(v));
  return c;
}

const lire = async (c: ClasseurMemoire) => {
  const ctx = new ContexteMemoire(c);
  return parametresDuClasseur((await lireClasseurOuvert(excel(ctx), {}, (v) => ctx.prend(v))).classeur);
};

test('paramètres du classeur ouvert : lus tels que le modèle les écrit, modifiés en une synchronisation, relus', async () => {
  const c = await classeurAvecGrilles();
  const p = (await lire(c))!;
  const g = gabaritGrilles();
  expect(p).toMatchObject({ etablissement: 'LP de test', annee: '2026-2027', pas: g.note.pas, noteMax: g.note.maximum });
  expect(p.ccf).toEqual(g.echelles.ccf.niveaux.map((n) => ({ code: String(n.code), libelle: n.libelle, valeur: n.valeur })));
  expect(p.pfmp.map((n) => n.code)).toEqual(['1', '2', '3', '4', 'NE']);

  const saisie: SaisieParametres = { etablissement: '  Lycée Jean Moulin ', annee: '2027-2028', pas: '0,25', ccf: ['0,1', '0,4', '0,7', '1', ''], pfmp: ['0', '0,3', '0,6', '1', ''] };
  const ctx = new ContexteMemoire(c);
  await ecrireValeursNommees(excel(ctx), ecrituresParametres(saisie, p), 'Enregistrement des paramètres');
  expect(ctx.syncs).toBe(1);
  const relu = (await lire(c))!;
  expect(relu).toMatchObject({ etablissement: 'Lycée Jean Moulin', annee: '2027-2028', pas: 0.25 });
  expect(relu.ccf.map((n) => n.valeur)).toEqual([0.1, 0.4, 0.7, 1, null]);
  expect(relu.pfmp.map((n) => n.valeur)).toEqual([0, 0.3, 0.6, 1, null]);
});

test('paramètres : chaque saisie invalide est refusée en nommant le champ ; un classeur sans grilles n\u2019en a pas', async () => {
  const c = await classeurAvecGrilles();
  const p = (await lire(c))!;
  const bonne: SaisieParametres = { etablissement: 'LP', annee: '2026-2027', pas: '0,5', ccf: ['0', '0,33', '0,67', '1', ''], pfmp: ['0', '0,33', '0,67', '1', ''] };
  expect(() => ecrituresParametres({ ...bonne, annee: '2026-2028' }, p)).toThrow('Année scolaire « 2026-2028 » : écrivez-la AAAA-AAAA, deux années qui se suivent (par exemple 2026-2027).');
  expect(() => ecrituresParametres({ ...bonne, pas: '-1' }, p)).toThrow("Pas d'arrondi « -1 » : un nombre de points entre 0 et 20 (0,5 : au demi-point ; 0 : pas d'arrondi).");
  expect(() => ecrituresParametres({ ...bonne, pfmp: ['0', 'beaucoup', '0,67', '1', ''] }, p)).toThrow(
    "Échelle PFMP, niveau « 2 » (Insuffisamment maîtrisé) : « beaucoup » n'est pas une valeur entre 0 et 1",
  );
  const vide = ClasseurMemoire.nouveau();
  expect(await lire(vide)).toBeUndefined();
});
