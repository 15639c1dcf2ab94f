import { accorder } from '../domain/texte';
import { exerciceDuClasseur } from '../app/modelesExercices';
import { SCEAU_EN_CLAIR, verifierExercice } from '../app/verifierExercice';
import { annoterCopieOuverte, robustesseOuverte } from './annoterCopieOuverte';
import { lignesDuLot, verifierLot, type CopieVerifieeDuLot } from '../app/verifierLot';
import { ecrireCsv } from '../io/csv';
import { copiesNavigateur } from '../io/portsNavigateur';
import { cleDuVolet } from './cleDuVolet';
import { lireClasseurOuvert } from '../io/office/lireClasseurOuvert';
import { selectionnerCellule } from '../io/office/selectionner';
import { aCorrigerDAbord, COPIE_VIERGE, phraseTableur, prochaineEtape, type RapportCopie } from '../check/rapport';
import { degre, pct, texteValeur } from '../sheets/verification/resultats';
import { annoncer, el, parId } from './dom';
import type { Hote } from './hote';
import { lancer, messageErreur, offrirFichier, SaisieInvalide } from './commun';
import { aujourdhui } from '../domain/dates';

const VERDICTS: Record<string, string> = { juste: 'Juste', cohérent: 'Cohérent', faux: 'Faux', 'non renseigné': 'Non renseigné', illisible: 'Illisible', introuvable: 'Introuvable' };

/** The results in the pane: rate and degree per compétence; in formative mode, each answer with a button to its cell. */
function dessinerResultats(zone: HTMLElement, r: RapportCopie, montrer: (cellule: string) => void): void {
  zone.replaceChildren();
  zone.append(el('p', {}, `${r.titre} — ${r.eleve ?? 'élève non indiqué'}${r.classe ? ` (${r.classe})` : ''} — mode ${r.mode}.`));
  if (r.enonceModifie) zone.append(el('p', { class: 'message erreur' }, `Énoncé modifié depuis la création de l\u2019exercice (${r.blocsModifies.join(', ')}) : la copie n\u2019est pas notée.`));
  if (r.vierge) zone.append(el('p', { class: 'message erreur' }, COPIE_VIERGE));
  if (r.sceau !== 'valide') zone.append(el('p', { class: r.sceau === 'invalide' ? 'message erreur' : 'discret', id: 'verifier-sceau' }, SCEAU_EN_CLAIR[r.sceau]));
  const comp = el(
    'table',
    { class: 'resultats', 'aria-label': 'Compétences évaluées' },
    el('tr', {}, el('th', { scope: 'col' }, 'Compétence'), el('th', { scope: 'col' }, 'Réussite'), el('th', { scope: 'col' }, 'Degré')),
  );
  for (const c of r.competences) comp.append(el('tr', {}, el('td', { title: c.critere }, `${c.code} ${c.libelle}`), el('td', {}, pct(c.taux)), el('td', {}, degre(c.niveau))));
  zone.append(
    comp,
    el(
      'p',
      { id: 'verifier-total' },
      r.vierge
        ? `Ensemble de la copie : aucune réponse saisie sur ${r.total.points} ; copie non notée.`
        : `Ensemble de la copie : ${accorder(r.total.reussis, 'réponse juste')} sur ${r.total.points} (${pct(r.total.taux)}).`,
    ),
  );
  const t = r.tableur;
  if (t?.attendues && !r.vierge) {
    const p = el('p', { id: 'verifier-tableur' }, el('strong', {}, 'Feuille de calcul : '), phraseTableur(t));
    zone.append(p);
    // in formative mode, each remark with its cell, folded: the answers come first
    if (r.mode === 'formatif' && t.remarques.length) {
      const ul = el('ul', { class: 'reponses', 'aria-label': 'Feuille de calcul' });
      for (const m of t.remarques) {
        const b = el('button', { type: 'button', class: 'lien', 'aria-label': `Aller à la cellule ${m.cellule}` }, m.cellule);
        b.addEventListener('click', () => montrer(m.cellule));
        ul.append(el('li', {}, b, ` ${m.texte.slice(m.cellule.length + 3)}`));
      }
      zone.append(el('details', { id: 'verifier-tableur-detail' }, el('summary', {}, `Remarques sur la feuille de calcul (${t.remarques.length})`), ul));
    }
  }
  const etape = prochaineEtape(r);
  if (r.mode !== 'formatif') {
    zone.append(el('p', {}, 'Évaluation sommative : le détail des réponses n\u2019est pas communiqué.'));
    if (etape) zone.append(el('p', { id: 'verifier-etape' }, el('strong', {}, 'Prochaine étape : '), etape));
    return;
  }
  // what to correct first (the wrong answers, upstream first), then the next step, above the detail
  const corriger = aCorrigerDAbord(r);
  if (corriger.length && !r.vierge)
    zone.append(
      el(
        'p',
        { id: 'verifier-d-abord' },
        el('strong', {}, 'À corriger d\u2019abord : '),
        corriger
          .slice(0, 3)
          .map((c) => c.libelle)
          .join(' ; '),
        corriger.length > 3 ? ` (et ${corriger.length - 3} autres)` : '',
        '.',
      ),
    );
  if (etape) zone.append(el('p', { id: 'verifier-etape' }, el('strong', {}, 'Prochaine étape : '), etape));
  const liste = el('ul', { class: 'reponses', 'aria-label': 'Détail des réponses' });
  // the right answers folded away: what is left to do stands out
  const justes = el('ul', { class: 'reponses', 'aria-label': 'Réponses justes' });
  for (const c of r.controles) {
    const li = el('li', { class: `verdict-${c.statut.replace(/\s/g, '-')}` }, el('strong', {}, `${VERDICTS[c.statut] ?? c.statut} `), c.libelle);
    if (c.cellule) {
      const b = el('button', { type: 'button', class: 'lien', 'aria-label': `Aller à la cellule ${c.cellule} (${c.libelle})` }, c.cellule);
      b.addEventListener('click', () => montrer(c.cellule!));
      li.append(' ', b);
    }
    if (r.montrerAttendus && c.statut !== 'juste') li.append(el('div', { class: 'discret' }, `Attendu : ${texteValeur(c.attendu, c.formats)} ; saisi : ${texteValeur(c.saisi, c.formats) || '—'}`));
    if (c.diagnostic) li.append(el('div', { class: 'indication' }, c.diagnostic));
    (c.statut === 'juste' ? justes : liste).append(li);
  }
  zone.append(liste);
  if (justes.childElementCount) zone.append(el('details', { id: 'verifier-justes' }, el('summary', {}, `Réponses justes (${justes.childElementCount})`), justes));
}

