import fc from 'fast-check';
import { schemaErrors } from '../../../../../test/support/xml-schema';
import { euros, pain001, sepaText, type Pain001Message } from './pain001';

const debtor = { name: 'Département de la Gironde', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPBOR' };
const message = (amounts: number[]): Pain001Message => ({
  messageId: 'stl-0123456789abcdef',
  createdAt: '2026-03-05T10:15:30.123Z',
  executionDate: '2026-03-06',
  debtor,
  transfers: amounts.map((amountCents, i) => ({
    endToEndId: `stl-${i}`,
    amountCents,
    creditor: {
      name: `Médiathèque n°${i} & co <Mérignac>`,
      iban: 'FR7630006000011234567890189',
      bic: i % 2 === 0 ? 'AGRIFRPP' : undefined,
    },
    remittanceInformation: `Pass numérique stl-${i}: 3 redemptions until 2026-03-01`,
  })),
});

describe('euros from integer cents', () => {
  it('prints two decimals exactly', () => {
    expect(euros(0)).toBe('0.00');
    expect(euros(5)).toBe('0.05');
    expect(euros(1001)).toBe('10.01');
    expect(euros(123_456_789)).toBe('1234567.89');
    expect(euros(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('gives back the cents it was given, for any amount', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (cents) => {
        const [whole, fraction] = euros(cents).split('.');
        expect(BigInt(whole) * 100n + BigInt(fraction)).toBe(BigInt(cents));
        expect(fraction).toHaveLength(2);
      }),
    );
  });

  it('refuses what is not cents', () => {
    expect(() => euros(1.5)).toThrow(RangeError);
    expect(() => euros(-1)).toThrow(RangeError);
  });
});

describe('SEPA text', () => {
  it('keeps to the basic Latin set and the field length', () => {
    expect(sepaText('Médiathèque Œuvre & Cœur_ß', 70)).toBe('Mediatheque OEuvre + Coeur ss');
    expect(sepaText('x'.repeat(80), 70)).toHaveLength(70);
    expect(sepaText('€€€', 10)).toBe('-');
  });
});

describe('a pain.001.001.03 credit transfer file', () => {
  it('counts the transfers and sums them in the group header and the payment information', () => {
    const xml = pain001(message([1000, 667, 1]));
    expect(xml.match(/<NbOfTxs>3<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>16.68<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml).toContain('<InstdAmt Ccy="EUR">6.67</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml).toContain('<CreDtTm>2026-03-05T10:15:30</CreDtTm>');
    expect(xml.match(/<CdtrAgt>/g)).toHaveLength(2);
  });

  it('validates against the official XSD, with and without BICs', () => {
    expect(schemaErrors(pain001(message([1000, 667, 1, 250_000])))).toEqual([]);
    const withoutBic = pain001({ ...message([5]), debtor: { ...debtor, bic: undefined } });
    expect(withoutBic).toMatch(/<DbtrAgt>\s*<FinInstnId>\s*<Othr>\s*<Id>NOTPROVIDED<\/Id>/);
    expect(schemaErrors(withoutBic)).toEqual([]);
  });

  it('is refused by the XSD when broken (the check can fail)', () => {
    const broken = pain001(message([1000])).replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>XXX</PmtMtd>');
    expect(schemaErrors(broken).join('\n')).toMatch(/PmtMtd/);
  });

  it('needs at least one transfer', () => {
    expect(() => pain001(message([]))).toThrow(RangeError);
  });
});
