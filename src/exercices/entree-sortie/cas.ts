import { ajouterJours, ajouterMois, dateDansMois } from '../../domain/dates';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';
import { parametresPersonnel } from '../../domain/parametres/personnel';
import type { TablesDatees } from '../../domain/parametres/tables';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['renouvellement', 'refus_cdi', 'longue_anciennete', 'prime'] as const;

const NOMS = ['Julie Marchand', 'Karim Haddad', 'Sophie Lemoine', 'Thomas Nguyen', 'Inès Barbier', 'Lucas Fontaine', 'Camille Roussel', 'Nadia Benali'];

/**
 * Three files of `periode` (AAAA-MM), as case data. Aléas: renouvellement (the trial period renewed
 * as the branch agreement allows), refus_cdi (the CDD ends after the employee refused a CDI),
 * longue_anciennete (more than ten years of seniority: a third of a month beyond), prime (a bonus in
 * the last three months: their average wins).
 */
export function casEntreeSortie(graine: number, periode: string, aleas: readonly string[], t: TablesDatees): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const [a, b, c] = h.melanger(NOMS);
  const p = parametresPersonnel(`${periode}-01`, t.personnel);
  const categorie = h.choisir(['ouvrier', 'maitrise', 'cadre'] as const);
  const essai = { ouvrier: [p.essaiOuvriers, p.essaiMaxOuvriers], maitrise: [p.essaiMaitrise, p.essaiMaxMaitrise], cadre: [p.essaiCadres, p.essaiMaxCadres] }[categorie];
  const dureeCdd = h.entier(3, 8);
  const finCdd = ajouterJours(`${periode}-01`, h.entier(5, 27));
  const notification = ajouterJours(`${periode}-01`, h.entier(0, 24));
  const anciennete = aleas.includes('longue_anciennete') ? h.entier(125, 260) : h.entier(14, 110); // months before the notification
  const base = h.montant(1900, 3200, 10);
  const primeA = aleas.includes('prime') ? h.entier(9, 11) : -1; // one of the last three months
  const salaires = Array.from({ length: 12 }, (_, i) => ({
    mois: ajouterMois(notification.slice(0, 7), i - 12),
    brut: Math.round((base + (i === primeA ? h.montant(800, 2500, 10) : h.suivant() < 0.2 ? h.montant(50, 300, 1) : 0)) * 100) / 100,
  }));
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    embauche: {
      salarie: a,
      categorie,
      date: ajouterJours(`${periode}-01`, h.entier(0, 20)),
      renouvellement: aleas.includes('renouvellement') ? h.entier(1, essai[1]! - essai[0]!) : 0,
    },
    cdd: {
      salarie: b,
      debut: ajouterJours(dateDansMois(finCdd, -dureeCdd), 1),
      fin: finCdd,
      brut: Math.round(dureeCdd * h.montant(1850, 2600, 10) * 100) / 100,
      motif: aleas.includes('refus_cdi') ? 'refus_cdi' : 'terme',
    },
    licenciement: {
      salarie: c,
      entree: ajouterJours(dateDansMois(notification, -anciennete), -h.entier(0, 20)),
      notification,
      salaires,
      conges: h.entier(3, 25),
      salaireMensuel: base,
    },
  };
}
