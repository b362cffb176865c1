import { isValidSiren, isValidSiret } from './french-ids';

describe('SIREN and SIRET', () => {
  it('accepts real numbers whose Luhn check holds', () => {
    expect(isValidSiren('200054781')).toBe(true);
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length or letters', () => {
    expect(isValidSiren('200054782')).toBe(false);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiren('20005478A')).toBe(false);
  });

  it("applies La Poste's rule to its establishments", () => {
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(isValidSiret('35600000000011')).toBe(false);
  });
});
