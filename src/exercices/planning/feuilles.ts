import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini, Style, Valeur } from '../../sheets/model';
import { bandeau, entete, etiquette, note, saisieCentree, saisieDate, sousTitre, titre, valeur } from '../../sheets/styles';
import { ajouterJours, dateFr } from '../../domain/dates';
import { dimancheDePaques, joursFeries } from '../../domain/joursFeries';
import { FORMAT_DATE, type Bloc, type TexteCode } from '../../sheets/exercices/blocs';
import { decoder } from '../../sheets/exercices/lecture';
import {
  celluleDeZone,
  colonneDe,
  colonnesDuBloc,
  consigneSaisie,
  FEUILLES,
  fondCorrige,
  libelleDe,
  reponsesChangees,
  valeurRemplie,
  type Attendus,
  type Enchainement,
  type FeuilleConstruite,
  type LectureBlocs,
  type Lu,
  type OuNom,
  type SpecExercice,
  ouiNon,
  validationOuiNon,
} from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/planning.json';
import { calculerPlanning, FACON_JUSTE, SEMAINES, type Facon } from './calcul';
import type { EntreePlanning } from './entree';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'planning');

export const NOMS_PLA = { planning: 'PLA_Planning', fin: 'PLA_Fin_Projet', charges: 'PLA_Charges', surcharges: 'PLA_Surcharges' } as const;
const NOM_FERIES = 'PLA_Feries';

/** The public holidays « Paramètres » lists: those of the start's year and the next, dated. */
export type ParametresPlanning = string[];
const feriesDe = (e: EntreePlanning): ParametresPlanning => {
  const annee = Number(e.debut.slice(0, 4));
  return [...joursFeries(annee), ...joursFeries(annee + 1)];
};
const NOMS_FIXES: Record<string, string> = {
  '01-01': 'Jour de l\u2019an',
  '05-01': 'Fête du Travail',
  '05-08': 'Victoire 1945',
  '07-14': 'Fête nationale',
  '08-15': 'Assomption',
  '11-01': 'Toussaint',
  '11-11': 'Armistice 1918',
  '12-25': 'Noël',
};
function nomDuFerie(d: string): string {
  const paques = dimancheDePaques(Number(d.slice(0, 4)));
  return (
    NOMS_FIXES[d.slice(5)] ?? (d === ajouterJours(paques, 1) ? 'Lundi de Pâques' : d === ajouterJours(paques, 39) ? 'Ascension' : d === ajouterJours(paques, 50) ? 'Lundi de Pentecôte' : 'Jour férié')
  );
}

/** « A, B » ⇄ the codes of a task's antériorités; « — » for none. */
const ANTERIORITES: TexteCode = {
  ecrire: (v) => ((v as string[]).length ? (v as string[]).join(', ') : '—'),
  lire: (s) => (/^\s*[—-]?\s*$/.test(s) ? [] : s.split(/[\s,;]+/).filter(Boolean)),
  attendu: 'codes des tâches séparés par des virgules, par exemple « A, B », ou « — »',
};

