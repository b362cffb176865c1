import { parseVoucherCode, VOUCHER_CODE_LENGTH } from '@pass/vouchers/voucher-code-format';

/**
 * The typed code's live mask, `XXXX-XXXX-XXXX-C`: the same normalisation as the API (any case,
 * I and L for 1, O for 0), and the check character verified before anything is sent.
 */
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';

function symbolsOf(input: string): string {
  return [...input.toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0')]
    .filter((char) => SYMBOLS.includes(char))
    .join('');
}

export function maskCode(input: string): string {
  const symbols = symbolsOf(input).slice(0, VOUCHER_CODE_LENGTH);
  return (symbols.match(/.{1,4}/g) ?? []).join('-');
}

/** Where the caret goes once `input` (caret at `caret`) is re-masked: after the same symbols. */
export function caretAfterMask(input: string, caret: number): number {
  const before = symbolsOf(input.slice(0, caret)).length;
  if (before === 0) return 0;
  return Math.min(before + Math.floor((before - 1) / 4), maskCode(input).length);
}

export type CodeCheck =
  | { readonly state: 'empty' }
  | { readonly state: 'incomplete'; readonly missing: number }
  | { readonly state: 'bad-check' }
  | { readonly state: 'malformed' }
  | { readonly state: 'ok'; readonly code: string };

export function checkTypedCode(input: string): CodeCheck {
  const symbols = symbolsOf(input);
  if (symbols.length === 0) return { state: 'empty' };
  if (symbols.length < VOUCHER_CODE_LENGTH)
    return { state: 'incomplete', missing: VOUCHER_CODE_LENGTH - symbols.length };
  const parsed = parseVoucherCode(symbols.slice(0, VOUCHER_CODE_LENGTH));
  if (parsed.ok) return { state: 'ok', code: parsed.code };
  return { state: parsed.reason === 'bad-check-character' ? 'bad-check' : 'malformed' };
}
