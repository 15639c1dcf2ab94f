import path from 'node:path';
import { existsSync, promises as fs } from 'node:fs';
import { compter, referentiel } from '../referentiel';
import { exporterReferentiel } from '../app/referentiel';
import { classeursNommes, creerDossier, ErreurFichier } from '../io/fichiers';
import { analyser, ErreurUsage, type Options } from './arguments';
import { aideComplete, aideCourte, aideDe, commandeProche, NOMS_COMMANDES } from './aide';
import { pourcent, reglagesSaisis, type ReglagesVerification } from '../sheets/exercices/reglages';
import { lireListeEleves } from '../app/lireListeEleves';
import { grillesDeLaClasse, grillesParEleve, type ResumeGrilles } from '../app/grilles';
import { type OptionsGrilles } from '../sheets/grilles/classeurGrilles';
import { anneeIllisible, anneeScolaire, lireAnneeScolaire } from '../domain/dates';
import { TYPES_GRILLE, typesParDefaut, type TypeGrille } from '../sheets/grilles/gabarit';
import { CALCULS, calculerFichier, schemaJson, type Calcul } from '../app/calculs';
import { corrigerClasseur, scellerExercice, ecrireExercice, exercicesDeLaClasse, moisDeDemonstration, TYPES_DISPONIBLES, verifierDemande, type DemandeExercice } from '../app/exercices';
import type { TypeExercice } from '../domain/cas/aleas';
import { enEuros, versCentimes } from '../domain/monnaie';
import { aujourdhui, lireMois, moisIllisible } from '../domain/dates';
import { nomComplet, type Eleve } from '../sheets/eleve';
import { ecrireCopieAnnotee, verifierCopie, verifierCopies } from '../app/verification';
import type { RapportCopie } from '../check/rapport';
import { syntheseDeClasse } from '../check/synthese';
import { falsifierSuivi, simulerClasse, simulerGrilles } from '../app/simulation';
import { FEUILLES_CLASSE } from '../sheets/consolidation/classeurClasse';
import { consoliderClasseurs, type Progression } from '../app/consolidation';
import { accorder } from '../domain/texte';
import { LIBELLES_METHODES, METHODES, type Methode } from '../consolidate/agregation';
import { cheminCle, cleOuNouvelle, lireCle } from '../io/cleEnseignant';
import { cleEnBase64, type CleEnseignant } from '../domain/sceau';
import { SCEAU_EN_CLAIR } from '../app/verifierExercice';


export interface Sorties {
  out: (texte: string) => void;
  err: (texte: string) => void;
}

const console_: Sorties = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

