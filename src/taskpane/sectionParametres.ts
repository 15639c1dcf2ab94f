import { ecrituresParametres, parametresDuClasseur, type NiveauParametre, type ParametresGrilles } from '../app/parametresGrilles';
import { ecrireValeursNommees } from '../io/office/ecrireNoms';
import { lireClasseurOuvert } from '../io/office/lireClasseurOuvert';
import { texteValeur } from '../sheets/verification/resultats';
import { exerciceDuClasseur } from '../app/modelesExercices';
import { CLES_EXERCICE } from '../sheets/exercices/classeurExercice';
import { reglagesDepuisCles, reglagesEnClair } from '../sheets/exercices/reglages';
import { degresDuLivret } from '../sheets/grilles/gabarit';
import { el, parId } from './dom';
import type { Hote } from './hote';
import { lancer, offrirFichier, SaisieInvalide, surEnvoi } from './commun';
import { importerTablesDuVolet, oublierTablesDuVolet, tablesDuVolet } from './tablesDuVolet';
import { exportDesTables, NOMS_TABLES, tablesEnClair, TABLES_OFFICIELLES } from '../domain/parametres/tables';
import { cleDuVolet, creerCleDuVolet, importerCleDuVolet } from './cleDuVolet';
import { cleEnBase64 } from '../domain/sceau';

/** « Clé de l'enseignant »: create one, show it to copy it elsewhere, or import a colleague's (or the CLI's). */
function brancherCle(): void {
  const message = parId('cle-message');
  const etat = () => {
    const cle = cleDuVolet();
    parId('cle-etat').textContent = cle
      ? `Clé de ce poste : identifiant ${cle.id}.`
      : 'Aucune clé sur ce poste : la première création d\u2019exercice en crée une, ou importez celle de votre établissement.';
    parId('cle-creer').hidden = Boolean(cle);
    parId('cle-afficher').hidden = !cle;
  };
  parId('cle-creer').addEventListener('click', () => void lancer(parId<HTMLButtonElement>('cle-creer'), message, 'Création…', async () => `Clé créée : identifiant ${creerCleDuVolet().id}.`, etat)());
  parId('cle-afficher').addEventListener(
    'click',
    () =>
      void lancer(parId<HTMLButtonElement>('cle-afficher'), message, '…', async () => {
        const cle = cleDuVolet();
        if (!cle) throw new SaisieInvalide('Aucune clé sur ce poste.');
        parId<HTMLInputElement>('cle-texte').value = cleEnBase64(cle);
        return `Clé ${cle.id} affichée dans le champ ci-dessus : copiez-la dans un fichier pour « agora … --cle FICHIER », ou collez-la dans le volet d\u2019un autre poste.`;
      })(),
  );
  surEnvoi(
    parId<HTMLFormElement>('cle-formulaire'),
    lancer(
      parId<HTMLButtonElement>('cle-importer'),
      message,
      'Import…',
      async () => {
        const cle = importerCleDuVolet(parId<HTMLInputElement>('cle-texte').value);
        parId<HTMLInputElement>('cle-texte').value = '';
        return `Clé importée : identifiant ${cle.id}. Elle remplace celle de ce poste.`;
      },
      etat,
    ),
  );
  // a key made by the Exercices section shows here as soon as the tab is opened
  parId('onglet-parametres').addEventListener('click', etat);
  etat();
}

function champsEchelle(zone: HTMLElement, echelle: string, niveaux: readonly NiveauParametre[]): void {
  zone.querySelectorAll('.case').forEach((x) => x.remove());
  niveaux.forEach((n, i) => {
    const id = `parametres-${echelle}-${i}`;
    zone.append(
      el('div', { class: 'case' }, el('label', { for: id }, `${n.code} — ${n.libelle}`), el('input', { type: 'text', id, inputmode: 'decimal', value: texteValeur(n.valeur), class: 'valeur-niveau' })),
    );
  });
}

