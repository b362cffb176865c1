import type { SqlExecutor } from '@pass/event-store';
import { applyBatch, applyBatches, type Batch, type BatchOutcome } from './apply-batch';

interface Waiting {
  readonly batch: Batch;
  readonly resolve: (outcome: BatchOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes the batches that a process's runners hand in within `windowMs` as one transaction
 * (applyBatches). Runners woken by the same append read the same stretch of the log at nearly the
 * same moment, and six transactions of a few rows each cost six commits (WAL flushes) and twice as
 * many statements as the rows need. When the shared transaction fails, each batch is tried alone:
 * one projection's failure reaches its own runner only.
 */
export class BatchCombiner {
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly windowMs: number,
  ) {}

  apply(batch: Batch): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const round = this.waiting;
    this.waiting = [];
    if (round.length > 1) {
      const outcomes = await applyBatches(
        this.sql,
        round.map((waiting) => waiting.batch),
      ).catch(() => undefined);
      if (outcomes) return round.forEach((waiting, index) => waiting.resolve(outcomes[index]));
    }
    await Promise.all(
      round.map((waiting) => applyBatch(this.sql, waiting.batch).then(waiting.resolve, waiting.reject)),
    );
  }
}
