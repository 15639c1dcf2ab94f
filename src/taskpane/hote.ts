import type { ClasseurMemoire } from '../io/memory/classeurMemoire';
import { priseEnChargeOffice, type PriseEnCharge } from '../io/office/insererClasseur';
import { CHARGE_EXCEL_WEB } from '../io/office/chargeDeRequete';

/**
 * Where the pane's operations run: Excel through Office.js, or, in a browser without Office (the
 * test harness, a demonstration), an in-memory workbook behind the same calls.
 */
export interface Hote {
  executer<T>(f: (context: Excel.RequestContext, prend: PriseEnCharge) => Promise<T>): Promise<T>;
  /** the in-memory workbook, shown under the pane; absent in Excel */
  classeur?: ClasseurMemoire;
  /** the most bytes one request may carry: Excel on the web's limit; none on Windows and Mac */
  chargeMaximale?: number;
}

export function hoteExcel(): Hote {
  return {
    executer: (f) => Excel.run((context) => f(context, priseEnChargeOffice)),
    ...(Office.context.platform === Office.PlatformType.OfficeOnline ? { chargeMaximale: CHARGE_EXCEL_WEB } : {}),
  };
}
