import type { Referentiel } from '../referentiel/schema';
import { adresseDansPlage as adresse, decoder, texteLu as texte, type PlageLue, type ValeurLue } from '../sheets/exercices/lecture';
import { entreesLues, FORMAT_AGORA, versionMajeure, type EntreeLue } from '../sheets/agora';
import { fragment, PARAMETRES } from '../sheets/grilles/commun';
import { gabaritGrilles } from '../sheets/grilles/gabarit';
import { competences as competencesDu } from '../referentiel';
import type { Activite } from '../referentiel/schema';
import { champsSuivi, COLONNES_SUIVI, NOM_SUIVI, USAGE_SCEAU_SUIVI } from '../sheets/verification/suivi';
import { accorder } from '../domain/texte';
import { controlerSceau, type CleEnseignant, type EtatSceau } from '../domain/sceau';
import { MODELE_CLASSE } from '../sheets/consolidation/classeurClasse';
import { noteProposeeSituations } from '../domain/notation';
import { echelleDuClasseur, niveauDe, type NiveauLu } from './echelles';
import { releveVide, type Anomalie, type IdentiteEleve, type Releve, type Source } from './preuves';

/** The student a row of `_agora` names, with the INE when the class list had one. */
const identite = (e: EntreeLue): IdentiteEleve => ({ nom: e.nom, prenom: e.prenom, classe: e.classe, ...(e.ine ? { ine: e.ine } : {}) });

/** What consolidation needs of a workbook, whatever the host (exceljs file or Office.js workbook). */
export interface ClasseurSource {
  plage(nom: string): PlageLue | undefined;
  agora: Map<string, string>;
  lignesAgora: string[][];
  /** the non-empty rows under a defined name's header row, `largeur` cells each */
  lignesSous(nom: string, largeur: number): PlageLue | undefined;
}

export interface ContexteReleve {
  referentiel: Referentiel;
  /** the version this build writes of each template id (grids and exercises); undefined: unknown template */
  versionDuModele(modele: string): string | undefined;
  /** an exercise template's title, for the « Détail » sheet */
  titreDuModele(modele: string): string | undefined;
  /** the teacher's key: an exercise's evidence rows count only when their seal holds under it */
  cle?: CleEnseignant;
}

const dateDe = (v: ValeurLue | undefined): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const d = decoder('date', v);
  return 'valeur' in d && typeof d.valeur === 'string' ? d.valeur : null;
};
const FORMULE = /^[=+\-@]/;

/**
 * Reads one workbook: PFMP grids (a level per compétence and period), CCF grids (positionings and
 * the proposed mark), PFMP attestations (weeks), and the « Suivi des compétences » rows a checked
 * exercise carries. Sheets are found through `_agora` and defined names, so renamed sheets count.
 * Every problem becomes an anomaly naming the file, sheet and cell; nothing throws.
 */
