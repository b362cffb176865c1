/** Instants travel as ISO-8601 strings; the domain compares them as epoch milliseconds. */
export type Instant = string;

export function toMillis(instant: Instant): number {
  return Date.parse(instant);
}

export function isBefore(a: Instant, b: Instant): boolean {
  return toMillis(a) < toMillis(b);
}

export function isAfter(a: Instant, b: Instant): boolean {
  return toMillis(a) > toMillis(b);
}
