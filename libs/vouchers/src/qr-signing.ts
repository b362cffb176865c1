/**
 * Ed25519 signatures for voucher QR codes. The server signs with one active key; every key in the
 * ring still verifies, so a key can be rotated without reprinting vouchers already in circulation.
 * Scanners only need the public keys (`publicKeys()`), so they can check a QR code offline.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { BatchedSigner, signOffThread } from './batched-signer';
import { assertValidQrId, parseQrPayload, QrVerificationResult, signedText } from './qr-payload';

/** One worker thread makes the signatures of every ring's scans (batched-signer.ts). */
const scanSigner = new BatchedSigner();

export interface SigningKeyInput {
  readonly keyId: string;
  /** A KeyObject, or the PKCS#8 DER encoding in base64 (what `toJSON` writes). */
  readonly privateKey: KeyObject | string;
  readonly active?: boolean;
}

export interface SerializedSigningKeyRing {
  readonly version: 1;
  readonly keys: readonly { readonly keyId: string; readonly privateKey: string; readonly active: boolean }[];
}

export interface PublicSigningJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly alg: 'EdDSA';
}

/** What a scanner may receive from `GET /v1/keys`: loosely typed, since it comes off the network. */
export interface ReceivedJwk {
  readonly kty?: string;
  readonly crv?: string;
  readonly x?: string;
  readonly kid?: string;
  readonly alg?: string;
}

interface RingKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly active: boolean;
}

export class SigningKeyRing {
  readonly #keys: ReadonlyMap<string, RingKey>;
  readonly #activeKey: RingKey;

