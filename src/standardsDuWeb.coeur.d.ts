/**
 * What the pure layers may use beyond ECMAScript: the Web standards both hosts have (Node ≥ 16 and
 * every browser Office supports). Read only by tsconfig.coeur.json, which gives the core neither
 * Node's types nor the DOM's nor Office.js's: a call to `process`, `Buffer`, `document` or `Excel`
 * from domain/, referentiel/, sheets/, check/, consolidate/, exercices/ or the use cases of app/
 * (with the ports and codecs they may use) does not compile there.
 */
declare class TextEncoder {
  encode(texte?: string): Uint8Array;
}
declare function btoa(donnees: string): string;
declare function atob(donnees: string): string;
declare class TextDecoder {
  constructor(etiquette?: string, options?: { fatal?: boolean });
  decode(octets?: Uint8Array): string;
}
