import path from 'node:path';
import { existsSync, promises as fs } from 'node:fs';
import { compter, referentiel } from '../../referentiel';
import { exporterReferentiel } from '../casDUsage';
import { classeursNommes, creerDossier, ErreurFichier } from '../../io/fichiers';
import { analyser, ErreurUsage } from '../arguments';
import { lireListeEleves } from '../casDUsage';
import { grillesDeLaClasse, grillesParEleve } from '../casDUsage';
import type { OptionsGrilles } from '../../sheets/grilles/classeurGrilles';
import { anneeScolaire, aujourdhui } from '../../domain/dates';
import { typesParDefaut } from '../../sheets/grilles/gabarit';
import { aleasEnClair } from '../../app/exercices';
import { corrigerClasseur, exercicesDeLaClasse } from '../casDUsage';
import { EXERCICES, TYPES_EXERCICE } from '../../exercices/registre';
import { enEuros, versCentimes } from '../../domain/monnaie';
import { nomComplet } from '../../sheets/eleve';
import { verifierCopies } from '../casDUsage';
import { falsifierSuivi, simulerClasse, simulerGrilles } from '../casDUsage';
import { FEUILLES_CLASSE } from '../../sheets/consolidation/classeurClasse';
import { consoliderClasseurs, remediationDeLaClasse } from '../casDUsage';
import { competencesSansExercice } from '../../app/remediation';
import { accorder } from '../../domain/texte';
import { LIBELLES_METHODES } from '../../consolidate/agregation';
import { cleOuNouvelle } from '../../io/cleEnseignant';
import type { Sorties } from '../sorties';
import { afficherResume } from './grilles';
import { lignesSynthese } from './verifier';

/** The built-in demo class, found beside the compiled or the TypeScript sources. */
function classeDemo(): string {
  for (let d = __dirname, i = 0; i < 5; i++, d = path.dirname(d)) {
    const f = path.join(d, 'templates', 'demo', 'classe-demo.csv');
    if (existsSync(f)) return f;
  }
  throw new ErreurFichier('Classe de démonstration introuvable (templates/demo/classe-demo.csv).', 'templates/demo/classe-demo.csv');
}

