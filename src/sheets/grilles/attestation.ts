import type { Referentiel } from '../../referentiel/schema';
import { ConstructeurFeuille } from '../constructeur';
import type { NomDefini } from '../model';
import { calcul, entete, etiquette, saisie, saisieCentree, saisieDate, sousTitre, titre } from '../styles';
import { bandeIdentite, miseEnPage, nommeur, PARAMETRES, plage, type ContexteGrille, type GrilleConstruite } from './commun';
import { gabaritGrilles } from './gabarit';

const PREMIERE_LIGNE = 9; // first period row; the PFMP grids link to these cells
const COLONNES = { du: 'B', au: 'C', organisation: 'D', tuteur: 'E', activites: 'F', semaines: 'G', signee: 'H' } as const;

/** Addresses of period i (0-based) in the attestation sheet. */
export function colonnesPeriodes(i: number): Record<keyof typeof COLONNES, string> {
  const l = PREMIERE_LIGNE + i;
  return Object.fromEntries(Object.entries(COLONNES).map(([k, c]) => [k, `${c}${l}`])) as Record<keyof typeof COLONNES, string>;
}

const CYCLES = ['3 ans', '2 ans'];

/**
 * PFMP attestation and weeks of one student: per period the dates, organisation d'accueil, tuteur,
 * activités and weeks done; the total against the duration the arrêté requires (22 weeks, 16 for a
 * two-year cycle), flagged when short.
 */
export function attestationPfmp(r: Referentiel, ctx: ContexteGrille, nomFeuille: string): GrilleConstruite {
  const periodes = gabaritGrilles().periodesPfmp;
  const base = `${ctx.prefixe}PFMP`;
  const noms: NomDefini[] = [];
  const nommer = nommeur(noms, base, nomFeuille);
  const f = new ConstructeurFeuille(nomFeuille, [9, 12, 12, 30, 24, 34, 11, 12]);
  const n = 8;

  const l1 = f.ligne([{ valeur: 'Attestation et semaines de formation en milieu professionnel (PFMP)', style: titre, colonnes: n }], 22);
  nommer('Feuille', `A${l1}`);
  f.ligne([{ valeur: `« ${r.pfmp.textes.attestation} »`, style: sousTitre, colonnes: n }]);
  bandeIdentite(f, ctx, [1, 3, 1, 3]);
  f.vide();
  const lCycle = f.nombreDeLignes + 1;
  f.ligne([
    { valeur: 'Cycle de formation', style: etiquette },
    { valeur: CYCLES[0]!, style: saisieCentree, colonnes: 2 },
    { valeur: 'Durée requise (semaines)', style: etiquette },
    { valeur: { formule: `IF(B${lCycle}="${CYCLES[1]}",${PARAMETRES.dureePfmpDeuxAns},${PARAMETRES.dureePfmp})` }, style: calcul },
    { valeur: `${r.pfmp.dureeSemaines} semaines ; ${r.pfmp.dureeCycleDeuxAnsSemaines} semaines pour un cycle de formation en deux ans.`, style: { ...sousTitre, vertical: 'milieu' }, colonnes: 3 },
  ]);
  nommer('Cycle', `B${lCycle}`);
  f.vide();
  f.ligne(['Période', 'Du', 'Au', "Organisation d'accueil", 'Tuteur', 'Activités réalisées', 'Semaines effectuées', 'Attestation signée par le tuteur'].map((v) => ({ valeur: v, style: entete })));
  let derniere = 0;
  periodes.forEach((p) => {
    derniere = f.ligne(
      [
        { valeur: p, style: { ...etiquette, alignement: 'centre' } },
        { valeur: null, style: saisieDate },
        { valeur: null, style: saisieDate },
        { valeur: null, style: saisie },
        { valeur: null, style: saisie },
        { valeur: null, style: saisie },
        { valeur: null, style: { ...saisieCentree, format: '0.#' } },
        { valeur: null, style: saisieCentree },
      ],
      30,
    );
  });
  if (derniere - periodes.length + 1 !== PREMIERE_LIGNE) throw new Error("Mise en page de l'attestation PFMP incohérente");
  const semaines = `G${PREMIERE_LIGNE}:G${derniere}`;
  nommer('Periodes', plage(0, PREMIERE_LIGNE, n - 1, derniere));
  nommer('Semaines', semaines);
  const lTotal = f.ligne([
    { valeur: 'Total des semaines effectuées', style: { ...etiquette, alignement: 'droite' }, colonnes: 6 },
    { valeur: { formule: `SUM(${semaines})` }, style: { ...calcul, format: '0.#' } },
    { valeur: null, style: calcul },
  ]);
  nommer('Total', `G${lTotal}`);
  const requis = `E${lCycle}`;
  const total = `G${lTotal}`;
  const lBilan = f.ligne(
    [
      {
        // nothing typed yet: the requirement, not a shortfall in red; then a real singular or plural
        valeur: {
          formule: `IF(COUNT(${semaines})=0,"Aucune semaine saisie : la durée requise est de "&${requis}&" semaines.",IF(${total}>=${requis},"Durée de PFMP atteinte : "&${total}&" semaines sur les "&${requis}&" requises.","Durée de PFMP insuffisante : il manque "&(${requis}-${total})&IF(${requis}-${total}>1," semaines"," semaine")&" sur les "&${requis}&" requises."))`,
        },
        style: { ...calcul, alignement: 'gauche', taille: 10 },
        colonnes: n,
      },
    ],
    20,
  );
  nommer('Bilan', `A${lBilan}`);

  const feuille = f.feuille(miseEnPage(ctx, 'Attestation et semaines de PFMP', 'paysage'));
  return {
    feuille: {
      ...feuille,
      protegee: true,
      validations: [
        { plage: `B${lCycle}`, liste: { elements: CYCLES }, message: 'Choisissez « 3 ans » ou « 2 ans ».' },
        { plage: semaines, minimum: 0, maximum: r.pfmp.dureeSemaines, message: `Nombre de semaines effectuées : un nombre entre 0 et ${r.pfmp.dureeSemaines}.` },
        { plage: `H${PREMIERE_LIGNE}:H${derniere}`, liste: { elements: ['Oui', 'Non'] }, message: 'Répondez « Oui » ou « Non ».' },
      ],
      misesEnForme: [
        { plage: `A${lBilan}`, formule: `AND(COUNT(${semaines})>0,${total}<${requis})`, fond: 'F8CBAD', couleur: '9C0006' },
        { plage: `A${lBilan}`, formule: `${total}>=${requis}`, fond: 'C6E0B4', couleur: '006100' },
      ],
    },
    noms,
    modele: 'attestation-pfmp',
    ancre: `${base}_Feuille`,
  };
}
