import { readFileSync } from 'node:fs';
import Engine from 'publicodes';

/**
 * The URSSAF rules (publicodes « modele-social », MIT) as an oracle for the payslip calculator.
 * modele-social 11 models the 2026 RGDU and no longer the 2025 réduction générale, so 2025
 * situations use the 8.0.0 rules (installed under the alias modele-social-2025).
 * The package is an ES module holding the rules as one JSON string: read it as text.
 */
const moteurs = new Map<string, Engine>();

function moteur(annee: number): Engine {
  const paquet = annee <= 2025 ? 'modele-social-2025' : 'modele-social';
  let m = moteurs.get(paquet);
  if (!m) {
    const source = readFileSync(require.resolve(`${paquet}/package.json`).replace(/package\.json$/, 'dist/index.js'), 'utf8');
    const litteral = /export const json = (?:\/\*@__PURE__\*\/ )?("(?:[^"\\]|\\.)*");/.exec(source);
    if (!litteral) throw new Error(`Règles introuvables dans ${paquet}`);
    const silencieux = { log() {}, warn() {}, error() {} };
    m = new Engine(JSON.parse(JSON.parse(litteral[1] as string)), { logger: silencieux });
    moteurs.set(paquet, m);
  }
  return m;
}

/** What the oracle is told: the same situation as the calculator's input, in publicodes terms. */
export interface SituationOracle {
  periode: string; // AAAA-MM
  salaireBase: number; // € for the month, after an absence
  salaireMoisComplet?: number; // € without the absence (mois incomplet)
  cadre: boolean;
  effectif: number;
  heuresSup?: number; // hours, all within the +25 % band (8 h a week)
  prime?: number; // € (prime d'activité)
  sante: { salarie: number; employeur: number };
}

export interface ResultatOracle {
  brut: number;
  cotisationsSalariales: number;
  cotisationsPatronales: number;
  netSocial: number;
  netAPayerAvantImpot: number;
  netImposable: number;
  coutEmployeur: number;
}

export function oracle(s: SituationOracle): ResultatOracle {
  const [annee, mois] = s.periode.split('-');
  const situation: Record<string, string | number> = {
    date: `'01/${mois}/${annee}'`,
    'salarié . contrat . salaire brut': `${s.salaireBase} €/mois`,
    'salarié . contrat . statut cadre': s.cadre ? 'oui' : 'non',
    'entreprise . salariés . effectif': s.effectif,
    'salarié . cotisations . prévoyances . santé . montant': `${s.sante.salarie + s.sante.employeur} €/mois`,
    'salarié . cotisations . prévoyances . santé . taux employeur': `${s.sante.salarie + s.sante.employeur ? (100 * s.sante.employeur) / (s.sante.salarie + s.sante.employeur) : 50} %`,
  };
  if (s.heuresSup) situation['salarié . temps de travail . heures supplémentaires'] = `${s.heuresSup} heure/mois`;
  if (s.salaireMoisComplet !== undefined) situation['salarié . mois incomplet . rémunération équivalente mois complet'] = `${s.salaireMoisComplet} €/mois`;
  if (s.prime) situation['salarié . rémunération . primes . activité . base'] = `${s.prime} €/mois`;
  const m = moteur(Number(annee));
  m.setSituation(situation as never);
  const val = (regle: string): number => {
    const v = m.evaluate(regle).nodeValue;
    if (typeof v !== 'number') throw new Error(`modele-social : ${regle} = ${String(v)}`);
    return v;
  };
  return {
    brut: val('salarié . rémunération . brut'),
    cotisationsSalariales: val('salarié . cotisations . salarié'),
    cotisationsPatronales: val('salarié . cotisations . employeur'),
    netSocial: val('salarié . rémunération . montant net social'),
    netAPayerAvantImpot: val('salarié . rémunération . net . à payer avant impôt'),
    netImposable: val('salarié . rémunération . net . imposable'),
    coutEmployeur: val('salarié . coût total employeur'),
  };
}

/** Any rule's value in the last situation evaluated for `annee` (for diagnosing a difference). */
export function valeurOracle(annee: number, regle: string): unknown {
  return moteur(annee).evaluate(regle).nodeValue;
}
