/**
 * Formulas that reach outside the workbook when it is opened: a web request (WEBSERVICE, IMAGE or
 * HYPERLINK to an address, FILTERXML over what they fetch), a DDE link (« =cmd|'/c …'!A0 »), a
 * real-time server (RTD), a call into a library (CALL, REGISTER.ID), or a reference to another
 * workbook (« [1]Feuille!A1 », « 'C:\…\[x.xlsx]Feuille'!A1 »). A teacher opening a student's
 * annotated copy must not set one off: the copy keeps such a cell's value, and says so.
 */

const FONCTIONS = ['WEBSERVICE', 'RTD', 'CALL', 'REGISTER.ID', 'IMAGE'] as const;

/** The formula with its string literals blanked (« "…" » → « "" »), so that a name inside a text is not taken for a call. */
const horsTextes = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');

/** Why a formula reaches outside the workbook, in French (« WEBSERVICE », « lien DDE »…), or null when it does not. */
export function formuleExterne(formule: string): string | null {
  const f = formule.replace(/^=/, '');
  const nu = horsTextes(f);
  for (const nom of FONCTIONS) if (new RegExp(`(^|[^A-Za-z0-9_.])(_xlfn\\.)?${nom.replace('.', '\\.')}\\s*\\(`, 'i').test(nu)) return nom;
  if (/(^|[^A-Za-z0-9_.])(_xlfn\.)?FILTERXML\s*\(/i.test(nu) && /"\s*(https?|ftp|file):/i.test(f)) return 'FILTERXML avec une adresse';
  if (/(^|[^A-Za-z0-9_.])(_xlfn\.)?HYPERLINK\s*\(\s*"\s*(https?|ftp|file|mailto|\\\\)/i.test(f)) return 'HYPERLINK vers une adresse extérieure';
  if (/(^|[^A-Za-z0-9_.'"])[A-Za-z0-9_.]+\|('[^']*'|[^!\s]*)!/.test(nu)) return 'lien DDE';
  // « [1]Feuille!A1 », « '…\[x.xlsx]Feuille'!A1 »: a bracket before a sheet's « ! » (a table's « Tableau1[Montant] » has none)
  if (/\[[^\]]+\][^![\]]*!/.test(nu.replace(/'(?:[^']|'')*'/g, (q) => (/\[[^\]]+\]/.test(q) ? '[x]' : "''")))) return 'référence à un autre classeur';
  return null;
}
