import { Hasard } from './hasard';

/** The aléas a teacher may switch on, per exercise. Unknown codes are refused with the list. */
export const ALEAS = {
  tva: ['credit', 'remboursement', 'intracommunautaire', 'encaissement', 'immobilisation'],
  rapprochement: ['frais_bancaires', 'agios', 'prelevement', 'impaye', 'cheque_non_encaisse', 'erreur_banque'],
  tresorerie: ['retard_client', 'investissement', 'decouvert'],
  paie: ['majorations', 'deductions', 'absence', 'prime'],
  // the kinds of error slipped into a completed bulletin
  'paie-anomalies': ['taux_perime', 'assiette', 'calcul', 'exoneration'],
} as const;

export type TypeExercice = keyof typeof ALEAS;
export const TYPES_EXERCICE = Object.keys(ALEAS) as TypeExercice[];

/**
 * The aléas of a case: those asked for, none for « aucun », or — when the teacher says nothing —
 * two drawn from the seed, so that every student's case has its own twist.
 */
export function aleasDuCas(type: TypeExercice, demandes: readonly string[] | undefined, h: Hasard): string[] {
  const possibles: readonly string[] = ALEAS[type];
  if (demandes === undefined) return h.tirer(possibles, 2).sort((a, b) => possibles.indexOf(a) - possibles.indexOf(b));
  verifierAleas(type, demandes);
  return demandes.length === 1 && demandes[0] === 'aucun' ? [] : [...new Set(demandes)];
}

/** A teacher's aléas, checked: « aucun » alone, or codes of the exercise (the others are refused with the list). */
export function verifierAleas(type: TypeExercice, demandes: readonly string[]): void {
  const possibles: readonly string[] = ALEAS[type];
  if (demandes.length === 1 && demandes[0] === 'aucun') return;
  const inconnus = demandes.filter((a) => !possibles.includes(a));
  if (inconnus.length) throw new RangeError(`Aléa inconnu pour l\u2019exercice ${type} : « ${inconnus.join(', ')} ». Aléas possibles : ${possibles.join(', ')} (ou « aucun »).`);
}
