import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerFrais, FACON_JUSTE, indemniteKm } from '../src/exercices/frais/calcul';
import { ALEAS, casFrais } from '../src/exercices/frais/cas';
import { EntreeFrais } from '../src/exercices/frais/entree';
import { parametresFrais, type LigneBareme } from '../src/domain/parametres/frais';
import { ErreurDonnees, valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/** An expense report of October 2024, checked by hand: 5 CV, meals up to 20 €, nights up to 90 €. */
const CAS = {
  salarie: 'Karim Haddad',
  mois: '2024-10',
  puissance: 5,
  plafondRepas: 20,
  plafondNuitee: 90,
  lignes: [
    { date: '2024-10-03', nature: 'km', libelle: 'Visite client', km: 120, montant: 84 }, // claimed at 0,70 €/km
    { date: '2024-10-03', nature: 'repas', libelle: 'Déjeuner', montant: 24.2, tva: 2.2 },
    { date: '2024-10-08', nature: 'hotel', libelle: 'Nuitée', montant: 105, tva: 9.55 },
    { date: '2024-10-08', nature: 'peage', libelle: 'Péage', montant: 12.6, tva: 2.1 },
    { date: '2024-10-09', nature: 'repas', libelle: 'Déjeuner', montant: 18.5, tva: 1.68, justificatif: false },
    { date: '2024-10-15', nature: 'train', libelle: 'Train', montant: 64, tva: 5.82 },
  ],
};
const frais = (cas: unknown) => valider(EntreeFrais, cas, 'cas');
const P = parametresFrais('2024-10');

describe('état de frais : calcul', () => {
  test('barème kilométrique des revenus 2022 à 2024 (arrêté du 27 mars 2023), ses trois tranches', () => {
    expect(Object.fromEntries(Object.entries(P.bareme).map(([cv, l]) => [cv, [l.a, l.b, l.c, l.e]]))).toEqual({
      '3': [0.529, 0.316, 1065, 0.37],
      '4': [0.606, 0.34, 1330, 0.407],
      '5': [0.636, 0.357, 1395, 0.427],
      '6': [0.665, 0.374, 1457, 0.447],
      '7': [0.697, 0.394, 1515, 0.47],
    });
    expect(indemniteKm(120, P.bareme['5']!)).toBe(7632); // 120 × 0,636
    // the cases, from zero: 5 CV, 6 000 km → 6 000 × 0,357 + 1 395 = 3 537,00 ; 7 CV → 6 000 × 0,394 + 1 515 = 3 879,00
    expect(indemniteKm(6000, P.bareme['5']!)).toBe(353700);
    expect(indemniteKm(6000, P.bareme['7']!)).toBe(387900);
    // 25 000 km, 5 CV: 25 000 × 0,427 = 10 675,00 ; 4 000 km up to 5 000: 4 000 × 0,636 = 2 544,00
    expect(indemniteKm(25000, P.bareme['5']!)).toBe(1067500);
    expect(indemniteKm(4000, P.bareme['5']!)).toBe(254400);
    // a trip of 300 km after 4 900 km this year: (5 200 × 0,357 + 1 395) − 4 900 × 0,636 = 3 251,40 − 3 116,40 = 135,00
    expect(indemniteKm(300, P.bareme['5']!, 4900)).toBe(13500);
    // a trip of 200 km after 10 000 km: the middle bracket, 200 × 0,357 = 71,40 (the fixed part counts once a year)
    expect(indemniteKm(200, P.bareme['5']!, 10000)).toBe(7140);
    // past the known years the last scale is reconducted; before them, refused
    expect(parametresFrais('2027-06').bareme).toEqual(P.bareme);
    expect(() => parametresFrais('2021-12')).toThrow(ErreurDonnees);
  });

  test('continuité du barème officiel : à 5 000 km, 5 000 × a = 5 000 × b + c sauf 2 € pour 6 CV ; à 20 000 km, les écarts du barème publié', () => {
    const ecart = (l: LigneBareme, haut: (l: LigneBareme) => number, bas: (l: LigneBareme) => number) => Math.round((haut(l) - bas(l)) * 100) / 100;
    // 3 CV 2 645 = 1 580 + 1 065 ; 4 CV 3 030 = 1 700 + 1 330 ; 5 CV 3 180 = 1 785 + 1 395 ; 6 CV 3 325 ≠ 1 870 + 1 457 = 3 327 ; 7 CV 3 485 = 1 970 + 1 515
    expect(
      Object.values(P.bareme).map((l) =>
        ecart(
          l,
          (x) => 5000 * x.b + x.c,
          (x) => 5000 * x.a,
        ),
      ),
    ).toEqual([0, 0, 0, 2, 0]);
    // 20 000 × e − (20 000 × b + c): 7 400 − 7 385 ; 8 140 − 8 130 ; 8 540 − 8 535 ; 8 940 − 8 937 ; 9 400 − 9 395
    expect(
      Object.values(P.bareme).map((l) =>
        ecart(
          l,
          (x) => 20000 * x.e,
          (x) => 20000 * x.b + x.c,
        ),
      ),
    ).toEqual([15, 10, 5, 3, 5]);
    // the trip that crosses 20 000 km is priced as the scale says: 20 000 → 20 001 km, 5 CV: 20 001 × 0,427 − 8 535 = 5,43
    expect(indemniteKm(1, P.bareme['5']!, 20000)).toBe(543);
  });

  test('véhicule électrique : le montant du barème majoré de 20 % (arrêté du 27 mars 2023), arrondi une fois au centime', () => {
    expect(P.majorationElectrique).toBe(20);
    // 5 CV, 120 km : 120 × 0,636 = 76,32 ; × 1,2 = 91,584 → 91,58
    expect(indemniteKm(120, P.bareme['5']!, 0, 20)).toBe(9158);
    // 5 CV, 6 000 km from zero: (6 000 × 0,357 + 1 395) × 1,2 = 3 537 × 1,2 = 4 244,40
    expect(indemniteKm(6000, P.bareme['5']!, 0, 20)).toBe(424440);
    const cas = { ...CAS, electrique: true, lignes: [{ date: '2024-10-03', nature: 'km', libelle: 'Visite client', km: 120 }] };
    expect(calculerFrais(frais(cas), P).lignes[0]!.retenu).toBe(9158);
  });

  test('un mois après 4 900 km déjà parcourus : la tranche suit la distance de l\u2019année, ligne par ligne dans l\u2019ordre des dates', () => {
    const cas = {
      ...CAS,
      kmAnnuels: 4900,
      lignes: [
        { date: '2024-10-10', nature: 'km', libelle: 'Visite B', km: 200 },
        { date: '2024-10-02', nature: 'km', libelle: 'Visite A', km: 50 },
      ],
    };
    const r = calculerFrais(frais(cas), P);
    // A (02/10): 4 900 → 4 950, 50 × 0,636 = 31,80 ; B (10/10): 4 950 → 5 150, (5 150 × 0,357 + 1 395) − 4 950 × 0,636 = 3 233,55 − 3 148,20 = 85,35
    expect(r.lignes.map((l) => l.retenu)).toEqual([8535, 3180]);
  });

  test('chaque ligne contrôlée à la main : retenu, écart, TVA récupérable', () => {
    const r = calculerFrais(frais(CAS), P);
    expect(r.lignes.map((l) => [l.retenu, l.ecart, l.tvaRecuperable])).toEqual([
      [7632, 768, 0], // 120 × 0,636 ; demandé 84,00
      [2000, 420, 182], // plafond 20,00 ; TVA 2,20 × 20,00 / 24,20 = 1,818
      [9000, 1500, 0], // plafond 90,00 ; hébergement : TVA non récupérable
      [1260, 0, 210],
      [0, 1850, 0], // sans justificatif
      [6400, 0, 0], // transport de personnes : TVA non récupérable
    ]);
    expect([r.totalDemande, r.totalRembourse, r.totalEcart, r.totalTva]).toEqual([30830, 26292, 4538, 392]);
  });

  test('les façons fautives', () => {
    const e = frais(CAS);
    const avec = (f: Partial<typeof FACON_JUSTE>) => calculerFrais(e, P, { ...FACON_JUSTE, ...f });
    expect(avec({ plafonds: false }).totalRembourse).toBe(28212);
    expect(avec({ justificatifs: false }).lignes[4]).toEqual({ demande: 1850, retenu: 1850, ecart: 0, tvaRecuperable: 168 });
    expect(avec({ tvaExclue: false }).totalTva).toBe(1793); // + 8,19 (9,55 × 90 / 105) + 5,82
    expect(avec({ bonnePuissance: false }).lignes[0]!.retenu).toBe(7980); // 120 × 0,665 (6 CV)
  });

  test('repas d\u2019affaires : plafond par convive × convives, le salarié compris ; TVA au prorata du retenu', () => {
    const cas = {
      ...CAS,
      plafondRepasAffaires: 35,
      lignes: [
        { date: '2024-10-10', nature: 'repas', libelle: 'Déjeuner d\u2019affaires avec deux clients', montant: 118.8, tva: 10.8, convives: 3 },
        { date: '2024-10-17', nature: 'repas', libelle: 'Déjeuner d\u2019affaires avec un client', montant: 64.9, tva: 5.9, convives: 2 },
      ],
    };
    const r = calculerFrais(frais(cas), P);
    expect(r.lignes.map((l) => [l.retenu, l.ecart, l.tvaRecuperable])).toEqual([
      [10500, 1380, 955], // 3 × 35,00 = 105,00 ; TVA 10,80 × 105,00 / 118,80 = 9,545 → 9,55
      [6490, 0, 590], // 2 × 35,00 = 70,00 : dans le plafond
    ]);
    // the typical error: held to one person's meal ceiling, 20,00
    expect(calculerFrais(frais(cas), P, { ...FACON_JUSTE, repasAffairesParConvive: false }).lignes.map((l) => l.retenu)).toEqual([2000, 2000]);
    expect(messageDErreur(EntreeFrais, { ...cas, plafondRepasAffaires: 0 })).toContain('un repas d\u2019affaires demande le plafond par convive');
    expect(messageDErreur(EntreeFrais, { ...cas, lignes: [{ ...CAS.lignes[2], convives: 2 }] })).toContain('des convives seulement pour un repas');
    expect(messageDErreur(EntreeFrais, { ...cas, lignes: [{ ...cas.lignes[0], convives: 1 }] })).toContain('au moins deux convives');
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    expect(messageDErreur(EntreeFrais, { ...CAS, lignes: [{ ...CAS.lignes[1], date: '2024-11-02' }] })).toContain('date hors du mois 2024-10');
    expect(messageDErreur(EntreeFrais, { ...CAS, lignes: [{ ...CAS.lignes[0], km: 0 }] })).toContain('kilomètres attendus');
    expect(messageDErreur(EntreeFrais, { ...CAS, lignes: [{ ...CAS.lignes[1], tva: 30 }] })).toContain('la TVA dépasse le montant');
  });
});

describe('état de frais : cas tirés d\u2019une graine', () => {
  test('150 graines, tous les aléas : chacun a son effet', () => {
    for (let g = 1; g <= 150; g++) {
      const e = frais(casFrais(g, '2024-10', [...ALEAS]));
      const r = calculerFrais(e, P);
      const depasse = (n: 'repas' | 'hotel') => e.lignes.some((l) => l.nature === n && l.montant > (n === 'repas' ? e.plafondRepas : e.plafondNuitee));
      expect([depasse('repas'), depasse('hotel'), e.lignes.some((l) => !l.justificatif), e.lignes.some((l) => l.nature === 'train')]).toEqual([true, true, true, true]);
      expect(r.lignes[0]!.ecart).toBeGreaterThan(0); // kilometres claimed at a wrong rate
      const affaires = e.lignes.find((l) => l.convives !== undefined)!;
      expect([affaires.nature, affaires.convives! >= 2, e.plafondRepasAffaires > 0]).toEqual(['repas', true, true]);
      const sans = frais(casFrais(g, '2024-10', []));
      expect(calculerFrais(sans, P).totalEcart).toBe(0);
    }
  });
});

describe('agora calcul frais', () => {
  test('montants en euros ; un mois après le barème connu : exercice créé, barème reconduit et dit', async () => {
    const d = dossierTemporaire('agora-frais-');
    const f = path.join(d, 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const r = JSON.parse((await lancer(['calcul', 'frais', '--entree', f])).out);
    expect([r.totalRembourse, r.totalTva]).toEqual([262.92, 3.92]);
    const apres = await lancer(['exercice', 'frais', '--periode', '2026-10', '--out', path.join(d, 'x.xlsx'), '--cle', path.join(d, 'cle.txt')]);
    expect(apres.code).toBe(0);
    expect(apres.err).toContain('Attention : Valeurs du barème kilométrique connues jusqu\u2019en décembre 2024 : pour octobre 2026, les dernières sont reconduites');
  });
});
