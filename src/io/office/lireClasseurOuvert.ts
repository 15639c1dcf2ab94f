import type { PlageLue } from '../../sheets/exercices/lecture';
import { metadonneesAgora } from '../../sheets/agora';
import { agoraLu, chargerAgora, coin, matrice } from './valeursLues';
import { nomTropGrand, PLAGE_MAX, type ClasseurLu } from '../xlsx/classeurLu';
import { aire } from '../../sheets/model';
import { analyserReference, type CibleNom } from '../xlsx/nomsDefinis';
import { synchroniser } from './erreurs';
import type { PriseEnCharge } from './insererClasseur';
import { priseEnChargeOffice } from './insererClasseur';

/**
 * Reads the open workbook as checking reads a file, in two round trips: the names, the workbook's
 * name and `_agora`; then every named range (with its merged cells where ExcelApi 1.13 tells them)
 * and the rows under the names that head a list.
 */

export interface OptionsLecture {
  /** names whose rows below are read (`lignesSous`), with their width */
  listes?: Record<string, number>;
  /** how many rows a list may have */
  lignesMax?: number;
}

export async function lireClasseurOuvert(context: Excel.RequestContext, o: OptionsLecture = {}, prend: PriseEnCharge = priseEnChargeOffice): Promise<{ nom: string; classeur: ClasseurLu }> {
  const wb = context.workbook;
  wb.load('name');
  const noms = wb.names.load('items/name,items/type,items/formula');
  const agora = chargerAgora(wb);
  await synchroniser(context, 'Lecture du classeur');
  const fusions = prend('1.13');
  const lignesMax = o.lignesMax ?? 500;
  // a name stretched over a whole sheet is not loaded: Excel would send millions of cells
  const rangees = noms.items.filter((n) => n.type === 'Range');
  const tropGrands = new Map(
    rangees.flatMap((n): [string, CibleNom][] => {
      const z = analyserReference(n.formula ?? '');
      return z && aire(z) > PLAGE_MAX ? [[n.name.toUpperCase(), z]] : [];
    }),
  );
  const plages = rangees
    .filter((n) => !tropGrands.has(n.name.toUpperCase()))
    .map((n) => {
      const r = wb.names.getItem(n.name).getRangeOrNullObject();
      r.load('values,valueTypes,numberFormat,formulas,address,isNullObject');
      const aires = fusions ? r.getMergedAreasOrNullObject() : undefined;
      aires?.load('address,isNullObject');
      const largeur = o.listes?.[n.name];
      const dessous = largeur ? r.getOffsetRange(1, 0).getAbsoluteResizedRange(lignesMax, largeur) : undefined;
      dessous?.load('values,valueTypes,address');
      return { nom: n.name, r, aires, dessous };
    });
  await synchroniser(context, 'Lecture du classeur');

  const lues = new Map<string, PlageLue>();
  const listes = new Map<string, PlageLue>();
  for (const p of plages) {
    if (p.r.isNullObject) continue;
    const c = coin(p.r.address);
    if (!c) continue;
    const valeurs = matrice(p.r.values, p.r.valueTypes, p.r.numberFormat as string[][]);
    const couvertes = valeurs.map((l) => l.map(() => false));
    if (p.aires && !p.aires.isNullObject)
      for (const a of p.aires.address.split(',')) {
        const z = analyserReference(a);
        if (!z) continue;
        for (let l = z.haut; l <= z.bas; l++)
          for (let k = z.gauche; k <= z.droite; k++) if ((l !== z.haut || k !== z.gauche) && couvertes[l - c.haut]?.[k - c.gauche] !== undefined) couvertes[l - c.haut]![k - c.gauche] = true;
      }
    // Office.js gives a constant cell's value among the formulas: only a text that starts with « = » is one
    const formules = (p.r.formulas as unknown[][]).map((l) => l.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
    lues.set(p.nom.toUpperCase(), { ...c, valeurs, couvertes, formules });
    if (p.dessous) {
      const d = coin(p.dessous.address);
      const lignes = matrice(p.dessous.values, p.dessous.valueTypes);
      const fin = lignes.findIndex((l) => l.every((v) => v === null || v === ''));
      if (d) listes.set(p.nom.toUpperCase(), { ...d, valeurs: fin < 0 ? lignes : lignes.slice(0, fin) });
    }
  }
  return {
    nom: wb.name,
    classeur: {
      ...metadonneesAgora(agoraLu(agora)?.lignes ?? []),
      plage: (nom) => {
        const z = tropGrands.get(nom.toUpperCase());
        if (z) throw nomTropGrand(wb.name, nom, z);
        return lues.get(nom.toUpperCase());
      },
      lignesSous: (nom) => listes.get(nom.toUpperCase()),
    },
  };
}
