import { casTva } from '../src/exercices/tva/cas';
import { ALEAS as ALEAS_RAPPROCHEMENT, casRapprochement } from '../src/exercices/rapprochement/cas';
import { casTresorerie } from '../src/exercices/tresorerie/cas';
import { aleasDuCas } from '../src/domain/cas/aleas';
import { paquetExercice } from '../src/exercices/registre';
import { Hasard, graineDe } from '../src/domain/cas/hasard';
import { casGenere } from '../src/app/modelesExercices';
import { exercicesPourLaClasse } from '../src/app/exercicesDeLaClasse';
import { EntreeCa3 } from '../src/exercices/tva/entree';
import { calculerCa3, ligne } from '../src/exercices/tva/ca3';
import { parametresTva } from '../src/domain/parametres/tva';
import { EntreeRapprochement } from '../src/exercices/rapprochement/entree';
import { calculerRapprochement } from '../src/exercices/rapprochement/calcul';
import { EntreeTresorerie } from '../src/exercices/tresorerie/entree';
import { calculerTresorerie } from '../src/exercices/tresorerie/budget';
import { valider } from '../src/domain/validation';

const P = parametresTva('2026-03-31');
const tva = (g: number, a: string[]) => calculerCa3(valider(EntreeCa3, casTva(g, '2026-03', a), 'cas'), P);
const rap = (g: number, a: string[]) => calculerRapprochement(valider(EntreeRapprochement, casRapprochement(g, '2026-03', a), 'cas'));
const tre = (g: number, a: string[]) => calculerTresorerie(valider(EntreeTresorerie, casTresorerie(g, '2027-01', 4, a), 'cas'));
const GRAINES = Array.from({ length: 150 }, (_, i) => i * 7919 + 1);

describe('cas générés', () => {
  test('même graine, même cas ; graines différentes, cas différents', () => {
    expect(casTva(42, '2026-03', ['credit'])).toEqual(casTva(42, '2026-03', ['credit']));
    const distincts = new Set(GRAINES.map((g) => JSON.stringify(casRapprochement(g, '2026-03', []))));
    expect(distincts.size).toBe(GRAINES.length);
    expect(new Hasard(7).entier(1, 1000)).toBe(new Hasard(7).entier(1, 1000));
    expect(graineDe('DUPONT Jean')).not.toBe(graineDe('MARTIN Léa'));
  });

  test('TVA : chaque aléa produit son effet sur la déclaration (150 graines)', () => {
    for (const g of GRAINES) {
      expect(ligne(tva(g, ['credit']), '25').montant).toBeGreaterThan(0);
      const r = tva(g, ['remboursement']);
      expect(ligne(r, '26').montant).toBeGreaterThanOrEqual(760);
      expect(ligne(tva(g, ['intracommunautaire']), 'B2').montant).toBeGreaterThan(0);
      expect(ligne(tva(g, ['immobilisation']), '19').montant).toBeGreaterThan(0);
      const enc = tva(g, ['encaissement']);
      expect(enc.exclues.map((x) => x.motif)).toContain('prestation de services non encore encaissée (TVA exigible à l\u2019encaissement)');
      const sans = tva(g, []);
      expect(ligne(sans, '28').montant).toBeGreaterThan(0);
      // one purchase of last month, already declared: « Non » is always an answer
      expect(sans.exclues).toEqual([{ piece: expect.stringMatching(/^FA-/), motif: expect.stringMatching(/^livrée le \d\d\/\d\d\/\d{4}, hors de la période$/) }]);
    }
  });

  test('rapprochement : chaque aléa produit son effet (150 graines), soldes rapprochés égaux', () => {
    for (const g of GRAINES) {
      const sans = rap(g, []);
      expect(sans.entreprise.lignes).toEqual([]);
      expect(sans.banque.lignes).toEqual([]);
      const tout = rap(g, [...ALEAS_RAPPROCHEMENT]);
      expect(tout.ecritures.map((e) => e.lignes[0]!.compte).sort()).toEqual(['411', '616', '627', '661']);
      expect(tout.erreursBanque).toHaveLength(1);
      expect(tout.banque.lignes.filter((l) => l.source.origine === 'compte')).toHaveLength(1);
      expect(tout.entreprise.soldeRapproche).toBe(tout.banque.soldeRapproche);
      expect(tout.ambiguites).toEqual([]);
    }
  });

  test('trésorerie : découvert, investissement, retard de paiement (150 graines)', () => {
    for (const g of GRAINES) {
      const sans = tre(g, []);
      expect(sans.moisDeficitaires).toEqual([]);
      expect(tre(g, ['decouvert']).moisDeficitaires.length).toBeGreaterThan(0);
      expect(tre(g, ['investissement']).tva.deductibleImmobilisations.some((x) => x > 0)).toBe(true);
      const retard = tre(g, ['retard_client']);
      expect(retard.encaissements.lignes.some((l) => l.libelle.includes('retard de paiement'))).toBe(true);
    }
  });

  test('aléas : deux tirés au hasard si rien n\u2019est demandé, « aucun », aléa inconnu refusé', () => {
    const possibles = (t: 'tva' | 'tresorerie') => paquetExercice(t).aleas;
    expect(aleasDuCas('tva', possibles('tva'), undefined, new Hasard(3))).toHaveLength(2);
    expect(aleasDuCas('tva', possibles('tva'), ['aucun'], new Hasard(3))).toEqual([]);
    expect(() => aleasDuCas('tresorerie', possibles('tresorerie'), ['grève'], new Hasard(3))).toThrow(
      'Aléa inconnu pour l\u2019exercice tresorerie : « grève ». Aléas possibles : retard_client, investissement, decouvert (ou « aucun »).',
    );
  });
});

describe('un seul numéro de cas', () => {
  const d = { type: 'tva' as const, periode: '2026-10', date: '2026-11-23' };
  const martin = { nom: 'MARTIN', prenom: 'Léa', classe: 'Tle A' };
  test('le numéro montré redonne le même cas, avec ou sans le nom de l’élève, en ligne de commande comme dans le volet', () => {
    // no number given: it comes from the name, and is the number shown
    const tire = casGenere(d, martin);
    expect(tire.graine).toBe(graineDe('MARTIN Léa', 1));
    expect(casGenere({ ...d, graine: tire.graine! }, martin)).toEqual(tire);
    expect(casGenere({ ...d, graine: tire.graine! }, null)).toEqual(tire);
    // a number given for one student is that case's number, whoever the student
    const vingtEtUn = casGenere({ ...d, graine: 21 }, martin);
    expect([vingtEtUn.graine, casGenere({ ...d, graine: 21 }, null)]).toEqual([21, vingtEtUn]);
  });

  test('pour une classe : chacun son cas, tiré de son nom et du numéro de la classe ; son numéro le redonne seul', () => {
    const eleves = [martin, { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' }, { nom: 'N’DIAYE', prenom: 'Awa', classe: 'Tle A' }];
    const classe = exercicesPourLaClasse({ ...d, graine: 21 }, eleves);
    expect(new Set(classe.map((x) => x.graine)).size).toBe(3);
    expect(classe.map((x) => x.graine)).toEqual(eleves.map((e) => graineDe(`${e.nom} ${e.prenom}`, 21)));
    for (const x of classe) expect(casGenere({ ...d, graine: x.graine! }, null)).toEqual(casGenere({ ...d, graine: 21 }, x.eleve, true));
  });
});
