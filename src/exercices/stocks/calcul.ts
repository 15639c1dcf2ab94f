import { diviserArrondi, type Centimes } from '../../domain/monnaie';
import type { EntreeStocks } from './entree';

/**
 * The stock card of an article, valued two ways, in cents.
 * CMUP (coût moyen unitaire pondéré), after each entry: the stock's value plus the entry's, divided by
 * the new quantity, rounded to the cent; an issue is valued at the current CMUP; after it, the stock
 * is worth its quantity × the CMUP. A return to the supplier leaves at its purchase cost, and the
 * CMUP is computed again as after an entry. A department's return into stock (réintégration) comes
 * back at the cost its issue left at, and the CMUP is computed again as after an entry.
 * CMUP de fin de période: one cost for the month, (initial stock + entries − returns to the supplier)
 * in value over the same in quantity, rounded to the cent; every issue, every réintégration and every
 * line's stock are valued at it.
 * PEPS (premier entré, premier sorti): each delivery is a lot at its own cost; an issue takes the
 * oldest lots first; a return takes back the newest units bought at its cost; a réintégration puts
 * the units back into the lots its issue took them from, the last taken first, in their lots' place.
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
  cmupSurToutLeStock: boolean; // false: after an entry, (previous CMUP + the entry's cost) / 2
  pepsAnciens: boolean; // false: the newest lots leave first (DEPS)
  alerteAvecMinimum: boolean; // false: the consumption during the delay only
  commandeMoinsStock: boolean; // false: the maximum ordered, whatever is in stock
  reintegrationAuCoutDeSortie: boolean; // false: a réintégration comes back at the current CMUP
  periodeAvecStockInitial: boolean; // false: the period's CMUP from the month's entries only
}
export const FACON_JUSTE: Facon = {
  cmupPondere: true,
  cmupSurToutLeStock: true,
  pepsAnciens: true,
  alerteAvecMinimum: true,
  commandeMoinsStock: true,
  reintegrationAuCoutDeSortie: true,
  periodeAvecStockInitial: true,
};

const cmupDe = (valeur: Centimes, quantite: number) => (quantite ? diviserArrondi(valeur, quantite) : 0);

function ficheCmup(e: EntreeStocks, f: Facon): LigneCmup[] {
  return e.methodeCmup === 'periode' ? cmupDePeriode(e, f) : cmupApresChaqueEntree(e, f);
}

/** The stock before a movement of the card « after each entry »: quantity, CMUP and value, and the unit costs seen (for the simple mean of a typical error). */
export interface EtatCmup {
  quantite: number;
  cmup: Centimes;
  valeur: Centimes;
  couts: Centimes[];
}

/**
 * One movement on the card « after each entry », from the stock before it: the line it writes, and
 * the stock after it. `coutDeSortie`: the CMUP each issue left at, by its piece (for a réintégration).
 */
export function mouvementCmup(avant: EtatCmup, m: EntreeStocks['mouvements'][number], coutDeSortie: ReadonlyMap<string, Centimes>, f: Facon = FACON_JUSTE): { ligne: LigneCmup; apres: EtatCmup } {
  let { quantite, cmup, valeur } = avant;
  const couts = avant.couts;
  const fin = (sortie: Centimes | null) => ({ ligne: { sortie, quantite, cmup, valeur }, apres: { quantite, cmup, valeur, couts } });
  if (m.nature === 'entree') {
    quantite += m.quantite;
    valeur += m.quantite * m.coutUnitaire!;
    couts.push(m.coutUnitaire!);
    cmup = !f.cmupSurToutLeStock
      ? diviserArrondi(cmup + m.coutUnitaire!, 2)
      : f.cmupPondere
        ? cmupDe(valeur, quantite)
        : diviserArrondi(
            couts.reduce((a, c) => a + c, 0),
            couts.length,
          );
    if (!f.cmupPondere || !f.cmupSurToutLeStock) valeur = quantite * cmup;
    return fin(null);
  }
  if (m.nature === 'reintegration') {
    // back at the cost it left at; the CMUP is computed again, as after an entry
    quantite += m.quantite;
    valeur += m.quantite * (f.reintegrationAuCoutDeSortie ? coutDeSortie.get(m.origine!)! : cmup);
    cmup = cmupDe(valeur, quantite);
    return fin(null);
  }
  quantite -= m.quantite;
  if (m.nature === 'retour') {
    // leaves at its purchase cost; the CMUP is computed again, as after an entry
    const sortie = m.quantite * m.coutUnitaire!;
    valeur -= sortie;
    cmup = cmupDe(valeur, quantite);
    return fin(sortie);
  }
  const sortie = m.quantite * cmup;
  valeur = quantite * cmup;
  return fin(sortie);
}

function cmupApresChaqueEntree(e: EntreeStocks, f: Facon): LigneCmup[] {
  const { quantite, coutUnitaire } = e.stockInitial;
  let etat: EtatCmup = { quantite, cmup: coutUnitaire, valeur: quantite * coutUnitaire, couts: [coutUnitaire] };
  const coutDeSortie = new Map<string, Centimes>(); // the CMUP each issue left at, by its piece
  return e.mouvements.map((m) => {
    if (m.nature === 'sortie') coutDeSortie.set(m.piece, etat.cmup);
    const r = mouvementCmup(etat, m, coutDeSortie, f);
    etat = r.apres;
    return r.ligne;
  });
}

