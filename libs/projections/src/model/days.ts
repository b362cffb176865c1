/** Figures are reported by French calendar day: a redemption at 00:30 in Paris belongs to that day. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** UTC instants written by toISOString(): `YYYY-MM-DDTHH` then minutes, seconds, `Z`. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
const dayOfUtcHour = new Map<string, string>();
const MAX_REMEMBERED_HOURS = 100_000;

/**
 * The Europe/Paris calendar day (YYYY-MM-DD) of an ISO instant. Paris is a whole number of hours
 * from UTC, so a UTC instant's day in Paris depends only on its UTC hour: remembered per hour, as
 * formatting each instant was a measurable part of a projection rebuild.
 */
export function parisDay(instant: string): string {
  // Before 1950 Paris time was not always whole hours from UTC: no shortcut there.
  if (!UTC_INSTANT.test(instant) || instant < '1950') return PARIS_DAY.format(new Date(instant));
  const hour = instant.slice(0, 13);
  let day = dayOfUtcHour.get(hour);
  if (day === undefined) {
    day = PARIS_DAY.format(new Date(instant));
    if (dayOfUtcHour.size >= MAX_REMEMBERED_HOURS) dayOfUtcHour.clear();
    dayOfUtcHour.set(hour, day);
  }
  return day;
}
