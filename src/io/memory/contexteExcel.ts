import { depuisBase64 } from '../base64';
import { insererFeuillesDuFichier, type NomsDuFichier } from './feuillesDuFichier';
import { auMoins, ensemble, exigence, plusHaute } from './ensembles';
import { adresse, adresseZone, saisie, zone, LIGNES_MAX, COLONNES_MAX, type Bord, type ClasseurMemoire, type FeuilleMemoire, type GraphiqueMemoire, type Zone } from './classeurMemoire';
import { nouveauCalcul, valeurCalculee } from './calcul';

/**
 * The part of Office.js's Excel API that `io/office` uses, over a `ClasseurMemoire`, with Office.js's
 * batching: a call only queues a command, `sync()` runs the queue in order and stops at the first
 * failure (what ran stays done, as in Excel), and a loaded property can be read only after a sync.
 * It counts the syncs (the round trips to Excel), refuses at sync what the announced ExcelApi version
 * lacks (each member's set from the installed types: ensembles.ts),
 * and can be told to fail a given operation: the tests' fake and the browser harness's host.
 */

/** Shaped like OfficeExtension.Error: `code` is what `io/office` turns into a French message, `debugInfo` says which call failed. */
export class ErreurExcelSimulee extends Error {
  debugInfo?: { errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface OptionsContexte {
  /** the host's highest ExcelApi requirement set, « 1.8 » for Excel 2019 */
  api?: string;
  /** a failure to raise on an operation (« worksheets.add », « conditionalFormats.add »…): its error code */
  echec?: (operation: string, cible: string) => string | undefined;
  /** what insertWorksheetsFromBase64 does with the file's defined names; Excel imports them */
  nomsDuFichier?: NomsDuFichier;
  /** Excel on the web and its known defects: a file's sheets inserted with every cell locked (OfficeDev/office-js#1565) */
  web?: boolean;
  /**
   * formulas computed when read, as Excel in automatic calculation (calcul.ts); without it a formula
   * reads as the value the test stored with it (what a file's Excel saved), or empty
   */
  recalcul?: boolean;
  /** Excel set to manual calculation (Formules › Options de calcul › Manuel): nothing recalculates after a write */
  calculManuel?: boolean;
}

const NOM_FEUILLE_INVALIDE = /[[\]:*?/\\]/;
/** the longest list of addresses one getRanges takes (OfficeDev/office-js#5198: about 8 200 characters) */
export const LONGUEUR_GETRANGES = 8200;

const BORDS: Record<string, (l: number, k: number, z: Zone) => Bord[]> = {
  EdgeTop: (l, _, z) => (l === z.haut ? ['haut'] : []),
  EdgeBottom: (l, _, z) => (l === z.bas ? ['bas'] : []),
  EdgeLeft: (_, k, z) => (k === z.gauche ? ['gauche'] : []),
  EdgeRight: (_, k, z) => (k === z.droite ? ['droite'] : []),
  InsideVertical: (_, k, z) => [...(k > z.gauche ? (['gauche'] as Bord[]) : []), ...(k < z.droite ? (['droite'] as Bord[]) : [])],
  InsideHorizontal: (l, _, z) => [...(l > z.haut ? (['haut'] as Bord[]) : []), ...(l < z.bas ? (['bas'] as Bord[]) : [])],
};

export class ContexteMemoire {
  syncs = 0;
  /** the operations that ran, in order: « worksheets.add Synthèse », « range.values Synthèse!A1:M40 »… */
  readonly journal: string[] = [];
  private file: { operation: string; cible: string; version: string; action: () => unknown }[] = [];
  readonly api: string;
  readonly workbook: ReturnType<ContexteMemoire['classeurProxy']>;

  constructor(
    readonly classeur: ClasseurMemoire,
    private readonly options: OptionsContexte = {},
  ) {
    this.api = options.api ?? '1.13';
    this.workbook = this.classeurProxy();
  }

  async sync(): Promise<void> {
    this.syncs++;
    const file = this.file;
    this.file = [];
    for (const o of file) {
      try {
        if (!auMoins(this.api, o.version)) throw new ErreurExcelSimulee('ApiNotFound', `${o.operation} demande ExcelApi ${o.version}.`);
        const code = this.options.echec?.(o.operation, o.cible);
        if (code) throw new ErreurExcelSimulee(code, `${o.operation} ${o.cible} : échec simulé.`);
        await o.action();
      } catch (e) {
        const err = e instanceof ErreurExcelSimulee ? e : new ErreurExcelSimulee((e as { code?: string }).code ?? 'InvalidArgument', (e as Error).message);
        err.debugInfo = { errorLocation: o.operation };
        throw err;
      }
      this.journal.push(`${o.operation} ${o.cible}`);
    }
  }

  /** ExcelApi sets the host has: what Office.context.requirements.isSetSupported answers. */
  prend(version: string): boolean {
    return auMoins(this.api, version);
  }

  private enfiler(operation: string, cible: string, version: string, action: () => unknown): void {
    this.file.push({ operation, cible, version, action });
  }

  /** Office.js's load(): each property is unreadable until the sync that runs the queued load sets it. */
  private charger<T extends object>(o: T, operation: string, cible: string, version: string, proprietes: Record<string, () => unknown>): T {
    for (const p of Object.keys(proprietes))
      Object.defineProperty(o, p, {
        configurable: true,
        get: () => {
          throw new ErreurExcelSimulee('PropertyNotLoaded', `La propriété « ${p} » n'est pas chargée : appelez load() puis sync().`);
        },
      });
    this.enfiler(operation, cible, version, () => {
      for (const [p, valeur] of Object.entries(proprietes)) Object.defineProperty(o, p, { configurable: true, writable: true, value: valeur() });
    });
    return o;
  }

  private feuille(nom: string): FeuilleMemoire {
    const f = this.classeur.feuille(nom);
    if (!f) throw new ErreurExcelSimulee('ItemNotFound', `Feuille « ${nom} » introuvable.`);
    return f;
  }

  private classeurProxy() {
    const ctx = this;
    const c = this.classeur;
    const worksheets = {
      add: (nom: string) => {
        ctx.enfiler('worksheets.add', nom, exigence('WorksheetCollection', 'add'), () => {
          if (!nom || nom.length > 31 || NOM_FEUILLE_INVALIDE.test(nom) || nom.startsWith("'") || nom.endsWith("'"))
            throw new ErreurExcelSimulee('InvalidArgument', `Nom de feuille invalide : ${nom}`);
          if (c.feuille(nom)) throw new ErreurExcelSimulee('ItemAlreadyExists', `La feuille « ${nom} » existe déjà.`);
          c.ajouterFeuille(nom);
        });
        return ctx.feuilleProxy(nom);
      },
      getItem: (nom: string) => ctx.feuilleProxy(nom),
      getItemOrNullObject: (nom: string) => ({ getUsedRangeOrNullObject: ctx.plageUtilisee(nom) }),
      getActiveWorksheet: () => ctx.feuilleProxy(c.active),
      load(_props?: unknown) {
        return ctx.charger(this, 'worksheets.load', '', exigence('WorksheetCollection', 'items'), {
          items: () => c.feuilles.map((f) => Object.assign(ctx.feuilleProxy(f.nom), { name: f.nom, visibility: f.visibilite })),
        });
      },
    };
    const names = {
      add: (nom: string, reference: string | { _adresse: string }) => {
        ctx.enfiler('names.add', nom, exigence('NamedItemCollection', 'add'), () => {
          if (c.noms.has(nom.toUpperCase())) throw new ErreurExcelSimulee('ItemAlreadyExists', `Le nom « ${nom} » existe déjà.`);
          c.noms.set(nom.toUpperCase(), { nom, reference: typeof reference === 'string' ? reference : `=${reference._adresse}` });
        });
      },
      getItem: (nom: string) => ({
        getRangeOrNullObject: () => ctx.plage(() => c.cibleDuNom(nom), `nom ${nom}`),
        getRange: () => ctx.plage(() => c.cibleDuNom(nom), `nom ${nom}`),
        set formula(reference: string) {
          ctx.enfiler('namedItem.formula', nom, exigence('NamedItem', 'formula'), () => {
            const n = c.noms.get(nom.toUpperCase());
            if (!n) throw new ErreurExcelSimulee('ItemNotFound', `Nom « ${nom} » introuvable.`);
            n.reference = reference;
          });
        },
        delete: () =>
          ctx.enfiler('names.delete', nom, exigence('NamedItem', 'delete'), () => {
            if (!c.noms.delete(nom.toUpperCase())) throw new ErreurExcelSimulee('ItemNotFound', `Nom « ${nom} » introuvable.`);
          }),
      }),
      load(_props?: unknown) {
        return ctx.charger(this, 'names.load', '', exigence('NamedItemCollection', 'items'), {
          items: () => [...c.noms.values()].map((n) => ({ name: n.nom, formula: n.reference, type: c.cibleDuNom(n.nom) ? 'Range' : 'Error' })),
        });
      },
    };
    const application = {
      load(_props?: unknown) {
        return ctx.charger(this, 'application.load', '', exigence('Workbook', 'application', 'calculationMode'), { calculationMode: () => (ctx.options.calculManuel ? 'Manual' : 'Automatic') });
      },
    };
    return {
      worksheets,
      names,
      application,
      getSelectedRange: () =>
        ctx.plage(() => {
          const z = zone(c.selection);
          return z ? { feuille: c.active, z } : null;
        }, 'sélection'),
      insertWorksheetsFromBase64: (base64: string, _options?: { positionType?: string }) => {
        ctx.enfiler('workbook.insertWorksheetsFromBase64', `${Math.round((base64.length * 3) / 4 / 1024)} Ko`, exigence('Workbook', 'insertWorksheetsFromBase64'), async () => {
          await insererFeuillesDuFichier(c, depuisBase64(base64), ctx.options.nomsDuFichier ?? 'importes', ctx.options.web === true);
        });
      },
      load(_props?: unknown) {
        return ctx.charger(this, 'workbook.load', '', exigence('Workbook', 'name'), { name: () => c.nom });
      },
    };
  }

  /** getUsedRangeOrNullObject(valuesOnly) of a sheet: its cells with a value, null when it has none. */
  private plageUtilisee(nom: string) {
    return (_valeursSeules?: boolean) =>
      this.plage(() => {
        const f = this.classeur.feuille(nom);
        const z = f && this.classeur.plageUtilisee(f);
        return f && z ? { feuille: f.nom, z } : null;
      }, `${nom} (plage utilisée)`);
  }

  private feuilleProxy(nom: string) {
    const ctx = this;
    const f = () => ctx.feuille(nom);
    const ws = {
      _nom: nom,
      getUsedRangeOrNullObject: ctx.plageUtilisee(nom),
      set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
        ctx.enfiler('worksheet.visibility', nom, exigence('Worksheet', 'visibility'), () => (f().visibilite = v));
      },
      getRange: (a: string) => ctx.plageProxy(nom, a),
      /**
       * several areas at once (ExcelApi 1.9): only their format is simulated. Excel refuses, at sync
       * and as an invalid argument, a list of addresses over about 8 200 characters (OfficeDev/office-js#5198).
       */
      getRanges: (adresses: string) => {
        const zones = adresses.split(',').map((a) => zone(a));
        if (zones.some((z) => !z)) throw new ErreurExcelSimulee('InvalidArgument', `Adresses invalides : ${adresses}`);
        const cible = `${nom}!${adresses.length > 60 ? `${adresses.slice(0, 60)}… (${adresses.length} caractères)` : adresses}`;
        return {
          _adresse: `${nom}!${adresses}`,
          format: ctx.formatDe(cible, exigence('Worksheet', 'getRanges', 'format'), () => {
            if (adresses.length > LONGUEUR_GETRANGES) throw new ErreurExcelSimulee('InvalidArgument', `getRanges : ${adresses.length} caractères d'adresses, au-delà de ce qu'Excel accepte.`);
            return { f: f(), zones: zones as Zone[] };
          }),
        };
      },
      delete: () => ctx.enfiler('worksheet.delete', nom, exigence('Worksheet', 'delete'), () => (f(), ctx.classeur.supprimerFeuille(nom))),
      activate: () => ctx.enfiler('worksheet.activate', nom, exigence('Worksheet', 'activate'), () => (ctx.classeur.active = f().nom)),
      freezePanes: {
        freezeAt: (r: string | { _adresse: string }) =>
          ctx.enfiler('freezePanes.freezeAt', nom, exigence('Worksheet', 'freezePanes', 'freezeAt'), () => (f().figee = typeof r === 'string' ? r : r._adresse.split('!')[1]!)),
        freezeRows: (n: number) => ctx.enfiler('freezePanes.freezeRows', nom, exigence('Worksheet', 'freezePanes', 'freezeRows'), () => (f().figee = `1:${n}`)),
      },
      protection: {
        protect: (_options?: unknown) => ctx.enfiler('protection.protect', nom, exigence('Worksheet', 'protection', 'protect'), () => (f().protegee = true)),
        unprotect: () => ctx.enfiler('protection.unprotect', nom, exigence('Worksheet', 'protection', 'unprotect'), () => (f().protegee = false)),
        load(_props?: unknown) {
          return ctx.charger(this, 'protection.load', nom, exigence('Worksheet', 'protection', 'protected'), { protected: () => f().protegee });
        },
      },
      notes: {
        add: (r: { _adresse: string }, texte: string) => ctx.enfiler('notes.add', r._adresse, exigence('Worksheet', 'notes', 'add'), () => f().notes.set(r._adresse.split('!')[1]!, texte)),
      },
      tables: {
        add: (a: string | { _adresse: string }, _entete: boolean) => {
          const plage = typeof a === 'string' ? a : a._adresse.split('!')[1]!;
          const t: { nom: string; plage: string; style?: string } = { nom: `Tableau${Math.random().toString(36).slice(2, 7)}`, plage };
          ctx.enfiler('tables.add', `${nom}!${plage}`, exigence('Worksheet', 'tables', 'add'), () => f().tableaux.push(t));
          return {
            set name(v: string) {
              ctx.enfiler('table.name', v, exigence('Table', 'name'), () => (t.nom = v));
            },
            set style(v: string) {
              ctx.enfiler('table.style', v, exigence('Table', 'style'), () => (t.style = v));
            },
          };
        },
      },
      charts: {
        add: (type: string, source: { _adresse: string }, seriesBy: string) => {
          const g: GraphiqueMemoire = { type, source: source._adresse.split('!')[1]!, seriesBy, proprietes: {} };
          ctx.enfiler('charts.add', `${nom}!${g.source}`, exigence('Worksheet', 'charts', 'add'), () => f().graphiques.push(g));
          return ctx.enregistreur('chart', nom, { classe: 'Chart', version: exigence('Worksheet', 'charts', 'add') }, (chemin, v) => (g.proprietes[chemin] = v), {
            'axes.categoryAxis.setCategoryNames': (r: { _adresse: string }) =>
              ctx.enfiler('chart.setCategoryNames', nom, exigence('Chart', 'axes', 'categoryAxis', 'setCategoryNames'), () => (g.categories = r._adresse.split('!')[1])),
            setPosition: (debut: string, fin: string) =>
              ctx.enfiler('chart.setPosition', nom, exigence('Chart', 'setPosition'), () => {
                if (!zone(`${debut}:${fin}`)) throw new ErreurExcelSimulee('InvalidArgument', `Position de graphique invalide : ${debut}:${fin}.`);
                g.position = `${debut}:${fin}`;
              }),
          });
        },
      },
      pageLayout: ctx.enregistreur('pageLayout', nom, { classe: 'PageLayout', version: exigence('Worksheet', 'pageLayout') }, (chemin, v) => (f().miseEnPage[chemin] = v), {
        setPrintTitleRows: (v: unknown) => ctx.enfiler('pageLayout.setPrintTitleRows', nom, exigence('Worksheet', 'pageLayout', 'setPrintTitleRows'), () => (f().miseEnPage.printTitleRows = v)),
        setPrintArea: (v: unknown) => ctx.enfiler('pageLayout.setPrintArea', nom, exigence('Worksheet', 'pageLayout', 'setPrintArea'), () => (f().miseEnPage.printArea = v)),
        setPrintTitleColumns: (v: unknown) =>
          ctx.enfiler('pageLayout.setPrintTitleColumns', nom, exigence('Worksheet', 'pageLayout', 'setPrintTitleColumns'), () => (f().miseEnPage.printTitleColumns = v)),
      }),
      horizontalPageBreaks: {
        add: (r: string) => ctx.enfiler('horizontalPageBreaks.add', `${nom}!${r}`, exigence('Worksheet', 'horizontalPageBreaks', 'add'), () => ((f().miseEnPage.sauts ??= []) as string[]).push(r)),
      },
    };
    return ws;
  }

  /**
   * Records property assignments under a path (« font.bold ») and queues them; `methodes` are the
   * calls it knows. `depart` is the class the path starts from and what reaching it required: an
   * assignment requires that and every member of its path (RangeFormat's « font », then RangeFont's « bold »).
   */
  private enregistreur(
    racine: string,
    cible: string,
    depart: { classe: string; version: string },
    affecter: (chemin: string, v: unknown) => void,
    methodes: Record<string, unknown> = {},
    chemin = '',
  ): Record<string, unknown> {
    return new Proxy({} as Record<string, unknown>, {
      get: (_, p) => {
        const nom = `${chemin}${String(p)}`;
        if (nom in methodes) return methodes[nom];
        return this.enregistreur(racine, cible, depart, affecter, methodes, `${nom}.`);
      },
      set: (_, p, v) => {
        const nom = `${chemin}${String(p)}`;
        this.enfiler(`${racine}.${nom}`, cible, plusHaute(depart.version, exigence(depart.classe, ...nom.split('.'))), () => affecter(nom, v));
        return true;
      },
    });
  }

  /** Every cell of the areas, created if absent; whole rows or columns are refused (never written by io/office). */
  private *cellules(f: FeuilleMemoire, zones: readonly Zone[], cible: string) {
    for (const z of zones) {
      if (z.bas === LIGNES_MAX || z.droite === COLONNES_MAX) throw new ErreurExcelSimulee('InvalidArgument', `Colonnes ou lignes entières non prises en charge ici : ${cible}`);
      for (let l = z.haut; l <= z.bas; l++) for (let k = z.gauche; k <= z.droite; k++) yield { l, k, z, c: this.classeur.cellule(f, l, k) };
    }
  }

  /**
   * A range's format (a Range, or a RangeAreas' several areas): each assignment is one queued
   * command, applied at sync to every cell of every area; edges are each area's own.
   */
  private formatDe(cible: string, version: string, ici: () => { f: FeuilleMemoire; zones: Zone[] }) {
    const depart = { classe: 'RangeFormat', version };
    const ctx = this;
    const cellules = () => {
      const { f, zones } = ici();
      return ctx.cellules(f, zones, cible);
    };
    return ctx.enregistreur(
      'format',
      cible,
      depart,
      (chemin, v) => {
        const { f, zones } = ici();
        for (const z of zones) {
          if (chemin === 'columnWidth') for (let k = z.gauche; k <= Math.min(z.droite, COLONNES_MAX); k++) f.largeurs.set(k, v as number);
          else if (chemin === 'rowHeight') for (let l = z.haut; l <= Math.min(z.bas, LIGNES_MAX); l++) f.hauteurs.set(l, v as number);
        }
        // Excel refuses to format a protected sheet's cells (its protection is set last, after its formats)
        if (f.protegee && chemin !== 'columnWidth' && chemin !== 'rowHeight') throw new ErreurExcelSimulee('AccessDenied', `Feuille « ${f.nom} » protégée : mise en forme refusée.`);
        if (chemin !== 'columnWidth' && chemin !== 'rowHeight') for (const { c } of cellules()) c.style[chemin] = v;
      },
      {
        'borders.getItem': (bord: string) =>
          ctx.enregistreur('format', cible, { classe: 'RangeBorder', version: plusHaute(version, exigence('RangeFormat', 'borders', 'getItem')) }, (chemin, v) => {
            if (chemin === 'style') for (const { l, k, z, c } of cellules()) for (const b of BORDS[bord]!(l, k, z)) c.bords[b] = v as string;
          }),
      },
    );
  }

  /** A range known by its sheet and address, or resolved at sync time (a defined name, a used range). */
  private plageProxy(feuille: string, a: string) {
    const z = zone(a);
    if (!z) throw new ErreurExcelSimulee('InvalidArgument', `Adresse invalide : ${a}`);
    return this.plage(() => ({ feuille, z }), `${feuille}!${adresseZone(z)}`);
  }

  private plage(resoudre: () => { feuille: string; z: Zone } | null, cible: string) {
    const ctx = this;
    const ici = () => {
      const r = resoudre();
      if (!r) throw new ErreurExcelSimulee('InvalidOperation', `Plage nulle : ${cible}`);
      return { f: ctx.feuille(r.feuille), z: r.z };
    };
    const cellules = () => {
      const { f, z } = ici();
      return ctx.cellules(f, [z], cible);
    };
    const matrice = (operation: string, m: unknown[][], poser: (c: ReturnType<ClasseurMemoire['cellule']>, v: unknown) => void) =>
      ctx.enfiler(operation, cible, exigence('Range', operation.replace(/^range\./, '')), () => {
        const { f, z } = ici();
        if (m.length !== z.bas - z.haut + 1 || m.some((r) => r.length !== z.droite - z.gauche + 1))
          throw new ErreurExcelSimulee('InvalidArgument', `${operation} : la matrice ne correspond pas à ${cible}.`);
        // Excel refuses to change a locked cell of a protected sheet (a cell is locked unless unlocked)
        if (f.protegee && operation !== 'range.numberFormat')
          for (let l = z.haut; l <= z.bas; l++)
            for (let k = z.gauche; k <= z.droite; k++)
              if (m[l - z.haut]![k - z.gauche] !== null && f.cellules.get(adresse(l, k))?.style['protection.locked'] !== false)
                throw new ErreurExcelSimulee('AccessDenied', `Feuille « ${f.nom} » protégée : ${adresse(l, k)} est verrouillée.`);
        for (const { l, k, c } of cellules()) poser(c, m[l - z.haut]![k - z.gauche]);
      });
    const ecrire = (c: ReturnType<ClasseurMemoire['cellule']>, v: unknown) => {
      if (v === null) return; // Office.js leaves a cell unchanged for null
      delete c.formule;
      delete c.texteForce;
      Object.assign(c, saisie(v));
    };
    const format = ctx.formatDe(cible, exigence('Range', 'format'), () => {
      const { f, z } = ici();
      return { f, zones: [z] };
    });
    /** Office.js's values: text without its apostrophe, "" for an empty cell, a formula's result (its error's code: « #DIV/0! »). */
    const valeurs = () => {
      const { f, z } = ici();
      const m: unknown[][] = [];
      const calcul = nouveauCalcul(); // each cell this reading depends on, computed once
      for (let l = z.haut; l <= z.bas; l++) {
        const r: unknown[] = [];
        for (let k = z.gauche; k <= z.droite; k++) {
          const c = f.cellules.get(adresse(l, k));
          const v = c?.formule && ctx.options.recalcul && !ctx.options.calculManuel ? valeurCalculee(ctx.classeur, f.nom, l, k, calcul) : c?.valeur;
          r.push(v !== null && typeof v === 'object' && 'erreur' in v ? v.erreur : (v ?? ''));
        }
        m.push(r);
      }
      return m;
    };
    /** Office.js's valueTypes: « Error » for a formula's error. */
    const types = () => {
      const { f, z } = ici();
      return valeurs().map((r, i) =>
        r.map((v, j) => {
          const c = f.cellules.get(adresse(z.haut + i, z.gauche + j));
          if (c?.formule && ctx.options.recalcul && typeof v === 'string' && /^#[A-Z/0!?]+$/.test(v)) return 'Error';
          return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        }),
      );
    };
    const derivee = (calcul: (z: Zone) => Zone) =>
      ctx.plage(() => {
        const r = resoudre();
        return r && { feuille: r.feuille, z: calcul(r.z) };
      }, `${cible}→`);
    const proxy = {
      _adresse: cible,
      _resoudre: resoudre,
      set values(m: unknown[][]) {
        matrice('range.values', m, ecrire);
      },
      set formulas(m: unknown[][]) {
        matrice('range.formulas', m, ecrire);
      },
      set numberFormat(m: unknown[][]) {
        matrice('range.numberFormat', m, (c, v) => {
          if (v !== null) c.format = String(v);
        });
      },
      format,
      /** Range.clear(): values, formulas, formats and styles of its cells go. */
      clear: () =>
        ctx.enfiler('range.clear', cible, exigence('Range', 'clear'), () => {
          const { f } = ici();
          for (const { l, k } of cellules()) f.cellules.delete(adresse(l, k));
        }),
      set columnHidden(v: boolean) {
        ctx.enfiler('range.columnHidden', cible, exigence('Range', 'columnHidden'), () => {
          const { f, z } = ici();
          for (let k = z.gauche; k <= z.droite; k++) if (v) f.masquees.add(k);
        });
      },
      select: () =>
        ctx.enfiler('range.select', cible, exigence('Range', 'select'), () => {
          const { f, z } = ici();
          ctx.classeur.active = f.nom;
          ctx.classeur.selection = adresseZone(z);
        }),
      merge: (_across?: boolean) =>
        ctx.enfiler('range.merge', cible, exigence('Range', 'merge'), () => {
          const { f, z } = ici();
          f.fusions.push(adresseZone(z));
        }),
      dataValidation: {
        set rule(regle: Record<string, unknown>) {
          ctx.enfiler('dataValidation.rule', cible, exigence('Range', 'dataValidation', 'rule'), () => {
            const { f, z } = ici();
            f.validations.push({ plage: adresseZone(z), regle });
          });
        },
        set errorAlert(alerte: Record<string, unknown>) {
          ctx.enfiler('dataValidation.errorAlert', cible, exigence('Range', 'dataValidation', 'errorAlert'), () => {
            const { f, z } = ici();
            const v = [...f.validations].reverse().find((x) => x.plage === adresseZone(z));
            if (!v) throw new ErreurExcelSimulee('InvalidOperation', `Aucune validation sur ${cible}.`);
            v.alerte = alerte;
          });
        },
      },
      conditionalFormats: {
        add: (type: string) => {
          const m: { plage: string; formule: string; fond?: string; couleur?: string } = { plage: '', formule: '' };
          ctx.enfiler('conditionalFormats.add', cible, exigence('Range', 'conditionalFormats', 'add'), () => {
            if (type !== 'Custom') throw new ErreurExcelSimulee('InvalidArgument', `Mise en forme conditionnelle ${type} non prise en charge ici.`);
            const { f, z } = ici();
            m.plage = adresseZone(z);
            f.misesEnForme.push(m);
          });
          return {
            custom: ctx.enregistreur('conditionalFormat.custom', cible, { classe: 'CustomConditionalFormat', version: exigence('Range', 'conditionalFormats', 'add', 'custom') }, (chemin, v) => {
              if (chemin === 'rule.formula') m.formule = String(v);
              else if (chemin === 'format.fill.color') m.fond = String(v);
              else if (chemin === 'format.font.color') m.couleur = String(v);
            }),
          };
        },
      },
      getIntersectionOrNullObject: (autre: { _resoudre: () => { feuille: string; z: Zone } | null }) =>
        ctx.plage(() => {
          const [a, b] = [resoudre(), autre._resoudre()];
          if (!a || !b || a.feuille.toUpperCase() !== b.feuille.toUpperCase()) return null;
          const z = { haut: Math.max(a.z.haut, b.z.haut), gauche: Math.max(a.z.gauche, b.z.gauche), bas: Math.min(a.z.bas, b.z.bas), droite: Math.min(a.z.droite, b.z.droite) };
          return z.haut <= z.bas && z.gauche <= z.droite ? { feuille: a.feuille, z } : null;
        }, `${cible}∩`),
      getOffsetRange: (lignes: number, colonnes: number) => derivee((z) => ({ haut: z.haut + lignes, bas: z.bas + lignes, gauche: z.gauche + colonnes, droite: z.droite + colonnes })),
      getAbsoluteResizedRange: (lignes: number, colonnes: number) => derivee((z) => ({ ...z, bas: z.haut + lignes - 1, droite: z.gauche + colonnes - 1 })),
      /** the merged ranges that meet this one, as Office.js's RangeAreas (ExcelApi 1.13) */
      getMergedAreasOrNullObject: () => {
        const aires = {
          load(_props?: unknown) {
            const calcul = () => {
              const { f, z } = ici();
              return f.fusions
                .filter((m) => {
                  const x = zone(m)!;
                  return x.haut <= z.bas && x.bas >= z.haut && x.gauche <= z.droite && x.droite >= z.gauche;
                })
                .map((m) => `${f.nom}!${m}`);
            };
            return ctx.charger(this, 'range.getMergedAreasOrNullObject', cible, exigence('Range', 'getMergedAreasOrNullObject', 'address'), {
              isNullObject: () => calcul().length === 0,
              address: () => calcul().join(','),
            });
          },
        };
        return aires;
      },
      /** reads: values (and their types and number formats), the address; a null range (a broken name) says so */
      load(_props?: unknown) {
        return ctx.charger(this, 'range.load', cible, ensemble('Range', 'values', 'valueTypes', 'numberFormat', 'formulas', 'address'), {
          isNullObject: () => resoudre() === null,
          values: () => (resoudre() ? valeurs() : []),
          // a formula's text, a constant's value, "" for an empty cell (as Office.js gives them)
          formulas: () => {
            if (!resoudre()) return [];
            const { f, z } = ici();
            return Array.from({ length: z.bas - z.haut + 1 }, (_, i) =>
              Array.from({ length: z.droite - z.gauche + 1 }, (_, j) => {
                const c = f.cellules.get(adresse(z.haut + i, z.gauche + j));
                return c?.formule ?? c?.valeur ?? '';
              }),
            );
          },
          valueTypes: () => (resoudre() ? types() : []),
          numberFormat: () => {
            if (!resoudre()) return [];
            const { f, z } = ici();
            return Array.from({ length: z.bas - z.haut + 1 }, (_, i) =>
              Array.from({ length: z.droite - z.gauche + 1 }, (_, j) => f.cellules.get(adresse(z.haut + i, z.gauche + j))?.format ?? 'General'),
            );
          },
          address: () => {
            const r = resoudre();
            return r ? `${/^[A-Za-z0-9_.]+$/.test(r.feuille) ? r.feuille : `'${r.feuille.replace(/'/g, "''")}'`}!${adresseZone(r.z)}` : '';
          },
        });
      },
    };
    return proxy;
  }
}
