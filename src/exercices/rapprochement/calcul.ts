import { accorder } from '../../domain/texte';
import { ErreurDonnees } from '../../domain/validation';
import { enEuros, somme, type Centimes } from '../../domain/monnaie';
import { dateFr } from '../../domain/dates';
import { intituleCompte } from '../../domain/plancomptable';
import type { EntreeRapprochement, LigneCompte, LigneReleve } from './entree';

/**
 * The état de rapprochement bancaire, the way it is taught:
 *  1. pointage: a debit of the compte 512 (money in) matches a credit of the statement of the
 *     same amount, and the other way round; among equal amounts, the same reference first, then
 *     date order (reported as an ambiguity);
 *  2. a book line and a statement line with the same reference but different amounts is an
 *     erreur de la banque: corrected in the bank column, no entry in the books;
 *  3. statement lines missing from the books adjust the entreprise column and give the écritures
 *     de régularisation; book lines missing from the statement adjust the banque column;
 *  4. both columns end on the same solde rapproché.
 * Balances are signed from the company's point of view: compte 512 débiteur > 0, relevé créditeur > 0.
 */
export type Origine = 'compte' | 'suspens' | 'releve';

export interface LigneIdentifiee {
  origine: Origine;
  index: number; // 1-based, in its list
  date: string;
  libelle: string;
  reference?: string;
  debit: Centimes;
  credit: Centimes;
}

export interface Pointage {
  livre: LigneIdentifiee;
  releve: LigneIdentifiee;
  mode: 'montant' | 'reference' | 'date';
}

export interface LigneEtat {
  date: string;
  libelle: string;
  debit: Centimes;
  credit: Centimes;
  source: LigneIdentifiee;
}

export interface ColonneEtat {
  soldeAvant: Centimes; // signed: compte 512 débiteur / relevé créditeur > 0
  lignes: LigneEtat[];
  soldeRapproche: Centimes;
}

export interface LigneEcriture {
  compte: string;
  intitule: string;
  debit: Centimes;
  credit: Centimes;
}

export interface Ecriture {
  date: string;
  libelle: string;
  lignes: LigneEcriture[];
  source: LigneIdentifiee;
}

export interface ResultatRapprochement {
  date: string;
  pointages: Pointage[];
  ambiguites: string[];
  erreursBanque: { livre: LigneIdentifiee; releve: LigneIdentifiee; ecart: Centimes }[];
  entreprise: ColonneEtat; // « compte 512 de l'entreprise »
  banque: ColonneEtat; // « relevé de la banque »
  ecritures: Ecriture[];
}

const identifier =
  (origine: Origine) =>
  (l: LigneCompte | LigneReleve, i: number): LigneIdentifiee => ({
    origine,
    index: i + 1,
    date: l.date,
    libelle: l.libelle,
    ...(l.reference ? { reference: l.reference } : {}),
    debit: l.debit ?? 0,
    credit: l.credit ?? 0,
  });

const NOMS: Record<Origine, string> = { compte: 'compte 512', suspens: 'suspens précédents', releve: 'relevé' };
export const designation = (l: LigneIdentifiee) => `${NOMS[l.origine]}, ligne ${l.index} (${dateFr(l.date)} ${l.libelle})`;
const normaliser = (r?: string) => (r ?? '').replace(/\s+/g, '').toUpperCase();
/** Money into the bank: a debit in the books, a credit on the statement. */
const entree = (l: LigneIdentifiee) => (l.origine === 'releve' ? l.credit : l.debit);
const sortie = (l: LigneIdentifiee) => (l.origine === 'releve' ? l.debit : l.credit);
const effet = (l: LigneIdentifiee) => entree(l) - sortie(l);

function pointer(livre: LigneIdentifiee[], releve: LigneIdentifiee[]): { pointages: Pointage[]; ambiguites: string[] } {
  const groupes = new Map<number, { l: LigneIdentifiee[]; r: LigneIdentifiee[] }>();
  for (const x of livre) (groupes.get(effet(x)) ?? groupes.set(effet(x), { l: [], r: [] }).get(effet(x))!).l.push(x);
  for (const x of releve) groupes.get(effet(x))?.r.push(x);
  const pointages: Pointage[] = [];
  const ambiguites: string[] = [];
  for (const [montant, g] of groupes) {
    if (!g.r.length) continue;
    const simple = g.l.length === 1 && g.r.length === 1;
    const l = [...g.l];
    const r = [...g.r];
    for (const a of [...l]) {
      const ref = normaliser(a.reference);
      const j = ref ? r.findIndex((b) => normaliser(b.reference) === ref) : -1;
      if (j < 0) continue;
      pointages.push({ livre: a, releve: r[j]!, mode: simple ? 'montant' : 'reference' });
      r.splice(j, 1);
      l.splice(l.indexOf(a), 1);
    }
    if (!l.length || !r.length) continue;
    const parDate = (a: LigneIdentifiee, b: LigneIdentifiee) => a.date.localeCompare(b.date) || a.index - b.index;
    l.sort(parDate);
    r.sort(parDate);
    const n = Math.min(l.length, r.length);
    for (let k = 0; k < n; k++) pointages.push({ livre: l[k]!, releve: r[k]!, mode: simple ? 'montant' : 'date' });
    if (!simple)
      ambiguites.push(
        `${enEuros(Math.abs(montant))} ${montant > 0 ? 'encaissés' : 'décaissés'} : ${accorder(g.l.length, 'ligne')} au compte 512 et ${g.r.length} au relevé ; ` +
          `appariées ${n > 1 ? 'par ordre de date' : 'par date'} faute de référence commune (${l
            .slice(0, n)
            .map((x, k) => `${dateFr(x.date)} ↔ ${dateFr(r[k]!.date)}`)
            .join(', ')}).`,
      );
  }
  return { pointages, ambiguites };
}

