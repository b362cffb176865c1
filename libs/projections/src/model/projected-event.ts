import type { GlobalPosition } from '@pass/event-store';

/** An event as projections see it: the store's record with `recordedAt` as an ISO instant. */
export interface ProjectedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: string;
  readonly position: GlobalPosition;
}

export function projected(stored: {
  type: string;
  data: unknown;
  recordedAt: Date | string;
  position: GlobalPosition;
}): ProjectedEvent {
  return {
    type: stored.type,
    data: stored.data,
    recordedAt: isoInstant(stored.recordedAt),
    position: stored.position,
  };
}

let lastMillis = Number.NaN;
let lastIso = '';

/**
 * Events appended together share their instant (one transaction's), and the log is read in order:
 * the last conversion is kept, so a run of such events is formatted once, not once per event.
 */
function isoInstant(recordedAt: Date | string): string {
  const millis = typeof recordedAt === 'string' ? Date.parse(recordedAt) : recordedAt.getTime();
  if (millis !== lastMillis) {
    lastIso = new Date(millis).toISOString();
    lastMillis = millis;
  }
  return lastIso;
}
