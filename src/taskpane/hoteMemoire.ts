import { ClasseurMemoire } from '../io/memory/classeurMemoire';
import { ContexteMemoire } from '../io/memory/contexteExcel';
import type { Hote } from './hote';

/*
 * The in-memory host, in a chunk of its own (taskpane.ts imports it on demand): Excel's users never
 * load it, and the pane's initial JavaScript keeps to its budget.
 */

/**
 * `api`: the ExcelApi set the in-memory host claims (« 1.8 » plays Excel 2019), the latest by default;
 * `chargeMaximale`: a request limit, as Excel on the web has; `web`: Excel on the web's known defects.
 */
export function hoteMemoire(api?: string, chargeMaximale?: number, web = false): Hote {
  const classeur = ClasseurMemoire.nouveau();
  return {
    classeur,
    ...(chargeMaximale ? { chargeMaximale } : {}),
    executer(f) {
      const ctx = new ContexteMemoire(classeur, { ...(api ? { api } : {}), web });
      return f(ctx as unknown as Excel.RequestContext, (v) => ctx.prend(v));
    },
  };
}
