/**
 * Builds DOM nodes. Text always goes through textContent: a student's name or a cell's content is
 * never parsed as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributs: Record<string, string> = {}, ...enfants: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributs)) e.setAttribute(k, v);
  for (const x of enfants) e.append(typeof x === 'string' ? document.createTextNode(x) : x);
  return e;
}

export const parId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`Élément #${id} absent du volet.`);
  return e as T;
};

/** A message in the pane's live region: read out by screen readers, styled by its kind. */
export function annoncer(zone: HTMLElement, texte: string, genre: 'info' | 'succes' | 'erreur'): void {
  zone.className = `message ${genre}`;
  zone.textContent = texte;
}
