import { ajouterJours } from '../../domain/dates';
import { ENTREPRISES } from '../../domain/cas/entreprises';
import { Hasard } from '../../domain/cas/hasard';

/** The aléas this generator knows (the template describes each one). */
export const ALEAS = ['cdd', 'absence_longue', 'dates_limites', 'sortie_anterieure', 'age_limite'] as const;

const PRENOMS = [
  ['Julie', 'F'],
  ['Sophie', 'F'],
  ['Inès', 'F'],
  ['Camille', 'F'],
  ['Nadia', 'F'],
  ['Léa', 'F'],
  ['Chloé', 'F'],
  ['Emma', 'F'],
  ['Karim', 'H'],
  ['Thomas', 'H'],
  ['Lucas', 'H'],
  ['Hugo', 'H'],
  ['Yanis', 'H'],
  ['Paul', 'H'],
  ['Louis', 'H'],
  ['Mehdi', 'H'],
] as const;
const NOMS = ['Marchand', 'Haddad', 'Lemoine', 'Nguyen', 'Barbier', 'Fontaine', 'Roussel', 'Benali', 'Martin', 'Petit', 'Durand', 'Moreau', 'Girard', 'Faure', 'Roux', 'Blanc'];
const EMPLOIS = ['Assistant de gestion', 'Comptable', 'Commercial', 'Magasinier', 'Technicien', 'Chargé d\u2019accueil', 'Responsable d\u2019équipe', 'Gestionnaire de paie'];
const MOTIFS = ['Maladie', 'Maladie', 'Accident du travail', 'Événement familial', 'Absence injustifiée'];

/**
 * A registre unique du personnel and the absences of a calendar year, as case data: the year before
 * `periode` (AAAA-MM), or its own year for a December. Aléas: cdd (two short contracts in the year,
 * each an entry and an exit), absence_longue (an accident du travail of two to four months),
 * dates_limites (an entry on 1 January and an exit on 31 December: both present that day),
 * sortie_anterieure (a leaver of the year before, still in the registre), age_limite (someone turning
 * 30, 40 or 50 in the year).
 */
export function casTableauSocial(graine: number, periode: string, aleas: readonly string[]): Record<string, unknown> {
  const h = new Hasard(graine);
  const entreprise = h.choisir(ENTREPRISES);
  const annee = Number(periode.slice(0, 4)) - (periode.endsWith('-12') ? 0 : 1);
  const [debut, fin] = [`${annee}-01-01`, `${annee}-12-31`];
  const jour = (a: number) => ajouterJours(`${a}-01-01`, h.entier(0, 364));
  const personnes = h.melanger(PRENOMS).flatMap(([prenom, sexe], i) => [{ nom: `${NOMS[(i * 5 + graine) % NOMS.length]} ${prenom}`, sexe }]);
  let k = 0;
  const salarie = (entree: string, sortie?: string, contrat = 'CDI', age = h.entier(21, 62)) => {
    const p = personnes[k++ % personnes.length]!;
    const naissance = ajouterJours(`${annee - age}-01-01`, h.entier(0, 364));
    return { matricule: `M${String(k).padStart(3, '0')}`, nom: p.nom, sexe: p.sexe, naissance, entree, ...(sortie ? { sortie } : {}), emploi: h.choisir(EMPLOIS), contrat };
  };
  const ancien = () => {
    const age = h.entier(23, 62);
    return salarie(jour(annee - h.entier(1, Math.min(20, age - 21))), undefined, 'CDI', age);
  };
  const salaries = [
    ...Array.from({ length: h.entier(7, 9) }, (_, i) => (aleas.includes('age_limite') && i === 0 ? salarie(jour(annee - 6), undefined, 'CDI', h.choisir([30, 40, 50])) : ancien())),
    // a leaver and a newcomer of the year
    salarie(jour(annee - h.entier(2, 9)), ajouterJours(debut, h.entier(30, 300)), 'CDI', h.entier(30, 62)),
    salarie(ajouterJours(debut, h.entier(20, 330))),
    ...(aleas.includes('cdd')
      ? [0, 1].map(() => {
          const e = ajouterJours(debut, h.entier(15, 200));
          return salarie(e, ajouterJours(e, h.entier(30, 120)), 'CDD', h.entier(19, 30));
        })
      : []),
    ...(aleas.includes('dates_limites') ? [salarie(debut), salarie(jour(annee - h.entier(2, 8)), fin, 'CDI', h.entier(30, 60))] : []),
    ...(aleas.includes('sortie_anterieure') ? [salarie(jour(annee - 5), ajouterJours(`${annee - 1}-01-01`, h.entier(30, 330)), 'CDI', h.entier(28, 60))] : []),
  ];
  const presents = salaries.filter((s) => !s.sortie || s.sortie >= debut);
  const absences = h
    .melanger(presents)
    .slice(0, h.entier(4, 7))
    .map((s) => ({ nom: s.nom, motif: h.choisir(MOTIFS), jours: h.entier(1, 25) }));
  if (aleas.includes('absence_longue')) absences.push({ nom: h.choisir(presents).nom, motif: 'Accident du travail', jours: h.entier(40, 85) });
  return {
    entreprise: `${entreprise.nom} ${entreprise.forme}`,
    debut,
    fin,
    joursTheoriques: h.choisir([218, 220, 225]),
    salaries: [...salaries].sort((a, b) => (a.entree < b.entree ? -1 : 1)),
    absences,
  };
}
