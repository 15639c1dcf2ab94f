import { analyser, ErreurUsage, type Options } from '../arguments';
import { reglagesSaisis, type ReglagesVerification } from '../../sheets/exercices/reglages';
import { lireListeEleves } from '../casDUsage';
import { aleasEnClair, verifierDemande, type DemandeExercice } from '../../app/exercices';
import { ecrireExercice, exercicesDeLaClasse, lireTables, remediationDeLaClasse } from '../casDUsage';
import { estTypeExercice, paquetExercice, TYPES_EXERCICE, type TypeExercice } from '../../exercices/registre';
import { aujourdhui, lireMois, moisIllisible } from '../../domain/dates';
import { nomComplet, type Eleve } from '../../sheets/eleve';
import { accorder } from '../../domain/texte';
import type { Sorties } from '../sorties';
import { cleDuPoste } from '../cleDuPoste';

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
  if (!t || !estTypeExercice(t)) throw new ErreurUsage(`Précisez l'exercice : ${TYPES_EXERCICE.join(', ')}${t ? ` (et non « ${t} »)` : ''}.`);
  return t;
}

/** The teacher's choice of how copies are checked, when any option says so. */
function reglagesDemandes(o: Options): { reglages?: ReglagesVerification } {
  const mode = o.valeurs.get('--verification');
  const seuils = o.valeurs.get('--seuils');
  const montrerAttendus = o.drapeaux.has('--montrer-attendus');
  const tableur = o.drapeaux.has('--tableur-note');
  if (mode === undefined && seuils === undefined && !montrerAttendus && !tableur) return {};
  const option = mode !== undefined && mode !== 'formatif' && mode !== 'sommatif' ? '--verification' : '--seuils';
  try {
    return { reglages: reglagesSaisis({ ...(mode !== undefined ? { mode } : {}), montrerAttendus, tableur, ...(seuils !== undefined ? { seuils: seuils.split(/[,;]/) } : {}) }) };
  } catch (e) {
    throw new ErreurUsage(`${option} attend ${(e as Error).message}.`);
  }
}

/** The month of the cases: --periode or --date (AAAA-MM), this month otherwise. */
function periodeDemandee(o: Options): string {
  const v = (k: string) => o.valeurs.get(k);
  if (v('--periode') && v('--date')) throw new ErreurUsage('--periode et --date désignent le même mois : donnez-en un seul.');
  const option = v('--date') ? '--date' : '--periode';
  const periode = lireMois(v(option) ?? aujourdhui().slice(0, 7));
  if (!periode) throw new ErreurUsage(`${option} : ${moisIllisible(v(option)!)}`);
  return periode;
}

/**
 * `agora exercice --classe ELEVES.csv --remediation CLASSE.xlsx --out-dir DOSSIER`: each student's
 * next exercises on their weakest compétences, from the class workbook; the kind of exercise is
 * chosen for each student, so none is named on the command line.
 */
async function remediation(o: Options, s: Sorties): Promise<number> {
  const v = (k: string) => o.valeurs.get(k);
  if (o.positionnels.length) throw new ErreurUsage(`Avec --remediation, l'exercice de chaque élève est choisi d'après ses résultats : ne nommez pas d'exercice (« ${o.positionnels[0]} »).`);
  for (const x of ['--graine', '--aleas', '--donnees', '--out', '--eleve', '--mois'])
    if (v(x) !== undefined) throw new ErreurUsage(`--remediation exclut ${x} : chaque élève reçoit un cas nouveau, le sien.`);
  const csv = v('--classe');
  const dossier = v('--out-dir') ?? v('--par-eleve');
  if (!csv || !dossier) throw new ErreurUsage('Avec --remediation CLASSE.xlsx, précisez --classe ELEVES.csv et --out-dir DOSSIER.');
  const nombre = v('--nombre') ?? '1';
  if (!/^[1-5]$/.test(nombre)) throw new ErreurUsage(`--nombre attend le nombre d'exercices par élève, de 1 à 5 : « ${nombre} ».`);
  const d = {
    periode: periodeDemandee(o),
    date: aujourdhui(),
    ...reglagesDemandes(o),
    ...(v('--parametres') ? { tables: await lireTables(v('--parametres')!) } : {}),
    cle: await cleDuPoste(v('--cle'), s),
  };
  const liste = await lireListeEleves(csv, v('--nom-classe') ?? '');
  const res = await remediationDeLaClasse(d, liste.eleves, v('--remediation')!, dossier, v('--corrige'), o.drapeaux.has('--remplacer'), Number(nombre));
  for (const a of new Set(res.fichiers.flatMap((f) => f.avertissements))) s.err(`Attention : ${a}\n`);
  if (o.drapeaux.has('--json')) s.out(JSON.stringify(res, null, 2) + '\n');
  else {
    s.out(`${accorder(res.fichiers.length, 'exercice écrit')} dans ${dossier} d'après ${v('--remediation')} (pourquoi : ${dossier}/repartition.csv).\n`);
    for (const c of res.choix) {
      const qui = nomComplet(c.eleve);
      for (const e of c.exercices) s.out(`  ${qui} : ${paquetExercice(e.type).spec.gabarit.titre} — ${e.motif}\n`);
      if (c.sansExercice.length) s.out(`  ${qui} : aussi faible${c.sansExercice.length > 1 ? 's' : ''}, sans exercice encore : ${c.sansExercice.map((x) => x.competence).join(', ')}\n`);
      if (c.aucun) s.out(`  ${qui} : rien — ${c.aucun}\n`);
    }
    if (res.gardes.length)
      s.out(
        `${accorder(res.gardes.length, 'exercice')} déjà dans le dossier, ${res.gardes.length > 1 ? 'gardés tels quels' : 'gardé tel quel'} (--remplacer pour les refaire) : ${res.gardes.map((g) => g.eleve).join(', ')}.\n`,
      );
  }
  for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
  return res.erreurs.length ? 1 : 0;
}

