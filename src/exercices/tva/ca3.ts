import { ErreurDonnees } from '../../domain/validation';
import { arrondiEuro, enEuros, taxe, type Centimes } from '../../domain/monnaie';
import { dateFr, moisDe, moisEnLettres } from '../../domain/dates';
import type { TauxTva } from '../../domain/parametres/tva';
import type { EntreeCa3, OperationTva } from './entree';

/**
 * The monthly TVA return n° 3310-CA3, lines a Bac Pro AGOrA case uses. Labels are the form's.
 * Method (CGI art. 269 and the form's notice):
 *  - goods are retained when delivered (the case's `date`), services when paid (`reglement`),
 *    unless the option for the débits makes the invoice date count; the same rule gives the
 *    right to deduct on purchases (art. 271: deductible when exigible at the supplier's);
 *  - intra-EU acquisitions of goods (B2) and services bought from a supplier established abroad
 *    (A3, art. 283-2) are self-assessed: the TVA is due (08…T6, and 17 for B2) and deductible (19/20);
 *  - amounts are summed to the cent per line, then each line is rounded to the nearest euro
 *    (0,50 € counts for one); totals are sums of the rounded lines, as on the form.
 */
export interface DefinitionLigne {
  code: string;
  libelle: string;
  cadre: 'A' | 'B';
  base?: boolean; // rate lines carry a base and a tax
}

export const LIGNES_CA3: readonly DefinitionLigne[] = [
  { code: 'A1', cadre: 'A', libelle: 'Ventes, prestations de services' },
  { code: 'A3', cadre: 'A', libelle: 'Achats de prestations de services réalisés auprès d\u2019un assujetti non établi en France (article 283-2 du CGI)' },
  { code: 'B2', cadre: 'A', libelle: 'Acquisitions intracommunautaires' },
  { code: 'E1', cadre: 'A', libelle: 'Exportations hors UE' },
  { code: 'E2', cadre: 'A', libelle: 'Autres opérations non imposables' },
  { code: 'F2', cadre: 'A', libelle: 'Livraisons intracommunautaires à destination d\u2019une personne assujettie' },
  { code: '08', cadre: 'B', base: true, libelle: 'Taux normal 20 %' },
  { code: '09', cadre: 'B', base: true, libelle: 'Taux réduit 5,5 %' },
  { code: '9B', cadre: 'B', base: true, libelle: 'Taux réduit 10 %' },
  { code: 'T6', cadre: 'B', base: true, libelle: 'Taux réduit 2,1 %' },
  { code: '16', cadre: 'B', libelle: 'Total de la TVA brute due' },
  { code: '17', cadre: 'B', libelle: 'Dont TVA sur acquisitions intracommunautaires' },
  { code: '19', cadre: 'B', libelle: 'Biens constituant des immobilisations' },
  { code: '20', cadre: 'B', libelle: 'Autres biens et services' },
  { code: '22', cadre: 'B', libelle: 'Report du crédit apparaissant ligne 27 de la précédente déclaration' },
  { code: '23', cadre: 'B', libelle: 'Total TVA déductible' },
  { code: '25', cadre: 'B', libelle: 'Crédit de TVA (ligne 23 – ligne 16)' },
  { code: '26', cadre: 'B', libelle: 'Remboursement de crédit demandé sur formulaire n° 3519 joint' },
  { code: '27', cadre: 'B', libelle: 'Crédit à reporter (ligne 25 – ligne 26)' },
  { code: 'TD', cadre: 'B', libelle: 'TVA due (ligne 16 – ligne 23)' },
  { code: '28', cadre: 'B', libelle: 'TVA nette due' },
  { code: '32', cadre: 'B', libelle: 'Total à payer' },
];

export interface LigneCa3 {
  code: string;
  libelle: string;
  montant: number; // whole euros (the tax for a rate line)
  base?: number; // whole euros, rate lines only
  operations: string[]; // pieces retained on this line
}

