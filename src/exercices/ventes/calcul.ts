import { somme, taxe, type Centimes } from '../../domain/monnaie';
import type { EntreeVentes } from './entree';

/**
 * The journals, in cents, each amount rounded to the cent:
 * - each invoice: 707 = gross − remise; 7085 = port; 44571 = (707 + 7085) × TVA; 411 = their sum;
 * - each payment: a part credits 411 with what it pays; a balance, the invoice's TTC less the parts
 *   already received; with an escompte, 665 = 707 × rate, 44571 at the debit its TVA, 512 what is
 *   received (TTC − escompte − its TVA), 411 credited with the whole TTC;
 * - an invoice is lettrée when its credits at 411 make its TTC; a client's balance is their debits
 *   less their credits.
 */
export interface LigneVente {
  client: Centimes; // 411, debit
  ventes: Centimes; // 707, credit
  port: Centimes; // 7085, credit
  tva: Centimes; // 44571, credit
}
export interface LigneEncaissement {
  banque: Centimes; // 512, debit
  escompte: Centimes | null; // 665, debit
  tva: Centimes | null; // 44571, debit
  client: Centimes; // 411, credit
}
export interface ResultatVentes {
  ventes: LigneVente[];
  encaissements: LigneEncaissement[];
  lettrees: boolean[];
  soldes: { client: string; solde: Centimes }[];
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  tvaSurPort: boolean; // false: the TVA on the goods alone
  portA7085: boolean; // false: the port added to 707
  tvaEscompte: boolean; // false: the escompte TTC at 665, its TVA not taken back
  creditTtc: boolean; // false: 411 credited with what is received, not the TTC the escompte settles
}
export const FACON_JUSTE: Facon = { tvaSurPort: true, portA7085: true, tvaEscompte: true, creditTtc: true };

export function calculerVentes(e: EntreeVentes, f: Facon = FACON_JUSTE): ResultatVentes {
  const ventes = e.factures.map((x) => {
    const net = x.brut - taxe(x.brut, x.remise);
    const tva = taxe(net + (f.tvaSurPort ? x.port : 0), e.tauxTva);
    const v = { ventes: net + (f.portA7085 ? 0 : x.port), port: f.portA7085 ? x.port : 0, tva };
    return { client: net + x.port + tva, ...v };
  });
  const index = new Map(e.factures.map((x, i) => [x.numero, i]));
  const credits = e.factures.map(() => 0);
  const encaissements = e.encaissements.map((x): LigneEncaissement => {
    const k = index.get(x.facture)!;
    const ttc = ventes[k]!.client;
    let ligne: LigneEncaissement;
    if (x.mode === 'partiel') ligne = { banque: x.montant!, escompte: null, tva: null, client: x.montant! };
    else if (x.mode === 'solde') ligne = { banque: ttc - credits[k]!, escompte: null, tva: null, client: ttc - credits[k]! };
    else {
      const net = e.factures[k]!.brut - taxe(e.factures[k]!.brut, e.factures[k]!.remise);
      const ht = taxe(net, x.escompte!);
      const tva = taxe(ht, e.tauxTva);
      const du = ttc - credits[k]!;
      ligne = f.tvaEscompte
        ? { banque: du - ht - tva, escompte: ht, tva, client: f.creditTtc ? du : du - ht - tva }
        : { banque: du - ht - tva, escompte: ht + tva, tva: null, client: f.creditTtc ? du : du - ht - tva };
    }
    credits[k]! += ligne.client;
    return ligne;
  });
  const clients = [...new Set(e.factures.map((x) => x.client))];
  return {
    ventes,
    encaissements,
    lettrees: ventes.map((v, i) => credits[i] === v.client),
    soldes: clients.map((c) => ({
      client: c,
      solde: somme(ventes.filter((_, i) => e.factures[i]!.client === c).map((v) => v.client)) - somme(encaissements.filter((_, j) => e.encaissements[j]!.client === c).map((l) => l.client)),
    })),
  };
}
