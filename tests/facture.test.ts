import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculerFacture, FACON_JUSTE } from '../src/exercices/facture/calcul';
import { ALEAS, casFacture } from '../src/exercices/facture/cas';
import { EntreeFacture } from '../src/exercices/facture/entree';
import { valider } from '../src/domain/validation';
import { dossierTemporaire, lancer } from './aides/cli';
import { messageDErreur } from './aides/erreurDeDonnees';

/**
 * The facture de vente and its avoir, worked by hand: every amount below was computed on paper
 * (each reduction on the net before it, rounded to the cent; port shared in proportion to the nets
 * financiers, the last rate taking the rest), then compared with the calculator.
 */
const CAS = {
  numero: 'FA-2026-101',
  date: '2026-10-05',
  vendeur: 'Saveurs du Terroir SAS',
  client: 'Hôtel du Parc',
  lignes: [
    { reference: 'A', designation: 'Coffret de vins', quantite: 4, prixUnitaire: 250, remise: 5, taux: 20 },
    { reference: 'B', designation: 'Terrine', quantite: 10, prixUnitaire: 8.4, taux: 5.5 },
  ],
  rabais: 2,
  ristourne: 1,
  escompte: 2,
  port: 20,
  retours: [{ reference: 'A', quantite: 1 }],
};
const facture = (cas: unknown) => valider(EntreeFacture, cas, 'cas');

describe('facture de vente : calcul', () => {
  test('une ligne, une remise, un taux : 10 × 12,50 € − 10 % = 112,50 € HT, 22,50 € de TVA, 135,00 € à payer', () => {
    const r = calculerFacture(
      facture({ numero: 'F1', date: '2026-10-01', vendeur: 'V', client: 'C', lignes: [{ reference: 'R', designation: 'D', quantite: 10, prixUnitaire: 12.5, remise: 10, taux: 20 }] }),
    );
    expect(r.facture.lignes).toEqual([{ reference: 'R', brut: 12500, remise: 1250, net: 11250 }]);
    expect([r.facture.totalHt, r.facture.totalTva, r.facture.netAPayer]).toEqual([11250, 2250, 13500]);
    expect(r.avoir).toBeNull();
  });

  test('deux taux, rabais, ristourne, escompte et port : chaque montant calculé à la main', () => {
    const r = calculerFacture(facture(CAS));
    expect(r.facture.lignes.map((l) => [l.brut, l.remise, l.net])).toEqual([
      [100000, 5000, 95000],
      [8400, 0, 8400],
    ]);
    const [normal, reduit] = r.facture.pied;
    // 20 %: 950,00 − 19,00 = 931,00 ; − 9,31 = 921,69 ; − 18,43 (18,4338) = 903,26 ; + port 18,38 (20 × 903,26 / 983,13 = 18,3751) = 921,64 ; TVA 184,33 (184,328)
    expect(normal).toEqual({ taux: 20, netLignes: 95000, rabais: 1900, ristourne: 931, netCommercial: 92169, escompte: 1843, netFinancier: 90326, port: 1838, base: 92164, tva: 18433 });
    // 5,5 %: 84,00 − 1,68 = 82,32 ; − 0,82 (0,8232) = 81,50 ; − 1,63 = 79,87 ; + port 1,62 (le reste) = 81,49 ; TVA 4,48 (4,48195)
    expect(reduit).toEqual({ taux: 5.5, netLignes: 8400, rabais: 168, ristourne: 82, netCommercial: 8150, escompte: 163, netFinancier: 7987, port: 162, base: 8149, tva: 448 });
    expect([r.facture.totalHt, r.facture.totalTva, r.facture.netAPayer]).toEqual([100313, 18881, 119194]);
  });

  test('facture d\u2019avoir : l\u2019article retourné aux prix, remise et réductions de la facture, sans port', () => {
    const a = calculerFacture(facture(CAS)).avoir!;
    // 250,00 − 12,50 = 237,50 ; − 4,75 = 232,75 ; − 2,33 (2,3275) = 230,42 ; − 4,61 (4,6084) = 225,81 ; TVA 45,16 (45,162)
    expect(a.lignes).toEqual([{ reference: 'A', brut: 25000, remise: 1250, net: 23750 }]);
    expect(a.pied).toEqual([{ taux: 20, netLignes: 23750, rabais: 475, ristourne: 233, netCommercial: 23042, escompte: 461, netFinancier: 22581, port: 0, base: 22581, tva: 4516 }]);
    expect([a.totalHt, a.totalTva, a.netAPayer]).toEqual([22581, 4516, 27097]);
  });

  test('les façons fautives : réductions additionnées, TVA avant l\u2019escompte, port hors base, avoir au prix brut', () => {
    const e = facture(CAS);
    const normal = (f: Partial<typeof FACON_JUSTE>) => calculerFacture(e, { ...FACON_JUSTE, ...f }).facture.pied[0]!;
    expect(normal({ cascade: false }).ristourne).toBe(950); // 1 % de 950,00 au lieu de 931,00
    expect([normal({ escompteDansLaBase: false }).base, normal({ escompteDansLaBase: false }).tva]).toEqual([92169 + 1838, 18801]);
    expect([normal({ portDansLaBase: false }).base, normal({ portDansLaBase: false }).tva]).toEqual([90326, 18065]);
    expect(calculerFacture(e, { ...FACON_JUSTE, avoirAuPrixFacture: false }).avoir!.netAPayer).toBe(30000); // 250,00 + 50,00 de TVA
    expect(calculerFacture(e, { ...FACON_JUSTE, remiseDesLignes: false }).avoir).toEqual(calculerFacture(e).avoir); // the avoir keeps its own mistake
    // remise typed as its rate: 5 % → 0,05 €, net 1 000,00 − 0,05 = 999,95
    expect(calculerFacture(e, { ...FACON_JUSTE, remiseEnEuros: false }).facture.lignes[0]).toEqual({ reference: 'A', brut: 100000, remise: 5, net: 99995 });
    // TVA before the reductions: (950,00 + port 18,38) × 20 % = 193,676 → 193,68, the base unchanged
    expect([normal({ tvaApresReductions: false }).base, normal({ tvaApresReductions: false }).tva]).toEqual([92164, 19368]);
  });

  test('données incohérentes : messages en français qui nomment le champ', () => {
    const erreur = (cas: unknown) => messageDErreur(EntreeFacture, cas);
    expect(erreur({ ...CAS, retours: [{ reference: 'Z', quantite: 1 }] })).toContain("« Z » n'est pas un article de la facture");
    expect(erreur({ ...CAS, retours: [{ reference: 'A', quantite: 5 }] })).toContain('5 retournés pour 4 facturés');
    // the case: 5 invoiced, two return lines of 4 — 8 in all, refused (an avoir above the invoice)
    const cinq = {
      ...CAS,
      lignes: [{ ...CAS.lignes[0], quantite: 5 }],
      retours: [
        { reference: 'A', quantite: 4 },
        { reference: 'A', quantite: 4 },
      ],
    };
    expect(erreur(cinq)).toContain('champ « retours[2].quantite » : « A » : 8 retournés en tout (avec les lignes de retour précédentes) pour 5 facturés');
    expect(
      erreur({
        ...cinq,
        retours: [
          { reference: 'A', quantite: 2 },
          { reference: 'A', quantite: 3 },
        ],
      }),
    ).toBe('');
    expect(erreur({ ...CAS, lignes: [CAS.lignes[0], CAS.lignes[0]] })).toContain('référence « A » en double');
    expect(erreur({ ...CAS, lignes: [{ ...CAS.lignes[0], quantite: 2.5 }] })).toContain('quantité entière attendue');
  });
});