export function releverClasseur(fichier: string, c: ClasseurSource, ctx: ContexteReleve): Releve {
  const r = releveVide(fichier);
  const anomalie = (probleme: string, action: string, ou: Partial<Source> = {}) =>
    r.anomalies.push({ fichier, feuille: ou.feuille ?? '', cellule: ou.cellule ?? '', probleme, action } satisfies Anomalie);

  if (c.agora.get('outil') !== 'AGOrA pour Excel') {
    anomalie("Ce classeur n'a pas été créé par AGOrA pour Excel (ou ses métadonnées ont été effacées).", 'Classeur ignoré.');
    return r;
  }
  const format = c.agora.get('format') ?? '';
  if (!(Number(format) <= Number(FORMAT_AGORA))) {
    anomalie(`Classeur au format AGOrA « ${format} », inconnu de cette version (format ${FORMAT_AGORA}).`, 'Classeur ignoré : mettez AGOrA à jour.', { feuille: '_agora' });
    return r;
  }
  const versionReferentiel = c.agora.get('referentiel') ?? '';
  if (versionReferentiel !== ctx.referentiel.version) {
    anomalie(
      `Référentiel « ${versionReferentiel || 'non précisé'} », inconnu de cette version d'AGOrA (référentiel ${ctx.referentiel.version}).`,
      'Classeur ignoré : les codes des compétences pourraient différer.',
      { feuille: '_agora' },
    );
    return r;
  }
  if (c.agora.get('modele') === MODELE_CLASSE) {
    anomalie('Classeur de classe produit par une consolidation précédente.', 'Classeur ignoré (il ne contient que des copies de positionnements).');
    return r;
  }
  const entrees = entreesLues(c.lignesAgora);
  const exercices: EntreeLue[] = [];
  const vus = new Set<string>(); // students already checked for formula-like names
  // the workbook's scales, read once for all its grids
  const echelles = { pfmp: echelleDuClasseur('pfmp', (n) => c.plage(n)), ccf: echelleDuClasseur('ccf', (n) => c.plage(n)) };
  for (const e of entrees) {
    const modele = e.modele;
    if (modele.startsWith('corrige-')) {
      anomalie("Corrigé de l'enseignant : il ne positionne aucun élève.", 'Classeur ignoré.');
      return r;
    }
    const connue = ctx.versionDuModele(modele);
    if (connue === undefined) {
      anomalie(`Modèle « ${e.modele} » inconnu de cette version d'AGOrA.`, 'Feuille ignorée.', { feuille: e.feuille_initiale });
      continue;
    }
    if (versionMajeure(e.version_modele) > versionMajeure(connue)) {
      anomalie(`Créé avec une version plus récente du modèle « ${e.modele} » (${e.version_modele} ; cette version lit la ${connue}).`, 'Feuille ignorée : mettez AGOrA à jour.', {
        feuille: e.feuille_initiale,
      });
      continue;
    }
    const ancre = c.plage(e.ancre);
    if (!ancre) {
      anomalie(`La feuille « ${e.feuille_initiale} » est introuvable (supprimée, ou son nom défini « ${e.ancre} » effacé).`, 'Feuille ignorée.', { feuille: e.feuille_initiale });
      continue;
    }
    if (modele === 'parametres-grilles' || modele.startsWith('etat-recapitulatif-')) continue; // nothing positioned there
    const eleve = identite(e);
    if (!eleve.nom && !eleve.prenom) {
      anomalie('Aucun élève nommé dans ce classeur (créé sans liste de classe).', 'Feuille ignorée.', { feuille: ancre.feuille });
      continue;
    }
    const cle = `${eleve.nom}|${eleve.prenom}|${eleve.classe}`;
    if (!vus.has(cle))
      for (const [champ, v] of [
        ['nom', eleve.nom],
        ['prénom', eleve.prenom],
        ['classe', eleve.classe],
      ] as const)
        if (FORMULE.test(v)) anomalie(`Le ${champ} de l'élève « ${v} » commence comme une formule.`, 'Repris comme texte, jamais comme formule.', { feuille: '_agora' });
    vus.add(cle);
    const lecture: Lecture = { c, r, anomalie, eleve, prefixe: e.prefixe, feuille: ancre.feuille, ctx, echelles };
    const pole = /^grille-pfmp-pole(\d)$/.exec(modele);
    const epreuve = /^grille-ccf-(e\d+)$/.exec(modele);
    if ((pole || epreuve || modele === 'attestation-pfmp') && !r.eleves.some((x) => x.nom === eleve.nom && x.prenom === eleve.prenom && x.classe === eleve.classe)) r.eleves.push(eleve);
    if (pole) lirePfmp(lecture, pole[1]!);
    else if (epreuve) lireCcf(lecture, epreuve[1]!.toUpperCase());
    else if (modele === 'attestation-pfmp') lireSemaines(lecture);
    else if (!exercices.some((x) => x.nom === e.nom && x.prenom === e.prenom)) exercices.push(e);
  }
  if (exercices.length) lireSuivi(c, r, anomalie, exercices, ctx);
  r.lu = true;
  return r;
}

interface Lecture {
  c: ClasseurSource;
  r: Releve;
  anomalie: (probleme: string, action: string, ou?: Partial<Source>) => void;
  eleve: IdentiteEleve;
  prefixe: string;
  feuille: string;
  ctx: ContexteReleve;
  echelles: Record<'pfmp' | 'ccf', NiveauLu[]>;
}

