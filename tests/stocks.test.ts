import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerStocks, FACON_JUSTE, type Facon } from '../src/exercices/stocks/calcul';
import { ALEAS, casStocks } from '../src/exercices/stocks/cas';
import { EntreeStocks } from '../src/exercices/stocks/entree';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/**
 * The stock card worked by hand: 100 ramettes at 4,00 €; 30 issued; 50 received at 4,30 €; 80
 * issued; 5 defective ones sent back. Every figure below was computed on paper first.
 */
const CAS = {
  article: { reference: 'PAP-A4', designation: 'Ramette de papier A4', unite: 'ramette' },
  debut: '2026-10-01',
  stockInitial: { quantite: 100, coutUnitaire: 4 },
  mouvements: [
    { date: '2026-10-03', piece: 'BS-1', nature: 'sortie', quantite: 30 },
    { date: '2026-10-05', piece: 'BR-1', nature: 'entree', quantite: 50, coutUnitaire: 4.3 },
    { date: '2026-10-10', piece: 'BS-2', nature: 'sortie', quantite: 80 },
    { date: '2026-10-12', piece: 'AV-1', nature: 'retour', quantite: 5, coutUnitaire: 4.3 },
  ],
  stockMinimum: 20,
  consommationJournaliere: 3,
  delaiLivraison: 5,
  stockMaximum: 150,
};
const stocks = (cas: unknown) => valider(EntreeStocks, cas, 'cas');
const ligne = (l: { sortie: number | null; quantite: number; cmup?: number; valeur: number }) => [l.sortie, l.quantite, ...(l.cmup === undefined ? [] : [l.cmup]), l.valeur];

