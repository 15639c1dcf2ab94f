import { lieuDesAnomalies, regrouperAnomalies, type Anomalie } from '../src/consolidate/preuves';

/** A tampered copy gives one anomaly per row typed by hand: the reader sees them once, with their cells. */
test('les anomalies identiques d’un même fichier sont dites une fois, avec leur nombre et leurs cellules', () => {
  const ligne = (cellule: string, fichier = 'copie-falsifiee.xlsx'): Anomalie => ({ fichier, feuille: 'Suivi', cellule, probleme: 'Sceau invalide.', action: 'Ligne ignorée.' });
  const autre: Anomalie = { fichier: 'CAMARA.xlsx', feuille: 'PFMP1', cellule: 'E17', probleme: 'Niveau « acquis » hors de l’échelle.', action: 'Valeur ignorée.' };
  const anomalies = [...Array.from({ length: 12 }, (_, i) => ligne(`M${5 + i}`)), autre, ligne('M5', 'autre-copie.xlsx')];
  const g = regrouperAnomalies(anomalies);
  expect(g.map((x) => [x.fichier, x.nombre, lieuDesAnomalies(x)])).toEqual([
    ['copie-falsifiee.xlsx', 12, 'feuille Suivi, 12 cellules, de M5 à M16'],
    ['CAMARA.xlsx', 1, 'feuille PFMP1, cellule E17'],
    ['autre-copie.xlsx', 1, 'feuille Suivi, cellule M5'],
  ]);
  expect(lieuDesAnomalies(regrouperAnomalies([ligne('M5'), ligne('M6')])[0]!)).toBe('feuille Suivi, cellules M5, M6');
});