/** An activity's block of a grid (`<base>_A1_1`), or undefined and an anomaly when its name was erased. */
function tableauActivite(l: Lecture, base: string, a: Activite, action: string): PlageLue | undefined {
  const nom = `${base}_A${fragment(a.code)}`;
  const p = l.c.plage(nom);
  if (!p) l.anomalie(`Le tableau de l'activité ${a.code} est introuvable (nom défini « ${nom} » effacé).`, action, { feuille: l.feuille });
  return p;
}

/** A level cell: its degree, or an anomaly when the typed value is not on the workbook's scale. */
function niveauCellule(l: Lecture, echelle: readonly NiveauLu[], p: PlageLue, i: number, j: number): NiveauLu | undefined {
  const v = p.valeurs[i]?.[j];
  if (v === null || v === undefined || v === '') return undefined;
  const n = niveauDe(echelle, v instanceof Date || typeof v === 'object' ? '' : v);
  if (!n) l.anomalie(`Niveau « ${texte(v)} » hors de l'échelle (${echelle.map((x) => x.code).join(', ')}).`, 'Valeur ignorée.', { feuille: p.feuille, cellule: adresse(p, i, j) });
  return n;
}

/** PFMP grid of one pôle: a level per compétence and period; the period's date is its end, from the attestation when there is one. */
function lirePfmp(l: Lecture, pole: string): void {
  const b = l.ctx.referentiel.blocs.find((x) => x.pole.code === pole);
  if (!b) return;
  const periodes = gabaritGrilles().periodesPfmp;
  const echelle = l.echelles.pfmp;
  const base = `${l.prefixe}PFMP${pole}`;
  const bande = l.c.plage(`${l.prefixe}PFMP_Periodes`) ?? l.c.plage(`${base}_Periodes`);
  const dates = periodes.map((_, k) => dateDe(bande?.valeurs[k]?.[2]) ?? dateDe(bande?.valeurs[k]?.[1]));
  let rang = 0;
  for (const a of b.activites) {
    const p = tableauActivite(l, base, a, 'Activité ignorée.');
    if (!p) continue;
    a.competences.forEach((comp, i) =>
      periodes.forEach((per, k) => {
        const n = niveauCellule(l, echelle, p, i, k);
        if (!n) return;
        l.r.preuves.push({
          eleve: l.eleve,
          competence: comp.code,
          nature: 'PFMP',
          libelle: `PFMP ${per}`,
          creneau: `PFMP ${per}`,
          date: dates[k] ?? null,
          rang: rang++,
          niveauLu: String(n.code),
          degre: n.degre,
          source: { fichier: l.r.fichier, feuille: p.feuille, cellule: adresse(p, i, k) },
        });
      }),
    );
  }
}

const nombreDe = (v: ValeurLue | undefined): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const d = decoder('nombre', v);
  return 'valeur' in d && typeof d.valeur === 'number' ? d.valeur : Number.NaN;
};