export async function cmdDemo(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: [], valeurs: ['--dossier'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const dossier = o.valeurs.get('--dossier') ?? 'out';
  const cleDemo = path.join(dossier, 'cle-enseignant-demo.txt');
  // the demo replaces its own files of an earlier run, and never a folder of someone else's files
  if (existsSync(dossier) && !existsSync(cleDemo) && (await fs.readdir(dossier).catch(() => [])).length)
    throw new ErreurFichier(`Le dossier « ${dossier} » contient déjà des fichiers qui ne viennent pas de la démonstration : choisissez un dossier vide (--dossier DOSSIER).`, dossier);
  await fs.mkdir(dossier, { recursive: true });
  const r = referentiel();
  const n = compter(r);
  // the demo's own key, beside its files: it never touches the teacher's
  const { cle } = await cleOuNouvelle(cleDemo);
  s.out(`AGOrA pour Excel — démonstration\n\n`);
  s.out(`1. Référentiel ${r.diplome.sigle} (${r.diplome.texte}) : ${n.blocs} blocs, ${n.activites} activités, ${n.competences} compétences.\n`);
  const res = await exporterReferentiel(path.join(dossier, 'referentiel-agora.xlsx'), true);
  s.out(`  écrit : ${res.fichier} — feuilles : ${res.feuilles.join(', ')}\n`);

  const csv = classeDemo();
  const liste = await lireListeEleves(csv);
  const date = aujourdhui();
  // a class of scolaires: no E2 CCF grid (their E2 is a written exam)
  const options: OptionsGrilles = { types: typesParDefaut(r), etablissement: 'Lycée professionnel de démonstration', annee: anneeScolaire(date), date };
  s.out(`\n2. Grilles officielles d'une classe de démonstration : ${liste.eleves.length} élèves (${liste.eleves[0]!.classe}).\n`);
  const classe = await grillesDeLaClasse(liste.eleves, options, path.join(dossier, 'grilles-classe.xlsx'), true);
  const parEleve = await grillesParEleve(liste.eleves, options, path.join(dossier, 'grilles-par-eleve'), true);
  const codeClasse = afficherResume(classe, s, false);
  const f0 = parEleve.fichiers[0];
  s.out(
    `  écrit : ${parEleve.fichiers.length} classeurs dans ${path.join(dossier, 'grilles-par-eleve')}${f0 ? ` (par exemple ${path.basename(f0.fichier)} : ${f0.feuilles.filter((f) => !f.startsWith('_')).join(', ')})` : ''}\n`,
  );
  for (const e of parEleve.erreurs) s.err(`Erreur : ${e.message}\n`);

  const blocs = [...new Set(EXERCICES.map((p) => p.spec.gabarit.competence[0]))].sort();
  s.out(`\n3. Exercices des blocs ${blocs.join(', ').replace(/, (\d)$/, ' et $1')} : un cas différent pour chaque élève (graine tirée de son nom), et les corrigés de l'enseignant.\n`);
  let erreursExercices = 0;
  let premierTva: string | undefined;
  let premierePaie: string | undefined;
  const periode = date.slice(0, 7);
  for (const type of TYPES_EXERCICE) {
    const copies = path.join(dossier, 'exercices', type);
    const corriges = path.join(dossier, 'exercices', 'corriges', type);
    const res = await exercicesDeLaClasse({ type, graine: 2026, periode, date, cle }, liste.eleves, copies, corriges, true);
    const ex = res.fichiers[0];
    s.out(
      `  ${type} : ${res.fichiers.length} classeurs dans ${copies}, corrigés dans ${corriges}${ex ? ` (par exemple ${path.basename(ex.fichier)} : cas n° ${ex.graine}, aléas : ${aleasEnClair(type, ex.aleas)})` : ''}\n`,
    );
    // the demo plays the current month: a table past its last known values says it is reconducted
    for (const a of new Set(res.fichiers.flatMap((f) => f.avertissements))) s.out(`    attention : ${a}\n`);
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
    s.out(
      `  corrigé recalculé depuis ${premierePaie} : salaire brut = ${euros(c.reponses.PAIE_BRUT)}, net à payer avant impôt = ${euros(c.reponses.PAIE_NET_A_PAYER)}, coût employeur = ${euros(c.reponses.PAIE_COUT_EMPLOYEUR)}\n`,
    );
  }

  s.out(`\n4. Les élèves rendent leurs copies (réponses justes, erreurs types tirées de la graine de chacun, quelques oublis), puis l'enseignant les vérifie.\n`);
  let erreursVerification = 0;
  for (const type of TYPES_EXERCICE) {
    const copies = path.join(dossier, 'copies', type);
    const annotees = path.join(dossier, 'copies-verifiees', type);
    const exercices = (await fs.readdir(path.join(dossier, 'exercices', type)))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => path.join(dossier, 'exercices', type, f));
    const simulees = await simulerClasse(exercices, copies, true);
    const res = await verifierCopies(
      simulees.map((c) => c.fichier),
      { date, dossier: annotees, cle, remplacer: true },
    );
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
  for (const [i, f] of parEleve.fichiers.entries()) await simulerGrilles(f.fichier, path.join(remplies, path.basename(f.fichier)), r, i === 2, options.types, true);
  s.out(`  ${parEleve.fichiers.length} classeurs de grilles remplis dans ${remplies}\n`);
  // a student adds rows by hand to their checked copy's evidence: the seal refuses them
  const verifieesTva = (await classeursNommes([path.join(dossier, 'copies-verifiees', 'tva')]))[0];
  const falsifiees = path.join(dossier, 'copie-falsifiee');
  await creerDossier(falsifiees);
  const falsifiee = verifieesTva && path.join(falsifiees, path.basename(verifieesTva));
  const ajoutees =
    verifieesTva && falsifiee
      ? await falsifierSuivi(
          verifieesTva,
          falsifiee,
          r.blocs[0]!.activites.flatMap((a) => a.competences.map((c) => c.code)),
          true,
        )
      : 0;
  const sortieClasse = path.join(dossier, 'classe-consolidee.xlsx');
  const livret = path.join(dossier, 'livret-scolaire.csv');
  const fichiers = await classeursNommes([remplies, path.join(dossier, 'copies-verifiees'), falsifiees]);
  const t0 = Date.now();
  const c = await consoliderClasseurs(fichiers, { sortie: sortieClasse, lsl: livret, remplacer: true, methode: 'recente', date, cle });
  const k = c.classe;
  s.out(`  agora consolider ${remplies} ${path.join(dossier, 'copies-verifiees')} ${falsifiees} --out ${sortieClasse} --lsl ${livret} --cle ${path.join(dossier, 'cle-enseignant-demo.txt')}\n`);
  s.out(
    `  ${c.fichiers} classeurs lus en ${((Date.now() - t0) / 1000).toFixed(1).replace('.', ',')} s, ${c.eleves} élèves, ${c.competences} compétences, ${k.preuves.retenues} positionnements retenus — méthode : ${LIBELLES_METHODES[k.methode]}\n`,
  );
  const jamais = k.couverture.filter((x) => x.evalues === 0);
  s.out(
    `  couverture : ${k.couverture.length - jamais.length} compétences évaluées sur ${k.couverture.length}${jamais.length ? ` (jamais évaluées : ${jamais.map((x) => x.code).join(', ')})` : ''}\n`,
  );
  const courts = k.eleves.filter((e) => !e.semaines || e.semaines.manque > 0);
  s.out(`  PFMP : ${k.eleves.length - courts.length} élèves ont atteint la durée requise, ${courts.length} n'y sont pas encore\n`);
  const e0 = k.eleves[0];
  if (e0)
    s.out(
      `  par exemple, ${nomComplet(e0)} : ${e0.blocs.map((b) => `bloc ${b.code} ${b.evaluees}/${b.total} évaluées, degré moyen ${b.moyenne === null ? '—' : b.moyenne.toFixed(1).replace('.', ',')}`).join(' ; ')}\n`,
    );
  const refusees = c.anomalies.filter((a) => a.fichier === falsifiee);
  if (falsifiee)
    s.out(
      `  copie falsifiée ${path.relative(dossier, falsifiee)} : ${ajoutees} lignes « degré 4 » ajoutées à la main dans « Suivi des compétences » ; ${accorder(refusees.length, 'ligne')} ${refusees.length > 1 ? 'écartées' : 'écartée'} par le sceau de l'enseignant (« ${refusees[0]?.probleme ?? ''} »), seule la ligne vérifiée compte\n`,
    );
  const autres = c.anomalies.filter((a) => a.fichier !== falsifiee);
  s.out(`  autres anomalies : ${autres.length}${autres[0] ? ` (par exemple ${path.basename(autres[0].fichier)} : ${autres[0].probleme})` : ''}\n`);
  s.out(`  écrit : ${sortieClasse} (${Object.values(FEUILLES_CLASSE).join(', ')}) et ${livret}\n`);

  s.out(`\n6. Remédiation : chaque élève reçoit un nouveau cas de l'exercice de sa compétence la plus faible, d'après le classeur de la classe.\n`);
  const remediation = path.join(dossier, 'remediation');
  const rem = await remediationDeLaClasse({ periode, date, cle }, liste.eleves, sortieClasse, remediation, path.join(remediation, 'corriges'), true);
  s.out(`  agora exercice --classe ${csv} --remediation ${sortieClasse} --out-dir ${remediation} --corrige ${path.join(remediation, 'corriges')}\n`);
  const parType = new Map<string, number>();
  for (const c of rem.choix) for (const e of c.exercices) parType.set(e.type, (parType.get(e.type) ?? 0) + 1);
  s.out(`  ${accorder(rem.fichiers.length, 'exercice écrit')} : ${[...parType].map(([t, n]) => `${t} ${n}`).join(', ')} ; pourquoi : ${path.join(remediation, 'repartition.csv')}\n`);
  for (const c of rem.choix.filter((x) => x.exercices.length).slice(0, 2)) s.out(`  par exemple, ${nomComplet(c.eleve)} : ${c.exercices[0]!.type} (${c.exercices[0]!.motif})\n`);
  const sans = competencesSansExercice(rem.choix);
  if (sans.length) s.out(`  compétences faibles qu'aucun exercice ne travaille encore, nommées dans repartition.csv : ${sans.join(', ')}\n`);
  for (const e of rem.erreurs) s.err(`Erreur : ${e.message}\n`);
  return codeClasse || (parEleve.erreurs.length || erreursExercices || erreursVerification || rem.erreurs.length ? 1 : 0);
}
