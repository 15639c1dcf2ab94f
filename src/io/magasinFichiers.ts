import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fusionner, type Bande, type Enregistrement, type Magasin, type Tri } from '../consolidate/bandes';

const SAUT = 0x0a;

/** At most this many bytes for a line of `texte` in UTF-8 (3 per UTF-16 unit) and its line break. */
const octetsAuPlus = (texte: string) => 3 * texte.length + 1;

/** Writes `texte` and a line break into `tampon` at `position` (room checked by the caller with `octetsAuPlus`); the position after. */
function ecrireLigneDans(tampon: Buffer, position: number, texte: string): number {
  const fin = position + tampon.write(texte, position);
  tampon[fin] = SAUT;
  return fin + 1;
}

/**
 * A file of one JSON line per record, written through a buffer and created on the first full
 * buffer (a short one never touches the disk). JSON escapes every newline inside a string, so a
 * line break is always a record's end, whatever the bytes around it.
 */
class FichierDeLignes {
  private fd: number | null = null;
  private tampon: Buffer;
  private plein = 0;
  private ferme = false;

  constructor(
    private readonly chemin: () => string,
    private readonly taille: number,
  ) {
    this.tampon = Buffer.allocUnsafe(taille);
  }

  /** Appends bytes (whole lines) through the buffer. */
  ecrire(octets: Buffer, debut = 0, fin = octets.length): void {
    if (this.plein + fin - debut > this.tampon.length) this.vider();
    if (fin - debut > this.tampon.length) this.ecrireDirect(octets.subarray(debut, fin));
    else this.plein += octets.copy(this.tampon, this.plein, debut, fin);
  }

  /** Appends a line of text, encoded straight into the buffer (a Buffer per line was as much garbage outside the heap as the evidence). */
  ecrireLigne(texte: string): void {
    const auPlus = octetsAuPlus(texte);
    if (this.plein + auPlus > this.tampon.length) this.vider();
    if (auPlus > this.tampon.length) return this.ecrireDirect(Buffer.from(texte + '\n'));
    this.plein = ecrireLigneDans(this.tampon, this.plein, texte);
  }

  private ecrireDirect(octets: Buffer): void {
    this.fd ??= openSync(this.chemin(), 'wx+', 0o600);
    for (let fait = 0; fait < octets.length;) fait += writeSync(this.fd, octets, fait);
  }

  private vider(): void {
    if (this.plein) this.ecrireDirect(this.tampon.subarray(0, this.plein));
    this.plein = 0;
  }

  /** The writing is over: the buffer goes to the file, if there is one, and is let go. */
  clore(): void {
    if (this.fd !== null) {
      this.vider();
      this.tampon = Buffer.alloc(0);
    }
  }

  *lignes(): Generator<Enregistrement> {
    if (this.ferme) throw new Error('Bande de consolidation déjà effacée.');
    if (this.fd !== null) {
      // one buffer, the unfinished line moved to its start before each read (a merge reads every run
      // at once: 64 KB each is enough to read fast); doubled for a line longer than it
      let tampon = Buffer.allocUnsafe(Math.min(this.taille, 1 << 16));
      let debut = 0;
      let fin = 0;
      for (let position = 0; ;) {
        if (debut > 0) {
          tampon.copyWithin(0, debut, fin);
          [debut, fin] = [0, fin - debut];
        } else if (fin === tampon.length) tampon = Buffer.concat([tampon, Buffer.allocUnsafe(tampon.length)]);
        const lus = readSync(this.fd, tampon, fin, tampon.length - fin, position);
        if (!lus) break;
        position += lus;
        fin += lus;
        for (let saut = tampon.indexOf(SAUT, debut); saut >= 0 && saut < fin; saut = tampon.indexOf(SAUT, debut)) {
          yield JSON.parse(tampon.toString('utf8', debut, saut)) as Enregistrement;
          debut = saut + 1;
        }
      }
    }
    let debut = 0;
    for (let fin = this.tampon.indexOf(SAUT); fin >= 0 && fin < this.plein; fin = this.tampon.indexOf(SAUT, debut)) {
      yield JSON.parse(this.tampon.toString('utf8', debut, fin)) as Enregistrement;
      debut = fin + 1;
    }
  }

  fermer(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.tampon = Buffer.alloc(0);
    this.plein = 0;
    this.ferme = true;
  }
}

