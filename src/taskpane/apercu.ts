import { adresse, lettresColonne, type ClasseurMemoire } from '../io/memory/classeurMemoire';
import { el } from './dom';

/**
 * The in-memory workbook drawn under the pane (browser harness only): a tab per visible sheet and
 * its used cells as a table. Values are text nodes; formulas are shown as typed, not computed.
 */
export function dessinerApercu(zone: HTMLElement, c: ClasseurMemoire, active = c.active): void {
  zone.replaceChildren();
  const visibles = c.feuilles.filter((f) => f.visibilite === 'Visible');
  const onglets = el('div', { role: 'tablist', 'aria-label': 'Feuilles du classeur', class: 'onglets-feuilles' });
  for (const f of visibles) {
    const b = el('button', { role: 'tab', type: 'button', 'aria-selected': String(f.nom === active), 'data-feuille': f.nom }, f.nom);
    b.addEventListener('click', () => dessinerApercu(zone, c, f.nom));
    onglets.append(b);
  }
  zone.append(onglets);
  const f = c.feuille(active);
  const z = f && c.plageUtilisee(f);
  if (!f || !z) {
    zone.append(el('p', {}, 'Feuille vide.'));
    return;
  }
  const table = el('table', { class: 'grille', 'aria-label': `Feuille ${f.nom}` });
  const entete = el('tr', {}, el('th', {}, ''));
  for (let k = 1; k <= z.droite; k++) entete.append(el('th', { scope: 'col' }, lettresColonne(k)));
  table.append(entete);
  for (let l = 1; l <= Math.min(z.bas, 200); l++) {
    const tr = el('tr', {}, el('th', { scope: 'row' }, String(l)));
    for (let k = 1; k <= z.droite; k++) {
      const x = f.cellules.get(adresse(l, k));
      const texte = x ? (x.formule ?? (x.valeur === null ? '' : String(x.valeur))) : '';
      const td = el('td', { 'data-adresse': adresse(l, k) }, texte);
      if (x?.style['font.bold']) td.classList.add('gras');
      if (typeof x?.style['fill.color'] === 'string') td.style.backgroundColor = x.style['fill.color'] as string;
      tr.append(td);
    }
    table.append(tr);
  }
  zone.append(table);
}
