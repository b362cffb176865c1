import type { SqlExecutor, StoredEvent } from '@pass/event-store';
import { MemoryTables } from '../model/memory-tables';
import { comparePositions } from '../model/positions';
import { projected } from '../model/projected-event';
import type { Projection } from '../model/projection';
import { applyEvents, preloadReads } from '../model/replay';
import { readCheckpoint, saveCheckpoint, type Checkpoint } from '../sql/catalog';
import { loadIntoOverlay } from '../sql/load-into-overlay';
import { writeRows } from '../sql/read-model-sql';

export interface BatchOptions {
  /** Only the live runner follows the active generation; a rebuild writes its own, not yet active. */
  readonly mustBeActive: boolean;
  /** Test seam: runs after the rows are written and before COMMIT (the kill -9 test stops the process there). */
  readonly beforeCommit?: () => Promise<void>;
}

export type BatchOutcome = 'applied' | 'moved-on';

/**
 * Applies `events` (read after `from`) to generation `from.generation` and moves its checkpoint to
 * the last one, all in one transaction: a crash anywhere leaves both as they were. The checkpoint
 * row is locked and compared first, so a second writer or a blue/green swap in between makes this
 * batch a no-op (`moved-on`) instead of counting twice.
 */
export async function applyBatch(
  sql: SqlExecutor,
  projection: Projection,
  from: Checkpoint,
  stored: readonly StoredEvent[],
  options: BatchOptions,
): Promise<BatchOutcome> {
  const events = stored.map(projected);
  return sql.transaction(async (tx) => {
    if (options.mustBeActive) {
      const [active] = await tx.query<{ generation: number }>(
        `select generation from pj_projections where name = $1 for update`,
        [projection.name],
      );
      if (Number(active?.generation) !== from.generation) return 'moved-on';
    }
    const current = await readCheckpoint(tx, projection.name, from.generation);
    if (!current || comparePositions(current.position, from.position) !== 0) return 'moved-on';

    const overlay = new MemoryTables(projection.tables, false);
    await preloadReads(projection, overlay, events, loadIntoOverlay(tx, overlay, from.generation));
    applyEvents(projection, overlay, events);
    for (const [table, writes] of overlay.takeWrites())
      await writeRows(tx, overlay.spec(table), from.generation, writes);
    await saveCheckpoint(
      tx,
      projection.name,
      from.generation,
      events[events.length - 1].position,
      events.length,
    );
    await options.beforeCommit?.();
    return 'applied';
  });
}
