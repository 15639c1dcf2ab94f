import { accorder } from '../../domain/texte';
import { ccfDesScolaires } from '../grilles/gabarit';
import type { Referentiel } from '../../referentiel/schema';
import type { ClasseConsolidee, EleveConsolide, NoteEleve } from '../../consolidate/classe';
import { LIBELLES_METHODES } from '../../consolidate/agregation';
import { dateFr } from '../../domain/dates';
import { ConstructeurFeuille, type Bloc } from '../constructeur';
import { feuilleAgora } from '../agora';
import { nomComplet } from '../eleve';
import { degresDuLivret, gabaritGrilles } from '../grilles/gabarit';
import { lettreColonne, type Classeur, type Feuille, type MiseEnFormeConditionnelle, type NomDefini, type Style, type SuiteDeLignes, type Valeur } from '../model';
import { alerte, bandeau, code, corps, entete, etiquette, saisie, sousTitre, texte, titre, valeur } from '../styles';

export const FEUILLES_CLASSE = { synthese: 'Synthèse', profil: 'Profil', detail: 'Détail', couverture: 'Couverture', pfmp: 'PFMP', notes: 'Notes CCF', anomalies: 'Anomalies' } as const;
export const MODELE_CLASSE = 'consolidation-classe';
/** « Détail »'s columns, and the name of its header row: what a reader of the class workbook (the remediation) finds it by */
export const COLONNES_DETAIL = [
  'Classe',
  'Élève',
  'Bloc',
  'Compétence',
  'Date',
  'Nature',
  'Positionnement',
  'Niveau saisi',
  'Degré',
  'Retenu',
  'Fichier',
  'Feuille',
  'Cellule',
  'Feuille de calcul',
  'Réussite',
] as const;
export const NOM_DETAIL = 'AGORA_Detail';
export const VERSION_CLASSE = '1.0.0';

export interface OptionsClasse {
  date: string; // AAAA-MM-JJ
}

const centre: Style = { ...valeur, alignement: 'centre' };
const petit: Style = { ...valeur, taille: 8 };
const ROUGE = { fond: 'F8CBAD', couleur: '9C0006' };
const VERT = { fond: 'C6E0B4', couleur: '006100' };
const nomEleve = (e: EleveConsolide) => nomComplet(e);
const nombreFr = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');

/** The 37 compétences in the référentiel's order with their bloc: the columns of « Synthèse », the rows of « Profil ». */
const competencesEtBlocs = (r: Referentiel) => r.blocs.flatMap((b) => b.activites.flatMap((a) => a.competences.map((x) => ({ ...x, bloc: b.code }))));

/** One fill per livret degree on numbers between 1 and 4 (a mean colours as the degree it rounds to). */
function carteDeChaleur(plage: string): MiseEnFormeConditionnelle[] {
  const coin = plage.split(':')[0]!;
  return gabaritGrilles()
    .couleursNiveaux.slice(0, 4)
    .map((fond, k) => ({ plage, formule: `AND(ISNUMBER(${coin}),ROUND(${coin},0)=${k + 1})`, fond }));
}

function enTete(f: ConstructeurFeuille, n: number, intitule: string, c: ClasseConsolidee, o: OptionsClasse): void {
  f.ligne([{ valeur: intitule, style: titre, colonnes: n }], 22);
  f.ligne([
    {
      valeur: `Consolidation du ${dateFr(o.date)} — ${accorder(c.fichiers.length, 'fichier lu')}, ${accorder(c.eleves.length, 'élève')} — méthode : ${LIBELLES_METHODES[c.methode]}.`,
      style: sousTitre,
      colonnes: n,
    },
  ]);
}

const miseEnPage = (intitule: string, orientation: 'paysage' | 'portrait', repetees: number) => ({
  orientation,
  ajusterLargeur: true,
  lignesRepetees: [repetees, repetees] as [number, number],
  piedDePage: `&L&8AGOrA pour Excel — consolidation de la classe&C&8${intitule}&R&8Page &P / &N`,
});

/**
 * One row per student under a sheet's header, values only with one style per column: drawn as the
 * file is written, so that a class of 3 000 is not first built as cell objects.
 */
