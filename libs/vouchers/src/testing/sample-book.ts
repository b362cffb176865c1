import { SigningKeyRing } from '../qr-signing';
import { generateVoucherCode } from '../voucher-code';
import { PrintableBook } from '../voucher-face';

/** A book whose QR payloads are really signed, so it passes every check a real one would. */
export function sampleBook(
  overrides: Partial<Omit<PrintableBook, 'vouchers'>> & { voucherCount?: number } = {},
  ring = SigningKeyRing.generate('test-key'),
): PrintableBook {
  const { voucherCount = 3, ...bookFields } = overrides;
  const vouchers = Array.from({ length: voucherCount }, (_, index) => {
    const voucherId = `voucher-${index + 1}`;
    return { voucherId, code: generateVoucherCode(), qrText: ring.signVoucher(voucherId) };
  });
  return {
    bookId: 'book-42',
    programmeName: 'Chèques APTIC – Gironde 2026',
    payerName: 'Département de la Gironde',
    faceValueCents: 1000,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    vouchers,
    ...bookFields,
  };
}
