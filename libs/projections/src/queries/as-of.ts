import { START_OF_LOG, type EventStore } from '@pass/event-store';
import type { MemoryTables } from '../model/memory-tables';
import { projected, type ProjectedEvent } from '../model/projected-event';
import type { Projection } from '../model/projection';
import { replay } from '../model/replay';

/**
 * Time travel: the read model as it stood at `asOf`, replayed in memory with the projection's own
 * code from the events recorded until then. Costs a read of the whole log: for audits, not dashboards.
 */
export async function replayAsOf(
  store: EventStore,
  projection: Projection,
  asOf: Date,
): Promise<MemoryTables> {
  const events: ProjectedEvent[] = [];
  let after = START_OF_LOG;
  for (;;) {
    const batch = await store.readAll(after, 5000);
    if (batch.length === 0) break;
    for (const event of batch)
      if (event.recordedAt.getTime() <= asOf.getTime()) events.push(projected(event));
    after = batch[batch.length - 1].position;
  }
  return replay(projection, events);
}
