import { formatEuros, formatFrenchDate } from './french-format';

describe('formatEuros', () => {
  it.each([
    [1000, '10,00 €'],
    [5, '0,05 €'],
    [0, '0,00 €'],
    [123456, '1 234,56 €'],
    [100000000, '1 000 000,00 €'],
  ])('formats %i cents as %s', (cents, expected) => {
    expect(formatEuros(cents)).toBe(expected);
  });

  it('uses only plain spaces, which the PDF standard fonts can draw', () => {
    expect(formatEuros(123456)).not.toMatch(/[\u202f\u00a0]/);
  });

  it.each([10.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a non-integer amount (%p)', (cents) => {
    expect(() => formatEuros(cents)).toThrow(RangeError);
  });
});

describe('formatFrenchDate', () => {
  it('prints a calendar date day first', () => {
    expect(formatFrenchDate('2026-12-31')).toBe('31/12/2026');
    expect(formatFrenchDate('2024-02-29')).toBe('29/02/2024');
  });

  it('prints a date-time as its day in France', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(formatFrenchDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    expect(formatFrenchDate('2026-06-30T21:59:00Z')).toBe('30/06/2026');
  });

  it.each(['2026-02-30', '2026-13-01', '31/12/2026', '2026-12-31 10:00', '', 'tomorrow', '2026-12-31Tnope'])(
    'refuses %p',
    (input) => {
      expect(() => formatFrenchDate(input)).toThrow(RangeError);
    },
  );
});