export interface ResultatCa3 {
  periode: string;
  lignes: LigneCa3[];
  retenues: { piece: string; lignes: string[] }[];
  exclues: { piece: string; motif: string }[];
  avertissements: string[];
}

export interface ParametresCa3 {
  taux: readonly TauxTva[];
  seuilRemboursement: number; // euros
}

type Exigibilite = { retenue: true } | { retenue: false; motif: string };

/** When the operation counts: by delivery/invoice date, or by payment date for services without the débits option. */
function exigibilite(op: OperationTva, periode: string, optionDebitsEntreprise: boolean): Exigibilite {
  const parReglement = op.nature === 'service' && op.zone === 'france' && !(op.sens === 'vente' ? optionDebitsEntreprise : op.optionDebits);
  if (!parReglement) {
    if (moisDe(op.date) === periode) return { retenue: true };
    return { retenue: false, motif: `${op.nature === 'service' ? 'facturée' : 'livrée'} le ${dateFr(op.date)}, hors de la période` };
  }
  const verbe = op.sens === 'vente' ? 'encaissée' : 'payée';
  if (!op.reglement) return { retenue: false, motif: `prestation de services non encore ${verbe} (TVA exigible ${op.sens === 'vente' ? 'à l\u2019encaissement' : 'au paiement'})` };
  if (moisDe(op.reglement) !== periode) return { retenue: false, motif: `prestation de services ${verbe} le ${dateFr(op.reglement)}, hors de la période` };
  return { retenue: true };
}

function verifier(e: EntreeCa3, p: ParametresCa3): void {
  const problemes: string[] = [];
  const vues = new Map<string, number>();
  e.operations.forEach((op, i) => {
    const ici = `opération ${i + 1} (pièce ${op.piece})`;
    if (vues.has(op.piece)) problemes.push(`${ici} : la pièce figure déjà à l\u2019opération ${vues.get(op.piece)! + 1}`);
    vues.set(op.piece, i);
    if (op.sens === 'vente' && op.nature === 'immobilisation') problemes.push(`${ici} : cession d\u2019immobilisation non traitée par ce calculateur`);
    if (op.sens === 'achat' && op.zone === 'hors_ue' && op.nature !== 'service') problemes.push(`${ici} : importation non traitée par ce calculateur (lignes A4 et I1 à I6)`);
    const exoneree = op.sens === 'vente' && op.zone !== 'france';
    if (!exoneree && !p.taux.some((t) => t.taux === op.taux))
      problemes.push(`${ici} : taux de TVA inconnu ${String(op.taux).replace('.', ',')} % (taux possibles : ${p.taux.map((t) => `${String(t.taux).replace('.', ',')} %`).join(', ')})`);
  });
  if (problemes.length) throw new ErreurDonnees('Cas de TVA invalide', problemes);
}

