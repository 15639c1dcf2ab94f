import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { cleDepuisBase64, cleDepuisOctets, controlerSceau, hmacSha256, sceller, sha256 } from '../src/domain/sceau';

describe('sceau de l’enseignant (HMAC-SHA-256 de @noble/hashes)', () => {
  test('la clé se lit de sa ligne en base 64 comme du fichier entier collé, lignes de commentaire comprises', () => {
    const cle = cleDepuisOctets(new Uint8Array(32).map((_, i) => i * 7));
    const ligne = Buffer.from(cle.octets).toString('base64');
    expect(cleDepuisBase64(ligne)?.id).toBe(cle.id);
    expect(cleDepuisBase64(`# Clé de l’enseignant AGOrA pour Excel : …\r\n# Ne la donnez pas aux élèves.\r\n\r\n  ${ligne}  \r\n`)?.id).toBe(cle.id);
    expect(cleDepuisBase64('# rien que des commentaires\n')).toBeUndefined();
    expect(cleDepuisBase64(ligne.slice(4))).toBeUndefined();
  });

  test('SHA-256 et HMAC identiques à node:crypto, vecteurs de la RFC 4231 compris, pour toutes les longueurs autour des blocs de 64 octets', () => {
    expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231, test case 2
    expect(hmacSha256(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    for (let n = 0; n < 200; n++) {
      const m = randomBytes(n);
      expect(Buffer.from(sha256(m)).toString('hex')).toBe(createHash('sha256').update(m).digest('hex'));
    }
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 100 }), fc.string({ maxLength: 300 }), (cle, texte) => {
        expect(hmacSha256(cle, texte)).toBe(createHmac('sha256', cle).update(texte, 'utf8').digest('hex'));
      }),
    );
  });

  test('un sceau ne se vérifie qu’avec sa clé ; un champ changé, une autre clé ou pas de clé se disent', () => {
    const cle = cleDepuisOctets(randomBytes(32));
    const autre = cleDepuisOctets(randomBytes(32));
    const s = sceller(cle, 'exercice', ['tva', '12', 'MARTIN']);
    expect(s).toMatch(new RegExp(`^${cle.id}:[0-9a-f]{64}$`));
    expect(controlerSceau(cle, s, 'exercice', ['tva', '12', 'MARTIN'])).toBe('valide');
    expect(controlerSceau(cle, s, 'exercice', ['tva', '13', 'MARTIN'])).toBe('invalide');
    expect(controlerSceau(cle, s, 'suivi', ['tva', '12', 'MARTIN'])).toBe('invalide');
    expect(controlerSceau(autre, s, 'exercice', ['tva', '12', 'MARTIN'])).toBe('autre clé');
    expect(controlerSceau(undefined, s, 'exercice', ['tva', '12', 'MARTIN'])).toBe('sans clé');
    expect(controlerSceau(cle, '', 'exercice', [])).toBe('absent');
    expect(() => cleDepuisOctets(randomBytes(16))).toThrow('une clé AGOrA fait 32 octets (16 lus)');
  });
});
