import { accorder } from '../domain/texte';
import { cleDuVolet, creerCleDuVolet } from './cleDuVolet';
import { aleasEnClair, avertissements, modeleDExercice, origineDesValeurs, verifierDemande, type DemandeExercice } from '../app/modelesExercices';
import { METTRE_A_JOUR_VOLET } from '../domain/parametres/enVigueur';
import { tablesDuVolet } from './tablesDuVolet';
import { EXERCICES, paquetExercice, type TypeExercice } from '../exercices/registre';
import { el, parId } from './dom';
import type { Hote } from './hote';
import { inserer, lancer, listeDuFormulaire, mesurer, offrirFichier, SaisieInvalide, surEnvoi } from './commun';
import { aujourdhui, lireMois, moisIllisible } from '../domain/dates';
import { archivesDeLaClasse, exercicesPourLaClasse, fichiersExercices } from '../app/exercicesDeLaClasse';
import { choisirRemediation, competencesSansExercice, exercicesDeRemediation, lignesSansExercice, resultatsDeLaClasse } from '../app/remediation';
import { copiesNavigateur } from '../io/portsNavigateur';
import type { Classeur } from '../sheets/model';
import { nomDeFichierDeClasse } from '../sheets/eleve';
import { enPourcentage, pourcent, REGLAGES_PAR_DEFAUT, reglagesSaisis, type ReglagesVerification } from '../sheets/exercices/reglages';
import { degresDuLivret } from '../sheets/grilles/gabarit';

/** What the success message adds of the case's dated values: whose they are, a table the teacher's file lacks, a reconduction and how to update. */
const valeursDites = (d: DemandeExercice, reconduction: string | undefined): string[] => {
  const origine = origineDesValeurs(d.type, d.tables);
  return [
    ...(origine ? [`${origine.replace(/\.$/, '')} : la feuille « Paramètres » le dit.`] : []),
    ...avertissements(d, reconduction, `L\u2019énoncé et la feuille « Paramètres » le disent. ${METTRE_A_JOUR_VOLET}`).map((a) => `Attention : ${a}`),
  ];
};

/** How copies will be checked: the defaults of templates/verification.json, one threshold per degree above the first. */
function dessinerReglages(): void {
  parId<HTMLInputElement>(`exercices-mode-${REGLAGES_PAR_DEFAUT.mode}`).checked = true;
  parId<HTMLInputElement>('exercices-attendus').checked = REGLAGES_PAR_DEFAUT.montrerAttendus;
  parId<HTMLInputElement>('exercices-tableur').checked = REGLAGES_PAR_DEFAUT.tableur;
  const zone = parId('exercices-seuils');
  degresDuLivret()
    .slice(1)
    .forEach((d, i) => {
      const id = `exercices-seuil-${d.code}`;
      zone.append(
        el(
          'div',
          { class: 'seuil' },
          el('label', { for: id }, `Degré ${d.code} (${d.libelle}) à partir de`),
          el('input', { type: 'text', id, inputmode: 'decimal', class: 'pourcentage', value: enPourcentage(REGLAGES_PAR_DEFAUT.seuils[i]!) }),
          ' %',
        ),
      );
    });
}

/** The collapsed settings' summary: the mode and thresholds as they stand (« à corriger » while a threshold is invalid). */
function resumerReglages(): void {
  let resume: string;
  try {
    const r = reglagesDuFormulaire();
    resume = `${r.mode === 'formatif' ? 'formative' : 'sommative'}, degrés ${degresDuLivret()
      .slice(1)
      .map((d) => d.code)
      .join(', ')
      .replace(/, (\d+)$/, ' et $1')} à partir de ${r.seuils
      .map(pourcent)
      .join(', ')
      .replace(/, ([^,]+)$/, ' et $1')}`;
  } catch {
    resume = 'à corriger';
  }
  parId('exercices-reglages-resume').textContent = resume;
}

