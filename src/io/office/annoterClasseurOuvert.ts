import type { Annotations } from '../../sheets/verification/annotations';
import { adresse } from '../../sheets/grilles/commun';
import { lettreColonne } from '../../sheets/model';
import { synchroniser } from './erreurs';
import { appliquerStyle, ecrireModele, formatsDeLigne, lots, priseEnChargeOffice, valeursDeLigne, type PriseEnCharge } from './insererClasseur';

/** Where the open workbook's evidence sheet is, and the last row of its table (its header when empty). */
export interface SuiviOuvert {
  feuille: string;
  entete: number;
  derniere: number;
}

/**
 * « Annoter la copie » in Excel: what `agora verifier --out-dir` writes into a copy, written into the
 * workbook open in Excel, in two round trips — which sheets there are and which are protected, then
 * every write: « Résultats » (replaced), the verdict colours (a protected sheet is unprotected for them,
 * then protected again as at its creation), the hints as cell notes (ExcelApi 1.18), and the evidence
 * rows below `suivi`'s table, or a new « Suivi des compétences ». Student text goes as values, never formulas.
 */
export async function annoterClasseurOuvert(
  context: Excel.RequestContext,
  a: Annotations,
  suivi: SuiviOuvert | undefined,
  prend: PriseEnCharge = priseEnChargeOffice,
): Promise<{ avertissements: string[] }> {
  const wb = context.workbook;
  const feuilles = wb.worksheets.load('items/name');
  const aColorer = [...new Set(a.couleurs.map((c) => c.feuille))];
  const protections = aColorer.map((nom) => ({ nom, p: wb.worksheets.getItem(nom).protection.load('protected') }));
  await synchroniser(context, 'Annotation de la copie');

  const existantes = new Set(feuilles.items.map((f) => f.name));
  if (existantes.has(a.resultats.nom)) wb.worksheets.getItem(a.resultats.nom).delete();
  const avertissements = new Set<string>();
  ecrireModele(wb, { titre: a.resultats.nom, feuilles: [a.resultats], noms: [] }, prend, avertissements, undefined);

  for (const { nom, p } of protections) {
    const ws = wb.worksheets.getItem(nom);
    if (p.protected) ws.protection.unprotect();
    const parFond = new Map<string, string[]>();
    for (const c of a.couleurs.filter((x) => x.feuille === nom)) (parFond.get(c.fond) ?? parFond.set(c.fond, []).get(c.fond)!).push(adresse(c.colonne - 1, c.ligne));
    for (const [fond, adresses] of parFond) {
      // a few thousand characters of addresses a call (OfficeDev/office-js#5198), as the insertion does
      if (prend('1.9')) for (const lot of lots(adresses)) ws.getRanges(lot).format.fill.color = `#${fond}`;
      else for (const x of adresses) ws.getRange(x).format.fill.color = `#${fond}`;
    }
    if (p.protected) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
  if (prend('1.18'))
    for (const n of a.notes) {
      const ws = wb.worksheets.getItem(n.feuille);
      ws.notes.add(ws.getRange(adresse(n.colonne - 1, n.ligne)), n.texte);
    }
  else if (a.notes.length) avertissements.add('Indications non écrites en notes de cellule (il faut Microsoft 365 ou Excel sur le web, à jour) : elles sont dans la feuille « Résultats ».');

  if (!suivi) {
    const { feuille, nom } = a.suivi.nouvelle;
    ecrireModele(wb, { titre: feuille.nom, feuilles: [feuille], noms: [nom] }, prend, avertissements, undefined);
  } else if (a.suivi.lignes.length) {
    const ws = wb.worksheets.getItem(suivi.feuille);
    const premiere = suivi.derniere + 1;
    const largeur = a.suivi.entetes.length;
    ws.getRange(`A${suivi.entete}:${lettreColonne(largeur - 1)}${suivi.entete}`).values = [[...a.suivi.entetes]]; // headers a former version lacked (« Sceau »)
    const zone = ws.getRange(`A${premiere}:${lettreColonne(largeur - 1)}${premiere + a.suivi.lignes.length - 1}`);
    zone.numberFormat = a.suivi.lignes.map((l) => formatsDeLigne(l, largeur));
    zone.values = a.suivi.lignes.map((l) => valeursDeLigne(l, largeur));
    a.suivi.lignes.forEach((l, i) => {
      l.cellules.forEach((c, j) => c?.style && appliquerStyle(ws.getRange(adresse(j, premiere + i)), c.style, prend));
      if (l.hauteur !== undefined) ws.getRange(`${premiere + i}:${premiere + i}`).format.rowHeight = l.hauteur;
    });
  }
  wb.worksheets.getItem(a.resultats.nom).activate();
  await synchroniser(context, 'Annotation de la copie');
  return { avertissements: [...avertissements] };
}