/** The period's CMUP, then every line at it: issues and réintégrations at that cost, the stock at quantity × cost. */
function cmupDePeriode(e: EntreeStocks, f: Facon): LigneCmup[] {
  const initial = f.periodeAvecStockInitial ? [{ quantite: e.stockInitial.quantite, cout: e.stockInitial.coutUnitaire }] : [];
  const achats = [
    ...initial,
    ...e.mouvements.flatMap((m) => (m.nature === 'entree' ? [{ quantite: m.quantite, cout: m.coutUnitaire! }] : m.nature === 'retour' ? [{ quantite: -m.quantite, cout: m.coutUnitaire! }] : [])),
  ];
  const cmup = f.cmupPondere
    ? cmupDe(
        achats.reduce((a, l) => a + l.quantite * l.cout, 0),
        achats.reduce((a, l) => a + l.quantite, 0),
      )
    : diviserArrondi(
        achats.filter((l) => l.quantite > 0).reduce((a, l) => a + l.cout, 0),
        achats.filter((l) => l.quantite > 0).length,
      );
  let { quantite } = e.stockInitial;
  return e.mouvements.map((m) => {
    quantite += m.nature === 'entree' || m.nature === 'reintegration' ? m.quantite : -m.quantite;
    const sortie = m.nature === 'sortie' ? m.quantite * cmup : m.nature === 'retour' ? m.quantite * m.coutUnitaire! : null;
    return { sortie, quantite, cmup, valeur: quantite * cmup };
  });
}

function fichePeps(e: EntreeStocks, f: Facon): LignePeps[] {
  // every lot keeps its place (its rank of entry), even empty: a réintégration may refill it
  const lots = [{ quantite: e.stockInitial.quantite, cout: e.stockInitial.coutUnitaire }];
  const prises = new Map<string, { lot: number; quantite: number }[]>(); // what each issue took, in order, by its piece
  const pleins = () => lots.flatMap((l, i) => (l.quantite > 0 ? [i] : []));
  /** Takes `n` units from the lots in the order of `ordre` (indexes); returns what was taken. */
  const prendre = (n: number, ordre: number[]) => {
    const pris: { lot: number; quantite: number }[] = [];
    for (const i of ordre) {
      if (!n) break;
      const q = Math.min(n, lots[i]!.quantite);
      if (!q) continue;
      lots[i]!.quantite -= q;
      pris.push({ lot: i, quantite: q });
      n -= q;
    }
    return pris;
  };
  const valeurDe = (pris: { lot: number; quantite: number }[]) => pris.reduce((a, p) => a + p.quantite * lots[p.lot]!.cout, 0);
  return e.mouvements.map((m) => {
    let sortie: Centimes | null = null;
    if (m.nature === 'entree') lots.push({ quantite: m.quantite, cout: m.coutUnitaire! });
    else if (m.nature === 'sortie') {
      const pris = prendre(m.quantite, f.pepsAnciens ? pleins() : pleins().reverse());
      prises.set(m.piece, pris);
      sortie = valeurDe(pris);
    } else if (m.nature === 'retour') {
      // the defective units are those of the newest lot at their cost; any rest, from the newest lots
      const auCout = pleins()
        .reverse()
        .filter((i) => lots[i]!.cout === m.coutUnitaire);
      sortie = valeurDe(
        prendre(m.quantite, [
          ...auCout,
          ...pleins()
            .reverse()
            .filter((i) => !auCout.includes(i)),
        ]),
      );
    } else {
      // back into the lots its issue took them from, the last taken first
      let n = m.quantite;
      const pris = prises.get(m.origine!)!;
      for (let k = pris.length - 1; k >= 0 && n; k--) {
        const q = Math.min(n, pris[k]!.quantite);
        lots[pris[k]!.lot]!.quantite += q;
        pris[k] = { ...pris[k]!, quantite: pris[k]!.quantite - q };
        n -= q;
      }
    }
    const restants = lots.filter((l) => l.quantite > 0);
    return {
      sortie,
      quantite: restants.reduce((a, l) => a + l.quantite, 0),
      valeur: restants.reduce((a, l) => a + l.quantite * l.cout, 0),
      lots: restants.map((l) => ({ ...l })),
    };
  });
}

export function calculerStocks(e: EntreeStocks, f: Facon = FACON_JUSTE): ResultatStocks {
  const cmup = ficheCmup(e, f);
  const stockFinal = cmup.at(-1)!.quantite;
  const stockAlerte = (f.alerteAvecMinimum ? e.stockMinimum : 0) + e.consommationJournaliere * e.delaiLivraison;
  const commander = stockFinal <= stockAlerte;
  return { cmup, peps: fichePeps(e, f), stockAlerte, stockFinal, commander, quantiteACommander: commander ? (f.commandeMoinsStock ? e.stockMaximum - stockFinal : e.stockMaximum) : 0 };
}
