import type { AppendAnswer, AppendRequest } from './append-arguments';
import { EndOfTurnQueue } from './end-of-turn-queue';

interface PendingAppend {
  readonly request: AppendRequest;
  readonly resolve: (answer: AppendAnswer) => void;
  readonly reject: (error: unknown) => void;
}

/** A batch this large goes at once: the function's per-append filtering grows with its square. */
const MAX_APPENDS_PER_BATCH = 64;

/**
 * Group commit: appends asked for during one turn of the event loop (concurrent scans, each one
 * event and one idempotency key) share one round trip, one transaction and one WAL flush. Each
 * append still succeeds or fails on its own (pass_append_batch). A lone append goes alone, and if
 * a batch fails as a whole (an error no single append should cause), each of its appends is sent
 * again alone, so that an error reaches only the append that causes it.
 */
export class AppendBatcher {
  private readonly queue = new EndOfTurnQueue<PendingAppend>(MAX_APPENDS_PER_BATCH, (batch) =>
    this.send(batch),
  );

  constructor(
    private readonly sendBatch: (requests: readonly AppendRequest[]) => Promise<AppendAnswer[]>,
    private readonly sendAlone: (request: AppendRequest) => Promise<AppendAnswer>,
  ) {}

  append(request: AppendRequest): Promise<AppendAnswer> {
    return new Promise((resolve, reject) => this.queue.push({ request, resolve, reject }));
  }

  private send(batch: PendingAppend[]): void {
    if (batch.length === 1) return this.alone(batch[0]);
    this.sendBatch(batch.map((pending) => pending.request)).then(
      (answers) => batch.forEach((pending, index) => pending.resolve(answers[index])),
      () => batch.forEach((pending) => this.alone(pending)),
    );
  }

  private alone(pending: PendingAppend): void {
    this.sendAlone(pending.request).then(pending.resolve, pending.reject);
  }
}
