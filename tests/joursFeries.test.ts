import { dimancheDePaques, joursFeries, joursOuvrables } from '../src/domain/joursFeries';

/** Easter Sundays from the calendars (Conférence des évêques de France), public holidays from C. trav., art. L3133-1. */
test('Pâques : 31 mars 2024, 20 avril 2025, 5 avril 2026, 28 mars 2027, 16 avril 2028 ; 25 avril 2038, la date la plus tardive du siècle', () => {
  expect([2024, 2025, 2026, 2027, 2028, 2038].map(dimancheDePaques)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2038-04-25']);
});

test('les onze jours fériés de 2026 (C. trav., art. L3133-1)', () => {
  expect(joursFeries(2026)).toEqual(['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']);
});

test('jours ouvrables : ni dimanches ni jours fériés', () => {
  // August 2025: 31 days, Sundays 3, 10, 17, 24, 31, the 15th a Friday → 25
  expect(joursOuvrables('2025-08')).toBe(25);
  // May 2025: 31 days, Sundays 4, 11, 18, 25; 1st, 8th and Ascension (29th) on Thursdays → 24
  expect(joursOuvrables('2025-05')).toBe(24);
  // February 2026: 28 days, 4 Sundays, no holiday → 24
  expect(joursOuvrables('2026-02')).toBe(24);
  // November 2026: 30 days, Sundays 1, 8, 15, 22, 29 (the 1st a Sunday), the 11th a Wednesday → 24
  expect(joursOuvrables('2026-11')).toBe(24);
});
