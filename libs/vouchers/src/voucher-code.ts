/** Generating codes needs Node's CSPRNG; parsing and formatting live in voucher-code-format.ts. */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { BODY_BITS, checkSymbol, encodeBody } from './voucher-code-format';

export {
  formatVoucherCode,
  parseVoucherCode,
  VOUCHER_CODE_LENGTH,
  type VoucherCodeParseResult,
} from './voucher-code-format';

const BYTES_PER_CODE = 8;

/** Returns a new canonical 13-symbol code (no hyphens); `randomBytes` is injectable for tests. */
export function generateVoucherCode(randomBytes: (size: number) => Buffer = cryptoRandomBytes): string {
  return generateVoucherCodes(1, randomBytes)[0];
}

/**
 * `count` new codes from one draw of the CSPRNG: a bulk issuance draws 10,000 at once, and a draw
 * of 8 bytes each was ~6 % of the API's CPU during issuance (one call into OpenSSL per code).
 */
export function generateVoucherCodes(
  count: number,
  randomBytes: (size: number) => Buffer = cryptoRandomBytes,
): string[] {
  const size = BYTES_PER_CODE * count;
  const bytes = randomBytes(size);
  if (bytes.length < size) throw new RangeError(`randomBytes returned fewer than ${size} bytes`);
  return Array.from({ length: count }, (_, index) => {
    const value = bytes.readBigUInt64BE(BYTES_PER_CODE * index) & ((1n << BODY_BITS) - 1n);
    return encodeBody(value) + checkSymbol(value);
  });
}