describe('facture de vente : cas tirés d\u2019une graine', () => {
  const GRAINES = Array.from({ length: 150 }, (_, i) => i + 1);
  test('150 graines, tous les aléas : cas valides, avec leur effet ; la même graine donne le même cas', () => {
    expect(casFacture(7, '2026-10', ['port'])).toEqual(casFacture(7, '2026-10', ['port']));
    for (const g of GRAINES) {
      const e = facture(casFacture(g, '2026-10', [...ALEAS]));
      expect(new Set(e.lignes.map((l) => l.taux)).size).toBeGreaterThanOrEqual(2);
      expect([e.rabais > 0, e.ristourne > 0, e.escompte > 0, e.port > 0, e.retours.length > 0]).toEqual([true, true, true, true, true]);
      expect(e.date.slice(0, 7)).toBe('2026-10');
      const r = calculerFacture(e);
      expect(r.facture.netAPayer).toBe(r.facture.totalHt + r.facture.totalTva);
      expect(r.facture.pied.reduce((a, p) => a + p.port, 0)).toBe(e.port);
      expect(r.avoir!.netAPayer).toBeLessThan(r.facture.netAPayer);
      const sans = facture(casFacture(g, '2026-10', []));
      expect([sans.rabais, sans.ristourne, sans.escompte, sans.port, sans.retours.length, new Set(sans.lignes.map((l) => l.taux)).size]).toEqual([0, 0, 0, 0, 0, 1]);
    }
  });
});

describe('agora calcul facture', () => {
  test('montants en euros, taux en % ; le schéma décrit les données', async () => {
    const f = path.join(dossierTemporaire('agora-facture-'), 'cas.json');
    writeFileSync(f, JSON.stringify(CAS));
    const { code, out } = await lancer(['calcul', 'facture', '--entree', f]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect([r.facture.pied[0].taux, r.facture.pied[0].base, r.facture.netAPayer, r.avoir.netAPayer]).toEqual([20, 921.64, 1191.94, 270.97]);
    const s = JSON.parse((await lancer(['calcul', 'facture', '--schema'])).out);
    expect(s.required).toEqual(['numero', 'date', 'vendeur', 'client', 'lignes']);
  });
});
