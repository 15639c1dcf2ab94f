import ExcelJS from 'exceljs';
import { referenceAbsolue } from '../../sheets/model';
import type { Annotations } from '../../sheets/verification/annotations';
import { ciblesDuClasseur } from './nomsDefinis';
import { ecrireFeuille, ecrireLigne } from './xlsxDuModele';

const remplir = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + rgb } });

/** The header row of the evidence sheet, found through its defined name so that a renamed sheet still counts. */
function trouverSuivi(wb: ExcelJS.Workbook, nom: string): { ws: ExcelJS.Worksheet; entete: number } | undefined {
  const c = ciblesDuClasseur(wb).get(nom.toUpperCase());
  const ws = c && wb.getWorksheet(c.feuille);
  return ws && c ? { ws, entete: c.haut } : undefined;
}

/**
 * The annotated copy: the student's workbook as it was, plus « Résultats », verdict colours on the
 * answer cells and the evidence rows. Returns the bytes; the caller writes them beside, never over,
 * the original. Student text is written as plain values (exceljs never turns a string into a formula).
 */
export async function annoterCharge(wb: ExcelJS.Workbook, a: Annotations): Promise<Uint8Array> {
  const ancienne = wb.getWorksheet(a.resultats.nom);
  if (ancienne) wb.removeWorksheet(ancienne.id);
  await ecrireFeuille(wb, a.resultats);
  for (const c of a.couleurs) {
    const ws = wb.getWorksheet(c.feuille);
    if (!ws) continue;
    // a loaded workbook shares one style object between cells of the same format: give this cell its own
    const cell = ws.getCell(c.ligne, c.colonne);
    cell.style = { ...cell.style, fill: remplir(c.fond) };
  }
  for (const x of a.notes) {
    const ws = wb.getWorksheet(x.feuille);
    if (ws) ws.getCell(x.ligne, x.colonne).note = x.texte;
  }
  let suivi = trouverSuivi(wb, a.suivi.nom);
  if (!suivi) {
    // a new sheet: the model's header and rows, its name on the header
    const { feuille, nom } = a.suivi.nouvelle;
    await ecrireFeuille(wb, feuille);
    wb.definedNames.add(referenceAbsolue(feuille.nom, nom.plage), nom.nom);
  } else {
    // a sheet made by an earlier version lacks the later columns' headers (« Sceau »)
    a.suivi.entetes.forEach((e, j) => {
      const c = suivi!.ws.getCell(suivi!.entete, j + 1);
      if (c.value === null) c.value = e;
    });
    let derniere = suivi.entete;
    while (suivi.ws.getCell(derniere + 1, 1).value !== null) derniere++;
    for (const l of a.suivi.lignes) ecrireLigne(suivi.ws, ++derniere, l);
  }
  const index = wb.worksheets.findIndex((w) => w.name === a.resultats.nom);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, index), visibility: 'visible' }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The annotated copy of a workbook's bytes already checked whole (`verifierPaquetNavigateur`): the task pane's batch. */
export async function annoterOctets(octets: Uint8Array, a: Annotations): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  return annoterCharge(wb, a);
}
