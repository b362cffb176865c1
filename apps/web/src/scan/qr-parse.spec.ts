import { SigningKeyRing } from '@pass/vouchers';
import { parseQr } from './qr-parse';

// The signature check itself (qr-verify.ts, @noble/ed25519) runs in the browser tests (test/web).
describe('parseQr', () => {
  const ring = SigningKeyRing.generate('k1');

  it('reads what the server signs', () => {
    const text = ring.signVoucher('bk_abc-01');
    expect(parseQr(text)).toMatchObject({
      keyId: 'k1',
      voucherId: 'bk_abc-01',
      signedText: 'PN1.k1.bk_abc-01',
    });
    expect(parseQr(text)?.signature).toHaveLength(64);
  });

  it('refuses what the server would call malformed', () => {
    const text = ring.signVoucher('bk_abc-01');
    const signature = text.split('.')[3];
    expect(parseQr('https://example.org')).toBeUndefined();
    expect(parseQr(`PN2.k1.bk_abc-01.${signature}`)).toBeUndefined();
    expect(parseQr(`PN1.k1.bk_abc-01.${signature}x`)).toBeUndefined();
    // The last character carries 4 unused bits: setting one decodes to the same bytes, yet is refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sloppy = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.slice(-1)) ^ 1];
    expect(parseQr(`PN1.k1.bk_abc-01.${sloppy}`)).toBeUndefined();
  });
});
