import { accorder } from '../../domain/texte';
import { ConstructeurFeuille } from '../../sheets/constructeur';
import type { NomDefini } from '../../sheets/model';
import { entete, saisie, saisieCentree, sousTitre, titre, valeur } from '../../sheets/styles';
import { versEuros } from '../../domain/monnaie';
import type { ParametresPaie } from '../../domain/parametres/paie';
import { calculerBulletin } from '../paie/bulletin';
import { anomalies, lignesAffichees, type EntreeControlePaie, type LigneAffichee } from './controle';
import type { Bloc } from '../../sheets/exercices/blocs';
import { consigneSaisie, FEUILLES, fondCorrige, type Attendus, type FeuilleConstruite, type LectureBlocs, type SpecExercice, validationOuiNon } from '../../sheets/exercices/commun';
import { gabaritExercice } from '../../sheets/exercices/gabarit';
import modele from '../../../templates/exercices/paie-anomalies.json';
import { blocsPaie, CAS_VIDE, donneesPaie, feuilleParametresPaie, lireParametresPaie, parametresDuCas } from '../paie/enonce';

/** The template, validated when the module loads. */
export const GABARIT = gabaritExercice(modele, 'paie-anomalies');

/**
 * The anomalies variant: « Énoncé » carries the case and the bulletin the software printed (read
 * back and fingerprinted like any case block); « Travail » asks, row by row, whether it is wrong
 * and for a written signalement. The expected answers come from comparing the printed rows with
 * the bulletin computed from the case and the « Paramètres » sheet.
 */

export const NOM_ANOMALIES = 'PAIE_ANOMALIES';
export const NOM_SIGNALEMENTS = 'PAIE_SIGNALEMENTS';

const euros = (c: number | null | undefined) => (c === null || c === undefined ? undefined : versEuros(c));

function blocs(e: EntreeControlePaie): Bloc[] {
  return [
    ...blocsPaie(e.cas),
    {
      nom: 'PAIE_Bulletin_A_Controler',
      titre: 'Bulletin produit par le logiciel de paie (à contrôler)',
      colonnes: [
        { cle: 'libelle', entete: 'Désignation', type: 'texte', largeur: 2 },
        { cle: 'base', entete: 'Base ou nombre d\u2019heures', type: 'nombre', largeur: 1 },
        { cle: 'tauxSalarial', entete: 'Taux salarial ou horaire', type: 'nombre', largeur: 1 },
        { cle: 'montantSalarial', entete: 'Gain ou part salariale', type: 'euros', largeur: 1 },
        { cle: 'tauxPatronal', entete: 'Taux patronal', type: 'nombre', largeur: 1 },
        { cle: 'montantPatronal', entete: 'Part patronale', type: 'euros', largeur: 1 },
      ],
      lignes: e.bulletin.map((l) => ({ ...l, montantSalarial: euros(l.montantSalarial), montantPatronal: euros(l.montantPatronal) })),
    },
    {
      nom: 'PAIE_Totaux_Affiches',
      titre: 'Totaux imprimés sur ce bulletin',
      champs: [
        { nom: 'PAIE_Affiche_Brut', cle: 'brut', libelle: 'Salaire brut', type: 'euros', valeur: euros(e.totaux.brut) },
        { nom: 'PAIE_Affiche_Total_Sal', cle: 'totalSalarial', libelle: 'Total des cotisations salariales', type: 'euros', valeur: euros(e.totaux.totalSalarial) },
        { nom: 'PAIE_Affiche_Total_Pat', cle: 'totalPatronal', libelle: 'Total des cotisations patronales', type: 'euros', valeur: euros(e.totaux.totalPatronal) },
        { nom: 'PAIE_Affiche_Net', cle: 'netAPayer', libelle: 'Net à payer avant impôt sur le revenu', type: 'euros', valeur: euros(e.totaux.netAPayer) },
      ],
    },
  ];
}

function donnees(l: LectureBlocs): unknown {
  return { cas: donneesPaie(l), bulletin: l.get('PAIE_Bulletin_A_Controler') ?? [], totaux: l.get('PAIE_Totaux_Affiches') ?? {} };
}

const trouvees = (e: EntreeControlePaie, p: ParametresPaie) => anomalies(e.bulletin, lignesAffichees(calculerBulletin(e.cas, p)));

function attendus(e: EntreeControlePaie, p: ParametresPaie): Attendus {
  const fausses = new Map(trouvees(e, p).map((a) => [a.index, a]));
  return { [NOM_ANOMALIES]: e.bulletin.map((_, i) => (fausses.has(i) ? 'Oui' : 'Non')) };
}