/** CCF grid: the positionings of each situation, and the proposed mark recomputed with the workbook's scale, weights and rule. */
function lireCcf(l: Lecture, code: string): void {
  const e = l.ctx.referentiel.epreuves.find((x) => x.code === code);
  const b = e && l.ctx.referentiel.blocs.find((x) => x.code === e.bloc);
  if (!e || !b) return;
  const ns = e.ccf.situations;
  const echelle = l.echelles.ccf;
  const base = `${l.prefixe}${code}`;
  const date = l.c.plage(`${base}_Date`);
  const dates = Array.from({ length: ns }, (_, s) => dateDe(date?.valeurs[0]?.[s]));
  const situations = Array.from({ length: ns }, () => [] as { niveau: string | number | null; poids: number }[]);
  let rang = 0;
  let competences = 0;
  const source = { fichier: l.r.fichier, feuille: l.feuille, cellule: '' };
  for (const a of b.activites) {
    const p = tableauActivite(l, base, a, 'Activité ignorée ; pas de note proposée.');
    if (!p) {
      situations.forEach((s) => s.push({ niveau: null, poids: Number.NaN }));
      continue;
    }
    a.competences.forEach((comp, i) => {
      competences++;
      let poids = nombreDe(p.valeurs[i]?.[ns]) ?? 0;
      if (!(poids >= 0)) {
        l.anomalie(`Poids « ${texte(p.valeurs[i]?.[ns])} » illisible.`, "Compté 1, comme dans la grille d'origine.", { feuille: p.feuille, cellule: adresse(p, i, ns) });
        poids = 1;
      }
      for (let s = 0; s < ns; s++) {
        const n = niveauCellule(l, echelle, p, i, s);
        situations[s]!.push({ niveau: n ? n.code : null, poids });
        if (!n) continue;
        const libelle = ns > 1 ? `CCF ${code} situation ${s + 1}` : `CCF ${code}`;
        l.r.preuves.push({
          eleve: l.eleve,
          competence: comp.code,
          nature: 'CCF',
          libelle,
          creneau: libelle,
          date: dates[s] ?? null,
          rang: rang++,
          niveauLu: String(n.code),
          degre: n.degre,
          source: { ...source, feuille: p.feuille, cellule: adresse(p, i, s) },
        });
      }
    });
  }
  const regle = (nom: string, defaut: number) => {
    const v = l.c.plage(nom)?.valeurs[0]?.[0];
    return typeof v === 'number' && v >= 0 ? v : defaut;
  };
  const g = gabaritGrilles().note;
  const lisible = situations.every((s) => s.every((x) => !Number.isNaN(x.poids)));
  const note = lisible
    ? noteProposeeSituations(
        echelle.map((n) => ({ code: n.code, valeur: n.valeur })),
        situations.map((lignes, s) => ({ ponderation: e.ccf.ponderation[s] ?? 1, lignes })),
        { maximum: regle(PARAMETRES.noteMax, g.maximum), pas: regle(PARAMETRES.notePas, g.pas) },
      )
    : null;
  const positionnees = situations[0]!.filter((x) => x.niveau !== null && echelle.find((n) => n.code === x.niveau)?.valeur !== null).length;
  // an empty grid is recorded too: « Notes CCF » says « grille vide », not « pas de grille »
  l.r.notes.push({ eleve: l.eleve, epreuve: code, note, positionnees, competences, vide: rang === 0, source });
}

/** PFMP attestation: weeks per period and the cycle (22 weeks, or 16 in a two-year cycle). */
function lireSemaines(l: Lecture): void {
  const p = l.c.plage(`${l.prefixe}PFMP_Semaines`);
  if (!p) {
    l.anomalie('Colonne « Semaines effectuées » introuvable (nom défini effacé).', 'Semaines non comptées.', { feuille: l.feuille });
    return;
  }
  const periodes = p.valeurs.map((ligne, i) => {
    const n = nombreDe(ligne[0]);
    if (n === undefined) return null;
    if (!(n >= 0 && n <= l.ctx.referentiel.pfmp.dureeSemaines)) {
      l.anomalie(`Nombre de semaines « ${texte(ligne[0])} » illisible ou hors limites (0 à ${l.ctx.referentiel.pfmp.dureeSemaines}).`, 'Période non comptée.', {
        feuille: p.feuille,
        cellule: adresse(p, i, 0),
      });
      return null;
    }
    return n;
  });
  const cycle = texte(l.c.plage(`${l.prefixe}PFMP_Cycle`)?.valeurs[0]?.[0]) === '2 ans' ? '2 ans' : '3 ans';
  if (periodes.some((x) => x !== null)) l.r.semaines.push({ eleve: l.eleve, cycle, periodes, source: { fichier: l.r.fichier, feuille: p.feuille, cellule: adresse(p, 0, 0) } });
}

/** Why an evidence row is not counted, by the state of its seal. */
const SCEAU_SUIVI: Record<Exclude<EtatSceau, 'valide'>, string> = {
  invalide: 'Ligne de « Suivi des compétences » modifiée ou ajoutée à la main : son sceau ne correspond pas à son contenu.',
  absent: 'Ligne de « Suivi des compétences » sans sceau (ajoutée à la main, ou vérification faite sans la clé de l\u2019enseignant).',
  'autre clé': 'Ligne de « Suivi des compétences » scellée avec une autre clé que celle de ce poste.',
  'sans clé': 'Ligne de « Suivi des compétences » non vérifiable : aucune clé sur ce poste.',
};

