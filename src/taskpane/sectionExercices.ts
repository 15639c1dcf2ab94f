import { modeleDExercice, moisDeDemonstration, TYPES_DISPONIBLES, verifierDemande, type DemandeExercice } from '../app/modelesExercices';
import { gabaritExercice } from '../sheets/exercices/gabarit';
import type { TypeExercice } from '../domain/cas/aleas';
import { el, parId } from './dom';
import type { Hote } from './hote';
import { aujourdhui, inserer, lancer, SaisieInvalide, surEnvoi } from './commun';

/** « Exercices »: a template, its seed and aléas, the student; the énoncé and work sheets inserted at once. */
export function brancherExercices(hote: Hote, apresInsertion: () => void): void {
  const modele = parId<HTMLSelectElement>('exercices-modele');
  for (const t of TYPES_DISPONIBLES) modele.append(el('option', { value: t }, gabaritExercice(t).titre));
  const aleas = parId('exercices-aleas');
  const dessinerAleas = () => {
    aleas.replaceChildren(el('legend', {}, 'Aléas (aucun coché : deux tirés par la graine)'));
    for (const a of gabaritExercice(modele.value as TypeExercice).aleas) {
      const id = `exercices-alea-${a.code}`;
      aleas.append(el('div', { class: 'case' }, el('input', { type: 'checkbox', id, value: a.code }), el('label', { for: id }, a.libelle)));
    }
  };
  modele.addEventListener('change', dessinerAleas);
  dessinerAleas();
  parId<HTMLInputElement>('exercices-periode').value = aujourdhui().slice(0, 7);
  surEnvoi(parId<HTMLFormElement>('exercices-formulaire'), lancer(parId<HTMLButtonElement>('exercices-creer'), parId('exercices-message'), 'Création en cours…', creer, apresInsertion));

  async function creer(): Promise<string> {
    const type = modele.value as TypeExercice;
    const graine = Number(parId<HTMLInputElement>('exercices-graine').value);
    if (!Number.isInteger(graine) || graine < 1) throw new SaisieInvalide('La graine est un nombre entier positif : le même nombre redonne le même cas.');
    const periode = parId<HTMLInputElement>('exercices-periode').value;
    if (!/^\d{4}-\d{2}$/.test(periode)) throw new SaisieInvalide('Indiquez le mois du cas (AAAA-MM).');
    const choisis = Array.from(document.querySelectorAll<HTMLInputElement>('#exercices-aleas input:checked'), (c) => c.value);
    const demande: DemandeExercice = { type, graine, periode: moisDeDemonstration(type, periode), date: aujourdhui(), ...(choisis.length ? { aleas: choisis } : {}) };
    verifierDemande(demande);
    const [nom, prenom, classe] = ['nom', 'prenom', 'classe'].map((k) => parId<HTMLInputElement>(`exercices-${k}`).value.trim());
    const eleve = nom || prenom ? { nom: nom!, prenom: prenom!, classe: classe! } : null;
    const { classeur, cas } = modeleDExercice(demande, eleve);
    const res = await inserer(hote, classeur);
    return [`Exercice « ${gabaritExercice(type).titre} » inséré${eleve ? ` pour ${nom} ${prenom}` : ''} : cas n° ${cas.graine}, aléas : ${cas.aleas.join(', ') || 'aucun'}.`, ...res.avertissements].join(' ');
  }
}
