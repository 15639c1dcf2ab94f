import { accorder } from '../domain/texte';
import { referentiel } from '../referentiel';
import { anneeIllisible, anneeScolaire, lireAnneeScolaire } from '../domain/dates';
import { cleEleve, grillesPourLeClasseur } from '../app/grillesDuClasseur';
import type { Eleve } from '../sheets/eleve';
import { InsertionInterrompue, insererParLots } from './insererParLots';
import { FEUILLE_AGORA } from '../sheets/agora';
import type { Suivi } from '../io/office/insererClasseur';
import { gabaritGrilles, typesParDefaut, type TypeGrille } from '../sheets/grilles/gabarit';
import { ELEVES_PAR_CLASSEUR } from '../sheets/grilles/classeurGrilles';
import { elevesDepuisTexte, texteDesLignes } from '../app/listeEleves';
import { lireSelection } from '../io/office/lireSelection';
import { annoncer, el, parId } from './dom';
import type { Hote } from './hote';
import { inserer, lancer, listeDuFormulaire, messageErreur, SaisieInvalide, surEnvoi } from './commun';
import { aujourdhui } from '../domain/dates';

/** More rows than any class: the selection was not the list. */
const LIGNES_MAX = 200;

/** « Grilles »: the grid types (from the template), the students (pasted, a CSV file or a selection in the workbook), then one insertion, or an addition to the grids already in the workbook. */
export function brancherGrilles(hote: Hote, apresInsertion: () => void): void {
  const types = parId('grilles-types');
  const parDefaut: readonly string[] = typesParDefaut(referentiel()); // the command line's default, e2 left out
  for (const t of gabaritGrilles().types) {
    const id = `grilles-type-${t.id}`;
    types.append(
      el('div', { class: 'case' }, el('input', { type: 'checkbox', id, name: 'type', value: t.id, ...(parDefaut.includes(t.id) ? { checked: '' } : {}) }), el('label', { for: id }, t.libelle)),
    );
  }
  parId<HTMLInputElement>('grilles-annee').value = anneeScolaire(aujourdhui());
  const selection = parId<HTMLButtonElement>('grilles-selection');
  selection.addEventListener('click', lancer(selection, parId('grilles-message'), 'Lecture de la sélection…', prendreSelection));
  surEnvoi(parId<HTMLFormElement>('grilles-formulaire'), lancer(parId<HTMLButtonElement>('grilles-inserer'), parId('grilles-message'), 'Insertion en cours…', insererGrilles, apresInsertion));

  /** The selected cells become the pasted list (the teacher sees and can correct it), checked at once. */
  async function prendreSelection(): Promise<string> {
    const { adresse, valeurs } = await hote.executer((context) => lireSelection(context));
    const texte = texteDesLignes(valeurs);
    if (!texte) throw new SaisieInvalide(`La sélection ${adresse} est vide : sélectionnez la liste des élèves (nom, prénom, classe) dans une feuille, puis recommencez.`);
    const lignes = texte.split('\n').length;
    if (lignes > LIGNES_MAX) throw new SaisieInvalide(`La sélection ${adresse} compte ${lignes} lignes : sélectionnez seulement la liste des élèves.`);
    parId<HTMLTextAreaElement>('grilles-eleves').value = texte;
    parId<HTMLInputElement>('grilles-csv').value = '';
    const { eleves } = elevesDepuisTexte(texte, parId<HTMLInputElement>('grilles-classe').value.trim());
    return `${accorder(eleves.length, 'élève')} ${eleves.length > 1 ? 'lus' : 'lu'} dans ${adresse} : vérifiez la liste, puis insérez les grilles.`;
  }

  async function insererGrilles(): Promise<string> {
    const choisis = Array.from(document.querySelectorAll<HTMLInputElement>('#grilles-types input:checked'), (c) => c.value as TypeGrille);
    if (!choisis.length) throw new SaisieInvalide('Cochez au moins un type de grille.');
    const { eleves } = await listeDuFormulaire(parId('grilles-eleves'), parId('grilles-csv'), parId<HTMLInputElement>('grilles-classe').value.trim());
    if (eleves.length > ELEVES_PAR_CLASSEUR)
      throw new SaisieInvalide(`${eleves.length} élèves : un classeur en tient ${ELEVES_PAR_CLASSEUR} au plus. Insérez les grilles classe par classe, chacune dans son classeur.`);
    const champAnnee = parId<HTMLInputElement>('grilles-annee');
    const annee = lireAnneeScolaire(champAnnee.value);
    if (!annee) throw new SaisieInvalide(anneeIllisible(champAnnee.value), champAnnee);
    const options = { types: choisis, etablissement: parId<HTMLInputElement>('grilles-etablissement').value.trim(), annee, date: aujourdhui() };
    // made once the workbook is read: grids already there get the new ones beside them; a class too
    // big for one request of Excel on the web goes in lots, each an addition to the one before, made
    // from what the lots before left (`suivi`), without reading the workbook again
    let ajout: boolean | undefined;
    const suivi: Suivi = {};
    const lot = (liste: readonly Eleve[]) =>
      inserer(
        hote,
        (ouvert) => {
          const g = grillesPourLeClasseur(referentiel(), liste, options, ouvert, eleves.length > 1);
          ajout ??= g.ajout;
          return g.classeur;
        },
        suivi,
      );
    const message = parId('grilles-message');
    const res = await insererParLots(eleves, cleEleve, lot, (faits) => annoncer(message, `Insertion en cours : ${faits} sur ${accorder(eleves.length, 'élève')}…`, 'info')).catch((e: unknown) => {
      if (!(e instanceof InsertionInterrompue)) throw e;
      // what is in the workbook stays; the list keeps only the students still to insert
      parId<HTMLTextAreaElement>('grilles-eleves').value = texteDesLignes(e.restants.map((x: Eleve) => [x.nom, x.prenom, x.classe]));
      parId<HTMLInputElement>('grilles-csv').value = '';
      throw new SaisieInvalide(
        `Grilles insérées pour ${accorder(e.faits, 'élève')} sur ${eleves.length} ; les grilles des autres élèves n'ont pas été insérées : ${messageErreur(e.motif)} La liste ne garde que ${e.restants.length > 1 ? `les ${e.restants.length} élèves restants` : "l'élève restant"} : réessayez une fois le problème réglé.`,
      );
    });
    const visibles = res.feuilles.filter((f) => f !== FEUILLE_AGORA).length;
    const quoi = `${accorder(eleves.length, 'élève')} : ${accorder(visibles, 'feuille')}`;
    return [
      ajout ? `Grilles ajoutées à celles du classeur pour ${quoi} ; la feuille « Paramètres » du classeur est gardée telle quelle.` : `Grilles insérées pour ${quoi}.`,
      ...(res.lots > 1 ? [`Excel sur le web limite la taille d'une insertion : elle s'est faite en ${res.lots} fois, chacune complète.`] : []),
      ...res.avertissements,
    ].join(' ');
  }
}
