import { accorder } from '../domain/texte';
import { consoliderClasse } from '../app/consolidation';
import { cleDuVolet } from './cleDuVolet';
import { LIBELLES_METHODES, METHODES, type Methode } from '../consolidate/agregation';
import { lieuDesAnomalies, regrouperAnomalies, type Anomalie } from '../consolidate/preuves';
import { copiesNavigateur } from '../io/portsNavigateur';
import { el, parId } from './dom';
import type { Hote } from './hote';
import { inserer, lancer, offrirFichier, SaisieInvalide, surEnvoi } from './commun';
import { aujourdhui } from '../domain/dates';
import { nomDeFichierDeClasse } from '../sheets/eleve';

/** Beyond this many, the pane sends the reader to the « Anomalies » sheet rather than list them all. */
const ANOMALIES_AFFICHEES = 30;

function dessinerAnomalies(zone: HTMLElement, anomalies: readonly Anomalie[]): void {
  zone.replaceChildren();
  if (!anomalies.length) return;
  zone.append(el('h3', {}, `Anomalies (${anomalies.length})`));
  const groupes = regrouperAnomalies(anomalies);
  const liste = el('ul', { class: 'anomalies', 'aria-label': 'Anomalies relevées' });
  for (const g of groupes.slice(0, ANOMALIES_AFFICHEES)) {
    const ou = lieuDesAnomalies(g);
    liste.append(
      el('li', {}, el('strong', {}, g.fichier), ou ? ` — ${ou}` : '', el('div', {}, g.nombre > 1 ? `${g.probleme} (${g.nombre} fois)` : g.probleme), el('div', { class: 'discret' }, g.action)),
    );
  }
  zone.append(liste);
  if (groupes.length > ANOMALIES_AFFICHEES) zone.append(el('p', { class: 'discret' }, `… et ${groupes.length - ANOMALIES_AFFICHEES} autres : voir la feuille « Anomalies ».`));
}

/**
 * « Consolider »: the students' workbooks the coordinator picks are read here, in the browser (never
 * sent anywhere), one after the other with a progress bar; the class sheets are then inserted into
 * the open workbook in one insertion, and the anomalies listed. The livret scolaire CSV (as
 * `agora consolider --lsl`) is offered for saving.
 */
export function brancherConsolider(hote: Hote, apresInsertion: () => void): void {
  const methode = parId<HTMLSelectElement>('consolider-methode');
  for (const m of METHODES) methode.append(el('option', { value: m, ...(m === 'recente' ? { selected: '' } : {}) }, LIBELLES_METHODES[m]));
  const progression = parId<HTMLProgressElement>('consolider-progression');
  const anomalies = parId('consolider-anomalies');
  const message = parId('consolider-message');
  surEnvoi(parId<HTMLFormElement>('consolider-formulaire'), lancer(parId<HTMLButtonElement>('consolider-lancer'), message, 'Lecture des classeurs…', consolider, apresInsertion));

  async function consolider(): Promise<string> {
    anomalies.replaceChildren();
    const livret = parId<HTMLAnchorElement>('consolider-livret');
    livret.hidden = true;
    const fichiers = Array.from(parId<HTMLInputElement>('consolider-fichiers').files ?? []);
    if (!fichiers.length) throw new SaisieInvalide('Choisissez les classeurs des élèves (.xlsx) : plusieurs à la fois avec Ctrl ou Maj.');
    progression.max = fichiers.length;
    progression.value = 0;
    progression.hidden = false;
    const cle = cleDuVolet();
    const {
      classe,
      modele,
      livret: csv,
    } = await consoliderClasse(
      fichiers.map((f) => ({ nom: f.name, ouvrir: async () => copiesNavigateur.lire(f.name, new Uint8Array(await f.arrayBuffer())) })),
      {
        methode: methode.value as Methode,
        date: aujourdhui(),
        progression: (p) => {
          progression.value = p.fait;
          message.textContent = `Classeur ${p.fait} sur ${p.total} lu : ${p.fichier}`;
        },
        ...(cle ? { cle } : {}),
      },
    );
    dessinerAnomalies(anomalies, classe.anomalies);
    if (!classe.eleves.length)
      throw new SaisieInvalide(
        `Aucun élève dans ${fichiers.length > 1 ? `les ${fichiers.length} classeurs choisis` : 'le classeur choisi'} : choisissez les grilles remplies et les copies vérifiées de la classe${classe.anomalies.length ? ' (voir les anomalies ci-dessous)' : ''}. Rien n\u2019a été inséré.`,
      );
    const res = await inserer(hote, modele);
    offrirFichier(livret, `${nomDeFichierDeClasse('livret-scolaire', classe.eleves)}.csv`, csv(), 'text/csv');
    const visibles = modele.feuilles.filter((f) => f.etat !== 'tresCachee').map((f) => `« ${f.nom} »`);
    return [
      `Classe consolidée : ${accorder(fichiers.length, 'classeur')} ${fichiers.length > 1 ? 'lus' : 'lu'}, ${accorder(classe.eleves.length, 'élève')}, ${accorder(classe.anomalies.length, 'anomalie')}.`,
      `Feuilles insérées : ${visibles.join(', ')}.`,
      'Le livret scolaire (CSV, un degré par élève et compétence) est à enregistrer par le lien ci-dessous.',
      ...res.avertissements,
    ].join(' ');
  }
}
