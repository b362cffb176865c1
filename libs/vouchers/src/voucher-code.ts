/** Generating codes needs Node's CSPRNG; parsing and formatting live in voucher-code-format.ts. */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { BODY_BITS, checkSymbol, encodeBody } from './voucher-code-format';

export {
  formatVoucherCode,
  parseVoucherCode,
  VOUCHER_CODE_LENGTH,
  type VoucherCodeParseResult,
} from './voucher-code-format';

/** Returns a new canonical 13-symbol code (no hyphens); `randomBytes` is injectable for tests. */
export function generateVoucherCode(randomBytes: (size: number) => Buffer = cryptoRandomBytes): string {
  const bytes = randomBytes(8);
  if (bytes.length < 8) throw new RangeError('randomBytes returned fewer than 8 bytes');
  const value = bytes.readBigUInt64BE(0) & ((1n << BODY_BITS) - 1n);
  return encodeBody(value) + checkSymbol(value);
}