/**
 * The batch's table: one row per copy (its student, each compétence's rate and degree) or per
 * refused file (its message). What the seal says of every copy alike (no key on this computer) is
 * said once, above the table; a row names its seal only when it differs.
 */
function dessinerLot(table: HTMLTableElement, avis: HTMLElement, verifiees: readonly CopieVerifieeDuLot[], erreurs: readonly { fichier: string; message: string }[]): void {
  const etats = new Set(verifiees.map((v) => v.rapport.sceau));
  const commun = etats.size === 1 ? [...etats][0]! : undefined;
  avis.textContent = commun && commun !== 'valide' ? SCEAU_EN_CLAIR[commun] : '';
  avis.hidden = !avis.textContent;
  table.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, 'Copie'), el('th', { scope: 'col' }, 'Élève'), el('th', { scope: 'col' }, 'Résultat')));
  for (const v of verifiees)
    table.append(
      el(
        'tr',
        {},
        el('td', {}, v.fichier),
        el('td', {}, v.rapport.eleve ?? '—'),
        el(
          'td',
          {},
          v.rapport.competences.map((c) => `${c.code} : ${pct(c.taux)}, degré ${degre(c.niveau)}`).join(' ; ') +
            (v.rapport.tableur?.attendues && !v.rapport.vierge ? ` ; feuille de calcul : ${pct(v.rapport.tableur.formules / v.rapport.tableur.attendues)}` : '') +
            (v.rapport.sceau === 'valide' || v.rapport.sceau === commun ? '' : ` — ${SCEAU_EN_CLAIR[v.rapport.sceau]}`),
        ),
      ),
    );
  for (const e of erreurs) table.append(el('tr', { class: 'verdict-faux' }, el('td', {}, e.fichier), el('td', {}, '—'), el('td', {}, e.message)));
  table.hidden = false;
}

