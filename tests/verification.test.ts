import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DemandeExercice } from '../src/app/exercices';
import { ecrireExercice, ouvrirExercice } from '../src/cli/casDUsage';
import { attendusDesReponses } from '../src/app/verification';
import { verifierCopie } from '../src/cli/casDUsage';
import { remplirClasseur } from '../src/io/exceljs/remplirClasseur';
import type { Attendus } from '../src/sheets/exercices/commun';
import { paquetExercice, type TypeExercice } from '../src/exercices/registre';
import { dossierTemporaire } from './aides/cli';

const DATE = '2026-11-23';
const d = dossierTemporaire('agora-verif-');

/** The cases used: every aléa of each template, two seeds, a month inside the payroll tables. */
const CAS: [TypeExercice, string, string[]][] = [
  ['facture', '2026-10', ['plusieurs_taux', 'rabais', 'ristourne', 'escompte', 'port', 'retour']],
  ['stocks', '2026-10', ['alerte', 'retour', 'deterioration', 'saisonnalite']],
  ['relances', '2026-03', ['reglement_partiel', 'contentieux', 'non_echue']],
  ['tva', '2026-03', ['encaissement', 'immobilisation', 'intracommunautaire', 'credit']],
  ['rapprochement', '2026-03', []],
  ['reglements', '2026-03', ['ecart_quantite', 'ecart_prix', 'escompte', 'escompte_expire', 'fin_de_mois']],
  ['tresorerie', '2026-01', ['retard_client', 'investissement', 'decouvert']],
  ['paie', '2026-03', ['majorations', 'deductions', 'absence', 'prime']],
  ['conges', '2026-08', ['entree_en_cours', 'sans_solde', 'augmentation']],
  ['frais', '2024-10', ['depassement', 'sans_justificatif', 'km_errone', 'transport']],
  ['paie-anomalies', '2026-03', ['taux_perime', 'assiette', 'calcul', 'exoneration']],
  ['prospection', '2026-05', ['demandes_infos', 'hors_delai', 'ue']],
  ['devis', '2026-04', ['erreur_prix', 'devis_expire', 'franco_limite']],
  ['formation', '2026-02', ['depassement', 'annulee', 'plusieurs_jours']],
  ['deplacement', '2026-05', ['avion', 'equipe', 'hotel_cher']],
  ['entree-sortie', '2026-03', ['renouvellement', 'longue_anciennete', 'prime']],
  ['tableau-social', '2026-03', ['cdd', 'dates_limites', 'age_limite']],
  ['fournisseurs', '2026-03', ['informations_erronees', 'budget_serre']],
  ['clients', '2026-03', ['doublon', 'champ_manquant', 'baisse']],
  ['ventes', '2026-03', ['remise', 'port', 'escompte', 'reglement_partiel']],
  ['planning', '2026-04', ['ferie', 'surcharge']],
];

async function copie(type: TypeExercice, periode: string, aleas: string[], graine: number): Promise<string> {
  const f = path.join(d, `${type}-${graine}.xlsx`);
  const demande: DemandeExercice = { type, graine, periode, date: DATE, ...(aleas.length ? { aleas } : {}) };
  await ecrireExercice(demande, null, f, undefined, true); // the same case again for the next test
  return f;
}

async function remplie(source: string, valeurs: Attendus, nom: string): Promise<string> {
  const f = path.join(d, nom);
  writeFileSync(f, await remplirClasseur(source, valeurs));
  return f;
}

const egaux = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe.each(CAS)('vérification %s', (type, periode, aleas) => {
  test.each([3, 11])('une copie remplie avec les valeurs du corrigé obtient 100 % (graine %i)', async (graine) => {
    const f = await copie(type, periode, aleas, graine);
    const x = await ouvrirExercice(f);
    const attendus = attendusDesReponses(x);
    const v = await verifierCopie(await remplie(f, attendus, `${type}-${graine}-juste.xlsx`), { date: DATE });
    const faux = v.rapport.controles.filter((c) => c.statut !== 'juste');
    expect(faux).toEqual([]);
    expect(v.rapport.controles.length).toBeGreaterThan(0);
    expect(v.rapport.total.taux).toBe(1);
    for (const c of v.rapport.competences) expect(c.niveau).toEqual({ code: 4, libelle: 'Bien maîtrisé' });
    expect(v.rapport.competences.map((c) => c.code)).toContain(paquetExercice(type).spec.gabarit.competence);
  });

  test('chaque erreur type injectée est reconnue, avec son indication, et elle seule', async () => {
    const g = paquetExercice(type).spec.gabarit;
    const trouvees = new Set<string>();
    for (const graine of [3, 11, 19, 27]) {
      const f = await copie(type, periode, aleas, graine);
      const x = await ouvrirExercice(f);
      const attendus = attendusDesReponses(x);
      for (const t of g.erreursTypes) {
        const variante = x.spec.variantes[t.code]!(x.entree, x.parametres);
        if (!variante) continue;
        const changes = Object.keys(variante).filter((n) => n in attendus && !egaux(variante[n], attendus[n]));
        if (!changes.length) continue;
        const valeurs = { ...attendus, ...Object.fromEntries(changes.map((n) => [n, variante[n]!])) };
        const v = await verifierCopie(await remplie(f, valeurs, `${type}-${graine}-${t.code}.xlsx`), { date: DATE });
        const fausses = v.rapport.controles.filter((c) => c.statut !== 'juste');
        expect(fausses.map((c) => c.nom).sort()).toEqual([...changes].sort());
        // an answer the error leaves empty (rows put in the other column) is « non renseigné », without a hint
        // an answer that only follows the student's own wrong earlier answer is « cohérent », the error counted once
        for (const c of fausses.filter((x) => x.statut !== 'non renseigné')) {
          if (c.statut === 'cohérent') {
            expect([c.nom, c.erreurs, c.reussis]).toEqual([c.nom, [], c.points]);
            expect(c.diagnostic).toMatch(/^(.* : cohérent|Cohérent) avec (votre réponse|vos réponses) « /);
            continue;
          }
          expect([c.nom, c.erreurs]).toEqual([c.nom, [t.code]]);
          expect(c.diagnostic).toContain(t.indice);
        }
        expect(fausses.some((c) => c.erreurs.includes(t.code))).toBe(true);
        trouvees.add(t.code);
      }
    }
    // every typical error the generated cases can show was injected at least once
    expect([...trouvees].sort()).toEqual(ERREURS_MONTREES[type]);
  });
});

