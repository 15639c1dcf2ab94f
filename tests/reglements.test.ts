import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerReglements, echeanceDe, FACON_JUSTE } from '../src/exercices/reglements/calcul';
import { ALEAS, casReglements } from '../src/exercices/reglements/cas';
import { EntreeReglements } from '../src/exercices/reglements/entree';
import { CONDITIONS } from '../src/exercices/reglements/feuilles';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import type { ValeurAttendue } from '../src/sheets/exercices/commun';

/** Four supplier invoices handled on 10 March 2026, worked by hand. */
const facture = (o: Record<string, unknown>) => ({
  designation: 'Article',
  commande: { numero: 'BC-1', quantite: 1, prixUnitaire: 1 },
  livraison: { numero: 'BL-1', quantite: 1 },
  facturee: { quantite: 1, prixUnitaire: 1 },
  taux: 20,
  ...o,
});
const CAS = {
  entreprise: 'Cabinet Moreau',
  date: '2026-03-10',
  factures: [
    // 10 invoiced, 8 delivered: 8 × 50,00 = 400,00 HT, 480,00 TTC ; écart 120,00
    facture({
      fournisseur: 'Distri Ouest',
      numero: 'F1001',
      date: '2026-02-20',
      commande: { numero: 'BC-1', quantite: 10, prixUnitaire: 50 },
      livraison: { numero: 'BL-1', quantite: 8 },
      facturee: { quantite: 10, prixUnitaire: 50 },
      conditions: { delai: 30 },
    }),
    // invoiced at 84,00 for 80,00 ordered; escompte 2 % open until 13/03: 6,40 + 1,28 of TVA
    facture({
      fournisseur: 'Grossiste Dumas',
      numero: 'F2002',
      date: '2026-03-03',
      commande: { numero: 'BC-2', quantite: 4, prixUnitaire: 80 },
      livraison: { numero: 'BL-2', quantite: 4 },
      facturee: { quantite: 4, prixUnitaire: 84 },
      conditions: { delai: 30, escompte: { taux: 2, jours: 10 } },
    }),
    // 45 jours fin de mois: 12/02 + 45 = 29/03, then 31/03
    facture({
      fournisseur: 'Papeteries Réunies',
      numero: 'F3003',
      date: '2026-02-12',
      commande: { numero: 'BC-3', quantite: 6, prixUnitaire: 30 },
      livraison: { numero: 'BL-3', quantite: 6 },
      facturee: { quantite: 6, prixUnitaire: 30 },
      taux: 5.5,
      conditions: { delai: 45, finDeMois: true },
    }),
    // escompte expired on 28/02
    facture({
      fournisseur: 'Nettoyage Pro',
      numero: 'F4004',
      date: '2026-02-18',
      commande: { numero: 'BC-4', quantite: 5, prixUnitaire: 20 },
      livraison: { numero: 'BL-4', quantite: 5 },
      facturee: { quantite: 5, prixUnitaire: 20 },
      conditions: { delai: 60, escompte: { taux: 2, jours: 10 } },
    }),
  ],
};
const reglements = (cas: unknown) => valider(EntreeReglements, cas, 'cas');
const ligne = (r: ReturnType<typeof calculerReglements>['reglements'][number]) => [r.conforme, r.justifie, r.ecart, r.echeance, r.escompte, r.aPayer, r.datePaiement];

