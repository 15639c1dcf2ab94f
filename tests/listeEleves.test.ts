import { elevesDepuisCsv, elevesDepuisTexte, texteDesLignes } from '../src/app/listeEleves';
import { ErreurFichier } from '../src/io/fichiers';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);
const cp1252 = (s: string) => Buffer.from(s, 'latin1'); // same bytes as Windows-1252 for these letters

describe('liste des élèves (CSV)', () => {
  test('Excel « CSV (séparateur : point-virgule) » en Windows-1252, CRLF', () => {
    const l = elevesDepuisCsv(cp1252('Nom;Prénom\r\nLefèvre;Chloé\r\nNguyên;Zoé\r\n'), 'eleves.csv');
    expect(l.encodage).toBe('Windows-1252');
    expect(l.separateur).toBe(';');
    expect(l.eleves).toEqual([
      { nom: 'Lefèvre', prenom: 'Chloé', classe: '' },
      { nom: 'Nguyên', prenom: 'Zoé', classe: '' },
    ]);
  });

  test('UTF-8 avec BOM, colonne classe facultative, colonnes en plus ignorées', () => {
    const l = elevesDepuisCsv(bom('nom;prenom;classe;email\nDa Silva;Inès;Tle AGOrA B;x@y.fr\n'), 'e.csv', '1re');
    expect(l.encodage).toBe('UTF-8 avec BOM');
    expect(l.eleves).toEqual([{ nom: 'Da Silva', prenom: 'Inès', classe: 'Tle AGOrA B' }]);
  });

  test('virgules, guillemets, lignes vides, espaces superflus', () => {
    const l = elevesDepuisCsv(utf8('prenom,nom\n\n"Jean, Marie" , "O\'Neil ""Junior"""\n  Léo  ,  Petit  \n'), 'e.csv', 'Tle');
    expect(l.separateur).toBe(',');
    expect(l.eleves).toEqual([
      { nom: 'O\'Neil "Junior"', prenom: 'Jean, Marie', classe: 'Tle' },
      { nom: 'Petit', prenom: 'Léo', classe: 'Tle' },
    ]);
  });

  test('un nom en forme de formule est gardé tel quel (il sera écrit comme texte)', () => {
    // as Excel saves it: the field with « ; » and « " » is quoted, its quotes doubled
    const l = elevesDepuisCsv(utf8('nom;prenom\n"=HYPERLINK(""http://x"";""y"")";@SUM(A1)\n-1+1;+33 6 12\n'), 'e.csv');
    expect(l.eleves.map((e) => [e.nom, e.prenom])).toEqual([
      ['=HYPERLINK("http://x";"y")', '@SUM(A1)'],
      ['-1+1', '+33 6 12'],
    ]);
  });

  const erreur = (octets: Buffer) => {
    try {
      elevesDepuisCsv(octets, 'classe.csv');
    } catch (e) {
      expect(e).toBeInstanceOf(ErreurFichier);
      return (e as Error).message;
    }
    throw new Error('aucune erreur');
  };

  test.each([
    ['vide', '', /« classe\.csv » est vide/],
    ['seulement des lignes blanches', '\n \n', /est vide/],
    ['sans élève', 'nom;prenom\n', /ne contient aucun élève/],
    ['colonne prenom absente', 'nom;classe\nDupont;1re\n', /ligne 1 : colonne « prenom » absente de l'en-tête \(lu : « nom », « classe »\)/],
    ['aucune colonne reconnue', 'a;b\n1;2\n', /colonne « nom » et « prenom » absente/],
    ['prénom vide', 'nom;prenom\nDupont;Jean\nMartin;\n', /ligne 3 : le prénom est vide/],
    ['guillemet jamais refermé', 'nom;prenom\n"Dupont;Jean\n', /illisible : guillemet ouvert ligne 2/],
    ['élève en double', 'nom;prenom\nDupont;Jean\nMartin;Léa\nDUPONT; jean \n', /« DUPONT jean » figure deux fois \(lignes 2 et 4\)/],
    [
      '« Élève » tout en capitales',
      'Élève;Classe\nDUPONT Jean;Tle\nMARTIN LEA;Tle\n',
      /ligne 3 : « MARTIN LEA » : impossible de séparer le nom du prénom\. Écrivez le nom en capitales puis le prénom \(« DUPONT Jean »\), ou donnez deux colonnes « nom » et « prenom »\./,
    ],
    ["« Élève » prénom d'abord", 'Élève\nJean Dupont\n', /ligne 2 : « Jean Dupont » : impossible de séparer/],
    ['INE mal formé', 'Élève;INE\nDUPONT Jean;12345\n', /ligne 2 : INE « 12345 » invalide \(11 caractères/],
    ['INE en double', 'nom;prenom;INE\nDupont;Jean;123456789AB\nMartin;Léa;123456789ab\n', /ligne 3 : l'INE 123456789AB est déjà celui de la ligne 2\./],
    [
      "export sans colonne d'élève",
      'Date de naissance;Sexe;Classe\n01/02/2009;F;Tle\n',
      /colonne « nom » et « prenom » absente de l'en-tête \(lu : « Date de naissance », « Sexe », « Classe »\)\. L'en-tête attendu est « nom;prenom », ou une colonne « Élève » au format « NOM Prénom »/,
    ],
  ])('%s : erreur en français qui nomme le fichier et la ligne', (_, texte, attendu) => {
    expect(erreur(utf8(texte))).toMatch(attendu);
  });

  test('export de vie scolaire (Pronote) : une colonne « Élève » « NOM Prénom », la classe, l\u2019INE, des colonnes en plus', () => {
    const l = elevesDepuisCsv(
      cp1252(
        "Élève;Né(e) le;Sexe;Classe;INE;Options\r\nDUPONT Jean;01/02/2009;G;Tle AGOrA A;123456789AB;Anglais\r\nDE LA FONTAINE Marie-Charlotte;03/04/2009;F;Tle AGOrA A;0123456789k;\r\nN'DIAYE Awa;05/06/2009;F;;;\r\nMARTIN, Léa Anne;;F;Tle AGOrA B;;\r\n",
      ),
      'export-pronote.csv',
      'Tle',
    );
    expect(l.eleves).toEqual([
      { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle AGOrA A', ine: '123456789AB' },
      { nom: 'DE LA FONTAINE', prenom: 'Marie-Charlotte', classe: 'Tle AGOrA A', ine: '0123456789K' },
      { nom: "N'DIAYE", prenom: 'Awa', classe: 'Tle' },
      { nom: 'MARTIN', prenom: 'Léa Anne', classe: 'Tle AGOrA B' },
    ]);
  });

  test('export SIECLE : colonnes dans un autre ordre (INE, nom de famille, prénom 1, division)', () => {
    const l = elevesDepuisCsv(utf8('INE,Nom de famille,Prénom 1,Date de naissance,Division\n 1234567890A ,Lefèvre,Chloé,01/01/2009,1re AGOrA\n'), 'siecle.csv');
    expect(l.eleves).toEqual([{ nom: 'Lefèvre', prenom: 'Chloé', classe: '1re AGOrA', ine: '1234567890A' }]);
  });

  test('liste collée avec une colonne « Élève »', () => {
    expect(elevesDepuisTexte('Élève\tClasse\nDUPONT Jean\tTle A').eleves).toEqual([{ nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' }]);
  });

  test('500 élèves', () => {
    const lignes = Array.from({ length: 500 }, (_, i) => `Nom${i};Prénom${i}`);
    expect(elevesDepuisCsv(utf8(`nom;prenom\n${lignes.join('\n')}`), 'e.csv').eleves).toHaveLength(500);
  });
});

describe('liste collée dans le volet', () => {
  test('colonnes d\u2019un tableur (tabulations), avec ou sans ligne d\u2019en-tête ; les numéros de ligne sont ceux de l\u2019utilisateur', () => {
    expect(elevesDepuisTexte('DUPONT\tJean\tTle A\nMARTIN\tÉloïse\tTle B\n').eleves).toEqual([
      { nom: 'DUPONT', prenom: 'Jean', classe: 'Tle A' },
      { nom: 'MARTIN', prenom: 'Éloïse', classe: 'Tle B' },
    ]);
    expect(elevesDepuisTexte('Prénom\tNom\nJean\tDUPONT', 'Tle C').eleves).toEqual([{ nom: 'DUPONT', prenom: 'Jean', classe: 'Tle C' }]);
    expect(elevesDepuisTexte('DUPONT;Jean', 'Tle C').eleves).toEqual([{ nom: 'DUPONT', prenom: 'Jean', classe: 'Tle C' }]);
    expect(() => elevesDepuisTexte('DUPONT\tJean\nMARTIN')).toThrow("Liste d'élèves « liste collée », ligne 2 : le prénom est vide.");
    expect(() => elevesDepuisTexte('nom\tprenom\nDUPONT\tJean\nMARTIN')).toThrow("Liste d'élèves « liste collée », ligne 3 : le prénom est vide.");
    expect(() => elevesDepuisTexte('DUPONT\tJean\nDupont\tJean')).toThrow('figure deux fois (lignes 1 et 2)');
  });

  test('cellules lues dans une feuille du classeur : une ligne par rangée, tabulations, rangées vides omises', () => {
    const texte = texteDesLignes([
      ['Nom', 'Prénom', 'Classe', ''],
      ['DUPONT', 'Jean\tLuc', 'Tle A', ''],
      ['', '', '', ''],
      ["N'DIAYE", 'Awa', 2, null],
      ['=HYPERLINK("x")', 'Léa\nMarie', '', ''],
    ]);
    expect(texte).toBe('Nom\tPrénom\tClasse\nDUPONT\tJean Luc\tTle A\nN\'DIAYE\tAwa\t2\n=HYPERLINK("x")\tLéa Marie');
    expect(elevesDepuisTexte(texte, 'Tle B').eleves).toEqual([
      { nom: 'DUPONT', prenom: 'Jean Luc', classe: 'Tle A' },
      { nom: "N'DIAYE", prenom: 'Awa', classe: '2' },
      { nom: '=HYPERLINK("x")', prenom: 'Léa Marie', classe: 'Tle B' },
    ]);
    expect(texteDesLignes([['', null], []])).toBe('');
  });
});
