import { couvertureDe, TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { ajouterMois, aujourdhui } from '../src/domain/dates';
import { EXERCICES } from '../src/exercices/registre';
import { ecrireExercice, ouvrirExercice, verifierCopie } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { dossierTemporaire, lancer } from './aides/cli';
import { cleDesTests } from './aides/cle';

/**
 * The calendar moves on: every exercise is created, answered from its own corrigé and checked at
 * 100 % for its table's first month, this month and the months a year and two years ahead. Past a
 * table's last known values the case is made with them, reconducted, and the énoncé says so.
 */
const ceMois = aujourdhui().slice(0, 7);
const d = dossierTemporaire('agora-calendrier-');

describe.each(EXERCICES.map((p) => [p.type, p] as const))('%s au fil du calendrier', (type, p) => {
  const c = p.couverture && couvertureDe(p.couverture.table, TABLES_OFFICIELLES);
  const mois = [...(c ? [c.du] : []), ceMois, ajouterMois(ceMois, 12), ajouterMois(ceMois, 24)];
  test.each(mois)('%s : créé, vérifié à 100 % ; reconduction dite après la table', async (m) => {
    const f = path.join(d, `${type}-${m}.xlsx`);
    const r = await ecrireExercice({ type, graine: 5, periode: m, date: `${m}-15`, cle: cleDesTests() }, { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' }, f);
    const x = await ouvrirExercice(f);
    const reconduit = c !== undefined && (p.couverture!.mois as (e: unknown) => string)(x.entree) > c.au;
    expect(r.avertissements.length).toBe(reconduit ? 1 : 0);
    if (reconduit) expect(r.avertissements[0]).toMatch(/^Valeurs (du|des|de la) .+ connues jusqu’en [a-zéû]+ \d{4} : pour [a-zéû]+ \d{4}, les dernières sont reconduites \(source : .+\)\./);
    const copie = path.join(d, `copie-${type}-${m}.xlsx`);
    writeFileSync(copie, await remplirClasseur(f, attendusDesReponses(x)));
    const v = await verifierCopie(copie, { date: `${m}-20`, cle: cleDesTests() });
    expect([v.rapport.total.taux, v.rapport.controles.filter((c) => c.statut !== 'juste').map((c) => c.nom)]).toEqual([1, []]);
  });
});

test('aujourd’hui, sans --periode, les onze exercices se créent en ligne de commande', async () => {
  for (const p of EXERCICES) {
    const r = await lancer(['exercice', p.type, '--eleve', 'MARTIN Léa', '--out', path.join(d, `sans-mois-${p.type}.xlsx`), '--cle', process.env.AGORA_CLE!]);
    expect([p.type, r.code]).toEqual([p.type, 0]);
  }
});
