import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerRelances, FACON_JUSTE } from '../src/exercices/relances/calcul';
import { ALEAS, casRelances } from '../src/exercices/relances/cas';
import { EntreeRelances } from '../src/exercices/relances/entree';
import { parametresRelances } from '../src/domain/parametres/relances';
import { ErreurDonnees, valider } from '../src/domain/validation';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/**
 * A client's account on 31 March 2026, worked by hand: days counted from each due date, the ECB
 * rate of the half-year of the due date plus 10 points, penalties = remaining × rate × days / 365.
 */
const CAS = {
  vendeur: 'Bureau Plus SARL',
  client: 'Garage Lefèvre',
  date: '2026-03-31',
  factures: [
    { numero: 'FV-4', date: '2025-05-10', echeance: '2025-06-09', montant: 640.5 },
    { numero: 'FV-2', date: '2025-12-01', echeance: '2025-12-31', montant: 2500, regle: 1000 },
    { numero: 'FV-1', date: '2026-02-20', echeance: '2026-03-22', montant: 1200 },
    { numero: 'FV-3', date: '2026-03-15', echeance: '2026-04-14', montant: 800 },
  ],
};
const relances = (cas: unknown) => valider(EntreeRelances, cas, 'cas');
const P = parametresRelances('2026-03-31');

describe('relances : calcul', () => {
  test('taux de la BCE par semestre, majoration de 10 points, indemnité de 40 € (C. com., L441-10 et D441-5)', () => {
    expect(P.tauxBce.map((t) => [t.depuis, t.taux])).toEqual([
      ['2024-01-01', 4.5],
      ['2024-07-01', 4.25],
      ['2025-01-01', 3.15],
      ['2025-07-01', 2.15],
      ['2026-01-01', 2.15],
    ]);
    expect([P.majoration, P.indemnite]).toEqual([10, 4000]);
    expect(() => parametresRelances('2026-07-31')).toThrow(ErreurDonnees);
  });

  test('chaque facture calculée à la main : reste dû, jours, niveau, taux, pénalités', () => {
    const r = calculerRelances(relances(CAS), P);
    expect(r.factures.map((f) => [f.numero, f.reste, f.jours, f.niveau, f.taux, f.penalites, f.indemnite])).toEqual([
      ['FV-4', 64050, 295, 4, 13.15, 6807, 4000], // 640,50 × 13,15 % × 295 / 365 = 68,0729 (semestre 2025-1 : 3,15 + 10)
      ['FV-2', 150000, 90, 4, 12.15, 4494, 4000], // 1 500,00 × 12,15 % × 90 / 365 = 44,9384
      ['FV-1', 120000, 9, 1, 12.15, 360, 4000], // 1 200,00 × 12,15 % × 9 / 365 = 3,5951
      ['FV-3', 80000, 0, 0, 0, 0, 0], // pas encore échue
    ]);
    expect(r.balance).toEqual([80000, 120000, 0, 150000, 64050]);
    expect([r.totalEchu, r.totalPenalites, r.totalIndemnites, r.totalReclame]).toEqual([334050, 11661, 12000, 357711]);
  });

  test('taux des conditions générales de vente ; façons fautives', () => {
    expect(calculerRelances(relances({ ...CAS, tauxContractuel: 18 }), P).factures[2]!.penalites).toBe(533); // 1 200 × 18 % × 9 / 365 = 5,326
    const e = relances(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerRelances(e, P, { ...FACON_JUSTE, ...f }).factures[2]!;
    expect([avec({ joursDepuisEcheance: false }).jours, avec({ joursDepuisEcheance: false }).niveau]).toEqual([39, 3]);
    expect([avec({ majoration: false }).taux, avec({ majoration: false }).penalites]).toEqual([2.15, 64]);
    expect(calculerRelances(e, P, { ...FACON_JUSTE, deduireReglements: false }).factures[1]!.reste).toBe(250000);
    expect(avec({ indemnite: false }).indemnite).toBe(0);
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeRelances, cas);
    expect(erreur({ ...CAS, factures: [{ ...CAS.factures[0], echeance: '2025-05-01' }] })).toContain("l'échéance précède la date de la facture");
    expect(erreur({ ...CAS, factures: [{ ...CAS.factures[1], regle: 3000 }] })).toContain('le montant réglé dépasse celui de la facture');
    expect(erreur({ ...CAS, factures: [CAS.factures[0], CAS.factures[0]] })).toContain('facture « FV-4 » en double');
  });
});

describe('relances : cas tirés d\u2019une graine', () => {
  test('150 graines, tous les aléas : cas valides, chaque aléa a son effet', () => {
    for (let g = 1; g <= 150; g++) {
      const e = relances(casRelances(g, '2026-03', [...ALEAS]));
      const r = calculerRelances(e, parametresRelances(e.date));
      expect(r.factures.some((f) => f.niveau === 4)).toBe(true);
      expect(r.factures.some((f) => f.niveau === 0)).toBe(true);
      expect(e.factures.some((f) => f.regle > 0)).toBe(true);
      expect(e.tauxContractuel).toBeGreaterThanOrEqual(16);
      const sans = relances(casRelances(g, '2026-03', []));
      const rs = calculerRelances(sans, parametresRelances(sans.date));
      expect([rs.factures.some((f) => f.niveau === 4 || f.niveau === 0), sans.factures.some((f) => f.regle > 0), sans.tauxContractuel]).toEqual([false, false, undefined]);
      expect([1, 2, 3].map((n) => rs.factures.some((f) => f.niveau === n))).toEqual([true, true, true]);
    }
  });
});

describe('relances : de bout en bout', () => {
  test('taux des conditions générales de vente ignoré : l\u2019erreur type est reconnue, avec son indication', async () => {
    const d = dossierTemporaire('agora-relances-');
    const f = path.join(d, 'relances.xlsx');
    await ecrireExercice({ type: 'relances', graine: 4, periode: '2026-02', date: '2026-03-01', aleas: ['taux_contractuel'] }, null, f);
    const x = await ouvrirExercice(f);
    const variante = x.spec.variantes.taux_contrat_ignore!(x.entree, x.parametres)!;
    const copie = path.join(d, 'copie.xlsx');
    writeFileSync(copie, await remplirClasseur(f, { ...attendusDesReponses(x), REL_Penalites: variante.REL_Penalites! }));
    const v = await verifierCopie(copie, { date: '2026-03-02' });
    const fausses = v.rapport.controles.filter((c) => c.statut !== 'juste');
    expect(fausses.map((c) => [c.nom, c.erreurs])).toEqual([['REL_Penalites', ['taux_contrat_ignore']]]);
  });

  test('mois hors du tableau des taux de la BCE : refusé, avec la période couverte', async () => {
    const r = await lancer(['exercice', 'relances', '--periode', '2026-09', '--out', path.join(dossierTemporaire('agora-relances-'), 'x.xlsx')]);
    expect([r.code, r.err]).toEqual([2, "Erreur : Le mois 2026-09 n'est pas couvert par le tableau des taux de la BCE (de 2024-06 à 2026-06).\n"]);
  });

  test('agora calcul relances : montants en euros, jours et taux tels quels', async () => {
    const f = path.join(dossierTemporaire('agora-relances-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'relances', '--entree', f])).out);
    expect([r.factures[0].jours, r.factures[0].taux, r.factures[0].penalites, r.totalReclame]).toEqual([295, 13.15, 68.07, 3577.11]);
  });
});
