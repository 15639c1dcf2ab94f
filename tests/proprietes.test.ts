import { TABLES_OFFICIELLES, type TablesDatees } from '../src/domain/parametres/tables';
import fc from 'fast-check';
import { lignesAffichees, type EntreeControlePaie } from '../src/exercices/paie-anomalies/controle';
import { bulletinDe } from '../src/exercices/paie/bulletin';
import { NOM_ANOMALIES } from '../src/exercices/paie-anomalies/feuilles';
import { casGenere } from '../src/app/modelesExercices';
import { ajouterJours, ajouterMois } from '../src/domain/dates';
import { EXERCICES, paquetExercice, type TypeExercice } from '../src/exercices/registre';
import { calculerFacture } from '../src/exercices/facture/calcul';
import { EntreeFacture } from '../src/exercices/facture/entree';
import { calculerRelances } from '../src/exercices/relances/calcul';
import { EntreeRelances } from '../src/exercices/relances/entree';
import { parametresRelances } from '../src/domain/parametres/relances';
import { calculerStocks } from '../src/exercices/stocks/calcul';
import { EntreeStocks } from '../src/exercices/stocks/entree';
import { indemniteKm } from '../src/exercices/frais/calcul';
import { parametresFrais } from '../src/domain/parametres/frais';
import { valider } from '../src/domain/validation';
import { calculerRapprochement } from '../src/exercices/rapprochement/calcul';
import type { EntreeRapprochement } from '../src/exercices/rapprochement/entree';
import { calculerReglements } from '../src/exercices/reglements/calcul';
import type { EntreeReglements } from '../src/exercices/reglements/entree';

/**
 * Invariants every case must keep, whatever its seed, its aléas and its month: checked over many
 * generated cases (fast-check draws the seed, the month and the aléas; a failure prints the draw
 * that broke it), and over cases shaped as a teacher would write them.
 */
const RUNS = { numRuns: 60 };
const moisArb = fc.integer({ min: 0, max: 47 }).map((k) => ajouterMois('2025-01', k));
const cas = (type: TypeExercice) =>
  fc.record({ graine: fc.integer({ min: 1, max: 999_999 }), periode: moisArb, aleas: fc.subarray([...paquetExercice(type).aleas], { maxLength: 2 }) }).map((d) => ({
    d,
    entree: casGenere({ type, graine: d.graine, periode: d.periode, date: `${d.periode}-28`, ...(d.aleas.length ? { aleas: d.aleas } : {}) }, null).entree,
  }));
const calcul = (type: TypeExercice, e: unknown) => paquetExercice(type).calculer!(e as never, TABLES_OFFICIELLES) as Record<string, unknown>;

test('chaque exercice se génère et se calcule pour toute graine, tout mois de 2025 à 2028, tous aléas', () => {
  for (const p of EXERCICES) {
    const spec = p.spec as unknown as { attendus: (e: unknown, q: unknown) => unknown; parametresParDefaut: (e: unknown, t: TablesDatees) => unknown };
    fc.assert(
      fc.property(cas(p.type), ({ entree }) => {
        expect(spec.attendus(entree, spec.parametresParDefaut(entree, TABLES_OFFICIELLES))).toBeTruthy();
      }),
      { numRuns: 15 },
    );
  }
});

test('facture : l’avoir ne dépasse jamais la facture, quels que soient les retours (un article en plusieurs lignes compris)', () => {
  fc.assert(
    fc.property(cas('facture'), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 6 }), ({ entree }, retours) => {
      const e = entree as EntreeFacture;
      const r = retours.map(([i, q]) => ({ reference: e.lignes[i % e.lignes.length]!.reference, quantite: q }));
      const parse = EntreeFacture.safeParse({ ...e, retours: r });
      // refused exactly when an article comes back more than it was invoiced
      const total = new Map<string, number>();
      for (const x of r) total.set(x.reference, (total.get(x.reference) ?? 0) + x.quantite);
      const trop = [...total].some(([ref, q]) => q > e.lignes.find((l) => l.reference === ref)!.quantite);
      expect(parse.success).toBe(!trop);
      if (!parse.success) return;
      const { facture, avoir } = calculerFacture(parse.data);
      expect(avoir!.totalHt).toBeLessThanOrEqual(facture.totalHt);
      expect(avoir!.netAPayer).toBeLessThanOrEqual(facture.netAPayer);
    }),
    RUNS,
  );
});

