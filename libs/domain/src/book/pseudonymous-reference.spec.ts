import { looksPersonal } from './pseudonymous-reference';

describe('beneficiary references', () => {
  it.each(['dossier-2026-0042', 'CCAS/12345', 'a1b2c3', 'ref:77'])(
    'accepts the opaque reference %s',
    (reference) => {
      expect(looksPersonal(reference)).toBe(false);
    },
  );

  it.each([
    ['an e-mail address', 'marie.dupont@example.fr'],
    ['a phone number', '06 12 34 56 78'],
    ['an international phone number', '+33612345678'],
    ['a NIR', '1 84 12 76 451 089 46'],
    ['a NIR from Corsica', '2 69 05 2A 123 456'],
  ])('refuses %s', (_kind, reference) => {
    expect(looksPersonal(reference)).toBe(true);
  });
});
