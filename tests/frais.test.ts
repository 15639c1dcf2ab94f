import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerFrais, FACON_JUSTE, indemniteKm } from '../src/exercices/frais/calcul';
import { ALEAS, casFrais } from '../src/exercices/frais/cas';
import { EntreeFrais } from '../src/exercices/frais/entree';
import { parametresFrais } from '../src/domain/parametres/frais';
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
  test('barème kilométrique des revenus 2022 à 2024 (arrêté du 27 mars 2023), jusqu\u2019à 5 000 km', () => {
    expect(P.tauxKm).toEqual({ '3': 0.529, '4': 0.606, '5': 0.636, '6': 0.665, '7': 0.697 });
    expect(indemniteKm(120, 0.636)).toBe(7632);
    // past the known years the last scale is reconducted; before them, refused
    expect(parametresFrais('2027-06').tauxKm).toEqual(P.tauxKm);
    expect(() => parametresFrais('2021-12')).toThrow(ErreurDonnees);
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