test('relances : une facture réglée n’est jamais relancée (pénalités et indemnité seulement si elle l’a été en retard) ; les pénalités croissent avec le retard', () => {
  fc.assert(
    fc.property(cas('relances'), ({ entree }) => {
      const e = entree as EntreeRelances;
      const r = calcul('relances', e) as { factures: { numero: string; reste: number; jours: number; niveau: number; penalites: number; indemnite: number }[] };
      for (const f of r.factures) {
        if (f.reste !== 0) continue;
        expect([f.jours, f.niveau]).toEqual([0, 0]); // never chased
        // penalties and the indemnity only for what was paid after the due date
        const source = e.factures.find((x) => x.numero === f.numero)!;
        if (!source.paiements.some((q) => q.date > source.echeance)) expect([f.penalites, f.indemnite]).toEqual([0, 0]);
        else expect(f.indemnite).toBe(40);
      }
    }),
    RUNS,
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.integer({ min: 0, max: 700 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 300 }),
      (centimes, echeanceApres2023, retard, deplus) => {
        const echeance = ajouterJours('2023-01-15', echeanceApres2023);
        const facture = { numero: 'F1', date: ajouterJours(echeance, -30), echeance, montant: centimes / 100 };
        const penalites = (jours: number) => {
          const date = ajouterJours(echeance, jours);
          return calculerRelances(valider(EntreeRelances, { vendeur: 'V', client: 'C', date, factures: [facture] }, 'cas'), parametresRelances(date)).factures[0]!.penalites;
        };
        expect(penalites(retard + deplus)).toBeGreaterThanOrEqual(penalites(retard));
      },
    ),
    RUNS,
  );
});

test('stocks : jamais de quantité négative ; le CMUP reste entre le plus petit et le plus grand coût qui l’ont fait', () => {
  fc.assert(
    fc.property(cas('stocks'), ({ entree }) => {
      const e = entree as EntreeStocks;
      const r = calculerStocks(e);
      for (const l of [...r.cmup, ...r.peps]) expect(l.quantite).toBeGreaterThanOrEqual(0);
      // the costs that made each line's CMUP: those received so far, or the whole month's for a CMUP de période
      const couts = [e.stockInitial.coutUnitaire, ...(e.methodeCmup === 'periode' ? e.mouvements.flatMap((m) => (m.coutUnitaire === undefined ? [] : [m.coutUnitaire])) : [])];
      e.mouvements.forEach((m, i) => {
        if (m.coutUnitaire !== undefined && e.methodeCmup !== 'periode') couts.push(m.coutUnitaire);
        const cmup = r.cmup[i]!.cmup; // one row per movement, in cents
        // one cent either way: the CMUP is rounded to the cent
        expect(cmup).toBeGreaterThanOrEqual(Math.min(...couts) - 1);
        expect(cmup).toBeLessThanOrEqual(Math.max(...couts) + 1);
      });
    }),
    RUNS,
  );
});

test('congés : l’indemnité retenue est le plus grand du dixième et du maintien ; le solde n’est jamais négatif', () => {
  fc.assert(
    fc.property(cas('conges'), ({ entree }) => {
      const r = calcul('conges', entree) as { dixieme: number; maintien: number; indemnite: number; solde: number };
      expect(r.indemnite).toBe(Math.max(r.dixieme, r.maintien));
      expect(r.solde).toBeGreaterThanOrEqual(0);
    }),
    RUNS,
  );
});

test('frais : l’indemnité d’un déplacement croît avec ses kilomètres ; ce qui est remboursé ne dépasse pas ce qui est demandé hors kilomètres, ni la TVA récupérable celle du justificatif', () => {
  const p = parametresFrais('2024-06');
  fc.assert(
    fc.property(fc.constantFrom('3', '4', '5', '6', '7'), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (cv, avant, km, deplus) => {
      expect(indemniteKm(km + deplus, p.bareme[cv]!, avant)).toBeGreaterThanOrEqual(indemniteKm(km, p.bareme[cv]!, avant));
    }),
    RUNS,
  );
  fc.assert(
    fc.property(cas('frais'), ({ entree }) => {
      const e = entree as { lignes: { nature: string; montant: number; tva: number }[] };
      const r = calcul('frais', entree) as { lignes: { retenu: number; tvaRecuperable: number }[] };
      r.lignes.forEach((l, i) => {
        const ligne = e.lignes[i]!;
        if (ligne.nature !== 'km') expect(l.retenu).toBeLessThanOrEqual(ligne.montant / 100);
        expect(l.tvaRecuperable).toBeLessThanOrEqual(ligne.tva / 100);
      });
    }),
    RUNS,
  );
});

test('paie : net social = brut − cotisations salariales ; net payé = net à payer avant impôt − impôt prélevé', () => {
  fc.assert(
    fc.property(cas('paie'), ({ entree }) => {
      const r = calcul('paie', entree) as Record<string, number>;
      const cents = (x: number) => Math.round(x * 100);
      expect(cents(r.netSocial!)).toBe(cents(r.brut!) - cents(r.totalCotisationsSalariales!));
      expect(cents(r.netPaye!)).toBe(cents(r.netAPayerAvantImpot!) - cents(r.impotPreleve!));
    }),
    RUNS,
  );
});