const lignesDesEleves = (c: ClasseConsolidee, styles: Style[], valeurs: (e: EleveConsolide) => Valeur[]): SuiteDeLignes => ({
  nombre: c.eleves.length,
  styles,
  *lignes() {
    for (const e of c.eleves) yield valeurs(e);
  },
});

/** « Synthèse »: students × compétences, the aggregated level coloured as a heatmap, then a summary per bloc; and the rows of the students. */
function synthese(r: Referentiel, c: ClasseConsolidee, o: OptionsClasse): { feuille: Feuille; premiere: number; derniere: number; liste?: string } {
  const competences = competencesEtBlocs(r);
  const entiers = c.methode === 'derniere' || c.methode === 'meilleure';
  // the INE after the levels, when a class list gave one; before it, « Feuille de calcul » when an exercise gave it
  const avecIne = c.eleves.some((e) => e.ine);
  const avecTableur = c.eleves.some((e) => e.tableur !== null);
  // last, hidden: each student's label, the drop-down list of « Profil » (one row per student, streamed with the others)
  const largeurs = [12, 24, ...competences.map(() => 5.2), ...r.blocs.flatMap(() => [8, 8]), ...(avecTableur ? [11] : []), ...(avecIne ? [13] : []), 30];
  const n = largeurs.length;
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.synthese, largeurs);
  // The heading sits in the two columns repeated on every printed page (class, student), the notes
  // beside it: a page of the compétences further right then shows the whole title, never a cut one.
  const largeurNotes = Math.min(n, 24) - 2;
  const degres = degresDuLivret();
  f.ligne(
    [
      { valeur: 'Synthèse des compétences de la classe', style: { ...titre, retourLigne: true, vertical: 'haut' }, colonnes: 2 },
      {
        valeur: `Consolidation du ${dateFr(o.date)} — ${accorder(c.fichiers.length, 'fichier lu')}, ${accorder(c.eleves.length, 'élève')} — méthode : ${LIBELLES_METHODES[c.methode]}.`,
        style: sousTitre,
        colonnes: largeurNotes,
      },
    ],
    40,
  );
  f.ligne([
    { valeur: '', colonnes: 2 },
    {
      valeur: `Niveau agrégé de chaque compétence (1 à 4), coloré selon le degré du livret scolaire auquel il s'arrondit : ${degres.map((d) => `${d.code} ${d.libelle}`).join(' · ')}. Cellule vide : compétence non évaluée (« NE » n'est jamais compté comme zéro).`,
      style: sousTitre,
      colonnes: largeurNotes,
    },
  ]);
  f.ligne([
    { valeur: '', colonnes: 2 },
    {
      valeur: `Moyenne, dernier ou meilleur positionnement : voir la méthode ci-dessus. Le détail de chaque positionnement (fichier, feuille, cellule) est dans la feuille « ${FEUILLES_CLASSE.detail} ».`,
      style: texte,
      colonnes: largeurNotes,
    },
  ]);
  const bandes: Bloc[] = [{ valeur: '', style: bandeau, colonnes: 2 }];
  for (const b of r.blocs) bandes.push({ valeur: `Bloc ${b.code}`, style: { ...bandeau, alignement: 'centre' }, colonnes: competences.filter((x) => x.bloc === b.code).length });
  bandes.push({ valeur: 'Synthèse par bloc', style: { ...bandeau, alignement: 'centre' }, colonnes: r.blocs.length * 2 });
  if (avecTableur) bandes.push({ valeur: '', style: bandeau });
  if (avecIne) bandes.push({ valeur: '', style: bandeau });
  bandes.push({ valeur: '', style: bandeau });
  f.ligne(bandes);
  // each compétence's label above its column, read bottom to top: on paper, every page names its columns
  const h = f.ligne(
    [
      { valeur: 'Classe', style: entete },
      { valeur: 'Élève', style: entete },
      ...competences.map((x) => ({ valeur: `${x.code} ${x.libelle}`, style: { ...entete, taille: 8, rotation: 90 as const, alignement: 'gauche' as const } })),
      ...r.blocs.flatMap((b) => {
        const total = competences.filter((x) => x.bloc === b.code).length;
        return [
          { valeur: `Bloc ${b.code} : évaluées sur ${total}`, style: { ...entete, taille: 7 } },
          { valeur: `Bloc ${b.code} : degré moyen`, style: { ...entete, taille: 7 } },
        ];
      }),
      ...(avecTableur ? [{ valeur: 'Feuille de calcul : calculs faits par des formules qui suivent les données (moyenne des exercices)', style: { ...entete, taille: 7 } }] : []),
      ...(avecIne ? [{ valeur: 'INE', style: entete }] : []),
      { valeur: 'Élèves (liste de choix de « Profil »)', style: entete },
    ],
    150,
  );
  if (!c.eleves.length) f.ligne([{ valeur: 'Aucun élève : aucun classeur AGOrA lisible parmi les fichiers donnés (voir « Anomalies »).', style: alerte, colonnes: Math.min(n, 24) }]);
  const [premiere, derniere] = c.eleves.length ? [h + 1, h + c.eleves.length] : [0, h];
  const nombre: Style = { ...centre, format: entiers ? '0' : '0.0' };
  const suite = lignesDesEleves(
    c,
    [
      valeur,
      { ...valeur, gras: true },
      ...competences.map(() => nombre),
      ...r.blocs.flatMap(() => [centre, { ...centre, format: '0.0' }]),
      ...(avecTableur ? [{ ...centre, format: '0 %' }] : []),
      ...(avecIne ? [centre] : []),
      valeur,
    ],
    (e) => [
      e.classe,
      nomEleve(e),
      ...competences.map((x) => {
        const a = e.competences[x.code];
        return a ? (entiers ? a.degre : Math.round(a.valeur * 100) / 100) : null;
      }),
      ...e.blocs.flatMap((b) => [b.evaluees, b.moyenne === null ? null : Math.round(b.moyenne * 100) / 100]),
      ...(avecTableur ? [e.tableur === null ? null : Math.round(e.tableur * 1000) / 1000] : []),
      ...(avecIne ? [e.ine ?? null] : []),
      libelleEleve(e),
    ],
  );
  const misesEnForme: MiseEnFormeConditionnelle[] = [];
  if (premiere) {
    misesEnForme.push(...carteDeChaleur(`C${premiere}:${lettreColonne(1 + competences.length)}${derniere}`));
    for (let k = 0; k < r.blocs.length; k++) {
      const col = lettreColonne(2 + competences.length + 2 * k + 1);
      misesEnForme.push(...carteDeChaleur(`${col}${premiere}:${col}${derniere}`));
    }
  }
  // printed on as many pages as it takes, at 80 %, the students' names and the headers on each page:
  // fitted to one page wide, the 37 compétences shrank to unreadable
  const impression = { ...miseEnPage('Synthèse', 'paysage', h), ajusterLargeur: false, echelle: 80, lignesRepetees: [h - 1, h] as [number, number], colonnesRepetees: [1, 2] as [number, number] };
  const liste = lettreColonne(n - 1);
  return {
    feuille: { ...f.feuille(impression, { lignes: h, colonnes: 2 }, [n - 1]), misesEnForme, suite },
    premiere,
    derniere,
    ...(premiere ? { liste: `${liste}${premiere}:${liste}${derniere}` } : {}),
  };
}

