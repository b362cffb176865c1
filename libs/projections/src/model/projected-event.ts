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
    recordedAt: new Date(stored.recordedAt).toISOString(),
    position: stored.position,
  };
}
