/**
 * The command line’s help: one entry per command (what it does in a line, its usage, what to know,
 * two or three examples), from which come `agora aide`, `agora aide COMMANDE`, `agora COMMANDE
 * --help` and the short list `agora` prints alone.
 */

import { CALCULS, EXERCICES, paquetExercice } from '../exercices/registre';
import { plusProche } from './arguments';

interface AideCommande {
  resume: string;
  usage: string[];
  detail: string[];
  exemples: string[];
}

const COMMANDES: Record<string, AideCommande> = {
  grilles: {
    resume: 'écrit les grilles officielles de chaque élève (PFMP, CCF, récapitulatifs, attestation)',
    usage: [
      'agora grilles --classe ELEVES.csv (--out FICHIER.xlsx | --par-eleve DOSSIER)',
      '     [--type pfmp,e31,e32,e2,recap-e31,recap-e32,attestation]',
      '     [--etablissement NOM] [--annee 2026-2027] [--nom-classe CLASSE] [--json] [--remplacer]',
    ],
    detail: [
      'Un classeur pour la classe (--out) ou un classeur par élève (--par-eleve). Relancée, la commande',
      'complète les classeurs déjà là (un nouvel élève, une grille qui manque), chaque saisie gardée.',
      'ELEVES.csv : en-tête « nom;prenom », ou une colonne « Élève » « NOM Prénom » (export Pronote) ;',
      'colonnes « classe » (ou « division ») et « INE » facultatives, les autres ignorées ; séparateur',
      '« ; » ou « , », UTF-8 ou Windows-1252. Par défaut, tous les types sauf e2 : scolaires et apprentis passent E2 en',
      'ponctuel écrit de 3 h 30 ; son CCF (--type e2) est celui de la formation professionnelle continue',
      'dans un établissement public habilité.',
    ],
    exemples: ['agora grilles --classe eleves.csv --out grilles-tle-a.xlsx --etablissement "LP Jean Moulin"', 'agora grilles --classe eleves.csv --par-eleve grilles/ --type pfmp,attestation'],
  },
  exercice: {
    resume: 'crée un exercice (énoncé, travail, paramètres) et son corrigé, pour un élève ou une classe',
    usage: [
      `agora exercice ${EXERCICES.map((p) => p.type).join('|')}`,
      `     [--graine N] [--aleas a,b|aucun] [--periode AAAA-MM (ou --date AAAA-MM)] [--mois 3..12 (${EXERCICES.filter((p) => p.mois)
        .map((p) => p.type)
        .join(', ')})]`,
      '     [--donnees CAS.json] [--parametres PARAMETRES.json] [--eleve "NOM Prénom"] [--json] [--cle FICHIER] [--remplacer]',
      '     [--verification formatif|sommatif] [--montrer-attendus] [--seuils 40,65,90] [--tableur-note]',
      '     (--out EXERCICE.xlsx [--corrige CORRIGE.xlsx] | --classe ELEVES.csv --par-eleve DOSSIER [--corrige DOSSIER])',
      'agora exercice --classe ELEVES.csv --remediation CLASSE.xlsx --out-dir DOSSIER [--corrige DOSSIER] [--nombre 1..5]',
    ],
    detail: [
      'L’énoncé est un cas réaliste tiré de la graine, ou le cas CAS.json de l’enseignant ; le corrigé est',
      'un classeur à part. Avec --classe, chaque élève reçoit son propre cas. Sans --aleas, deux aléas sont',
      'tirés au hasard.',
      '--verification, --montrer-attendus, --seuils : comment les copies seront vérifiées (par défaut :',
      'formatif, valeurs attendues cachées, degrés 2, 3 et 4 à 40, 65 et 90 %). Scellé avec votre clé.',
      '--tableur-note : un calcul fait sans formule (valeur tapée, donnée tapée dans la formule) compte',
      'faux dans le critère « Efficacité dans l\u2019utilisation d\u2019un tableur », là où le référentiel le',
      'nomme (3.2.3, frais) ; sans l\u2019option, la « Feuille de calcul » est indiquée sans changer le degré.',
      '--remediation : d\u2019après le classeur de la classe (agora consolider), chaque élève reçoit les',
      'exercices de ses compétences les plus faibles (degré moyen le plus bas, puis taux de réussite le',
      'plus bas), un cas nouveau à lui ; repartition.csv dit pourquoi (« 2.2.4 : 45 % de réussite sur',
      '3 copies ») et nomme chaque compétence faible qu\u2019aucun exercice ne travaille encore.',
      '--parametres : les tables datées (paie, TVA, taux de la BCE, barème kilométrique, congés) d\u2019un',
      'fichier écrit par « agora parametres » et complété de valeurs plus récentes ; « Paramètres » le dit.',
      '',
      'Exercices :',
      ...EXERCICES.map((p) => `  ${p.type.padEnd(Math.max(...EXERCICES.map((x) => x.type.length)))}  ${p.aide} (${p.spec.gabarit.competence})`),
    ],
    exemples: [
      'agora exercice tva --graine 12 --eleve "MARTIN Léa" --out tva-martin.xlsx --corrige corrige-tva-martin.xlsx',
      'agora exercice paie --classe eleves.csv --par-eleve paie/ --corrige corriges/',
      'agora exercice --classe eleves.csv --remediation classe.xlsx --out-dir remediation/ --corrige corriges/',
    ],
  },
  corrige: {
    resume: 'affiche les réponses attendues d’un exercice, recalculées depuis son énoncé et ses paramètres',
    usage: ['agora corrige EXERCICE.xlsx [--json]'],
    detail: ['Le calcul suit le classeur tel qu’il est : une retouche de l’énoncé ou de « Paramètres » compte.'],
    exemples: ['agora corrige tva-martin.xlsx', 'agora corrige paie.xlsx --json'],
  },
  verifier: {
    resume: 'vérifie les copies des élèves : verdict par réponse, taux et degré par compétence',
    usage: ['agora verifier COPIE.xlsx… | DOSSIER [--json] [--mode formatif|sommatif]', '     [--out COPIE-VERIFIEE.xlsx | --out-dir DOSSIER] [--cle FICHIER] [--remplacer] [--sans-robustesse]'],
    detail: [
      'Chaque réponse (lue par son nom défini) est comparée à la valeur calculée à partir de l’énoncé et des',
      'paramètres de la copie ; erreurs types reconnues. Un énoncé modifié ou un sceau invalide : copie non',
      'notée. --out / --out-dir écrivent la copie annotée (« Résultats », couleurs en mode formatif, lignes',
      'scellées de « Suivi des compétences ») ; la copie de l’élève n’est jamais modifiée.',
      'Feuille de calcul : chaque calcul fait par une formule, une valeur tapée, une donnée tapée dans la',
      'formule, ou une valeur d’erreur. Avec LibreOffice installé, les formules justes sont mises à l’épreuve',
      'd’un second cas (autres valeurs de l’énoncé et de « Paramètres », recalculées sur une copie',
      'temporaire) : une formule qui ne suit pas les données est signalée, avec la donnée qu’elle ignore.',
      '--sans-robustesse : sans cette épreuve (plus rapide).',
    ],
    exemples: ['agora verifier copie.xlsx', 'agora verifier copies/ --out-dir verifiees/', 'agora verifier copie.xlsx --mode sommatif --json'],
  },
  consolider: {
    resume: 'consolide les classeurs d’une classe : classeur de la classe et livret scolaire',
    usage: ['agora consolider DOSSIER|FICHIERS… --out CLASSE.xlsx', '     [--methode derniere|moyenne|recente|meilleure] [--lsl LIVRET.csv] [--json] [--cle FICHIER] [--remplacer]'],
    detail: [
      'Grilles PFMP et CCF, attestations, copies vérifiées (sous-dossiers compris). Élèves rapprochés par nom',
      'et classe ; niveau de chaque compétence agrégé (par défaut, moyenne pondérée par la récence), « NE »',
      'jamais compté zéro. --lsl : degré 1 à 4 par élève et compétence (CSV « ; », UTF-8 avec BOM). Un',
      'fichier illisible ou une ligne de « Suivi » non scellée devient une ligne d’« Anomalies ».',
    ],
    exemples: ['agora consolider classe-tle-a/ --out classe.xlsx --lsl livret.csv', 'agora consolider grilles/*.xlsx verifiees/ --out classe.xlsx --methode derniere'],
  },
  calcul: {
    resume: `calcule sans classeur le résultat d’un exercice, en JSON (${CALCULS.join(', ')})`,
    usage: [`agora calcul ${CALCULS.join('|')} --entree CAS.json [--parametres PARAMETRES.json]`, `agora calcul ${CALCULS.join('|')} --schema`],
    detail: [
      'Calculs :',
      ...CALCULS.map((c) => `  ${c.padEnd(Math.max(...CALCULS.map((x) => x.length)))}  ${paquetExercice(c).aide}`),
      '',
      'Montants en euros ; lignes de la CA3 en euros entiers ; bulletin au centime, paramètres du mois.',
      '--schema affiche le schéma JSON des données d’un cas.',
    ],
    exemples: ['agora calcul tva --entree cas-tva.json', 'agora calcul paie --schema'],
  },
  sceller: {
    resume: 'scelle de nouveau un exercice après vos propres retouches, avant de le distribuer',
    usage: ['agora sceller EXERCICE.xlsx --out EXERCICE-SCELLE.xlsx [--cle FICHIER] [--remplacer]'],
    detail: ['Sans cela, une retouche de l’énoncé ou de « Paramètres » ferait dire « Énoncé modifié » à ses copies.'],
    exemples: ['agora sceller tva.xlsx --out tva-scelle.xlsx'],
  },
  parametres: {
    resume: 'écrit les tables datées d\u2019AGOrA dans un fichier à compléter, ou vérifie un tel fichier',
    usage: ['agora parametres --out PARAMETRES.json [--remplacer]', 'agora parametres --verifier PARAMETRES.json'],
    detail: [
      'Tables : paie, TVA, taux de la BCE (relances), barème kilométrique (frais), congés payés ; chaque',
      'valeur avec sa date d\u2019effet (« depuis ») et sa référence. Après la dernière valeur connue, elle est',
      'reconduite et l\u2019énoncé le dit. Pour une valeur publiée depuis : ajoutez-la à sa liste, portez',
      '« couverture.au » au dernier mois couvert, gardez seulement les tables changées, puis donnez le',
      'fichier à « agora exercice … --parametres » (ou importez-le dans l\u2019onglet Paramètres du volet).',
      'Ses valeurs s\u2019ajoutent à celles d\u2019AGOrA et l\u2019emportent à la même date.',
    ],
    exemples: ['agora parametres --out parametres.json', 'agora parametres --verifier parametres.json'],
  },
  cle: {
    resume: 'montre votre clé d’enseignant (créée au premier exercice)',
    usage: ['agora cle [--texte] [--cle FICHIER]'],
    detail: ['--texte affiche la clé elle-même, à coller dans le volet Office (onglet « Paramètres »).'],
    exemples: ['agora cle', 'agora cle --texte'],
  },
  referentiel: {
    resume: 'affiche le référentiel en JSON ou écrit son classeur',
    usage: ['agora referentiel --json', 'agora referentiel --out FICHIER.xlsx [--remplacer]'],
    detail: ['Le classeur : synthèse, une matrice par bloc, épreuves.'],
    exemples: ['agora referentiel --out referentiel-agora.xlsx'],
  },
  demo: {
    resume: 'joue la démonstration sur une classe intégrée',
    usage: ['agora demo [--dossier DOSSIER]'],
    detail: ['Par défaut dans « out/ » ; la démonstration a sa propre clé et ne touche pas à la vôtre.'],
    exemples: ['agora demo', 'agora demo --dossier /tmp/demo'],
  },
  aide: {
    resume: 'affiche cette aide, ou celle d’une commande',
    usage: ['agora aide [COMMANDE]', 'agora COMMANDE --help'],
    detail: [],
    exemples: ['agora aide verifier', 'agora consolider --help'],
  },
};