const NOM_LISTE_ELEVES = 'Classe_ListeEleves';
const libelleEleve = (e: EleveConsolide) => `${nomEleve(e)} (${e.classe})`;

/**
 * « Profil »: one student chosen in a drop-down list, their aggregated level for each compétence
 * looked up in « Synthèse » by formulas (so the choice works in any workbook, charts or not), and
 * a column chart of it. The list is a hidden column of « Synthèse » (a literal list is limited to
 * 255 characters in Excel).
 */
function profil(r: Referentiel, c: ClasseConsolidee, o: OptionsClasse, s: { premiere: number; derniere: number; liste?: string }): Feuille {
  const competences = competencesEtBlocs(r);
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.profil, [6, 9, 48, 11]);
  enTete(f, 4, "Profil d'un élève", c, o);
  if (!s.liste) {
    f.ligne([{ valeur: 'Aucun élève : aucun classeur AGOrA lisible parmi les fichiers donnés (voir « Anomalies »).', style: alerte, colonnes: 4 }]);
    return f.feuille(miseEnPage('Profil', 'portrait', 1));
  }
  f.ligne([
    {
      valeur:
        "Choisissez l'élève dans la liste (cellule jaune) : ses niveaux agrégés (1 à 4, repris de « Synthèse ») s'affichent ci-dessous (et dans l'histogramme quand la classe est consolidée depuis le volet AGOrA dans Excel). Cellule vide : compétence non évaluée.",
      style: sousTitre,
      colonnes: 4,
    },
  ]);
  const choix = f.ligne(
    [
      { valeur: 'Élève', style: etiquette },
      { valeur: libelleEleve(c.eleves[0]!), style: saisie, colonnes: 2 },
    ],
    20,
  );
  f.vide();
  const entiers = c.methode === 'derniere' || c.methode === 'meilleure';
  const h = f.ligne(['Bloc', 'Code', 'Compétence', 'Niveau agrégé'].map((v) => ({ valeur: v, style: entete })));
  const synthese = (plage: string) => `'${FEUILLES_CLASSE.synthese}'!${plage.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  competences.forEach((x, k) => {
    const col = lettreColonne(2 + k);
    // INDEX gives 0 for an empty cell: a compétence not evaluated must stay empty, not read as level 0
    const lu = `INDEX(${synthese(`${col}${s.premiere}:${col}${s.derniere}`)},MATCH($B$${choix},${synthese(s.liste!)},0))`;
    const niveau = `IFERROR(IF(${lu}="","",${lu}),"")`;
    f.ligne([
      { valeur: x.bloc, style: centre },
      { valeur: x.code, style: code },
      { valeur: x.libelle, style: corps },
      { valeur: { formule: niveau }, style: { ...centre, gras: true, format: entiers ? '0' : '0.0' } },
    ]);
  });
  const fin = h + competences.length;
  return {
    ...f.feuille({ ...miseEnPage('Profil', 'portrait', h), zoneImpression: `A1:D${fin}` }, { lignes: h, colonnes: 0 }),
    validations: [{ plage: `B${choix}`, liste: { nom: NOM_LISTE_ELEVES }, message: 'Choisissez un élève de la liste.' }],
    misesEnForme: carteDeChaleur(`D${h + 1}:D${fin}`),
    graphiques: [
      { titre: 'Niveau agrégé par compétence', type: 'histogramme', donnees: `D${h}:D${fin}`, categories: `B${h + 1}:B${fin}`, position: `F${choix}:O${choix + 30}`, axe: { minimum: 0, maximum: 4 } },
    ],
  };
}

/** « Détail »: one row per positioning read, with where it comes from; an Excel table with filters. */
function detail(c: ClasseConsolidee, o: OptionsClasse): Feuille {
  const largeurs = [12, 24, 6, 10, 11, 10, 34, 9, 7, 22, 36, 18, 9, 11, 10];
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.detail, largeurs);
  enTete(f, largeurs.length, 'Détail des positionnements', c, o);
  // a class's thousands of positionings are for filtering on screen: printing the class workbook
  // gives what a conseil de classe reads, this sheet's heading only, unless the print area is cleared
  f.ligne([
    {
      valeur: `${accorder(c.preuves.nombre, 'positionnement')} ; seul cet en-tête s'imprime. Pour imprimer tout le détail : onglet Mise en page › Zone d'impression › Annuler la zone d'impression.`,
      style: sousTitre,
      colonnes: largeurs.length,
    },
  ]);
  const h = f.ligne(
    COLONNES_DETAIL.map((v) => ({
      valeur: v,
      style: entete,
    })),
  );
  const eleves = new Map(c.eleves.map((e) => [e.id, e]));
  // Values only, the table style draws the rows: a style per cell would cost more than reading the files.
  const date: Style = { format: 'dd/mm/yyyy', alignement: 'centre' };
  // short codes and numbers centred: left and right alignments side by side ran together (« 3Oui »)
  const milieu: Style = { alignement: 'centre' };
  const pourcentage: Style = { format: '0 %', alignement: 'centre' };
  const centrees = new Set([2, 3, 7, 8, 12]);
  function* lignes(): Iterable<Valeur[]> {
    for (const p of c.preuves) {
      const e = eleves.get(p.eleveId)!;
      yield [
        e.classe,
        nomEleve(e),
        p.competence.split('.')[0]!,
        p.competence,
        p.date ? { date: p.date } : null,
        p.nature,
        p.libelle,
        p.niveauLu,
        p.degre,
        p.retenue ? 'Oui' : `Non — ${p.motif}`,
        p.source.fichier,
        p.source.feuille,
        p.source.cellule,
        p.tableur ?? null,
        p.taux ?? null,
      ];
    }
  }
  return {
    ...f.feuille({ ...miseEnPage('Détail', 'paysage', h), zoneImpression: `A1:${lettreColonne(largeurs.length - 1)}${h}` }, { lignes: h, colonnes: 2 }),
    tableau: { nom: 'Detail', entete: h, derniere: h + c.preuves.nombre, colonnes: largeurs.length },
    suite: { nombre: c.preuves.nombre, styles: largeurs.map((_, j) => (j === 4 ? date : j >= 13 ? pourcentage : centrees.has(j) ? milieu : undefined)), lignes },
  };
}

