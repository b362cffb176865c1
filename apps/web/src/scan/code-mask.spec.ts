import { formatVoucherCode, generateVoucherCode } from '@pass/vouchers';
import { caretAfterMask, checkTypedCode, maskCode } from './code-mask';

describe('maskCode', () => {
  it('groups what is typed as XXXX-XXXX-XXXX-C, upper-cased, with look-alike letters mapped', () => {
    expect(maskCode('abcd')).toBe('ABCD');
    expect(maskCode('abcde')).toBe('ABCD-E');
    expect(maskCode('ab cd-ef gh jkmn p')).toBe('ABCD-EFGH-JKMN-P');
    expect(maskCode('oil')).toBe('011');
    expect(maskCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-P');
  });

  it('keeps the caret after the same symbol', () => {
    expect(caretAfterMask('ABCDE', 5)).toBe(6);
    expect(caretAfterMask('ABCD-EFGH', 4)).toBe(4);
    expect(caretAfterMask('ab', 0)).toBe(0);
  });
});

describe('checkTypedCode', () => {
  it('accepts a real code typed any way', () => {
    const code = generateVoucherCode();
    expect(checkTypedCode(formatVoucherCode(code).toLowerCase())).toEqual({ state: 'ok', code });
  });

  it('says how many characters are missing', () => {
    expect(checkTypedCode('')).toEqual({ state: 'empty' });
    expect(checkTypedCode('ABCD-EFGH')).toEqual({ state: 'incomplete', missing: 5 });
  });

  it('flags a wrong check character', () => {
    const code = generateVoucherCode();
    const wrong = code.slice(0, 12) + (code[12] === '0' ? '1' : '0');
    expect(checkTypedCode(wrong)).toEqual({ state: 'bad-check' });
  });
});
