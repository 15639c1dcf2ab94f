import { anneeIllisible, lireAnneeScolaire, lireMois, moisIllisible } from '../src/domain/dates';
import { dossierTemporaire, lancer } from './aides/cli';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { ouvrirExercice } from '../src/cli/casDUsage';

describe('mois et année scolaire tels que les enseignants les tapent (volet et ligne de commande)', () => {
  test.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['03/2026', '2026-03'],
    ['3/2026', '2026-03'],
    ['mars 2026', '2026-03'],
    ['Mars 2026', '2026-03'],
    ['  MARS   2026 ', '2026-03'],
    ['février 2027', '2027-02'],
    ['fevrier 2027', '2027-02'],
    ['sept. 2026', '2026-09'],
    ['janv 2027', '2027-01'],
    ['juil 2026', '2026-07'],
    ['mai 2026', '2026-05'],
    ['août 2026', '2026-08'],
  ])('« %s » → %s', (texte, attendu) => {
    expect(lireMois(texte)).toBe(attendu);
  });

  test.each(['13/2026', '2026-00', 'ju 2026', 'marsss 2026', '2026', 'mars', '', '03-26'])('« %s » refusé', (texte) => {
    expect(lireMois(texte)).toBeNull();
  });

  test('le message répète ce qui a été tapé et donne des exemples', () => {
    expect(moisIllisible(' 13/2026 ')).toBe('Mois « 13/2026 » non reconnu : écrivez par exemple « 2026-03 », « 03/2026 » ou « mars 2026 ».');
    expect(anneeIllisible('2026-2028')).toBe('Année scolaire « 2026-2028 » non reconnue : écrivez deux années qui se suivent, par exemple « 2026-2027 ».');
  });

  test.each([
    ['2026-2027', '2026-2027'],
    ['2026/2027', '2026-2027'],
    ['2026 – 2027', '2026-2027'],
    ['2026-27', '2026-2027'],
  ])('année « %s » → %s', (texte, attendu) => {
    expect(lireAnneeScolaire(texte)).toBe(attendu);
  });

  test.each(['2026-2028', '2027-2026', '2026', '26-27', 'deux mille'])('année « %s » refusée', (texte) => {
    expect(lireAnneeScolaire(texte)).toBeNull();
  });

  test('agora exercice --periode « mars 2026 » ; agora grilles --annee 2026-28 refusée en le répétant', async () => {
    const d = dossierTemporaire('agora-saisies-');
    const ok = await lancer(['exercice', 'tva', '--graine', '3', '--periode', 'mars 2026', '--out', path.join(d, 'tva.xlsx'), '--json']);
    expect(ok.code).toBe(0);
    expect(((await ouvrirExercice(path.join(d, 'tva.xlsx'))).entree as { periode: string }).periode).toBe('2026-03');
    const mauvais = await lancer(['exercice', 'tva', '--periode', '13/2026', '--out', path.join(d, 'x.xlsx')]);
    expect([mauvais.code, mauvais.err.trim()]).toEqual([2, `Erreur : --periode : ${moisIllisible('13/2026')}`]);
    const csv = path.join(d, 'eleves.csv');
    writeFileSync(csv, 'nom;prenom\nDupont;Jean\n');
    const annee = await lancer(['grilles', '--classe', csv, '--out', path.join(d, 'g.xlsx'), '--annee', '2026-28']);
    expect([annee.code, annee.err.trim()]).toEqual([2, `Erreur : --annee : ${anneeIllisible('2026-28')}`]);
  });
});
