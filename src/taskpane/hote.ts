import { ClasseurMemoire } from '../io/memory/classeurMemoire';
import { ContexteMemoire } from '../io/memory/contexteExcel';
import { priseEnChargeOffice, type PriseEnCharge } from '../io/office/insererClasseur';

/**
 * Where the pane's operations run: Excel through Office.js, or, in a browser without Office (the
 * test harness, a demonstration), an in-memory workbook behind the same calls.
 */
export interface Hote {
  executer<T>(f: (context: Excel.RequestContext, prend: PriseEnCharge) => Promise<T>): Promise<T>;
  /** the in-memory workbook, shown under the pane; absent in Excel */
  classeur?: ClasseurMemoire;
}

export function hoteExcel(): Hote {
  return { executer: (f) => Excel.run((context) => f(context, priseEnChargeOffice)) };
}

/** `api`: the ExcelApi set the in-memory host claims (« 1.8 » plays Excel 2019); the latest by default. */
export function hoteMemoire(api?: string): Hote {
  const classeur = ClasseurMemoire.nouveau();
  return {
    classeur,
    executer(f) {
      const ctx = new ContexteMemoire(classeur, api ? { api } : {});
      return f(ctx as unknown as Excel.RequestContext, (v) => ctx.prend(v));
    },
  };
}
