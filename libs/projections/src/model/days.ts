/** Figures are reported by French calendar day: a redemption at 00:30 in Paris belongs to that day. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Paris calendar day (YYYY-MM-DD) of an ISO instant. */
export function parisDay(instant: string): string {
  return PARIS_DAY.format(new Date(instant));
}