export async function cmdExercice(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, {
    drapeaux: ['--json', '--montrer-attendus', '--tableur-note', '--remplacer'],
    valeurs: [
      '--graine',
      '--aleas',
      '--periode',
      '--date',
      '--mois',
      '--donnees',
      '--parametres',
      '--eleve',
      '--classe',
      '--par-eleve',
      '--out',
      '--corrige',
      '--nom-classe',
      '--verification',
      '--seuils',
      '--cle',
      '--remediation',
      '--out-dir',
      '--nombre',
    ],
  });
  const v = (k: string) => o.valeurs.get(k);
  if (v('--remediation') !== undefined) return remediation(o, s);
  const type = typeExercice(o.positionnels);
  const graine = v('--graine');
  if (graine !== undefined && !/^\d{1,9}$/.test(graine)) throw new ErreurUsage(`--graine attend un entier positif : « ${graine} ».`);
  const periode = periodeDemandee(o);
  const mois = v('--mois');
  if (mois !== undefined && (!paquetExercice(type).mois || !/^([3-9]|1[0-2])$/.test(mois)))
    throw new ErreurUsage(`--mois (${TYPES_EXERCICE.filter((t) => paquetExercice(t).mois).join(', ')} seulement) attend un nombre de mois de 3 à 12 : « ${mois} ».`);
  if (v('--donnees') && (graine !== undefined || v('--aleas'))) throw new ErreurUsage("--donnees (le cas de l'enseignant) exclut --graine et --aleas.");
  const d: DemandeExercice = {
    type,
    periode,
    date: aujourdhui(),
    ...reglagesDemandes(o),
    ...(mois ? { mois: Number(mois) } : {}),
    ...(graine !== undefined ? { graine: Number(graine) } : {}),
    ...(v('--aleas')
      ? {
          aleas: v('--aleas')!
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
        }
      : {}),
    ...(v('--donnees') ? { donnees: v('--donnees')! } : {}),
    ...(v('--parametres') ? { tables: await lireTables(v('--parametres')!) } : {}),
  };
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
    const res = await exercicesDeLaClasse(d, liste.eleves, v('--par-eleve')!, v('--corrige'), o.drapeaux.has('--remplacer'));
    for (const a of new Set(res.fichiers.flatMap((f) => f.avertissements))) s.err(`Attention : ${a}\n`);
    if (json) s.out(JSON.stringify(res, null, 2) + '\n');
    else {
      s.out(`${accorder(res.fichiers.length, 'exercice écrit')} dans ${v('--par-eleve')}${v('--corrige') && res.fichiers.length ? `, corrigés dans ${v('--corrige')}` : ''}.\n`);
      if (res.gardes.length)
        s.out(
          `${accorder(res.gardes.length, 'exercice')} déjà dans le dossier, ${res.gardes.length > 1 ? 'gardés tels quels' : 'gardé tel quel'} (--remplacer pour les refaire) : ${res.gardes.map((g) => g.eleve).join(', ')}.\n`,
        );
    }
    for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
    return res.erreurs.length ? 1 : 0;
  }
  const sortie = v('--out');
  if (!sortie || v('--par-eleve')) throw new ErreurUsage('Précisez --out EXERCICE.xlsx (ou --classe ELEVES.csv --par-eleve DOSSIER).');
  for (const f of [sortie, v('--corrige')]) if (f && !f.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${f} ».`);
  const eleve = v('--eleve') ? { ...eleveDepuisTexte(v('--eleve')!), classe: v('--nom-classe') ?? '' } : null;
  const r = await ecrireExercice(d, eleve, sortie, v('--corrige'), o.drapeaux.has('--remplacer'));
  for (const a of r.avertissements) s.err(`Attention : ${a}\n`);
  if (json) s.out(JSON.stringify(r, null, 2) + '\n');
  else
    s.out(
      `Exercice écrit : ${r.fichier} (${r.graine === null ? "cas de l'enseignant" : `cas n° ${r.graine}`}${r.aleas.length ? `, aléas : ${aleasEnClair(type, r.aleas)}` : ''})${v('--corrige') ? ` ; corrigé : ${v('--corrige')}` : ''}.\n`,
    );
  return 0;
}