const COL = Object.fromEntries(COLONNES_SUIVI.map((c, i) => [c, i])) as Record<(typeof COLONNES_SUIVI)[number], number>;

/** « Suivi des compétences » of a checked exercise: one piece of evidence per row, for the exercise's student. */
function lireSuivi(c: ClasseurSource, r: Releve, anomalie: Lecture['anomalie'], exercices: EntreeLue[], ctx: ContexteReleve): void {
  const p = c.lignesSous(NOM_SUIVI, COLONNES_SUIVI.length);
  if (!p?.valeurs.length) {
    anomalie(
      "Exercice sans « Suivi des compétences » : la copie n'a pas été vérifiée.",
      "Classeur ignoré : vérifiez d'abord la copie (« Vérifier » dans Excel, ou agora verifier en ligne de commande).",
    );
    return;
  }
  const e = exercices[0]!;
  if (exercices.length > 1) anomalie('Exercice attribué à plusieurs élèves dans ses métadonnées.', `Rattaché au premier : ${e.nom} ${e.prenom}.`, { feuille: '_agora' });
  const eleve = identite(e);
  const competences = new Set(competencesDu(ctx.referentiel).map((x) => x.code));
  const degres = echelleDuClasseur('pfmp', () => undefined); // the column holds livret degrees: the template's PFMP scale
  if (!ctx.cle) {
    const n = p.valeurs.length;
    anomalie(
      `${accorder(n, 'ligne')} de « Suivi des compétences » non ${n > 1 ? 'comptées' : 'comptée'} : aucune clé de l'enseignant sur ce poste pour vérifier ${n > 1 ? 'leurs sceaux' : 'son sceau'}.`,
      "Consolidez avec la clé qui a servi à vérifier les copies : importez-la dans l'onglet « Paramètres » du volet (ou --cle en ligne de commande).",
      { feuille: p.feuille },
    );
    return;
  }
  const cle = ctx.cle;
  p.valeurs.forEach((ligne, i) => {
    const ou = { feuille: p.feuille, cellule: adresse(p, i, COL.Compétence) };
    // only rows sealed by the teacher's verification count: a row typed or edited by hand does not
    const sceau = controlerSceau(cle, texte(ligne[COL.Sceau]), USAGE_SCEAU_SUIVI, champsSuivi(eleve, ligne));
    if (sceau !== 'valide') {
      anomalie(SCEAU_SUIVI[sceau], 'Ligne ignorée.', { ...ou, cellule: adresse(p, i, COL.Sceau) });
      return;
    }
    const code = texte(ligne[COL.Compétence]);
    if (!competences.has(code)) {
      anomalie(`Compétence « ${code} » inconnue du référentiel.`, 'Ligne ignorée.', ou);
      return;
    }
    const lu = texte(ligne[COL.Degré]);
    const degre = niveauDe(degres, lu)?.degre;
    if (degre === undefined) {
      anomalie(`Degré « ${lu} » hors de l'échelle (${degres.map((x) => x.code).join(', ')}).`, 'Ligne ignorée.', { ...ou, cellule: adresse(p, i, COL.Degré) });
      return;
    }
    const cas = texte(ligne[COL['Cas n°']]);
    const titre = texte(ligne[COL.Exercice]) || ctx.titreDuModele(texte(ligne[COL.Modèle])) || texte(ligne[COL.Modèle]);
    r.preuves.push({
      eleve,
      competence: code,
      nature: 'Exercice',
      libelle: cas ? `${titre}, cas n° ${cas}` : titre,
      creneau: null,
      date: dateDe(ligne[COL.Date]),
      rang: i,
      niveauLu: lu,
      degre,
      ...(typeof ligne[COL['Feuille de calcul']] === 'number' ? { tableur: ligne[COL['Feuille de calcul']] as number } : {}),
      ...(typeof ligne[COL['Taux de réussite']] === 'number' ? { taux: ligne[COL['Taux de réussite']] as number } : {}),
      source: { fichier: r.fichier, feuille: p.feuille, cellule: `A${p.haut + i}` },
    });
  });
}