class BandeFichier implements Bande {
  private n = 0;
  constructor(private readonly f: FichierDeLignes) {}
  ajouter(x: Enregistrement): void {
    this.f.ecrireLigne(JSON.stringify(x));
    this.n++;
  }
  clore(): void {
    this.f.clore();
  }
  get nombre(): number {
    return this.n;
  }
  lire(): Iterable<Enregistrement> {
    return this.f.lignes();
  }
}

/**
 * An external merge sort whose buffer is bytes: each record is encoded as it comes and copied into
 * one buffer (its offset and key in typed arrays), so nothing of it stays on the JavaScript heap
 * (records kept as objects until their run was written outlived the young generation, and the heap
 * grew by as much as the evidence itself). A full buffer is ordered by key and written as a run.
 */
class TriFichier implements Tri {
  private octets: Buffer;
  private debuts: Int32Array;
  private cles: Int32Array;
  private n = 0;
  private plein = 0;
  private readonly series: FichierDeLignes[] = [];

  constructor(
    private readonly comparer: (a: number, b: number) => number,
    private readonly serie: () => FichierDeLignes,
    taille: number,
    capacite: number,
  ) {
    this.octets = Buffer.allocUnsafe(taille);
    this.debuts = new Int32Array(capacite + 1);
    this.cles = new Int32Array(capacite);
  }

  ajouter(x: Enregistrement): void {
    const l = JSON.stringify(x);
    const auPlus = octetsAuPlus(l);
    if (this.n === this.cles.length || this.plein + auPlus > this.octets.length) this.ecrireSerie();
    if (auPlus > this.octets.length) this.octets = Buffer.allocUnsafe(auPlus);
    this.debuts[this.n] = this.plein;
    this.cles[this.n++] = x[0] as number;
    this.plein = ecrireLigneDans(this.octets, this.plein, l);
  }

  private ecrireSerie(): void {
    if (!this.n) return;
    this.debuts[this.n] = this.plein;
    const ordre = Array.from({ length: this.n }, (_, i) => i).sort((i, j) => this.comparer(this.cles[i]!, this.cles[j]!) || i - j);
    const s = this.serie();
    for (const i of ordre) s.ecrire(this.octets, this.debuts[i]!, this.debuts[i + 1]!);
    s.clore();
    this.series.push(s);
    this.n = 0;
    this.plein = 0;
  }

  trie(): Iterable<Enregistrement> {
    this.ecrireSerie();
    this.octets = Buffer.alloc(0);
    return fusionner(
      this.series.map((s) => s.lignes()),
      this.comparer,
    );
  }
}

/**
 * Bandes and sorts in a private temporary folder (mode 700, files 600), removed by `fermer`, or
 * when the process ends or is interrupted first: the evidence of a class (students' names and
 * levels) is on disk only while the class workbook is being written. `taille`: bytes buffered per file, and per sorted run; `capacite`: records per run.
 */
export function magasinFichiers(taille = 1 << 15, capacite = 20_000): Magasin {
  let dossier: string | null = null;
  let k = 0;
  const fichiers: FichierDeLignes[] = [];
  const effacer = () => {
    process.off('exit', effacer);
    process.off('SIGINT', interrompre);
    process.off('SIGTERM', interrompre);
    if (dossier) rmSync(dossier, { recursive: true, force: true });
    dossier = null;
  };
  // stopped by Ctrl+C or a kill, the folder goes too; then the signal does what it would have done
  const interrompre = (signal: NodeJS.Signals) => {
    effacer();
    process.kill(process.pid, signal);
  };
  const chemin = () => {
    if (!dossier) {
      dossier = mkdtempSync(path.join(os.tmpdir(), 'agora-consolidation-'));
      process.once('exit', effacer);
      process.once('SIGINT', interrompre);
      process.once('SIGTERM', interrompre);
    }
    return path.join(dossier, `bande-${++k}.jsonl`);
  };
  const fichier = (t: number) => {
    const f = new FichierDeLignes(chemin, t);
    fichiers.push(f);
    return f;
  };
  return {
    bande: () => new BandeFichier(fichier(taille)),
    // a run's bytes: about 200 per piece of evidence
    tri: (comparer) => new TriFichier(comparer, () => fichier(taille), Math.max(taille, capacite * 256), capacite),
    fermer() {
      for (const f of fichiers) f.fermer();
      effacer();
    },
  };
}
