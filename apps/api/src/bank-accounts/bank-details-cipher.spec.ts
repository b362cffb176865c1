import { randomBytes } from 'node:crypto';
import { BankDetailsCipher } from './bank-details-cipher';

const details = { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', holder: 'Médiathèque de Mérignac' };

describe('sealing bank details', () => {
  const cipher = new BankDetailsCipher(randomBytes(32));

  it('opens what it sealed, for the same stream', () => {
    const sealed = cipher.seal(details, 'venue-a');
    expect(sealed.ibanLast4).toBe('0189');
    expect(cipher.open(sealed, 'venue-a')).toEqual(details);
  });

  it('keeps neither the IBAN nor the holder in clear, and never seals twice alike', () => {
    const first = cipher.seal(details, 'venue-a');
    const second = cipher.seal(details, 'venue-a');
    expect(first.sealedAccount).not.toContain('FR76');
    expect(first.sealedAccount).not.toContain('1234567890');
    expect(Buffer.from(first.sealedAccount.split('.')[3], 'base64url').toString('latin1')).not.toContain(
      'FR76',
    );
    expect(first.sealedAccount).not.toBe(second.sealedAccount);
  });

  it('refuses a ciphertext moved to another stream, altered, or sealed with another key', () => {
    const sealed = cipher.seal(details, 'venue-a');
    expect(() => cipher.open(sealed, 'venue-b')).toThrow();
    const parts = sealed.sealedAccount.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => cipher.open({ ...sealed, sealedAccount: parts.join('.') }, 'venue-a')).toThrow();
    expect(() => new BankDetailsCipher(randomBytes(32)).open(sealed, 'venue-a')).toThrow(/another key/);
  });

  it('needs a 256-bit key', () => {
    expect(() => new BankDetailsCipher(randomBytes(16))).toThrow(RangeError);
  });
});