/**
 * The typical errors the generated cases show. credit_anterieur needs a teacher's case with a
 * credit; charges_sociales, salaries that change (the generated ones are the same every month).
 */
const ERREURS_MONTREES: Record<TypeExercice, string[]> = {
  facture: ['avoir_prix_brut', 'escompte_hors_base', 'port_sans_tva', 'reductions_additionnees', 'remise_en_taux', 'remise_oubliee', 'tva_avant_reductions'],
  frais: ['mauvaise_puissance', 'plafond_ignore', 'sans_justificatif_rembourse', 'tva_non_recuperable'],
  conges: ['dixieme_annuel', 'moins_favorable', 'sans_arrondi', 'sans_solde_compte'],
  reglements: ['escompte_hors_delai', 'escompte_sans_tva', 'fin_de_mois_oubliee', 'sans_controle'],
  relances: ['depuis_facture', 'indemnite_oubliee', 'montant_initial', 'sans_majoration'], // taux_contrat_ignore: tests/relances.test.ts
  stocks: ['alerte_sans_minimum', 'cmup_moyenne_de_deux', 'cmup_moyenne_simple', 'commande_sans_stock', 'peps_recents'],
  tva: ['autoliquidation', 'encaissement', 'immobilisation', 'td_negative'],
  rapprochement: ['colonne', 'ecriture_sens', 'sens', 'tva_frais'],
  tresorerie: ['delais', 'hors_taxes', 'tva_decalage'],
  paie: ['absence', 'acompte_oublie', 'csg_assiette', 'ecriture_sens', 'majorations', 'plafond'].sort(),
  planning: ['charge_de_toute_la_tache', 'debut_le_jour_meme', 'feries_travailles', 'fin_un_jour_trop_tard'],
  ventes: ['credit_du_recu', 'escompte_sans_tva', 'port_en_ventes', 'tva_sans_port'],
  clients: ['doublon_premier', 'modifications_oubliees', 'transformation_inversee', 'variation_sur_n'],
  fournisseurs: ['budget_ignore', 'cle_tva_sur_siret', 'ecriture_inversee', 'notes_sans_sens', 'scores_sans_poids', 'tva_non_separee'],
  'tableau-social': ['absenteisme_effectif_fin', 'borne_de_tranche', 'moyenne_debut_fin', 'rotation_sans_moitie', 'sortie_du_dernier_jour', 'sortis_comptes'],
  'entree-sortie': ['dpae_apres_embauche', 'essai_jour_de_trop', 'iccp_sans_precarite', 'preavis_un_mois', 'quart_toutes_annees', 'reference_douze_mois'], // precarite_malgre_refus: tests/entree-sortie.test.ts
  deplacement: ['aller_simple', 'billet_unique', 'carburant_oublie', 'critere_ignore', 'plafond_ignore', 'voiture_par_personne'],
  formation: ['aller_simple', 'annulee_comptee', 'arret_au_depassement', 'charges_oubliees', 'heures_non_retenues', 'repas_un_jour'],
  devis: ['acompte_sur_ht', 'franco_sur_brut', 'palier_non_atteint', 'remise_non_controlee', 'tva_sans_port', 'validite_ignoree'],
  prospection: ['commandes_hors_delai', 'cout_contacts_oublie', 'documentation_oubliee', 'seuil_sur_chiffre_affaires', 'taux_de_marge'],
  'paie-anomalies': ['faux_positif', 'oubli_assiette', 'oubli_calcul', 'oubli_exoneration', 'oubli_taux_perime'],
};
