import { adresse, zone, type CelluleMemoire, type ClasseurMemoire } from '../io/memory/classeurMemoire';
import { lettreColonne } from '../sheets/model';
import { el } from './dom';
import { dateDeSerie, dateFr, estFormatDate } from '../domain/dates';

/**
 * The in-memory workbook drawn under the pane (browser without Excel): a tab per visible sheet, its
 * used cells as a table, and an input bar where a cell's content is typed as in Excel (« =… » is a
 * formula, « 12,5 » a number, « '12 » text). Values are text nodes; formulas are shown, not computed.
 */
const TYPES_GRAPHIQUE: Record<string, string> = { BarStacked: 'barres empilées', ColumnClustered: 'histogramme' };

/** What a cell shows in the grid and the input bar: its formula as typed, or its value; a date as Excel shows it, not its serial. */
function contenu(x: CelluleMemoire | undefined): string {
  if (!x) return '';
  if (x.formule) return x.formule;
  if (typeof x.valeur === 'number' && estFormatDate(x.format)) return dateFr(dateDeSerie(x.valeur));
  return x.valeur === null ? '' : String(x.valeur);
}

export function dessinerApercu(conteneur: HTMLElement, c: ClasseurMemoire): void {
  conteneur.replaceChildren();
  const redessiner = () => dessinerApercu(conteneur, c);
  /** after a cell is chosen or typed into: the input bar has the focus again, as Excel's formula bar */
  const allerA = (a: string) => {
    c.selection = a;
    redessiner();
    (conteneur.querySelector('#apercu-saisie') as HTMLInputElement | null)?.focus();
  };
  const visibles = c.feuilles.filter((f) => f.visibilite === 'Visible');
  const onglets = el('div', { role: 'tablist', 'aria-label': 'Feuilles du classeur', class: 'onglets-feuilles' });
  for (const f of visibles) {
    const b = el('button', { role: 'tab', type: 'button', 'aria-selected': String(f.nom === c.active), 'data-feuille': f.nom }, f.nom);
    b.addEventListener('click', () => {
      c.active = f.nom;
      c.selection = 'A1';
      redessiner();
    });
    onglets.append(b);
  }
  const saisie = el('input', { type: 'text', id: 'apercu-saisie', autocomplete: 'off', spellcheck: 'false' });
  const etiquette = el('label', { for: 'apercu-saisie', id: 'apercu-adresse' }, `${c.active}!${c.selection}`);
  const barre = el('form', { class: 'barre-saisie', 'aria-label': 'Saisie dans la cellule sélectionnée' }, etiquette, saisie);
  // as in Excel, Entrée types into the cell and goes to the one below
  barre.addEventListener('submit', (ev) => {
    ev.preventDefault();
    c.taper(c.active, c.selection, saisie.value);
    const z = zone(c.selection)!;
    allerA(adresse(z.haut + 1, z.gauche));
  });
  conteneur.append(onglets, barre);
  const f = c.feuille(c.active);
  if (!f) return void conteneur.append(el('p', {}, 'Feuille vide.'));
  // the used cells (answer cells are empty but formatted: they must show), the selection, and at least
  // a few blank rows and columns to type a list into, as on a new sheet
  const utilisee = c.plageUtilisee(f, true);
  const choisie = zone(c.selection)!;
  const z = { bas: Math.max(utilisee?.bas ?? 0, choisie.haut, 10), droite: Math.max(utilisee?.droite ?? 0, choisie.gauche, 5) };
  saisie.value = contenu(f.cellules.get(c.selection));
  // charts are not drawn here: the pane says which ones Excel would show, and over which cells
  for (const g of f.graphiques)
    conteneur.append(
      el(
        'p',
        { class: 'graphique' },
        `Graphique « ${String(g.proprietes['title.text'] ?? '')} » (${TYPES_GRAPHIQUE[g.type] ?? g.type}) : données ${g.source}, catégories ${g.categories ?? '—'}, placé en ${g.position ?? '—'}.`,
      ),
    );
  const table = el('table', { class: 'grille', 'aria-label': `Feuille ${f.nom}` });
  const entete = el('tr', {}, el('th', {}, ''));
  for (let k = 1; k <= z.droite; k++) entete.append(el('th', { scope: 'col' }, lettreColonne(k - 1)));
  table.append(entete);
  for (let l = 1; l <= Math.min(z.bas, 300); l++) {
    const tr = el('tr', {}, el('th', { scope: 'row' }, String(l)));
    for (let k = 1; k <= z.droite; k++) {
      const a = adresse(l, k);
      const cell = f.cellules.get(a);
      const td = el('td', { 'data-adresse': a }, contenu(cell));
      if (cell?.style['font.bold']) td.classList.add('gras');
      if (typeof cell?.style['fill.color'] === 'string') td.style.backgroundColor = cell.style['fill.color'] as string;
      if (typeof cell?.style['font.color'] === 'string') td.style.color = cell.style['font.color'] as string; // white on a dark band, as in Excel
      if (a === c.selection) td.classList.add('selectionnee');
      td.addEventListener('click', () => allerA(a));
      tr.append(td);
    }
    table.append(tr);
  }
  conteneur.append(table);
}
