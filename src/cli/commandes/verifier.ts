import path from 'node:path';
import { COPIE_VIERGE, phraseTableur, type RapportCopie } from '../../check/rapport';
import { classeursNommes } from '../../io/fichiers';
import { analyser, ErreurUsage } from '../arguments';
import { pourcent } from '../../sheets/exercices/reglages';
import { aujourdhui } from '../../domain/dates';
import { ecrireCopieAnnotee, verifierCopie, verifierCopies } from '../casDUsage';
import { syntheseDeClasse } from '../../check/synthese';
import { accorder } from '../../domain/texte';
import { cheminCle, lireCle } from '../../io/cleEnseignant';
import { SCEAU_EN_CLAIR } from '../../app/verifierExercice';
import type { Sorties } from '../sorties';

const pourcentTexte = (t: number | null) => (t === null ? 'non noté' : pourcent(t));

function afficherCopie(r: RapportCopie, s: Sorties, detail: boolean): void {
  const niveaux = r.competences.map((c) => `${c.code} : ${pourcentTexte(c.taux)}${c.niveau ? `, degré ${c.niveau.code} (${c.niveau.libelle})` : ''}`).join(' ; ');
  s.out(`${r.eleve ?? path.basename(r.fichier)} — ${r.titre} : ${r.total.reussis}/${r.total.points} (${pourcentTexte(r.total.taux)}) — ${niveaux}\n`);
  if (r.enonceModifie) s.out(`  Énoncé modifié (${r.blocsModifies.join(', ')}) : copie non notée.\n`);
  if (r.vierge) s.out(`  ${COPIE_VIERGE}\n`);
  if (r.sceau !== 'valide') s.out(`  ${SCEAU_EN_CLAIR[r.sceau]}\n`);
  if (r.tableur?.attendues && !r.vierge) s.out(`  Feuille de calcul : ${phraseTableur(r.tableur)}\n`);
  if (detail && r.mode === 'formatif')
    for (const c of r.controles.filter((x) => x.statut !== 'juste')) s.out(`  ${c.statut.padEnd(14)} ${c.libelle}${c.cellule ? ` (${c.cellule})` : ''}${c.diagnostic ? ` — ${c.diagnostic}` : ''}\n`);
}

/** The class summary printed after a batch: one line per compétence. */
export const lignesSynthese = (copies: readonly RapportCopie[]) =>
  syntheseDeClasse(copies).map((g) => `${g.code} ${g.libelle} : ${accorder(g.copies, 'copie')}, réussite moyenne ${pourcentTexte(g.tauxMoyen)} ; degrés 1 / 2 / 3 / 4 : ${g.degres.join(' / ')}`);

export async function cmdVerifier(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json', '--remplacer', '--sans-robustesse'], valeurs: ['--out', '--out-dir', '--mode', '--cle'] });
  if (!o.positionnels.length) throw new ErreurUsage('Précisez la ou les copies à vérifier : agora verifier COPIE.xlsx [--json] [--out COPIE-VERIFIEE.xlsx].');
  const mode = o.valeurs.get('--mode');
  if (mode !== undefined && mode !== 'formatif' && mode !== 'sommatif') throw new ErreurUsage(`--mode attend formatif ou sommatif : « ${mode} ».`);
  const sortie = o.valeurs.get('--out');
  const dossier = o.valeurs.get('--out-dir');
  if (sortie && dossier) throw new ErreurUsage('Précisez soit --out (une copie), soit --out-dir (plusieurs copies).');
  if (sortie && !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
  // annotated copies written into the folder read are not read back as copies on the next run
  const fichiers = await classeursNommes(o.positionnels, dossier ? [dossier] : []);
  if (!fichiers.length) throw new ErreurUsage(`Aucun classeur .xlsx dans ${o.positionnels.map((p) => `« ${p} »`).join(', ')}.`);
  if (sortie && fichiers.length !== 1) throw new ErreurUsage('--out écrit une seule copie annotée : avec plusieurs copies, utilisez --out-dir DOSSIER.');
  const cle = await lireCle(cheminCle(o.valeurs.get('--cle')));
  const options = { date: aujourdhui(), ...(mode ? { mode: mode as 'formatif' | 'sommatif' } : {}), ...(cle ? { cle } : {}), sansRobustesse: o.drapeaux.has('--sans-robustesse') };
  const json = o.drapeaux.has('--json');
  if (sortie) {
    const v = await verifierCopie(fichiers[0]!, options);
    await ecrireCopieAnnotee(v, sortie, o.drapeaux.has('--remplacer'));
    if (json) s.out(JSON.stringify(v.rapport, null, 2) + '\n');
    else {
      afficherCopie(v.rapport, s, true);
      s.out(`Copie annotée écrite : ${sortie}\n`);
    }
    return 0;
  }
  const res = await verifierCopies(fichiers, { ...options, ...(dossier ? { dossier, remplacer: o.drapeaux.has('--remplacer') } : {}) });
  if (json) s.out(JSON.stringify(fichiers.length === 1 && res.copies.length === 1 ? res.copies[0] : res, null, 2) + '\n');
  else {
    for (const r of res.copies) afficherCopie(r, s, fichiers.length === 1);
    if (res.copies.length > 1) for (const l of lignesSynthese(res.copies)) s.out(`  ${l}\n`);
    if (dossier) s.out(`${accorder(res.copies.length - res.gardees.length, 'copie annotée écrite')} dans ${dossier}.\n`);
    if (res.gardees.length)
      s.out(
        `${accorder(res.gardees.length, 'copie annotée')} déjà dans ${dossier}, ${res.gardees.length > 1 ? 'gardées' : 'gardée'} telle quelle (--remplacer pour les refaire) : ${res.gardees.map((f) => path.basename(f)).join(', ')}.\n`,
      );
  }
  for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
  return res.erreurs.length ? 1 : 0;
}