/** « Couverture »: per compétence, how many students were evaluated and at which degree; never-evaluated ones flagged. */
function couverture(c: ClasseConsolidee, o: OptionsClasse): Feuille {
  const largeurs = [6, 9, 52, 10, 8, 8, 8, 8, 15, 28];
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.couverture, largeurs);
  enTete(f, largeurs.length, 'Couverture des compétences', c, o);
  const h = f.ligne(['Bloc', 'Code', 'Compétence', 'Élèves évalués', 'Degré 1', 'Degré 2', 'Degré 3', 'Degré 4', 'Positionnements', 'État'].map((v) => ({ valeur: v, style: entete })));
  const total = c.eleves.length;
  let derniere = h;
  for (const x of c.couverture) {
    const etat = x.evalues === 0 ? 'Jamais évaluée' : x.evalues < total ? `${accorder(total - x.evalues, 'élève non évalué')}` : 'Tous les élèves évalués';
    derniere = f.ligne([
      { valeur: x.bloc, style: centre },
      { valeur: x.code, style: code },
      { valeur: x.libelle, style: corps },
      { valeur: x.evalues, style: centre },
      ...x.degres.map((d) => ({ valeur: d, style: centre })),
      { valeur: x.positionnements, style: centre },
      { valeur: etat, style: valeur },
    ]);
  }
  const etat = `J${h + 1}:J${derniere}`;
  return {
    ...f.feuille(miseEnPage('Couverture', 'portrait', h), { lignes: h, colonnes: 3 }),
    tableau: { nom: 'Couverture', entete: h, derniere, colonnes: largeurs.length },
    graphiques: [
      { titre: "Répartition des degrés par compétence (nombre d'élèves)", type: 'barresEmpilees', donnees: `E${h}:H${derniere}`, categories: `B${h + 1}:B${derniere}`, position: `L${h}:U${h + 45}` },
    ],
    misesEnForme: [
      { plage: etat, formule: `D${h + 1}=0`, ...ROUGE },
      { plage: etat, formule: `D${h + 1}<${total}`, fond: 'FFE699' },
      { plage: etat, formule: `D${h + 1}>=${total}`, ...VERT },
    ],
  };
}