/** « Vérifier »: reads the open workbook (two round trips), checks it with the same rules as `agora verifier`, in the mode the teacher set. */
export function brancherVerifier(hote: Hote, redessiner: () => void): void {
  const message = parId('verifier-message');
  const resultats = parId('verifier-resultats');
  const bouton = parId<HTMLButtonElement>('verifier-lancer');
  const montrer = (cellule: string) =>
    void hote
      .executer((context) => selectionnerCellule(context, cellule))
      .then(redessiner)
      .catch((e: unknown) => annoncer(message, messageErreur(e), 'erreur'));
  bouton.addEventListener('click', () => {
    resultats.replaceChildren();
    void lancer(bouton, message, 'Vérification en cours…', verifier)();
  });
  const annoter = parId<HTMLButtonElement>('verifier-annoter');
  annoter.addEventListener('click', () => {
    resultats.replaceChildren();
    void lancer(annoter, message, 'Annotation de la copie en cours…', annoterCopie, redessiner)();
  });

  const lot = parId<HTMLButtonElement>('verifier-lot-lancer');
  const messageLot = parId('verifier-lot-message');
  lot.addEventListener('click', () => {
    // a new batch: nothing of the previous one stays on screen
    const table = parId<HTMLTableElement>('verifier-lot-resultats');
    table.replaceChildren();
    table.hidden = true;
    parId('verifier-lot-sceau').hidden = true;
    const lien = parId<HTMLAnchorElement>('verifier-telechargement');
    if (lien.href) URL.revokeObjectURL(lien.href);
    lien.removeAttribute('href');
    lien.hidden = true;
    void lancer(lot, messageLot, 'Vérification des copies en cours…', verifierCopies)();
  });

  async function verifierCopies(): Promise<string> {
    const fichiers = Array.from(parId<HTMLInputElement>('verifier-copies').files ?? []);
    if (!fichiers.length) throw new SaisieInvalide('Choisissez d\u2019abord les copies à vérifier (fichiers .xlsx).');
    const progression = parId<HTMLProgressElement>('verifier-progression');
    [progression.hidden, progression.value, progression.max] = [false, 0, fichiers.length];
    const cle = cleDuVolet();
    const { verifiees, erreurs } = await verifierLot(
      fichiers.map((f) => ({ nom: f.name, octets: async () => new Uint8Array(await f.arrayBuffer()) })),
      { date: aujourdhui(), ...(cle ? { cle } : {}) },
      copiesNavigateur,
      {
        annoter: true,
        progression: (faites, total, fichier) => {
          progression.value = faites;
          messageLot.textContent = `Copie ${faites} sur ${total} : ${fichier}`;
        },
      },
    );
    dessinerLot(parId<HTMLTableElement>('verifier-lot-resultats'), parId('verifier-lot-sceau'), verifiees, erreurs);
    const refus = erreurs.length ? ` ; ${accorder(erreurs.length, 'fichier refusé')}, voir le tableau` : '';
    if (!verifiees.length) return `Aucune copie vérifiée${refus}.`;
    const { archiveDeClasseurs } = await import(/* webpackChunkName: "xlsx" */ '../io/exceljs/archiveDeClasseurs');
    const zip = await archiveDeClasseurs([
      ...verifiees.flatMap((v) => (v.octets ? [{ chemin: v.annotee, octets: v.octets }] : [])),
      { chemin: 'resultats.csv', texte: ecrireCsv(lignesDuLot(verifiees, erreurs)) },
    ]);
    offrirFichier(parId<HTMLAnchorElement>('verifier-telechargement'), 'copies-verifiees.zip', zip, 'application/zip');
    return `${accorder(verifiees.length, 'copie vérifiée')} et annotée${verifiees.length > 1 ? 's' : ''}${refus}. Enregistrez « copies-verifiees.zip » (lien ci-dessous) : les copies annotées et resultats.csv.`;
  }

  async function annoterCopie(): Promise<string> {
    const cle = cleDuVolet();
    const { rapport, lignes, avertissements } = await hote.executer((context, prend) => annoterCopieOuverte(context, { date: aujourdhui(), ...(cle ? { cle } : {}) }, prend));
    dessinerResultats(resultats, rapport, montrer);
    const scellees = rapport.sceau === 'valide' ? accorder(lignes, 'ligne scellée ajoutée') : `${accorder(lignes, 'ligne ajoutée')}, sans sceau (la consolidation ne la comptera pas)`;
    return [`Copie annotée : feuille « Résultats », couleurs des réponses, ${scellees} à « Suivi des compétences ». Enregistrez le classeur.`, ...avertissements].join(' ');
  }

  async function verifier(): Promise<string> {
    const lu = await hote.executer((context, prend) => lireClasseurOuvert(context, {}, prend));
    const x = exerciceDuClasseur(lu.classeur, lu.nom, false);
    const cle = cleDuVolet();
    const robustesse = await hote.executer((context, prend) => robustesseOuverte(context, x, prend));
    const { rapport } = verifierExercice(x, { date: aujourdhui(), ...(cle ? { cle } : {}), robustesse }); // the mode is the teacher's, kept in the workbook
    dessinerResultats(resultats, rapport, montrer);
    return 'Vérification terminée.';
  }
}
