import type { SqlExecutor, SqlQueryable, StoredEvent } from '@pass/event-store';
import { MemoryTables } from '../model/memory-tables';
import { comparePositions } from '../model/positions';
import { projected, type ProjectedEvent } from '../model/projected-event';
import type { Projection } from '../model/projection';
import { applyEvents, preloadReads } from '../model/replay';
import { lockActiveCheckpoints, saveCheckpoints, type Checkpoint } from '../sql/catalog';
import { loadIntoOverlay } from '../sql/load-into-overlay';
import { writeRows } from '../sql/read-model-sql';

/** Batches follow the active generation (a rebuild writes its own through rebuild/write-behind-window.ts). */
export interface BatchOptions {
  /** Test seam: runs after the rows are written and before COMMIT (the kill -9 test stops the process there). */
  readonly beforeCommit?: () => Promise<void>;
}

export type BatchOutcome = 'applied' | 'moved-on';

/** `stored` (read after `from`) for generation `from.generation` of `projection`. */
export interface Batch {
  readonly projection: Projection;
  readonly from: Checkpoint;
  readonly stored: readonly StoredEvent[];
  readonly options: BatchOptions;
}

/**
 * Applies the batch's events (read after `from`) to generation `from.generation` and moves its
 * checkpoint to the last one, all in one transaction: a crash anywhere leaves both as they were.
 * The checkpoint row is locked and compared first, so a second writer or a blue/green swap in
 * between makes this batch a no-op (`moved-on`) instead of counting twice.
 */
export async function applyBatch(sql: SqlExecutor, batch: Batch): Promise<BatchOutcome> {
  const [outcome] = await applyBatches(sql, [batch]);
  return outcome;
}

/**
 * applyBatch for batches of different projections in one transaction (each with its own outcome):
 * a process running six projections then commits once per round instead of six times, with one
 * statement to lock their catalog rows, one to read and one to move all their checkpoints. All or none of them are written.
 */
export async function applyBatches(sql: SqlExecutor, batches: readonly Batch[]): Promise<BatchOutcome[]> {
  const names = batches.map((batch) => batch.projection.name);
  if (new Set(names).size !== names.length) throw new Error(`one batch per projection: ${names.join(', ')}`);
  return sql.transaction(async (tx) => {
    const standing = await lockActiveCheckpoints(tx, names);
    const outcomes = batches.map((batch): BatchOutcome => {
      const current = standing.get(batch.projection.name);
      const unmoved =
        current?.generation === batch.from.generation &&
        comparePositions(current.position, batch.from.position) === 0;
      return unmoved ? 'applied' : 'moved-on';
    });
    const applied = batches.filter((_, index) => outcomes[index] === 'applied');
    const pages = new ProjectedPages();
    for (const batch of applied) await writeBatch(tx, batch, pages.of(batch.stored));
    await saveCheckpoints(
      tx,
      applied.map(({ projection, from, stored }) => ({
        name: projection.name,
        generation: from.generation,
        position: stored[stored.length - 1].position,
        events: stored.length,
      })),
    );
    await Promise.all(applied.map((batch) => batch.options.beforeCommit?.()));
    return outcomes;
  });
}

/**
 * Runners that shared a read of the log (SharedLogReads) hand in the same page: it is turned into
 * projected events once for all of them, not once per projection.
 */
class ProjectedPages {
  private readonly pages = new Map<readonly StoredEvent[], ProjectedEvent[]>();

  of(stored: readonly StoredEvent[]): ProjectedEvent[] {
    let events = this.pages.get(stored);
    if (!events) this.pages.set(stored, (events = stored.map(projected)));
    return events;
  }
}

async function writeBatch(
  tx: SqlQueryable,
  { projection, from }: Batch,
  events: readonly ProjectedEvent[],
): Promise<void> {
  const overlay = new MemoryTables(projection.tables, false);
  await preloadReads(projection, overlay, events, loadIntoOverlay(tx, overlay, from.generation));
  applyEvents(projection, overlay, events);
  for (const [table, writes] of overlay.takeWrites())
    await writeRows(tx, overlay.spec(table), from.generation, writes);
}
