import { competences, referentielCite } from '../src/referentiel';
import { CAPITALES_ACCENTUEES } from '../src/referentiel/typographie';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOSSIER_PARTAGE, estCite, lireSource, normaliser } from './aides/sources';

const r = referentielCite();
const src = Object.fromEntries(['000', '001', '002', '003', '004'].map((id) => [id, normaliser(lireSource(id))])) as Record<string, string>;

describe('référentiel AGOrA : conforme aux textes officiels', () => {
  test('les codes et libellés des 37 compétences des grilles PFMP (002) sont ceux des données', () => {
    // Parse 002 itself: each competence row is "…<TAB>code<TAB>libellé<TAB>critères…"
    const lignes = [...lireSource('002').matchAll(/\t(\d\.\d\.\d)\t([^\t]+)\t/g)].map((m) => ({ code: m[1]!, libelle: m[2]!.trim() }));
    expect(lignes).toHaveLength(37);
    const donnees = competences(r);
    expect(donnees.map((c) => c.code)).toEqual(lignes.map((l) => l.code));
    for (const l of lignes) {
      const c = donnees.find((x) => x.code === l.code)!;
      const lus = [c.libelle, ...c.variantes.filter((v) => v.source === '002').map((v) => v.texte)];
      expect(lus).toContain(l.libelle);
    }
  });

  test("les libellés retenus sont ceux de l'arrêté (annexe I b), dans l'ordre de chaque activité", () => {
    const arrete = lireSource('003');
    const annexe = arrete.slice(arrete.indexOf('#### Compétences et savoirs associés'), arrete.indexOf('### ANNEXE II\n'));
    for (const b of r.blocs)
      for (const a of b.activites) {
        const debut = annexe.indexOf(`\n${a.code}. ${a.libelle}\t`);
        expect(debut).toBeGreaterThan(0);
        let pos = debut;
        for (const c of a.competences) {
          const p = annexe.indexOf(`<li>- ${c.libelle}</li>`, pos);
          expect({ code: c.code, trouve: p > pos }).toEqual({ code: c.code, trouve: true });
          pos = p;
        }
      }
  });

  test("chaque critère est un indicateur de son activité dans l'arrêté", () => {
    for (const b of r.blocs)
      for (const a of b.activites)
        for (const c of a.competences) for (const k of c.criteres) expect({ c: c.code, k: k.libelle, ok: a.indicateurs.some((i) => i.startsWith(k.libelle)) }).toMatchObject({ ok: true });
  });

  test('chaque texte cité se trouve mot pour mot dans sa source', () => {
    const nonCites: string[] = [];
    let n = 0;
    const v = (id: string, t: string, ou: string) => {
      n++;
      if (!estCite(t, src[id]!)) nonCites.push(`${ou} [${id}] ${t}`);
    };
    for (const b of r.blocs) {
      v('003', b.libelle, `bloc ${b.code}`);
      v('003', b.pole.libelle, `pôle ${b.code}`);
      for (const s of b.savoirsAssocies) {
        v('003', s.categorie, `savoirs ${b.code}`);
        s.savoirs.forEach((x) => v('003', x, `savoirs ${b.code}`));
        s.indicationsComplementaires.forEach((x) => v('003', x, `indications ${b.code}`));
      }
      for (const a of b.activites) {
        v('003', a.libelle, a.code);
        [...a.taches, ...a.indicateurs].forEach((x) => v('003', x, a.code));
        a.pix.forEach((p) => v('000', p.libelle, a.code));
        a.variantes.forEach((x) => v(x.source, x.texte, a.code));
        for (const c of a.competences) {
          v('003', c.libelle, c.code);
          c.taches.forEach((x) => v('003', x, c.code));
          c.variantes.forEach((x) => v(x.source, x.texte, c.code));
          c.criteres.forEach((k) => {
            v('003', k.libelle, c.code);
            k.variantes.forEach((x) => v(x.source, x.texte, c.code));
          });
          for (const s of c.situations) [s.libelle, s.attendu, ...s.criteres, ...s.complexite, ...s.aleas].forEach((x) => v('001', x, s.code));
        }
      }
    }
    for (const e of r.epreuves) {
      v('003', e.libelle, e.code);
      [e.ccf.description, e.ccf.regleCouverture, e.ccf.commission, e.ponctuel.description].forEach((x) => x && v('003', x, e.code));
    }
    Object.values(r.pfmp.textes).forEach((x) => v('003', x, 'PFMP'));
    expect(nonCites).toEqual([]);
    expect(n).toBeGreaterThan(850);
  });

  test("chaque mot que l'arrêté écrit sans accent sur la capitale et qu'un texte officiel accentue est dans la table des capitales accentuées", () => {
    // (The table also holds words no official text happens to accent, « Étude », « Écart », « À ».)
    const mots = new Set(JSON.stringify(r).match(/(?<![\p{L}])E\p{Ll}+/gu));
    const officiels = Object.values(src).join(' ');
    const accentues = [...mots].filter((m) => new RegExp(`(?<![\\p{L}])É${m.slice(1)}(?![\\p{L}])`, 'u').test(officiels));
    expect(Object.keys(CAPITALES_ACCENTUEES)).toEqual(expect.arrayContaining(accentues));
    expect(accentues).toContain('Etablir');
  });

  test('la copie des textes officiels du dépôt est celle du dossier partagé, octet pour octet (quand il est à côté)', () => {
    if (!existsSync(DOSSIER_PARTAGE)) return; // a clone alone: the copy is the reference
    const fichiers = (d: string) =>
      readdirSync(d)
        .filter((f) => f !== 'PROVENANCE.md')
        .sort();
    expect(fichiers(path.resolve(__dirname, '..', 'sources', 'referentiel'))).toEqual(fichiers(DOSSIER_PARTAGE));
    for (const f of fichiers(DOSSIER_PARTAGE)) expect(readFileSync(path.resolve(__dirname, '..', 'sources', 'referentiel', f), 'utf8')).toBe(readFileSync(path.join(DOSSIER_PARTAGE, f), 'utf8'));
  });

  test('la vérification mot pour mot sait échouer', () => {
    expect(estCite('Établir un état de rapprochement', src['002']!)).toBe(true);
    expect(estCite('Établir un état de rapprochemant', src['002']!)).toBe(false);
    expect(estCite('Déterminer les éléments nécessaires à la déclaration de TVA', src['003']!)).toBe(false);
  });
});