describe('fiche de stock : calcul', () => {
  test('CMUP après chaque entrée, calculé à la main', () => {
    const r = calculerStocks(stocks(CAS));
    expect(r.cmup.map(ligne)).toEqual([
      [12000, 70, 400, 28000], // 30 × 4,00 ; 70 × 4,00
      [null, 120, 413, 49500], // (280,00 + 50 × 4,30) / 120 = 4,125 → 4,13 ; valeur 495,00
      [33040, 40, 413, 16520], // 80 × 4,13 = 330,40 ; 40 × 4,13 = 165,20
      [2150, 35, 411, 14370], // retour 5 × 4,30 = 21,50 ; (165,20 − 21,50) / 35 = 4,1057 → 4,11 ; valeur 143,70
    ]);
  });

  test('PEPS : les lots les plus anciens sortent d\u2019abord ; le retour reprend la livraison défectueuse', () => {
    const r = calculerStocks(stocks(CAS));
    expect(r.peps.map(ligne)).toEqual([
      [12000, 70, 28000],
      [null, 120, 49500], // 70 × 4,00 + 50 × 4,30
      [32300, 40, 17200], // 70 × 4,00 + 10 × 4,30 = 323,00 ; reste 40 × 4,30
      [2150, 35, 15050], // 5 × 4,30 ; reste 35 × 4,30 = 150,50
    ]);
    expect(r.peps.at(-1)!.lots).toEqual([{ quantite: 35, cout: 430 }]);
  });

  test('stock d\u2019alerte 20 + 3 × 5 = 35 ; stock final 35 : commander 150 − 35 = 115', () => {
    const r = calculerStocks(stocks(CAS));
    expect([r.stockAlerte, r.stockFinal, r.commander, r.quantiteACommander]).toEqual([35, 35, true, 115]);
    const sans = calculerStocks(stocks({ ...CAS, mouvements: CAS.mouvements.slice(0, 2) }));
    expect([sans.stockFinal, sans.commander, sans.quantiteACommander]).toEqual([120, false, 0]);
  });

  test('les façons fautives donnent les réponses des erreurs types', () => {
    const e = stocks(CAS);
    const avec = (f: Partial<Facon>) => calculerStocks(e, { ...FACON_JUSTE, ...f });
    expect(ligne(avec({ cmupPondere: false }).cmup[1]!)).toEqual([null, 120, 415, 49800]); // (4,00 + 4,30) / 2
    expect(ligne(avec({ pepsAnciens: false }).peps[2]!)).toEqual([33500, 40, 16000]); // 50 × 4,30 + 30 × 4,00
    expect([avec({ alerteAvecMinimum: false }).stockAlerte, avec({ alerteAvecMinimum: false }).commander]).toEqual([15, false]);
    expect(avec({ commandeMoinsStock: false }).quantiteACommander).toBe(150);
    // (previous CMUP + the entry's cost) / 2, with a second entry of 60 at 4,50 after the return
    const deuxEntrees = stocks({ ...CAS, mouvements: [...CAS.mouvements, { date: '2026-10-15', piece: 'BR-2', nature: 'entree', quantite: 60, coutUnitaire: 4.5 }] });
    expect(calculerStocks(deuxEntrees, { ...FACON_JUSTE, cmupSurToutLeStock: false }).cmup.map(ligne)).toEqual([
      [12000, 70, 400, 28000],
      [null, 120, 415, 49800], // (4,00 + 4,30) / 2 = 4,15 ; 120 × 4,15
      [33200, 40, 415, 16600], // 80 × 4,15 ; 40 × 4,15
      [2150, 35, 413, 14450], // retour 5 × 4,30 ; 166,00 − 21,50 = 144,50 ; / 35 = 4,1286 → 4,13
      [null, 95, 432, 41040], // (4,13 + 4,50) / 2 = 4,315 → 4,32 ; 95 × 4,32
    ]);
    expect(calculerStocks(deuxEntrees).cmup[4]!.cmup).toBe(435); // the right card: (143,70 + 60 × 4,50) / 95 = 4,3547 → 4,35
  });

  /**
   * Réintégrations worked by hand, after CAS: BRI-1 brings back 10 of BS-1 (issued at 4,00 €), BRI-2
   * 15 of BS-2 (issued at 4,13 €, taken in PEPS as 70 × 4,00 then 10 × 4,30), then 20 are issued.
   */
  const REINTEGRATIONS = {
    ...CAS,
    mouvements: [
      ...CAS.mouvements,
      { date: '2026-10-14', piece: 'BRI-1', nature: 'reintegration', quantite: 10, origine: 'BS-1' },
      { date: '2026-10-15', piece: 'BRI-2', nature: 'reintegration', quantite: 15, origine: 'BS-2' },
      { date: '2026-10-20', piece: 'BS-3', nature: 'sortie', quantite: 20 },
    ],
  };

  test('réintégration au CMUP : au coût de sa sortie d\u2019origine, puis CMUP recalculé comme après une entrée', () => {
    const r = calculerStocks(stocks(REINTEGRATIONS));
    expect(r.cmup.slice(4).map(ligne)).toEqual([
      [null, 45, 408, 18370], // 143,70 + 10 × 4,00 = 183,70 ; / 45 = 4,0822 → 4,08
      [null, 60, 409, 24565], // 183,70 + 15 × 4,13 = 245,65 ; / 60 = 4,0942 → 4,09
      [8180, 40, 409, 16360], // 20 × 4,09 = 81,80 ; 40 × 4,09 = 163,60
    ]);
    // the typical error: back at the day's CMUP, 10 × 4,11 = 41,10 ; 184,80 / 45 = 4,1067 → 4,11
    expect(ligne(calculerStocks(stocks(REINTEGRATIONS), { ...FACON_JUSTE, reintegrationAuCoutDeSortie: false }).cmup[4]!)).toEqual([null, 45, 411, 18480]);
  });

  test('réintégration en PEPS : dans les lots d\u2019où les articles sont sortis, les derniers sortis d\u2019abord', () => {
    const r = calculerStocks(stocks(REINTEGRATIONS));
    expect(r.peps.slice(4).map(ligne)).toEqual([
      [null, 45, 19050], // 10 back into the initial lot: 10 × 4,00 + 35 × 4,30
      [null, 60, 25350], // BS-2 took 70 × 4,00 then 10 × 4,30: 10 back at 4,30, 5 at 4,00 → 15 × 4,00 + 45 × 4,30
      [8150, 40, 17200], // 15 × 4,00 + 5 × 4,30 = 81,50 ; 40 × 4,30
    ]);
    expect(r.peps[5]!.lots).toEqual([
      { quantite: 15, cout: 400 },
      { quantite: 45, cout: 430 },
    ]);
  });

  test('CMUP de fin de période : un seul coût pour le mois, le stock initial compris et les retours déduits', () => {
    const e = stocks({ ...CAS, methodeCmup: 'periode' });
    // (100 × 4,00 + 50 × 4,30 − 5 × 4,30) / (100 + 50 − 5) = 593,50 / 145 = 4,0931 → 4,09
    expect(calculerStocks(e).cmup.map(ligne)).toEqual([
      [12270, 70, 409, 28630],
      [null, 120, 409, 49080],
      [32720, 40, 409, 16360],
      [2150, 35, 409, 14315], // the return leaves at its purchase cost, 5 × 4,30
    ]);
    // without the initial stock: (215,00 − 21,50) / 45 = 4,30
    expect(ligne(calculerStocks(e, { ...FACON_JUSTE, periodeAvecStockInitial: false }).cmup[0]!)).toEqual([12900, 70, 430, 30100]);
    // the PEPS card does not change with the CMUP's method
    expect(calculerStocks(e).peps).toEqual(calculerStocks(stocks(CAS)).peps);
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeStocks, cas);
    expect(erreur({ ...CAS, mouvements: [{ date: '2026-10-03', piece: 'BS-1', nature: 'sortie', quantite: 130 }] })).toContain('130 sortis pour 100 en stock');
    expect(erreur({ ...CAS, mouvements: [{ date: '2026-10-03', piece: 'BR-1', nature: 'entree', quantite: 10 }] })).toContain('coût unitaire attendu pour une entrée ou un retour');
    expect(erreur({ ...CAS, mouvements: [CAS.mouvements[1], CAS.mouvements[0]] })).toContain("les mouvements doivent suivre l'ordre des dates");
    expect(erreur({ ...CAS, stockMaximum: 30 })).toContain("le stock maximum doit dépasser le stock d'alerte");
    const reintegration = (r: Record<string, unknown>) => erreur({ ...CAS, mouvements: [...CAS.mouvements, { date: '2026-10-20', piece: 'BRI-1', nature: 'reintegration', ...r }] });
    expect(reintegration({ quantite: 5 })).toContain('une réintégration nomme la pièce d\u2019une sortie antérieure');
    expect(reintegration({ quantite: 5, origine: 'BR-1' })).toContain('une réintégration nomme la pièce d\u2019une sortie antérieure');
    expect(reintegration({ quantite: 31, origine: 'BS-1' })).toContain('31 réintégrés pour 30 sortis par BS-1 et non encore rendus');
    expect(erreur({ ...REINTEGRATIONS, mouvements: [...REINTEGRATIONS.mouvements, { date: '2026-10-21', piece: 'BRI-3', nature: 'reintegration', quantite: 21, origine: 'BS-1' }] })).toContain(
      '21 réintégrés pour 20 sortis par BS-1',
    );
  });
});

