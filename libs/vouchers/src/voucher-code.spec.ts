import fc from 'fast-check';
import {
  formatVoucherCode,
  generateVoucherCode,
  generateVoucherCodes,
  parseVoucherCode,
  VOUCHER_CODE_LENGTH,
} from './voucher-code';

const BASE32_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A randomBytes stand-in that returns the given 8 bytes, to make codes predictable. */
function fixedBytes(hex: string): (size: number) => Buffer {
  return (size) => {
    expect(size).toBe(8);
    return Buffer.from(hex, 'hex');
  };
}

const arbitraryCode = fc
  .uint8Array({ minLength: 8, maxLength: 8 })
  .map((bytes) => generateVoucherCode(() => Buffer.from(bytes)));

describe('generateVoucherCode', () => {
  it('returns 12 base32 symbols and one check symbol', () => {
    const code = generateVoucherCode();
    expect(code).toHaveLength(VOUCHER_CODE_LENGTH);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$/);
  });

  it('encodes the low 60 bits big-endian with the mod-37 check symbol', () => {
    expect(generateVoucherCode(fixedBytes('0000000000000000'))).toBe('0000000000000');
    expect(generateVoucherCode(fixedBytes('0000000000000001'))).toBe('0000000000011');
    // 32 mod 37 = 32 and 36 mod 37 = 36: the extra check symbols.
    expect(generateVoucherCode(fixedBytes('0000000000000020'))).toBe('000000000010*');
    expect(generateVoucherCode(fixedBytes('0000000000000024'))).toBe('000000000014U');
    expect(generateVoucherCode(fixedBytes('0000000000000025'))).toBe('0000000000150');
    // The top 4 bits are dropped: 2^60 - 1 = 1152921504606846975, and that mod 37 is 9.
    expect(generateVoucherCode(fixedBytes('ffffffffffffffff'))).toBe('ZZZZZZZZZZZZ9');
  });

  it('defaults to a cryptographic random source', () => {
    const codes = new Set(Array.from({ length: 50 }, () => generateVoucherCode()));
    expect(codes.size).toBe(50);
  });
});

describe('generateVoucherCodes', () => {
  it('makes each code from its own 8 bytes of one draw, as generateVoucherCode would', () => {
    const sizes: number[] = [];
    const draw = Buffer.from('0000000000000001ffffffffffffffff0000000000000020', 'hex');
    const codes = generateVoucherCodes(3, (size) => {
      sizes.push(size);
      return draw;
    });
    expect(sizes).toEqual([24]);
    expect(codes).toEqual(['0000000000011', 'ZZZZZZZZZZZZ9', '000000000010*']);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => generateVoucherCodes(2, () => Buffer.alloc(15))).toThrow(RangeError);
  });

  it('defaults to a cryptographic random source', () => {
    expect(new Set(generateVoucherCodes(1_000)).size).toBe(1_000);
  });
});

describe('formatVoucherCode', () => {
  it('groups the body by four and separates the check symbol', () => {
    // Computed independently: 0x0123456789abcdef with the top 4 bits dropped, in base32.
    expect(formatVoucherCode('28T5CY4TQKFFA')).toBe('28T5-CY4T-QKFF-A');
  });

  it('refuses something that is not a voucher code', () => {
    expect(() => formatVoucherCode('ABC')).toThrow(RangeError);
  });
});

describe('parseVoucherCode', () => {
  it('round-trips every generated code through its printed form', () => {
    fc.assert(
      fc.property(arbitraryCode, (code) => {
        expect(parseVoucherCode(formatVoucherCode(code))).toEqual({ ok: true, code });
      }),
    );
  });

  it('detects every single-symbol substitution in the body', () => {
    fc.assert(
      fc.property(
        arbitraryCode,
        fc.nat({ max: 11 }),
        fc.nat({ max: BASE32_ALPHABET.length - 2 }),
        (code, position, offset) => {
          const original = code[position];
          const replacement = BASE32_ALPHABET.replace(original, '')[offset];
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(parseVoucherCode(typo)).toEqual({ ok: false, reason: 'bad-check-character' });
        },
      ),
    );
  });

  it('detects a swap of two adjacent different symbols', () => {
    fc.assert(
      fc.property(arbitraryCode, fc.nat({ max: 10 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped =
          code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(parseVoucherCode(swapped)).toEqual({ ok: false, reason: 'bad-check-character' });
      }),
    );
  });

  it('rejects a wrong check symbol', () => {
    expect(parseVoucherCode('0000000000011')).toEqual({ ok: true, code: '0000000000011' });
    expect(parseVoucherCode('0000000000012')).toEqual({ ok: false, reason: 'bad-check-character' });
    expect(parseVoucherCode('000000000001U')).toEqual({ ok: false, reason: 'bad-check-character' });
  });

  it.each([
    ['empty', ''],
    ['too short', '000000000001'],
    ['too long', '00000000000011'],
    ['U in the body', '00000000000U1'],
    ['check-only symbol in the body', '00000000000*1'],
    ['punctuation', '0000.0000.0000.0'],
    ['non-ASCII', '0000-0000-0000-é'],
    ['non-ASCII letter that upper-cases to I', '0000-0000-000ı-1'],
  ])('rejects a malformed code (%s)', (_label, input) => {
    expect(parseVoucherCode(input)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('normalizes case, hyphens, spaces and the letters confused with digits', () => {
    const code = generateVoucherCode(fixedBytes('0123456789abcdef'));
    expect(code).toBe('28T5CY4TQKFFA');
    const expected = { ok: true, code };
    expect(parseVoucherCode(code.toLowerCase())).toEqual(expected);
    expect(parseVoucherCode(formatVoucherCode(code))).toEqual(expected);
    expect(parseVoucherCode(` ${code.slice(0, 4)} ${code.slice(4, 8)}  ${code.slice(8)} `)).toEqual(expected);
    expect(parseVoucherCode('OOOO-OOOO-OOO1-1')).toEqual({ ok: true, code: '0000000000011' });
    expect(parseVoucherCode('oooo oooo oooi l')).toEqual({ ok: true, code: '0000000000011' });
    expect(parseVoucherCode('0000-0000-000L-i')).toEqual({ ok: true, code: '0000000000011' });
    expect(parseVoucherCode('0000\t0000\t0001-1\r\n')).toEqual({ ok: true, code: '0000000000011' });
  });

  it('accepts the lowercase extra check symbol u', () => {
    expect(parseVoucherCode('0000-0000-0014-u')).toEqual({ ok: true, code: '000000000014U' });
  });
});