test('TVA : crédit (ligne 25) et TVA due (TD) jamais ensemble, chacun l’écart des lignes 23 et 16', () => {
  fc.assert(
    fc.property(cas('tva'), ({ entree }) => {
      const r = calcul('tva', entree) as { lignes: { code: string; montant: number }[] };
      const l = (code: string) => r.lignes.find((x) => x.code === code)!.montant;
      expect(l('25')).toBe(Math.max(0, l('23') - l('16')));
      expect(l('TD')).toBe(Math.max(0, l('16') - l('23')));
      expect(l('25') === 0 || l('TD') === 0).toBe(true);
    }),
    RUNS,
  );
});

test('trésorerie : chaque mois, fin = début + encaissements − décaissements, et le début est la fin du mois d’avant', () => {
  fc.assert(
    fc.property(cas('tresorerie'), ({ entree }) => {
      const t = (calcul('tresorerie', entree) as { tresorerie: Record<'debut' | 'encaissements' | 'decaissements' | 'fin', number[]> }).tresorerie;
      const c = (x: number) => Math.round(x * 100);
      t.fin.forEach((fin, i) => {
        expect(c(fin)).toBe(c(t.debut[i]!) + c(t.encaissements[i]!) - c(t.decaissements[i]!));
        if (i) expect(t.debut[i]).toBe(t.fin[i - 1]);
      });
    }),
    RUNS,
  );
});

test('rapprochement : les deux soldes rapprochés sont égaux ; chaque écriture est équilibrée', () => {
  fc.assert(
    fc.property(cas('rapprochement'), ({ entree }) => {
      const r = calculerRapprochement(entree as EntreeRapprochement);
      expect(r.entreprise.soldeRapproche).toBe(r.banque.soldeRapproche);
      for (const col of [r.entreprise, r.banque]) expect(col.soldeRapproche).toBe(col.soldeAvant + col.lignes.reduce((a, l) => a + l.debit - l.credit, 0) * (col === r.entreprise ? 1 : -1));
      for (const e of r.ecritures) expect(e.lignes.reduce((a, l) => a + l.debit, 0)).toBe(e.lignes.reduce((a, l) => a + l.credit, 0));
    }),
    RUNS,
  );
});

test('règlements : on ne paie jamais plus que ce qui est justifié, ni ce qui est justifié plus que facturé ; l’échéance suit la facture', () => {
  fc.assert(
    fc.property(cas('reglements'), ({ entree }) => {
      const e = entree as EntreeReglements;
      const r = calculerReglements(e);
      r.reglements.forEach((x, i) => {
        expect(x.justifie).toBeLessThanOrEqual(x.facture);
        expect(x.aPayer).toBeLessThanOrEqual(x.justifie);
        expect(x.aPayer).toBeGreaterThanOrEqual(0);
        expect(x.ecart).toBe(x.facture - x.justifie);
        expect(x.echeance >= e.factures[i]!.date).toBe(true);
      });
      expect(r.totalDuJour).toBe(r.reglements.filter((x) => x.datePaiement === e.date).reduce((a, x) => a + x.aPayer, 0));
    }),
    RUNS,
  );
});

test('paie à contrôler : le bulletin imprimé diffère du bulletin calculé sur autant de lignes de cotisations que d’anomalies tirées, jamais sur le brut ; ces lignes sont celles attendues', () => {
  fc.assert(
    fc.property(cas('paie-anomalies'), ({ d, entree }) => {
      const e = entree as EntreeControlePaie;
      const calcule = lignesAffichees(bulletinDe(e.cas));
      expect(e.bulletin.length).toBe(calcule.length);
      const differentes = e.bulletin.flatMap((l, i) => (JSON.stringify(l) === JSON.stringify(calcule[i]) ? [] : [i]));
      const aleas = casGenere({ type: 'paie-anomalies', graine: d.graine, periode: d.periode, date: `${d.periode}-28`, ...(d.aleas.length ? { aleas: d.aleas } : {}) }, null).aleas;
      expect(differentes.length).toBe(aleas.length);
      const brut = calcule.length - bulletinDe(e.cas).lignes.length; // the elements of the gross come first
      expect(differentes.every((i) => i >= brut)).toBe(true);
      expect(e.totaux.brut).toBe(bulletinDe(e.cas).brut);
      // the corrigé flags these lines, and only these
      const spec = paquetExercice('paie-anomalies').spec;
      const oui = (spec.attendus(e, spec.parametresParDefaut(e, TABLES_OFFICIELLES))[NOM_ANOMALIES] as string[]).flatMap((v, i) => (v === 'Oui' ? [i] : []));
      expect(oui).toEqual(differentes);
    }),
    RUNS,
  );
});