export function calculerCa3(e: EntreeCa3, p: ParametresCa3): ResultatCa3 {
  verifier(e, p);
  const centimes = new Map<string, Centimes>();
  const bases = new Map<string, Centimes>();
  const ops = new Map<string, string[]>(LIGNES_CA3.map((l) => [l.code, []]));
  const retenues: ResultatCa3['retenues'] = [];
  const exclues: ResultatCa3['exclues'] = [];
  let lignesDeLaPiece: string[] = []; // lines the current operation reaches, in the form's order
  const ajouter = (code: string, piece: string, montant: Centimes, base?: Centimes) => {
    centimes.set(code, (centimes.get(code) ?? 0) + montant);
    if (base !== undefined) bases.set(code, (bases.get(code) ?? 0) + base);
    if (!ops.get(code)!.includes(piece)) ops.get(code)!.push(piece);
    if (!lignesDeLaPiece.includes(code)) lignesDeLaPiece.push(code);
  };
  const ligneDuTaux = (pourcent: number) => p.taux.find((t) => t.taux === pourcent)!.ligne;

  for (const op of e.operations) {
    const ex = exigibilite(op, e.periode, e.optionDebits);
    if (!ex.retenue) {
      exclues.push({ piece: op.piece, motif: ex.motif });
      continue;
    }
    lignesDeLaPiece = [];
    if (op.sens === 'vente') {
      if (op.zone === 'france') {
        ajouter('A1', op.piece, op.ht);
        ajouter(ligneDuTaux(op.taux), op.piece, taxe(op.ht, op.taux), op.ht);
      } else if (op.nature === 'service') ajouter('E2', op.piece, op.ht);
      else ajouter(op.zone === 'ue' ? 'F2' : 'E1', op.piece, op.ht);
    } else {
      const tva = taxe(op.ht, op.taux);
      const autoliquidee = op.zone !== 'france';
      if (autoliquidee) {
        const cadreA = op.nature === 'service' ? 'A3' : 'B2';
        ajouter(cadreA, op.piece, op.ht);
        ajouter(ligneDuTaux(op.taux), op.piece, tva, op.ht);
        if (cadreA === 'B2') ajouter('17', op.piece, tva);
      }
      ajouter(op.nature === 'immobilisation' ? '19' : '20', op.piece, tva);
    }
    retenues.push({ piece: op.piece, lignes: lignesDeLaPiece });
  }

  const euros = (code: string) => arrondiEuro(centimes.get(code) ?? 0);
  const montants = new Map<string, number>(LIGNES_CA3.filter((l) => !['16', '22', '23', '25', '26', '27', 'TD', '28', '32'].includes(l.code)).map((l) => [l.code, euros(l.code)]));
  const lignesTaux = LIGNES_CA3.filter((l) => l.base).map((l) => l.code);
  const l16 = lignesTaux.reduce((a, c) => a + montants.get(c)!, 0);
  const l22 = e.creditAnterieur;
  const l23 = montants.get('19')! + montants.get('20')! + l22;
  const l25 = Math.max(0, l23 - l16);
  const td = Math.max(0, l16 - l23);
  const avertissements: string[] = [];
  let l26 = 0;
  if (e.demandeRemboursement) {
    if (l25 === 0) avertissements.push(`Remboursement demandé sans crédit de TVA en ${moisEnLettres(e.periode)} : la demande est sans objet.`);
    else if (l25 < p.seuilRemboursement)
      avertissements.push(`Remboursement impossible : le crédit de ${enEuros(l25 * 100)} est inférieur au seuil de ${enEuros(p.seuilRemboursement * 100)} ; il est reporté.`);
    else l26 = l25;
  }
  montants
    .set('16', l16)
    .set('22', l22)
    .set('23', l23)
    .set('25', l25)
    .set('26', l26)
    .set('27', l25 - l26)
    .set('TD', td)
    .set('28', td)
    .set('32', td);
  for (const c of lignesTaux) ops.get('16')!.push(...ops.get(c)!);
  ops.get('23')!.push(...ops.get('19')!, ...ops.get('20')!);

  const libelleTaux = new Map(p.taux.map((t) => [t.ligne, t.libelle]));
  const lignes: LigneCa3[] = LIGNES_CA3.map((l) => ({
    code: l.code,
    libelle: libelleTaux.get(l.code) ?? l.libelle,
    montant: montants.get(l.code)!,
    ...(l.base ? { base: arrondiEuro(bases.get(l.code) ?? 0) } : {}),
    operations: [...new Set(ops.get(l.code)!)],
  }));
  return { periode: e.periode, lignes, retenues, exclues, avertissements };
}

/** Line by code, for callers and tests. */
export function ligne(r: ResultatCa3, code: string): LigneCa3 {
  const l = r.lignes.find((x) => x.code === code);
  if (!l) throw new Error(`Ligne CA3 inconnue : ${code}`);
  return l;
}