function feuilleTravail(e: EntreeControlePaie, p: ParametresPaie, remplie?: Attendus): FeuilleConstruite {
  const g = GABARIT;
  const feuille = remplie ? FEUILLES.corrige : FEUILLES.travail;
  const f = new ConstructeurFeuille(feuille, [52, 13, 72]);
  const noms: NomDefini[] = [];
  const explications = remplie ? new Map(trouvees(e, p).map((a) => [a.index, `${a.ecarts.join(' ; ')}.`])) : new Map<number, string>();
  f.ligne([{ valeur: remplie ? `Corrigé — ${g.titre}` : g.titre, style: titre, colonnes: 3 }]);
  f.ligne([
    {
      valeur: `Pour chaque ligne du bulletin de l\u2019énoncé : une anomalie (Oui / Non) ? Si oui, signalez ce qui est faux et la valeur exacte. ${consigneSaisie(remplie)}.`,
      style: sousTitre,
      colonnes: 3,
    },
  ]);
  f.vide();
  f.ligne(['Ligne du bulletin', 'Anomalie ?', 'Signalement : ce qui est faux, la valeur exacte'].map((v) => ({ valeur: v, style: entete })));
  const premiere = f.nombreDeLignes + 1;
  const oui = remplie?.[NOM_ANOMALIES] as string[] | undefined;
  e.bulletin.forEach((l, i) =>
    f.ligne([
      { valeur: l.libelle, style: valeur },
      { valeur: oui?.[i] ?? null, style: { ...saisieCentree, ...fondCorrige(remplie) } },
      { valeur: explications.get(i) ?? null, style: { ...saisie, ...fondCorrige(remplie) } },
    ]),
  );
  const derniere = premiere + e.bulletin.length - 1;
  noms.push({ nom: NOM_ANOMALIES, feuille, plage: `B${premiere}:B${derniere}` }, { nom: NOM_SIGNALEMENTS, feuille, plage: `C${premiere}:C${derniere}` });
  return {
    feuille: {
      ...f.feuille({ orientation: 'portrait', ajusterLargeur: true }),
      protegee: true,
      validations: [validationOuiNon(`B${premiere}:B${derniere}`)],
    },
    noms,
  };
}

function justification(e: EntreeControlePaie, p: ParametresPaie): string[][] {
  const a = trouvees(e, p);
  return [
    ['Ligne', 'Désignation', 'Anomalie (valeur affichée, valeur exacte)'],
    ...a.map((x) => [String(x.index + 1), x.libelle, x.ecarts.join(' ; ')]),
    ['', `${accorder(a.length, 'ligne')} en anomalie sur ${e.bulletin.length}`, 'Les autres lignes sont exactes : elles sont égales à celles du bulletin calculé avec la feuille « Paramètres ».'],
  ];
}

/** What kind of error a wrong printed row holds, read from how it differs from the exact row. */
function nature(d: LigneAffichee, x: LigneAffichee): 'taux_perime' | 'assiette' | 'exoneration' | 'calcul' {
  const differe = (a: number | null, b: number | null, echelle: number) => a !== null && b !== null && Math.round(a * echelle) !== Math.round(b * echelle);
  if (differe(d.tauxSalarial, x.tauxSalarial, 10000) || differe(d.tauxPatronal, x.tauxPatronal, 10000)) return 'taux_perime';
  if (differe(d.base, x.base, 100)) return 'assiette';
  const efface = (t: number | null, m: number | null, tx: number | null, mx: number | null) => (tx !== null && t === null) || (!!mx && !m);
  if (efface(d.tauxSalarial, d.montantSalarial, x.tauxSalarial, x.montantSalarial) || efface(d.tauxPatronal, d.montantPatronal, x.tauxPatronal, x.montantPatronal)) return 'exoneration';
  return 'calcul';
}

/** A student who misses the anomalies of one kind answers « Non » on their rows; one who flags exact rows, « Oui ». */
function variantes(): SpecExercice<EntreeControlePaie, ParametresPaie>['variantes'] {
  const oubli =
    (k: ReturnType<typeof nature>) =>
    (e: EntreeControlePaie, p: ParametresPaie): Attendus | null => {
      const exact = lignesAffichees(calculerBulletin(e.cas, p));
      const rangs = new Set(
        trouvees(e, p)
          .filter((a) => nature(e.bulletin[a.index]!, exact[a.index]!) === k)
          .map((a) => a.index),
      );
      return rangs.size ? { [NOM_ANOMALIES]: (attendus(e, p)[NOM_ANOMALIES] as string[]).map((v, i) => (rangs.has(i) ? 'Non' : v)) } : null;
    };
  return {
    oubli_taux_perime: oubli('taux_perime'),
    oubli_assiette: oubli('assiette'),
    oubli_calcul: oubli('calcul'),
    oubli_exoneration: oubli('exoneration'),
    faux_positif: (e) => ({ [NOM_ANOMALIES]: e.bulletin.map(() => 'Oui') }),
  };
}

export const EXERCICE_PAIE_CONTROLE: SpecExercice<EntreeControlePaie, ParametresPaie> = {
  gabarit: GABARIT,
  largeursEnonce: [24, 16, 16, 12, 12, 12, 12],
  blocs,
  structure: () => blocs({ cas: CAS_VIDE, bulletin: [], totaux: {} }),
  donnees,
  parametresParDefaut: (e, t) => parametresDuCas(e.cas, t),
  feuilleParametres: feuilleParametresPaie,
  lireParametres: lireParametresPaie,
  feuilleTravail,
  unites: (e) => ({ [NOM_ANOMALIES]: e.bulletin.map((l, i) => `ligne ${i + 1} (${l.libelle})`) }),
  attendus,
  variantes: variantes(),
  justification,
  largeursJustification: [8, 40, 80],
};