function blocs(e: EntreePlanning): Bloc[] {
  return [
    {
      nom: 'PLA_Situation',
      titre: 'Le projet',
      champs: [
        { nom: 'PLA_Entreprise', cle: 'entreprise', libelle: 'Entreprise', type: 'texte', valeur: e.entreprise },
        { nom: 'PLA_Projet', cle: 'projet', libelle: 'Projet', type: 'texte', valeur: e.projet },
        { nom: 'PLA_Debut', cle: 'debut', libelle: 'Premier jour possible', type: 'date', valeur: e.debut },
        { nom: 'PLA_Heures_Jour', cle: 'heuresParJour', libelle: 'Heures de travail par jour sur une tâche', type: 'nombre', valeur: e.heuresParJour },
      ],
    },
    {
      nom: 'PLA_Taches',
      titre: 'Tâches du projet',
      colonnes: [
        { cle: 'code', entete: 'Tâche', type: 'texte', largeur: 1 },
        { cle: 'tache', entete: 'Libellé', type: 'texte', largeur: 3 },
        { cle: 'duree', entete: 'Durée (jours ouvrés)', type: 'entier', largeur: 1 },
        { cle: 'anteriorites', entete: 'Antériorités', type: ANTERIORITES, largeur: 1 },
        { cle: 'responsable', entete: 'Responsable', type: 'texte', largeur: 1 },
      ],
      lignes: e.taches,
    },
    {
      nom: 'PLA_Equipe',
      titre: 'Équipe',
      colonnes: [
        { cle: 'personne', entete: 'Personne', type: 'texte', largeur: 2 },
        { cle: 'capacite', entete: 'Heures disponibles par semaine', type: 'nombre', largeur: 1 },
      ],
      lignes: e.equipe,
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { ...((l.get('PLA_Situation') ?? {}) as Record<string, unknown>), taches: l.get('PLA_Taches') ?? [], equipe: l.get('PLA_Equipe') ?? [] };
}

function feuilleParametres(p: ParametresPlanning): FeuilleConstruite {
  const f = new ConstructeurFeuille(FEUILLES.parametres, [28, 16, 34]).masquables([2]);
  f.ligne([{ valeur: 'Paramètres de l\u2019exercice', style: titre, colonnes: 3 }]);
  f.ligne([
    {
      valeur:
        'Jours fériés : ni travaillés ni comptés dans les jours ouvrés (du lundi au vendredi). L\u2019enseignant peut en retirer un que l\u2019entreprise travaille : le corrigé et la vérification utilisent toujours cette liste.',
      style: sousTitre,
      colonnes: 3,
    },
  ]);
  f.vide();
  f.ligne(['Jour férié', 'Date', 'Référence'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  for (const d of p)
    f.ligne([
      { valeur: nomDuFerie(d), style: etiquette },
      { valeur: { date: d }, style: { ...saisieCentree, format: FORMAT_DATE } },
      { valeur: 'C. trav., art. L3133-1', style: note },
    ]);
  return {
    feuille: { ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }), protegee: true, colonnesSources: [2] },
    noms: [{ nom: NOM_FERIES, feuille: FEUILLES.parametres, plage: `B${premiere}:B${premiere + p.length - 1}` }],
  };
}

function lireParametres(v: (nom: string) => Valeur[][] | undefined): ParametresPlanning {
  const lus = v(NOM_FERIES);
  if (!lus) throw new Error(`Paramètres : la liste des jours fériés manque (nom ${NOM_FERIES}).`);
  // an emptied cell is a holiday the company works: left out
  return lus.flatMap((l) => {
    const x = l[0];
    if (x === null || x === undefined || x === '') return [];
    // the sheet's own model holds { date }, a file a serial number or a typed date
    if (typeof x === 'object' && 'date' in x) return [x.date];
    const d = decoder('date', x as never);
    if ('probleme' in d) throw new Error(`Paramètres, jours fériés : ${d.probleme} (nom ${NOM_FERIES}).`);
    return [d.valeur as string];
  });
}

function attendusDe(e: EntreePlanning, p: ParametresPlanning, facon: Facon): Attendus {
  const r = calculerPlanning(e, p, facon);
  return {
    [NOMS_PLA.planning]: r.taches.map((t) => [t.debut, t.fin, t.debutTard, t.finTard, t.marge, ouiNon(t.critique)]),
    [NOMS_PLA.fin]: r.fin,
    [NOMS_PLA.charges]: r.charges,
    [NOMS_PLA.surcharges]: r.surcharges,
  };
}

const attendus = (e: EntreePlanning, p: ParametresPlanning): Attendus => attendusDe(e, p, FACON_JUSTE);

function feuilleTravail(e: EntreePlanning, p: ParametresPlanning, remplie?: Attendus): FeuilleConstruite {
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [34, 14, 14, 14, 14, 14, 12]);
  const noms: NomDefini[] = [];
  const fond = fondCorrige(remplie);
  const jour: Style = { ...saisieDate, ...fond };
  const nombre: Style = { ...saisieCentree, format: '0.##', ...fond };
  const rempli = (nom: string, i?: number, j?: number) => valeurRemplie(remplie, nom, i, j);
  const r = calculerPlanning(e, p);
  f.ligne([{ valeur: remplie ? `Corrigé — ${GABARIT.titre}` : GABARIT.titre, style: titre, colonnes: 7 }]);
  f.ligne([{ valeur: `${e.projet}, à partir du ${dateFr(e.debut)}. ${consigneSaisie(remplie)}.`, style: sousTitre, colonnes: 7 }]);
  f.vide();
  f.ligne([{ valeur: '1. Planning au plus tôt et au plus tard', style: bandeau, colonnes: 7 }]);
  f.ligne(['Tâche', 'Début au plus tôt', 'Fin au plus tôt', 'Début au plus tard', 'Fin au plus tard', 'Marge totale (jours)', 'Critique'].map((v) => ({ valeur: v, style: entete })));
  let premiere = f.nombreDeLignes + 1;
  e.taches.forEach((t, i) =>
    f.ligne([
      { valeur: `${t.code} — ${t.tache}`, style: valeur },
      ...[0, 1, 2, 3].map((j) => ({ valeur: rempli(NOMS_PLA.planning, i, j), style: jour })),
      { valeur: rempli(NOMS_PLA.planning, i, 4), style: nombre },
      { valeur: rempli(NOMS_PLA.planning, i, 5), style: { ...saisieCentree, ...fond } },
    ]),
  );
  const fin = premiere + e.taches.length - 1;
  noms.push({ nom: NOMS_PLA.planning, feuille, plage: `B${premiere}:G${fin}` });
  const validations = [validationOuiNon(`G${premiere}:G${fin}`)];
  const n = f.ligne([
    { valeur: libelleDe(GABARIT, NOMS_PLA.fin), style: etiquette },
    { valeur: rempli(NOMS_PLA.fin), style: jour },
  ]);
  noms.push({ nom: NOMS_PLA.fin, feuille, plage: `B${n}` });
  f.vide();
  f.ligne([{ valeur: `2. Charge de travail des ${SEMAINES} premières semaines (heures)`, style: bandeau, colonnes: 7 }]);
  f.ligne([
    { valeur: 'Semaine du lundi', style: entete },
    ...r.semaines.map((l) => ({ valeur: { date: l }, style: { ...entete, format: FORMAT_DATE } })),
    { valeur: 'Semaines en surcharge', style: entete },
  ]);
  premiere = f.nombreDeLignes + 1;
  e.equipe.forEach((x, i) =>
    f.ligne([
      { valeur: `${x.personne} (${String(x.capacite).replace('.', ',')} h)`, style: valeur },
      ...r.semaines.map((_, w) => ({ valeur: rempli(NOMS_PLA.charges, i, w), style: nombre })),
      { valeur: rempli(NOMS_PLA.surcharges, i), style: nombre },
    ]),
  );
  const der = premiere + e.equipe.length - 1;
  noms.push({ nom: NOMS_PLA.charges, feuille, plage: `B${premiere}:E${der}` }, { nom: NOMS_PLA.surcharges, feuille, plage: `F${premiere}:F${der}` });
  return { feuille: { ...f.feuille({ orientation: 'paysage', ajusterLargeur: true }), protegee: true, validations }, noms };
}

function justification(e: EntreePlanning, p: ParametresPlanning): string[][] {
  const r = calculerPlanning(e, p);
  return [
    ['Élément', 'Résultat', 'Comment on l\u2019obtient'],
    ...e.taches.map((t, i) => {
      const x = r.taches[i]!;
      return [
        t.code,
        `${dateFr(x.debut)} → ${dateFr(x.fin)}`,
        `${t.anteriorites.length ? `Après ${t.anteriorites.join(', ')}` : 'Au début du projet'} ; ${t.duree} jours ouvrés ; au plus tard ${dateFr(x.debutTard)} → ${dateFr(x.finTard)} ; marge ${x.marge}${x.critique ? ' : critique' : ''}.`,
      ];
    }),
    ['Fin du projet', dateFr(r.fin), 'La fin au plus tôt de la dernière tâche.'],
    ...e.equipe.map((x, i) => [x.personne, r.charges[i]!.join(' / '), `Capacité ${x.capacite} h : ${r.surcharges[i]} semaine${r.surcharges[i]! > 1 ? 's' : ''} en surcharge.`]),
  ];
}

const siDifferent = (e: EntreePlanning, p: ParametresPlanning, facon: Partial<Facon>, noms: readonly string[]) =>
  reponsesChangees(attendusDe(e, p, { ...FACON_JUSTE, ...facon }), attendus(e, p), noms);

/** Each mistake on the answers it makes wrong by itself; the end of the project and the overloads follow from the student's own figures (`enchainements`). */
const variantes: SpecExercice<EntreePlanning, ParametresPlanning>['variantes'] = {
  debut_le_jour_meme: (e, p) => siDifferent(e, p, { lendemain: false }, [NOMS_PLA.planning]),
  feries_travailles: (e, p) => siDifferent(e, p, { feries: false }, [NOMS_PLA.planning]),
  fin_un_jour_trop_tard: (e, p) => siDifferent(e, p, { dureeIncluse: false }, [NOMS_PLA.planning]),
  charge_de_toute_la_tache: (e, p) => siDifferent(e, p, { charges: false }, [NOMS_PLA.charges]),
};

/** Knock-on errors: the project's end from the student's own earliest ends; the overloads from their own loads. */
function enchainements(lu: Lu, e: EntreePlanning): Enchainement[] {
  const res: Enchainement[] = [];
  const planning = lu(NOMS_PLA.planning);
  if (Array.isArray(planning)) {
    const fins = e.taches.map((_, i) => (Array.isArray(planning[i]) ? planning[i][1] : null));
    if (fins.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) res.push({ nom: NOMS_PLA.fin, valeur: [...(fins as string[])].sort().at(-1)!, depuis: [NOMS_PLA.planning] });
  }
  const charges = lu(NOMS_PLA.charges);
  if (Array.isArray(charges))
    res.push({
      nom: NOMS_PLA.surcharges,
      valeur: e.equipe.map((x, i) => (Array.isArray(charges[i]) ? charges[i].filter((h) => typeof h === 'number' && h > x.capacite).length : 0)),
      depuis: [NOMS_PLA.charges],
    });
  return res;
}

/**
 * The corrigé's model, by WORKDAY and NETWORKDAYS on the holidays of « Paramètres »: each earliest
 * start from the latest end of its antériorités, each end its duration − 1 jours ouvrés later; the
 * project's end the latest of them; backwards, each latest end the jour ouvré before its successors'
 * earliest latest start, its latest start; the marge the jours ouvrés between both starts; each
 * person's weekly hours the jours ouvrés of their tasks within the week × the hours of a day; the
 * weeks above their capacity (COUNTIF). Critical or not is a reading: it stays a value.
 */
function formulesDuCorrige(e: EntreePlanning, _p: ParametresPlanning, ou: OuNom): Record<string, (string | null)[][]> {
  const [taches, equipe, planning, charges] = [ou('PLA_Taches'), ou('PLA_Equipe'), ou(NOMS_PLA.planning), ou(NOMS_PLA.charges)];
  if (!taches || !equipe || !planning || !charges) return {};
  const b = blocs(e);
  const duree = colonneDe(taches, colonnesDuBloc(b, 'PLA_Taches'), 'duree').cellule;
  const capacite = colonneDe(equipe, colonnesDuBloc(b, 'PLA_Equipe'), 'capacite').cellule;
  const c = (i: number, j: number) => celluleDeZone(planning, i, j);
  const index = new Map(e.taches.map((t, i) => [t.code, i]));
  const F = NOM_FERIES;
  const lundi = (w: number) => celluleDeZone(charges, -1, w); // the header row above the loads
  return {
    [NOMS_PLA.planning]: e.taches.map((t, i) => {
      const avant = t.anteriorites.map((a) => c(index.get(a)!, 1));
      const apres = e.taches.flatMap((s, k) => (s.anteriorites.includes(t.code) ? [c(k, 2)] : []));
      return [
        avant.length ? `WORKDAY(MAX(${avant.join(',')}),1,${F})` : `WORKDAY(PLA_Debut-1,1,${F})`,
        `WORKDAY(${c(i, 0)},${duree(i)}-1,${F})`,
        `WORKDAY(${c(i, 3)},1-${duree(i)},${F})`,
        apres.length ? `WORKDAY(MIN(${apres.join(',')}),-1,${F})` : NOMS_PLA.fin,
        `NETWORKDAYS(${c(i, 0)},${c(i, 2)},${F})-1`,
        null,
      ];
    }),
    [NOMS_PLA.fin]: [[`MAX(${c(0, 1)}:${c(e.taches.length - 1, 1)})`]],
    [NOMS_PLA.charges]: e.equipe.map((x) =>
      Array.from({ length: SEMAINES }, (_, w) => {
        const termes = e.taches.flatMap((t, i) => (t.responsable === x.personne ? [`MAX(0,NETWORKDAYS(MAX(${c(i, 0)},${lundi(w)}),MIN(${c(i, 1)},${lundi(w)}+4),${F}))`] : []));
        return termes.length ? `(${termes.join('+')})*PLA_Heures_Jour` : '0*PLA_Heures_Jour';
      }),
    ),
    [NOMS_PLA.surcharges]: e.equipe.map((_, p) => [`COUNTIF(${celluleDeZone(charges, p, 0)}:${celluleDeZone(charges, p, SEMAINES - 1)},">"&${capacite(p)})`]),
  };
}

export const EXERCICE_PLANNING: SpecExercice<EntreePlanning, ParametresPlanning> = {
  gabarit: GABARIT,
  largeursEnonce: [10, 14, 14, 16, 14, 14, 14],
  blocs,
  structure: () => blocs({ entreprise: '', projet: '', debut: '2000-01-03', heuresParJour: 7, taches: [], equipe: [] }),
  donnees,
  parametresParDefaut: (e) => feriesDe(e),
  feuilleParametres,
  lireParametres,
  feuilleTravail,
  unites: (e) => ({ [NOMS_PLA.planning]: e.taches.map((t) => `tâche ${t.code}`), [NOMS_PLA.charges]: e.equipe.map((x) => x.personne), [NOMS_PLA.surcharges]: e.equipe.map((x) => x.personne) }),
  attendus,
  enchainements: (lu, e) => enchainements(lu, e),
  formulesDuCorrige,
  variantes,
  justification,
  largeursJustification: [18, 28, 100],
};
