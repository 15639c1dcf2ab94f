import { dernierJour } from '../../domain/dates';
import { BANQUES, CLIENTS, ENTREPRISES, FOURNISSEURS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['frais_bancaires', 'agios', 'prelevement', 'impaye', 'cheque_non_encaisse', 'erreur_banque'] as const;

/**
 * A month of the compte 512 and the bank statement for an état de rapprochement. Both start from
 * the same balance; each movement is booked and appears on the statement one to three days later,
 * except what the aléas change: frais_bancaires (627 with TVA), agios (661), prelevement (616),
 * impaye (a client's cheque returned, 411), cheque_non_encaisse (a cheque issued at month end),
 * erreur_banque (a cheque debited with two digits swapped).
 */
export function casRapprochement(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const e = h.choisir(ENTREPRISES);
  const fin = Number(dernierJour(periode).slice(8));
  const jourDe = (j: number) => `${periode}-${String(Math.min(fin, Math.max(1, j))).padStart(2, '0')}`;
  const compte: Record<string, unknown>[] = [];
  const releve: Record<string, unknown>[] = [];
  let cheque = h.entier(1000, 8000);
  let remise = h.entier(10, 90);
  type Mvt = { jour: number; libelle: string; libelleBanque: string; montant: number; entree: boolean; reference?: string; surReleve: boolean; montantBanque?: number };
  const mvts: Mvt[] = [];

  const n = h.entier(6, 9);
  for (let i = 0; i < n; i++) {
    const j = h.entier(1, fin - 4);
    // the first two are receipts: a month is never made of payments only
    const sorte = i < 2 ? h.choisir(['remise', 'virement_recu']) : h.choisir(['remise', 'virement_recu', 'cheque', 'virement_emis', 'prelevement_loyer']);
    const m = h.montant(e.echelle * 0.2, e.echelle * 1.6, 0.01);
    if (sorte === 'remise') {
      const r = `R${++remise}`;
      mvts.push({ jour: j, libelle: `Remise de chèques n° ${r}`, libelleBanque: `REMISE CHQ ${r}`, montant: m, entree: true, reference: r, surReleve: true });
    } else if (sorte === 'virement_recu') {
      const c = h.choisir(CLIENTS);
      mvts.push({ jour: j, libelle: `Virement reçu de ${c}`, libelleBanque: `VIR RECU ${c.toUpperCase()}`, montant: m, entree: true, surReleve: true });
    } else if (sorte === 'cheque') {
      const r = String(++cheque);
      const f = h.choisir(FOURNISSEURS);
      mvts.push({ jour: j, libelle: `Chèque n° ${r} à ${f}`, libelleBanque: `CHEQUE ${r}`, montant: m, entree: false, reference: r, surReleve: true });
    } else if (sorte === 'virement_emis') {
      const f = h.choisir(FOURNISSEURS);
      mvts.push({ jour: j, libelle: `Virement à ${f}`, libelleBanque: `VIR EMIS ${f.toUpperCase()}`, montant: m, entree: false, surReleve: true });
    } else {
      const loyer = h.montant(600, 1800, 10);
      if (mvts.some((x) => x.libelle.startsWith('Prélèvement loyer'))) continue;
      mvts.push({ jour: j, libelle: 'Prélèvement loyer du local', libelleBanque: 'PRLV SCI DES HALLES LOYER', montant: loyer, entree: false, surReleve: true });
    }
  }
  if (aleas.includes('cheque_non_encaisse')) {
    const r = String(++cheque);
    mvts.push({
      jour: fin - h.entier(0, 2),
      libelle: `Chèque n° ${r} à ${h.choisir(FOURNISSEURS)}`,
      libelleBanque: '',
      montant: h.montant(e.echelle * 0.2, e.echelle, 0.01),
      entree: false,
      reference: r,
      surReleve: false,
    });
  }
  if (aleas.includes('erreur_banque')) {
    // Two digits swapped on the statement (e.g. 1 254,00 → 1 524,00), never the same amount.
    let m: number;
    let faux: number;
    do {
      m = h.montant(e.echelle * 0.3, e.echelle * 1.5, 1);
      const c = String(m * 100).split('');
      const k = h.entier(0, c.length - 4);
      [c[k], c[k + 1]] = [c[k + 1]!, c[k]!];
      faux = Number(c.join('')) / 100;
    } while (faux === m || faux <= 0);
    const r = String(++cheque);
    mvts.push({
      jour: h.entier(2, fin - 6),
      libelle: `Chèque n° ${r} à ${h.choisir(FOURNISSEURS)}`,
      libelleBanque: `CHEQUE ${r}`,
      montant: m,
      montantBanque: faux,
      entree: false,
      reference: r,
      surReleve: true,
    });
  }
  const client = h.choisir(CLIENTS);
  let impaye: Mvt | undefined;
  if (aleas.includes('impaye')) {
    const r = `R${++remise}`;
    impaye = {
      jour: h.entier(2, fin - 10),
      libelle: `Remise du chèque de ${client} n° ${r}`,
      libelleBanque: `REMISE CHQ ${r}`,
      montant: h.montant(e.echelle * 0.2, e.echelle * 0.8, 0.01),
      entree: true,
      reference: r,
      surReleve: true,
    };
    mvts.push(impaye);
  }

  mvts.sort((a, b) => a.jour - b.jour);
  for (const m of mvts) {
    compte.push({ date: jourDe(m.jour), libelle: m.libelle, ...(m.reference ? { reference: m.reference } : {}), [m.entree ? 'debit' : 'credit']: m.montant });
    if (m.surReleve)
      releve.push({
        date: jourDe(m.jour + h.entier(1, 3)),
        libelle: m.libelleBanque,
        ...(m.reference ? { reference: m.reference } : {}),
        [m.entree ? 'credit' : 'debit']: m.montantBanque ?? m.montant,
      });
  }
  // Statement-only lines: known to the bank, not yet to the company.
  if (impaye) releve.push({ date: jourDe(impaye.jour + h.entier(5, 8)), libelle: `CHQ IMPAYE ${client.toUpperCase()}`, debit: impaye.montant, compte: '411' });
  if (aleas.includes('prelevement')) releve.push({ date: jourDe(h.entier(5, fin - 2)), libelle: 'PRLV ASSURANCE MULTIRISQUE', debit: h.montant(90, 450, 0.01), compte: '616' });
  if (aleas.includes('agios')) releve.push({ date: jourDe(fin), libelle: 'INTERETS DEBITEURS (AGIOS)', debit: h.montant(8, 80, 0.01), compte: '661' });
  if (aleas.includes('frais_bancaires')) {
    const ht = h.montant(8, 30, 0.5);
    releve.push({ date: jourDe(fin), libelle: 'FRAIS TENUE DE COMPTE', debit: Math.round(ht * 120) / 100, compte: '627', tva: Math.round(ht * 20) / 100 });
  }
  releve.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  // an opening balance that keeps the account in credit at the month's end (the bank's own lines are a few hundred euros at most)
  const net = mvts.reduce((a, m) => a + (m.entree ? m.montant : -m.montant), 0);
  const solde = Math.round((Math.max(0, -net) + h.montant(e.echelle, e.echelle * 5, 0.01)) * 100) / 100;
  return {
    date: dernierJour(periode),
    entreprise: { nom: `${e.nom} ${e.forme}`, activite: `${e.activite}, ${e.ville}` },
    banque: h.choisir(BANQUES),
    compte512: { soldeInitial: solde, lignes: compte },
    releve: { soldeInitial: solde, lignes: releve },
    suspens: [],
  };
}
