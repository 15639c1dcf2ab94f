// First shell of the task pane: shows the référentiel it carries. The sections (Grilles,
// Exercices, Vérifier, Consolider) arrive with the add-in issue.
import { compter, referentiel } from '../referentiel';

function afficher(): void {
  const r = referentiel();
  const n = compter(r);
  const resume = document.getElementById('resume');
  if (resume) resume.textContent = `${r.diplome.sigle} — ${n.blocs} blocs, ${n.activites} activités, ${n.competences} compétences (${r.diplome.texte}).`;
  const liste = document.getElementById('blocs');
  for (const b of r.blocs) {
    const li = document.createElement('li');
    li.textContent = `Bloc ${b.code} — ${b.libelle} (${b.epreuve})`; // text, never HTML
    liste?.appendChild(li);
  }
}

if (typeof Office !== 'undefined') Office.onReady(() => afficher());
else document.addEventListener('DOMContentLoaded', afficher);
