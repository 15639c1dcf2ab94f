import { ErreurExcel } from './erreurs';
import { tailleEnClair } from '../../domain/texte';

/**
 * How big the request of a batch of writes will be, before it is sent. Excel on the web refuses a
 * request above 5 MB (RequestPayloadSizeLimitExceeded), and only after the round trip; estimating
 * first lets an insertion too big for one request be cut before anything is written.
 *
 * The writes are played against a stand-in workbook that keeps no state and only counts what
 * Office.js would put in the request: an object path for each object reached (a sheet, a range, its
 * format…), an action for each property set or method called, and their arguments as JSON. The byte
 * figures below were measured on requests built by Microsoft's own Excel runtime (tests compare the
 * estimate with them for every grid and exercise).
 */
const CHEMIN = 130; // a property reached (« format », « font »): its object path and the action that instantiates it
const APPEL = 155; // a method called (getRange, add…): its object path or action, and the instantiation
const AFFECTATION = 120; // a property set: the action, its name and the paths it depends on

/** What the pane lets one request carry on Excel on the web: its 5 MB limit, less a margin for the estimate. */
export const CHARGE_EXCEL_WEB = 4_500_000;

const tailleJson = (v: unknown) => JSON.stringify(v)?.length ?? 0;

/** The estimated size, in bytes, of the request `ecrire` would queue. */
export function chargeEstimee(ecrire: (wb: Excel.Workbook) => void): number {
  let octets = 0;
  // `atteint`: its path already counted (what a method returns)
  const objet = (atteint = false): object => {
    const enfants = new Map<PropertyKey, object>();
    const atteindre = () => {
      if (!atteint) octets += CHEMIN;
      atteint = true;
    };
    return new Proxy(function () {}, {
      get(_, p) {
        atteindre();
        return enfants.get(p) ?? enfants.set(p, objet()).get(p);
      },
      set(_, _p, v) {
        atteindre();
        octets += AFFECTATION + tailleJson(v);
        return true;
      },
      // a method: reaching its name made no object path, calling it does
      apply(_, __, args) {
        octets += APPEL + tailleJson(args);
        return objet(true);
      },
    });
  };
  ecrire(objet() as Excel.Workbook);
  return octets;
}

/** An insertion refused before anything was written: one request would carry `charge` bytes, more than `maximum`. */
export class ChargeTropLourde extends ErreurExcel {
  constructor(
    action: string,
    readonly charge: number,
    readonly maximum: number,
  ) {
    super(
      `${action} : trop volumineuse pour Excel sur le web (environ ${tailleEnClair(charge)} pour ${tailleEnClair(maximum)} au plus) ; insérez moins d'élèves à la fois ; rien n'a été modifié.`,
      'RequestPayloadSizeLimitExceeded',
    );
  }
}
