import path from 'node:path';
import { existsSync } from 'node:fs';
import { classeursNommes, ErreurFichier } from '../../io/fichiers';
import { analyser, ErreurUsage } from '../arguments';
import { aujourdhui } from '../../domain/dates';
import { type Progression } from '../../app/consolidation';
import { consoliderClasseurs } from '../casDUsage';
import { accorder } from '../../domain/texte';
import { LIBELLES_METHODES, METHODES, type Methode } from '../../consolidate/agregation';
import { cheminCle, lireCle } from '../../io/cleEnseignant';
import type { Sorties } from '../sorties';
import { lieuDesAnomalies, regrouperAnomalies } from '../../consolidate/preuves';

/** A bar redrawn on the terminal; nothing when the output is a file or a pipe. */
function barreDeProgression(s: Sorties, actif: boolean): ((p: Progression) => void) | undefined {
  if (!actif) return undefined;
  return (p) => {
    const largeur = 30;
    const plein = Math.round((largeur * p.fait) / p.total);
    s.err(`\r[${'#'.repeat(plein)}${'.'.repeat(largeur - plein)}] ${p.fait}/${p.total} classeurs lus${p.fait === p.total ? '\n' : ''}`);
  };
}

export async function cmdConsolider(args: string[], s: Sorties, terminal = Boolean(process.stderr.isTTY)): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json', '--remplacer'], valeurs: ['--out', '--methode', '--lsl', '--cle'] });
  if (!o.positionnels.length) throw new ErreurUsage('Précisez le dossier ou les classeurs à consolider : agora consolider DOSSIER --out CLASSE.xlsx.');
  const sortie = o.valeurs.get('--out');
  if (!sortie || !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Précisez le classeur de la classe à écrire : --out CLASSE.xlsx${sortie ? ` (et non « ${sortie} »)` : ''}.`);
  const methode = o.valeurs.get('--methode') ?? 'recente';
  if (!(METHODES as readonly string[]).includes(methode)) throw new ErreurUsage(`--methode attend ${METHODES.join(', ')} : « ${methode} ».`);
  const lsl = o.valeurs.get('--lsl');
  if (lsl && !lsl.toLowerCase().endsWith('.csv')) throw new ErreurUsage(`Le fichier du livret doit se terminer par .csv : « ${lsl} ».`);
  for (const p of o.positionnels) if (!existsSync(p)) throw new ErreurFichier(`Dossier ou fichier introuvable : « ${p} ».`, p);
  const fichiers = await classeursNommes(o.positionnels, [sortie, ...(lsl ? [lsl] : [])]);
  if (!fichiers.length) throw new ErreurUsage(`Aucun classeur .xlsx dans ${o.positionnels.map((p) => `« ${p} »`).join(', ')}.`);
  const json = o.drapeaux.has('--json');
  const cle = await lireCle(cheminCle(o.valeurs.get('--cle')));
  const res = await consoliderClasseurs(fichiers, {
    sortie,
    remplacer: o.drapeaux.has('--remplacer'),
    methode: methode as Methode,
    date: aujourdhui(),
    ...(lsl ? { lsl } : {}),
    ...(cle ? { cle } : {}),
    progression: barreDeProgression(s, terminal && !json),
  });
  if (json) s.out(JSON.stringify({ fichiers: res.fichiers, eleves: res.eleves, competences: res.competences, anomalies: res.anomalies }, null, 2) + '\n');
  else {
    s.out(`${accorder(res.fichiers, 'classeur lu')}, ${accorder(res.eleves, 'élève')}, ${res.competences} compétences — méthode : ${LIBELLES_METHODES[methode as Methode]}.\n`);
    s.out(`Classeur de la classe écrit : ${sortie}${lsl ? ` ; livret scolaire : ${lsl}` : ''}.\n`);
    const groupes = regrouperAnomalies(res.classe.anomalies);
    if (groupes.length)
      s.out(
        `${accorder(res.anomalies.length, 'anomalie')}, ${res.anomalies.length > 1 ? 'détaillées' : 'détaillée'} dans la feuille « Anomalies » :\n${groupes
          .slice(0, 10)
          .map((g) => `  ${path.basename(g.fichier)}${g.nombre > 1 ? ` (${g.nombre} fois, ${lieuDesAnomalies(g)})` : ''} : ${g.probleme}\n`)
          .join('')}${groupes.length > 10 ? `  … et ${accorder(groupes.length - 10, 'autre')}.\n` : ''}`,
      );
  }
  return 0;
}
