import ExcelJS from 'exceljs';
import { referenceAbsolue } from '../../sheets/model';
import type { Annotations } from '../../sheets/verification/annotations';
import { formuleExterne } from '../../check/formulesExternes';
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
  const externes = neutraliserFormulesExternes(wb);
  await ecrireFeuille(wb, a.resultats);
  if (externes.length) signalerFormulesExternes(wb.getWorksheet(a.resultats.nom)!, externes);
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

interface FormuleExterne {
  feuille: string;
  adresse: string;
  raison: string;
}

/**
 * Every formula of the student's workbook that would reach outside it when the teacher opens the
 * copy (formulesExternes.ts) is replaced by the value it last had, and gets a note saying so.
 */
export function neutraliserFormulesExternes(wb: ExcelJS.Workbook): FormuleExterne[] {
  const trouvees: FormuleExterne[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const raison = formuleExterne(cell.formula ?? '');
        if (!raison) return;
        const r = cell.result;
        // its last value as a plain value (an error or nothing: empty); a string stays a string
        cell.value = r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date)) ? null : r;
        cell.note = `Formule externe (${raison}) remplacée par sa dernière valeur : la copie s\u2019ouvre sans rien appeler hors du classeur.`;
        trouvees.push({ feuille: ws.name, adresse: cell.address, raison });
      }),
    );
  return trouvees;
}

/** What the teacher reads at the end of « Résultats »: each cell whose formula reached outside the workbook. */
function signalerFormulesExternes(ws: ExcelJS.Worksheet, externes: readonly FormuleExterne[]): void {
  let n = ws.rowCount + 2;
  const titre = ws.getCell(n, 1);
  titre.value = 'Formules externes : remplacées par leur valeur dans cette copie';
  titre.font = { bold: true, color: { argb: 'FF9C0006' } };
  for (const x of externes) ws.getCell(++n, 1).value = `Feuille « ${x.feuille} », cellule ${x.adresse} : ${x.raison}.`;
}

/** The annotated copy of a workbook's bytes already checked whole (`verifierPaquetNavigateur`): the task pane's batch. */
export async function annoterOctets(octets: Uint8Array, a: Annotations): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  return annoterCharge(wb, a);
}
