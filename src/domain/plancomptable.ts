/** Accounts of the plan comptable général that the exercises use, with their PCG titles. */
export const COMPTES: Readonly<Record<string, string>> = {
  '401': 'Fournisseurs',
  '411': 'Clients',
  '421': 'Personnel – Rémunérations dues',
  '425': 'Personnel – Avances et acomptes',
  '431': 'Sécurité sociale',
  '437': 'Autres organismes sociaux',
  '4421': 'Prélèvements à la source (Impôt sur le revenu)',
  '44566': 'TVA sur autres biens et services',
  '467': 'Autres comptes débiteurs ou créditeurs',
  '512': 'Banques',
  '606': 'Achats non stockés de matières et fournitures',
  '613': 'Locations',
  '616': 'Primes d\u2019assurances',
  '626': 'Frais postaux et frais de télécommunications',
  '627': 'Services bancaires et assimilés',
  '641': 'Rémunérations du personnel',
  '645': 'Charges de sécurité sociale et de prévoyance',
  '661': 'Charges d\u2019intérêts',
  '706': 'Prestations de services',
  '768': 'Autres produits financiers',
};

/** Title of an account, or of its closest listed parent (6061 → 606), or '' when unknown. */
export function intituleCompte(numero: string): string {
  for (let n = numero; n.length >= 3; n = n.slice(0, -1)) if (COMPTES[n]) return COMPTES[n]!;
  return '';
}
