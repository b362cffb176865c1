import { toMillis, type Instant } from './time';

export const DEFAULT_GRACE_PERIOD_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The last instant a scan is accepted: validUntil plus the grace period (*mois de grâce*). */
export function redemptionDeadline(
  validUntil: Instant,
  gracePeriodDays = DEFAULT_GRACE_PERIOD_DAYS,
): Instant {
  return new Date(toMillis(validUntil) + gracePeriodDays * DAY_MS).toISOString();
}
