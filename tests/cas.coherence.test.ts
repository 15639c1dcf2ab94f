import { casGenere } from '../src/app/modelesExercices';
import { ENTREPRISES, IMMOBILISATIONS } from '../src/domain/cas/entreprises';
import { TABLES_OFFICIELLES } from '../src/domain/parametres/tables';
import { paquetExercice, type TypeExercice } from '../src/exercices/registre';
import { calculerStocks } from '../src/exercices/stocks/calcul';
import { ARTICLES } from '../src/exercices/stocks/cas';
import type { EntreeStocks } from '../src/exercices/stocks/entree';
import { calculerRapprochement } from '../src/exercices/rapprochement/calcul';
import type { EntreeRapprochement } from '../src/exercices/rapprochement/entree';
import { CATALOGUE } from '../src/exercices/reglements/cas';
import { classeurExercice } from '../src/sheets/exercices/classeurExercice';
import type { SpecExercice } from '../src/sheets/exercices/commun';

/**
 * Invariants of the generated cases, over many seeds and every aléa (alone, and all together): what
 * a student reads must hold together as a real organisation's documents would.
 */
const GRAINES = Array.from({ length: 120 }, (_, i) => i + 1);

function cas(type: TypeExercice): { graine: number; aleas: string[]; entree: unknown }[] {
  const paquet = paquetExercice(type);
  const res = [];
  for (const aleas of [[], ...paquet.aleas.map((a) => [a]), [...paquet.aleas]])
    for (const graine of GRAINES) {
      try {
        res.push({ graine, aleas, entree: casGenere({ type, graine, aleas, periode: '2026-03', date: '2026-03-31' }, null).entree });
      } catch {
        /* aléas that exclude each other */
      }
    }
  return res;
}

describe('cas générés : des documents qui tiennent ensemble', () => {
  test('stocks : la quantité en stock reste entre 0 et le stock maximum annoncé ; l\u2019article vient d\u2019un fournisseur qui le vend', () => {
    const hors: string[] = [];
    for (const c of cas('stocks')) {
      const e = c.entree as EntreeStocks;
      const quantites = [e.stockInitial.quantite, ...calculerStocks(e).cmup.map((l) => l.quantite)];
      if (Math.max(...quantites) > e.stockMaximum || Math.min(...quantites) < 0) hors.push(`graine ${c.graine} [${c.aleas}] : ${Math.max(...quantites)} pour un maximum de ${e.stockMaximum}`);
      const vendeurs = ARTICLES.find((a) => a.reference === e.article.reference)!.fournisseurs as readonly string[];
      for (const m of e.mouvements.filter((x) => x.nature === 'entree'))
        if (!vendeurs.some((v) => m.libelle === `Livraison ${v}`)) hors.push(`graine ${c.graine} : ${m.libelle} pour ${e.article.designation}`);
    }
    expect(hors).toEqual([]);
  });

  test('TVA : chaque achat vient d\u2019un fournisseur qui vend ce qu\u2019il facture ; chaque mois a des pièces à retenir et d\u2019autres non', () => {
    const spec = paquetExercice('tva').spec as SpecExercice<unknown, unknown>;
    const vendeurs = new Map<string, readonly string[]>([
      ...ENTREPRISES.flatMap((e) => e.achats.map((a) => [a.libelle, a.fournisseurs] as const)),
      ...IMMOBILISATIONS.map((i) => [i.libelle, i.fournisseurs] as const),
    ]);
    const hors: string[] = [];
    for (const c of cas('tva')) {
      const e = c.entree as { operations: { sens: string; zone: string; tiers: string; libelle: string }[] };
      for (const o of e.operations.filter((x) => x.sens === 'achat' && x.zone === 'france')) {
        const libelle = o.libelle.replace(/ \(réassort saisonnier\)$/, '');
        if (!vendeurs.get(libelle)?.includes(o.tiers)) hors.push(`graine ${c.graine} : ${o.tiers} — ${o.libelle}`);
      }
      const retenues = spec.attendus(c.entree, spec.parametresParDefaut(c.entree, TABLES_OFFICIELLES)).TVA_Retenues as string[];
      if (!retenues.includes('Oui') || !retenues.includes('Non')) hors.push(`graine ${c.graine} [${c.aleas}] : pièces retenues ${retenues.join(', ')}`);
    }
    expect(hors).toEqual([]);
  });

  test('rapprochement : des encaissements chaque mois, et un compte 512 qui finit le mois en positif', () => {
    const hors: string[] = [];
    for (const c of cas('rapprochement')) {
      const e = c.entree as EntreeRapprochement;
      const r = calculerRapprochement(e);
      if (!e.compte512.lignes.some((l) => (l.debit ?? 0) > 0)) hors.push(`graine ${c.graine} : aucun encaissement`);
      if (r.entreprise.soldeRapproche <= 0) hors.push(`graine ${c.graine} [${c.aleas}] : compte 512 à ${r.entreprise.soldeRapproche / 100} € après rapprochement`);
    }
    expect(hors).toEqual([]);
  });

  test('règlements : chaque facture vient d\u2019un fournisseur qui vend l\u2019article facturé', () => {
    const hors: string[] = [];
    for (const c of cas('reglements'))
      for (const f of (c.entree as { factures: { fournisseur: string; designation: string }[] }).factures)
        if (!CATALOGUE.find((a) => a.designation === f.designation)!.fournisseurs.includes(f.fournisseur)) hors.push(`graine ${c.graine} : ${f.fournisseur} — ${f.designation}`);
    expect(hors).toEqual([]);
  });

  test('français : « de » s\u2019élide devant une voyelle dans ce que l\u2019élève lit (« Ventes d\u2019avril »)', () => {
    const fautes = new Set<string>();
    for (const type of ['tresorerie', 'tva', 'facture', 'stocks', 'conges', 'frais', 'relances', 'reglements', 'rapprochement', 'paie'] as TypeExercice[]) {
      const spec = paquetExercice(type).spec as SpecExercice<unknown, unknown>;
      for (const c of cas(type).filter((x) => x.graine <= 8)) {
        const p = spec.parametresParDefaut(c.entree, TABLES_OFFICIELLES);
        for (const f of classeurExercice(spec, c.entree, p, { graine: c.graine, aleas: c.aleas, eleve: null, date: '2026-03-31' }).feuilles.filter((x) => x.nom !== '_agora'))
          for (const l of f.lignes)
            for (const k of l.cellules) if (typeof k?.valeur === 'string') for (const m of k.valeur.matchAll(/(^|[\s(«])[Dd]e [aeiouyéèêàâîô]\S*/gu)) fautes.add(`${type} : ${m[0].trim()}`);
      }
    }
    expect([...fautes]).toEqual([]);
  });
});
