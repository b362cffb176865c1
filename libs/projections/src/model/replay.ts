import { MemoryTables } from './memory-tables';
import type { ProjectedEvent } from './projected-event';
import type { Projection } from './projection';
import { keyOf, type Memory, type RowRef } from './table';

/** Applies events one after the other: the same code path for SQL batches and in-memory replays. */
export function applyEvents(
  projection: Projection,
  memory: MemoryTables,
  events: readonly ProjectedEvent[],
): void {
  for (const event of events) for (const change of projection.project(event, memory)) memory.apply(change);
}

/** A projection's whole read model, in memory, from a list of events (time travel, tests). */
export function replay(projection: Projection, events: readonly ProjectedEvent[]): MemoryTables {
  const memory = new MemoryTables(projection.tables, true);
  applyEvents(projection, memory, events);
  return memory;
}

const MAX_READ_ROUNDS = 4;

/**
 * The rows a batch reads that are not in `overlay` yet, asked for until none is new: `load` fetches
 * them (and seeds the overlay). A second round lets a loaded row name more rows (a book's vouchers).
 */
export async function preloadReads(
  projection: Projection,
  overlay: MemoryTables,
  events: readonly ProjectedEvent[],
  load: (refs: RowRef[]) => Promise<void>,
): Promise<void> {
  const lenient: Memory = {
    get: (table, key) => (overlay.isKnown(table, key) ? overlay.get(table, key) : undefined),
  };
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const missing = new Map<string, RowRef>();
    for (const event of events)
      for (const ref of projection.reads(event, lenient))
        if (!overlay.isKnown(ref.table, ref.key))
          missing.set(`${ref.table} ${keyOf(overlay.spec(ref.table), ref.key)}`, ref);
    if (missing.size === 0) return;
    await load([...missing.values()]);
  }
}
