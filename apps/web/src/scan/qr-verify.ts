import { verifyAsync } from '@noble/ed25519';
import { base64UrlDecode, parseQr } from './qr-parse';

/**
 * Checks a voucher QR offline against the keys the API publishes (GET /v1/keys): the Ed25519
 * signature covers `PN1.<keyId>.<voucherId>`, so a forged or altered QR is refused with no network.
 */
export interface PublicJwk {
  readonly kty?: string;
  readonly crv?: string;
  readonly x?: string;
  readonly kid?: string;
  readonly alg?: string;
}

export type QrCheck =
  | { readonly ok: true; readonly keyId: string; readonly voucherId: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown-key' | 'bad-signature' };

export async function verifyQr(text: string, keys: readonly PublicJwk[]): Promise<QrCheck> {
  const parsed = parseQr(text);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const jwk = keys.find((key) => key.kid === parsed.keyId);
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    return { ok: false, reason: 'unknown-key' };
  if (jwk.alg !== undefined && jwk.alg !== 'EdDSA') return { ok: false, reason: 'unknown-key' };
  const publicKey = base64UrlDecode(jwk.x);
  if (!publicKey || publicKey.length !== 32) return { ok: false, reason: 'unknown-key' };
  let valid = false;
  try {
    // zip215: false is RFC 8032's strict verification, as OpenSSL does on the server.
    valid = await verifyAsync(parsed.signature, new TextEncoder().encode(parsed.signedText), publicKey, {
      zip215: false,
    });
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true, keyId: parsed.keyId, voucherId: parsed.voucherId }
    : { ok: false, reason: 'bad-signature' };
}
