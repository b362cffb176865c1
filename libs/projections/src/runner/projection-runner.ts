import type { SqlEventStore } from '@pass/event-store';
import type { Projection } from '../model/projection';
import { ensureProjection, readActiveCheckpoint, type Checkpoint } from '../sql/catalog';
import { survivePoolClientErrors, tryAdvisoryLock, type HeldLock } from './advisory-lock';
import { applyBatch, type Batch, type BatchOutcome } from './apply-batch';
import type { BatchCombiner } from './batch-combiner';
import type { LogReader } from './shared-log-reads';

export interface RunnerOptions {
  readonly batchSize?: number;
  /**
   * How long an idle runner sleeps before looking at the log again: the fallback when a notification
   * is missed. `wake()` cuts the sleep short (the host calls it on every append notification, and the
   * API before answering from a read model).
   */
  readonly idleMs?: number;
  /**
   * After a partial batch, how long to let the log fill before the next one, even when woken: under
   * load a runner woken on every append otherwise reads a handful of events per transaction, and
   * its queries outnumber the appends'. Read models lag by at most this much more.
   */
  readonly paceMs?: number;
  /** How often a standby instance (another one holds the lock) tries to take over. */
  readonly lockRetryMs?: number;
  readonly beforeCommit?: () => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/**
 * 50 ms rather than 25: at 64 concurrent redemptions, alternated six times, the projector's CPU per
 * redemption fell by a fifth and the machine's by 8 %, while the read models held every event about
 * as soon after the load's last answer (BENCHMARKS.md, findings of 2026-12-07).
 */
export const DEFAULT_PACE_MS = 50;

/** Keeps one projection up to date with the log: batch after batch, each one transaction with its checkpoint. */
export class ProjectionRunner {
  private running?: Promise<void>;
  private stopped = false;
  private wakeUp?: () => void;
  private wakeRequested = false;
  private checkpoint?: Checkpoint;
  private lockHeld = false;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly paceMs: number;
  private readonly lockRetryMs: number;

  /**
   * @param combiner where the running loop hands its batches, when a host runs several projections:
   * they then share transactions. catchUp() writes its own, in the caller's flow.
   * @param log where batches are read from: the store, or reads shared with the host's other runners.
   */
  constructor(
    private readonly store: SqlEventStore,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
    private readonly combiner?: BatchCombiner,
    private readonly log: LogReader = store,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 150;
    this.paceMs = options.paceMs ?? DEFAULT_PACE_MS;
    this.lockRetryMs = options.lockRetryMs ?? 2000;
    survivePoolClientErrors(store);
  }

  get name(): string {
    return this.projection.name;
  }

  /** Whether this instance is the one writing (the others stand by). */
  get active(): boolean {
    return this.lockHeld;
  }

  start(): void {
    this.stopped = false;
    this.running ??= this.loop().finally(() => (this.running = undefined));
  }

  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  /** One batch: the number of events applied (0 when caught up). */
  async step(write = this.writeAlone): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      this.checkpoint ??= await readActiveCheckpoint(this.store.sql, this.name);
      if (!this.checkpoint) this.checkpoint = await ensureProjection(this.store.sql, this.projection);
      const events = await this.log.readAll(this.checkpoint.position, this.batchSize);
      if (events.length === 0) return 0;
      const outcome = await write({
        projection: this.projection,
        from: this.checkpoint,
        stored: events,
        options: { beforeCommit: this.options.beforeCommit },
      });
      if (outcome === 'applied') {
        this.checkpoint = { ...this.checkpoint, position: events[events.length - 1].position };
        return events.length;
      }
      // Another writer or a blue/green swap: start again from what the database says.
      this.checkpoint = undefined;
    }
    return 0;
  }

  private readonly writeAlone = (batch: Batch): Promise<BatchOutcome> => applyBatch(this.store.sql, batch);

  private readonly writeCombined = (batch: Batch): Promise<BatchOutcome> =>
    this.combiner ? this.combiner.apply(batch) : this.writeAlone(batch);

  /** Applies batches until the log holds nothing more for this projection. */
  async catchUp(): Promise<number> {
    await ensureProjection(this.store.sql, this.projection);
    let total = 0;
    for (let applied = await this.step(); applied > 0; applied = await this.step()) total += applied;
    return total;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let lock: HeldLock | undefined;
      try {
        lock = await tryAdvisoryLock(this.store, this.name);
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!lock) {
        await this.sleep(this.lockRetryMs);
        continue;
      }
      let lost = false;
      void lock.lost.then(() => {
        lost = true;
        this.wake();
      });
      this.lockHeld = true;
      this.checkpoint = undefined;
      try {
        await ensureProjection(this.store.sql, this.projection);
        while (!this.stopped && !lost) {
          const applied = await this.step(this.writeCombined);
          if (applied === 0) await this.sleep(this.idleMs);
          else if (applied < this.batchSize) await this.pause(this.paceMs);
        }
      } catch (error) {
        this.options.onError?.(error);
        await this.sleep(this.idleMs * 5);
      } finally {
        this.lockHeld = false;
        await lock.release();
      }
    }
  }

  /** A short wait that wake-ups do not cut short. */
  private pause(ms: number): Promise<void> {
    if (this.stopped || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private sleep(ms: number): Promise<void> {
    // A wake-up that came while a batch ran is not lost: the next sleep is skipped.
    if (this.stopped || this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
