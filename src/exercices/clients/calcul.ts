import { diviserArrondi, somme, type Centimes } from '../../domain/monnaie';
import { siretValide } from '../../domain/identifiants';
import type { EntreeClients } from './entree';

/** The anomalies of a client's record, the first that applies named. */
export const ANOMALIES = {
  manquant: 'Champ obligatoire manquant',
  doublon: 'Doublon',
  siret: 'SIRET invalide',
  codePostal: 'Code postal invalide',
  email: 'E-mail invalide',
  aucune: 'Aucune',
} as const;
export type Anomalie = keyof typeof ANOMALIES;

/** An e-mail address: one @, something before it, a dot after it with something on each side, no space. */
export const emailValide = (s: string) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s.trim());

/**
 * The client file after its changes, in order, and each record's anomaly: a mandatory field empty
 * (raison sociale, code postal, e-mail), then a SIRET already met on an earlier record (the later one
 * is the doublon), a SIRET that is not 14 digits passing Luhn, a code postal that is not 5 digits, a
 * malformed e-mail. Then the dashboard: the cumulative turnover month by month, each month's
 * variation on N−1 and the year's, in % to two decimals; each family's share of the families' total; the average basket;
 * the conversion of devis into orders.
 */
export interface ResultatClients {
  fichier: { codePostal: string; email: string }[];
  anomalies: Anomalie[];
  cumuls: Centimes[];
  variations: number[];
  variationAnnuelle: number;
  parts: number[];
  panier: Centimes;
  conversion: number;
}

/** The ways of computing: the right one, or a mistake the checker recognises (the template's typical errors). */
export interface Facon {
  modifications: boolean; // false: the changes not applied
  doublonSuivant: boolean; // false: the first record of a pair called the doublon
  surN1: boolean; // false: the variation divided by N instead of N−1
  conversion: boolean; // false: sent / accepted
}
export const FACON_JUSTE: Facon = { modifications: true, doublonSuivant: true, surN1: true, conversion: true };

const pourcent = (a: number, b: number) => diviserArrondi(a * 10000, b) / 100;

export function calculerClients(e: EntreeClients, f: Facon = FACON_JUSTE): ResultatClients {
  const fichier = e.clients.map((c) => ({ ...c }));
  if (f.modifications) for (const m of e.modifications) fichier.find((c) => c.code === m.code)![m.champ] = m.valeur;
  const siret = (s: string) => s.replace(/\s/g, '');
  const anomalies = fichier.map((c, i): Anomalie => {
    if (!c.raisonSociale.trim() || !c.codePostal.trim() || !c.email.trim()) return 'manquant';
    const memes = fichier.map((x, k) => k).filter((k) => k !== i && siret(fichier[k]!.siret) === siret(c.siret) && siret(c.siret) !== '');
    if (memes.some((k) => (f.doublonSuivant ? k < i : k > i))) return 'doublon';
    if (!siretValide(c.siret)) return 'siret';
    if (!/^\d{5}$/.test(c.codePostal.trim())) return 'codePostal';
    if (!emailValide(c.email)) return 'email';
    return 'aucune';
  });
  let cumul = 0;
  const cumuls = e.ventes.map((v) => (cumul += v.n));
  const [totalN, totalN1] = [somme(e.ventes.map((v) => v.n)), somme(e.ventes.map((v) => v.n1))];
  return {
    fichier: fichier.map((c) => ({ codePostal: c.codePostal, email: c.email })),
    anomalies,
    cumuls,
    variations: e.ventes.map((v) => pourcent(v.n - v.n1, f.surN1 || !v.n ? v.n1 : v.n)),
    variationAnnuelle: pourcent(totalN - totalN1, totalN1),
    parts: e.familles.map((x) => pourcent(x.ca, somme(e.familles.map((y) => y.ca)))),
    panier: diviserArrondi(totalN, e.commandes),
    conversion: f.conversion ? pourcent(e.devisAcceptes, e.devisEnvoyes) : e.devisAcceptes ? pourcent(e.devisEnvoyes, e.devisAcceptes) : 0,
  };
}
