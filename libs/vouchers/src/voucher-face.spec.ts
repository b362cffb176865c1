import { sampleBook } from './testing/sample-book';
import { voucherFace } from './voucher-face';

describe('voucherFace', () => {
  const book = sampleBook({ voucherCount: 10 });

  it('says what the voucher is worth, until when, and which one of the book it is', () => {
    const face = voucherFace(book, 2);
    expect(face).toEqual({
      title: 'Pass numérique',
      programme: 'Chèques APTIC – Gironde 2026',
      offeredBy: 'Offert par Département de la Gironde',
      value: '10,00 €',
      validUntil: "Valable jusqu'au 31/12/2026",
      validFrom: 'à partir du 01/01/2026',
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/),
      codeHint: expect.any(String),
      position: 'Chèque 3 / 10',
      bookLabel: 'Carnet book-42',
    });
    expect(face.code.replace(/-/g, '')).toBe(book.vouchers[2].code);
  });

  it('uses the brand name as title when one is given', () => {
    expect(voucherFace(book, 0, { name: 'Chèques Numérique Bordeaux' }).title).toBe(
      'Chèques Numérique Bordeaux',
    );
  });

  it('leaves out the payer line when there is no payer', () => {
    expect(voucherFace(sampleBook({ payerName: undefined }), 0).offeredBy).toBeUndefined();
  });

  it('prints a code typed in lowercase with hyphens in its canonical form', () => {
    const canonical = book.vouchers[0].code;
    const typed = {
      ...book,
      vouchers: [{ ...book.vouchers[0], code: canonical.toLowerCase().replace(/(.{4})/g, '$1-') }],
    };
    expect(voucherFace(typed, 0).code.replace(/-/g, '')).toBe(canonical);
  });

  it('refuses a code whose check symbol is wrong', () => {
    const code = book.vouchers[0].code;
    const wrongCheck = code.slice(0, 12) + (code[12] === '0' ? '1' : '0');
    const broken = { ...book, vouchers: [{ ...book.vouchers[0], code: wrongCheck }] };
    expect(() => voucherFace(broken, 0)).toThrow(/bad-check-character/);
  });

  it('refuses a QR payload that names another voucher', () => {
    const swapped = { ...book, vouchers: [{ ...book.vouchers[0], qrText: book.vouchers[1].qrText }] };
    expect(() => voucherFace(swapped, 0)).toThrow(/names another voucher/);
  });

  it('refuses an index outside the book', () => {
    expect(() => voucherFace(book, 10)).toThrow(RangeError);
  });
});