describe('fiche de stock : cas tirés d\u2019une graine', () => {
  test('150 graines : cas valides ; chaque aléa a son effet ; la même graine donne le même cas', () => {
    expect(casStocks(3, '2026-10', ['retour'])).toEqual(casStocks(3, '2026-10', ['retour']));
    for (let g = 1; g <= 150; g++) {
      const tout = stocks(casStocks(g, '2026-10', [...ALEAS]));
      const r = calculerStocks(tout);
      expect(r.commander).toBe(true);
      expect(tout.mouvements.some((m) => m.nature === 'retour')).toBe(true);
      expect(tout.mouvements.some((m) => m.libelle.startsWith('Articles détériorés'))).toBe(true);
      expect(tout.mouvements.length).toBeGreaterThanOrEqual(12);
      expect(tout.methodeCmup).toBe('periode');
      const bri = tout.mouvements.find((m) => m.nature === 'reintegration')!;
      expect(tout.mouvements.find((m) => m.piece === bri.origine)!.nature).toBe('sortie');
      expect(r.peps.at(-1)!.quantite).toBe(r.cmup.at(-1)!.quantite);
      const sans = stocks(casStocks(g, '2026-10', []));
      expect(calculerStocks(sans).commander).toBe(false);
      expect(sans.mouvements.some((m) => m.nature === 'retour' || m.nature === 'reintegration')).toBe(false);
      expect(sans.methodeCmup).toBe('chaque_entree');
      expect(sans.mouvements.filter((m) => m.nature === 'entree').length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('agora calcul stocks', () => {
  test('montants en euros, quantités en unités', async () => {
    const f = path.join(dossierTemporaire('agora-stocks-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const { code, out } = await lancer(['calcul', 'stocks', '--entree', f]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect([r.cmup[3].quantite, r.cmup[3].cmup, r.cmup[3].valeur, r.peps[3].valeur, r.quantiteACommander]).toEqual([35, 4.11, 143.7, 150.5, 115]);
  });
});