/** « Valeurs légales des exercices »: AGOrA's tables to download and complete, a teacher's file to import, or back to AGOrA's. */
function brancherValeursLegales(): void {
  const message = parId('valeurs-message');
  const champ = parId<HTMLInputElement>('valeurs-fichier');
  const etat = () => {
    const t = tablesDuVolet();
    parId('valeurs-etat').textContent = t?.fournies
      ? `Valeurs importées de « ${t.fournies.fichier} » : ${tablesEnClair(t, t.fournies.tables)}. Les autres tables sont celles d\u2019AGOrA.`
      : `Valeurs d\u2019AGOrA : ${tablesEnClair(TABLES_OFFICIELLES, NOMS_TABLES)}.`;
    parId('valeurs-oublier').hidden = !t;
  };
  offrirFichier(parId<HTMLAnchorElement>('valeurs-modele'), 'parametres-agora.json', JSON.stringify(exportDesTables(), null, 2) + '\n', 'application/json');
  const bouton = (id: string, enCours: string, action: () => Promise<string>) => parId(id).addEventListener('click', () => void lancer(parId<HTMLButtonElement>(id), message, enCours, action, etat)());
  bouton('valeurs-importer', 'Lecture du fichier…', async () => {
    const f = champ.files?.[0];
    if (!f) throw new SaisieInvalide('Choisissez d\u2019abord le fichier de paramètres (.json).', champ);
    const t = importerTablesDuVolet(f.name, new Uint8Array(await f.arrayBuffer()));
    champ.value = '';
    return `Fichier « ${f.name} » importé : ${tablesEnClair(t, t.fournies!.tables)}. Les prochains exercices créés sur ce poste l\u2019utilisent.`;
  });
  bouton('valeurs-oublier', '…', async () => {
    oublierTablesDuVolet();
    return 'Les prochains exercices utiliseront les valeurs d\u2019AGOrA.';
  });
  etat();
}

/**
 * « Paramètres »: reads the open workbook's « Paramètres » (two round trips), shows the values the
 * teacher may change, and writes them back in one round trip once each is valid. An exercise's
 * verification settings are shown, not edited: the pane is the student's too.
 */
export function brancherParametres(hote: Hote, apresEcriture: () => void): void {
  const formulaire = parId<HTMLFormElement>('parametres-formulaire');
  const message = parId('parametres-message');
  brancherCle();
  brancherValeursLegales();
  let actuels: ParametresGrilles | undefined;
  const valeur = (id: string) => parId<HTMLInputElement>(id).value;
  const valeursDe = (echelle: string) => Array.from(document.querySelectorAll<HTMLInputElement>(`#parametres-${echelle} input`), (x) => x.value);

  parId('parametres-lire').addEventListener('click', () => void lancer(parId<HTMLButtonElement>('parametres-lire'), message, 'Lecture du classeur…', lire)());
  surEnvoi(formulaire, lancer(parId<HTMLButtonElement>('parametres-enregistrer'), message, 'Enregistrement…', enregistrer, apresEcriture));

  async function lire(): Promise<string> {
    formulaire.hidden = true;
    const lu = await hote.executer((context, prend) => lireClasseurOuvert(context, {}, prend));
    actuels = parametresDuClasseur(lu.classeur);
    if (!actuels && lu.classeur.agora.has(CLES_EXERCICE.modele)) {
      const x = exerciceDuClasseur(lu.classeur, lu.nom);
      return `Exercice « ${x.spec.gabarit.titre} » : ${reglagesEnClair(reglagesDepuisCles(lu.classeur.agora), degresDuLivret())}. Ces réglages ont été fixés à la création de l\u2019exercice (section Exercices) ; pour les changer, recréez-le.`;
    }
    if (!actuels) throw new SaisieInvalide('Ce classeur n\u2019a pas de feuille « Paramètres » : insérez d\u2019abord des grilles (section Grilles) ou un exercice (section Exercices).');
    parId<HTMLInputElement>('parametres-etablissement').value = actuels.etablissement;
    parId<HTMLInputElement>('parametres-annee').value = actuels.annee;
    parId<HTMLInputElement>('parametres-pas').value = texteValeur(actuels.pas);
    champsEchelle(parId('parametres-ccf'), 'ccf', actuels.ccf);
    champsEchelle(parId('parametres-pfmp'), 'pfmp', actuels.pfmp);
    formulaire.hidden = false;
    return `Paramètres lus : note sur ${actuels.noteMax ?? 20}, ${actuels.ccf.length} niveaux CCF, ${actuels.pfmp.length} degrés PFMP.`;
  }

  async function enregistrer(): Promise<string> {
    if (!actuels) throw new SaisieInvalide('Lisez d\u2019abord les paramètres du classeur.');
    const ecritures = ecrituresParametres(
      { etablissement: valeur('parametres-etablissement'), annee: valeur('parametres-annee'), pas: valeur('parametres-pas'), ccf: valeursDe('ccf'), pfmp: valeursDe('pfmp') },
      actuels,
    );
    await hote.executer((context) => ecrireValeursNommees(context, ecritures, 'Enregistrement des paramètres'));
    return 'Paramètres enregistrés dans la feuille « Paramètres » : les grilles du classeur les appliquent.';
  }
}