async function cmdReferentiel(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: ['--out'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const sortie = o.valeurs.get('--out');
  if (!o.drapeaux.has('--json') && !sortie) throw new ErreurUsage('Précisez --json ou --out FICHIER.xlsx.');
  if (sortie) {
    if (!sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
    const res = await exporterReferentiel(sortie);
    if (!o.drapeaux.has('--json')) s.out(`Référentiel écrit dans ${res.fichier} (feuilles : ${res.feuilles.join(', ')}).\n`);
  }
  if (o.drapeaux.has('--json')) s.out(JSON.stringify(referentiel(), null, 2) + '\n');
  return 0;
}

function typesDemandes(valeur: string | undefined): TypeGrille[] {
  if (valeur === undefined) return typesParDefaut(referentiel());
  const types = valeur.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const inconnus = types.filter((t) => !(TYPES_GRILLE as readonly string[]).includes(t));
  if (inconnus.length || !types.length)
    throw new ErreurUsage(`Type de grille inconnu : « ${inconnus.join(', ') || valeur} ». Types possibles : ${TYPES_GRILLE.join(', ')}.`);
  return types as TypeGrille[];
}

function afficherResume(res: ResumeGrilles, s: Sorties, json: boolean): number {
  if (json) s.out(JSON.stringify(res, null, 2) + '\n');
  else {
    for (const f of res.fichiers) s.out(`  écrit : ${f.fichier} — ${accorder(f.eleves.length, 'élève')}, ${accorder(f.feuilles.length, 'feuille')}\n`);
  }
  for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
  return res.erreurs.length ? 1 : 0;
}

async function cmdGrilles(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: ['--classe', '--type', '--out', '--par-eleve', '--etablissement', '--annee', '--nom-classe'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const csv = o.valeurs.get('--classe');
  if (!csv) throw new ErreurUsage('Précisez la liste des élèves : --classe ELEVES.csv.');
  const sortie = o.valeurs.get('--out');
  const dossier = o.valeurs.get('--par-eleve');
  if (!sortie === !dossier) throw new ErreurUsage('Précisez soit --out FICHIER.xlsx (un classeur pour la classe), soit --par-eleve DOSSIER (un classeur par élève).');
  if (sortie && !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
  const types = typesDemandes(o.valeurs.get('--type'));
  const date = aujourdhui();
  const typee = o.valeurs.get('--annee');
  const annee = typee === undefined ? anneeScolaire(date) : lireAnneeScolaire(typee);
  if (!annee) throw new ErreurUsage(`--annee : ${anneeIllisible(typee!)}`);
  const options: OptionsGrilles = { types, etablissement: o.valeurs.get('--etablissement') ?? '', annee, date };
  const liste = await lireListeEleves(csv, o.valeurs.get('--nom-classe') ?? '');
  const res = sortie ? await grillesDeLaClasse(liste.eleves, options, sortie) : await grillesParEleve(liste.eleves, options, dossier!);
  if (!o.drapeaux.has('--json')) s.out(`${liste.eleves.length} élèves lus dans ${csv} (${liste.encodage}, séparateur « ${liste.separateur === '\t' ? 'tabulation' : liste.separateur} »).\n`);
  return afficherResume(res, s, o.drapeaux.has('--json'));
}

function calculDemande(positionnels: string[]): Calcul {
  const [c, ...reste] = positionnels;
  if (reste.length) throw new ErreurUsage(`Argument inattendu : « ${reste[0]} ».`);
  if (!c || !(CALCULS as readonly string[]).includes(c)) throw new ErreurUsage(`Précisez le calcul : ${CALCULS.join(', ')}${c ? ` (et non « ${c} »)` : ''}.`);
  return c as Calcul;
}

async function cmdCalcul(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--schema'], valeurs: ['--entree'] });
  const c = calculDemande(o.positionnels);
  const entree = o.valeurs.get('--entree');
  if (o.drapeaux.has('--schema') === Boolean(entree)) throw new ErreurUsage('Précisez soit --entree CAS.json, soit --schema.');
  s.out(JSON.stringify(entree ? await calculerFichier(c, entree) : schemaJson(c), null, 2) + '\n');
  return 0;
}

/** « LE GALL Marie » → nom LE GALL, prénom Marie: the leading words in capitals are the nom. */
function eleveDepuisTexte(t: string): Eleve {
  const mots = t.trim().split(/\s+/);
  let k = mots.findIndex((m) => m !== m.toLocaleUpperCase('fr') || !/\p{L}/u.test(m));
  if (k <= 0) k = 1;
  return { nom: mots.slice(0, k).join(' '), prenom: mots.slice(k).join(' '), classe: '' };
}

function typeExercice(positionnels: string[]): TypeExercice {
  const [t, ...reste] = positionnels;
  if (reste.length) throw new ErreurUsage(`Argument inattendu : « ${reste[0]} ».`);
  if (!t || !(TYPES_DISPONIBLES as string[]).includes(t)) throw new ErreurUsage(`Précisez l'exercice : ${TYPES_DISPONIBLES.join(', ')}${t ? ` (et non « ${t} »)` : ''}.`);
  return t as TypeExercice;
}

/** The teacher's choice of how copies are checked, when any option says so. */
function reglagesDemandes(o: Options): { reglages?: ReglagesVerification } {
  const mode = o.valeurs.get('--verification');
  const seuils = o.valeurs.get('--seuils');
  const montrerAttendus = o.drapeaux.has('--montrer-attendus');
  if (mode === undefined && seuils === undefined && !montrerAttendus) return {};
  const option = mode !== undefined && mode !== 'formatif' && mode !== 'sommatif' ? '--verification' : '--seuils';
  try {
    return { reglages: reglagesSaisis({ ...(mode !== undefined ? { mode } : {}), montrerAttendus, ...(seuils !== undefined ? { seuils: seuils.split(/[,;]/) } : {}) }) };
  } catch (e) {
    throw new ErreurUsage(`${option} attend ${(e as Error).message}.`);
  }
}

async function cmdExercice(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json', '--montrer-attendus'], valeurs: ['--graine', '--aleas', '--periode', '--date', '--mois', '--donnees', '--eleve', '--classe', '--par-eleve', '--out', '--corrige', '--nom-classe', '--verification', '--seuils', '--cle'] });
  const type = typeExercice(o.positionnels);
  const v = (k: string) => o.valeurs.get(k);
  const graine = v('--graine');
  if (graine !== undefined && !/^\d{1,9}$/.test(graine)) throw new ErreurUsage(`--graine attend un entier positif : « ${graine} ».`);
  if (v('--periode') && v('--date')) throw new ErreurUsage('--periode et --date désignent le même mois : donnez-en un seul.');
  const option = v('--date') ? '--date' : '--periode';
  const periode = lireMois(v(option) ?? aujourdhui().slice(0, 7));
  if (!periode) throw new ErreurUsage(`${option} : ${moisIllisible(v(option)!)}`);
  const mois = v('--mois');
  if (mois !== undefined && (type !== 'tresorerie' || !/^([3-9]|1[0-2])$/.test(mois))) throw new ErreurUsage(`--mois (budget de trésorerie seulement) attend un nombre de mois de 3 à 12 : « ${mois} ».`);
  if (v('--donnees') && (graine !== undefined || v('--aleas'))) throw new ErreurUsage('--donnees (le cas de l\'enseignant) exclut --graine et --aleas.');
  const d: DemandeExercice = { type, periode, date: aujourdhui(), ...reglagesDemandes(o), ...(mois ? { mois: Number(mois) } : {}), ...(graine !== undefined ? { graine: Number(graine) } : {}), ...(v('--aleas') ? { aleas: v('--aleas')!.split(',').map((a) => a.trim()).filter(Boolean) } : {}), ...(v('--donnees') ? { donnees: v('--donnees')! } : {}) };
  try {
    verifierDemande(d);
  } catch (e) {
    if (e instanceof RangeError) throw new ErreurUsage(e.message);
    throw e;
  }
  const json = o.drapeaux.has('--json');
  d.cle = await cleDuPoste(v('--cle'), s);
  const csv = v('--classe');
  if (csv) {
    if (!v('--par-eleve') || v('--out') || v('--eleve')) throw new ErreurUsage('Avec --classe, précisez --par-eleve DOSSIER (et non --out ni --eleve).');
    const liste = await lireListeEleves(csv, v('--nom-classe') ?? '');
    const res = await exercicesDeLaClasse(d, liste.eleves, v('--par-eleve')!, v('--corrige'));
    if (json) s.out(JSON.stringify(res, null, 2) + '\n');
    else s.out(`${accorder(res.fichiers.length, 'exercice écrit')} dans ${v('--par-eleve')}${v('--corrige') ? `, corrigés dans ${v('--corrige')}` : ''}.\n`);
    for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
    return res.erreurs.length ? 1 : 0;
  }
  const sortie = v('--out');
  if (!sortie || v('--par-eleve')) throw new ErreurUsage('Précisez --out EXERCICE.xlsx (ou --classe ELEVES.csv --par-eleve DOSSIER).');
  for (const f of [sortie, v('--corrige')]) if (f && !f.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${f} ».`);
  const eleve = v('--eleve') ? { ...eleveDepuisTexte(v('--eleve')!), classe: v('--nom-classe') ?? '' } : null;
  const r = await ecrireExercice(d, eleve, sortie, v('--corrige'));
  if (json) s.out(JSON.stringify(r, null, 2) + '\n');
  else s.out(`Exercice écrit : ${r.fichier} (${r.graine === null ? 'cas de l\'enseignant' : `cas n° ${r.graine}`}${r.aleas.length ? `, aléas : ${r.aleas.join(', ')}` : ''})${v('--corrige') ? ` ; corrigé : ${v('--corrige')}` : ''}.\n`);
  return 0;
}

async function cmdCorrige(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: [] });
  if (o.positionnels.length !== 1) throw new ErreurUsage('Précisez un classeur d\'exercice : agora corrige EXERCICE.xlsx [--json].');
  const c = await corrigerClasseur(o.positionnels[0]!);
  if (c.enonceModifie.length) s.err(`Attention : énoncé modifié depuis sa création (${c.enonceModifie.join(', ')}) ; le corrigé suit l'énoncé tel qu'il est.\n`);
  if (o.drapeaux.has('--json')) s.out(JSON.stringify({ modele: c.modele, graine: c.graine, reponses: c.reponses, enonceModifie: c.enonceModifie }, null, 2) + '\n');
  else
    for (const [k, val] of Object.entries(c.reponses))
      s.out(`${k.padEnd(36)} ${Array.isArray(val) ? val.map((x) => (Array.isArray(x) ? x.map((y) => y ?? '').join(' ; ') : (x ?? ''))).join(' | ') : (val ?? '')}\n`);
  return 0;
}

const pourcentTexte = (t: number | null) => (t === null ? 'non noté' : pourcent(t));

function afficherCopie(r: RapportCopie, s: Sorties, detail: boolean): void {
  const niveaux = r.competences.map((c) => `${c.code} : ${pourcentTexte(c.taux)}${c.niveau ? `, degré ${c.niveau.code} (${c.niveau.libelle})` : ''}`).join(' ; ');
  s.out(`${r.eleve ?? path.basename(r.fichier)} — ${r.titre} : ${r.total.reussis}/${r.total.points} (${pourcentTexte(r.total.taux)}) — ${niveaux}\n`);
  if (r.enonceModifie) s.out(`  Énoncé modifié (${r.blocsModifies.join(', ')}) : copie non notée.\n`);
  if (r.sceau !== 'valide') s.out(`  ${SCEAU_EN_CLAIR[r.sceau]}\n`);
  if (detail && r.mode === 'formatif')
    for (const c of r.controles.filter((x) => x.statut !== 'juste')) s.out(`  ${c.statut.padEnd(14)} ${c.libelle}${c.cellule ? ` (${c.cellule})` : ''}${c.diagnostic ? ` — ${c.diagnostic}` : ''}\n`);
}

/** The class summary printed after a batch: one line per compétence. */
const lignesSynthese = (copies: readonly RapportCopie[]) =>
  syntheseDeClasse(copies).map((g) => `${g.code} ${g.libelle} : ${accorder(g.copies, 'copie')}, réussite moyenne ${pourcentTexte(g.tauxMoyen)} ; degrés 1 / 2 / 3 / 4 : ${g.degres.join(' / ')}`);

async function cmdVerifier(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: ['--out', '--out-dir', '--mode', '--cle'] });
  if (!o.positionnels.length) throw new ErreurUsage('Précisez la ou les copies à vérifier : agora verifier COPIE.xlsx [--json] [--out COPIE-VERIFIEE.xlsx].');
  const mode = o.valeurs.get('--mode');
  if (mode !== undefined && mode !== 'formatif' && mode !== 'sommatif') throw new ErreurUsage(`--mode attend formatif ou sommatif : « ${mode} ».`);
  const sortie = o.valeurs.get('--out');
  const dossier = o.valeurs.get('--out-dir');
  if (sortie && dossier) throw new ErreurUsage('Précisez soit --out (une copie), soit --out-dir (plusieurs copies).');
  if (sortie && !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
  // annotated copies written into the folder read are not read back as copies on the next run
  const fichiers = await classeursNommes(o.positionnels, dossier ? [dossier] : []);
  if (!fichiers.length) throw new ErreurUsage(`Aucun classeur .xlsx dans ${o.positionnels.map((p) => `« ${p} »`).join(', ')}.`);
  if (sortie && fichiers.length !== 1) throw new ErreurUsage('--out écrit une seule copie annotée : avec plusieurs copies, utilisez --out-dir DOSSIER.');
  const cle = await lireCle(cheminCle(o.valeurs.get('--cle')));
  const options = { date: aujourdhui(), ...(mode ? { mode: mode as 'formatif' | 'sommatif' } : {}), ...(cle ? { cle } : {}) };
  const json = o.drapeaux.has('--json');
  if (sortie) {
    const v = await verifierCopie(fichiers[0]!, options);
    await ecrireCopieAnnotee(v, sortie);
    if (json) s.out(JSON.stringify(v.rapport, null, 2) + '\n');
    else {
      afficherCopie(v.rapport, s, true);
      s.out(`Copie annotée écrite : ${sortie}\n`);
    }
    return 0;
  }
  const res = await verifierCopies(fichiers, { ...options, ...(dossier ? { dossier } : {}) });
  if (json) s.out(JSON.stringify(fichiers.length === 1 && res.copies.length === 1 ? res.copies[0] : res, null, 2) + '\n');
  else {
    for (const r of res.copies) afficherCopie(r, s, fichiers.length === 1);
    if (res.copies.length > 1) for (const l of lignesSynthese(res.copies)) s.out(`  ${l}\n`);
    if (dossier) s.out(`${accorder(res.copies.length, 'copie annotée écrite')} dans ${dossier}.\n`);
  }
  for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
  return res.erreurs.length ? 1 : 0;
}

/** A bar redrawn on the terminal; nothing when the output is a file or a pipe. */
function barreDeProgression(s: Sorties, actif: boolean): ((p: Progression) => void) | undefined {
  if (!actif) return undefined;
  return (p) => {
    const largeur = 30;
    const plein = Math.round((largeur * p.fait) / p.total);
    s.err(`\r[${'#'.repeat(plein)}${'.'.repeat(largeur - plein)}] ${p.fait}/${p.total} classeurs lus${p.fait === p.total ? '\n' : ''}`);
  };
}

async function cmdConsolider(args: string[], s: Sorties, terminal = Boolean(process.stderr.isTTY)): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json'], valeurs: ['--out', '--methode', '--lsl', '--cle'] });
  if (!o.positionnels.length) throw new ErreurUsage('Précisez le dossier ou les classeurs à consolider : agora consolider DOSSIER --out CLASSE.xlsx.');
  const sortie = o.valeurs.get('--out');
  if (!sortie || !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Précisez le classeur de la classe à écrire : --out CLASSE.xlsx${sortie ? ` (et non « ${sortie} »)` : ''}.`);
  const methode = o.valeurs.get('--methode') ?? 'recente';
  if (!(METHODES as readonly string[]).includes(methode)) throw new ErreurUsage(`--methode attend ${METHODES.join(', ')} : « ${methode} ».`);
  const lsl = o.valeurs.get('--lsl');
  if (lsl && !lsl.toLowerCase().endsWith('.csv')) throw new ErreurUsage(`Le fichier du livret doit se terminer par .csv : « ${lsl} ».`);
  for (const p of o.positionnels) if (!existsSync(p)) throw new ErreurUsage(`Dossier ou fichier introuvable : « ${p} ».`);
  const fichiers = await classeursNommes(o.positionnels, [sortie, ...(lsl ? [lsl] : [])]);
  if (!fichiers.length) throw new ErreurUsage(`Aucun classeur .xlsx dans ${o.positionnels.map((p) => `« ${p} »`).join(', ')}.`);
  const json = o.drapeaux.has('--json');
  const cle = await lireCle(cheminCle(o.valeurs.get('--cle')));
  const res = await consoliderClasseurs(fichiers, { sortie, methode: methode as Methode, date: aujourdhui(), ...(lsl ? { lsl } : {}), ...(cle ? { cle } : {}), progression: barreDeProgression(s, terminal && !json) });
  if (json) s.out(JSON.stringify({ fichiers: res.fichiers, eleves: res.eleves, competences: res.competences, anomalies: res.anomalies }, null, 2) + '\n');
  else {
    s.out(`${accorder(res.fichiers, 'classeur lu')}, ${accorder(res.eleves, 'élève')}, ${res.competences} compétences — méthode : ${LIBELLES_METHODES[methode as Methode]}.\n`);
    s.out(`Classeur de la classe écrit : ${sortie}${lsl ? ` ; livret scolaire : ${lsl}` : ''}.\n`);
    if (res.anomalies.length) s.out(`${accorder(res.anomalies.length, 'anomalie')}, ${res.anomalies.length > 1 ? 'détaillées' : 'détaillée'} dans la feuille « Anomalies » :\n${res.anomalies.slice(0, 10).map((a) => `  ${path.basename(a.fichier)} : ${a.probleme}\n`).join('')}${res.anomalies.length > 10 ? `  … et ${accorder(res.anomalies.length - 10, 'autre')}.\n` : ''}`);
  }
  return 0;
}

/** The key that seals exercises on this computer, created on first use (the teacher is told where, on stderr). */
async function cleDuPoste(option: string | undefined, s: Sorties): Promise<CleEnseignant> {
  const chemin = cheminCle(option);
  const { cle, creee } = await cleOuNouvelle(chemin);
  if (creee) s.err(`Clé de l'enseignant créée : ${chemin} (identifiant ${cle.id}). Elle scelle vos exercices et vos vérifications : gardez-la, ne la donnez pas aux élèves.\n`);
  return cle;
}

async function cmdSceller(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: [], valeurs: ['--out', '--cle'] });
  const sortie = o.valeurs.get('--out');
  if (o.positionnels.length !== 1 || !sortie?.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage('Précisez l\'exercice modifié et le classeur scellé à écrire : agora sceller EXERCICE.xlsx --out EXERCICE-SCELLE.xlsx.');
  const cle = await cleDuPoste(o.valeurs.get('--cle'), s);
  const modifies = await scellerExercice(o.positionnels[0]!, sortie, cle);
  s.out(`Exercice scellé avec la clé ${cle.id} : ${sortie}${modifies.length ? ` ; vos modifications (${modifies.join(', ')}) font désormais partie de l'exercice` : ' (aucune modification depuis sa création)'}.\n`);
  return 0;
}

async function cmdCle(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--texte'], valeurs: ['--cle'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const cle = await cleDuPoste(o.valeurs.get('--cle'), s);
  if (o.drapeaux.has('--texte')) s.out(`${cleEnBase64(cle)}\n`);
  else s.out(`Clé de l'enseignant : ${cheminCle(o.valeurs.get('--cle'))} (identifiant ${cle.id}).\n`);
  return 0;
}

/** The built-in demo class, found beside the compiled or the TypeScript sources. */
function classeDemo(): string {
  for (let d = __dirname, i = 0; i < 5; i++, d = path.dirname(d)) {
    const f = path.join(d, 'templates', 'demo', 'classe-demo.csv');
    if (existsSync(f)) return f;
  }
  throw new ErreurFichier('Classe de démonstration introuvable (templates/demo/classe-demo.csv).', 'templates/demo/classe-demo.csv');
}

async function cmdDemo(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: [], valeurs: ['--dossier'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const dossier = o.valeurs.get('--dossier') ?? 'out';
  await fs.mkdir(dossier, { recursive: true });
  const r = referentiel();
  const n = compter(r);
  // the demo's own key, beside its files: it never touches the teacher's
  const { cle } = await cleOuNouvelle(path.join(dossier, 'cle-enseignant-demo.txt'));
  s.out(`AGOrA pour Excel — démonstration\n\n`);
  s.out(`1. Référentiel ${r.diplome.sigle} (${r.diplome.texte}) : ${n.blocs} blocs, ${n.activites} activités, ${n.competences} compétences.\n`);
  const res = await exporterReferentiel(path.join(dossier, 'referentiel-agora.xlsx'));
  s.out(`  écrit : ${res.fichier} — feuilles : ${res.feuilles.join(', ')}\n`);

  const csv = classeDemo();
  const liste = await lireListeEleves(csv);
  const date = aujourdhui();
  // a class of scolaires: no E2 CCF grid (their E2 is a written exam)
  const options: OptionsGrilles = { types: typesParDefaut(r), etablissement: 'Lycée professionnel de démonstration', annee: anneeScolaire(date), date };
  s.out(`\n2. Grilles officielles d'une classe de démonstration : ${liste.eleves.length} élèves (${liste.eleves[0]!.classe}).\n`);
  const classe = await grillesDeLaClasse(liste.eleves, options, path.join(dossier, 'grilles-classe.xlsx'));
  const parEleve = await grillesParEleve(liste.eleves, options, path.join(dossier, 'grilles-par-eleve'));
  const codeClasse = afficherResume(classe, s, false);
  const f0 = parEleve.fichiers[0];
  s.out(`  écrit : ${parEleve.fichiers.length} classeurs dans ${path.join(dossier, 'grilles-par-eleve')}${f0 ? ` (par exemple ${path.basename(f0.fichier)} : ${f0.feuilles.filter((f) => !f.startsWith('_')).join(', ')})` : ''}\n`);
  for (const e of parEleve.erreurs) s.err(`Erreur : ${e.message}\n`);

  s.out(`\n3. Exercices des blocs 2 et 3 : un cas différent pour chaque élève (graine tirée de son nom), et les corrigés de l'enseignant.\n`);
  let erreursExercices = 0;
  let premierTva: string | undefined;
  let premierePaie: string | undefined;
  const periode = date.slice(0, 7);
  for (const type of TYPES_DISPONIBLES) {
    const copies = path.join(dossier, 'exercices', type);
    const corriges = path.join(dossier, 'exercices', 'corriges', type);
    const res = await exercicesDeLaClasse({ type, graine: 2026, periode: moisDeDemonstration(type, periode), date, cle }, liste.eleves, copies, corriges);
    const ex = res.fichiers[0];
    s.out(`  ${type} : ${res.fichiers.length} classeurs dans ${copies}, corrigés dans ${corriges}${ex ? ` (par exemple ${path.basename(ex.fichier)} : cas n° ${ex.graine}, aléas ${ex.aleas.join(', ')})` : ''}\n`);
    for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
    erreursExercices += res.erreurs.length;
    if (type === 'tva') premierTva = ex?.fichier;
    if (type === 'paie') premierePaie = ex?.fichier;
  }
  if (premierTva) {
    const c = await corrigerClasseur(premierTva);
    s.out(`  corrigé recalculé depuis ${premierTva} : ligne 28 (TVA nette due) = ${c.reponses.TVA_L28} €, ligne 27 (crédit à reporter) = ${c.reponses.TVA_L27} € (agora corrige ${premierTva})\n`);
  }
  if (premierePaie) {
    const c = await corrigerClasseur(premierePaie);
    const euros = (v: unknown) => enEuros(versCentimes(Number(v)));
    s.out(`  corrigé recalculé depuis ${premierePaie} : salaire brut = ${euros(c.reponses.PAIE_BRUT)}, net à payer avant impôt = ${euros(c.reponses.PAIE_NET_A_PAYER)}, coût employeur = ${euros(c.reponses.PAIE_COUT_EMPLOYEUR)}\n`);
  }

  s.out(`\n4. Les élèves rendent leurs copies (réponses justes, erreurs types tirées de la graine de chacun, quelques oublis), puis l'enseignant les vérifie.\n`);
  let erreursVerification = 0;
  for (const type of TYPES_DISPONIBLES) {
    const copies = path.join(dossier, 'copies', type);
    const annotees = path.join(dossier, 'copies-verifiees', type);
    const exercices = (await fs.readdir(path.join(dossier, 'exercices', type))).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dossier, 'exercices', type, f));
    const simulees = await simulerClasse(exercices, copies);
    const res = await verifierCopies(simulees.map((c) => c.fichier), { date, dossier: annotees, cle });
    const faites = simulees.filter((c) => c.erreurs.length).length;
    s.out(`  ${type} : ${res.copies.length} copies vérifiées (${faites} avec au moins une erreur type), copies annotées dans ${annotees}\n`);
    for (const l of lignesSynthese(res.copies)) s.out(`    ${l}\n`);
    const exemple = res.copies.flatMap((r) => r.controles.filter((c) => c.erreurs.length && c.statut === 'faux').map((c) => ({ r, c })))[0];
    if (exemple) s.out(`    par exemple, ${exemple.r.eleve} — « ${exemple.c.libelle} » (${exemple.c.cellule}) : ${exemple.c.diagnostic}\n`);
    for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
    erreursVerification += res.erreurs.length;
  }
  s.out(`  (agora verifier ${path.join(dossier, 'copies', 'tva')} --out-dir DOSSIER pour refaire la vérification d'une classe)\n`);

  s.out(`\n5. Les enseignants remplissent les grilles (PFMP P1 à P5, attestations, CCF), puis le coordonnateur consolide la classe.\n`);
  const remplies = path.join(dossier, 'grilles-remplies');
  await creerDossier(remplies);
  for (const [i, f] of parEleve.fichiers.entries()) await simulerGrilles(f.fichier, path.join(remplies, path.basename(f.fichier)), r, i === 2, options.types);
  s.out(`  ${parEleve.fichiers.length} classeurs de grilles remplis dans ${remplies}\n`);
  // a student adds rows by hand to their checked copy's evidence: the seal refuses them
  const verifieesTva = (await classeursNommes([path.join(dossier, 'copies-verifiees', 'tva')]))[0];
  const falsifiees = path.join(dossier, 'copie-falsifiee');
  await creerDossier(falsifiees);
  const falsifiee = verifieesTva && path.join(falsifiees, path.basename(verifieesTva));
  const ajoutees = verifieesTva && falsifiee ? await falsifierSuivi(verifieesTva, falsifiee, r.blocs[0]!.activites.flatMap((a) => a.competences.map((c) => c.code))) : 0;
  const sortieClasse = path.join(dossier, 'classe-consolidee.xlsx');
  const livret = path.join(dossier, 'livret-scolaire.csv');
  const fichiers = await classeursNommes([remplies, path.join(dossier, 'copies-verifiees'), falsifiees]);
  const t0 = Date.now();
  const c = await consoliderClasseurs(fichiers, { sortie: sortieClasse, lsl: livret, methode: 'recente', date, cle });
  const k = c.classe;
  s.out(`  agora consolider ${remplies} ${path.join(dossier, 'copies-verifiees')} ${falsifiees} --out ${sortieClasse} --lsl ${livret} --cle ${path.join(dossier, 'cle-enseignant-demo.txt')}\n`);
  s.out(`  ${c.fichiers} classeurs lus en ${((Date.now() - t0) / 1000).toFixed(1).replace('.', ',')} s, ${c.eleves} élèves, ${c.competences} compétences, ${k.preuves.retenues} positionnements retenus — méthode : ${LIBELLES_METHODES[k.methode]}\n`);
  const jamais = k.couverture.filter((x) => x.evalues === 0);
  s.out(`  couverture : ${k.couverture.length - jamais.length} compétences évaluées sur ${k.couverture.length}${jamais.length ? ` (jamais évaluées : ${jamais.map((x) => x.code).join(', ')})` : ''}\n`);
  const courts = k.eleves.filter((e) => !e.semaines || e.semaines.manque > 0);
  s.out(`  PFMP : ${k.eleves.length - courts.length} élèves ont atteint la durée requise, ${courts.length} n'y sont pas encore\n`);
  const e0 = k.eleves[0];
  if (e0) s.out(`  par exemple, ${nomComplet(e0)} : ${e0.blocs.map((b) => `bloc ${b.code} ${b.evaluees}/${b.total} évaluées, degré moyen ${b.moyenne === null ? '—' : b.moyenne.toFixed(1).replace('.', ',')}`).join(' ; ')}\n`);
  const refusees = c.anomalies.filter((a) => a.fichier === falsifiee);
  if (falsifiee) s.out(`  copie falsifiée ${path.relative(dossier, falsifiee)} : ${ajoutees} lignes « degré 4 » ajoutées à la main dans « Suivi des compétences » ; ${accorder(refusees.length, 'ligne')} ${refusees.length > 1 ? 'écartées' : 'écartée'} par le sceau de l'enseignant (« ${refusees[0]?.probleme ?? ''} »), seule la ligne vérifiée compte\n`);
  const autres = c.anomalies.filter((a) => a.fichier !== falsifiee);
  s.out(`  autres anomalies : ${autres.length}${autres[0] ? ` (par exemple ${path.basename(autres[0].fichier)} : ${autres[0].probleme})` : ''}\n`);
  s.out(`  écrit : ${sortieClasse} (${Object.values(FEUILLES_CLASSE).join(', ')}) et ${livret}\n`);
  return codeClasse || (parEleve.erreurs.length || erreursExercices || erreursVerification ? 1 : 0);
}

const inconnue = (commande: string) => {
  const proche = commandeProche(commande);
  return `Commande inconnue : « ${commande} ».${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''} Tapez « agora aide » pour la liste des commandes.`;
};

/** Runs one command; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], s: Sorties = console_): Promise<number> {
  const [commande, ...reste] = argv;
  try {
    // « agora verifier --help »: that command's help, whatever else is on the line
    if (commande && NOMS_COMMANDES.includes(commande) && reste.some((a) => a === '--help' || a === '-h')) {
      s.out(aideDe(commande));
      return 0;
    }
    switch (commande) {
      case 'referentiel':
        return await cmdReferentiel(reste, s);
      case 'grilles':
        return await cmdGrilles(reste, s);
      case 'calcul':
        return await cmdCalcul(reste, s);
      case 'exercice':
        return await cmdExercice(reste, s);
      case 'corrige':
        return await cmdCorrige(reste, s);
      case 'verifier':
        return await cmdVerifier(reste, s);
      case 'consolider':
        return await cmdConsolider(reste, s);
      case 'demo':
        return await cmdDemo(reste, s);
      case 'cle':
        return await cmdCle(reste, s);
      case 'sceller':
        return await cmdSceller(reste, s);
      case 'aide':
      case 'help':
      case '--help':
      case '-h': {
        const sujet = reste[0];
        if (sujet !== undefined && !NOMS_COMMANDES.includes(sujet)) throw new ErreurUsage(inconnue(sujet));
        s.out(sujet ? aideDe(sujet) : aideComplete());
        return 0;
      }
      case undefined:
        s.err(aideCourte());
        return 2;
      default:
        throw new ErreurUsage(inconnue(commande));
    }
  } catch (e) {
    if (e instanceof ErreurUsage) {
      s.err(`Erreur : ${e.message}\n`);
      return 2;
    }
    if (e instanceof ErreurFichier) {
      s.err(`Erreur : ${e.message}\n`);
      return 1;
    }
    s.err(`Erreur inattendue : ${(e as Error).message}\n`);
    return 1;
  }
}