export const NOMS_COMMANDES = Object.keys(COMMANDES);

const CLE = [
  'Clé de l’enseignant : exercice, verifier, consolider et sceller utilisent la clé de ce poste',
  '(~/.config/agora-excel/cle-enseignant.txt, ou le fichier de --cle FICHIER ou de AGORA_CLE), créée au',
  'premier exercice. Elle scelle l’énoncé, les paramètres et les réglages de chaque exercice, puis chaque',
  'ligne de « Suivi des compétences » d’une copie vérifiée. Ne la donnez pas aux élèves.',
];
const FICHIERS = [
  'Fichiers : une commande ne remplace jamais un fichier qui existe sans --remplacer. grilles complète les',
  'classeurs déjà là ; exercice --classe et verifier --out-dir gardent les fichiers déjà dans le dossier ;',
  'les autres s’arrêtent avant d’écrire, avec un message qui nomme le fichier.',
];
const CODES = 'Codes de sortie : 0 succès, 1 erreur sur un fichier, 2 commande ou option invalide.';

/** One command’s help: usage, what to know, examples. */
export function aideDe(nom: string): string {
  const c = COMMANDES[nom]!;
  const lignes = [`agora ${nom} — ${c.resume}`, '', 'Usage :', ...c.usage.map((u) => `  ${u}`)];
  if (c.detail.length) lignes.push('', ...c.detail);
  lignes.push('', 'Exemples :', ...c.exemples.map((e) => `  ${e}`));
  return `${lignes.join('\n')}\n`;
}

/** What `agora` alone prints: how to call it and the commands, a line each. */
export function aideCourte(): string {
  const largeur = Math.max(...NOMS_COMMANDES.map((n) => n.length));
  return [
    'agora — AGOrA pour Excel en ligne de commande (Bac Pro AGOrA)',
    '',
    'Usage : agora COMMANDE [options]',
    '',
    'Commandes :',
    ...NOMS_COMMANDES.map((n) => `  ${n.padEnd(largeur)}  ${COMMANDES[n]!.resume}`),
    '',
    'Aide d’une commande : agora aide COMMANDE (ou agora COMMANDE --help). Version : agora --version.',
    '',
  ].join('\n');
}

/** `agora aide`: every command in full. */
export function aideComplete(): string {
  return [aideCourte(), ...NOMS_COMMANDES.map(aideDe), CLE.join('\n'), '', FICHIERS.join('\n'), '', CODES, ''].join('\n');
}

/** The command a mistyped one most likely meant (« verifer » → « verifier », « consolidation » → « consolider »), if any is close. */
export const commandeProche = (texte: string): string | undefined => plusProche(texte, NOMS_COMMANDES, (t, n) => t.startsWith(n.slice(0, 6)) || (t.length >= 3 && n.startsWith(t)));
