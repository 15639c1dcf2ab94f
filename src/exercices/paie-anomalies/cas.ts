import { TABLES_OFFICIELLES, type TablesDatees } from '../../domain/parametres/tables';
import { ajouterMois } from '../../domain/dates';
import { appliquerTaux, versEuros } from '../../domain/monnaie';
import { parametresPaie, type CodePaie, type ParametresPaie } from '../../domain/parametres/paie';
import { calculerBulletin, type LigneBulletin } from '../paie/bulletin';
import { lignesAffichees, totauxAffiches, type LigneAffichee } from './controle';
import { EntreeBulletin } from '../paie/entree';
import { valider } from '../../domain/validation';
import { Hasard } from '../../domain/cas/hasard';
import { casPaie } from '../paie/cas';

/** The kinds of error slipped into a completed bulletin: the aléas of this generator (the template describes each one). */
export const ALEAS = ['taux_perime', 'assiette', 'calcul', 'exoneration'] as const;

/**
 * A completed payslip with the errors of 3.2.5 slipped in, one per aléa (« Mise à jour des
 * paramètres de paie », « Erreur de paie », « Application d'exonérations, taux spécifiques »):
 * taux_perime (last year's rate, or an older one), assiette (a contribution on the whole gross),
 * calcul (two digits of an amount swapped), exoneration (a reduction left out). Only contribution
 * lines are touched, so that the gross and every base stay right and each error stays on its row.
 */

/** Rates of earlier years a software may still carry when last year's is the same: 2016 and 2017. */
const TAUX_ANCIENS: Partial<Record<CodePaie, number>> = { vieillesse_deplafonnee_salarial: 0.35, csg_deductible: 5.1 };

type Cote = 'Salarial' | 'Patronal';
interface Erreur {
  ligne: number; // index in b.lignes
  appliquer: (l: LigneAffichee, x: LigneBulletin) => void;
}

function candidatsTauxPerime(lignes: readonly LigneBulletin[], p: ParametresPaie, periode: string, t: TablesDatees): Erreur[] {
  const precedent = ajouterMois(periode, -12);
  let avant: ParametresPaie | null = null;
  try {
    avant = parametresPaie(precedent, t.paie);
  } catch {
    avant = null; // before the tables: the older rates only
  }
  const r: Erreur[] = [];
  lignes.forEach((x, i) => {
    for (const cote of ['Salarial', 'Patronal'] as Cote[]) {
      const codes = x[`parametres${cote}`];
      if (codes.length !== 1) continue;
      const code = codes[0]!;
      const ancien = avant?.[code]?.valeur;
      const taux = ancien !== null && ancien !== undefined && ancien !== p[code]?.valeur ? ancien : TAUX_ANCIENS[code];
      if (taux === undefined) continue;
      r.push({
        ligne: i,
        appliquer: (l) => {
          l[`taux${cote}`] = taux;
          l[`montant${cote}`] = appliquerTaux(Math.round((l.base ?? 0) * 100), taux);
        },
      });
    }
  });
  return r;
}

function candidatsAssiette(lignes: readonly LigneBulletin[], brut: number): Erreur[] {
  const surLeBrut = (i: number): Erreur => ({
    ligne: i,
    appliquer: (l, x) => {
      l.base = brut / 100;
      if (x.tauxSalarial !== null) l.montantSalarial = appliquerTaux(brut, x.tauxSalarial);
      if (x.tauxPatronal !== null) l.montantPatronal = appliquerTaux(brut, x.tauxPatronal);
    },
  });
  const codes = ['csg_deductible', 'csg_crds_non_deductible', 'vieillesse_plafonnee', 'retraite_t1', 'ceg_t1'];
  return lignes.flatMap((x, i) => (codes.includes(x.code) && x.base !== null && x.base !== brut ? [surLeBrut(i)] : []));
}

/** Two adjacent different digits swapped: 178,56 € printed 178,65 €. */
function candidatsCalcul(lignes: readonly LigneBulletin[], h: Hasard): Erreur[] {
  return lignes.flatMap((x, i) =>
    (['Salarial', 'Patronal'] as Cote[]).flatMap((cote): Erreur[] => {
      const m = x[`montant${cote}`];
      if (m === null || m < 1000) return [];
      const chiffres = String(m).split('');
      const paires = chiffres.slice(0, -1).flatMap((c, k) => (c !== chiffres[k + 1] ? [k] : []));
      if (!paires.length) return [];
      const k = h.choisir(paires);
      [chiffres[k], chiffres[k + 1]] = [chiffres[k + 1]!, chiffres[k]!];
      return [{ ligne: i, appliquer: (l) => void (l[`montant${cote}`] = Number(chiffres.join(''))) }];
    }),
  );
}

function candidatsExoneration(lignes: readonly LigneBulletin[]): Erreur[] {
  return lignes.flatMap((x, i): Erreur[] =>
    ['reduction_hs', 'reduction_generale', 'deduction_forfaitaire_hs'].includes(x.code)
      ? [
          {
            ligne: i,
            appliquer: (l) => {
              Object.assign(l, { tauxSalarial: null, montantSalarial: x.montantSalarial === null ? null : 0, tauxPatronal: null, montantPatronal: x.montantPatronal === null ? null : 0 });
            },
          },
        ]
      : [],
  );
}

export function casControlePaie(graine: number, periode: string, aleas: readonly string[], tables: TablesDatees = TABLES_OFFICIELLES): Record<string, unknown> {
  const h = new Hasard(graine ^ 0x5bd1e995);
  // Overtime always: the reductions on it are what an « exonération » error forgets.
  const cas = casPaie(graine, periode, ['majorations', ...h.tirer(['deductions', 'absence', 'prime'], 1)], tables);
  const e = valider(EntreeBulletin, cas, 'le cas généré');
  const p = parametresPaie(periode, tables.paie);
  const b = calculerBulletin(e, p);
  const affiche = lignesAffichees(b);
  const decalage = affiche.length - b.lignes.length; // the elements of the gross come first
  const prises = new Set<number>();
  for (const a of aleas) {
    const candidats = (
      a === 'taux_perime'
        ? candidatsTauxPerime(b.lignes, p, periode, tables)
        : a === 'assiette'
          ? candidatsAssiette(b.lignes, b.brut)
          : a === 'exoneration'
            ? candidatsExoneration(b.lignes)
            : candidatsCalcul(b.lignes, h)
    ).filter((c) => !prises.has(c.ligne));
    const choix = candidats.length ? h.choisir(candidats) : h.choisir(candidatsCalcul(b.lignes, h).filter((c) => !prises.has(c.ligne)));
    prises.add(choix.ligne);
    choix.appliquer(affiche[decalage + choix.ligne]!, b.lignes[choix.ligne]!);
  }
  const t = totauxAffiches(b, affiche);
  return {
    cas,
    bulletin: affiche.map((l) => ({ ...l, montantSalarial: l.montantSalarial && versEuros(l.montantSalarial), montantPatronal: l.montantPatronal && versEuros(l.montantPatronal) })),
    totaux: { brut: versEuros(t.brut), totalSalarial: versEuros(t.totalSalarial), totalPatronal: versEuros(t.totalPatronal), netAPayer: versEuros(t.netAPayer) },
  };
}
