import type { SqlEventStore } from '@pass/event-store';
import type { Projection } from '../model/projection';
import { BatchCombiner } from './batch-combiner';
import { ProjectionRunner, type RunnerOptions } from './projection-runner';
import { SharedLogReads } from './shared-log-reads';

/** How long the combiner waits for the other runners' batches: they read the log together, but their answers arrive apart. */
const COMBINE_WINDOW_MS = 3;

/**
 * All projections of one process (the API in-process, or apps/projector), each with its own runner
 * and lock; the pages of the log they read at the same time are read once (SharedLogReads), and the
 * batches they write at about the same time share one transaction (BatchCombiner).
 */
export class ProjectionHost {
  readonly runners: ProjectionRunner[];
  private stopListening?: Promise<(() => Promise<void>) | undefined>;

  constructor(
    private readonly store: SqlEventStore,
    projections: readonly Projection[],
    options: RunnerOptions = {},
  ) {
    const combiner = new BatchCombiner(store.sql, COMBINE_WINDOW_MS);
    const log = new SharedLogReads(store);
    this.runners = projections.map(
      (projection) => new ProjectionRunner(store, projection, options, combiner, log),
    );
  }

  /** Runners wake on the store's append notifications (LISTEN/NOTIFY) and poll as a fallback. */
  start(): void {
    for (const runner of this.runners) runner.start();
    this.stopListening = this.store.onAppended(() => this.wake()).catch(() => undefined);
  }

  wake(): void {
    for (const runner of this.runners) runner.wake();
  }

  async stop(): Promise<void> {
    await (
      await this.stopListening
    )?.();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Every projection up to the log's end, in the caller's flow (tests, scripts). */
  async catchUp(): Promise<number> {
    let total = 0;
    for (const runner of this.runners) total += await runner.catchUp();
    return total;
  }
}
