/**
 * Ids are opaque strings without dots (the QR payload is dot-separated). A voucher id carries its
 * book id (`<bookId>-<nn>`) so that a scan finds the book stream, its unit of consistency, without
 * any index.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function voucherIdOf(bookId: string, index: number): string {
  return `${bookId}-${String(index + 1).padStart(2, '0')}`;
}

/** What voucherIdOf makes: the book id, then the voucher's number in it. */
const VOUCHER_ID = /^(.+)-(\d{2})$/;

/** Where voucherIdOf put the voucher in its book, or undefined for an id of another form. */
export function voucherIndexOf(voucherId: string): number | undefined {
  const number = Number(VOUCHER_ID.exec(voucherId)?.[2] ?? 0);
  return number > 0 ? number - 1 : undefined;
}

export function bookIdOfVoucher(voucherId: string): string | undefined {
  return VOUCHER_ID.exec(voucherId)?.[1];
}

export const streams = {
  programme: (programmeId: string) => `programme-${programmeId}`,
  book: (bookId: string) => `book-${bookId}`,
  venue: (venueId: string) => `venue-${venueId}`,
  payer: (payerId: string) => `payer-${payerId}`,
  /** What one payer owes one venue: the unit of consistency of settlement. */
  ledger: (payerId: string, venueId: string) => `ledger-${payerId}-${venueId}`,
  settlement: (batchId: string) => `settlement-${batchId}`,
};