/** « PFMP »: weeks per student and period against the required duration (22 weeks, 16 in a two-year cycle). */
function pfmp(r: Referentiel, c: ClasseConsolidee, o: OptionsClasse): Feuille {
  const periodes = gabaritGrilles().periodesPfmp;
  const largeurs = [12, 24, 8, ...periodes.map(() => 6), 8, 8, 8, 34];
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.pfmp, largeurs);
  enTete(f, largeurs.length, 'Semaines de formation en milieu professionnel', c, o);
  f.ligne([
    {
      valeur: `Durée requise : ${r.pfmp.dureeSemaines} semaines ; ${r.pfmp.dureeCycleDeuxAnsSemaines} semaines pour un cycle de formation en deux ans (attestations PFMP des classeurs).`,
      style: sousTitre,
      colonnes: largeurs.length,
    },
  ]);
  const h = f.ligne(['Classe', 'Élève', 'Cycle', ...periodes, 'Total', 'Requis', 'Manque', 'État'].map((v) => ({ valeur: v, style: entete })));
  const derniere = h + c.eleves.length;
  const semaines: Style = { ...centre, format: '0.#' };
  const suite = lignesDesEleves(c, [valeur, { ...valeur, gras: true }, centre, ...periodes.map(() => semaines), { ...semaines, gras: true }, centre, semaines, valeur], (e) => {
    const s = e.semaines;
    return [
      e.classe,
      nomEleve(e),
      s?.cycle ?? null,
      ...periodes.map((_, k) => s?.periodes[k] ?? null),
      s ? s.total : null,
      s ? s.requis : null,
      s ? s.manque : null,
      !s ? 'Aucune attestation PFMP lue' : s.manque > 0 ? `Il manque ${nombreFr(s.manque)} ${s.manque > 1 ? 'semaines' : 'semaine'}` : 'Durée atteinte',
    ];
  });
  const k = 3 + periodes.length;
  const etat = `${lettreColonne(k + 3)}${h + 1}:${lettreColonne(k + 3)}${derniere}`;
  const manque = `${lettreColonne(k + 2)}${h + 1}`;
  return {
    ...f.feuille(miseEnPage('PFMP', 'paysage', h), { lignes: h, colonnes: 2 }),
    tableau: { nom: 'PFMP', entete: h, derniere, colonnes: largeurs.length },
    suite,
    // no student, no rows to colour (an inverted range would make Excel refuse the sheet)
    misesEnForme:
      derniere > h
        ? [
            { plage: etat, formule: `OR(${manque}="",${manque}>0)`, ...ROUGE },
            { plage: etat, formule: `AND(ISNUMBER(${manque}),${manque}=0)`, ...VERT },
          ]
        : [],
  };
}

