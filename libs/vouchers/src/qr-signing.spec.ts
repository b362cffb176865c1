import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { SigningKeyRing, verifyQrWithPublicJwks } from './qr-signing';
import { signWithRandomNonce } from './testing/randomized-ed25519';

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function replaceAt(text: string, index: number, replacement: string): string {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

/** Another base64url character, so the text stays well-formed and only the bytes change. */
function otherBase64urlChar(char: string): string {
  return char === 'A' ? 'B' : 'A';
}

describe('SigningKeyRing', () => {
  const ring = SigningKeyRing.generate('k1');

  describe('signVoucher / verifyQr', () => {
    it('signs PN1.<keyId>.<voucherId> and verifies its own payload', () => {
      const qr = ring.signVoucher('voucher_42-a');
      expect(qr).toMatch(/^PN1\.k1\.voucher_42-a\.[A-Za-z0-9_-]{86}$/);
      expect(ring.verifyQr(qr)).toEqual({ ok: true, keyId: 'k1', voucherId: 'voucher_42-a' });
    });

    it('signs many vouchers off the event loop, each exactly as signVoucher does', async () => {
      const ids = ['voucher-1', 'voucher-2', 'voucher-3'];
      const qrs = await ring.signVouchers(ids);
      // Ed25519 is deterministic: the same key and text give the same signature.
      expect(qrs).toEqual(ids.map((id) => ring.signVoucher(id)));
      expect(qrs.map((qr) => ring.verifyQr(qr).ok)).toEqual([true, true, true]);
      await expect(ring.signVouchers(['ok', 'a.b'])).rejects.toThrow(RangeError);
    });

    it('verifies off the event loop exactly as verifyQr does, forged, foreign and malformed included', async () => {
      const qr = ring.signVoucher('voucher-9');
      const forged = `PN1.k1.voucher-8.${qr.split('.')[3]}`;
      const texts = [qr, forged, qr.replace('PN1.k1.', 'PN1.k9.'), 'not a qr'];
      const offThread = await Promise.all(texts.map((text) => ring.verifyQrOffThread(text)));
      expect(offThread).toEqual(texts.map((text) => ring.verifyQr(text)));
      expect(offThread.map((result) => (result.ok ? 'ok' : result.reason))).toEqual([
        'ok',
        'bad-signature',
        'unknown-key',
        'malformed',
      ]);
    });

    it('accepts off the event loop a valid signature that is not its own, by verifying it in full', async () => {
      const text = 'PN1.k1.voucher-5';
      const privateKey = createPrivateKey({
        key: Buffer.from(ring.toJSON().keys[0].privateKey, 'base64'),
        format: 'der',
        type: 'pkcs8',
      });
      const randomized = signWithRandomNonce(Buffer.from(text), privateKey);
      // The helper's signature is a real one, and not the deterministic one the ring compares with.
      expect(verify(null, Buffer.from(text), createPublicKey(privateKey), randomized)).toBe(true);
      const qr = `${text}.${randomized.toString('base64url')}`;
      expect(qr).not.toBe(ring.signVoucher('voucher-5'));
      await expect(ring.verifyQrOffThread(qr)).resolves.toEqual({
        ok: true,
        keyId: 'k1',
        voucherId: 'voucher-5',
      });
      expect(ring.verifyQr(qr)).toEqual({ ok: true, keyId: 'k1', voucherId: 'voucher-5' });
    });

    it('rejects off the event loop its own signature with any one bit flipped', async () => {
      const qr = ring.signVoucher('voucher-6');
      const [text, encoded] = [qr.slice(0, qr.lastIndexOf('.')), qr.split('.')[3]];
      const signature = Buffer.from(encoded, 'base64url');
      const flipped = Array.from({ length: signature.length * 8 }, (_, bit) => {
        const copy = Buffer.from(signature);
        copy[bit >> 3] ^= 1 << (bit & 7);
        return `${text}.${copy.toString('base64url')}`;
      });
      const results = await Promise.all(flipped.map((candidate) => ring.verifyQrOffThread(candidate)));
      expect(results.filter((result) => result.ok)).toEqual([]);
      expect(new Set(results.map((result) => !result.ok && result.reason))).toEqual(
        new Set(['bad-signature']),
      );
    });

    it('refuses to sign a voucher id that would break the payload format', () => {
      expect(() => ring.signVoucher('a.b')).toThrow(RangeError);
      expect(() => ring.signVoucher('')).toThrow(RangeError);
      expect(() => ring.signVoucher('é')).toThrow(RangeError);
    });

    it('rejects a payload whose voucher id was changed', () => {
      const signature = ring.signVoucher('voucher-1').split('.')[3];
      expect(ring.verifyQr(`PN1.k1.voucher-2.${signature}`)).toEqual({ ok: false, reason: 'bad-signature' });
    });

    it('rejects a payload whose signature was changed', () => {
      const qr = ring.signVoucher('voucher-1');
      const index = qr.length - 20;
      const tampered = replaceAt(qr, index, otherBase64urlChar(qr[index]));
      expect(ring.verifyQr(tampered)).toEqual({ ok: false, reason: 'bad-signature' });
    });

    it('rejects a signature presented under another key id of the same ring', () => {
      const rotated = ring.rotate('k2');
      const signature = rotated.signVoucher('voucher-1').split('.')[3];
      expect(rotated.verifyQr(`PN1.k1.voucher-1.${signature}`)).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    });

    it('reports a key id it does not hold as unknown', () => {
      const qr = SigningKeyRing.generate('elsewhere').signVoucher('voucher-1');
      expect(ring.verifyQr(qr)).toEqual({ ok: false, reason: 'unknown-key' });
    });

    const sig = ring.signVoucher('voucher-1').split('.')[3];
    it.each([
      ['empty text', ''],
      ['wrong prefix', `PN2.k1.voucher-1.${sig}`],
      ['lowercase prefix', `pn1.k1.voucher-1.${sig}`],
      ['three parts', `PN1.k1.${sig}`],
      ['five parts', `PN1.k1.voucher.1.${sig}`],
      ['empty key id', `PN1..voucher-1.${sig}`],
      ['empty voucher id', `PN1.k1..${sig}`],
      ['space in voucher id', `PN1.k1.voucher 1.${sig}`],
      ['standard base64 alphabet', `PN1.k1.voucher-1.${'A'.repeat(84)}+/`],
      ['base64 padding', `PN1.k1.voucher-1.${sig}==`],
      ['signature too short', `PN1.k1.voucher-1.${sig.slice(0, 85)}`],
      ['signature too long', `PN1.k1.voucher-1.${sig}AA`],
      ['trailing newline', `PN1.k1.voucher-1.${sig}\n`],
    ])('reports a malformed payload (%s)', (_label, text) => {
      expect(ring.verifyQr(`PN1.k1.voucher-1.${sig}`).ok).toBe(true);
      expect(ring.verifyQr(text)).toEqual({ ok: false, reason: 'malformed' });
    });

    it('reports a non-canonical signature encoding as malformed, although Node would decode it', () => {
      const qr = ring.signVoucher('voucher-1');
      const signature = qr.split('.')[3];
      const lastChar = signature[signature.length - 1];
      // 64 bytes use only the top 2 bits of the last base64 character; the next character differs
      // only in the ignored bits.
      const sloppy = replaceAt(
        signature,
        signature.length - 1,
        BASE64URL_ALPHABET[BASE64URL_ALPHABET.indexOf(lastChar) + 1],
      );
      expect(Buffer.from(sloppy, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect(ring.verifyQr(`PN1.k1.voucher-1.${sloppy}`)).toEqual({ ok: false, reason: 'malformed' });
    });
  });

  describe('rotation', () => {
    it('signs with the new key and still verifies what the old key signed', () => {
      const oldQr = ring.signVoucher('voucher-old');
      const rotated = ring.rotate('k2');
      const newQr = rotated.signVoucher('voucher-new');

      expect(rotated.activeKeyId).toBe('k2');
      expect(newQr.startsWith('PN1.k2.')).toBe(true);
      expect(rotated.verifyQr(oldQr)).toEqual({ ok: true, keyId: 'k1', voucherId: 'voucher-old' });
      expect(rotated.verifyQr(newQr)).toEqual({ ok: true, keyId: 'k2', voucherId: 'voucher-new' });
      expect(ring.verifyQr(newQr)).toEqual({ ok: false, reason: 'unknown-key' });
    });

    it('lets the configuration choose which of several keys signs', () => {
      const [k1, k2] = ring.rotate('k2').toJSON().keys;
      const backToK1 = new SigningKeyRing([
        { ...k1, active: true },
        { ...k2, active: false },
      ]);
      expect(backToK1.activeKeyId).toBe('k1');
      expect(backToK1.signVoucher('v')).toBe(ring.signVoucher('v'));
    });
  });

  describe('construction', () => {
    const keyA = generateKeyPairSync('ed25519').privateKey;
    const keyB = generateKeyPairSync('ed25519').privateKey;

    it('makes a lone key active by default', () => {
      expect(new SigningKeyRing([{ keyId: 'only', privateKey: keyA }]).activeKeyId).toBe('only');
    });

    it.each([
      ['no key', []],
      ['a lone key marked inactive', [{ keyId: 'a', privateKey: keyA, active: false }]],
      [
        'two keys, none marked active',
        [
          { keyId: 'a', privateKey: keyA },
          { keyId: 'b', privateKey: keyB },
        ],
      ],
      [
        'two active keys',
        [
          { keyId: 'a', privateKey: keyA, active: true },
          { keyId: 'b', privateKey: keyB, active: true },
        ],
      ],
    ])('requires exactly one active key (%s)', (_label, keys) => {
      expect(() => new SigningKeyRing(keys)).toThrow(/Exactly one signing key must be active/);
    });

    it('rejects duplicate key ids', () => {
      const keys = [
        { keyId: 'a', privateKey: keyA, active: true },
        { keyId: 'a', privateKey: keyB },
      ];
      expect(() => new SigningKeyRing(keys)).toThrow(/unique/);
    });

    it('rejects a key id that would break the payload format', () => {
      expect(() => SigningKeyRing.generate('k.1')).toThrow(RangeError);
    });

    it('rejects keys that are not Ed25519 private keys', () => {
      const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      expect(() => new SigningKeyRing([{ keyId: 'ec', privateKey: ecKey }])).toThrow(/Ed25519/);
      expect(() => new SigningKeyRing([{ keyId: 'pub', privateKey: createPublicKey(keyA) }])).toThrow(
        /Ed25519/,
      );
    });

    it('accepts a PKCS#8 DER key in base64', () => {
      const pkcs8 = keyA.export({ format: 'der', type: 'pkcs8' }).toString('base64');
      const fromString = new SigningKeyRing([{ keyId: 'a', privateKey: pkcs8 }]);
      const fromKeyObject = new SigningKeyRing([{ keyId: 'a', privateKey: keyA }]);
      // Ed25519 signatures are deterministic: the same key signs the same text identically.
      expect(fromString.signVoucher('v')).toBe(fromKeyObject.signVoucher('v'));
    });
  });

  describe('toJSON / fromJSON', () => {
    const rotated = ring.rotate('k2');

    it('writes every key as PKCS#8 DER base64 with its active flag', () => {
      const json = rotated.toJSON();
      expect(json.version).toBe(1);
      expect(json.keys.map(({ keyId, active }) => ({ keyId, active }))).toEqual([
        { keyId: 'k1', active: false },
        { keyId: 'k2', active: true },
      ]);
      for (const key of json.keys) expect(key.privateKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
    });

    it('restores a ring that signs and verifies exactly like the original', () => {
      for (const restored of [
        SigningKeyRing.fromJSON(JSON.stringify(rotated)),
        SigningKeyRing.fromJSON(rotated.toJSON()),
      ]) {
        expect(restored.activeKeyId).toBe('k2');
        expect(restored.signVoucher('v')).toBe(rotated.signVoucher('v'));
        expect(restored.verifyQr(ring.signVoucher('v'))).toEqual({ ok: true, keyId: 'k1', voucherId: 'v' });
        expect(restored.publicKeys()).toEqual(rotated.publicKeys());
      }
    });

    it.each([
      ['null', 'null'],
      ['missing version', JSON.stringify({ keys: [] })],
      ['future version', JSON.stringify({ version: 2, keys: [] })],
      ['key without active flag', JSON.stringify({ version: 1, keys: [{ keyId: 'a', privateKey: 'AAAA' }] })],
    ])('rejects a document that is not a serialized ring (%s)', (_label, text) => {
      expect(() => SigningKeyRing.fromJSON(text)).toThrow(TypeError);
    });
  });

  describe('publicKeys', () => {
    it('publishes one Ed25519 JWK per key, with its key id', () => {
      const rotated = ring.rotate('k2');
      const jwks = rotated.publicKeys();
      expect(jwks.map((jwk) => jwk.kid)).toEqual(['k1', 'k2']);
      for (const jwk of jwks) {
        expect(jwk).toEqual({
          kty: 'OKP',
          crv: 'Ed25519',
          x: expect.any(String),
          kid: jwk.kid,
          use: 'sig',
          alg: 'EdDSA',
        });
        expect(Buffer.from(jwk.x, 'base64url')).toHaveLength(32);
      }
      expect(jwks[0].x).not.toBe(jwks[1].x);
    });

    it('never exposes private key material', () => {
      const published = JSON.stringify(ring.publicKeys());
      expect(published).not.toMatch(/"d"/);
      expect(published).not.toContain(ring.toJSON().keys[0].privateKey);
    });
  });
});

describe('verifyQrWithPublicJwks', () => {
  const ring = SigningKeyRing.generate('k1').rotate('k2');
  // What a scanner would hold after fetching GET /v1/keys: plain JSON, no private material.
  const downloadedJwks = JSON.parse(JSON.stringify(ring.publicKeys()));

  it('verifies a payload with the public keys only', () => {
    const qr = ring.signVoucher('voucher-7');
    expect(verifyQrWithPublicJwks(qr, downloadedJwks)).toEqual({
      ok: true,
      keyId: 'k2',
      voucherId: 'voucher-7',
    });
  });

  it('rejects a tampered payload', () => {
    const signature = ring.signVoucher('voucher-7').split('.')[3];
    expect(verifyQrWithPublicJwks(`PN1.k2.voucher-8.${signature}`, downloadedJwks)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('reports a key id missing from the key set as unknown', () => {
    const qr = SigningKeyRing.generate('k3').signVoucher('voucher-7');
    expect(verifyQrWithPublicJwks(qr, downloadedJwks)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('ignores a key published for another algorithm', () => {
    const qr = ring.signVoucher('voucher-7');
    const wrongAlg = downloadedJwks.map((jwk: object) => ({ ...jwk, alg: 'ES256' }));
    expect(verifyQrWithPublicJwks(qr, wrongAlg)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('reports malformed text before looking at keys', () => {
    expect(verifyQrWithPublicJwks('https://example.org/', [])).toEqual({ ok: false, reason: 'malformed' });
  });
});
