import { ErreurDonnees } from '../../domain/validation';
import { repartir, taxe, type Centimes } from '../../domain/monnaie';
import { ajouterMois, ecartMois, moisEnLettres } from '../../domain/dates';
import type { EntreeTresorerie } from './entree';

/**
 * Budget de trésorerie, built as taught: budget des encaissements, budget des décaissements,
 * budget de TVA, then the monthly trésorerie (début + encaissements − décaissements = fin,
 * and fin of M is début of M+1).
 *  - Sales, purchases and charges are invoiced TTC; each payment part is rounded to the cent and
 *    the last part takes the remainder (`repartir`), so the parts add up to the TTC amount.
 *    A delay of 30, 60 or 90 days moves the part 1, 2 or 3 months later.
 *  - TVA (débits): collectée on the month's sales, déductible on the month's purchases, charges and
 *    investments; the TVA à décaisser of M is paid in M+1, a crédit is carried to M+1.
 *  - Salaries: the net is paid in the month, the cotisations sociales the month after.
 *  - What falls after the last month is reported in `finDePeriode` (the bilan's receivables and debts).
 */
export interface LigneBudget {
  libelle: string;
  montants: Centimes[]; // one per month
}

export interface ResultatTresorerie {
  mois: string[];
  encaissements: { lignes: LigneBudget[]; total: Centimes[] };
  decaissements: { lignes: LigneBudget[]; total: Centimes[] };
  tva: { collectee: Centimes[]; deductibleBiensServices: Centimes[]; deductibleImmobilisations: Centimes[]; creditAnterieur: Centimes[]; aDecaisser: Centimes[]; creditAReporter: Centimes[] };
  tresorerie: { debut: Centimes[]; encaissements: Centimes[]; decaissements: Centimes[]; fin: Centimes[] };
  moisDeficitaires: string[];
  finDePeriode: { creancesClients: Centimes; dettesFournisseurs: Centimes; chargesSociales: Centimes; tvaADecaisser: Centimes; creditTva: Centimes };
}

export const LIBELLE_CHARGES_SOCIALES = 'Charges sociales';
export const LIBELLE_TVA_A_DECAISSER = 'TVA à décaisser';

/** Rows keyed by label, in order of first appearance; what falls after the horizon is the caller's to report. */
class Tableau {
  readonly lignes: LigneBudget[] = [];
  constructor(readonly n: number) {}
  ajouter(libelle: string, index: number, montant: Centimes): void {
    if (index < 0 || index >= this.n) return;
    let l = this.lignes.find((x) => x.libelle === libelle);
    if (!l) this.lignes.push((l = { libelle, montants: new Array<Centimes>(this.n).fill(0) }));
    l.montants[index]! += montant;
  }
  get total(): Centimes[] {
    return Array.from({ length: this.n }, (_, i) => this.lignes.reduce((a, l) => a + l.montants[i]!, 0));
  }
}