function reglagesDuFormulaire(): ReglagesVerification {
  try {
    return reglagesSaisis({
      mode: document.querySelector<HTMLInputElement>('input[name="exercices-mode"]:checked')!.value,
      montrerAttendus: parId<HTMLInputElement>('exercices-attendus').checked,
      tableur: parId<HTMLInputElement>('exercices-tableur').checked,
      seuils: Array.from(document.querySelectorAll<HTMLInputElement>('#exercices-seuils input'), (x) => x.value),
    });
  } catch (e) {
    parId<HTMLDetailsElement>('exercices-reglages').open = true; // the faulty field must be seen
    throw new SaisieInvalide(`Degrés de la vérification : ${(e as Error).message}.`);
  }
}

/**
 * « Exercices »: a template, its seed and aléas; for one student, the énoncé and work sheets inserted
 * at once; for a class, a .zip of workbooks to hand out.
 */
export function brancherExercices(hote: Hote, apresInsertion: () => void): void {
  const modele = parId<HTMLSelectElement>('exercices-modele');
  // the title without its parenthesis (« formulaire n° 3310-CA3 »), which a 350-px list would cut; whole in the tooltip
  for (const { type, spec } of EXERCICES) modele.append(el('option', { value: type, title: spec.gabarit.titre }, spec.gabarit.titre.replace(/ \(.*\)$/, '')));
  const aleas = parId('exercices-aleas');
  const dessinerAleas = () => {
    aleas.replaceChildren(el('legend', {}, 'Aléas (aucun coché : deux tirés d\u2019après le n° de cas)'));
    for (const a of paquetExercice(modele.value as TypeExercice).spec.gabarit.aleas) {
      const id = `exercices-alea-${a.code}`;
      aleas.append(el('div', { class: 'case' }, el('input', { type: 'checkbox', id, value: a.code }), el('label', { for: id }, a.libelle)));
    }
  };
  modele.addEventListener('change', dessinerAleas);
  dessinerAleas();
  dessinerReglages();
  resumerReglages();
  for (const ev of ['input', 'change']) parId('exercices-verification').addEventListener(ev, resumerReglages);
  parId<HTMLInputElement>('exercices-periode').value = aujourdhui().slice(0, 7);
  surEnvoi(parId<HTMLFormElement>('exercices-formulaire'), lancer(parId<HTMLButtonElement>('exercices-creer'), parId('exercices-message'), 'Création en cours…', creer, apresInsertion));
  // the corrigé of the exercise just inserted, made on demand: exceljs is fetched only then
  const boutonCorrige = parId<HTMLButtonElement>('exercices-corrige');
  let corrige: { nom: string; classeur: () => Classeur } | undefined;
  boutonCorrige.addEventListener(
    'click',
    () =>
      void lancer(boutonCorrige, parId('exercices-message'), 'Préparation du corrigé…', async () => {
        if (!corrige) throw new SaisieInvalide('Créez d\u2019abord un exercice pour un élève.');
        const { xlsxDuModele } = await import(/* webpackChunkName: "xlsx" */ '../io/exceljs/xlsxDuModele');
        const lien = parId<HTMLAnchorElement>('exercices-telechargement');
        offrirFichier(lien, corrige.nom, await xlsxDuModele(corrige.classeur()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        lien.click();
        return `Corrigé prêt : ${corrige.nom}, avec la justification de chaque réponse. Ne le laissez pas dans le classeur de l\u2019élève.`;
      })(),
  );

  const selonResultats = () => parId<HTMLInputElement>('exercices-pour-resultats').checked;
  const pourLaClasse = () => parId<HTMLInputElement>('exercices-pour-classe').checked || selonResultats();
  const basculer = () => {
    parId('exercices-eleve').hidden = pourLaClasse();
    parId('exercices-classe-liste').hidden = !pourLaClasse();
    parId('exercices-resultats').hidden = !selonResultats();
    parId('exercices-creer').textContent = selonResultats() ? 'Préparer les exercices selon les résultats' : pourLaClasse() ? 'Préparer les classeurs de la classe' : "Créer l'exercice";
  };
  for (const id of ['exercices-pour-eleve', 'exercices-pour-classe', 'exercices-pour-resultats']) parId(id).addEventListener('change', basculer);
  basculer();

  async function creer(): Promise<string> {
    const type = modele.value as TypeExercice;
    const champGraine = parId<HTMLInputElement>('exercices-graine');
    // empty: the number comes from the student's name (1 without one), and the message shows it
    const graine = champGraine.value.trim() ? Number(champGraine.value) : undefined;
    if (graine !== undefined && (!Number.isInteger(graine) || graine < 1))
      throw new SaisieInvalide(`N° de cas « ${champGraine.value.trim()} » : c\u2019est un nombre entier positif ; le même numéro redonne le même cas.`, champGraine);
    const champMois = parId<HTMLInputElement>('exercices-periode');
    const periode = lireMois(champMois.value);
    if (!periode) throw new SaisieInvalide(moisIllisible(champMois.value), champMois);
    const choisis = Array.from(document.querySelectorAll<HTMLInputElement>('#exercices-aleas input:checked'), (c) => c.value);
    // the exercise is sealed with this computer's key, made on the first exercise when there is none
    const existante = cleDuVolet();
    const cle = existante ?? creerCleDuVolet();
    const nouvelle = existante
      ? []
      : [`Clé de l\u2019enseignant créée sur ce poste (identifiant ${cle.id}) : elle scelle vos exercices ; voyez l\u2019onglet Paramètres pour la partager avec vos collègues.`];
    // the dated values a teacher imported in « Paramètres », if any
    const tables = tablesDuVolet();
    const demande: DemandeExercice = {
      type,
      ...(graine === undefined ? {} : { graine }),
      periode,
      date: aujourdhui(),
      reglages: reglagesDuFormulaire(),
      cle,
      ...(choisis.length ? { aleas: choisis } : {}),
      ...(tables ? { tables } : {}),
    };
    verifierDemande(demande);
    boutonCorrige.hidden = true; // a class's corrigés are in its .zip
    if (selonResultats()) return [await preparerRemediation(demande), ...nouvelle].join(' ');
    if (pourLaClasse()) return [await preparerClasse(demande), ...nouvelle].join(' ');
    const [nom, prenom, classe] = ['nom', 'prenom', 'classe'].map((k) => parId<HTMLInputElement>(`exercices-${k}`).value.trim());
    const eleve = nom || prenom ? { nom: nom!, prenom: prenom!, classe: classe! } : null;
    const { classeur, cas, corrige: leCorrige, reconduction } = modeleDExercice(demande, eleve);
    const res = await inserer(hote, classeur);
    corrige = { nom: eleve ? fichiersExercices(type, [eleve])[0]!.corrige : `corrige-${type}.xlsx`, classeur: leCorrige };
    boutonCorrige.hidden = false;
    return [
      `Exercice « ${paquetExercice(type).spec.gabarit.titre} » inséré${eleve ? ` pour ${nom} ${prenom}` : ''} : cas n° ${cas.graine}, aléas : ${aleasEnClair(type, cas.aleas)}.`,
      ...valeursDites(demande, reconduction),
      ...res.avertissements,
      ...nouvelle,
    ].join(' ');
  }

  /** The two .zip files of a class's exercises offered: the students' (clicked), the teacher's (a link). */
  async function offrirLaClasse(archives: ReturnType<typeof archivesDeLaClasse>, nom: string, nomCorriges: string): Promise<void> {
    const { archiveDeClasseurs } = await import(/* webpackChunkName: "xlsx" */ '../io/exceljs/archiveDeClasseurs');
    const progression = parId<HTMLProgressElement>('exercices-progression');
    progression.hidden = false;
    const { eleves: copies, enseignant } = archives;
    const total = copies.length + enseignant.length;
    const avancer = (avant: number) => (faits: number) => ([progression.value, progression.max] = [avant + faits, total]);
    const [octetsEleves, octetsEnseignant] = await mesurer('agora:archive', async () => [await archiveDeClasseurs(copies, avancer(0)), await archiveDeClasseurs(enseignant, avancer(copies.length))]);
    const lien = parId<HTMLAnchorElement>('exercices-telechargement');
    offrirFichier(lien, nom, octetsEleves, 'application/zip');
    offrirFichier(parId<HTMLAnchorElement>('exercices-telechargement-corriges'), nomCorriges, octetsEnseignant, 'application/zip');
    lien.click();
  }

  /**
   * One workbook per student, each their own case, in a .zip to hand out; the corrigés and who got
   * which case in another, the teacher's (exceljs and JSZip fetched from the add-in's files only now).
   */
  async function preparerClasse(demande: DemandeExercice): Promise<string> {
    const { eleves } = await listeDuFormulaire(parId('exercices-eleves'), parId('exercices-csv'), '');
    const exercices = exercicesPourLaClasse(demande, eleves);
    const nom = `${nomDeFichierDeClasse(`exercices-${demande.type}`, eleves)}.zip`;
    const nomCorriges = `${nomDeFichierDeClasse(`corriges-${demande.type}`, eleves)}.zip`;
    await offrirLaClasse(archivesDeLaClasse(exercices), nom, nomCorriges);
    const n = exercices.length;
    const reconduction = exercices.find((x) => x.reconduction)?.reconduction;
    return [
      `${accorder(n, 'classeur')} d'exercice « ${paquetExercice(demande.type).spec.gabarit.titre} » ${n > 1 ? 'préparés' : 'préparé'}, un cas par élève : ${nom}, à distribuer. Les corrigés et la répartition des cas (repartition.csv) sont à part, pour vous seul : ${nomCorriges}.`,
      ...valeursDites(demande, reconduction),
    ].join(' ');
  }

  /**
   * Remediation: from the class workbook chosen (read here, nothing sent), each student of the list
   * the exercise of their weakest compétence, a new case of their own; why, in repartition.csv, with
   * the weak compétences no exercise works on yet.
   */
  async function preparerRemediation(demande: DemandeExercice): Promise<string> {
    const champ = parId<HTMLInputElement>('exercices-classe-consolidee');
    const fichier = champ.files?.[0];
    if (!fichier) throw new SaisieInvalide('Choisissez le classeur de la classe consolidé (produit par « Consolider » ou agora consolider).', champ);
    const { eleves } = await listeDuFormulaire(parId('exercices-eleves'), parId('exercices-csv'), '');
    const classe = await copiesNavigateur.lire(fichier.name, new Uint8Array(await fichier.arrayBuffer()));
    const { type: _type, graine: _graine, aleas: _aleas, ...base } = demande;
    const choix = choisirRemediation(resultatsDeLaClasse(classe, fichier.name), eleves);
    const exercices = exercicesDeRemediation(base, choix);
    const sans = lignesSansExercice(choix);
    if (!exercices.length)
      return `Aucun exercice à préparer d’après « ${fichier.name} » : ${sans.length ? sans.map((s) => s.motif).join(' ; ') : 'aucun élève de la liste n’y a de compétence évaluée'}.`;
    const nom = `${nomDeFichierDeClasse('remediation', eleves)}.zip`;
    const nomCorriges = `${nomDeFichierDeClasse('corriges-remediation', eleves)}.zip`;
    await offrirLaClasse(archivesDeLaClasse(exercices, sans), nom, nomCorriges);
    const faibles = competencesSansExercice(choix);
    const absents = choix.filter((c) => c.aucun).length;
    return [
      `${accorder(exercices.length, 'classeur')} ${exercices.length > 1 ? 'préparés' : 'préparé'} d’après « ${fichier.name} », chaque élève l’exercice de sa compétence la plus faible, un cas nouveau : ${nom}, à distribuer. Les corrigés et la répartition (repartition.csv, avec le motif de chaque choix) sont à part, pour vous seul : ${nomCorriges}.`,
      ...(faibles.length ? [`Compétences faibles qu’aucun exercice ne travaille encore, nommées dans repartition.csv : ${faibles.join(', ')}.`] : []),
      ...(absents ? [`${accorder(absents, 'élève')} de la liste sans résultat dans ce classeur : rien ne leur est préparé.`] : []),
    ].join(' ');
  }
}
