/**
 * Reads a voucher QR as the API does (libs/vouchers/src/qr-payload.ts): `PN1.<keyId>.<voucherId>.<signature>`,
 * where only the canonical base64url of a 64-byte signature is accepted (one signature, one text).
 */
const ID = /^[A-Za-z0-9_-]+$/;

export interface ParsedQr {
  readonly keyId: string;
  readonly voucherId: string;
  readonly signedText: string;
  readonly signature: Uint8Array;
}

export function parseQr(text: string): ParsedQr | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  const [version, keyId, voucherId, encoded] = parts;
  if (version !== 'PN1' || !ID.test(keyId) || !ID.test(voucherId) || !ID.test(encoded)) return undefined;
  const signature = base64UrlDecode(encoded);
  if (!signature || signature.length !== 64 || base64UrlEncode(signature) !== encoded) return undefined;
  return { keyId, voucherId, signedText: `PN1.${keyId}.${voucherId}`, signature };
}

export function base64UrlDecode(text: string): Uint8Array | undefined {
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function base64UrlEncode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