const celluleNote = (n: NoteEleve | undefined): { valeur: string | number | null; detail: string } => {
  if (!n) return { valeur: null, detail: 'Pas de grille' };
  if ('contradictoires' in n) return { valeur: 'Contradictoire', detail: n.contradictoires.map((x) => `${x.note === null ? 'aucune' : nombreFr(x.note)} (${x.fichier})`).join(' ; ') };
  if (n.vide) return { valeur: null, detail: `Grille vide (0 / ${n.competences})` };
  return { valeur: n.note, detail: `${n.positionnees} / ${n.competences} positionnées${n.note === null ? ' ; grille incomplète' : ''}` };
};

/**
 * « Notes CCF »: the proposed marks of E31 and E32, recomputed from each grid's positionings, and
 * of E2 only when the class has E2 grids (its CCF is for formation continue only).
 */
function notes(r: Referentiel, c: ClasseConsolidee, o: OptionsClasse): Feuille {
  const epreuves = ['E31', 'E32', 'E2'].map((x) => r.epreuves.find((e) => e.code === x)!).filter((e) => e && (ccfDesScolaires(e) || c.eleves.some((x) => x.notes[e.code])));
  const largeurs = [12, 24, ...epreuves.flatMap(() => [9, 22])];
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.notes, largeurs);
  enTete(f, largeurs.length, 'Notes proposées des grilles CCF (sur 20)', c, o);
  if (epreuves.some((e) => e.ccf.noteNonCommuniquee)) f.ligne([{ valeur: 'La proposition de note ne doit pas être communiquée au candidat.', style: alerte, colonnes: largeurs.length }]);
  f.ligne([
    {
      valeur: "Note recalculée depuis les positionnements de chaque grille, avec l'échelle, les poids et le pas d'arrondi de son classeur, comme la formule de la grille.",
      style: texte,
      colonnes: largeurs.length,
    },
  ]);
  const h = f.ligne(['Classe', 'Élève', ...epreuves.flatMap((e) => [`${e.code} : note`, `${e.code} : compétences`])].map((v) => ({ valeur: v, style: entete })));
  const suite = lignesDesEleves(c, [valeur, { ...valeur, gras: true }, ...epreuves.flatMap(() => [{ ...centre, gras: true, format: '0.0#' }, petit])], (e) => [
    e.classe,
    nomEleve(e),
    ...epreuves.flatMap((x) => {
      const n = celluleNote(e.notes[x.code]);
      return [n.valeur, n.detail];
    }),
  ]);
  return { ...f.feuille(miseEnPage('Notes CCF', 'paysage', h), { lignes: h, colonnes: 2 }), tableau: { nom: 'NotesCCF', entete: h, derniere: h + c.eleves.length, colonnes: largeurs.length }, suite };
}

