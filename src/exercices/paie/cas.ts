import { TABLES_OFFICIELLES, type TablesDatees } from '../../domain/parametres/tables';
import { dernierJour } from '../../domain/dates';
import { parametresPaie } from '../../domain/parametres/paie';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['majorations', 'deductions', 'absence', 'prime'] as const;

const SALARIES = [
  { nom: 'LEROY Camille', emploi: 'Assistante de gestion' },
  { nom: 'PETIT Hugo', emploi: 'Employé administratif' },
  { nom: 'ROUSSEL Inès', emploi: 'Comptable' },
  { nom: 'FAURE Théo', emploi: 'Magasinier' },
  { nom: 'GAUTIER Manon', emploi: 'Secrétaire commerciale' },
  { nom: 'BRUNET Karim', emploi: 'Technicien de maintenance' },
  { nom: 'MERCIER Jade', emploi: 'Vendeuse' },
  { nom: 'BLANCHARD Lucas', emploi: 'Gestionnaire de paie' },
];
const CADRES = [
  { nom: 'COLIN Sophie', emploi: 'Responsable administrative et financière' },
  { nom: 'LAMBERT Yanis', emploi: 'Chef de projet' },
];

/** Monday-to-Friday days of the month × 7 h: the hours an employee would have worked. */
export function heuresOuvreesDuMois(periode: string): number {
  const fin = Number(dernierJour(periode).slice(8));
  let jours = 0;
  for (let j = 1; j <= fin; j++) {
    const d = new Date(`${periode}-${String(j).padStart(2, '0')}T00:00:00Z`).getUTCDay();
    if (d !== 0 && d !== 6) jours++;
  }
  return jours * 7;
}

/**
 * A month of pay for one employee, as case data (the payslip calculator's JSON input), with the
 * aléas of the référentiel (3.2.4, « Majorations sur salaire », « Déductions sur salaire »):
 * majorations (overtime week by week, some beyond the 8th hour), deductions (an advance on salary
 * and the employee's share of meal vouchers), absence (unpaid, counted on the month's real hours),
 * prime (a bonus subject to contributions).
 */
export function casPaie(graine: number, periode: string, aleas: readonly string[], t: TablesDatees = TABLES_OFFICIELLES): Record<string, unknown> {
  const h = new Hasard(graine);
  const e = h.choisir(ENTREPRISES);
  const smic = parametresPaie(periode, t.paie).smic_horaire?.valeur as number;
  const cadre = h.entier(1, 5) === 1;
  const s = h.choisir(cadre ? CADRES : SALARIES);
  const cas: Record<string, unknown> = {
    periode,
    entreprise: { nom: `${e.nom} ${e.forme}`, effectif: h.choisir([6, 9, 14, 23, 38, 57]), tauxAtmp: h.choisir([0.9, 1.2, 1.5, 2.1]) },
    salarie: { nom: s.nom, emploi: s.emploi, statut: cadre ? 'cadre' : 'non_cadre' },
    ...(cadre ? { salaireBase: h.montant(3400, 5200, 10) } : { tauxHoraire: h.montant(smic, smic * 1.45, 0.01) }),
    complementaireSante: (() => {
      const part = h.montant(18, 45, 0.5);
      return { salarie: part, employeur: part };
    })(),
    tauxPas: h.choisir([0, 1.8, 3.4, 5.1, 7.5]),
  };
  if (aleas.includes('majorations')) {
    const semaines = Array.from({ length: h.entier(3, 4) }, () => h.choisir([0, 2, 3, 4, 5, 6, 8]));
    semaines[h.entier(0, semaines.length - 1)] = h.choisir([9, 10, 11]); // one week beyond the 8th overtime hour
    cas.heuresSupplementaires = { semaines };
  }
  if (aleas.includes('absence')) {
    cas.absence = { heures: h.choisir([3.5, 7, 10.5, 14]), methode: 'heures_reelles', heuresDuMois: heuresOuvreesDuMois(periode), motif: 'Absence non rémunérée' };
  }
  if (aleas.includes('prime')) cas.primes = [{ libelle: h.choisir(['Prime d\u2019assiduité', 'Prime sur objectifs', 'Prime exceptionnelle']), montant: h.montant(60, 400, 10) }];
  if (aleas.includes('deductions')) {
    const jours = h.entier(15, 21);
    cas.retenues = [
      { libelle: `Acompte versé le 15`, montant: h.montant(150, 500, 50) },
      { libelle: `Titres-restaurant (part salariale, ${jours} × 4,50 €)`, montant: Math.round(jours * 450) / 100 },
    ];
  }
  return cas;
}
