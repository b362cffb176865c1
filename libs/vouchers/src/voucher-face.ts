/**
 * What is printed on one voucher of a book, as plain strings, kept apart from the PDF layout so
 * the wording can be checked without parsing a PDF.
 */
import { formatEuros, formatFrenchDate } from './french-format';
import { parseQrPayload } from './qr-payload';
import { formatVoucherCode } from './voucher-code';

export interface PrintableVoucher {
  readonly voucherId: string;
  /** Canonical or already formatted; it is re-checked so a mistyped code is never printed. */
  readonly code: string;
  /** The signed payload from `SigningKeyRing.signVoucher`. */
  readonly qrText: string;
}

export interface PrintableBook {
  readonly bookId: string;
  readonly programmeName: string;
  readonly payerName?: string;
  /** The payer's logo, printed in a corner: PNG only, pdfkit draws no SVG (an SVG logo shows on the dashboard). */
  readonly payerLogoPng?: Buffer;
  readonly faceValueCents: number;
  /** ISO 8601 dates, e.g. "2026-01-01". */
  readonly validFrom: string;
  readonly validUntil: string;
  readonly vouchers: readonly PrintableVoucher[];
}

export interface Brand {
  readonly name: string;
}

export const DEFAULT_BRAND: Brand = { name: 'Pass numérique' };

export interface VoucherFace {
  readonly title: string;
  readonly programme: string;
  readonly offeredBy?: string;
  readonly value: string;
  readonly validUntil: string;
  readonly validFrom: string;
  readonly code: string;
  readonly codeHint: string;
  readonly position: string;
  readonly bookLabel: string;
}

export function voucherFace(book: PrintableBook, index: number, brand: Brand = DEFAULT_BRAND): VoucherFace {
  const voucher = book.vouchers[index];
  if (!voucher) throw new RangeError(`Book ${book.bookId} has no voucher at index ${index}`);
  // Catches a QR code paired with the wrong voucher before it is printed and handed out.
  if (parseQrPayload(voucher.qrText)?.voucherId !== voucher.voucherId) {
    throw new RangeError(
      `The QR payload of voucher ${voucher.voucherId} is malformed or names another voucher`,
    );
  }
  return {
    title: brand.name,
    programme: book.programmeName,
    offeredBy: book.payerName ? `Offert par ${book.payerName}` : undefined,
    value: formatEuros(book.faceValueCents),
    validUntil: `Valable jusqu'au ${formatFrenchDate(book.validUntil)}`,
    validFrom: `à partir du ${formatFrenchDate(book.validFrom)}`,
    code: formatVoucherCode(voucher.code),
    codeHint: 'Code à saisir si le QR code ne se lit pas',
    position: `Chèque ${index + 1} / ${book.vouchers.length}`,
    bookLabel: `Carnet ${book.bookId}`,
  };
}
