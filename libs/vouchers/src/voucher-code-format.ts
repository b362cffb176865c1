/**
 * Manual-entry voucher codes, for when a QR code is too damaged to scan.
 *
 * A code is 12 Crockford base32 symbols (60 random bits) followed by Crockford's mod-37 check
 * symbol. 37 is a prime larger than 32, so any single mistyped symbol and any swap of two adjacent
 * different symbols changes the remainder: typos are rejected before any database lookup.
 *
 * No Node built-ins here: the web scanner bundles this file to check typed codes as they are typed.
 */
const BASE32_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = BASE32_ALPHABET + '*~$=U';
const BODY_LENGTH = 12;
export const BODY_BITS = 5n * BigInt(BODY_LENGTH);
const CHECK_MODULUS = 37n;
const GROUP_LENGTH = 4;

export const VOUCHER_CODE_LENGTH = BODY_LENGTH + 1;

export type VoucherCodeParseResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-check-character' };

/** `XXXX-XXXX-XXXX-C`, the form printed on vouchers and shown to people. */
export function formatVoucherCode(code: string): string {
  const parsed = parseVoucherCode(code);
  if (!parsed.ok) throw new RangeError(`Not a valid voucher code (${parsed.reason})`);
  const groups = parsed.code.slice(0, BODY_LENGTH).match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? [];
  return [...groups, parsed.code.slice(BODY_LENGTH)].join('-');
}

/**
 * Accepts what a person typed: any case, hyphens and spaces anywhere, and the letters people
 * confuse with digits (I and L for 1, O for 0). Returns the canonical code only if the check
 * symbol matches, so callers never look up a mistyped code.
 */
export function parseVoucherCode(input: string): VoucherCodeParseResult {
  // Checked before upper-casing, which maps some non-ASCII letters (ı, ſ) onto ASCII ones.
  if (!/^[\x20-\x7e\t\r\n]*$/.test(input)) return { ok: false, reason: 'malformed' };
  const normalized = normalize(input);
  if (normalized.length !== VOUCHER_CODE_LENGTH) return { ok: false, reason: 'malformed' };
  const body = normalized.slice(0, BODY_LENGTH);
  const check = normalized.slice(BODY_LENGTH);
  if (![...body].every((symbol) => BASE32_ALPHABET.includes(symbol)) || !CHECK_ALPHABET.includes(check)) {
    return { ok: false, reason: 'malformed' };
  }
  if (checkSymbol(decodeBody(body)) !== check) return { ok: false, reason: 'bad-check-character' };
  return { ok: true, code: normalized };
}

function normalize(input: string): string {
  return input.toUpperCase().replace(/[-\s]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export function encodeBody(value: bigint): string {
  let symbols = '';
  for (let remaining = value, i = 0; i < BODY_LENGTH; i++, remaining >>= 5n) {
    symbols = BASE32_ALPHABET[Number(remaining & 31n)] + symbols;
  }
  return symbols;
}

function decodeBody(body: string): bigint {
  let value = 0n;
  for (const symbol of body) value = (value << 5n) | BigInt(BASE32_ALPHABET.indexOf(symbol));
  return value;
}

export function checkSymbol(value: bigint): string {
  return CHECK_ALPHABET[Number(value % CHECK_MODULUS)];
}
