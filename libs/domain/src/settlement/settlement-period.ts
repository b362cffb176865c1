import type { Instant } from '../shared/time';

/**
 * Venues are reimbursed by calendar month as France counts it: a session recorded at 00:30 on
 * 1 April, Paris time, belongs to April although UTC still says 31 March.
 */
export const SETTLEMENT_TIME_ZONE = 'Europe/Paris';

export interface SettlementPeriod {
  /** The month settled, `YYYY-MM`: part of the key that allows one batch per ledger per period. */
  readonly period: string;
  /** The month's first instant in Paris (inclusive). */
  readonly from: Instant;
  /** The next month's first instant in Paris: the run's cut-off (payables recorded before it). */
  readonly until: Instant;
}

const PARIS_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: SETTLEMENT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The month that ended last, seen from `now`: what the monthly run on the 1st settles. */
export function previousMonthInParis(now: Instant): SettlementPeriod {
  const { year, month } = parisWallClock(Date.parse(now));
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return {
    period: `${previous.year}-${String(previous.month).padStart(2, '0')}`,
    from: startOfMonthInParis(previous.year, previous.month),
    until: startOfMonthInParis(year, month),
  };
}

/** Midnight on the 1st of `month` (1–12), Paris time, as a UTC instant. */
export function startOfMonthInParis(year: number, month: number): Instant {
  const wallClockAsUtc = Date.UTC(year, month - 1, 1);
  // Paris is one or two hours ahead of UTC; the offset is read at the instant itself, twice, in
  // case the first guess fell on the other side of a DST change (never at midnight on the 1st
  // in France today, but the rules are the tz database's, not ours).
  let instant = wallClockAsUtc - offsetMillisAt(wallClockAsUtc);
  instant = wallClockAsUtc - offsetMillisAt(instant);
  return new Date(instant).toISOString();
}

/** How far Paris's wall clock is ahead of UTC at `millis`. */
function offsetMillisAt(millis: number): number {
  const wall = parisWallClock(millis);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(millis / 1000) * 1000;
}

function parisWallClock(millis: number) {
  const parts = Object.fromEntries(
    PARIS_WALL_CLOCK.formatToParts(new Date(millis)).map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}
