import { referentiel } from '../../referentiel';
import { analyser, ErreurUsage } from '../arguments';
import { lireListeEleves } from '../casDUsage';
import { type ResumeGrilles } from '../../app/grilles';
import { grillesDeLaClasse, grillesParEleve } from '../casDUsage';
import { ELEVES_PAR_CLASSEUR, type OptionsGrilles } from '../../sheets/grilles/classeurGrilles';
import { anneeIllisible, anneeScolaire, lireAnneeScolaire, aujourdhui } from '../../domain/dates';
import { TYPES_GRILLE, typesParDefaut, type TypeGrille } from '../../sheets/grilles/gabarit';
import { accorder } from '../../domain/texte';
import type { Sorties } from '../sorties';

function typesDemandes(valeur: string | undefined): TypeGrille[] {
  if (valeur === undefined) return typesParDefaut(referentiel());
  const types = valeur
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const inconnus = types.filter((t) => !(TYPES_GRILLE as readonly string[]).includes(t));
  if (inconnus.length || !types.length) throw new ErreurUsage(`Type de grille inconnu : « ${inconnus.join(', ') || valeur} ». Types possibles : ${TYPES_GRILLE.join(', ')}.`);
  return types as TypeGrille[];
}

export function afficherResume(res: ResumeGrilles, s: Sorties, json: boolean): number {
  if (json) s.out(JSON.stringify(res, null, 2) + '\n');
  else {
    for (const f of res.fichiers)
      s.out(
        f.ajout
          ? `  complété : ${f.fichier} — ${accorder(f.feuilles.length, 'feuille ajoutée')} pour ${accorder(f.eleves.length, 'élève')}, tout ce qu'il contenait gardé\n`
          : `  écrit : ${f.fichier} — ${accorder(f.eleves.length, 'élève')}, ${accorder(f.feuilles.length, 'feuille')}\n`,
      );
    for (const g of res.gardes) s.out(`  gardé tel quel : ${g.fichier} (${g.raison} ; --remplacer pour le refaire)\n`);
  }
  for (const e of res.erreurs) s.err(`Erreur : ${e.message}\n`);
  return res.erreurs.length ? 1 : 0;
}

export async function cmdGrilles(args: string[], s: Sorties): Promise<number> {
  const o = analyser(args, { drapeaux: ['--json', '--remplacer'], valeurs: ['--classe', '--type', '--out', '--par-eleve', '--etablissement', '--annee', '--nom-classe'] });
  if (o.positionnels.length) throw new ErreurUsage(`Argument inattendu : « ${o.positionnels[0]} ».`);
  const csv = o.valeurs.get('--classe');
  if (!csv) throw new ErreurUsage('Précisez la liste des élèves : --classe ELEVES.csv.');
  const sortie = o.valeurs.get('--out');
  const dossier = o.valeurs.get('--par-eleve');
  if (!sortie === !dossier) throw new ErreurUsage('Précisez soit --out FICHIER.xlsx (un classeur pour la classe), soit --par-eleve DOSSIER (un classeur par élève).');
  if (sortie && !sortie.toLowerCase().endsWith('.xlsx')) throw new ErreurUsage(`Le fichier de sortie doit se terminer par .xlsx : « ${sortie} ».`);
  const types = typesDemandes(o.valeurs.get('--type'));
  const date = aujourdhui();
  const typee = o.valeurs.get('--annee');
  const annee = typee === undefined ? anneeScolaire(date) : lireAnneeScolaire(typee);
  if (!annee) throw new ErreurUsage(`--annee : ${anneeIllisible(typee!)}`);
  const options: OptionsGrilles = { types, etablissement: o.valeurs.get('--etablissement') ?? '', annee, date };
  const liste = await lireListeEleves(csv, o.valeurs.get('--nom-classe') ?? '');
  if (sortie && liste.eleves.length > ELEVES_PAR_CLASSEUR)
    throw new ErreurUsage(
      `${liste.eleves.length} élèves dans « ${csv} » : un classeur de classe en tient ${ELEVES_PAR_CLASSEUR} au plus. Écrivez un classeur par élève (--par-eleve DOSSIER), ou découpez la liste par classe.`,
    );
  const remplacer = o.drapeaux.has('--remplacer');
  const res = sortie ? await grillesDeLaClasse(liste.eleves, options, sortie, remplacer) : await grillesParEleve(liste.eleves, options, dossier!, remplacer);
  if (!o.drapeaux.has('--json'))
    s.out(`${accorder(liste.eleves.length, 'élève lu')} dans ${csv} (${liste.encodage}, séparateur « ${liste.separateur === '\t' ? 'tabulation' : liste.separateur} »).\n`);
  return afficherResume(res, s, o.drapeaux.has('--json'));
}
