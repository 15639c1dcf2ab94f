import { ajouterJours } from '../../domain/dates';
import { CLIENTS, ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['remise', 'port', 'escompte', 'reglement_partiel'] as const;

/**
 * The sales of `periode` (AAAA-MM) and the payments received, as case data: four to six invoices to
 * three or four clients, some paid during the month. Aléas: remise (a discount on some invoices),
 * port (port billed), escompte (a client pays the balance less a 2 % escompte), reglement_partiel (a
 * client pays only part: the invoice stays open).
 */
export function casVentes(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const clients = h.melanger(CLIENTS).slice(0, h.entier(3, 4));
  const factures = Array.from({ length: h.entier(4, 6) }, (_, i) => ({
    numero: `FA-${periode.replace('-', '')}-${String(i + 1).padStart(2, '0')}`,
    date: ajouterJours(`${periode}-01`, 2 + i * 3),
    client: clients[i % clients.length]!,
    brut: h.montant(400, 3000, 10),
    remise: aleas.includes('remise') && h.suivant() < 0.6 ? h.choisir([5, 10]) : 0,
    port: aleas.includes('port') && h.suivant() < 0.6 ? h.choisir([15, 25, 35]) : 0,
  }));
  // payments: the first invoices of the month, in order of the aléas; one invoice at least stays open
  const payees = h.melanger(factures.slice(0, -1)).slice(0, h.entier(2, 3));
  const modes = [...(aleas.includes('escompte') ? ['escompte'] : []), ...(aleas.includes('reglement_partiel') ? ['partiel'] : [])];
  const encaissements = payees.map((f, i) => {
    const mode = modes[i] ?? 'solde';
    const ttc = (f.brut * (1 - f.remise / 100) + f.port) * 1.2;
    return {
      date: ajouterJours(f.date, mode === 'escompte' ? h.entier(2, 8) : h.entier(5, 12)),
      facture: f.numero,
      client: f.client,
      mode,
      ...(mode === 'partiel' ? { montant: Math.max(50, Math.round((ttc * h.choisir([0.3, 0.4, 0.5])) / 10) * 10) } : {}),
      ...(mode === 'escompte' ? { escompte: 2 } : {}),
    };
  });
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    tauxTva: 20,
    factures,
    encaissements: encaissements.sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
