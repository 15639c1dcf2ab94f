import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style } from '../../sheets/model';
import { bandeau, entete, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { dateFr } from '../../domain/dates';
import { diviserArrondi } from '../../domain/monnaie';
import { nombreFr } from '../../domain/texte';
import { FORMAT_DATE, type Bloc } from '../../sheets/exercices/blocs';
import {
  celluleDeZone,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
  FEUILLES,
  feuilleDeRegles,
  fondCorrige,
  reponsesChangees,
  valeurRemplie,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type OuNom,
  type SpecExercice,
  ligneDeReponse,
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/tableau-social.json';
import { calculerTableauSocial, FACON_JUSTE, finsDeMois, pyramideDe, TRANCHES, type Facon } from './calcul';
import { CONTRATS, SEXES, type EntreeTableauSocial } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'tableau-social');

export const NOMS_TBS = {
  registre: 'TBS_Registre',
  debut: 'TBS_Effectif_Debut',
  fin: 'TBS_Effectif_Fin',
  mensuels: 'TBS_Mensuels',
  moyen: 'TBS_Effectif_Moyen',
  entrees: 'TBS_Entrees',
  sorties: 'TBS_Sorties',
  rotation: 'TBS_Rotation',
  absenteisme: 'TBS_Absenteisme',
  pyramide: 'TBS_Pyramide',
  anciennete: 'TBS_Anciennete_Moyenne',
  femmes: 'TBS_Part_Femmes',
} as const;

function blocs(e: EntreeTableauSocial): Bloc[] {
  return [
    {
      nom: 'TBS_Situation',
      titre: 'Le tableau de bord social',
      champs: [
        { nom: 'TBS_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'TBS_Debut', cle: 'debut', libelle: 'Premier jour de la période', type: 'date', valeur: e.debut },
        { nom: 'TBS_Fin', cle: 'fin', libelle: 'Dernier jour de la période', type: 'date', valeur: e.fin },
        { nom: 'TBS_Jours_Theoriques', cle: 'joursTheoriques', libelle: 'Jours de travail théoriques d\u2019un salarié présent toute la période', type: 'entier', valeur: e.joursTheoriques },
      ],
    },
    {
      nom: 'TBS_Personnel',
      titre: 'Registre unique du personnel (extrait)',
      colonnes: [
        { cle: 'matricule', entete: 'Matricule', type: 'texte', largeur: 1 },
        { cle: 'nom', entete: 'Nom et prénom', type: 'texte', largeur: 2 },
        { cle: 'sexe', entete: 'Sexe', type: { choix: SEXES }, largeur: 1 },
        { cle: 'naissance', entete: 'Naissance', type: 'date', largeur: 1 },
        { cle: 'entree', entete: 'Entrée', type: 'date', largeur: 1 },
        { cle: 'sortie', entete: 'Sortie (dernier jour)', type: 'date', largeur: 1 },
        { cle: 'emploi', entete: 'Emploi', type: 'texte', largeur: 2 },
        { cle: 'contrat', entete: 'Contrat', type: { choix: CONTRATS }, largeur: 1 },
      ],
      lignes: e.salaries,
    },
    {
      nom: 'TBS_Absences',
      titre: 'Absences de la période',
      colonnes: [
        { cle: 'nom', entete: 'Salarié', type: 'texte', largeur: 2 },
        { cle: 'motif', entete: 'Motif', type: 'texte', largeur: 2 },
        { cle: 'jours', entete: 'Jours d\u2019absence', type: 'entier', largeur: 1 },
      ],
      lignes: e.absences,
      vide: '(aucune)',
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { ...((l.get('TBS_Situation') ?? {}) as Record<string, unknown>), salaries: l.get('TBS_Personnel') ?? [], absences: l.get('TBS_Absences') ?? [] };
}

function attendusDe(e: EntreeTableauSocial, facon: Facon): Attendus {
  const r = calculerTableauSocial(e, facon);
  return {
    [NOMS_TBS.registre]: r.registre.map((x) => [ouiNon(x.present), x.age, x.anciennete]),
    [NOMS_TBS.debut]: r.debut,
    [NOMS_TBS.fin]: r.fin,
    [NOMS_TBS.mensuels]: r.mensuels,
    [NOMS_TBS.moyen]: r.moyen,
    [NOMS_TBS.entrees]: r.entrees,
    [NOMS_TBS.sorties]: r.sorties,
    [NOMS_TBS.rotation]: r.rotation,
    [NOMS_TBS.absenteisme]: r.absenteisme,
    [NOMS_TBS.pyramide]: r.pyramide,
    [NOMS_TBS.anciennete]: r.ancienneteMoyenne,
    [NOMS_TBS.femmes]: r.partFemmes,
  };
}

const attendus = (e: EntreeTableauSocial): Attendus => attendusDe(e, FACON_JUSTE);

function feuilleTravail(e: EntreeTableauSocial, _p: null, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [40, 18, 16, 18]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const entier: Style = { ...saisieCentree, format: '0', ...fond };
  const taux: Style = { ...saisieCentree, format: '0.00', ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const ligne = ligneDeReponse(f, noms, feuille, GABARIT, remplie);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 4 }]);
  f.ligne([{ valeur: `Du ${dateFr(e.debut)} au ${dateFr(e.fin)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 4 }]);
  f.vide();
  f.ligne([{ valeur: `1. Le personnel au ${dateFr(e.fin)}`, style: bandeau, colonnes: 4 }]);
  f.ligne(['Salarié', 'Présent (Oui / Non)', 'Âge (ans)', 'Ancienneté (années)'].map((v) => ({ valeur: v, style: entete })));
  const debutRegistre = f.nombreDeLignes + 1;
  e.salaries.forEach((s, i) =>
    f.ligne([
      { valeur: s.nom, style: valeur },
      { valeur: rempli(NOMS_TBS.registre, i, 0), style: { ...saisieCentree, ...fond } },
      { valeur: rempli(NOMS_TBS.registre, i, 1), style: entier },
      { valeur: rempli(NOMS_TBS.registre, i, 2), style: entier },
    ]),
  );
  const finRegistre = debutRegistre + e.salaries.length - 1;
  noms.push({ nom: NOMS_TBS.registre, feuille, plage: `B${debutRegistre}:D${finRegistre}` });
  f.vide();
  f.ligne([{ valeur: '2. Effectifs', style: bandeau, colonnes: 4 }]);
  ligne(NOMS_TBS.debut, entier);
  ligne(NOMS_TBS.fin, entier);
  f.ligne(['Effectif le dernier jour de chaque mois', 'Effectif'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  finsDeMois(e).forEach((jour, i) =>
    f.ligne([
      { valeur: { date: jour }, style: { ...valeur, format: FORMAT_DATE, alignement: 'gauche' } },
      { valeur: rempli(NOMS_TBS.mensuels, i), style: entier },
    ]),
  );
  noms.push({ nom: NOMS_TBS.mensuels, feuille, plage: `B${premiere}:B${premiere + 11}` });
  ligne(NOMS_TBS.moyen, taux);
  f.vide();
  f.ligne([{ valeur: '3. Mouvements et absences', style: bandeau, colonnes: 4 }]);
  ligne(NOMS_TBS.entrees, entier);
  ligne(NOMS_TBS.sorties, entier);
  ligne(NOMS_TBS.rotation, taux);
  ligne(NOMS_TBS.absenteisme, taux);
  f.vide();
  f.ligne([{ valeur: `4. Pyramide des âges et indicateurs au ${dateFr(e.fin)}`, style: bandeau, colonnes: 4 }]);
  f.ligne(['Tranche d\u2019âge', 'Femmes', 'Hommes'].map((v) => ({ valeur: v, style: entete })));
  const pyramide = f.nombreDeLignes + 1;
  TRANCHES.forEach((t, i) =>
    f.ligne([
      { valeur: t.libelle, style: valeur },
      { valeur: rempli(NOMS_TBS.pyramide, i, 0), style: entier },
      { valeur: rempli(NOMS_TBS.pyramide, i, 1), style: entier },
    ]),
  );
  noms.push({ nom: NOMS_TBS.pyramide, feuille, plage: `B${pyramide}:C${pyramide + TRANCHES.length - 1}` });
  ligne(NOMS_TBS.anciennete, { ...saisieCentree, format: '0.0', ...fond });
  ligne(NOMS_TBS.femmes, taux);
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [validationOuiNon(`B${debutRegistre}:B${finRegistre}`)],
    },
    noms,
  };
}

/** « Paramètres »: the definitions the dashboard applies (nothing to set). */
const feuilleParametres = (): FeuilleConstruite =>
  feuilleDeRegles('Indicateurs du tableau de bord social', 'Définitions appliquées ; le registre et les absences sont dans l\u2019énoncé.', [
    ['Présent', 'Un salarié est présent un jour donné de sa date d\u2019entrée à sa date de sortie incluses.'],
    ['Effectif moyen', 'Moyenne des effectifs du dernier jour de chacun des douze mois.'],
    ['Taux de rotation', 'Moyenne des entrées et des sorties de la période, rapportée à l\u2019effectif du premier jour.'],
    ['Taux d\u2019absentéisme', 'Jours d\u2019absence rapportés aux jours de travail théoriques de l\u2019effectif moyen.'],
    ['Pyramide des âges', 'Salariés présents le dernier jour, par tranche d\u2019âge (âge en années révolues) et par sexe.'],
  ]);

function justification(e: EntreeTableauSocial): string[][] {
  const r = calculerTableauSocial(e);
  const jours = e.absences.reduce((a, x) => a + x.jours, 0);
  const presents = r.registre.filter((x) => x.present);
  return [
    ['Indicateur', 'Résultat', 'Comment on l\u2019obtient'],
    ...e.salaries.map((s, i) => [
      s.nom,
      ouiNon(r.registre[i]!.present),
      `Entré le ${dateFr(s.entree)}${s.sortie ? `, sorti le ${dateFr(s.sortie)}` : ''} ; ${r.registre[i]!.age} ans, ${r.registre[i]!.anciennete} an${r.registre[i]!.anciennete > 1 ? 's' : ''} d\u2019ancienneté au ${dateFr(e.fin)}.`,
    ]),
    ['Effectif au début', String(r.debut), `Salariés présents le ${dateFr(e.debut)}.`],
    ['Effectif à la fin', String(r.fin), `Salariés présents le ${dateFr(e.fin)}.`],
    ['Effectif moyen', nombreFr(r.moyen), `(${r.mensuels.join(' + ')}) / 12.`],
    ['Entrées, sorties', `${r.entrees}, ${r.sorties}`, `Dates d\u2019entrée et de sortie comprises entre le ${dateFr(e.debut)} et le ${dateFr(e.fin)}.`],
    ['Taux de rotation', `${nombreFr(r.rotation)} %`, `(${r.entrees} + ${r.sorties}) / 2 / ${r.debut} × 100.`],
    ['Taux d\u2019absentéisme', `${nombreFr(r.absenteisme)} %`, `${jours} jours / (${nombreFr(r.moyen)} × ${e.joursTheoriques}) × 100.`],
    ...TRANCHES.map((t, i) => [t.libelle, `${r.pyramide[i]![0]} F, ${r.pyramide[i]![1]} H`, 'Présents le dernier jour, par âge révolu.']),
    ['Ancienneté moyenne', nombreFr(r.ancienneteMoyenne), `${presents.reduce((a, x) => a + x.anciennete, 0)} années / ${presents.length} présents.`],
    ['Part des femmes', `${nombreFr(r.partFemmes)} %`, `Femmes présentes / ${presents.length} présents × 100.`],
  ];
}

const siDifferent = (e: EntreeTableauSocial, facon: Partial<Facon>, noms: readonly string[]) => reponsesChangees(attendusDe(e, { ...FACON_JUSTE, ...facon }), attendus(e), noms);

/** Each mistake on the answers it makes wrong by itself; what follows is a knock-on of the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreeTableauSocial, null>['variantes'] = {
  sortis_comptes: (e) => siDifferent(e, { sortisExclus: false }, [NOMS_TBS.fin]),
  sortie_du_dernier_jour: (e) => siDifferent(e, { dernierJourInclus: false }, [NOMS_TBS.fin]),
  moyenne_debut_fin: (e) => siDifferent(e, { moyenneMensuelle: false }, [NOMS_TBS.moyen]),
  rotation_sans_moitie: (e) => siDifferent(e, { moitie: false }, [NOMS_TBS.rotation]),
  absenteisme_effectif_fin: (e) => siDifferent(e, { effectifMoyen: false }, [NOMS_TBS.absenteisme]),
  borne_de_tranche: (e) => siDifferent(e, { bornesIncluses: false }, [NOMS_TBS.pyramide]),
};

const entierLu = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100_000 ? v : null);

/**
 * Knock-on errors: the average from the student's own monthly headcounts; turnover from their
 * entries, exits and first headcount; absenteeism from their average; the last day's headcount, the
 * pyramid, the average seniority and the women's share from their own registre.
 */
function enchainements(lu: Lu, e: EntreeTableauSocial): Enchainement[] {
  const res: Enchainement[] = [];
  const mensuels = lu(NOMS_TBS.mensuels);
  const m = Array.isArray(mensuels) ? mensuels.map(entierLu) : [];
  if (m.length === 12 && m.every((x) => x !== null)) res.push({ nom: NOMS_TBS.moyen, valeur: diviserArrondi(m.reduce((a, b) => a! + b!, 0)! * 100, 12) / 100, depuis: [NOMS_TBS.mensuels] });
  const [debut, entrees, sorties] = [entierLu(lu(NOMS_TBS.debut)), entierLu(lu(NOMS_TBS.entrees)), entierLu(lu(NOMS_TBS.sorties))];
  if (debut && entrees !== null && sorties !== null)
    res.push({ nom: NOMS_TBS.rotation, valeur: diviserArrondi((entrees + sorties) * 10000, 2 * debut) / 100, depuis: [NOMS_TBS.entrees, NOMS_TBS.sorties, NOMS_TBS.debut] });
  const moyen = lu(NOMS_TBS.moyen);
  if (typeof moyen === 'number' && moyen > 0 && moyen < 100_000) {
    const jours = e.absences.reduce((a, x) => a + x.jours, 0);
    res.push({ nom: NOMS_TBS.absenteisme, valeur: diviserArrondi(jours * 1_000_000, Math.round(moyen * 100) * e.joursTheoriques) / 100, depuis: [NOMS_TBS.moyen] });
  }
  const registre = lu(NOMS_TBS.registre);
  if (Array.isArray(registre)) {
    const lignes = e.salaries.map((s, i) => {
      const l = Array.isArray(registre[i]) ? registre[i] : [];
      return { s, present: typeof l[0] === 'string' && l[0].trim().toLowerCase() === 'oui', age: entierLu(l[1]), anciennete: entierLu(l[2]) };
    });
    const presents = lignes.filter((l) => l.present);
    res.push({ nom: NOMS_TBS.fin, valeur: presents.length, depuis: [NOMS_TBS.registre] });
    if (presents.every((l) => l.age !== null))
      res.push({
        nom: NOMS_TBS.pyramide,
        valeur: pyramideDe(presents.map((l) => ({ sexe: l.s.sexe, age: l.age! }))),
        depuis: [NOMS_TBS.registre],
      });
    if (presents.length && presents.every((l) => l.anciennete !== null)) {
      res.push({ nom: NOMS_TBS.anciennete, valeur: diviserArrondi(presents.reduce((a, l) => a + l.anciennete!, 0) * 10, presents.length) / 10, depuis: [NOMS_TBS.registre] });
      res.push({ nom: NOMS_TBS.femmes, valeur: diviserArrondi(presents.filter((l) => l.s.sexe === 'F').length * 10000, presents.length) / 100, depuis: [NOMS_TBS.registre] });
    }
  }
  return res;
}

/**
 * The corrigé's model: each employee present on the last day (AND / OR on their dates), their age
 * and seniority in whole years (DATEDIF); the headcount of a day as those entered by then less those
 * gone before (COUNTIF on the dates), the last day's from the registre; the average of the months;
 * the entries and exits between the two days; the rates from those cells; the pyramid counted over
 * the registre (SUMPRODUCT on presence, sex and age); the seniority of those present (SUMIF /
 * COUNTIF).
 */
function formulesDuCorrige(e: EntreeTableauSocial, _p: null, ou: OuNom): Record<string, (string | null)[][]> {
  const [personnel, absences, registre, mensuels] = [ou('TBS_Personnel'), ou('TBS_Absences'), ou(NOMS_TBS.registre), ou(NOMS_TBS.mensuels)];
  if (!personnel || !registre || !mensuels) return {};
  const b = blocs(e);
  const col = (k: string) => colonneDe(personnel, colonnesDuBloc(b, 'TBS_Personnel'), k);
  const [entrees, sorties, naissances, sexes] = [col('entree'), col('sortie'), col('naissance'), col('sexe')];
  const r = (i: number, j: number) => celluleDeZone(registre, i, j);
  const n = e.salaries.length;
  const [presence, ages, anciennetes] = [0, 1, 2].map((j) => `${r(0, j)}:${r(n - 1, j)}`) as [string, string, string];
  const effectif = (jour: string) => `COUNTIF(${entrees.plage},"<="&${jour})-COUNTIF(${sorties.plage},"<"&${jour})`;
  const entre = (c: typeof entrees) => `COUNTIF(${c.plage},">="&TBS_Debut)-COUNTIF(${c.plage},">"&TBS_Fin)`;
  const present = `(${presence}="Oui")`;
  const bornes = (t: (typeof TRANCHES)[number]) => [...(t.min ? [`(${ages}>=${t.min})`] : []), ...(t.max < 99 ? [`(${ages}<${t.max + 1})`] : [])].join('*');
  const jours = absences && e.absences.length ? colonneDe(absences, colonnesDuBloc(b, 'TBS_Absences'), 'jours').plage : '0';
  return {
    [NOMS_TBS.registre]: e.salaries.map((_, i) => [
      `IF(AND(${entrees.cellule(i)}<=TBS_Fin,OR(${sorties.cellule(i)}="",${sorties.cellule(i)}>=TBS_Fin)),"Oui","Non")`,
      `DATEDIF(${naissances.cellule(i)},TBS_Fin,"y")`,
      `DATEDIF(${entrees.cellule(i)},TBS_Fin,"y")`,
    ]),
    [NOMS_TBS.debut]: [[effectif('TBS_Debut')]],
    [NOMS_TBS.fin]: [[`COUNTIF(${presence},"Oui")`]],
    [NOMS_TBS.mensuels]: finsDeMois(e).map((_, i) => [effectif(celluleDeZone(mensuels, i, -1))]),
    [NOMS_TBS.moyen]: [[`ROUND(AVERAGE(${celluleDeZone(mensuels, 0, 0)}:${celluleDeZone(mensuels, 11, 0)}),2)`]],
    [NOMS_TBS.entrees]: [[entre(entrees)]],
    [NOMS_TBS.sorties]: [[entre(sorties)]],
    [NOMS_TBS.rotation]: [[`ROUND((${NOMS_TBS.entrees}+${NOMS_TBS.sorties})/2/${NOMS_TBS.debut}*100,2)`]],
    [NOMS_TBS.absenteisme]: [[`ROUND(SUM(${jours})/(${NOMS_TBS.moyen}*TBS_Jours_Theoriques)*100,2)`]],
    [NOMS_TBS.pyramide]: TRANCHES.map((t) => (['F', 'H'] as const).map((x) => `SUMPRODUCT(${present}*(${sexes.plage}="${x}")*${bornes(t)})`)),
    [NOMS_TBS.anciennete]: [[`ROUND(SUMIF(${presence},"Oui",${anciennetes})/COUNTIF(${presence},"Oui"),1)`]],
    [NOMS_TBS.femmes]: [[`ROUND(SUMPRODUCT(${present}*(${sexes.plage}="F"))/COUNTIF(${presence},"Oui")*100,2)`]],
  };
}

export const EXERCICE_TABLEAU_SOCIAL: SpecExercice<EntreeTableauSocial, null> = {
  gabarit: GABARIT,
  largeursEnonce: [10, 12, 12, 6, 11, 11, 12, 12, 12, 8],
  blocs,
  structure: () => blocs({ entreprise: '', debut: '2000-01-01', fin: '2000-12-31', joursTheoriques: 1, salaries: [], absences: [] }),
  donnees,
  parametresParDefaut: () => null,
  feuilleParametres,
  lireParametres: () => null,
  feuilleTravail,
  unites: (e) => ({ [NOMS_TBS.registre]: e.salaries.map((s) => s.nom), [NOMS_TBS.mensuels]: finsDeMois(e).map(dateFr), [NOMS_TBS.pyramide]: TRANCHES.map((t) => t.libelle) }),
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [24, 16, 100],
};
