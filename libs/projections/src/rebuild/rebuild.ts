import type { SqlEventStore } from '@pass/event-store';
import type { Projection } from '../model/projection';
import { tryAdvisoryLock } from '../runner/advisory-lock';
import {
  activateGeneration,
  createGeneration,
  dropGeneration,
  dropInactiveGenerations,
  ensureProjection,
  nextGeneration,
  readCheckpoint,
} from '../sql/catalog';
import { WriteBehindWindow } from './write-behind-window';

/**
 * Events per read of the log. Two batches are alive at once (one projected, the next read ahead),
 * and the young generation's collections copy every object still alive: at 1,000 against 2,000,
 * voucher-status' rebuild spent a fifth less time in scavenges and ran 1-11 % faster in seven
 * alternations, territory-spend too, programme-summary the same (scripts/bench/findings.md,
 * thirteenth session).
 */
export const DEFAULT_REBUILD_BATCH_EVENTS = 1000;

export interface RebuildReport {
  readonly name: string;
  readonly fromGeneration: number;
  readonly toGeneration: number;
  readonly events: number;
  /** Windows written into the new generation, each moving its checkpoint (see WriteBehindWindow). */
  readonly flushes: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Blue/green: projects the whole log into the next generation's tables while readers (and the live
 * runner) keep using the active one, then repoints the views and the live runner at it in one
 * transaction, and drops the old tables. The live runner then goes on from the new generation's
 * checkpoint, so events appended during the rebuild are not lost.
 */
export async function rebuildProjection(
  store: SqlEventStore,
  projection: Projection,
  options: {
    batchSize?: number;
    /** Rows held in memory between writes (see WriteBehindWindow); tests make it small. */
    windowRows?: number;
    onProgress?: (events: number) => void;
  } = {},
): Promise<RebuildReport> {
  const lock = await tryAdvisoryLock(store, `rebuild:${projection.name}`);
  if (!lock) throw new Error(`a rebuild of ${projection.name} is already running`);
  try {
    // Tables of an older version keep serving until the swap: the rebuild is how they are replaced.
    await ensureProjection(store.sql, projection, { outdated: 'keep' });
    const next = await store.sql.transaction(async (tx) => {
      const active = await dropInactiveGenerations(tx, projection);
      const generation = await nextGeneration(tx, projection.name, active);
      await createGeneration(tx, projection, generation);
      return generation;
    });
    const started = process.hrtime.bigint();
    const checkpoint = (await readCheckpoint(store.sql, projection.name, next))!;
    // The next generation is private until the swap: its rows can wait in memory across batches.
    const window = new WriteBehindWindow(store.sql, projection, checkpoint, options.windowRows);
    let events = 0;
    const batchSize = options.batchSize ?? DEFAULT_REBUILD_BATCH_EVENTS;
    let nextBatch = store.readAll(checkpoint.position, batchSize);
    for (;;) {
      const batch = await nextBatch;
      if (batch.length === 0) break;
      // Read ahead while this batch is written: the log is only read, so the two overlap safely.
      nextBatch = store.readAll(batch[batch.length - 1].position, batchSize);
      nextBatch.catch(() => undefined); // awaited next round; a failed write must not leave it unhandled
      await window.add(batch);
      events += batch.length;
      options.onProgress?.(events);
    }
    await window.flush();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const previous = await store.sql.transaction((tx) => activateGeneration(tx, projection, next));
    await store.sql.transaction((tx) => dropGeneration(tx, projection, previous));
    return {
      name: projection.name,
      fromGeneration: previous,
      toGeneration: next,
      events,
      flushes: window.flushes,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events,
    };
  } finally {
    await lock.release();
  }
}
