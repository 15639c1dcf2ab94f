import { ajouterMois, moisEnLettres, deMois } from '../../domain/dates';
import { calculerTresorerie } from './budget';
import { EntreeTresorerie } from './entree';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['retard_client', 'investissement', 'decouvert'] as const;

const NOMS_MOIS = (m: string) => moisEnLettres(m).split(' ')[0]!;

/**
 * A budget de trésorerie case over `n` months from `debut`: monthly sales and purchases with
 * payment terms, rent, salaries, a loan, and the opening receivables and debts. Aléas:
 * retard_client (one month's sales paid a month late), investissement (an unplanned purchase of
 * equipment), decouvert (the opening cash is set so that one month ends overdrawn).
 */
export function casTresorerie(graine: number, debut: string, n: number, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const e = h.choisir(ENTREPRISES);
  const mois = Array.from({ length: n }, (_, i) => ajouterMois(debut, i));
  const base = Math.round((e.echelle * h.entier(6, 12)) / 100) * 100;
  const tauxVente = e.ventes[0]!.taux;
  const tauxAchat = e.achats[0]!.taux;
  const conditionsVente = h.choisir([
    [
      { part: 40, delai: 0 },
      { part: 60, delai: 30 },
    ],
    [
      { part: 50, delai: 30 },
      { part: 50, delai: 60 },
    ],
    [
      { part: 30, delai: 0 },
      { part: 70, delai: 30 },
    ],
  ]);
  const conditionsAchat = h.choisir([
    [{ part: 100, delai: 30 }],
    [{ part: 100, delai: 60 }],
    [
      { part: 50, delai: 30 },
      { part: 50, delai: 60 },
    ],
  ]);
  const ventes = mois.map((m) => ({
    mois: m,
    libelle: `Ventes ${deMois(NOMS_MOIS(m))}`,
    ht: Math.round((base * (0.8 + h.suivant() * 0.5)) / 10) * 10,
    taux: tauxVente,
    reglement: conditionsVente.map((c) => ({ ...c })),
  }));
  const achats = ventes.map((v) => ({
    mois: v.mois,
    libelle: `Achats ${deMois(NOMS_MOIS(v.mois))}`,
    ht: Math.round((v.ht * (0.45 + h.suivant() * 0.2)) / 10) * 10,
    taux: tauxAchat,
    reglement: conditionsAchat.map((c) => ({ ...c })),
  }));
  const loyer = Math.round((base * 0.08) / 10) * 10;
  const net = Math.round((base * (0.25 + h.suivant() * 0.1)) / 10) * 10;
  const charges = Math.round(net * 0.42);
  const echeance = h.montant(300, 900, 10);

  if (aleas.includes('retard_client')) {
    const v = ventes[h.entier(0, Math.max(0, n - 3))]!;
    v.libelle += ' (retard de paiement d\u2019un client)';
    v.reglement = v.reglement.map((r) => (r.delai > 0 ? { ...r, delai: Math.min(90, r.delai + 30) } : r));
  }
  const investissements = aleas.includes('investissement')
    ? [
        {
          mois: mois[h.entier(1, n - 1)]!,
          libelle: h.choisir(['Achat d\u2019un véhicule utilitaire', 'Renouvellement du matériel informatique', 'Agencement du local']),
          ht: Math.round((base * h.entier(8, 15)) / 10 / 100) * 100,
          taux: 20,
        },
      ]
    : [];
  const precedent = ajouterMois(debut, -1);
  const cas = {
    entreprise: { nom: `${e.nom} ${e.forme}`, activite: e.activite },
    debut,
    mois: n,
    tresorerieInitiale: h.montant(base * 0.5, base * 1.5, 10),
    ventes,
    achats,
    autresDecaissements: mois.map((m) => ({ mois: m, libelle: 'Loyer du local', ht: loyer, taux: 20 })),
    investissements,
    salaires: mois.map((m) => ({ mois: m, net, charges })),
    emprunts: mois.map((m) => ({ mois: m, libelle: 'Remboursement d\u2019emprunt', montant: echeance })),
    autresEncaissements: [],
    soldeInitial: {
      creances: [{ mois: debut, libelle: `Créances clients (ventes ${deMois(NOMS_MOIS(precedent))})`, montant: Math.round((base * 0.7) / 10) * 10 }],
      dettes: [
        { mois: debut, libelle: `Dettes fournisseurs (achats ${deMois(NOMS_MOIS(precedent))})`, montant: Math.round((base * 0.5) / 10) * 10 },
        { mois: debut, libelle: 'Charges sociales', montant: charges },
      ],
      tvaADecaisser: Math.round((base * 0.08) / 10) * 10,
      creditTva: 0,
    },
  };
  // Opening cash set so that the lowest month ends 500 to 3 000 € overdrawn (découvert) or, without
  // that aléa, at least as much in credit: a découvert is never an accident of the draw.
  const plusBas = Math.min(...calculerTresorerie(EntreeTresorerie.parse(cas)).tresorerie.fin) / 100;
  const marge = h.montant(500, 3000, 10);
  if (aleas.includes('decouvert')) cas.tresorerieInitiale = Math.round((cas.tresorerieInitiale - plusBas - marge) * 100) / 100;
  else if (plusBas < marge) cas.tresorerieInitiale = Math.round((cas.tresorerieInitiale - plusBas + marge) * 100) / 100;
  return cas;
}