  /** A lone key is active unless said otherwise; with several keys exactly one must be marked active. */
  constructor(keys: readonly SigningKeyInput[]) {
    const ringKeys = keys.map((key) => toRingKey(key, keys.length === 1));
    this.#keys = new Map(ringKeys.map((key) => [key.keyId, key]));
    if (this.#keys.size !== ringKeys.length) throw new RangeError('Signing key ids must be unique');
    const active = ringKeys.filter((key) => key.active);
    if (active.length !== 1) {
      throw new RangeError(`Exactly one signing key must be active, found ${active.length}`);
    }
    this.#activeKey = active[0];
  }

  /** A ring with one fresh key, for development and tests. */
  static generate(keyId: string): SigningKeyRing {
    return new SigningKeyRing([{ keyId, privateKey: generateKeyPairSync('ed25519').privateKey }]);
  }

  /** Accepts the object `toJSON` returns or its JSON text (e.g. from an environment variable). */
  static fromJSON(json: string | SerializedSigningKeyRing): SigningKeyRing {
    const parsed: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    if (!isSerializedRing(parsed)) throw new TypeError('Not a serialized signing key ring (version 1)');
    return new SigningKeyRing(parsed.keys);
  }

  get activeKeyId(): string {
    return this.#activeKey.keyId;
  }

  /** A new ring where a freshly generated key signs and the current keys only verify. */
  rotate(newKeyId: string): SigningKeyRing {
    const previous = [...this.#keys.values()].map(({ keyId, privateKey }) => ({
      keyId,
      privateKey,
      active: false,
    }));
    const fresh = { keyId: newKeyId, privateKey: generateKeyPairSync('ed25519').privateKey, active: true };
    return new SigningKeyRing([...previous, fresh]);
  }

  /** Contains the private keys: store it like any other secret, never log it. */
  toJSON(): SerializedSigningKeyRing {
    return {
      version: 1,
      keys: [...this.#keys.values()].map(({ keyId, privateKey, active }) => ({
        keyId,
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        active,
      })),
    };
  }

  /** The text to encode in the voucher's QR code. */
  signVoucher(voucherId: string): string {
    assertValidQrId('voucherId', voucherId);
    const text = signedText(this.#activeKey.keyId, voucherId);
    const signature = sign(null, Buffer.from(text, 'ascii'), this.#activeKey.privateKey);
    return `${text}.${signature.toString('base64url')}`;
  }

  /**
   * signVoucher for many vouchers, signed on libuv's thread pool: a bulk issuance of 10,000
   * vouchers then uses every core and leaves the event loop free for other requests.
   */
  async signVouchers(voucherIds: readonly string[]): Promise<string[]> {
    const { keyId, privateKey } = this.#activeKey;
    return Promise.all(
      voucherIds.map(async (voucherId) => {
        assertValidQrId('voucherId', voucherId);
        const text = signedText(keyId, voucherId);
        const signature = await signOffThread(Buffer.from(text, 'ascii'), privateKey);
        return `${text}.${signature.toString('base64url')}`;
      }),
    );
  }

  verifyQr(text: string): QrVerificationResult {
    return verifyWith(text, (keyId) => this.#keys.get(keyId)?.publicKey);
  }

  /**
   * verifyQr off the event loop: the ring's own signature on the scans' worker thread, a full
   * verification on libuv's thread pool. The ring holds the private half of every key it
   * verifies, and Ed25519 signs deterministically (RFC 8032): a signature equal to the one
   * the ring makes for the same text is valid by construction, and making it costs a third of
   * verifying one (signing multiplies a fixed point, verifying a variable one; verifying was a fifth
   * of the API's CPU per redemption). A signature that differs, tampered or made by a signer that
   * draws its nonce at random, is verified in full.
   */
  async verifyQrOffThread(text: string): Promise<QrVerificationResult> {
    const check = signatureCheck(text, (keyId) => this.#keys.get(keyId)?.publicKey);
    if (!('publicKey' in check)) return check;
    // signatureCheck found the key's public half: the ring holds the key.
    const ours = await scanSigner.sign(check.signedText, this.#keys.get(check.keyId)!.privateKey);
    if (timingSafeEqual(ours, check.signature)) return outcome(check, true);
    return outcome(check, await verifyOffThread(check));
  }

  publicKeys(): PublicSigningJwk[] {
    return [...this.#keys.values()].map(({ keyId, publicKey }) => {
      const { x } = publicKey.export({ format: 'jwk' });
      if (!x) throw new Error(`Public key ${keyId} exported without x`);
      return { kty: 'OKP', crv: 'Ed25519', x, kid: keyId, use: 'sig', alg: 'EdDSA' };
    });
  }
}

/** What a scanner runs offline: only the public keys published by the server are needed. */
export function verifyQrWithPublicJwks(text: string, jwks: readonly ReceivedJwk[]): QrVerificationResult {
  return verifyWith(text, (keyId) => {
    const jwk = jwks.find((candidate) => candidate.kid === keyId);
    if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return undefined;
    if (jwk.alg !== undefined && jwk.alg !== 'EdDSA') return undefined;
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  });
}

function verifyWith(
  text: string,
  publicKeyFor: (keyId: string) => KeyObject | undefined,
): QrVerificationResult {
  const check = signatureCheck(text, publicKeyFor);
  if (!('publicKey' in check)) return check;
  return outcome(check, verify(null, check.signedText, check.publicKey, check.signature));
}

interface SignatureCheck {
  readonly keyId: string;
  readonly voucherId: string;
  readonly signedText: Buffer;
  readonly signature: Buffer;
  readonly publicKey: KeyObject;
}

/** Everything before the signature itself: a malformed text or an unknown key is answered at once. */
function signatureCheck(
  text: string,
  publicKeyFor: (keyId: string) => KeyObject | undefined,
): SignatureCheck | QrVerificationResult {
  const payload = parseQrPayload(text);
  if (!payload) return { ok: false, reason: 'malformed' };
  const publicKey = publicKeyFor(payload.keyId);
  if (!publicKey) return { ok: false, reason: 'unknown-key' };
  const { keyId, voucherId, signature } = payload;
  return { keyId, voucherId, signature, publicKey, signedText: Buffer.from(payload.signedText, 'ascii') };
}

function verifyOffThread({ signedText, publicKey, signature }: SignatureCheck): Promise<boolean> {
  return new Promise((resolve, reject) =>
    verify(null, signedText, publicKey, signature, (error, valid) =>
      error ? reject(error) : resolve(valid),
    ),
  );
}

function outcome({ keyId, voucherId }: SignatureCheck, valid: boolean): QrVerificationResult {
  return valid ? { ok: true, keyId, voucherId } : { ok: false, reason: 'bad-signature' };
}

function toRingKey(input: SigningKeyInput, isOnlyKey: boolean): RingKey {
  assertValidQrId('keyId', input.keyId);
  const privateKey =
    typeof input.privateKey === 'string'
      ? createPrivateKey({ key: Buffer.from(input.privateKey, 'base64'), format: 'der', type: 'pkcs8' })
      : input.privateKey;
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`Signing key ${input.keyId} must be an Ed25519 private key`);
  }
  return {
    keyId: input.keyId,
    privateKey,
    publicKey: createPublicKey(privateKey),
    active: input.active ?? isOnlyKey,
  };
}

function isSerializedRing(value: unknown): value is SerializedSigningKeyRing {
  if (typeof value !== 'object' || value === null) return false;
  const { version, keys } = value as Partial<Record<keyof SerializedSigningKeyRing, unknown>>;
  return (
    version === 1 &&
    Array.isArray(keys) &&
    keys.every(
      (key: unknown) =>
        typeof key === 'object' &&
        key !== null &&
        typeof (key as Record<string, unknown>).keyId === 'string' &&
        typeof (key as Record<string, unknown>).privateKey === 'string' &&
        typeof (key as Record<string, unknown>).active === 'boolean',
    )
  );
}