describe('règlement des fournisseurs : calcul', () => {
  test('contrôle, échéance, escompte et date de chaque paiement, calculés à la main', () => {
    const r = calculerReglements(reglements(CAS));
    expect(r.reglements.map(ligne)).toEqual([
      [false, 48000, 12000, '2026-03-22', 0, 48000, '2026-03-22'],
      [false, 38400, 1920, '2026-04-02', 768, 37632, '2026-03-10'],
      [true, 18990, 0, '2026-03-31', 0, 18990, '2026-03-31'],
      [true, 12000, 0, '2026-04-19', 0, 12000, '2026-04-19'],
    ]);
    expect(r.totalDuJour).toBe(37632);
  });

  test('les façons fautives', () => {
    const e = reglements(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerReglements(e, { ...FACON_JUSTE, ...f });
    expect(ligne(avec({ controle: false }).reglements[1]!)).toEqual([true, 40320, 0, '2026-04-02', 806, 39514, '2026-03-10']); // 6,72 + 1,34
    expect(avec({ finDeMois: false }).reglements[2]!.echeance).toBe('2026-03-29');
    expect(avec({ tvaSurEscompte: false }).reglements[1]!.aPayer).toBe(37760);
    expect([avec({ delaiEscompte: false }).reglements[3]!.aPayer, avec({ delaiEscompte: false }).totalDuJour]).toEqual([11760, 49392]);
  });

  test('une facture déjà échue est payée le jour du traitement', () => {
    const r = calculerReglements(reglements({ ...CAS, date: '2026-03-25', factures: [CAS.factures[0]] }));
    expect([r.reglements[0]!.echeance, r.reglements[0]!.datePaiement, r.totalDuJour]).toEqual(['2026-03-22', '2026-03-25', 48000]);
  });

  test('conditions de paiement écrites et relues comme dans l\u2019énoncé', () => {
    expect(CONDITIONS.ecrire({ delai: 45, finDeMois: true })).toBe('45 jours fin de mois');
    expect(CONDITIONS.ecrire({ delai: 45, finDeMois: true, lecture: 'fin_de_mois_puis_delai' })).toBe('fin de mois 45 jours');
    expect(CONDITIONS.ecrire({ delai: 45, finDeMois: true, lecture: 'delai_puis_fin_de_mois', le: 10 })).toBe('45 jours fin de mois le 10');
    for (const t of ['45 jours fin de mois', 'fin de mois 45 jours', '45 jours fin de mois le 10', '30 jours ; escompte 1,5 % à 8 jours']) expect(CONDITIONS.ecrire(CONDITIONS.lire(t))).toBe(t);
    expect(CONDITIONS.lire('30 jours le 10')).toBeUndefined();
    // C. com., L441-10, I — invoice of 20/01/2026: 20/01 + 45 = 06/03, end of that month 31/03 ; end of January 31/01 + 45 = 17/03 ; 31/03 then the 10th: 10/04
    const c = (x: object) => ({ delai: 45, finDeMois: true, lecture: 'delai_puis_fin_de_mois' as const, ...x });
    expect(echeanceDe('2026-01-20', c({}))).toBe('2026-03-31');
    expect(echeanceDe('2026-01-20', c({ lecture: 'fin_de_mois_puis_delai' }))).toBe('2026-03-17');
    expect(echeanceDe('2026-01-20', c({ le: 10 }))).toBe('2026-04-10');
    expect(echeanceDe('2026-01-20', c({}), false)).toBe('2026-03-06'); // « fin de mois » forgotten
    expect(CONDITIONS.ecrire({ delai: 30, finDeMois: false, escompte: { taux: 1.5, jours: 8 } })).toBe('30 jours ; escompte 1,5 % à 8 jours');
    expect(CONDITIONS.lire('30 jours ; escompte 1,5 % à 8 jours')).toEqual({ delai: 30, finDeMois: false, lecture: 'delai_puis_fin_de_mois', escompte: { taux: 1.5, jours: 8 } });
    expect(CONDITIONS.lire('à réception')).toBeUndefined();
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeReglements, cas);
    expect(erreur({ ...CAS, factures: [CAS.factures[0], CAS.factures[0]] })).toContain('facture « F1001 » de Distri Ouest en double');
    expect(erreur({ ...CAS, date: '2026-02-01' })).toContain('facture postérieure à la date du traitement');
  });
});

describe('règlement des fournisseurs : cas tirés d\u2019une graine', () => {
  test('150 graines, tous les aléas : chacun a son effet', () => {
    for (let g = 1; g <= 150; g++) {
      const e = reglements(casReglements(g, '2026-03', [...ALEAS]));
      const r = calculerReglements(e);
      expect(r.reglements.filter((x) => !x.conforme).length).toBe(2);
      expect(r.reglements.filter((x) => x.escompte > 0).length).toBe(1);
      expect(e.factures.filter((f) => f.conditions.escompte).length).toBe(2);
      expect(e.factures.some((f) => f.conditions.finDeMois)).toBe(true);
      expect(r.reglements.every((x) => x.echeance >= e.date)).toBe(true);
      const sans = calculerReglements(reglements(casReglements(g, '2026-03', [])));
      expect([sans.reglements.every((x) => x.conforme && !x.escompte), sans.totalDuJour]).toEqual([true, 0]);
    }
  });
});

describe('règlement des fournisseurs : de bout en bout', () => {
  test('dates tapées en date ou en texte « jj/mm/aaaa » : copie juste à 100 % ; une échéance sans « fin de mois » reconnue', async () => {
    const d = dossierTemporaire('agora-reglements-');
    const f = path.join(d, 'reglements.xlsx');
    await ecrireExercice({ type: 'reglements', graine: 2, periode: '2026-03', date: '2026-03-01', aleas: ['fin_de_mois', 'escompte'] }, null, f);
    const x = await ouvrirExercice(f);
    const attendus = attendusDesReponses(x);
    const enTexte = (attendus.REG_Echeancier as ValeurAttendue[][]).map((l) => l.map((v) => (typeof v === 'string' ? v.split('-').reverse().join('/') : v)));
    const copie = path.join(d, 'copie.xlsx');
    writeFileSync(copie, await remplirClasseur(f, { ...attendus, REG_Echeancier: enTexte }));
    expect((await verifierCopie(copie, { date: '2026-03-02' })).rapport.total.taux).toBe(1);
    const variante = x.spec.variantes.fin_de_mois_oubliee!(x.entree, x.parametres)!;
    writeFileSync(copie, await remplirClasseur(f, { ...attendus, ...variante }));
    const fausses = (await verifierCopie(copie, { date: '2026-03-02' })).rapport.controles.filter((c) => c.statut !== 'juste');
    expect(fausses.map((c) => [c.nom, c.erreurs])).toEqual([['REG_Echeancier', ['fin_de_mois_oubliee']]]);
  });
});

describe('agora calcul reglements', () => {
  test('montants en euros, dates telles quelles', async () => {
    const f = path.join(dossierTemporaire('agora-reglements-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'reglements', '--entree', f])).out);
    expect([r.reglements[1].aPayer, r.reglements[1].datePaiement, r.totalDuJour]).toEqual([376.32, '2026-03-10', 376.32]);
  });
});