export function calculerTresorerie(e: EntreeTresorerie): ResultatTresorerie {
  const n = e.mois;
  const mois = Array.from({ length: n }, (_, i) => ajouterMois(e.debut, i));
  const fin = mois[n - 1]!;
  const problemes: string[] = [];
  const indexDe = (m: string, champ: string): number => {
    const i = ecartMois(e.debut, m);
    if (i < 0 || i >= n) problemes.push(`champ « ${champ} » : ${moisEnLettres(m)} est hors de la période du budget (${moisEnLettres(e.debut)} à ${moisEnLettres(fin)})`);
    return i;
  };

  const enc = new Tableau(n);
  const dec = new Tableau(n);
  const collectee = new Array<Centimes>(n).fill(0);
  const dedBS = new Array<Centimes>(n).fill(0);
  const dedImmo = new Array<Centimes>(n).fill(0);
  const apres = { clients: 0, fournisseurs: 0 };

  e.soldeInitial.creances.forEach((c, k) => enc.ajouter(c.libelle, indexDe(c.mois, `soldeInitial.creances[${k + 1}].mois`), c.montant));
  e.soldeInitial.dettes.forEach((c, k) => dec.ajouter(c.libelle, indexDe(c.mois, `soldeInitial.dettes[${k + 1}].mois`), c.montant));

  const facturer = (liste: EntreeTresorerie['ventes'], champ: string, tableau: Tableau, tva: Centimes[], cote: 'clients' | 'fournisseurs') =>
    liste.forEach((v, k) => {
      const i = indexDe(v.mois, `${champ}[${k + 1}].mois`);
      if (i < 0 || i >= n) return;
      const t = taxe(v.ht, v.taux);
      tva[i]! += t;
      const parts = repartir(
        v.ht + t,
        v.reglement.map((r) => r.part),
      );
      v.reglement.forEach((r, j) => {
        const cible = i + r.delai / 30;
        if (cible >= n) apres[cote] += parts[j]!;
        tableau.ajouter(v.libelle, cible, parts[j]!);
      });
    });
  facturer(e.ventes, 'ventes', enc, collectee, 'clients');
  facturer(e.achats, 'achats', dec, dedBS, 'fournisseurs');
  facturer(e.autresDecaissements, 'autresDecaissements', dec, dedBS, 'fournisseurs');
  e.investissements.forEach((v, k) => {
    const i = indexDe(v.mois, `investissements[${k + 1}].mois`);
    if (i < 0 || i >= n) return;
    const t = taxe(v.ht, v.taux);
    dedImmo[i]! += t;
    dec.ajouter(v.libelle, i, v.ht + t);
  });
  let chargesApres = 0;
  e.salaires.forEach((s, k) => {
    const i = indexDe(s.mois, `salaires[${k + 1}].mois`);
    if (i < 0 || i >= n) return;
    dec.ajouter('Salaires nets', i, s.net);
    if (i + 1 >= n) chargesApres += s.charges;
    dec.ajouter(LIBELLE_CHARGES_SOCIALES, i + 1, s.charges);
  });
  e.emprunts.forEach((x, k) => dec.ajouter(x.libelle, indexDe(x.mois, `emprunts[${k + 1}].mois`), x.montant));
  e.autresEncaissements.forEach((x, k) => enc.ajouter(x.libelle, indexDe(x.mois, `autresEncaissements[${k + 1}].mois`), x.montant));
  if (problemes.length) throw new ErreurDonnees('Budget de trésorerie invalide', problemes);

  // Budget de TVA: the amount due for M is paid in M+1 (the one due before the budget, in the first month).
  const creditAnterieur: Centimes[] = [];
  const aDecaisser: Centimes[] = [];
  const creditAReporter: Centimes[] = [];
  let credit = e.soldeInitial.creditTva;
  if (e.soldeInitial.tvaADecaisser) dec.ajouter(LIBELLE_TVA_A_DECAISSER, 0, e.soldeInitial.tvaADecaisser);
  for (let i = 0; i < n; i++) {
    creditAnterieur.push(credit);
    const solde = collectee[i]! - dedBS[i]! - dedImmo[i]! - credit;
    aDecaisser.push(Math.max(0, solde));
    credit = Math.max(0, -solde);
    creditAReporter.push(credit);
    if (solde > 0) dec.ajouter(LIBELLE_TVA_A_DECAISSER, i + 1, solde);
  }

  const totalEnc = enc.total;
  const totalDec = dec.total;
  const debut: Centimes[] = [];
  const finMois: Centimes[] = [];
  let t = e.tresorerieInitiale;
  for (let i = 0; i < n; i++) {
    debut.push(t);
    t += totalEnc[i]! - totalDec[i]!;
    finMois.push(t);
  }
  return {
    mois,
    encaissements: { lignes: enc.lignes, total: totalEnc },
    decaissements: { lignes: dec.lignes, total: totalDec },
    tva: { collectee, deductibleBiensServices: dedBS, deductibleImmobilisations: dedImmo, creditAnterieur, aDecaisser, creditAReporter },
    tresorerie: { debut, encaissements: totalEnc, decaissements: totalDec, fin: finMois },
    moisDeficitaires: mois.filter((_, i) => finMois[i]! < 0),
    finDePeriode: { creancesClients: apres.clients, dettesFournisseurs: apres.fournisseurs, chargesSociales: chargesApres, tvaADecaisser: aDecaisser[n - 1]!, creditTva: credit },
  };
}