export function calculerRapprochement(e: EntreeRapprochement): ResultatRapprochement {
  const suspens = e.suspens.map(identifier('suspens'));
  const compte = e.compte512.lignes.map(identifier('compte'));
  const releve = e.releve.lignes.map(identifier('releve'));
  const livre = [...suspens, ...compte];

  // The previous état explains the gap between the two opening balances; anything else is a case error.
  const ecartInitial = e.compte512.soldeInitial - e.releve.soldeInitial;
  const expliqueParSuspens = somme(suspens.map(effet));
  if (ecartInitial !== expliqueParSuspens)
    throw new ErreurDonnees(
      `Les soldes initiaux ne concordent pas : compte 512 ${enEuros(e.compte512.soldeInitial)}, relevé ${enEuros(e.releve.soldeInitial)}, ` +
        `soit un écart de ${enEuros(ecartInitial)} alors que les suspens du rapprochement précédent en expliquent ${enEuros(expliqueParSuspens)}.`,
      [],
    );

  const { pointages, ambiguites } = pointer(livre, releve);
  const pointe = new Set<LigneIdentifiee>(pointages.flatMap((p) => [p.livre, p.releve]));
  const erreursBanque: ResultatRapprochement['erreursBanque'] = [];
  for (const a of livre.filter((x) => !pointe.has(x) && x.reference)) {
    const b = releve.find((x) => !pointe.has(x) && normaliser(x.reference) === normaliser(a.reference) && Math.sign(effet(x)) === Math.sign(effet(a)));
    if (!b) continue;
    erreursBanque.push({ livre: a, releve: b, ecart: effet(a) - effet(b) });
    pointe.add(a).add(b);
  }

  const problemes = releve.flatMap((x) => {
    const l = e.releve.lignes[x.index - 1]!;
    const p: string[] = [];
    if (!pointe.has(x) && !l.compte) p.push(`${designation(x)} : non pointée ; indiquez le compte de contrepartie de sa régularisation (champ « releve.lignes[${x.index}].compte »)`);
    if (l.tva && (x.debit === 0 || l.tva >= x.debit))
      p.push(`${designation(x)} : la TVA déductible ne peut porter que sur une somme débitée, et lui être inférieure (champ « releve.lignes[${x.index}].tva »)`);
    return p;
  });
  if (problemes.length) throw new ErreurDonnees('Rapprochement impossible', problemes);

  const solde512 = e.compte512.soldeInitial + somme(compte.map(effet));
  const soldeReleve = e.releve.soldeInitial + somme(releve.map(effet));
  const lignesEntreprise: LigneEtat[] = releve.filter((x) => !pointe.has(x)).map((x) => ({ date: x.date, libelle: x.libelle, debit: entree(x), credit: sortie(x), source: x }));
  const lignesBanque: LigneEtat[] = [
    ...livre.filter((x) => !pointe.has(x)).map((x) => ({ date: x.date, libelle: x.libelle, debit: sortie(x), credit: entree(x), source: x })),
    ...erreursBanque.map((eb) => ({
      date: eb.releve.date,
      libelle: `Erreur de la banque : ${eb.releve.libelle} (${enEuros(Math.abs(effet(eb.releve)))} au lieu de ${enEuros(Math.abs(effet(eb.livre)))})`,
      debit: Math.max(0, -eb.ecart),
      credit: Math.max(0, eb.ecart),
      source: eb.releve,
    })),
  ];
  const colonne = (soldeAvant: Centimes, lignes: LigneEtat[], plus: (l: LigneEtat) => Centimes, moins: (l: LigneEtat) => Centimes): ColonneEtat => ({
    soldeAvant,
    lignes,
    soldeRapproche: soldeAvant + somme(lignes.map(plus)) - somme(lignes.map(moins)),
  });
  // In the 512 column a debit adds to a débiteur balance; on the statement a credit adds to a créditeur one.
  const entreprise = colonne(
    solde512,
    lignesEntreprise,
    (l) => l.debit,
    (l) => l.credit,
  );
  const banque = colonne(
    soldeReleve,
    lignesBanque,
    (l) => l.credit,
    (l) => l.debit,
  );
  if (entreprise.soldeRapproche !== banque.soldeRapproche) throw new Error(`Soldes rapprochés différents (${entreprise.soldeRapproche} / ${banque.soldeRapproche}) : cas incohérent non détecté.`);

  const ecritures: Ecriture[] = lignesEntreprise.map((l) => {
    const numero = e.releve.lignes[l.source.index - 1]!.compte!;
    const tva = e.releve.lignes[l.source.index - 1]!.tva ?? 0;
    const banqueLigne = (debit: Centimes, credit: Centimes): LigneEcriture => ({ compte: '512', intitule: intituleCompte('512'), debit, credit });
    const contrepartie = (debit: Centimes, credit: Centimes): LigneEcriture => ({ compte: numero, intitule: intituleCompte(numero) || l.libelle, debit, credit });
    const lignes: LigneEcriture[] =
      l.debit > 0
        ? [banqueLigne(l.debit, 0), contrepartie(0, l.debit)]
        : [contrepartie(l.credit - tva, 0), ...(tva ? [{ compte: '44566', intitule: intituleCompte('44566'), debit: tva, credit: 0 }] : []), banqueLigne(0, l.credit)];
    return { date: e.date, libelle: l.libelle, lignes, source: l.source };
  });

  return { date: e.date, pointages, ambiguites, erreursBanque, entreprise, banque, ecritures };
}
