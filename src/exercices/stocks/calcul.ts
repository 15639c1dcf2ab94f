import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import type { EntreeStocks } from './entree';

/**
 * The stock card of an article, valued two ways, in cents.
 * CMUP (coût moyen unitaire pondéré) after each entry: the stock's value plus the entry's, divided by
 * the new quantity, rounded to the cent; an issue is valued at the current CMUP; after it, the stock
 * is worth its quantity × the CMUP. A return to the supplier leaves at its purchase cost, and the
 * CMUP is computed again as after an entry.
 * PEPS (premier entré, premier sorti): each delivery is a lot at its own cost; an issue takes the
 * oldest lots first; a return takes back the newest units bought at its cost.
 * Then the reorder point: stock d'alerte = stock minimum + consommation journalière × délai de
 * livraison; when the final stock is at or below it, the quantity to order brings it to the maximum.
 */
export interface LigneCmup {
  sortie: Centimes | null; // value of an issue or a return; null for an entry
  quantite: number;
  cmup: Centimes;
  valeur: Centimes;
}

export interface LignePeps {
  sortie: Centimes | null;
  quantite: number;
  valeur: Centimes;
  lots: { quantite: number; cout: Centimes }[];
}

export interface ResultatStocks {
  cmup: LigneCmup[];
  peps: LignePeps[];
  stockAlerte: number;
  stockFinal: number;
  commander: boolean;
  quantiteACommander: number;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  cmupPondere: boolean; // false: the mean of the unit costs, not weighted by the quantities
  pepsAnciens: boolean; // false: the newest lots leave first (DEPS)
  alerteAvecMinimum: boolean; // false: the consumption during the delay only
  commandeMoinsStock: boolean; // false: the maximum ordered, whatever is in stock
}
export const FACON_JUSTE: Facon = { cmupPondere: true, pepsAnciens: true, alerteAvecMinimum: true, commandeMoinsStock: true };

const cmupDe = (valeur: Centimes, quantite: number) => (quantite ? diviserArrondi(valeur, quantite) : 0);

function ficheCmup(e: EntreeStocks, f: Facon): LigneCmup[] {
  let { quantite } = e.stockInitial;
  let cmup = e.stockInitial.coutUnitaire;
  let valeur = quantite * cmup;
  const couts = [cmup];
  return e.mouvements.map((m) => {
    if (m.nature === 'entree') {
      quantite += m.quantite;
      valeur += m.quantite * m.coutUnitaire!;
      couts.push(m.coutUnitaire!);
      cmup = f.cmupPondere
        ? cmupDe(valeur, quantite)
        : diviserArrondi(
            couts.reduce((a, c) => a + c, 0),
            couts.length,
          );
      if (!f.cmupPondere) valeur = quantite * cmup;
      return { sortie: null, quantite, cmup, valeur };
    }
    quantite -= m.quantite;
    if (m.nature === 'retour') {
      // leaves at its purchase cost; the CMUP is computed again, as after an entry
      const sortie = m.quantite * m.coutUnitaire!;
      valeur -= sortie;
      cmup = cmupDe(valeur, quantite);
      return { sortie, quantite, cmup, valeur };
    }
    const sortie = m.quantite * cmup;
    valeur = quantite * cmup;
    return { sortie, quantite, cmup, valeur };
  });
}

function fichePeps(e: EntreeStocks, f: Facon): LignePeps[] {
  let lots = e.stockInitial.quantite ? [{ quantite: e.stockInitial.quantite, cout: e.stockInitial.coutUnitaire }] : [];
  /** Takes `n` units from the lots in the order of `ordre` (indexes); returns their value. */
  const prendre = (n: number, ordre: number[]): Centimes => {
    let valeur = 0;
    for (const i of ordre) {
      const pris = Math.min(n, lots[i]!.quantite);
      lots[i] = { ...lots[i]!, quantite: lots[i]!.quantite - pris };
      valeur += pris * lots[i]!.cout;
      n -= pris;
      if (!n) break;
    }
    lots = lots.filter((l) => l.quantite > 0);
    return valeur;
  };
  const indices = () => lots.map((_, i) => i);
  return e.mouvements.map((m) => {
    let sortie: Centimes | null = null;
    if (m.nature === 'entree') lots.push({ quantite: m.quantite, cout: m.coutUnitaire! });
    else if (m.nature === 'sortie') sortie = prendre(m.quantite, f.pepsAnciens ? indices() : indices().reverse());
    else {
      // the defective units are those of the newest lot at their cost; any rest, from the newest lots
      const auCout = indices()
        .reverse()
        .filter((i) => lots[i]!.cout === m.coutUnitaire);
      sortie = prendre(m.quantite, [
        ...auCout,
        ...indices()
          .reverse()
          .filter((i) => !auCout.includes(i)),
      ]);
    }
    const quantite = lots.reduce((a, l) => a + l.quantite, 0);
    return { sortie, quantite, valeur: lots.reduce((a, l) => a + l.quantite * l.cout, 0), lots: lots.map((l) => ({ ...l })) };
  });
}

export function calculerStocks(e: EntreeStocks, f: Facon = FACON_JUSTE): ResultatStocks {
  const cmup = ficheCmup(e, f);
  const stockFinal = cmup.at(-1)!.quantite;
  const stockAlerte = (f.alerteAvecMinimum ? e.stockMinimum : 0) + e.consommationJournaliere * e.delaiLivraison;
  const commander = stockFinal <= stockAlerte;
  return { cmup, peps: fichePeps(e, f), stockAlerte, stockFinal, commander, quantiteACommander: commander ? (f.commandeMoinsStock ? e.stockMaximum - stockFinal : e.stockMaximum) : 0 };
}
