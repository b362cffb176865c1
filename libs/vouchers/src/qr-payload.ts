/**
 * The text inside a voucher's QR code: `PN1.<keyId>.<voucherId>.<signature>`.
 * The signature covers the exact ASCII string `PN1.<keyId>.<voucherId>`, so the key id is signed
 * too and a signature cannot be replayed under another key.
 */

export const QR_PAYLOAD_VERSION = 'PN1';

/** No dots, so the payload splits unambiguously; URL-safe, so it can travel in a path too. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ED25519_SIGNATURE_BYTES = 64;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export type QrVerificationResult =
  | { readonly ok: true; readonly keyId: string; readonly voucherId: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown-key' | 'bad-signature' };

export interface ParsedQrPayload {
  readonly keyId: string;
  readonly voucherId: string;
  readonly signedText: string;
  readonly signature: Buffer;
}

export function isValidQrId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function assertValidQrId(kind: 'keyId' | 'voucherId', value: string): void {
  if (!isValidQrId(value))
    throw new RangeError(`${kind} must match ${ID_PATTERN.source}: ${JSON.stringify(value)}`);
}

export function signedText(keyId: string, voucherId: string): string {
  return `${QR_PAYLOAD_VERSION}.${keyId}.${voucherId}`;
}

/** Returns undefined for anything that is not a well-formed payload; checks no signature. */
export function parseQrPayload(text: string): ParsedQrPayload | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const [version, keyId, voucherId, encodedSignature] = parts;
  if (version !== QR_PAYLOAD_VERSION || !isValidQrId(keyId) || !isValidQrId(voucherId)) return undefined;
  const signature = decodeSignature(encodedSignature);
  if (!signature) return undefined;
  return { keyId, voucherId, signedText: signedText(keyId, voucherId), signature };
}

/**
 * Node's base64url decoder silently skips invalid characters and ignores the unused low bits of
 * the last character; requiring the canonical encoding keeps one signature to one text.
 */
function decodeSignature(encoded: string): Buffer | undefined {
  if (!BASE64URL_PATTERN.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.length !== ED25519_SIGNATURE_BYTES || bytes.toString('base64url') !== encoded) return undefined;
  return bytes;
}
