import { modeleDExercice, exerciceDuClasseur, reconductionDuCas } from '../src/app/modelesExercices';
import { attendusDesReponses, verifierExercice } from '../src/app/verifierExercice';
import { ajouterMois, aujourdhui, lireMois, moisEnLettres } from '../src/domain/dates';
import { couvertureDe, TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { EXERCICES } from '../src/exercices/registre';
import { insererClasseur } from '../src/io/office/insererClasseur';
import { lireClasseurOuvert } from '../src/io/office/lireClasseurOuvert';
import { ClasseurMemoire } from '../src/io/memory/classeurMemoire';
import { ContexteMemoire } from '../src/io/memory/contexteExcel';
import { remplirMemoire } from './aides/remplirMemoire';
import { cleDesTests } from './aides/cle';

/**
 * The calendar sweep: every exercise, for every month from its table's first month (January 2024
 * for an exercise with no dated table) to 24 months after today, typed in the pane's month field
 * (« juin 2028 »), inserted in the open workbook through Office.js as the pane does, answered from
 * its own corrigé and checked at 100 %. Past the table's last known month the case is that month's,
 * its values reconducted and said; the command line's files are tested on a sample of these months
 * (calendrier.test.ts), each month being the same core.
 */
const fin = ajouterMois(aujourdhui().slice(0, 7), 24);
const ELEVE = { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' };

function moisDe(debut: string): string[] {
  const r: string[] = [];
  for (let m = debut; m <= fin; m = ajouterMois(m, 1)) r.push(m);
  return r;
}

describe.each(EXERCICES.map((p) => [p.type, p] as const))('%s, chaque mois', (type, p) => {
  const c = p.couverture && couvertureDe(p.couverture.table, TABLES_OFFICIELLES);
  const mois = moisDe(c?.du ?? '2024-01');
  test(`de ${mois[0]} à ${fin} (${mois.length} mois) : le cas du mois demandé, vérifié à 100 %, reconduction dite après la table`, async () => {
    const echecs: string[] = [];
    for (const [i, m] of mois.entries()) {
      const periode = lireMois(moisEnLettres(m)); // what the pane reads from its month field
      expect(periode).toBe(m);
      const modele = modeleDExercice({ type, graine: 1 + i, periode: periode!, date: `${m}-15`, cle: cleDesTests() }, ELEVE);
      const classeur = ClasseurMemoire.nouveau();
      const ctx = new ContexteMemoire(classeur, { api: '1.18' });
      await insererClasseur(ctx as unknown as Excel.RequestContext, modele.classeur, (v) => ctx.prend(v));
      const lu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
      const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
      const moisDuCas = p.couverture ? (p.couverture.mois as (e: unknown) => string)(x.entree) : undefined;
      const reconduit = c !== undefined && moisDuCas! > c.au;
      remplirMemoire(classeur, attendusDesReponses(x));
      const relu = await lireClasseurOuvert(ctx as unknown as Excel.RequestContext, {}, (v) => ctx.prend(v));
      const v = verifierExercice(exerciceDuClasseur(relu.classeur, relu.nom, false), { date: `${m}-20`, cle: cleDesTests() });
      const ecarts = v.rapport.controles.filter((k) => k.statut !== 'juste').map((k) => k.nom);
      if (v.rapport.total.taux !== 1 || v.rapport.sceau !== 'valide' || Boolean(modele.reconduction) !== reconduit || (reconduit && modele.reconduction !== reconductionDuCas(type, x.entree)))
        echecs.push(`${m} : taux ${v.rapport.total.taux}, sceau ${v.rapport.sceau}, reconduction ${modele.reconduction ?? 'aucune'} ; écarts ${ecarts.join(', ')}`);
    }
    expect(echecs).toEqual([]);
  }, 600_000);
});
