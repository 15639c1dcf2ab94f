import { ajouterMois } from '../../domain/dates';
import { CLIENTS, ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { siretAuHasard } from '../../domain/identifiants';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['doublon', 'champ_manquant', 'baisse'] as const;

const VILLES = [
  ['49000', 'Angers'],
  ['44000', 'Nantes'],
  ['35000', 'Rennes'],
  ['72000', 'Le Mans'],
  ['37000', 'Tours'],
  ['86000', 'Poitiers'],
] as const;

/** A domain name from a company's name: « SARL Fontaine » → « sarl-fontaine.fr ». */
const domaine = (nom: string) =>
  `${nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.fr`;

/**
 * A client file and a year of sales, for a case of `periode` (the twelve months before it), as case
 * data. The file holds a wrong SIRET, a code postal of four digits and a malformed e-mail; the changes
 * correct one of them and update a client. Aléas: doublon (a client entered twice, same SIRET),
 * champ_manquant (an e-mail left empty), baisse (months below N−1).
 */
export function casClients(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const noms = h.melanger(CLIENTS).slice(0, h.entier(7, 9));
  const clients = noms.map((nom, i) => {
    const [codePostal, ville] = h.choisir(VILLES);
    return { code: `C${String(101 + i)}`, raisonSociale: nom, siret: siretAuHasard(h), codePostal: codePostal as string, ville: ville as string, email: `contact@${domaine(nom)}` };
  });
  // the anomalies every file has: a wrong SIRET key, a code postal of four digits, an e-mail without its dot
  const [a, b, c, d] = h.melanger(clients.map((_, i) => i));
  const x = clients[a!]!;
  x.siret = `${x.siret.slice(0, 13)}${(Number(x.siret[13]) + h.entier(1, 9)) % 10}`;
  clients[b!]!.codePostal = clients[b!]!.codePostal.slice(1);
  clients[c!]!.email = clients[c!]!.email.replace(/\.fr$/, '');
  if (aleas.includes('champ_manquant')) clients[d!]!.email = '';
  if (aleas.includes('doublon')) {
    const source = clients.find((_, i) => ![a, b, c, d].includes(i)) ?? clients[0]!;
    clients.push({ ...source, code: `C${101 + clients.length}`, raisonSociale: source.raisonSociale.toUpperCase() });
  }
  const modifications = [
    { code: clients[b!]!.code, champ: 'codePostal', valeur: h.choisir(VILLES)[0] }, // the four digits corrected
    { code: clients[a!]!.code, champ: 'email', valeur: `comptabilite@${domaine(clients[a!]!.raisonSociale)}` },
  ];
  const ventes = Array.from({ length: 12 }, (_, i) => {
    const n1 = h.montant(8000, 20000, 10);
    const evolution = aleas.includes('baisse') && i % 3 === 1 ? h.choisir([0.8, 0.85, 0.9]) : h.choisir([0.95, 1.02, 1.05, 1.1, 1.15]);
    return { mois: ajouterMois(periode, i - 12), n: Math.round(n1 * evolution * 100) / 100, n1 };
  });
  const total = Math.round(ventes.reduce((s, v) => s + v.n * 100, 0));
  const familles = entreprise.ventes.length > 1 ? entreprise.ventes.map((v) => v.libelle) : ['Produits', 'Services'];
  const parts = familles.map(() => h.entier(20, 60));
  const somme = parts.reduce((s, p) => s + p, 0);
  const montants = parts.map((p) => Math.floor((total * p) / somme));
  montants[montants.length - 1] = total - montants.slice(0, -1).reduce((s, m) => s + m, 0);
  const envoyes = h.entier(40, 120);
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    clients,
    modifications,
    ventes,
    familles: familles.map((famille, i) => ({ famille, ca: montants[i]! / 100 })),
    commandes: h.entier(60, 240),
    devisEnvoyes: envoyes,
    devisAcceptes: Math.round(envoyes * h.choisir([0.25, 0.3, 0.35, 0.4, 0.5])),
  };
}
