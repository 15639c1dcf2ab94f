import { ajouterMois, dernierJour } from '../../domain/dates';
import { CLIENTS, CLIENTS_UE, ENTREPRISES, IMMOBILISATIONS } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['credit', 'remboursement', 'intracommunautaire', 'encaissement', 'immobilisation'] as const;

/**
 * A month of invoices for a CA3 exercise, as case data (the calculator's JSON input). Aléas:
 * credit (more deductible than collected), remboursement (a credit of at least 760 € and a refund
 * request), intracommunautaire (a purchase from another EU country), encaissement (services
 * billed but not yet paid, and one paid for an earlier invoice), immobilisation (line 19).
 */
export function casTva(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const e = h.choisir(ENTREPRISES);
  const jour = (mois = periode) => `${mois}-${String(h.entier(1, Number(dernierJour(mois).slice(8)))).padStart(2, '0')}`;
  const precedent = ajouterMois(periode, -1);
  const operations: Record<string, unknown>[] = [];
  let nv = h.entier(100, 400);
  let na = h.entier(500, 900);
  const vente = (o: Record<string, unknown>) => operations.push({ piece: `FV-${++nv}`, sens: 'vente', zone: 'france', ...o });
  const achat = (o: Record<string, unknown>) => operations.push({ piece: `FA-${++na}`, sens: 'achat', zone: 'france', ...o });

  const nbVentes = h.entier(4, 6);
  for (let i = 0; i < nbVentes; i++) {
    const v = h.choisir(e.ventes);
    const date = jour();
    vente({
      date,
      tiers: h.choisir(CLIENTS),
      libelle: v.libelle,
      nature: v.nature,
      ht: h.montant(e.echelle * 0.3, e.echelle * 2, 0.01),
      taux: v.taux,
      ...(v.nature === 'service' ? { reglement: date } : {}),
    });
  }
  const nbAchats = h.entier(3, 5);
  for (let i = 0; i < nbAchats; i++) {
    const a = h.choisir(e.achats);
    const date = jour();
    achat({
      date,
      tiers: h.choisir(a.fournisseurs),
      libelle: a.libelle,
      nature: a.nature,
      ht: h.montant(e.echelle * 0.2, e.echelle * 1.2, 0.01),
      taux: a.taux,
      ...(a.nature === 'service' ? { reglement: date } : {}),
    });
  }
  // Without the « crédit » aléas the month ends with TVA to pay: purchases are scaled down if needed.
  const tvaDe = (sens: string) => operations.filter((o) => o.sens === sens).reduce((a, o) => a + ((o.ht as number) * (o.taux as number)) / 100, 0);
  const rapport = tvaDe('achat') / tvaDe('vente');
  if (rapport > 0.7) {
    const facteur = (0.4 + h.suivant() * 0.3) / rapport;
    for (const o of operations) if (o.sens === 'achat') o.ht = Math.round((o.ht as number) * facteur * 100) / 100;
  }
  if (aleas.includes('encaissement')) {
    const s = e.ventes.find((v) => v.nature === 'service') ?? { libelle: 'Prestation de conseil', taux: 20, nature: 'service' as const };
    vente({ date: jour(), tiers: h.choisir(CLIENTS), libelle: s.libelle, nature: 'service', ht: h.montant(e.echelle * 0.5, e.echelle * 1.5, 0.01), taux: s.taux });
    const facture = jour(precedent);
    vente({
      date: facture,
      reglement: jour(),
      tiers: h.choisir(CLIENTS),
      libelle: `${s.libelle} (facture de ${precedent.slice(5)}/${precedent.slice(0, 4)})`,
      nature: 'service',
      ht: h.montant(e.echelle * 0.5, e.echelle * 1.5, 0.01),
      taux: s.taux,
    });
  }
  if (aleas.includes('intracommunautaire')) {
    const a = e.achats.find((x) => x.nature === 'bien') ?? e.achats[0]!;
    const f = h.choisir(CLIENTS_UE);
    achat({ date: jour(), tiers: `${f.nom} (${f.pays})`, libelle: a.libelle, nature: 'bien', zone: 'ue', ht: h.montant(e.echelle * 0.8, e.echelle * 2.5, 0.01), taux: a.taux });
  }
  if (aleas.includes('immobilisation')) {
    const i = h.choisir(IMMOBILISATIONS);
    achat({
      date: jour(),
      tiers: h.choisir(i.fournisseurs),
      libelle: i.libelle,
      nature: 'immobilisation',
      ht: h.montant(e.echelle * 1.5, e.echelle * 6, 10),
      taux: 20,
    });
  }
  if (aleas.includes('credit') || aleas.includes('remboursement')) {
    // A large restocking makes the deductible TVA exceed the collected TVA by at least 760 € when a refund is asked.
    const manque = tvaDe('vente') - tvaDe('achat') + (aleas.includes('remboursement') ? h.montant(900, 2500) : h.montant(150, 600));
    if (manque > 0) {
      const a = e.achats.find((x) => x.nature === 'bien' && x.taux === 20) ?? { libelle: 'Marchandises', taux: 20, fournisseurs: ['Distri Ouest'] };
      achat({ date: jour(), tiers: h.choisir(a.fournisseurs), libelle: `${a.libelle} (réassort saisonnier)`, nature: 'bien', ht: Math.ceil(manque / 0.2), taux: 20 });
    }
  }
  // A purchase invoice of last month, already in its declaration: « Non » is always one of the answers.
  const ancienne = h.choisir(e.achats.filter((x) => x.nature === 'bien'));
  achat({ date: jour(precedent), tiers: h.choisir(ancienne.fournisseurs), libelle: ancienne.libelle, nature: 'bien', ht: h.montant(e.echelle * 0.2, e.echelle * 0.8, 0.01), taux: ancienne.taux });
  // Invoice numbers follow the dates, as in a real sales or purchase journal.
  operations.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.piece).localeCompare(String(b.piece)));
  const premiers = { vente: nv - operations.filter((o) => o.sens === 'vente').length, achat: na - operations.filter((o) => o.sens === 'achat').length };
  for (const o of operations) o.piece = o.sens === 'vente' ? `FV-${++premiers.vente}` : `FA-${++premiers.achat}`;
  return {
    periode,
    entreprise: { nom: `${e.nom} ${e.forme}`, activite: `${e.activite}, ${e.ville}` },
    optionDebits: false,
    creditAnterieur: 0,
    demandeRemboursement: aleas.includes('remboursement'),
    operations,
  };
}
