import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@pass/domain';
import type { NewEvent } from '@pass/event-store';

/** Gives domain events their ids and the audit metadata (who, on which request) for the store. */
export function toNewEvents(
  events: readonly DomainEvent[],
  metadata: Record<string, unknown> = {},
): NewEvent[] {
  return events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data, metadata }));
}
