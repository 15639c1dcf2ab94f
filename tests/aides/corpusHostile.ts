import { constants, deflateRawSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { ecrireZip, type EntreeEcrite } from '../../src/io/xlsx/zipNode';

/**
 * Hostile workbooks, generated (never committed): what a student who wants to break the class's
 * batch could hand in. Each case is built from a genuine workbook by rewriting its package, or
 * written byte by byte when it must lie about itself (zip bombs).
 */

type EntreeBrute = Omit<EntreeEcrite, 'crc'>;

/** A zip written entry by entry, with whatever sizes it is told to declare (CRCs left 0: our reader does not check them). */
export const zipBrut = (entrees: readonly EntreeBrute[]): Buffer => ecrireZip(entrees.map((e) => ({ ...e, crc: 0 })));

/**
 * A raw deflate stream of `prefixe`, then `motif` × `repetitions`, then `suffixe`, built without
 * ever holding the inflated text: each piece is flushed fully (the compressor forgets its window),
 * so the bytes of the repeated piece are the same every time and can simply be repeated.
 */
export function deflateRepete(prefixe: string, motif: string, repetitions: number, suffixe: string): { donnees: Buffer; taille: number } {
  const plein = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const morceau = plein(motif);
  const donnees = Buffer.concat([plein(prefixe), ...Array.from({ length: repetitions }, () => morceau), deflateRawSync(Buffer.from(suffixe, 'utf8'))]);
  return { donnees, taille: Buffer.byteLength(prefixe) + Buffer.byteLength(motif) * repetitions + Buffer.byteLength(suffixe) };
}

/** A genuine workbook's package as plain entries (all deflated again), to be rebuilt around a bomb. */
export async function entreesDe(xlsx: Buffer): Promise<EntreeBrute[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const entrees: EntreeBrute[] = [];
  for (const nom of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    const b = await zip.file(nom)!.async('nodebuffer');
    entrees.push({ nom, donnees: deflateRawSync(b), methode: 8, taille: b.length });
  }
  return entrees;
}

/** Rewrites some parts of a package (a function of the part's text) and zips it again. */
export async function modifierParties(xlsx: Buffer, modifs: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [chemin, f] of Object.entries(modifs)) {
    const xml = await zip.file(chemin)?.async('string');
    if (xml === undefined) throw new Error(`partie absente : ${chemin}`);
    zip.file(chemin, f(xml));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The package path of a sheet, by its name (workbook.xml and its relationships). */
export async function partieDeLaFeuille(xlsx: Buffer, feuille: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const classeur = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const echappe = feuille.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const id = new RegExp(`<sheet\\b[^>]*name="(?:${feuille.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${echappe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"[^>]*r:id="([^"]+)"`).exec(classeur)?.[1];
  const cible = id && new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!cible) throw new Error(`feuille absente : ${feuille}`);
  return cible.startsWith('/') ? cible.slice(1) : `xl/${cible}`;
}

/** Points an existing defined name somewhere else. */
export const renommerCible = (nom: string, reference: string) => (xml: string) => {
  const apres = xml.replace(new RegExp(`(<definedName\\b[^>]*name="${nom}"[^>]*>)[^<]*(</definedName>)`), (_, a: string, b: string) => a + reference + b);
  if (apres === xml) throw new Error(`nom absent : ${nom}`);
  return apres;
};

export interface CasHostile {
  nom: string;
  /** writes the hostile file at `chemin` */
  ecrire(chemin: string): Promise<void>;
  /** what `agora verifier --out-dir` must say of it (exit 1), or 'lu' when it is read and annotated safely */
  verifier: RegExp | 'lu';
  /** what consolidation must put in « Anomalies », or 'lu' when the lean reader reads it safely */
  consolider: RegExp | 'lu';
}

const GIO = 1 << 30;
const ENDOMMAGE = /est un classeur endommagé ou illisible : ouvrez-le dans Excel et enregistrez-le à nouveau\./;
const SUSPECT = (raison: string) => new RegExp(`est un classeur suspect \\(${raison}\\) : il n'a pas été lu\\.`);

/**
 * The corpus, from a genuine checked exercise copy (`copie`, with `nomReponse` one of its answers
 * on the sheet `travail`) and a genuine grids workbook (`grilles`).
 */
export function corpusHostile(b: { copie: Buffer; nomReponse: string; travail: string; grilles: Buffer }): CasHostile[] {
  const ecrit = (f: () => Promise<Buffer> | Buffer) => async (chemin: string) => writeFileSync(chemin, await f());
  const dansFeuille = (xlsx: Buffer, feuille: string, f: (xml: string) => string) => async () => modifierParties(xlsx, { [await partieDeLaFeuille(xlsx, feuille)]: f });
  const travail = `'${b.travail.replace(/'/g, "''")}'`;
  const bombe = async (chemin: string, motif: string, mentir: boolean) => {
    const entrees = await entreesDe(b.copie);
    const i = entrees.findIndex((e) => e.nom === chemin);
    const d = deflateRepete(
      i >= 0 ? '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' : '',
      motif,
      Math.floor((2 * GIO) / motif.length) - 1,
      i >= 0 ? '</t></si></sst>' : '',
    );
    const e = { nom: chemin, donnees: d.donnees, methode: 8 as const, taille: mentir ? 1000 : Math.min(d.taille, 0xfffffffe) };
    if (i >= 0) entrees[i] = e;
    else entrees.push(e);
    return zipBrut(entrees);
  };
  const nomTrop = (nom: string) => new RegExp(`a été modifié : le nom défini « ${nom} » couvre 17\u202f179\u202f869\u202f184 cellules`);
  const nomGrille = async () => {
    const zip = await JSZip.loadAsync(b.grilles);
    const classeur = await zip.file('xl/workbook.xml')!.async('string');
    return /<definedName\b[^>]*name="([^"]*_A\d+_\d+)"[^>]*>('[^']+'|[^!]+)!/.exec(classeur)!;
  };
  return [
    {
      nom: 'nom défini sur toute la feuille',
      ecrire: ecrit(() => modifierParties(b.copie, { 'xl/workbook.xml': renommerCible(b.nomReponse, `${travail}!$A$1:$XFD$1048576`) })),
      verifier: nomTrop(b.nomReponse),
      consolider: 'lu',
    },
    {
      nom: 'nom défini inversé',
      ecrire: ecrit(() => modifierParties(b.copie, { 'xl/workbook.xml': renommerCible(b.nomReponse, `${travail}!$XFD$1048576:$A$1`) })),
      verifier: nomTrop(b.nomReponse),
      consolider: 'lu',
    },
    {
      nom: 'fusion de toute la feuille',
      ecrire: ecrit(
        dansFeuille(b.copie, b.travail, (x) =>
          x.includes('<mergeCells')
            ? x.replace(/<mergeCells\b[^>]*>/, '$&<mergeCell ref="A1:XFD1048576"/>')
            : x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
        ),
      ),
      verifier: SUSPECT('une fusion couvre 17\u202f179\u202f869\u202f184 cellules'),
      consolider: 'lu',
    },
    {
      nom: 'feuille de 1 048 576 lignes',
      ecrire: ecrit(
        dansFeuille(b.copie, b.travail, (x) => {
          const lignes: string[] = [];
          for (let l = 1000; l <= 1_048_576; l++) lignes.push(`<row r="${l}"><c r="A${l}"><v>${l}</v></c></row>`);
          return x.replace('</sheetData>', `${lignes.join('')}</sheetData>`);
        }),
      ),
      verifier: SUSPECT('plus de 500\u202f000 cellules'),
      consolider: 'lu',
    },
    {
      nom: 'colonne ZZZZ',
      ecrire: ecrit(dansFeuille(b.copie, b.travail, (x) => x.replace('</sheetData>', '<row r="1048000"><c r="ZZZZ1048000"><v>1</v></c></row></sheetData>'))),
      verifier: ENDOMMAGE,
      // in a row no name reaches: consolidation skips the row unread, as it leaves unread a sheet no name points into
      consolider: 'lu',
    },
    {
      nom: 'colonne ZZZZZZZZZZZZ',
      ecrire: ecrit(dansFeuille(b.copie, '_agora', (x) => x.replace(/<c r="A1"/, '<c r="ZZZZZZZZZZZZ1"><v>1</v></c><c r="A1"'))),
      verifier: ENDOMMAGE,
      consolider: ENDOMMAGE,
    },
    {
      nom: 'entité externe (XXE)',
      ecrire: ecrit(() =>
        modifierParties(b.copie, {
          'xl/sharedStrings.xml': (x) => x.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(/<t>[^<]*<\/t>/, '<t>&xxe;</t>'),
        }),
      ),
      verifier: ENDOMMAGE,
      consolider: ENDOMMAGE,
    },
    {
      nom: 'milliard de rires',
      ecrire: ecrit(() =>
        modifierParties(b.copie, {
          'xl/workbook.xml': (x) =>
            x
              .replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE workbook [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]>`)
              .replace(/(<definedName\b[^>]*>)/, '$1&l9;'),
        }),
      ),
      verifier: ENDOMMAGE,
      consolider: ENDOMMAGE,
    },
    {
      nom: '200 000 éléments imbriqués dans une cellule',
      ecrire: ecrit(
        dansFeuille(b.copie, b.travail, (x) => x.replace('</sheetData>', `<row r="999"><c r="A999" t="inlineStr"><is>${'<r>'.repeat(200_000)}${'</r>'.repeat(200_000)}</is></c></row></sheetData>`)),
      ),
      verifier: ENDOMMAGE,
      consolider: 'lu',
    },
    {
      nom: '200 000 éléments imbriqués dans les chaînes partagées',
      ecrire: ecrit(() => modifierParties(b.copie, { 'xl/sharedStrings.xml': (x) => x.replace('</sst>', `<si>${'<r>'.repeat(200_000)}${'</r>'.repeat(200_000)}</si></sst>`) })),
      verifier: 'lu',
      consolider: 'lu',
    },
    {
      nom: 'caractère hors Unicode',
      ecrire: ecrit(() => modifierParties(b.copie, { 'xl/sharedStrings.xml': (x) => x.replace(/<t>[^<]*<\/t>/, '<t>&#x110000;</t>') })),
      verifier: ENDOMMAGE,
      consolider: ENDOMMAGE,
    },
    {
      nom: 'bombe dans les chaînes partagées',
      ecrire: ecrit(() => bombe('xl/sharedStrings.xml', 'A'.repeat(1 << 20), false)),
      verifier: SUSPECT('plus de 128 Mo une fois décompressé'),
      consolider: SUSPECT('plus de 128 Mo une fois décompressé'),
    },
    {
      nom: 'bombe qui ment sur sa taille',
      ecrire: ecrit(() => bombe('xl/sharedStrings.xml', 'A'.repeat(1 << 20), true)),
      verifier: SUSPECT("une partie dépasse la taille qu'elle annonce"),
      consolider: SUSPECT("une partie dépasse la taille qu'elle annonce"),
    },
    {
      nom: 'bombe dans une partie que rien ne lit',
      ecrire: ecrit(() => bombe('docProps/bombe.xml', '\0'.repeat(1 << 20), false)),
      verifier: SUSPECT('plus de 128 Mo une fois décompressé'),
      consolider: SUSPECT('plus de 128 Mo une fois décompressé'),
    },
    {
      nom: 'grille : nom défini sur toute la feuille',
      ecrire: ecrit(async () => {
        const [, nom, feuille] = await nomGrille();
        return modifierParties(b.grilles, { 'xl/workbook.xml': renommerCible(nom!, `${feuille}!$A$1:$XFD$1048576`) });
      }),
      verifier: /n'est pas un exercice créé par AGOrA pour Excel/,
      consolider: /a été modifié : le nom défini « PFMP1_A1_1 » couvre 17\u202f179\u202f869\u202f184 cellules de la feuille « PFMP pôle 1 »/,
    },
  ];
}