/** « Anomalies »: every file, sheet or cell that could not be taken as it was, and what was done. */
function anomalies(c: ClasseConsolidee, o: OptionsClasse): Feuille {
  const largeurs = [36, 18, 9, 70, 40];
  const f = new ConstructeurFeuille(FEUILLES_CLASSE.anomalies, largeurs);
  enTete(f, largeurs.length, 'Anomalies relevées', c, o);
  const h = f.ligne(['Fichier', 'Feuille', 'Cellule', 'Problème', 'Ce qui a été fait'].map((v) => ({ valeur: v, style: entete })));
  let derniere = h;
  for (const a of c.anomalies) derniere = f.ligne([a.fichier, a.feuille, a.cellule, a.probleme, a.action].map((v) => ({ valeur: v, style: valeur })));
  if (!c.anomalies.length) derniere = f.ligne([{ valeur: 'Aucune anomalie.', style: valeur }, ...['', '', '', ''].map((v) => ({ valeur: v, style: valeur }))]);
  return { ...f.feuille(miseEnPage('Anomalies', 'paysage', h), { lignes: h, colonnes: 0 }), tableau: { nom: 'Anomalies', entete: h, derniere, colonnes: largeurs.length } };
}

/** The class workbook: « Synthèse », « Profil », « Détail », « Couverture », « PFMP », « Notes CCF », « Anomalies », then `_agora`. */
export function classeurClasse(r: Referentiel, c: ClasseConsolidee, o: OptionsClasse): Classeur {
  const s = synthese(r, c, o);
  const p = profil(r, c, o, s);
  const d = detail(c, o);
  const feuilles = [s.feuille, p, d, couverture(c, o), pfmp(r, c, o), notes(r, c, o), anomalies(c, o)];
  const noms: NomDefini[] = feuilles.map((f) => ({ nom: `Classe_${f.nom.normalize('NFD').replace(/[^A-Za-z]/g, '')}`, feuille: f.nom, plage: 'A1' }));
  feuilles.push(
    feuilleAgora({
      cles: [
        ['modele', MODELE_CLASSE],
        ['version_modele', VERSION_CLASSE],
        ['methode', c.methode],
        ['fichiers', String(c.fichiers.length)],
        ['eleves', String(c.eleves.length)],
      ],
      versionGabarit: VERSION_CLASSE,
      versionReferentiel: r.version,
      date: o.date,
      entrees: noms.map((n) => ({ ancre: n.nom, modele: MODELE_CLASSE, eleve: null, prefixe: '', feuille: n.feuille })),
    }),
  );
  // after `_agora`'s entries: the list is not a sheet to find again
  if (s.liste) noms.push({ nom: NOM_LISTE_ELEVES, feuille: FEUILLES_CLASSE.synthese, plage: s.liste });
  const h = d.tableau!.entete;
  noms.push({ nom: NOM_DETAIL, feuille: FEUILLES_CLASSE.detail, plage: `A${h}:${lettreColonne(COLONNES_DETAIL.length - 1)}${h}` });
  return { titre: `Consolidation de la classe — ${c.eleves.length} élèves`, feuilles, noms };
}
