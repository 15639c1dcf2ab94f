// The task pane: sections chosen by the ribbon button (#grilles, #exercices…) or the tabs; the
// workbook is Excel's when Office hosts the page, an in-memory one otherwise (test harness).
import { compter, referentiel } from '../referentiel';
import { dessinerApercu } from './apercu';
import { parId } from './dom';
import { hoteExcel, type Hote } from './hote';
import { CHARGE_EXCEL_WEB } from '../io/office/chargeDeRequete';
import { brancherGrilles } from './sectionGrilles';
import { brancherExercices } from './sectionExercices';
import { brancherVerifier } from './sectionVerifier';
import { brancherConsolider } from './sectionConsolider';
import { brancherParametres } from './sectionParametres';

const SECTIONS = ['grilles', 'exercices', 'verifier', 'consolider', 'parametres'] as const;

function montrer(section: string): void {
  const s = (SECTIONS as readonly string[]).includes(section) ? section : 'grilles';
  for (const x of SECTIONS) {
    parId(`section-${x}`).hidden = x !== s;
    parId(`onglet-${x}`).setAttribute('aria-selected', String(x === s));
    parId(`onglet-${x}`).tabIndex = x === s ? 0 : -1;
  }
}

function demarrer(hote: Hote): void {
  const r = referentiel();
  const n = compter(r);
  parId('resume').textContent = `Bac pro ${r.diplome.sigle} — ${n.competences} compétences (${r.diplome.texte}).`;
  const onglets = SECTIONS.map((s) => parId(`onglet-${s}`));
  onglets.forEach((o, i) => {
    // office.js removes history.replaceState: the hash is set directly, the section shown at once
    o.addEventListener('click', () => {
      location.hash = SECTIONS[i]!;
      montrer(SECTIONS[i]!);
    });
    // arrow keys move between tabs, as in a WAI-ARIA tab list
    o.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      const cible = onglets[(i + d + onglets.length) % onglets.length]!;
      cible.focus();
      cible.click();
    });
  });
  window.addEventListener('hashchange', () => montrer(location.hash.slice(1)));
  montrer(location.hash.slice(1));
  const apercu = parId('apercu');
  const redessiner = () => hote.classeur && dessinerApercu(apercu, hote.classeur);
  if (hote.classeur) {
    apercu.hidden = false;
    parId('hote').textContent = 'Aucun Excel détecté : les opérations s\u2019appliquent à un classeur de démonstration affiché sous le volet.';
    redessiner();
  }
  brancherGrilles(hote, redessiner);
  brancherExercices(hote, redessiner);
  brancherVerifier(hote, redessiner);
  brancherConsolider(hote, redessiner);
  brancherParametres(hote, redessiner);
  document.body.dataset.pret = 'oui';
}

// ?excelapi=1.8 makes the in-memory workbook play an older Excel (range writes instead of one file);
// ?charge=200 gives it a request limit in KB, as Excel on the web has (5 MB), to try large insertions;
// ?web=1 plays Excel on the web: its 5 MB requests and its known defects (sheets inserted locked)
const parametres = new URLSearchParams(location.search);
const api = /^1\.\d{1,2}$/.exec(parametres.get('excelapi') ?? '')?.[0];
const web = parametres.get('web') === '1';
const charge = Number(/^\d{1,5}$/.exec(parametres.get('charge') ?? '')?.[0] ?? 0) * 1024;
// the in-memory host is fetched from the pane's own files only when there is no Excel
const memoire = async () => (await import(/* webpackChunkName: "hote-memoire" */ './hoteMemoire')).hoteMemoire(api, charge || (web ? CHARGE_EXCEL_WEB : undefined), web);
if (typeof Office !== 'undefined') void Office.onReady(async (info) => demarrer(info.host === Office.HostType.Excel ? hoteExcel() : await memoire()));
else void memoire().then(demarrer);
