/**
 * French formatting for printed vouchers. Output is restricted to characters the PDF standard
 * fonts (WinAnsi encoding) can draw, since those fonts are what `book-pdf.ts` uses.
 */

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const ISO_CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1000 → "10,00 €", 123456 → "1 234,56 €". */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`Amount must be a whole number of cents, got ${cents}`);
  // fr-FR separates with U+202F and U+00A0, which WinAnsi fonts cannot draw.
  return EUROS.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * "2026-12-31" → "31/12/2026". A calendar date is printed as is; a date-time is shown as the
 * day it falls on in France, since that is where the voucher is used.
 */
export function formatFrenchDate(isoDate: string): string {
  const calendarDate = ISO_CALENDAR_DATE.exec(isoDate);
  if (calendarDate) {
    const [, year, month, day] = calendarDate;
    // `Date` rolls 2026-02-30 over to March 2: a real date survives the round trip unchanged.
    const roundTrip = new Date(Date.UTC(+year, +month - 1, +day)).toISOString().slice(0, 10);
    if (roundTrip !== isoDate) throw new RangeError(`Not a valid date: ${isoDate}`);
    return `${day}/${month}/${year}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(isoDate)) throw new RangeError(`Not an ISO 8601 date: ${isoDate}`);
  const instant = new Date(isoDate);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid date: ${isoDate}`);
  return PARIS_DATE.format(instant);
}
